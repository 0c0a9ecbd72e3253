//! The OpenRefine reconciliation API.

use serde_json::json;

use crate::{get, post_raw};

#[test]
fn manifest() {
    let v = get("/reconcile").json();
    assert!(v["name"].is_string());
    assert!(v["identifierSpace"].is_string());
    assert!(v["schemaSpace"].is_string());
    assert!(v["defaultTypes"].as_array().unwrap().iter().any(|t| t["id"] == "Person"));
    assert!(v["view"]["url"].as_str().unwrap().contains("{{id}}"));
    let r = get("/reconcile?callback=cb");
    assert!(r.body.starts_with("cb({"), "{}", r.body);
}

#[test]
fn batch_by_form_and_json() {
    let queries = json!({
        "q0": {"query": "Vladimir Putin", "type": "Person", "limit": 3, "properties": [{"pid": "birthDate", "v": "1952"}]},
        "q1": {"query": "Nobody Atall Xyzzy"},
    });
    let form =
        format!("queries={}", form_urlencoded::byte_serialize(queries.to_string().as_bytes()).collect::<String>());
    let r = post_raw("/reconcile", "application/x-www-form-urlencoded", form.as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    let top = &v["q0"]["result"][0];
    assert!(top["name"].as_str().unwrap().to_lowercase().contains("putin"), "{top}");
    assert!(top["score"].as_f64().unwrap() >= 70.0);
    assert_eq!(top["type"][0]["id"], "Person");
    assert!(top["id"].is_string() && top["match"].is_boolean());
    assert!(v["q1"]["result"].is_array());

    let r = post_raw("/reconcile", "application/json", json!({"queries": queries}).to_string().as_bytes());
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["q0"]["result"][0]["id"], top["id"]);

    let r = post_raw("/reconcile", "application/x-www-form-urlencoded", b"queries=%7Bnope");
    assert_eq!(r.status, 400);
    assert!(r.json()["detail"].as_str().unwrap().contains("queries"));
    crate::assert_healthy();
}
