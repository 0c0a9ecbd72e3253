//! Command-line tests: the built `vetter` binary on small real-record data folders.
//!
//! 1. `lists status --format json` has the documented shape and counts.
//! 2. `lists show` finds an entity by any record id and explains merges; unknown ids exit 2.
//! 3. `lists diff` reports added, removed and changed records.
//! 4. A broken list file exits 2 naming the file and line, and stdout stays empty.
//! 5. `tidy`: module docs and ARCHITECTURE.md coverage.
//! 6. `screen --format json` has the documented shape; a bad schema exits 2.
//! 7. `bulk`: `vetter screen --input --output`: order, bad rows, header mapping, `--resume`.
//! 6. `compare`: `vetter compare` (two names, CSV files, bad input) and `vetter eval`.
//! 8. `update`: `vetter lists update` against a loopback HTTP server.

mod bulk;
mod compare;
mod contacts;
mod export;
mod scan;
mod tidy;
mod update;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SDN: &str = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\
35096,\"PUTIN, Vladimir Vladimirovich\",\"individual\",\"RUSSIA-EO14024\",\"President of the Russian Federation\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 07 Oct 1952; POB Leningrad, Russia; nationality Russia; citizen Russia; Gender Male; President of the Russian Federation.\"\r\n";

const LEADERS: &str = "countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year\n\
Q159,Russia,Q218295,President of Russia,Q7747,Vladimir Putin,2012,\n";

const UA: &str = "\"id\",\"schema\",\"name\",\"aliases\",\"birth_date\",\"countries\",\"addresses\",\"identifiers\",\"sanctions\",\"phones\",\"emails\",\"program_ids\",\"dataset\",\"first_seen\",\"last_seen\",\"last_change\"\n\
\"Q7747\",\"Person\",\"PUTIN vladimir vladimirovich\",\"ПУТИН владимир владимирович\",\"1952-10-07\",\"ru\",\"\",\"711813038431\",\"\",\"\",\"\",\"\",\"Ukraine War and Sanctions\",\"2025-10-06T14:15:21\",\"2026-03-13T05:41:01\",\"2026-02-05T14:54:48\"\n";

struct Folder {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    cache: PathBuf,
}

fn folder(sdn: &str) -> Folder {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    write(&data.join("ofac_sdn/2024-05-03/sdn.csv"), sdn);
    write(&data.join("wikidata_world_leaders/2022-10-09/wikidata.csv"), LEADERS);
    write(&data.join("opensanctions/ua_war_sanctions/2026-03-13/targets.simple.csv"), UA);
    let cache = tmp.path().join("cache");
    Folder { _tmp: tmp, data, cache }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn vetter(f: &Folder, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vetter"))
        .args(args)
        .env("VETTER_DATA", &f.data)
        .env("VETTER_CACHE_DIR", &f.cache)
        .env_remove("VETTER_INDEX")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn status_json_shape() {
    let f = folder(SDN);
    let out = vetter(&f, &["lists", "status", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    // Putin's three records merge into one entity: 2 + 1 + 1 records, 2 entities.
    assert_eq!(json["total_entities"], 2);
    let sources = json["sources"].as_array().unwrap();
    let sdn = sources.iter().find(|s| s["dataset"] == "us_ofac_sdn").unwrap();
    assert_eq!(sdn["entities"], 2);
    assert_eq!(sdn["snapshot"], "2024-05-03");
    assert!(sdn["names"].as_u64().unwrap() >= 2);
}

#[test]
fn show_explains_merges() {
    let f = folder(SDN);
    let out = vetter(&f, &["lists", "show", "wd_peps-Q7747", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["entity"]["id"], "us_ofac_sdn-35096");
    let rules: Vec<&str> = json["merges"].as_array().unwrap().iter().map(|m| m["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"wikidata_id") && rules.contains(&"name_birth_date_country"), "{rules:?}");

    let table = stdout(&vetter(&f, &["lists", "show", "us_ofac_sdn-35096"]));
    assert!(table.contains("merged because:") && table.contains("1952-10-07"), "{table}");

    let missing = vetter(&f, &["lists", "show", "nope-1"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no entity with id `nope-1`"));
}

#[test]
fn diff_between_folders() {
    let old = folder(SDN);
    let changed_sdn = SDN.replace("AEROCARIBBEAN AIRLINES", "AEROCARIBBEAN AIRLINES SA")
        + "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\r\n";
    let new = folder(&changed_sdn);
    let out =
        vetter(&old, &["lists", "diff", old.data.to_str().unwrap(), new.data.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let sdn = json["datasets"].as_array().unwrap().iter().find(|d| d["dataset"] == "us_ofac_sdn").unwrap().clone();
    assert_eq!(sdn["added"][0]["id"], "us_ofac_sdn-306");
    assert_eq!(sdn["changed"][0]["id"], "us_ofac_sdn-36");
    assert_eq!(sdn["removed"].as_array().unwrap().len(), 0);
    assert_eq!(sdn["unchanged"], 1);
}

#[test]
fn broken_file_exits_2_with_location() {
    let f = folder(&SDN[..SDN.len() - 40]);
    let out = vetter(&f, &["lists", "status"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sdn.csv:"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn screen_json_shape() {
    let f = folder(SDN);
    let out = vetter(&f, &["screen", "Владимир Путин", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["query"]["name"], "Владимир Путин");
    let first = &json["results"][0];
    assert_eq!(first["id"], "us_ofac_sdn-35096");
    assert_eq!(first["match"], true);
    assert_eq!(first["risk"], "sanctioned");
    for key in ["caption", "schema", "score", "datasets", "topics", "sources", "explanation"] {
        assert!(!first[key].is_null(), "missing {key}");
    }
    let bad = vetter(&f, &["screen", "x", "--schema", "Planet"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn screen_filters() {
    let f = folder(SDN);
    let results = |args: &[&str]| {
        let out = vetter(&f, &[&["screen", "Vladimir Putin", "--format", "json"], args].concat());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        json["results"].as_array().unwrap().clone()
    };
    assert!(!results(&[]).is_empty());
    // Putin is on all three lists of the folder: leaving one out keeps him, all three leave nothing.
    assert_eq!(results(&["--exclude-dataset", "us_ofac_sdn"])[0]["id"], "us_ofac_sdn-35096");
    let all = ["us_ofac_sdn", "wd_peps", "ua_war_sanctions"].map(|d| ["--exclude-dataset", d]).concat();
    assert!(results(&all).is_empty());
    assert!(results(&["--topic", "crime"]).iter().all(|h| h["topics"].to_string().contains("crime")));
    let strong = results(&["--min-score", "0.9", "--limit", "50"]);
    assert!(!strong.is_empty() && strong.iter().all(|h| h["score"].as_f64().unwrap() >= 0.9));
}
