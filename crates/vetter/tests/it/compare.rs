//! `vetter compare` and `vetter eval` on small files.
//!
//! 1. `compare A B --format json` prints exactly `{score, match, explanation}`; the table shows the verdict.
//! 2. Empty and 10,000-character names exit cleanly (2 and 0), never with a panic.
//! 3. `compare --input --output` passes every input column through and adds `score` and `match`.
//! 4. Rows that cannot be scored keep their columns with empty `score` and `match`; `--strict` exits 2.
//! 5. A file without `name1`/`name2` exits 2 naming the missing column and the header found.
//! 6. A row with bytes that are not UTF-8 exits 2 naming the row, and leaves no output file.
//! 7. `eval` on a tiny labelled file gives exact counts, precision, recall and F1.
//!
//! The pairs are chosen so that any sane matcher decides them the same way:
//! identical names match, names with no letter in common do not.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vetter(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vetter"))
        .args(args)
        .current_dir(dir)
        .env("VETTER_CACHE_DIR", dir.join("cache"))
        .env_remove("VETTER_DATA")
        .env_remove("VETTER_INDEX")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn compare_json_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let out =
        vetter(tmp.path(), &["compare", "Vladimir Putin", "Vladimir Putin", "--schema", "Person", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["score", "match", "explanation"]);
    let score = json["score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score), "{score}");
    assert_eq!(json["match"], true);
    assert!(json["explanation"]["summary"].is_string(), "{json}");

    let out = vetter(tmp.path(), &["compare", "Vladimir Putin", "Qqq Zzz", "--format", "json", "--algorithm", "ofac"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["match"], false);

    let table = stdout(&vetter(tmp.path(), &["compare", "OCEAN STAR", "OCEAN STAR", "--schema", "vessel"]));
    assert!(table.contains("score  ") && table.contains("MATCH (threshold"), "{table}");
}

#[test]
fn bad_names_exit_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let out = vetter(tmp.path(), &["compare", "", "Vladimir Putin"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the first name is empty"), "{}", stderr(&out));

    let out = vetter(tmp.path(), &["compare", "a", "b", "--schema", "Sanction"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown schema `Sanction`"), "{}", stderr(&out));

    let long = "Vladimir ".repeat(1_111) + "x";
    assert!(long.len() >= 10_000);
    let out = vetter(tmp.path(), &["compare", &long, "Vladimir Putin", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!((0.0..=1.0).contains(&json["score"].as_f64().unwrap()));
}

#[test]
fn csv_passes_columns_through() {
    let tmp = tempfile::tempdir().unwrap();
    let input = write(
        tmp.path(),
        "pairs.csv",
        "id,name1,note,name2,schema\n\
         7,Vladimir Putin,\"quoted, with comma\",Vladimir Putin,Person\n\
         8,OCEAN STAR,Ωμέγα ✓,OCEAN STAR,Vessel\n\
         9,Vladimir Putin,,Qqq Zzz,\n"
            .as_bytes(),
    );
    let output = tmp.path().join("scores.csv");
    let out =
        vetter(tmp.path(), &["compare", "--input", input.to_str().unwrap(), "--output", output.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let mut reader = csv::Reader::from_path(&output).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, ["id", "name1", "note", "name2", "schema", "score", "match"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let first: Vec<&str> = rows[0].iter().take(5).collect();
    assert_eq!(first, ["7", "Vladimir Putin", "quoted, with comma", "Vladimir Putin", "Person"]);
    assert_eq!(&rows[1][2], "Ωμέγα ✓");
    assert_eq!(&rows[2][4], "");
    let decisions: Vec<&str> = rows.iter().map(|r| r.get(6).unwrap()).collect();
    assert_eq!(decisions, ["true", "true", "false"]);
    for r in &rows {
        let score: f64 = r[5].parse().unwrap();
        assert!((0.0..=1.0).contains(&score));
    }

    // Without `--output` the CSV goes to stdout.
    let out = vetter(tmp.path(), &["compare", "--input", "pairs.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("id,name1,note,name2,schema,score,match\n"), "{}", stdout(&out));
}

#[test]
fn csv_rows_that_cannot_be_scored() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "pairs.csv",
        b"name1,name2,schema\nVladimir Putin,,Person\nOCEAN STAR,OCEAN STAR,Sanction\nJohn Smith,John Smith,\n",
    );
    let out = vetter(tmp.path(), &["compare", "--input", "pairs.csv", "--output", "out.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("row 1 of `pairs.csv` was not scored: `name2` is empty"), "{err}");
    assert!(err.contains("row 2 of `pairs.csv` was not scored: unknown schema `Sanction`"), "{err}");
    let text = std::fs::read_to_string(tmp.path().join("out.csv")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[1], "Vladimir Putin,,Person,,");
    assert_eq!(lines[2], "OCEAN STAR,OCEAN STAR,Sanction,,");
    assert!(lines[3].ends_with(",true"), "{text}");

    let out = vetter(tmp.path(), &["compare", "--input", "pairs.csv", "--output", "strict.csv", "--strict"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2 of 3 rows of `pairs.csv` could not be scored"), "{}", stderr(&out));
    assert!(!tmp.path().join("strict.csv").exists());
}

#[test]
fn csv_missing_column() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "pairs.csv", b"id,name1,second\n1,Vladimir Putin,Vladimir Putin\n");
    let out = vetter(tmp.path(), &["compare", "--input", "pairs.csv", "--output", "out.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("`pairs.csv` has no `name2` column (its header has `id`, `name1`, `second`)"), "{err}");
    assert!(err.contains("hint:"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!tmp.path().join("out.csv").exists());

    write(tmp.path(), "empty.csv", b"");
    let out = vetter(tmp.path(), &["compare", "--input", "empty.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`empty.csv` is empty"), "{}", stderr(&out));
}

#[test]
fn csv_invalid_utf8_names_the_row() {
    let tmp = tempfile::tempdir().unwrap();
    // Row 2 holds `José` in Latin-1.
    write(tmp.path(), "pairs.csv", b"name1,name2\nVladimir Putin,Vladimir Putin\nJos\xe9 Mart\xed,Jose Marti\n");
    let out = vetter(tmp.path(), &["compare", "--input", "pairs.csv", "--output", "out.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("row 2 (line 3) of `pairs.csv` is not valid UTF-8 in column `name1`"), "{err}");
    assert!(!tmp.path().join("out.csv").exists());
    assert!(!tmp.path().join("out.csv.partial").exists());
}

#[test]
fn eval_gives_exact_metrics() {
    let tmp = tempfile::tempdir().unwrap();
    // Two true positives, one false negative (labelled true, nothing in common),
    // one false positive (labelled false, identical) and two true negatives.
    write(
        tmp.path(),
        "labelled.csv",
        "name1,name2,schema,expected,script,category,source\n\
         John Smith,John Smith,Person,true,latin,same,t\n\
         Владимир Путин,Владимир Путин,Person,true,cyrillic,same,t\n\
         Angela Merkel,Qqq Zzz,Person,true,latin,different,t\n\
         OCEAN STAR,OCEAN STAR,Vessel,false,latin,same,t\n\
         Abcd Efgh,Wxyz Qrst,Person,false,latin,different,t\n\
         OCEAN STAR,Mountain Lion,Vessel,false,latin,different,t\n"
            .as_bytes(),
    );
    let out = vetter(tmp.path(), &["eval", "--input", "labelled.csv", "--format", "json", "--show-errors", "5"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let overall = &json["overall"];
    assert_eq!((overall["tp"].as_u64(), overall["fp"].as_u64()), (Some(2), Some(1)), "{overall}");
    assert_eq!((overall["fn"].as_u64(), overall["tn"].as_u64()), (Some(1), Some(2)), "{overall}");
    for metric in ["precision", "recall", "f1"] {
        let v = overall[metric].as_f64().unwrap();
        assert!((v - 2.0 / 3.0).abs() < 1e-12, "{metric} {v}");
    }
    let person = &json["by_schema"]["Person"];
    assert_eq!((person["tp"].as_u64(), person["fn"].as_u64(), person["tn"].as_u64()), (Some(2), Some(1), Some(1)));
    assert_eq!(person["precision"].as_f64(), Some(1.0));
    // The vessels: one false positive, one true negative, no positives: recall is undefined.
    let vessel = &json["by_schema"]["Vessel"];
    assert_eq!(vessel["precision"].as_f64(), Some(0.0));
    assert!(vessel["recall"].is_null(), "{vessel}");
    assert_eq!(json["by_script"]["cyrillic"]["recall"].as_f64(), Some(1.0));
    assert_eq!(json["by_category"]["different"]["fn"].as_u64(), Some(1));
    assert_eq!(json["false_positives"][0]["name1"], "OCEAN STAR");
    assert_eq!(json["false_positives"][0]["row"], 4);
    assert_eq!(json["false_negatives"][0]["name1"], "Angela Merkel");

    let table = stdout(&vetter(tmp.path(), &["eval", "--input", "labelled.csv"]));
    assert!(table.contains("precision") && table.contains("0.667"), "{table}");

    write(tmp.path(), "unlabelled.csv", b"name1,name2\na,b\n");
    let out = vetter(tmp.path(), &["eval", "--input", "unlabelled.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("has no `expected` column"), "{}", stderr(&out));
}
