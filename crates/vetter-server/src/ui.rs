//! The analysts' web UI: server-rendered askama templates (compiled into the binary) with htmx
//! (vendored, one pinned file) for in-page updates; every page also works without JavaScript.
//!
//! Pages: `/` search with scores and explanations, `/ui/entities/{id}` an entity with every name
//! and its script, programs, identifiers, sources and merge reasons, `/ui/scan` a pasted text with
//! its mentions highlighted. `/ui/results` and `/ui/scan/report` are the htmx fragments.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use vetter_model::{Prop, PropKind};

use crate::api;
use crate::error::ApiError;
use crate::params::Params;
use crate::state::{Loaded, Shared};

const HTMX: &[u8] = include_bytes!("../assets/htmx-2.0.11.min.js");
const STYLE: &[u8] = include_bytes!("../assets/style.css");

/// The UI's routes.
pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/", get(search_page))
        .route("/ui/results", get(results_fragment))
        .route("/ui/entities/{id}", get(entity_page))
        .route("/ui/scan", get(scan_page).post(scan_submit))
        .route("/ui/scan/report", axum::routing::post(scan_fragment))
        .route("/assets/htmx-2.0.11.min.js", get(|| async { asset(HTMX, "text/javascript") }))
        .route("/assets/style.css", get(|| async { asset(STYLE, "text/css") }))
}

fn asset(bytes: &'static [u8], content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=86400")], bytes).into_response()
}

fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => ApiError::Internal(format!("rendering a page: {e}")).into_response(),
    }
}

fn status_line(loaded: &Loaded) -> String {
    format!("{} entities from {} lists", loaded.entities, loaded.datasets.len())
}

/// One search result as the page shows it.
struct ResultRow {
    id: String,
    caption: String,
    schema: String,
    score: String,
    percent: u32,
    match_class: &'static str,
    match_label: &'static str,
    risk: String,
    risk_class: String,
    matched_name: String,
    datasets: String,
    /// Feature, number, sentence.
    features: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "results.html")]
struct ResultsFragment {
    query: String,
    searched: bool,
    error: Option<String>,
    results: Vec<ResultRow>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    status: String,
    query: String,
    schema: String,
    schemas: Vec<(&'static str, &'static str)>,
    searched: bool,
    error: Option<String>,
    results: Vec<ResultRow>,
}

fn results(loaded: &Loaded, params: &Params) -> (String, bool, Option<String>, Vec<ResultRow>) {
    let query = params.get("q").unwrap_or("").to_owned();
    if query.is_empty() {
        return (query, false, None, Vec::new());
    }
    match api::search(loaded, "default", params) {
        Err(e) => (query, false, Some(e.to_string()), Vec::new()),
        Ok(found) => {
            let rows = found
                .results
                .into_iter()
                .map(|r| ResultRow {
                    id: r.entity.id,
                    caption: r.entity.caption,
                    schema: r.entity.schema,
                    score: format!("{:.2}", r.score),
                    percent: (r.score * 100.0).round().clamp(0.0, 100.0) as u32,
                    match_class: if r.is_match { "match" } else { "nomatch" },
                    match_label: if r.is_match { "match" } else { "no match" },
                    risk_class: r.risk.to_lowercase().replace(' ', "-"),
                    risk: r.risk,
                    matched_name: r.matched_name,
                    datasets: r.entity.datasets.join(", "),
                    features: r
                        .explanations
                        .into_iter()
                        .map(|(name, f)| (name, format!("{:+.3}", f.score), f.detail))
                        .collect(),
                })
                .collect();
            (query, true, None, rows)
        }
    }
}

const SCHEMAS: [(&str, &str); 5] =
    [("", "Any"), ("Person", "Person"), ("Company", "Company"), ("Organization", "Organization"), ("Vessel", "Vessel")];

async fn search_page(State(shared): State<Arc<Shared>>, RawQuery(raw): RawQuery) -> Response {
    let loaded = shared.loaded();
    let params = Params::parse(raw.as_deref());
    let (query, searched, error, results) = results(&loaded, &params);
    render(&SearchPage {
        status: status_line(&loaded),
        schema: params.get("schema").unwrap_or("").to_owned(),
        schemas: SCHEMAS.to_vec(),
        query,
        searched,
        error,
        results,
    })
}

async fn results_fragment(State(shared): State<Arc<Shared>>, RawQuery(raw): RawQuery) -> Response {
    let loaded = shared.loaded();
    let (query, searched, error, results) = results(&loaded, &Params::parse(raw.as_deref()));
    render(&ResultsFragment { query, searched, error, results })
}

#[derive(Template)]
#[template(path = "entity.html")]
struct EntityPage {
    status: String,
    id: String,
    caption: String,
    schema: String,
    risk: String,
    risk_class: String,
    topics: String,
    /// Name, kind, script, language tag for the script.
    names: Vec<(String, &'static str, &'static str, &'static str)>,
    programs: Vec<String>,
    identifiers: Vec<(String, String)>,
    details: Vec<(String, String)>,
    /// Dataset, record id, caption, snapshot.
    sources: Vec<(String, String, String, String)>,
    merges: Vec<vetter_engine::MergeReason>,
}

/// The dominant script of a name, with a BCP 47 tag for screen readers.
fn script(name: &str) -> (&'static str, &'static str) {
    let mut counts = [0usize; 7];
    for c in name.chars().filter(|c| c.is_alphabetic()) {
        let i = match c as u32 {
            0x0000..=0x024F | 0x1E00..=0x1EFF => 0,
            0x0370..=0x03FF => 1,
            0x0400..=0x052F => 2,
            0x0590..=0x05FF => 6,
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => 3,
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => 4,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x3040..=0x30FF => 5,
            _ => 6,
        };
        counts[i] += 1;
    }
    let best = (0..counts.len()).max_by_key(|&i| (counts[i], usize::MAX - i)).unwrap_or(0);
    match best {
        0 => ("Latin", "und-Latn"),
        1 => ("Greek", "und-Grek"),
        2 => ("Cyrillic", "und-Cyrl"),
        3 => ("Arabic", "und-Arab"),
        4 => ("Hangul", "und-Hang"),
        5 => ("Han", "und-Hani"),
        _ => ("other", "und"),
    }
}

async fn entity_page(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    let loaded = shared.loaded();
    let Some(detail) = loaded.engine.show(&id) else {
        let e = ApiError::NotFound(format!("entity `{id}` not found"));
        return (StatusCode::NOT_FOUND, Html(format!("<!doctype html><html lang=\"en\"><title>Not found</title><main><h1>Not found</h1><p>{}</p><p><a href=\"/\">Search</a></p></main></html>", escape(&e.to_string())))).into_response();
    };
    if detail.entity.id != id {
        let to = format!(
            "/ui/entities/{}",
            form_urlencoded::byte_serialize(detail.entity.id.as_bytes()).collect::<String>()
        );
        return axum::response::Redirect::to(&to).into_response();
    }
    let e = &detail.entity;
    let kind = |p: Prop| match p {
        Prop::Name => "name",
        Prop::Alias => "alias",
        Prop::WeakAlias => "weak alias",
        Prop::PreviousName => "previous name",
        _ => "name part",
    };
    let names = e
        .names()
        .map(|(p, n)| {
            let (s, tag) = script(n);
            (n.to_owned(), kind(p), s, tag)
        })
        .collect();
    let mut identifiers = Vec::new();
    let mut details = Vec::new();
    for (&prop, values) in &e.properties {
        if Prop::FULL_NAMES.contains(&prop) || prop == Prop::Program {
            continue;
        }
        if prop.kind() == PropKind::Identifier {
            identifiers.extend(values.iter().map(|v| (prop.as_str().to_owned(), v.clone())));
        } else if prop.kind() != PropKind::Name {
            let shown: Vec<String> = if prop.kind() == PropKind::Country {
                values
                    .iter()
                    .map(|c| vetter_model::country::country_name(c).map_or(c.clone(), |n| format!("{n} ({c})")))
                    .collect()
            } else {
                values.clone()
            };
            details.push((prop.as_str().to_owned(), shown.join("; ")));
        }
    }
    let risk = vetter_engine::screen::risk_label(&e.topics).to_owned();
    let snapshot = |dataset: &str, record: &str| {
        e.sources
            .iter()
            .find(|s| s.record_id == record || (s.dataset == dataset && record.ends_with(&s.record_id)))
            .map_or(String::new(), |s| s.snapshot.clone())
    };
    let page = EntityPage {
        status: status_line(&loaded),
        id: e.id.clone(),
        caption: e.caption.clone(),
        schema: crate::ftm::schema_name(e.schema).to_owned(),
        risk_class: risk.to_lowercase().replace(' ', "-"),
        risk,
        topics: e.topics.join(", "),
        names,
        programs: e.get(Prop::Program).to_vec(),
        identifiers,
        details,
        sources: detail
            .records
            .iter()
            .map(|r| (r.dataset.clone(), r.id.clone(), r.caption.clone(), snapshot(&r.dataset, &r.id)))
            .collect(),
        merges: detail.merges.clone(),
    };
    render(&page)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A highlighted piece of the scanned text.
struct Mark {
    class: &'static str,
    title: String,
    href: Option<String>,
}

/// A run of scanned text, marked or not.
struct Segment {
    text: String,
    mark: Option<Mark>,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportFragment {
    scanned: bool,
    error: Option<String>,
    segments: Vec<Segment>,
    /// Entity id, caption, risk, text, score.
    mentions: Vec<(String, String, String, String, String)>,
    places: Vec<String>,
    officials: Vec<String>,
    contacts: Vec<String>,
}

#[derive(Template)]
#[template(path = "scan.html")]
struct ScanPage {
    status: String,
    text: String,
    subject: String,
    scanned: bool,
    error: Option<String>,
    segments: Vec<Segment>,
    mentions: Vec<(String, String, String, String, String)>,
    places: Vec<String>,
    officials: Vec<String>,
    contacts: Vec<String>,
}

fn report(loaded: &Loaded, text: &str, subject: &str) -> ReportFragment {
    if text.trim().is_empty() {
        return ReportFragment {
            scanned: false,
            error: None,
            segments: Vec::new(),
            mentions: Vec::new(),
            places: Vec::new(),
            officials: Vec::new(),
            contacts: Vec::new(),
        };
    }
    let (text, report) = crate::scan::scan_text(loaded, text, Some(subject), false);
    let mut spans: Vec<(usize, usize, Mark)> = Vec::new();
    for m in &report.mentions {
        let title = format!("{} ({}, score {:.2})", m.entity.caption, m.entity.risk, m.score);
        spans.push((
            m.start,
            m.end,
            Mark { class: "m-listed", title, href: Some(format!("/ui/entities/{}", m.entity.id)) },
        ));
    }
    for j in &report.jurisdictions {
        let title = if j.programs.is_empty() {
            j.country_name.clone()
        } else {
            format!("{}: {}", j.country_name, j.programs.join(", "))
        };
        spans.push((j.start, j.end, Mark { class: "m-place", title, href: None }));
    }
    for o in &report.officials {
        spans.push((o.start, o.end, Mark { class: "m-official", title: o.role.clone(), href: None }));
    }
    // Listed entities first, then jurisdictions, then officials: a span overlapping one taken
    // earlier is not marked ("Russian President Vladimir Putin" marks the listed name).
    let mut taken: Vec<(usize, usize, Mark)> = Vec::new();
    for (start, end, mark) in spans {
        let valid = start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end);
        if valid && !taken.iter().any(|t| start < t.1 && t.0 < end) {
            taken.push((start, end, mark));
        }
    }
    taken.sort_by_key(|s| s.0);
    let mut segments = Vec::new();
    let mut at = 0;
    for (start, end, mark) in taken {
        if start > at {
            segments.push(Segment { text: text[at..start].to_owned(), mark: None });
        }
        segments.push(Segment { text: text[start..end].to_owned(), mark: Some(mark) });
        at = end;
    }
    if at < text.len() {
        segments.push(Segment { text: text[at..].to_owned(), mark: None });
    }
    let mut mentions: Vec<(String, String, String, String, String)> = Vec::new();
    for m in &report.mentions {
        if !mentions.iter().any(|x| x.0 == m.entity.id) {
            mentions.push((
                m.entity.id.clone(),
                m.entity.caption.clone(),
                m.entity.risk.clone(),
                m.text.clone(),
                format!("{:.2}", m.score),
            ));
        }
    }
    let mut places: Vec<String> = Vec::new();
    for j in &report.jurisdictions {
        let line = if j.programs.is_empty() {
            j.country_name.clone()
        } else {
            format!("{} — programs: {}", j.country_name, j.programs.join(", "))
        };
        if !places.contains(&line) {
            places.push(line);
        }
    }
    let officials = report
        .officials
        .iter()
        .map(|o| {
            let who = o.name.clone().map_or(String::new(), |n| format!("{n}, "));
            let country = o.country_name.clone().map_or(String::new(), |c| format!(" ({c})"));
            format!("{who}{}{country}", o.role)
        })
        .collect();
    let contacts = report
        .interactions
        .iter()
        .map(|i| format!("{} — {:?} with {}: “{}”", i.subject, i.kind, i.counterpart, i.sentence.trim()))
        .collect();
    ReportFragment { scanned: true, error: None, segments, mentions, places, officials, contacts }
}

fn form(body: &[u8]) -> (String, String) {
    let mut text = String::new();
    let mut subject = String::new();
    for (k, v) in form_urlencoded::parse(body) {
        match &*k {
            "text" => text = v.into_owned(),
            "subject" => subject = v.into_owned(),
            _ => {}
        }
    }
    (text, subject)
}

const MAX_SCAN_BYTES: usize = 1 << 20;

async fn scan_page(State(shared): State<Arc<Shared>>) -> Response {
    let loaded = shared.loaded();
    render(&ScanPage {
        status: status_line(&loaded),
        text: String::new(),
        subject: String::new(),
        scanned: false,
        error: None,
        segments: Vec::new(),
        mentions: Vec::new(),
        places: Vec::new(),
        officials: Vec::new(),
        contacts: Vec::new(),
    })
}

async fn scan_submit(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let loaded = shared.loaded();
    let (text, subject) = form(&body);
    let (text, subject, r) = tokio::task::spawn_blocking(move || {
        let r = if text.len() > MAX_SCAN_BYTES { None } else { Some(report(&loaded, &text, &subject)) };
        (text, subject, r)
    })
    .await
    .unwrap_or_default();
    let loaded = shared.loaded();
    let r = r.unwrap_or_else(|| ReportFragment {
        scanned: false,
        error: Some("the text is longer than 1 MiB; use `POST /scan` or `vetter scan`".into()),
        segments: Vec::new(),
        mentions: Vec::new(),
        places: Vec::new(),
        officials: Vec::new(),
        contacts: Vec::new(),
    });
    render(&ScanPage {
        status: status_line(&loaded),
        text,
        subject,
        scanned: r.scanned,
        error: r.error,
        segments: r.segments,
        mentions: r.mentions,
        places: r.places,
        officials: r.officials,
        contacts: r.contacts,
    })
}

async fn scan_fragment(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let loaded = shared.loaded();
    let (text, subject) = form(&body);
    if text.len() > MAX_SCAN_BYTES {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            Html("<p class=\"error\" role=\"alert\">The text is longer than 1 MiB.</p>"),
        )
            .into_response();
    }
    match tokio::task::spawn_blocking(move || report(&loaded, &text, &subject)).await {
        Ok(r) => render(&r),
        Err(e) => ApiError::Internal(format!("scan task failed: {e}")).into_response(),
    }
}
