//! The web UI over HTTP (the headless-browser run is `tests/browser.sh`) and `POST /scan`.

use serde_json::json;

use crate::{get, post_json, post_raw};

const ARTICLE: &str = "Elon Musk met Russian President Vladimir Putin in Moscow. Musk later spoke with Iran's ambassador to the United Nations.";

#[test]
fn search_page_lists_putin_and_links_his_page() {
    let r = get("/");
    assert_eq!(r.status, 200);
    assert!(r.content_type.starts_with("text/html"));
    for needle in [
        "<html lang=\"en\">",
        "<main id=\"main\">",
        "<label for=\"q\">",
        "/assets/htmx-2.0.11.min.js",
        "role=\"search\"",
    ] {
        assert!(r.body.contains(needle), "the search page lacks {needle}");
    }
    let r = get("/?q=Vladimir+Putin");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("/ui/entities/"), "{}", r.body);
    assert!(r.body.to_lowercase().contains("putin"));
    assert!(r.body.contains("Why this score"));
    let fragment = get("/ui/results?q=Vladimir+Putin");
    assert_eq!(fragment.status, 200);
    assert!(!fragment.body.contains("<html"), "the htmx fragment is not a whole page");
    assert!(fragment.body.contains("class=\"badge match\""));
}

#[test]
fn entity_page_shows_names_sources_and_merges() {
    let id = get("/search/default?q=Vladimir%20Putin").json()["results"][0]["id"].as_str().unwrap().to_owned();
    let r = get(&format!("/ui/entities/{id}"));
    assert_eq!(r.status, 200, "{}", r.body);
    for needle in ["Names", "Cyrillic", "Sources", "Why these records are one entity", "Identifiers", "us_ofac_sdn"] {
        assert!(r.body.contains(needle), "the entity page lacks {needle}");
    }
    assert!(r.body.to_lowercase().contains("путин"), "names in every script");
    assert_eq!(get("/ui/entities/nope").status, 404);
}

#[test]
fn scan_page_highlights_listed_people() {
    let form =
        format!("text={}&subject=Elon+Musk", form_urlencoded::byte_serialize(ARTICLE.as_bytes()).collect::<String>());
    let r = post_raw("/ui/scan", "application/x-www-form-urlencoded", form.as_bytes());
    assert_eq!(r.status, 200);
    assert!(r.body.contains("<mark class=\"m-listed\""), "{}", r.body);
    assert!(r.body.contains("\">Vladimir Putin</mark>"), "the listed name wins over the official's role: {}", r.body);
    assert!(r.body.contains("<mark class=\"m-place\""));
    let fragment = post_raw("/ui/scan/report", "application/x-www-form-urlencoded", form.as_bytes());
    assert_eq!(fragment.status, 200);
    assert!(fragment.body.contains("m-listed") && !fragment.body.contains("<html"));
}

#[test]
fn assets_are_served_from_the_binary() {
    let r = get("/assets/htmx-2.0.11.min.js");
    assert_eq!(r.status, 200);
    assert!(r.body.starts_with("var htmx="));
    assert!(get("/assets/style.css").body.contains(":root"));
}

#[test]
fn scan_api_reports_mentions_with_spans() {
    let r = post_raw("/scan?subject=Elon%20Musk", "text/plain", ARTICLE.as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    let m = &v["mentions"][0];
    let (start, end) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
    assert_eq!(&ARTICLE[start..end], "Vladimir Putin");
    assert!(v["interactions"].as_array().is_some_and(|i| !i.is_empty()));
    let r = post_json("/scan", &json!({"text": ARTICLE, "subject": "Elon Musk"}));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["mentions"][0]["entity"]["id"], m["entity"]["id"]);
    let r = post_json("/scan", &json!({"subject": "x"}));
    assert_eq!(r.status, 400);
    assert!(r.json()["detail"].as_str().unwrap().contains("text"));
    let r = post_raw("/scan", "application/octet-stream", b"\x00\x01\x02binary");
    assert_eq!(r.status, 400);
    crate::assert_healthy();
}
