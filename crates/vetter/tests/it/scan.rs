//! `vetter scan`: JSON shape and spans, the subject's contacts, HTML output,
//! several files with one summary, and bad input (binary, empty, Windows-1252).

use crate::{folder, stdout, vetter};

const ARTICLE: &str = "Elon Musk, the CEO of SpaceX and Tesla, has been in covert communication with \
Russian President Vladimir Putin, according to a new report. Putin's aides declined to comment.\n";

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn scan_json_shape_and_contacts() {
    let f = folder(crate::SDN);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = vetter(&f, &["scan", &file, "--subject", "Elon Musk", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mentions = json["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2, "{mentions:#?}");
    for m in mentions {
        assert_eq!(m["entity"]["id"], "us_ofac_sdn-35096");
        assert_eq!(m["entity"]["risk"], "sanctioned");
        let (start, end) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(ARTICLE[start..end], *m["text"].as_str().unwrap());
        for key in ["caption", "schema", "datasets", "topics", "sources"] {
            assert!(!m["entity"][key].is_null(), "missing {key}");
        }
        assert!(m["score"].as_f64().unwrap() > 0.9);
    }
    assert_eq!(mentions[1]["via"], "surname");
    assert_eq!(json["jurisdictions"][0]["country"], "ru");
    assert_eq!(json["officials"][0]["name"], "Vladimir Putin");
    let contact = &json["interactions"][0];
    assert_eq!(contact["kind"], "communication");
    assert_eq!(contact["counterpart"], "Vladimir Putin");
    assert_eq!(contact["subject"], "Elon Musk");
}

#[test]
fn scan_html_and_text_output() {
    let f = folder(crate::SDN);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.html", format!("<html><body><p>{ARTICLE}</p></body></html>").as_bytes());
    let out = vetter(&f, &["scan", &file, "--format", "html"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = stdout(&out);
    assert!(html.starts_with("<!doctype html>"), "{html}");
    assert!(html.contains("<mark class=\"sanctioned\""), "{html}");
    assert!(!html.contains("http"), "no external assets");
    let text = stdout(&vetter(&f, &["scan", &file]));
    assert!(text.contains("[Vladimir Putin]{sanctioned 1}"), "{text}");
    assert!(text.contains("risk summary: 1 sanctioned"), "{text}");
}

#[test]
fn scan_folder_and_bad_input() {
    let f = folder(crate::SDN);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    write(dir.path(), "b.txt", b"Vladimir Putin met Bashar al-Assad in Moscow.\n");
    write(dir.path(), "c.txt", b"Caf\xe9 owners in Montr\xe9al met Vladimir Putin.\n");
    write(dir.path(), "d.txt", b"");
    let out = vetter(&f, &["scan", dir.path().to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 4);
    assert_eq!(json["summary"]["entities"][0]["id"], "us_ofac_sdn-35096");
    assert_eq!(json["summary"]["entities"][0]["documents"], 3);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("c.txt: not UTF-8"), "{err}");
    assert!(err.contains("d.txt: the document is empty"), "{err}");

    let binary = write(dir.path(), "e.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00");
    let out = vetter(&f, &["scan", &binary]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary file"));
    assert!(out.stdout.is_empty());
}
