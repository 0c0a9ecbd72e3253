//! `POST /screen`: bulk screening over HTTP on the bundled lists.
//!
//! 1. CSV in, one JSON line per row out, in input order across batches; the top hit of a row is
//!    what `Engine::screen` gives for the same query.
//! 2. JSON lines in (by content type and sniffed), with a bad line that becomes an error row.
//! 3. Parameters: `column` overrides, `limit`, `min_score`, `threshold`, datasets.
//! 4. Refusals before the stream (400, 413, 415) in the error shape; a body that grows past the
//!    limit without a length ends the stream with an error line; the server answers after each.

use serde_json::Value;
use vetter_engine::Query;
use vetter_model::Schema;

use crate::{agent, assert_healthy, post_raw, reply, server};

/// The lines of an answer, parsed.
fn lines(body: &str) -> Vec<Value> {
    body.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))).collect()
}

fn query(name: &str, schema: Option<Schema>, birth_date: Option<&str>, countries: &[&str]) -> Query {
    Query {
        name: name.to_owned(),
        schema,
        birth_date: birth_date.map(str::to_owned),
        countries: countries.iter().map(|c| c.to_string()).collect(),
        ..Query::default()
    }
}

/// Checks a result line against `Engine::screen` for the same query.
#[track_caller]
fn check_top_hit(line: &Value, expect: &Query, limit: usize) {
    let hits = server().shared.loaded().engine.screen(expect, limit);
    let results = line["results"].as_array().unwrap_or_else(|| panic!("no results: {line}"));
    assert_eq!(results.len(), hits.len(), "{line}");
    let (Some(top), Some(hit)) = (results.first(), hits.first()) else { return };
    assert_eq!(top["id"], hit.id.as_str(), "{line}");
    assert_eq!(top["score"].as_f64(), Some(hit.score));
    assert_eq!(top["match"], hit.is_match);
    assert_eq!(top["caption"], hit.caption.as_str());
    for key in ["datasets", "topics", "sources", "risk", "programs", "matched_name", "explanation"] {
        assert!(top.get(key).is_some(), "a result lacks `{key}`: {top}");
    }
}

#[test]
fn csv_rows_come_back_in_order_with_error_rows() {
    let csv = "ref,Full Name,Date of Birth,Nationality,type\n\
               a1,Vladimir Putin,1952-10-07,ru,Person\n\
               a2,,,,Person\n\
               a3,Rosneft,,,Spaceship\n\
               a4,Ali Khamenei,,ir,\n\
               a5,Jane Nobody Unlisted,1990,gb,Person\n";
    let r = post_raw("/screen?limit=3", "text/csv", csv.as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.content_type.starts_with("application/x-ndjson"), "{}", r.content_type);
    let out = lines(&r.body);
    assert_eq!(out.len(), 5, "{}", r.body);
    for (i, line) in out.iter().enumerate() {
        assert_eq!(line["row"], i, "{line}");
    }
    let putin = query("Vladimir Putin", Some(Schema::Person), Some("1952-10-07"), &["ru"]);
    assert_eq!(out[0]["query"]["name"], "Vladimir Putin");
    assert_eq!(out[0]["query"]["schema"], "Person");
    assert_eq!(out[0]["query"]["birth_date"], "1952-10-07");
    assert_eq!(out[0]["query"]["countries"], serde_json::json!(["ru"]));
    check_top_hit(&out[0], &putin, 3);
    assert!(out[0]["results"][0]["caption"].as_str().unwrap().to_lowercase().contains("putin"));
    assert_eq!(out[1], serde_json::json!({"row": 1, "error": "no name"}));
    assert!(out[2]["error"].as_str().unwrap().contains("Spaceship"), "{}", out[2]);
    assert!(out[2].get("results").is_none());
    check_top_hit(&out[3], &query("Ali Khamenei", None, None, &["ir"]), 3);
    check_top_hit(&out[4], &query("Jane Nobody Unlisted", Some(Schema::Person), Some("1990"), &["gb"]), 3);
    assert_healthy();
}

#[test]
fn order_holds_across_batches() {
    let names = ["Vladimir Putin", "Sergei Lavrov", "Maria Unlisted Person", "Rosneft", "Kim Jong Un", "Viktor Bout"];
    let rows = 700; // more than two batches of 256
    let mut csv = String::from("name\n");
    for i in 0..rows {
        csv.push_str(names[i % names.len()]);
        csv.push('\n');
    }
    let r = post_raw("/screen?limit=1", "text/csv", csv.as_bytes());
    assert_eq!(r.status, 200, "{}", &r.body[..r.body.len().min(500)]);
    let out = lines(&r.body);
    assert_eq!(out.len(), rows);
    for (i, line) in out.iter().enumerate() {
        assert_eq!(line["row"], i);
        assert_eq!(line["query"]["name"], names[i % names.len()], "{line}");
        assert!(line["results"].as_array().is_some_and(|r| r.len() <= 1), "{line}");
    }
    check_top_hit(&out[699], &query(names[699 % names.len()], None, None, &[]), 1);
}

#[test]
fn json_lines_by_content_type_and_sniffed() {
    let body = "{\"customer\": \"Vladimir Putin\", \"born\": \"1952-10-07\", \"countries\": [\"ru\"], \"kind\": \"Person\"}\n\
                \n\
                this is not json\n\
                {\"customer\": \"Sergei Lavrov\", \"kind\": \"Person\", \"extra\": {\"a\": 1}}\n";
    let path = "/screen?column=name=customer&column=schema=kind&limit=2";
    for content_type in ["application/x-ndjson", "application/jsonl", "application/octet-stream"] {
        let r = post_raw(path, content_type, body.as_bytes());
        assert_eq!(r.status, 200, "{content_type}: {}", r.body);
        let out = lines(&r.body);
        assert_eq!(out.len(), 3, "{content_type}: {}", r.body);
        check_top_hit(&out[0], &query("Vladimir Putin", Some(Schema::Person), Some("1952-10-07"), &["ru"]), 2);
        assert_eq!(out[1]["row"], 1);
        assert!(out[1]["error"].as_str().unwrap().starts_with("line 3 is not JSON"), "{}", out[1]);
        assert_eq!(out[2]["row"], 2);
        check_top_hit(&out[2], &query("Sergei Lavrov", Some(Schema::Person), None, &[]), 2);
    }
    // No content type at all: sniffed.
    let r = reply(agent().post(&format!("{}{path}", server().base)).send(body.as_bytes()));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(lines(&r.body).len(), 3);
}

#[test]
fn parameters_filter_and_decide() {
    // A common name, so that the results spread over the scores.
    let csv = "name\nMohammed Ali\n";
    // min_score leaves out the weaker results.
    let count = |path: &str| -> Vec<Value> {
        lines(&post_raw(path, "text/csv", csv.as_bytes()).body)[0]["results"].as_array().unwrap().clone()
    };
    let all = count("/screen?limit=20");
    let strong = count("/screen?limit=20&min_score=0.95");
    assert!(strong.len() < all.len(), "{} of {} results score 0.95 or more", strong.len(), all.len());
    assert!(strong.iter().all(|r| r["score"].as_f64() >= Some(0.95)));
    // threshold decides `match` instead of the engine's 0.7 (a name whose
    // results spread over 0.7 to 0.9: companies and vessels named alike).
    let csv = "name\nOcean Star\n";
    let count = |path: &str| -> Vec<Value> {
        lines(&post_raw(path, "text/csv", csv.as_bytes()).body)[0]["results"].as_array().unwrap().clone()
    };
    let results = count("/screen?limit=20&threshold=0.9");
    assert!(results.iter().any(|r| r["match"] == false && r["score"].as_f64() >= Some(0.7)), "{results:?}");
    assert!(results.iter().all(|r| r["match"] == (r["score"].as_f64().unwrap() >= 0.9)));
    // One dataset only.
    let csv = "name\nVladimir Putin\n";
    let out = lines(&post_raw("/screen?include_dataset=un_sc_sanctions", "text/csv", csv.as_bytes()).body);
    for hit in out[0]["results"].as_array().unwrap() {
        assert!(hit["datasets"].as_array().unwrap().iter().any(|d| d == "un_sc_sanctions"), "{hit}");
    }
    // Topics: PEPs only.
    let out = lines(&post_raw("/screen?topics=role.pep", "text/csv", csv.as_bytes()).body);
    assert!(!out[0]["results"].as_array().unwrap().is_empty(), "Putin is a PEP");
    for hit in out[0]["results"].as_array().unwrap() {
        assert!(hit["topics"].as_array().unwrap().iter().any(|t| t == "role.pep"), "{hit}");
    }
}

#[track_caller]
fn check_refused(status: u16, path: &str, content_type: &str, body: &[u8], needle: &str) {
    let r = post_raw(path, content_type, body);
    assert_eq!(r.status, status, "{path}: {}", r.body);
    let v = r.json();
    assert_eq!(v["status"], status);
    let detail = v["detail"].as_str().unwrap();
    assert!(detail.contains(needle), "`{detail}` should mention `{needle}`");
    assert_healthy();
}

#[test]
fn refusals_are_json_and_the_server_answers_after_each() {
    let csv = b"name\nVladimir Putin\n";
    check_refused(415, "/screen", "application/xml", b"<rows/>", "text/csv");
    check_refused(400, "/screen", "text/csv", b"customer,city\nx,y\n", "no name column in the header (customer, city)");
    check_refused(400, "/screen", "text/csv", b"", "empty");
    check_refused(400, "/screen?column=name", "text/csv", csv, "parameter `column`");
    check_refused(400, "/screen?column=name=nope", "text/csv", csv, "no column `nope`");
    check_refused(400, "/screen?limit=0", "text/csv", csv, "parameter `limit`");
    check_refused(400, "/screen?schema=Planet", "text/csv", csv, "parameter `schema`");
    check_refused(400, "/screen?include_dataset=nope", "text/csv", csv, "unknown dataset `nope`");
    check_refused(400, "/screen", "application/x-ndjson", b"{\"customer\": \"x\"}\n", "no name column");
}

#[test]
fn bodies_over_the_limit() {
    let small = crate::start(|c| c.max_screen_bytes = 50_000);
    let mut csv = String::from("name\n");
    while csv.len() < 400_000 {
        csv.push_str("Vladimir Putin\n");
    }
    // With a length: refused before reading.
    let r = reply(
        agent().post(&format!("{}/screen?limit=1", small.base)).header("content-type", "text/csv").send(csv.as_bytes()),
    );
    assert_eq!(r.status, 413, "{}", &r.body[..r.body.len().min(300)]);
    assert!(r.json()["detail"].as_str().unwrap().contains("50000 bytes"), "{}", r.body);
    // Without a length (chunked): refused, or the stream ends with an error line once past the limit.
    let r = reply(
        agent()
            .post(&format!("{}/screen?limit=1", small.base))
            .header("content-type", "text/csv")
            .send(ureq::SendBody::from_reader(&mut csv.as_bytes())),
    );
    if r.status == 413 {
        assert!(r.json()["detail"].as_str().unwrap().contains("larger than the 50000 bytes"), "{}", r.body);
    } else {
        assert_eq!(r.status, 200);
        let out = lines(&r.body);
        let last = out.last().unwrap();
        assert!(last.get("row").is_none(), "{last}");
        assert!(last["error"].as_str().unwrap().contains("larger than the 50000 bytes"), "{last}");
        assert!(out.len() < 400_000 / 15, "reading stopped at the limit");
    }
    let r = reply(agent().get(&format!("{}/healthz", small.base)).call());
    assert_eq!(r.status, 200);
}
