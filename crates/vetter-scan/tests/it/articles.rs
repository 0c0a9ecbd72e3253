//! The sample articles (`data/samples/articles`) and the articles written for
//! these tests (`crates/vetter-scan/tests/articles`), each with the findings
//! expected of it in a `.expect` file beside it.
//!
//! Expect lines, fields separated by ` | `:
//! - `subject | NAME`: scan with this subject;
//! - `mention | TEXT [| RISK]`: a mention printed as TEXT (with that risk);
//! - `no-hit | TEXT`: no mention printed as TEXT;
//! - `no-sanctioned | TEXT`: no sanctioned mention printed as TEXT;
//! - `jurisdiction | CODE`;
//! - `official | CODE | ROLE [| NAME]`: an official of that country whose role is ROLE (and name NAME);
//! - `contact | KIND | COUNTERPART`; `no-contact`: no contact at all.

use std::path::Path;

use crate::{repo, scan};

fn check_folder(dir: &Path) -> usize {
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut checked = 0;
    let mut failures = Vec::new();
    for expect in files.iter().filter(|p| p.extension().is_some_and(|e| e == "expect")) {
        let text = std::fs::read_to_string(expect.with_extension("txt")).unwrap();
        let lines = std::fs::read_to_string(expect).unwrap();
        let rows: Vec<Vec<&str>> =
            lines.lines().filter(|l| !l.trim().is_empty()).map(|l| l.split(" | ").map(str::trim).collect()).collect();
        let subject = rows.iter().find(|r| r[0] == "subject").map(|r| r[1]);
        let report = scan(&text, subject);
        let name = expect.file_name().unwrap().to_string_lossy().into_owned();
        for row in &rows {
            let ok = match row[0] {
                "subject" => true,
                "mention" => report
                    .mentions
                    .iter()
                    .any(|m| m.text == row[1] && row.get(2).is_none_or(|risk| m.entity.risk == *risk)),
                "no-hit" => !report.mentions.iter().any(|m| m.text == row[1]),
                "no-sanctioned" => !report.mentions.iter().any(|m| m.text == row[1] && m.entity.risk == "sanctioned"),
                "jurisdiction" => report.jurisdictions.iter().any(|j| j.country == row[1]),
                "official" => report.officials.iter().any(|o| {
                    o.country.as_deref() == Some(row[1])
                        && o.role == row[2]
                        && row.get(3).is_none_or(|n| o.name.as_deref() == Some(*n))
                }),
                "contact" => report
                    .interactions
                    .iter()
                    .any(|i| serde_json::to_value(i.kind).unwrap() == row[1] && i.counterpart == row[2]),
                "no-contact" => report.interactions.is_empty(),
                other => panic!("{name}: unknown expectation `{other}`"),
            };
            if !ok {
                failures.push(format!("{name}: {}", row.join(" | ")));
            }
            checked += 1;
        }
        // Spans are byte offsets into the text.
        for m in &report.mentions {
            assert_eq!(&text[m.start..m.end], m.text, "{name}");
        }
        for j in &report.jurisdictions {
            assert_eq!(&text[j.start..j.end], j.text, "{name}");
        }
        for i in &report.interactions {
            assert_eq!(&text[i.start..i.end], i.sentence, "{name}");
        }
    }
    assert!(failures.is_empty(), "expectations not met:\n{}", failures.join("\n"));
    checked
}

#[test]
fn sample_articles() {
    let checked = check_folder(&repo().join("data/samples/articles"));
    assert!(checked >= 30, "{checked}");
}

#[test]
fn own_articles() {
    let checked = check_folder(&repo().join("crates/vetter-scan/tests/articles"));
    assert!(checked >= 50, "{checked}");
}

#[test]
fn html_input_keeps_offsets() {
    let html = "<html><head><style>p{}</style></head><body><p>Elon Musk met Russian President \
                <b>Vladimir Putin</b> in the Kremlin.</p><p>Putin&rsquo;s aides said little.</p></body></html>";
    let text = vetter_scan::input::html_to_text(html);
    let report = scan(&text, Some("Elon Musk"));
    let putin: Vec<&str> = report.mentions.iter().map(|m| &html[m.start..m.end]).collect();
    assert_eq!(putin, ["Vladimir Putin", "Putin"]);
    assert_eq!(report.interactions.len(), 1);
    assert!(report.jurisdictions.iter().any(|j| j.country == "ru" && &html[j.start..j.end] == "Kremlin"));
}
