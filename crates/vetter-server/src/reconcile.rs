//! The OpenRefine reconciliation service API (version 0.2 of the W3C draft), so that a spreadsheet
//! column of names can be reconciled against the lists.
//!
//! - `GET /reconcile` answers the service manifest (`name`, `identifierSpace`, `schemaSpace`,
//!   `defaultTypes`, `view`).
//! - `GET /reconcile?queries=...` or `POST /reconcile` with a form field `queries` (or a JSON body)
//!   reconciles a batch: `{"q0": {"query": "Vladimir Putin", "type": "Person", "limit": 3,
//!   "properties": [{"pid": "birthDate", "v": "1952"}]}}` gives `{"q0": {"result": [{"id", "name",
//!   "score", "match", "type": [{"id", "name"}], "description"}]}}`. `score` is 0 to 100; `match` is
//!   true for a score of 70 or more when it is the only such candidate, so that OpenRefine can
//!   match it automatically.
//! - A `callback` parameter wraps any answer as JSONP.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::matching::{self, MatchOptions, Spec};
use crate::params::Params;
use crate::state::{Loaded, Shared};

/// The types a reconciliation query may name.
const TYPES: [&str; 6] = ["Person", "Company", "Organization", "LegalEntity", "Vessel", "Airplane"];

/// The service manifest.
fn manifest(base: &str) -> Value {
    json!({
        "versions": ["0.1", "0.2"],
        "name": "vetter sanctions and PEP lists",
        "identifierSpace": format!("{base}/entities/"),
        "schemaSpace": "https://followthemoney.tech/explorer/schemata/",
        "defaultTypes": TYPES.iter().map(|t| json!({"id": t, "name": t})).collect::<Vec<_>>(),
        "view": {"url": format!("{base}/ui/entities/{{{{id}}}}")},
        "batchSize": 25,
    })
}

/// The base URL the client used, from the `Host` header.
fn base_url(headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    format!("http://{host}")
}

/// A JSON answer, or JSONP when `callback` names a function.
fn respond(value: Value, callback: Option<&str>) -> Result<Response, ApiError> {
    match callback {
        None => Ok(axum::Json(value).into_response()),
        Some(cb) if !cb.is_empty() && cb.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') => {
            Ok(([(header::CONTENT_TYPE, "application/javascript")], format!("{cb}({value});")).into_response())
        }
        Some(_) => Err(ApiError::BadRequest("parameter `callback`: letters, digits, `_` and `.` only".into())),
    }
}

/// One reconciliation query as an entity example.
fn spec(field: &str, query: &Value) -> Result<(Spec, usize), ApiError> {
    let (text, ty, limit, props) = match query {
        Value::String(s) => (s.clone(), None, 3, Vec::new()),
        Value::Object(o) => {
            let text = match o.get("query") {
                Some(Value::String(s)) => s.clone(),
                None | Some(Value::Null) => String::new(),
                Some(_) => return Err(ApiError::BadRequest(format!("{field}.query: expected a string"))),
            };
            let ty = match o.get("type") {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Array(a)) => a.first().and_then(Value::as_str).map(str::to_owned),
                _ => None,
            };
            let limit = match o.get("limit") {
                None | Some(Value::Null) => 3,
                Some(v) => v.as_u64().filter(|n| (1..=100).contains(n)).ok_or_else(|| {
                    ApiError::BadRequest(format!("{field}.limit: expected a whole number from 1 to 100"))
                })? as usize,
            };
            let props = match o.get("properties") {
                Some(Value::Array(a)) => a.clone(),
                None | Some(Value::Null) => Vec::new(),
                Some(_) => return Err(ApiError::BadRequest(format!("{field}.properties: expected an array"))),
            };
            (text, ty, limit, props)
        }
        _ => return Err(ApiError::BadRequest(format!("{field}: expected an object with `query`"))),
    };
    let mut properties = serde_json::Map::new();
    properties.insert("name".into(), json!([text]));
    for (i, p) in props.iter().enumerate() {
        let pid = p.get("pid").and_then(Value::as_str).unwrap_or("");
        let values: Vec<Value> = match p.get("v") {
            Some(Value::Array(a)) => a.clone(),
            Some(Value::Null) | None => Vec::new(),
            Some(v) => vec![v.clone()],
        };
        let values: Vec<Value> = values
            .into_iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(Value::String(s)),
                Value::Number(n) => Some(Value::String(n.to_string())),
                Value::Object(o) => o.get("id").cloned(),
                _ => None,
            })
            .collect();
        if pid.is_empty() {
            return Err(ApiError::BadRequest(format!("{field}.properties[{i}].pid: required")));
        }
        let slot = properties.entry(pid.to_owned()).or_insert_with(|| json!([]));
        if let Value::Array(a) = slot {
            a.extend(values);
        }
    }
    let example = json!({"schema": ty.unwrap_or_else(|| "Thing".into()), "properties": properties});
    Ok((matching::parse_example(field, &example)?, limit))
}

/// Reconciles a batch of queries.
fn reconcile(loaded: &Loaded, queries: &Value) -> Result<Value, ApiError> {
    let Value::Object(queries) = queries else {
        return Err(ApiError::BadRequest("queries: expected a JSON object of query key to query".into()));
    };
    if queries.len() > matching::MAX_QUERIES {
        return Err(ApiError::BadRequest(format!("queries: at most {} queries per request", matching::MAX_QUERIES)));
    }
    let mut out = serde_json::Map::new();
    for (key, query) in queries {
        let (spec, limit) = spec(&format!("queries.{key}"), query)?;
        let options = MatchOptions {
            threshold: 0.7,
            cutoff: 0.3,
            limit,
            algorithm: vetter_matcher::Algorithm::Vetter,
            include: Vec::new(),
            exclude: Vec::new(),
            topics: Vec::new(),
            exclude_ids: Vec::new(),
            exclude_schemata: Vec::new(),
        };
        let results = matching::run(loaded, &spec, &options);
        let strong = results.iter().filter(|r| r.is_match).count();
        let result: Vec<Value> = results
            .iter()
            .map(|r| {
                let mut description: Vec<String> = r.entity.datasets.clone();
                if let Some(d) = r.entity.properties.get("birthDate").and_then(|d| d.first()) {
                    description.insert(0, format!("born {d}"));
                }
                json!({
                    "id": r.entity.id,
                    "name": r.entity.caption,
                    "score": matching::round(r.score * 100.0),
                    "match": r.is_match && strong == 1,
                    "type": [{"id": r.entity.schema, "name": r.entity.schema}],
                    "description": description.join(", "),
                })
            })
            .collect();
        out.insert(key.clone(), json!({"result": result}));
    }
    Ok(Value::Object(out))
}

/// The form body of `POST /reconcile` (OpenRefine's): both fields are optional.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // read with `form_urlencoded`; the struct only describes the form in the OpenAPI document
pub struct ReconcileForm {
    /// A JSON object of query key to query; without it the manifest is answered.
    queries: Option<String>,
    /// JSONP function name: letters, digits, `_` and `.`.
    callback: Option<String>,
}

/// The manifest, or the answer to `queries`.
#[utoipa::path(
    get,
    path = "/reconcile",
    tag = "reconciliation",
    params(
        ("queries" = Option<String>, Query, description = "a JSON object of query key to query; without it the manifest is answered"),
        ("callback" = Option<String>, Query, description = "JSONP function name"),
    ),
    responses(
        (status = 200, description = "The manifest or the results; with `callback`, the same JSON wrapped in a JSONP call", content(
            (Object = "application/json"),
            (String = "application/javascript"),
        )),
        (status = 400, body = crate::error::ErrorBody),
    )
)]
pub async fn reconcile_get(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let params = Params::parse(raw.as_deref());
    let callback = params.get("callback");
    match params.get("queries") {
        None => respond(manifest(&base_url(&headers)), callback),
        Some(q) => {
            let queries: Value = serde_json::from_str(q)
                .map_err(|e| ApiError::BadRequest(format!("parameter `queries`: not valid JSON: {e}")))?;
            respond(reconcile_blocking(shared.loaded(), queries).await?, callback)
        }
    }
}

/// [`reconcile`] on a blocking thread: a batch of up to 100 queries takes tens of milliseconds,
/// too long for an async worker.
async fn reconcile_blocking(loaded: Arc<Loaded>, queries: Value) -> Result<Value, ApiError> {
    tokio::task::spawn_blocking(move || reconcile(&loaded, &queries))
        .await
        .map_err(|e| ApiError::Internal(format!("reconciliation task failed: {e}")))?
}

/// Reconciles a batch sent as the form field `queries` or as a JSON body.
#[utoipa::path(
    post,
    path = "/reconcile",
    tag = "reconciliation",
    request_body(
        description = "`queries=<JSON>` form-encoded, or the JSON object itself (`{\"q0\": {\"query\": ...}}`, or `{\"queries\": {...}}`); without queries the manifest is answered",
        content(
            (ReconcileForm = "application/x-www-form-urlencoded"),
            (Object = "application/json"),
        )
    ),
    responses(
        (status = 200, description = "Per query key, `{\"result\": [...]}`; with `callback`, the same JSON wrapped in a JSONP call", content(
            (Object = "application/json"),
            (String = "application/javascript"),
        )),
        (status = 400, body = crate::error::ErrorBody),
        (status = 413, body = crate::error::ErrorBody),
    )
)]
pub async fn reconcile_post(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body?;
    let params = Params::parse(raw.as_deref());
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let form: BTreeMap<String, String> =
        if is_json { BTreeMap::new() } else { form_urlencoded::parse(&body).into_owned().collect() };
    let callback = form.get("callback").map(String::as_str).or(params.get("callback"));
    let queries: Value = match form.get("queries") {
        Some(q) => serde_json::from_str(q)
            .map_err(|e| ApiError::BadRequest(format!("form field `queries`: not valid JSON: {e}")))?,
        None if is_json => {
            let v = crate::error::parse_json(&body)?;
            v.get("queries").cloned().unwrap_or(v)
        }
        None => match params.get("queries") {
            Some(q) => serde_json::from_str(q)
                .map_err(|e| ApiError::BadRequest(format!("parameter `queries`: not valid JSON: {e}")))?,
            None => return respond(manifest(&base_url(&headers)), callback),
        },
    };
    respond(reconcile_blocking(shared.loaded(), queries).await?, callback)
}
