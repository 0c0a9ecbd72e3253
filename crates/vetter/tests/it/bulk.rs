//! `vetter screen --input FILE --output FILE` on the small data folder of `main.rs`.
//!
//! 1. Rows come out in input order, one per row; bad rows get an `error` and a line in
//!    `<output>.errors.jsonl`; `--strict` stops at the first; a header without a name is refused.
//! 2. Headers map by name whatever their case and spacing; first, middle and last names join;
//!    `--column` sets, joins and unsets roles; JSON-lines keys that first appear late still count.
//! 3. JSON-lines input to CSV output writes the header (the first object's keys and the hit columns).
//! 4. An output cut anywhere (mid-line, at a line end, in the CSV header, to nothing) and resumed
//!    is byte for byte the output of an uninterrupted run, errors file included, for both formats.
//!    The same from JSON-lines input with blank lines and lines that are not JSON.
//! 5. A run killed while writing and resumed gives the uninterrupted run's bytes.
//! 6. `--resume` refuses another input, other options, a finished output and an output whose
//!    last row is not this input's; without `--resume` an unfinished output is refused.
//! 7. stderr carries no progress bar when it is not a terminal, and nothing with `--quiet`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::{Folder, SDN, folder, stdout, vetter};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `screen --input INPUT --output OUTPUT` plus `extra`.
fn bulk(f: &Folder, input: &Path, output: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["screen", "--input", path(input), "--output", path(output)];
    args.extend_from_slice(extra);
    vetter(f, &args)
}

fn sibling(output: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", output.display()))
}

fn json_lines(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// `rows` rows of varied names, some with a birth date and a country, and a row without a name
/// every 97 rows.
fn people_csv(rows: usize) -> String {
    let names = ["Vladimir Putin", "Aerocaribbean Airlines", "John Smith", "Мария Иванова", "Putin, Vladimir V."];
    let mut text = String::from("full_name,dob,country,ref\n");
    for i in 0..rows {
        let name = if i % 97 == 96 { "" } else { names[i % names.len()] };
        let quoted = if name.contains(',') { format!("\"{name}\"") } else { name.to_owned() };
        text.push_str(&format!("{quoted},{},{},{i}\n", ["", "1952-10-07"][i % 2], ["", "RU", "CU"][i % 3]));
    }
    text
}

#[test]
fn bulk_keeps_rows_in_order_and_reports_bad_rows() {
    let f = folder(SDN);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("people.csv");
    std::fs::write(&input, "full_name,type,ref\nVladimir Putin,Person,A\n,Person,B\nAerocaribbean Airlines,,C\n")
        .unwrap();
    let output = dir.path().join("out.jsonl");
    let out = bulk(&f, &input, &output, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["row"], 0);
    assert_eq!(lines[0]["query"]["schema"], "Person");
    assert_eq!(lines[0]["results"][0]["id"], "us_ofac_sdn-35096");
    assert_eq!(lines[1], serde_json::json!({"row": 1, "error": "no name"}));
    assert_eq!(lines[2]["results"][0]["id"], "us_ofac_sdn-36");
    let errors = std::fs::read_to_string(sibling(&output, ".errors.jsonl")).unwrap();
    assert_eq!(errors, "{\"row\":1,\"line\":3,\"error\":\"no name\"}\n");
    assert!(!sibling(&output, ".progress.json").exists(), "a finished run removes its progress file");

    // CSV out: input columns passed through, the top hit added.
    let csv_out = dir.path().join("out.csv");
    let out = bulk(&f, &input, &csv_out, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&csv_out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("full_name,type,ref,top_id,top_caption,top_score,match,risk,datasets,error"));
    assert!(lines.next().unwrap().starts_with("Vladimir Putin,Person,A,us_ofac_sdn-35096,"), "{text}");
    assert_eq!(lines.next(), Some(",Person,B,,,,,,,no name"));

    // --strict stops at the bad row, after writing the rows before it.
    let strict = bulk(&f, &input, &output, &["--strict"]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(stderr(&strict).contains("row 1: no name (line 3 of"), "{}", stderr(&strict));
    assert_eq!(json_lines(&output).len(), 1);

    // A file without a name column is refused with the header it has.
    let other = dir.path().join("other.csv");
    std::fs::write(&other, "a,b\n1,2\n").unwrap();
    let bad = bulk(&f, &other, &dir.path().join("other.jsonl"), &[]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("no name column in the header (a, b)"), "{}", stderr(&bad));
}

#[test]
fn bulk_maps_headers_and_column_overrides() {
    let f = folder(SDN);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(
        &input,
        "Given Name,Middle-Name,SURNAME,Date of Birth,Nationality,Citizenship,Passport No,Type,Alias\n\
         Vladimir,Vladimirovich,Putin,1952-10-07,RU,BY,123;456,individual,Vova\n",
    )
    .unwrap();
    let output = dir.path().join("out.jsonl");
    let query = |extra: &[&str]| {
        let out = bulk(&f, &input, &output, extra);
        assert!(out.status.success(), "{}", stderr(&out));
        json_lines(&output)[0]["query"].clone()
    };
    assert_eq!(
        query(&[]),
        serde_json::json!({
            "name": "Vladimir Vladimirovich Putin",
            "schema": "Person",
            "birth_date": "1952-10-07",
            "countries": ["RU", "BY"],
            "identifiers": ["123", "456"],
        })
    );
    // Repeated `--column name=` joins; the first override of a role replaces what was found.
    let q = query(&["--column", "name=Alias", "--column", "name=SURNAME", "--column", "country=Citizenship"]);
    assert_eq!((&q["name"], &q["countries"]), (&"Vova Putin".into(), &serde_json::json!(["BY"])));
    // An empty header takes a role away.
    let q = query(&["--column", "schema=", "--column", "id=", "--schema", "Vessel"]);
    assert_eq!((&q["schema"], &q["identifiers"]), (&"Vessel".into(), &serde_json::json!([])));

    let bad = bulk(&f, &input, &output, &["--column", "name=Nope"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("`--column name=Nope`: no column `Nope`"), "{}", stderr(&bad));
    let bad = bulk(&f, &input, &output, &["--column", "colour=Alias"]);
    assert!(stderr(&bad).contains("unknown role `colour`"), "{}", stderr(&bad));

    // JSON lines: a key the first object lacks still has its role in later rows.
    let jsonl = dir.path().join("in.jsonl");
    std::fs::write(
        &jsonl,
        "{\"name\": \"John Smith\"}\n\n{\"name\": \"Vladimir Putin\", \"dob\": \"1952\", \"countries\": [\"ru\", \"by\"]}\n\
         not json\n[1]\n",
    )
    .unwrap();
    let out = bulk(&f, &jsonl, &output, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = json_lines(&output);
    assert_eq!(lines[1]["query"]["birth_date"], "1952");
    assert_eq!(lines[1]["query"]["countries"], serde_json::json!(["ru", "by"]));
    assert!(lines[2]["error"].as_str().unwrap().starts_with("line 4 is not JSON"), "{}", lines[2]);
    assert_eq!(lines[3]["error"], "line 5 is not a JSON object");
}

#[test]
fn bulk_jsonl_input_to_csv_output_has_a_header() {
    let f = folder(SDN);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, "{\"name\": \"Vladimir Putin\", \"ref\": 7}\n{\"name\": \"Nobody Known\", \"ref\": 8}\n")
        .unwrap();
    let output = dir.path().join("out.csv");
    let out = bulk(&f, &input, &output, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&output).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "name,ref,top_id,top_caption,top_score,match,risk,datasets,error");
    assert!(lines[1].starts_with("Vladimir Putin,7,us_ofac_sdn-35096,"), "{text}");
    assert_eq!(lines.len(), 3);
}

/// An interrupted run of `input` into `output`: `--strict` stops at the first row without a
/// name and leaves the progress file, the rows before it and the errors file.
fn interrupted(f: &Folder, input: &Path, output: &Path, extra: &[&str]) {
    let mut args = extra.to_vec();
    args.push("--strict");
    let out = bulk(f, input, output, &args);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(sibling(output, ".progress.json").exists());
}

#[test]
fn bulk_resume_after_a_cut_gives_the_uninterrupted_bytes() {
    let f = folder(SDN);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("people.csv");
    // 2,500 rows: three batches, with a row without a name every 97 rows.
    std::fs::write(&input, people_csv(2500)).unwrap();

    for ext in ["jsonl", "csv"] {
        let full = dir.path().join(format!("full.{ext}"));
        let out = bulk(&f, &input, &full, &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        let expected = std::fs::read(&full).unwrap();
        let expected_errors = std::fs::read_to_string(sibling(&full, ".errors.jsonl")).unwrap();
        assert_eq!(expected_errors.lines().count(), 25);

        // A stopped run wrote a prefix and a progress file that describes this input.
        let stopped = dir.path().join(format!("stopped.{ext}"));
        interrupted(&f, &input, &stopped, &[]);
        let written = std::fs::read(&stopped).unwrap();
        assert_eq!(written[..], expected[..written.len()], "{ext}: a stopped run wrote a prefix");

        // The whole output of a run killed just before it removed its progress file, cut at:
        // nothing, mid-header (or mid-first line), a line end, a line end and mid-line in the
        // second batch, the last line end, the end.
        let ends: Vec<usize> = expected.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1).collect();
        let cuts = [0, ends[0] / 2, ends[0], ends[1500], ends[1500] - 7, expected.len() - 1, expected.len()];
        for cut in cuts {
            let run = dir.path().join(format!("cut{cut}.{ext}"));
            std::fs::write(&run, &expected[..cut]).unwrap();
            std::fs::write(sibling(&run, ".errors.jsonl"), &expected_errors).unwrap();
            std::fs::copy(sibling(&stopped, ".progress.json"), sibling(&run, ".progress.json")).unwrap();
            let out = bulk(&f, &input, &run, &["--resume"]);
            assert!(out.status.success(), "{ext}, cut at {cut}: {}", stderr(&out));
            assert!(std::fs::read(&run).unwrap() == expected, "{ext}, cut at {cut}: the output differs");
            let errors = std::fs::read_to_string(sibling(&run, ".errors.jsonl")).unwrap();
            assert_eq!(errors, expected_errors, "{ext}, cut at {cut}: the errors file differs");
            assert!(!sibling(&run, ".progress.json").exists());
        }
    }
}

#[test]
fn bulk_resume_of_json_lines_input_gives_the_uninterrupted_bytes() {
    let f = folder(SDN);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("people.jsonl");
    // Blank lines, a line that is not JSON and keys that come and go: row numbers must still line up.
    let names = ["Vladimir Putin", "Aerocaribbean Airlines", "John Smith", "Мария Иванова", ""];
    let mut text = String::new();
    for i in 0..2500 {
        let name = names[i % names.len()];
        text.push_str(&match i % 50 {
            7 => "not json\n".to_owned(),
            9 => format!("\n{}\n", serde_json::json!({"name": name, "ref": i})),
            _ => format!("{}\n", serde_json::json!({"name": name, "dob": (["1952", ""][i % 2]), "ref": i})),
        });
    }
    std::fs::write(&input, text).unwrap();
    for ext in ["jsonl", "csv"] {
        let full = dir.path().join(format!("full.{ext}"));
        let out = bulk(&f, &input, &full, &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        let expected = std::fs::read(&full).unwrap();
        let expected_errors = std::fs::read_to_string(sibling(&full, ".errors.jsonl")).unwrap();
        let stopped = dir.path().join(format!("stopped.{ext}"));
        interrupted(&f, &input, &stopped, &[]);
        std::fs::write(&stopped, &expected[..expected.len() * 2 / 3 + 11]).unwrap();
        std::fs::write(sibling(&stopped, ".errors.jsonl"), &expected_errors).unwrap();
        let out = bulk(&f, &input, &stopped, &["--resume"]);
        assert!(out.status.success(), "{ext}: {}", stderr(&out));
        assert!(std::fs::read(&stopped).unwrap() == expected, "{ext}: the output differs");
        assert_eq!(std::fs::read_to_string(sibling(&stopped, ".errors.jsonl")).unwrap(), expected_errors, "{ext}");
    }
}

#[test]
fn bulk_resume_after_a_kill_gives_the_uninterrupted_bytes() {
    let f = folder(SDN);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("people.csv");
    std::fs::write(&input, people_csv(20_000)).unwrap();
    let full = dir.path().join("full.jsonl");
    let out = bulk(&f, &input, &full, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = std::fs::read(&full).unwrap();

    let output = dir.path().join("killed.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vetter"))
        .args(["screen", "--input", path(&input), "--output", path(&output)])
        .env("VETTER_DATA", &f.data)
        .env("VETTER_CACHE_DIR", &f.cache)
        .env_remove("VETTER_INDEX")
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill as soon as the first batch is out; the whole run takes many batches.
    let started = std::time::Instant::now();
    while std::fs::metadata(&output).map_or(0, |m| m.len()) == 0 {
        assert!(started.elapsed().as_secs() < 60, "no output after a minute");
        assert!(child.try_wait().unwrap().is_none(), "the run ended before any output was seen");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the run finished before it was killed");
    let written = std::fs::read(&output).unwrap();
    assert!(written.len() < expected.len() && written[..] == expected[..written.len()]);

    let out = bulk(&f, &input, &output, &["--resume"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("an earlier run wrote"), "{}", stderr(&out));
    assert!(std::fs::read(&output).unwrap() == expected, "the resumed output differs");
    assert_eq!(
        std::fs::read(sibling(&output, ".errors.jsonl")).unwrap(),
        std::fs::read(sibling(&full, ".errors.jsonl")).unwrap()
    );
}

#[test]
fn bulk_resume_refuses_what_it_cannot_continue() {
    let f = folder(SDN);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("people.csv");
    std::fs::write(&input, "full_name\nVladimir Putin\nJohn Smith\n\nAerocaribbean Airlines\n").unwrap();
    let output = dir.path().join("out.jsonl");
    let refused = |extra: &[&str], why: &str| {
        let out = bulk(&f, &input, &output, extra);
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        assert!(stderr(&out).contains(why), "{extra:?}: {}", stderr(&out));
    };

    // Nothing there yet: `--resume` starts afresh; a finished output cannot be resumed.
    let out = bulk(&f, &input, &output, &["--resume"]);
    assert!(out.status.success(), "{}", stderr(&out));
    refused(&["--resume"], "it is not an unfinished run");

    // An unfinished run (stopped by --strict at the empty name) is not replaced without --resume.
    std::fs::write(&input, "full_name\nVladimir Putin\nJohn Smith\n\"\"\nAerocaribbean Airlines\n").unwrap();
    interrupted(&f, &input, &output, &[]);
    refused(&[], "holds an unfinished run");
    refused(&["--resume", "--limit", "3"], "it was started with other options");
    refused(&["--resume", "--dataset", "us_ofac_sdn"], "it was started with other options");

    // The last row written must be the output of the same input row.
    let good = std::fs::read_to_string(&output).unwrap();
    std::fs::write(&output, good.replace("John Smith", "Jane Smith")).unwrap();
    refused(&["--resume"], "its last row is not the result of input row 1 (line 3)");
    std::fs::write(&output, &good).unwrap();

    // Another input (one byte changed) is refused.
    std::fs::write(&input, "full_name\nVladimir Putin\nJohn Smith\n\"\"\nAerocaribbean Airlinez\n").unwrap();
    refused(&["--resume"], "the input is not the file it started on");
    std::fs::write(&input, "full_name\nVladimir Putin\nJohn Smith\n\"\"\nAerocaribbean Airlines\n").unwrap();
    let out = bulk(&f, &input, &output, &["--resume"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&output).len(), 4);
}

#[test]
fn bulk_keeps_stderr_clean_without_a_terminal() {
    let f = folder(SDN);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("people.csv");
    std::fs::write(&input, people_csv(3000)).unwrap();
    let output = dir.path().join("out.csv");
    let out = bulk(&f, &input, &output, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    // The summary, and no bar: no carriage returns, no escape sequences.
    assert!(err.contains("`out.csv` has 3,000 rows") || err.contains("has 3,000 rows"), "{err}");
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "{err:?}");
    assert!(stdout(&out).is_empty());

    let quiet = vetter(&f, &["--quiet", "screen", "--input", path(&input), "--output", path(&output)]);
    assert!(quiet.status.success());
    assert_eq!(stderr(&quiet), "");
}
