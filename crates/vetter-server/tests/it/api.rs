//! The JSON API: yente's `/match`, `/search`, `/entities`, `/catalog`, health, metrics, OpenAPI, and errors.

use serde_json::{Value, json};

use crate::{assert_healthy, get, post_json, post_raw};

fn putin_query() -> Value {
    json!({"queries": {"q1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}}}})
}

#[test]
fn match_finds_putin_first_in_yentes_shape() {
    let r = post_json("/match/default", &putin_query());
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.content_type.starts_with("application/json"));
    let body = r.json();
    assert_eq!(body["limit"], 5);
    let q1 = &body["responses"]["q1"];
    assert_eq!(q1["status"], 200);
    assert_eq!(q1["query"]["schema"], "Person");
    assert_eq!(q1["query"]["properties"]["name"], json!(["Vladimir Putin"]));
    let results = q1["results"].as_array().unwrap();
    assert!(!results.is_empty() && results.len() <= 5);
    assert_eq!(q1["total"], json!({"value": results.len(), "relation": "eq"}));
    let top = &results[0];
    assert!(top["caption"].as_str().unwrap().to_lowercase().contains("putin"), "{top}");
    assert_eq!(top["match"], true);
    assert_eq!(top["schema"], "Person");
    assert_eq!(top["target"], true);
    for key in ["id", "caption", "schema", "properties", "datasets", "referents", "target", "score", "match"] {
        assert!(top.get(key).is_some(), "result lacks `{key}`: {top}");
    }
    assert!(top["score"].as_f64().unwrap() >= 0.7);
    assert!(top["properties"]["name"].as_array().is_some_and(|n| !n.is_empty()));
    assert!(top["properties"]["topics"].as_array().unwrap().iter().any(|t| t == "sanction"));
    assert!(top["datasets"].as_array().unwrap().len() >= 2, "Putin is on several lists: {}", top["datasets"]);
    assert!(!top["referents"].as_array().unwrap().is_empty());
    assert!(top["first_seen"].as_str().unwrap().contains('T'));
    assert!(top["features"]["name"].as_f64().unwrap() > 0.7);
    assert!(top["explanations"]["name"]["detail"].as_str().is_some_and(|d| !d.is_empty()));
    assert!(top["explanations"]["name"]["score"].is_number());
    for r in results.windows(2) {
        assert!(r[0]["score"].as_f64() >= r[1]["score"].as_f64());
    }
}

#[test]
fn match_takes_several_queries_names_and_features() {
    let body = json!({"queries": {
        "cyrillic": {"schema": "Person", "properties": {"name": ["Владимир Путин"], "birthDate": ["1952-10-07"], "nationality": ["ru"]}},
        "parts": {"schema": "Person", "properties": {"firstName": ["Vladimir"], "lastName": ["Putin"]}},
        "two_names": {"schema": "Person", "properties": {"name": ["Nobody Inparticular", "Vladimir Vladimirovich Putin"]}},
        "company": {"schema": "Company", "properties": {"name": "Rosneft"}},
    }});
    let r = post_json("/match/default?limit=3&threshold=0.75", &body);
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    let keys: Vec<&String> = v["responses"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["cyrillic", "parts", "two_names", "company"], "answers keep the request's order");
    assert_eq!(v["limit"], 3);
    for key in ["cyrillic", "parts", "two_names"] {
        let top = &v["responses"][key]["results"][0];
        assert!(top["caption"].as_str().unwrap().to_lowercase().contains("putin"), "{key}: {top}");
    }
    let cyr = &v["responses"]["cyrillic"]["results"][0];
    assert!(cyr["features"].as_object().unwrap().len() >= 2, "birth date and country count: {cyr}");
    assert!(v["responses"]["company"]["results"].as_array().unwrap().len() <= 3);
}

#[test]
fn match_parameters_filter_and_score() {
    // A dataset in the path keeps only its entities.
    let r = post_json("/match/un_sc_sanctions", &putin_query());
    assert_eq!(r.status, 200, "{}", r.body);
    for hit in r.json()["responses"]["q1"]["results"].as_array().unwrap() {
        assert!(hit["datasets"].as_array().unwrap().iter().any(|d| d == "un_sc_sanctions"), "{hit}");
    }
    // A threshold above every score: nothing is a match, results are still given.
    let v = post_json("/match/default?threshold=1&cutoff=0", &putin_query()).json();
    let results = v["responses"]["q1"]["results"].as_array().unwrap().clone();
    assert!(!results.is_empty());
    assert!(results.iter().all(|r| r["match"] == (r["score"].as_f64().unwrap() >= 1.0)));
    // Topics: only PEP entities.
    let v = post_json("/match/default?topics=role.pep", &putin_query()).json();
    for hit in v["responses"]["q1"]["results"].as_array().unwrap() {
        assert!(hit["properties"]["topics"].as_array().unwrap().iter().any(|t| t == "role.pep"), "{hit}");
    }
    // Excluding the top entity by id.
    let top = post_json("/match/default", &putin_query()).json()["responses"]["q1"]["results"][0]["id"].clone();
    let v = post_json(&format!("/match/default?exclude_entity_ids={}", top.as_str().unwrap()), &putin_query()).json();
    assert!(v["responses"]["q1"]["results"].as_array().unwrap().iter().all(|r| r["id"] != top));
    // The OFAC algorithm and yente's algorithm names.
    for algorithm in ["ofac", "best", "logic-v2"] {
        let r = post_json(&format!("/match/default?algorithm={algorithm}"), &putin_query());
        assert_eq!(r.status, 200, "{algorithm}: {}", r.body);
        let top = &r.json()["responses"]["q1"]["results"][0];
        assert!(top["caption"].as_str().unwrap().to_lowercase().contains("putin"), "{algorithm}: {top}");
    }
}

#[test]
fn match_finds_a_vessel_by_imo_number() {
    let body = json!({"queries": {"v": {"schema": "Vessel", "properties": {"imoNumber": ["IMO 7406784"]}}}});
    let r = post_json("/match/default", &body);
    assert_eq!(r.status, 200, "{}", r.body);
    let results = r.json()["responses"]["v"]["results"].as_array().unwrap().clone();
    assert!(!results.is_empty(), "{}", r.body);
    assert_eq!(results[0]["schema"], "Vessel");
}

#[track_caller]
fn check_error(status: u16, path: &str, body: &[u8], needle: &str) {
    let r = post_raw(path, "application/json", body);
    assert_eq!(r.status, status, "{path}: {}", r.body);
    let v = r.json();
    assert_eq!(v["status"], status);
    assert!(v["code"].is_string());
    let detail = v["detail"].as_str().unwrap();
    assert!(detail.contains(needle), "`{detail}` should mention `{needle}`");
    assert_healthy();
}

#[test]
fn match_errors_are_json_and_name_the_field() {
    check_error(400, "/match/default", b"{not json", "not valid JSON");
    check_error(400, "/match/default", b"", "empty");
    check_error(400, "/match/default", b"[]", "queries");
    check_error(400, "/match/default", br#"{"queries": []}"#, "queries");
    check_error(
        400,
        "/match/default",
        br#"{"queries": {"a": {"schema": "Spaceship", "properties": {"name": ["x"]}}}}"#,
        "queries.a.schema",
    );
    check_error(
        400,
        "/match/default",
        br#"{"queries": {"a": {"schema": "Person", "properties": {"shoeSize": ["44"]}}}}"#,
        "queries.a.properties.shoeSize",
    );
    check_error(
        400,
        "/match/default",
        br#"{"queries": {"a": {"schema": "Person", "properties": {"name": [{"x": 1}]}}}}"#,
        "queries.a.properties.name",
    );
    check_error(400, "/match/default", br#"{"queries": {"a": {"schema": "Person", "properties": {}}}}"#, "required");
    check_error(404, "/match/no_such_list", &serde_json::to_vec(&putin_query()).unwrap(), "no_such_list");
    check_error(400, "/match/default?algorithm=magic", &serde_json::to_vec(&putin_query()).unwrap(), "algorithm");
    check_error(400, "/match/default?threshold=2", &serde_json::to_vec(&putin_query()).unwrap(), "threshold");
    check_error(400, "/match/default?limit=abc", &serde_json::to_vec(&putin_query()).unwrap(), "limit");
    let many: serde_json::Map<String, Value> = (0..101)
        .map(|i| (format!("q{i}"), json!({"schema": "Person", "properties": {"name": ["Vladimir Putin"]}})))
        .collect();
    check_error(400, "/match/default", &serde_json::to_vec(&json!({"queries": many})).unwrap(), "at most 100");
    // The server answers 413 on the declared length and closes the connection
    // without reading the body, so a client still writing 5 MiB may see the
    // reset before it reads the answer; either way the server stays up.
    let huge = vec![b' '; 5 << 20];
    match crate::agent()
        .post(&format!("{}/match/default", crate::server().base))
        .header("content-type", "application/json")
        .send(&huge[..])
    {
        Ok(response) => {
            let r = crate::reply(Ok(response));
            assert_eq!(r.status, 413, "{}", r.body);
            assert!(r.json()["detail"].as_str().unwrap().contains("too large"), "{}", r.body);
        }
        Err(ureq::Error::Io(_)) => {} // the reset came first
        Err(e) => panic!("unexpected client error: {e}"),
    }
    assert_healthy();
}

#[test]
fn match_answers_a_full_batch_of_100() {
    let queries: serde_json::Map<String, Value> = (0..100)
        .map(|i| (format!("q{i}"), json!({"schema": "Person", "properties": {"name": ["Vladimir Putin"]}})))
        .collect();
    let r = post_json("/match/default?limit=1", &json!({"queries": queries}));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["responses"].as_object().unwrap().len(), 100);
}

#[test]
fn search_entities_and_redirects() {
    let r = get("/search/default?q=Vladimir%20Putin&limit=3");
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["limit"], 3);
    assert_eq!(v["offset"], 0);
    assert!(v["facets"].is_object());
    let results = v["results"].as_array().unwrap();
    assert!(results.len() <= 3);
    let top = &results[0];
    assert!(top["caption"].as_str().unwrap().to_lowercase().contains("putin"));
    let id = top["id"].as_str().unwrap();

    let r = get(&format!("/entities/{id}"));
    assert_eq!(r.status, 200, "{}", r.body);
    let e = r.json();
    assert_eq!(e["id"], id);
    assert_eq!(e["schema"], "Person");
    assert!(e["properties"]["birthDate"].as_array().unwrap().iter().any(|d| d == "1952-10-07"));
    assert!(!e["records"].as_array().unwrap().is_empty());
    assert!(!e["merges"].as_array().unwrap().is_empty());
    // A merged record's id leads to the entity.
    let referent = e["referents"][0].as_str().unwrap().to_owned();
    let r = get(&format!("/entities/{referent}"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["id"], id);

    let r = get("/entities/no-such-entity");
    assert_eq!(r.status, 404);
    assert!(r.json()["detail"].as_str().unwrap().contains("no-such-entity"));
    let r = get("/search/default");
    assert_eq!(r.status, 400);
    assert!(r.json()["detail"].as_str().unwrap().contains("`q`"));
    let r = get("/search/default?q=putin&schema=Planet");
    assert_eq!(r.status, 400);
    assert_healthy();
}

#[test]
fn catalog_health_algorithms() {
    let v = get("/catalog").json();
    let datasets = v["datasets"].as_array().unwrap();
    assert_eq!(datasets[0]["name"], "default");
    assert_eq!(datasets[0]["type"], "collection");
    assert!(datasets.iter().any(|d| d["name"] == "us_ofac_sdn" && d["entity_count"].as_u64() > Some(1000)));
    assert_eq!(v["index_stale"], false);
    assert_eq!(get("/healthz").json(), json!({"status": "ok"}));
    let ready = get("/readyz").json();
    assert_eq!(ready["status"], "ok");
    assert!(ready["entities"].as_u64() > Some(1000));
    let algorithms = get("/algorithms").json();
    assert_eq!(algorithms["best"], "vetter");
    let r = get("/no/such/path");
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["code"], "not_found");
}

#[test]
fn metrics_openapi_and_swagger_ui() {
    assert_healthy();
    let r = get("/metrics");
    assert_eq!(r.status, 200);
    for needle in [
        "vetter_http_requests_total",
        "vetter_http_request_duration_seconds_bucket",
        "vetter_index_generation",
        "vetter_index_age_seconds",
    ] {
        assert!(r.body.contains(needle), "/metrics lacks {needle}:\n{}", r.body);
    }
    let r = get("/openapi.json");
    assert_eq!(r.status, 200);
    let doc = r.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/match/{dataset}",
        "/search/{dataset}",
        "/entities/{id}",
        "/catalog",
        "/healthz",
        "/readyz",
        "/reconcile",
        "/admin/reload",
        "/screen",
    ] {
        assert!(doc["paths"].get(path).is_some(), "openapi.json lacks {path}");
    }
    assert!(doc["components"]["schemas"].get("MatchResponse").is_some());
    assert!(doc["components"]["schemas"].get("ScreenLine").is_some());
    let screen = &doc["paths"]["/screen"]["post"];
    assert!(screen["requestBody"]["content"].get("text/csv").is_some(), "{screen}");
    assert!(screen["requestBody"]["content"].get("application/x-ndjson").is_some(), "{screen}");
    assert!(screen["responses"].get("415").is_some(), "{screen}");
    // What schemathesis checks against (issue 7): JSONP answers are documented, the form body is an
    // object, the bodies the server does without are optional, and the bounds the server enforces.
    for method in ["get", "post"] {
        let ok = &doc["paths"]["/reconcile"][method]["responses"]["200"]["content"];
        assert!(ok.get("application/javascript").is_some(), "{method} /reconcile: {ok}");
    }
    let reconcile = &doc["paths"]["/reconcile"]["post"]["requestBody"];
    assert_eq!(reconcile["required"], false, "{reconcile}");
    assert!(reconcile["content"]["application/x-www-form-urlencoded"]["schema"]["$ref"].is_string(), "{reconcile}");
    assert_eq!(doc["paths"]["/scan"]["post"]["requestBody"]["required"], false);
    let search = doc["paths"]["/search/{dataset}"]["get"]["parameters"].as_array().unwrap();
    let limit = search.iter().find(|p| p["name"] == "limit").unwrap();
    assert_eq!((limit["schema"]["minimum"].as_u64(), limit["schema"]["maximum"].as_u64()), (Some(1), Some(500)));
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for (status, response) in operation["responses"].as_object().unwrap() {
                assert!(response["description"].is_string(), "{method} {path} {status}: no description");
            }
        }
    }
    let r = get("/docs/");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("swagger"), "{}", &r.body[..r.body.len().min(500)]);
}

#[test]
fn admin_reload_requires_the_key() {
    let r = post_raw("/admin/reload", "application/json", b"");
    assert_eq!(r.status, 401, "{}", r.body);
    assert_eq!(r.json()["code"], "unauthorized");
    let r = crate::agent()
        .post(&format!("{}/admin/reload", crate::server().base))
        .header("authorization", "Bearer wrong")
        .send_empty()
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_healthy();
}

#[test]
fn match_results_are_the_entities_the_entities_endpoint_shows() {
    // `/match` builds entities from the per-load record table; `/entities` through `Engine::show`.
    let body = json!({"queries": {
        "a": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}},
        "b": {"schema": "Company", "properties": {"name": ["Rosneft"]}},
        "c": {"schema": "Vessel", "properties": {"imoNumber": ["IMO 7406784"]}},
    }});
    let v = post_json("/match/default?limit=10&cutoff=0", &body).json();
    let mut seen = 0;
    for key in ["a", "b", "c"] {
        for hit in v["responses"][key]["results"].as_array().unwrap() {
            let mut shown = get(&format!("/entities/{}", hit["id"].as_str().unwrap())).json();
            let shown = shown.as_object_mut().unwrap();
            shown.remove("records");
            shown.remove("merges");
            for (field, value) in shown.iter() {
                assert_eq!(&hit[field.as_str()], value, "{key}: `{field}` of {}", hit["id"]);
            }
            seen += 1;
        }
    }
    assert!(seen >= 10, "{seen} entities compared");
}
