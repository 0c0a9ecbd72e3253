//! The JSON API handlers: matching, search, entities, catalog, health, readiness and reload.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::error::{ApiError, ErrorBody, parse_json};
use crate::ftm::{self, FtmEntity};
use crate::matching::{self, MatchOptions, MatchResponse, ScoredEntity, Spec, Total};
use crate::params::Params;
use crate::state::{Loaded, ReloadReport, Shared};

/// The datasets `name` stands for: empty for `default` (every dataset), else the one dataset.
pub fn scope(loaded: &Loaded, name: &str) -> Result<Vec<String>, ApiError> {
    if name == "default" || name == "all" {
        return Ok(Vec::new());
    }
    if loaded.datasets.iter().any(|(id, _, _)| id == name) {
        return Ok(vec![name.to_owned()]);
    }
    Err(ApiError::NotFound(format!("dataset `{name}` not found; `/catalog` lists the datasets and collections")))
}

/// Queries of more than this many are screened off the async workers.
const INLINE_QUERIES: usize = 4;

/// Match entities against the lists, in yente's request and response shapes (see [`crate::matching`]).
#[utoipa::path(
    post,
    path = "/match/{dataset}",
    tag = "matching",
    request_body = matching::MatchRequest,
    params(
        ("dataset" = String, Path, description = "`default` (every list) or a dataset id from `/catalog`"),
        ("threshold" = Option<f64>, Query, minimum = 0, maximum = 1, description = "`match` is true from this score (default 0.7)"),
        ("cutoff" = Option<f64>, Query, minimum = 0, maximum = 1, description = "leave out results scoring less (default 0.5)"),
        ("limit" = Option<usize>, Query, minimum = 1, maximum = 500, description = "results per query (default 5, at most 500)"),
        ("include_dataset" = Option<Vec<String>>, Query, description = "only entities from these datasets"),
        ("exclude_dataset" = Option<Vec<String>>, Query, description = "leave out entities only in these datasets"),
        ("topics" = Option<Vec<String>>, Query, description = "only entities with one of these topics (`sanction`, `role.pep`...)"),
        ("algorithm" = Option<String>, Query, description = "`best`, `logic-v2`, `vetter` (all vetter's matcher) or `ofac`"),
    ),
    responses(
        (status = 200, description = "One response per query", body = MatchResponse),
        (status = 400, description = "Malformed JSON, an unknown schema or property, too many queries", body = ErrorBody),
        (status = 404, description = "Unknown dataset", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
    )
)]
pub async fn match_entities(
    State(shared): State<Arc<Shared>>,
    Path(dataset): Path<String>,
    RawQuery(raw): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<MatchResponse>, ApiError> {
    let loaded = shared.loaded();
    let params = Params::parse(raw.as_deref());
    let options = MatchOptions::from_params(&params, scope(&loaded, &dataset)?, 5)?;
    let body = parse_json(&body?)?;
    let many = body.get("queries").and_then(|q| q.as_object()).is_some_and(|q| q.len() > INLINE_QUERIES);
    let response = if many {
        tokio::task::spawn_blocking(move || matching::answer(&loaded, &body, &options))
            .await
            .map_err(|e| ApiError::Internal(format!("matching task failed: {e}")))??
    } else {
        matching::answer(&loaded, &body, &options)?
    };
    Ok(Json(response))
}

/// The answer to a search.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct SearchResponse {
    /// Best first.
    pub results: Vec<ScoredEntity>,
    /// How many results this page has.
    pub total: Total,
    /// The `limit` applied.
    pub limit: usize,
    /// The `offset` applied.
    pub offset: usize,
    /// Always empty (vetter computes no facets).
    pub facets: BTreeMap<String, serde_json::Value>,
}

/// Runs a name search; shared by the API and the web UI.
pub fn search(loaded: &Loaded, dataset: &str, params: &Params) -> Result<SearchResponse, ApiError> {
    let q = params.get("q").unwrap_or("");
    if q.is_empty() {
        return Err(ApiError::BadRequest("parameter `q`: a name to search for is required".into()));
    }
    if q.chars().count() > 500 {
        return Err(ApiError::BadRequest("parameter `q`: at most 500 characters".into()));
    }
    let schema = match params.get("schema") {
        None => None,
        Some(s) => matching::parse_schema("parameter `schema`", s)?,
    };
    let offset = params.count("offset", 0, 0, 10_000)?;
    let mut options = MatchOptions::from_params(params, scope(loaded, dataset)?, 10)?;
    if params.get("cutoff").is_none() {
        options.cutoff = 0.0;
    }
    let limit = options.limit;
    options.limit = (offset + limit).min(matching::MAX_LIMIT);
    let echo = matching::EntityExample {
        id: None,
        schema: schema.map_or("Thing", ftm::schema_name).to_owned(),
        properties: BTreeMap::from([("name".to_owned(), vec![q.to_owned()])]),
    };
    let spec = Spec {
        schema,
        names: vec![q.to_owned()],
        birth_date: None,
        countries: Vec::new(),
        identifiers: Vec::new(),
        echo,
    };
    let results: Vec<ScoredEntity> =
        matching::run(loaded, &spec, &options).into_iter().skip(offset).take(limit).collect();
    Ok(SearchResponse {
        total: Total { value: results.len(), relation: "eq" },
        results,
        limit,
        offset,
        facets: BTreeMap::new(),
    })
}

/// Search the lists by name.
#[utoipa::path(
    get,
    path = "/search/{dataset}",
    tag = "matching",
    params(
        ("dataset" = String, Path, description = "`default` or a dataset id"),
        ("q" = String, Query, min_length = 1, max_length = 500, description = "the name to search for"),
        ("schema" = Option<String>, Query, description = "Person, Company, Organization, LegalEntity, Vessel, Airplane, Asset"),
        ("limit" = Option<usize>, Query, minimum = 1, maximum = 500, description = "results (default 10, at most 500)"),
        ("offset" = Option<usize>, Query, maximum = 10000, description = "results to skip (at most 10,000)"),
        ("include_dataset" = Option<Vec<String>>, Query, description = "only these datasets"),
        ("exclude_dataset" = Option<Vec<String>>, Query, description = "not these datasets"),
        ("topics" = Option<Vec<String>>, Query, description = "only these topics"),
    ),
    responses(
        (status = 200, body = SearchResponse),
        (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
pub async fn search_entities(
    State(shared): State<Arc<Shared>>,
    Path(dataset): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResponse>, ApiError> {
    let loaded = shared.loaded();
    Ok(Json(search(&loaded, &dataset, &Params::parse(raw.as_deref()))?))
}

/// One entity with the list records merged into it and why.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct EntityResponse {
    /// The entity in FtM form.
    #[serde(flatten)]
    pub entity: FtmEntity,
    /// The list records merged into the entity.
    #[schema(value_type = Vec<Object>)]
    pub records: Vec<vetter_engine::RecordRef>,
    /// Why they were merged.
    #[schema(value_type = Vec<Object>)]
    pub merges: Vec<vetter_engine::MergeReason>,
}

/// One entity by its id; the id of a record merged into an entity redirects (308) to the entity.
#[utoipa::path(
    get,
    path = "/entities/{id}",
    tag = "entities",
    params(("id" = String, Path, description = "entity id or the id of a record merged into it")),
    responses(
        (status = 200, body = EntityResponse),
        (status = 308, description = "The id is a record merged into another entity"),
        (status = 404, body = ErrorBody),
    )
)]
pub async fn get_entity(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let loaded = shared.loaded();
    let Some(detail) = loaded.engine.show(&id) else {
        return Err(ApiError::NotFound(format!("entity `{id}` not found")));
    };
    if detail.entity.id != id {
        let to =
            format!("/entities/{}", form_urlencoded::byte_serialize(detail.entity.id.as_bytes()).collect::<String>());
        return Ok(Redirect::permanent(&to).into_response());
    }
    let entity = ftm::entity(&detail);
    Ok(Json(EntityResponse { entity, records: detail.records, merges: detail.merges }).into_response())
}

/// One dataset or collection of the catalog.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct CatalogDataset {
    /// Dataset id, or `default` for every list.
    pub name: String,
    /// A readable title.
    pub title: String,
    /// `source` or `collection`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Entities (for a source: before merging across lists).
    pub entity_count: u64,
    /// The snapshot date (sources) or the index generation (collections).
    pub version: String,
    /// The snapshot date of the newest list, as a timestamp.
    pub last_export: String,
    /// The datasets of a collection.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<String>,
    /// Whether `/match/{name}` takes it.
    pub load: bool,
}

/// The catalog.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Catalog {
    /// Collections then sources.
    pub datasets: Vec<CatalogDataset>,
    /// Names of the datasets loaded now.
    pub current: Vec<String>,
    /// Always empty.
    pub outdated: Vec<String>,
    /// Always false: the index is rebuilt whole.
    pub index_stale: bool,
}

fn title(dataset: &str) -> String {
    match dataset {
        "us_ofac_sdn" => "US OFAC Specially Designated Nationals",
        "us_ofac_cons" => "US OFAC consolidated non-SDN lists",
        "un_sc_sanctions" => "UN Security Council consolidated list",
        "eu_journal_sanctions" => "EU Official Journal sanctions designations",
        "gb_fcdo_sanctions" => "UK FCDO sanctions list",
        "us_trade_csl" => "US trade.gov Consolidated Screening List",
        "ua_war_sanctions" => "Ukraine war and sanctions",
        "interpol_red_notices" => "INTERPOL red notices",
        "us_congress" => "US Congress members",
        "wd_peps" => "Wikidata world leaders (PEPs)",
        other => other,
    }
    .to_owned()
}

/// The datasets and collections `/match/{dataset}` takes.
#[utoipa::path(get, path = "/catalog", tag = "system", responses((status = 200, body = Catalog)))]
pub async fn catalog(State(shared): State<Arc<Shared>>) -> Json<Catalog> {
    let loaded = shared.loaded();
    let newest = loaded.datasets.iter().map(|(_, s, _)| s.clone()).max().unwrap_or_default();
    let mut datasets = vec![CatalogDataset {
        name: "default".into(),
        title: "Every loaded list".into(),
        kind: "collection",
        entity_count: loaded.entities,
        version: format!("generation-{}", loaded.generation),
        last_export: ftm::timestamp(&newest),
        children: loaded.datasets.iter().map(|(d, _, _)| d.clone()).collect(),
        load: true,
    }];
    for (id, snapshot, entities) in &loaded.datasets {
        datasets.push(CatalogDataset {
            name: id.clone(),
            title: title(id),
            kind: "source",
            entity_count: *entities,
            version: snapshot.clone(),
            last_export: ftm::timestamp(snapshot),
            children: Vec::new(),
            load: true,
        });
    }
    let current = datasets.iter().map(|d| d.name.clone()).collect();
    Json(Catalog { datasets, current, outdated: Vec::new(), index_stale: false })
}

/// A health answer.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: &'static str,
    /// The index generation serving.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generation: Option<u64>,
    /// Entities loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<u64>,
}

/// The process is up.
#[utoipa::path(get, path = "/healthz", tag = "system", responses((status = 200, body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health { status: "ok", generation: None, entities: None })
}

/// The index is loaded and answers.
#[utoipa::path(get, path = "/readyz", tag = "system", responses((status = 200, body = Health), (status = 503, body = ErrorBody)))]
pub async fn readyz(State(shared): State<Arc<Shared>>) -> Result<Json<Health>, ApiError> {
    let loaded = shared.loaded();
    if loaded.engine.is_empty() {
        return Err(ApiError::Unavailable("the index has no entities".into()));
    }
    Ok(Json(Health { status: "ok", generation: Some(loaded.generation), entities: Some(loaded.entities) }))
}

/// Open the data folder again and swap in the new index with no request failing; requires the API key when one is set.
#[utoipa::path(
    post,
    path = "/admin/reload",
    tag = "system",
    responses((status = 200, body = ReloadReport), (status = 401, body = ErrorBody), (status = 500, body = ErrorBody)),
    security(("bearer" = []))
)]
pub async fn reload(State(shared): State<Arc<Shared>>) -> Result<Json<ReloadReport>, ApiError> {
    Ok(Json(shared.reload().await?))
}

/// Whether the request carries the configured API key.
pub fn authorized(shared: &Shared, headers: &HeaderMap) -> bool {
    let Some(key) = &shared.config().api_key else { return true };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .unwrap_or("");
    // Compare every byte so the time taken says nothing about the key.
    given.len() == key.len() && given.bytes().zip(key.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// Answers 404 in the error shape for unknown paths.
pub async fn not_found() -> (StatusCode, Json<ErrorBody>) {
    let e = ApiError::NotFound("no such endpoint; `/openapi.json` lists the endpoints".into());
    (StatusCode::NOT_FOUND, Json(e.body()))
}

/// One matching algorithm.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct AlgorithmInfo {
    /// The name `algorithm=` takes.
    pub name: &'static str,
    /// What it does.
    pub description: &'static str,
}

/// The algorithms `/match` takes.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Algorithms {
    /// Every algorithm.
    pub algorithms: Vec<AlgorithmInfo>,
    /// The one used without `algorithm=`.
    pub default: &'static str,
    /// The recommended one.
    pub best: &'static str,
}

/// The algorithms `/match` takes (`best` and `logic-v2` are names yente's clients send; both are vetter's matcher).
#[utoipa::path(get, path = "/algorithms", tag = "matching", responses((status = 200, body = Algorithms)))]
pub async fn algorithms() -> Json<Algorithms> {
    let vetter = "vetter's matcher: aligned words weighted by rarity, calibrated per schema, adjusted for birth date, country and identifiers";
    Json(Algorithms {
        algorithms: vec![
            AlgorithmInfo { name: "vetter", description: vetter },
            AlgorithmInfo { name: "best", description: "the same as `vetter`" },
            AlgorithmInfo { name: "logic-v2", description: "the same as `vetter` (the name yente gives its default)" },
            AlgorithmInfo {
                name: "ofac",
                description: "OFAC Sanctions List Search's method (Jaro-Winkler with Soundex) on the candidates vetter finds",
            },
        ],
        default: "vetter",
        best: "vetter",
    })
}
