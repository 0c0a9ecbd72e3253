//! `POST /match/{dataset}`: the matching API of yente, the field's standard, on vetter's engine.
//!
//! Request: `{"queries": {"q1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"],
//! "birthDate": ["1952-10-07"], "nationality": ["ru"], "passportNumber": [...]}}}}`, at most
//! [`MAX_QUERIES`] queries. Property values are arrays of strings (a lone string is taken too).
//! Names come from `name`, `alias`, `previousName` and `weakAlias`, else from the name parts
//! (`firstName`, `middleName`, `fatherName`, `lastName`) joined; each name is screened and the
//! results are merged per entity keeping the best score. `birthDate` (the first), the country
//! properties (`nationality`, `citizenship`, `country`, `jurisdiction`, `birthCountry`, `flag`) and
//! every identifier property feed the engine's features; other known properties are ignored and an
//! unknown property is a 400.
//!
//! Query parameters (as yente's): `threshold` (0.7; `match` is `score >= threshold`), `cutoff` (0.5;
//! lower scores are left out), `limit` (5, at most 500), `include_dataset`, `exclude_dataset`,
//! `topics`, `exclude_entity_ids` and `exclude_schema` (repeatable), `algorithm` (`best`, `logic-v2` and `vetter` are vetter's matcher;
//! `ofac` rescores with OFAC's method).
//!
//! Response: `{"responses": {"q1": {"status": 200, "results": [...], "total": {"value": N,
//! "relation": "eq"}, "query": {...}}}, "limit": 5}`; each result is an FtM entity (see
//! [`crate::ftm`]) with `score`, `match`, `features` (feature name to its number: `name` is the name
//! score, the others how much they moved it) and `explanations` (the same features with a sentence).

use std::collections::BTreeMap;

use serde_json::Value;
use vetter_engine::{Engine, Filters, Hit, Query};
use vetter_matcher::Algorithm;
use vetter_model::{Prop, PropKind, Schema};

use crate::error::ApiError;
use crate::ftm::{self, FtmEntity};
use crate::params::Params;
use crate::state::Loaded;

/// The most queries one request may carry.
pub const MAX_QUERIES: usize = 100;
/// The most results per query.
pub const MAX_LIMIT: usize = 500;
/// The most names screened per query.
const MAX_NAMES: usize = 20;

/// The documented shape of a `/match` request.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct MatchRequest {
    /// Query key (echoed in the response) to entity example.
    pub queries: BTreeMap<String, EntityExample>,
}

/// An entity to match: a schema and FtM properties.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct EntityExample {
    /// An id of the caller's, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `Person`, `Company`, `Organization`, `LegalEntity`, `Vessel`, `Airplane`, `Asset` or `Thing`.
    pub schema: String,
    /// FtM property name to values.
    pub properties: BTreeMap<String, Vec<String>>,
}

/// One result: an FtM entity with its score.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ScoredEntity {
    /// The entity.
    #[serde(flatten)]
    pub entity: FtmEntity,
    /// Score in [0, 1].
    pub score: f64,
    /// `score >= threshold`.
    #[serde(rename = "match")]
    pub is_match: bool,
    /// Feature name to its number (`name`: the name score; the others: how much they moved it).
    pub features: BTreeMap<String, f64>,
    /// Feature name to its number and a sentence saying why.
    pub explanations: BTreeMap<String, FeatureExplanation>,
    /// vetter's risk label: `sanctioned`, `sanction-linked`, `PEP`, `crime` or `other`.
    pub risk: String,
    /// The entity's name that matched best.
    pub matched_name: String,
}

/// One feature of a score.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct FeatureExplanation {
    /// The feature's number.
    pub score: f64,
    /// Why.
    pub detail: String,
}

/// The count of results.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Total {
    /// The number of results.
    pub value: usize,
    /// Always `eq`.
    pub relation: &'static str,
}

/// The answer to one query.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct QueryResponse {
    /// 200.
    pub status: u16,
    /// Best first.
    pub results: Vec<ScoredEntity>,
    /// How many results.
    pub total: Total,
    /// The query as understood.
    pub query: EntityExample,
}

/// The answer to a `/match` request.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct MatchResponse {
    /// Per query key, in request order.
    #[schema(value_type = BTreeMap<String, QueryResponse>)]
    #[serde(serialize_with = "ordered_map")]
    pub responses: Vec<(String, QueryResponse)>,
    /// The `limit` applied.
    pub limit: usize,
}

fn ordered_map<S: serde::Serializer>(pairs: &[(String, QueryResponse)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

/// The options of a request, from the query string and the dataset in the path.
#[derive(Debug, Clone)]
pub struct MatchOptions {
    /// `match` when the score reaches this.
    pub threshold: f64,
    /// Results below this are left out.
    pub cutoff: f64,
    /// At most this many results per query.
    pub limit: usize,
    /// The scoring method.
    pub algorithm: Algorithm,
    /// Entity filters (datasets, topics).
    pub include: Vec<String>,
    /// Datasets to leave out.
    pub exclude: Vec<String>,
    /// Topics to keep.
    pub topics: Vec<String>,
    /// Entity ids to leave out (`exclude_entity_ids`).
    pub exclude_ids: Vec<String>,
    /// Schemata to leave out (`exclude_schema`).
    pub exclude_schemata: Vec<Schema>,
}

impl MatchOptions {
    /// Reads the parameters; `scope` is the datasets the path's `{dataset}` stands for (empty: all).
    pub fn from_params(params: &Params, scope: Vec<String>, default_limit: usize) -> Result<MatchOptions, ApiError> {
        let algorithm = match params.get("algorithm") {
            None => Algorithm::Vetter,
            Some(name) => name.parse::<Algorithm>().map_err(|_| {
                ApiError::BadRequest(format!(
                    "parameter `algorithm`: unknown algorithm `{name}` (expected `best`, `logic-v2`, `vetter` or `ofac`)"
                ))
            })?,
        };
        // A dataset in the path and more in `include_dataset` (how yente's client sends several
        // datasets) take all of them; under `default`, `include_dataset` narrows.
        let mut include = params.all("include_dataset");
        if !scope.is_empty() {
            include.extend(scope);
        }
        Ok(MatchOptions {
            threshold: params.number("threshold", 0.7, 0.0, 1.0)?,
            cutoff: params.number("cutoff", 0.5, 0.0, 1.0)?,
            limit: params.count("limit", default_limit, 1, MAX_LIMIT)?,
            algorithm,
            include,
            exclude: params.all("exclude_dataset"),
            topics: params.all("topics"),
            exclude_ids: params.all("exclude_entity_ids"),
            exclude_schemata: params
                .all("exclude_schema")
                .iter()
                .filter_map(|s| parse_schema("parameter `exclude_schema`", s).transpose())
                .collect::<Result<_, _>>()?,
        })
    }
}

/// A validated query.
#[derive(Debug, Clone)]
pub struct Spec {
    /// `None` for `Thing`: every schema.
    pub schema: Option<Schema>,
    /// Names to screen.
    pub names: Vec<String>,
    /// The first birth date.
    pub birth_date: Option<String>,
    /// Country values.
    pub countries: Vec<String>,
    /// Identifier values.
    pub identifiers: Vec<String>,
    /// The query as understood, echoed.
    pub echo: EntityExample,
}

/// Parses a schema name as a query may give it.
pub fn parse_schema(field: &str, name: &str) -> Result<Option<Schema>, ApiError> {
    if name.eq_ignore_ascii_case("thing") {
        return Ok(None);
    }
    name.parse::<Schema>().map(Some).map_err(|_| {
        ApiError::BadRequest(format!(
            "{field}: unknown schema `{name}` (expected Person, Company, Organization, LegalEntity, Vessel, Airplane, Asset or Thing)"
        ))
    })
}

/// Validates one entity example; `field` names it in errors (`queries.q1`).
pub fn parse_example(field: &str, value: &Value) -> Result<Spec, ApiError> {
    let Value::Object(object) = value else {
        return Err(ApiError::BadRequest(format!("{field}: expected an object with `schema` and `properties`")));
    };
    let schema_name = match object.get("schema") {
        None | Some(Value::Null) => "Thing".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(ApiError::BadRequest(format!("{field}.schema: expected a string"))),
    };
    let schema = parse_schema(&format!("{field}.schema"), &schema_name)?;
    let id = match object.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    let mut props: BTreeMap<String, Vec<String>> = BTreeMap::new();
    match object.get("properties") {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (key, values) in map {
                let at = format!("{field}.properties.{key}");
                let list: Vec<String> = match values {
                    Value::String(s) => vec![s.clone()],
                    Value::Array(items) => items
                        .iter()
                        .map(|v| match v {
                            Value::String(s) => Ok(s.clone()),
                            Value::Number(n) => Ok(n.to_string()),
                            _ => Err(ApiError::BadRequest(format!("{at}: expected strings"))),
                        })
                        .collect::<Result<_, _>>()?,
                    Value::Number(n) => vec![n.to_string()],
                    Value::Null => Vec::new(),
                    _ => return Err(ApiError::BadRequest(format!("{at}: expected an array of strings"))),
                };
                let list: Vec<String> =
                    list.into_iter().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()).collect();
                if key != "topics" && key.parse::<Prop>().is_err() {
                    return Err(ApiError::BadRequest(format!("{at}: unknown property `{key}`")));
                }
                if !list.is_empty() {
                    props.entry(key.clone()).or_default().extend(list);
                }
            }
        }
        Some(_) => return Err(ApiError::BadRequest(format!("{field}.properties: expected an object"))),
    }
    let get = |p: Prop| props.get(p.as_str()).map(Vec::as_slice).unwrap_or_default();
    let mut names: Vec<String> = Vec::new();
    for p in [Prop::Name, Prop::Alias, Prop::PreviousName, Prop::WeakAlias] {
        for n in get(p) {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
    }
    if names.is_empty() {
        let parts: Vec<&str> = [Prop::FirstName, Prop::MiddleName, Prop::FatherName, Prop::LastName]
            .into_iter()
            .filter_map(|p| get(p).first().map(String::as_str))
            .collect();
        if !parts.is_empty() {
            names.push(parts.join(" "));
        }
    }
    names.truncate(MAX_NAMES);
    let countries: Vec<String> =
        [Prop::Nationality, Prop::Citizenship, Prop::Country, Prop::Jurisdiction, Prop::BirthCountry, Prop::Flag]
            .into_iter()
            .flat_map(|p| get(p).iter().cloned())
            .collect();
    let identifiers: Vec<String> = props
        .iter()
        .filter(|(k, _)| k.parse::<Prop>().is_ok_and(|p| p.kind() == PropKind::Identifier && p != Prop::SameAs))
        .flat_map(|(_, v)| v.iter().cloned())
        .collect();
    if names.is_empty() && identifiers.is_empty() {
        return Err(ApiError::BadRequest(format!(
            "{field}.properties: a `name` (or `firstName`/`lastName`) or an identifier such as `passportNumber` is required"
        )));
    }
    let birth_date = get(Prop::BirthDate).first().cloned();
    let echo = EntityExample { id, schema: schema_name, properties: props };
    Ok(Spec { schema, names, birth_date, countries, identifiers, echo })
}

/// One scored entity before it is written out.
struct Scored {
    hit: Hit,
    features: BTreeMap<String, f64>,
    explanations: BTreeMap<String, FeatureExplanation>,
}

fn vetter_scored(hit: Hit) -> Scored {
    let mut features = BTreeMap::from([("name".to_owned(), hit.explanation.name_score)]);
    let mut explanations = BTreeMap::from([(
        "name".to_owned(),
        FeatureExplanation { score: hit.explanation.name_score, detail: hit.explanation.name.clone() },
    )]);
    for f in &hit.explanation.features {
        *features.entry(f.name.clone()).or_insert(0.0) += f.delta;
        explanations
            .entry(f.name.clone())
            .and_modify(|e| {
                e.score += f.delta;
                e.detail = format!("{}; {}", e.detail, f.detail);
            })
            .or_insert(FeatureExplanation { score: f.delta, detail: f.detail.clone() });
    }
    Scored { hit, features, explanations }
}

/// Rescores a vetter hit with OFAC's method: the best over the entity's names.
fn ofac_scored(engine: &Engine, query_names: &[String], schema: Schema, mut hit: Hit) -> Scored {
    let names: Vec<String> = match engine.show(&hit.id) {
        Some(d) => d.entity.names().map(|(_, n)| n.to_owned()).collect(),
        None => vec![hit.matched_name.clone()],
    };
    let mut best: Option<(f64, String, String)> = None;
    for q in query_names {
        for n in &names {
            let c = vetter_matcher::compare(q, n, schema, Algorithm::Ofac);
            if best.as_ref().is_none_or(|b| c.score > b.0) {
                best = Some((c.score, n.clone(), c.explanation.summary));
            }
        }
    }
    let (score, name, summary) = best.unwrap_or((0.0, hit.matched_name.clone(), String::new()));
    hit.score = score;
    hit.matched_name = name;
    Scored {
        hit,
        features: BTreeMap::from([("ofac_name".to_owned(), score)]),
        explanations: BTreeMap::from([("ofac_name".to_owned(), FeatureExplanation { score, detail: summary })]),
    }
}

/// Screens one query: every name, merged per entity keeping the best score, best first.
pub fn run(loaded: &Loaded, spec: &Spec, options: &MatchOptions) -> Vec<ScoredEntity> {
    let engine = &loaded.engine;
    let ofac = options.algorithm == Algorithm::Ofac;
    let filters = Filters {
        include_datasets: options.include.clone(),
        exclude_datasets: options.exclude.clone(),
        topics: options.topics.clone(),
        min_score: if ofac { 0.0 } else { options.cutoff },
        limit: if ofac { (options.limit * 3).max(30) } else { options.limit + options.exclude_ids.len() },
    };
    let names: Vec<String> = if spec.names.is_empty() { vec![String::new()] } else { spec.names.clone() };
    let mut best: BTreeMap<String, Hit> = BTreeMap::new();
    for name in &names {
        let query = Query {
            name: name.clone(),
            schema: spec.schema,
            birth_date: spec.birth_date.clone(),
            countries: spec.countries.clone(),
            identifiers: spec.identifiers.clone(),
            datasets: Vec::new(),
        };
        for hit in engine.screen_with(&query, &filters) {
            match best.get(&hit.id) {
                Some(old) if old.score >= hit.score => {}
                _ => {
                    best.insert(hit.id.clone(), hit);
                }
            }
        }
    }
    let schema = spec.schema.unwrap_or(Schema::LegalEntity);
    let mut scored: Vec<Scored> = best
        .into_values()
        .map(|hit| if ofac { ofac_scored(engine, &spec.names, schema, hit) } else { vetter_scored(hit) })
        .filter(|s| s.hit.score >= options.cutoff)
        .filter(|s| !options.exclude_ids.contains(&s.hit.id) && !options.exclude_schemata.contains(&s.hit.schema))
        .collect();
    scored.sort_by(|a, b| b.hit.score.total_cmp(&a.hit.score).then_with(|| a.hit.id.cmp(&b.hit.id)));
    scored.truncate(options.limit);
    scored
        .into_iter()
        .map(|s| ScoredEntity {
            entity: ftm::hit_entity(loaded, &s.hit),
            score: round(s.hit.score),
            is_match: s.hit.score >= options.threshold,
            features: s.features.into_iter().map(|(k, v)| (k, round(v))).collect(),
            explanations: s.explanations,
            risk: s.hit.risk,
            matched_name: s.hit.matched_name,
        })
        .collect()
}

/// Rounds a score to 4 decimals for the wire.
pub fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Parses and answers a whole `/match` body.
pub fn answer(loaded: &Loaded, body: &Value, options: &MatchOptions) -> Result<MatchResponse, ApiError> {
    let Some(queries) = body.get("queries") else {
        return Err(ApiError::BadRequest("queries: required, an object of query key to entity example".into()));
    };
    let Value::Object(queries) = queries else {
        return Err(ApiError::BadRequest("queries: expected an object of query key to entity example".into()));
    };
    if queries.len() > MAX_QUERIES {
        return Err(ApiError::BadRequest(format!(
            "queries: {} queries given, at most {MAX_QUERIES} are allowed per request",
            queries.len()
        )));
    }
    let specs: Vec<(String, Spec)> = queries
        .iter()
        .map(|(key, value)| parse_example(&format!("queries.{key}"), value).map(|s| (key.clone(), s)))
        .collect::<Result<_, _>>()?;
    let responses = specs
        .into_iter()
        .map(|(key, spec)| {
            let results = run(loaded, &spec, options);
            let total = Total { value: results.len(), relation: "eq" };
            (key, QueryResponse { status: 200, results, total, query: spec.echo })
        })
        .collect();
    Ok(MatchResponse { responses, limit: options.limit })
}
