//! The contacts ledger from the command line; tests 1–5, 7 and 10 run on a SQLite file and on
//! PostgreSQL (see `postgres_ledger`), the others on SQLite:
//!
//! 1. `contacts add` screens the counterpart, gives a risk level and is idempotent.
//! 2. `contacts import` refuses a file with bad rows (row numbers, nothing stored),
//!    stores the good rows with `--skip-errors`, and stores nothing twice; a row that is not
//!    UTF-8 is named too. Each row gets what screening it alone gives, although every
//!    distinct counterpart is screened once per import.
//! 3. `review` dismisses a hit; `monitor` stays quiet until the listed entity changes.
//! 4. `monitor` after a list change that adds one matching designation: exactly one alert, and only
//!    the contact that may match it is screened again.
//! 5. `audit verify` passes, then names the entry edited directly in the database.
//! 6. An import killed with SIGKILL leaves whole batches only, and running it again completes it without duplicates.
//! 7. `contacts record` stores the contacts a scan finds, with the article as source.
//! 8. `db backup` writes a consistent copy that opens and verifies.
//! 9. Two imports writing at once store every row, and the audit chain holds.
//! 10. `report` lists a subject's contacts in date order with evidence, as JSON or one HTML page.

use std::process::{Command, Output};

use crate::{Folder, SDN, folder, stdout, write};

/// A fresh ledger: a SQLite file, or a schema of its own on the PostgreSQL server named by
/// `VETTER_TEST_POSTGRES`.
struct Ledger {
    target: String,
    postgres: bool,
    _tmp: Option<tempfile::TempDir>,
}

fn sqlite_ledger() -> Ledger {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("ledger").join("ledger.db").to_str().unwrap().to_owned();
    Ledger { target, postgres: false, _tmp: Some(tmp) }
}

/// `None`, with a notice, when `VETTER_TEST_POSTGRES` is unset (CI sets it).
#[allow(clippy::print_stderr)]
fn postgres_ledger() -> Option<Ledger> {
    let Ok(base) = std::env::var("VETTER_TEST_POSTGRES") else {
        assert!(std::env::var_os("CI").is_none(), "CI must set VETTER_TEST_POSTGRES");
        eprintln!("note: VETTER_TEST_POSTGRES is unset; skipping the PostgreSQL run of this test");
        return None;
    };
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let schema = format!("cli{}_{}", std::process::id(), N.fetch_add(1, std::sync::atomic::Ordering::SeqCst));
    let mut client = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    Some(Ledger { target: format!("{base}{sep}options=-csearch_path%3D{schema}"), postgres: true, _tmp: None })
}

/// A SQLite and a PostgreSQL test of one test function.
macro_rules! ledger_test {
    ($name:ident) => {
        mod $name {
            #[test]
            fn sqlite() {
                super::$name(&super::sqlite_ledger());
            }
            #[test]
            fn postgres() {
                if let Some(ledger) = super::postgres_ledger() {
                    super::$name(&ledger);
                }
            }
        }
    };
}

fn run(f: &Folder, db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vetter"))
        .args(args)
        .args(["--db", db])
        .env("VETTER_DATA", &f.data)
        .env("VETTER_CACHE_DIR", &f.cache)
        .env_remove("VETTER_INDEX")
        .env_remove("VETTER_DB")
        .env_remove("VETTER_RISK_RULES")
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str(&stdout(out)).unwrap()
}

fn db(f: &Folder) -> String {
    f.cache.parent().unwrap().join("ledger").join("ledger.db").to_str().unwrap().to_owned()
}

fn add_putin(f: &Folder, db: &str) -> serde_json::Value {
    json(&run(
        f,
        db,
        &[
            "contacts",
            "add",
            "--subject",
            "Elon Musk",
            "--counterpart",
            "Vladimir Putin",
            "--date",
            "2024-05-01",
            "--kind",
            "call",
            "--country",
            "ru",
            "--source",
            "https://example.org/a",
            "--format",
            "json",
        ],
    ))
}

fn contacts_add_screens_and_lists(ledger: &Ledger) {
    let f = folder(SDN);
    let db = ledger.target.clone();
    let putin = add_putin(&f, &db);
    assert_eq!(putin["risk"], "critical");
    assert_eq!(putin["status"], "open");
    assert_eq!(putin["kind"], "call");
    assert_eq!(putin["hits"][0]["id"], "us_ofac_sdn-35096");
    assert!(putin["risk_reason"].as_str().unwrap().contains("sanctioned"), "{putin}");
    for key in ["id", "subject", "counterpart", "date", "hits"] {
        assert!(!putin[key].is_null(), "missing {key}");
    }
    assert_eq!(add_putin(&f, &db)["id"], putin["id"], "the same contact is stored once");

    let jane = json(&run(
        &f,
        &db,
        &["contacts", "add", "--subject", "Elon Musk", "--counterpart", "Jane Doe", "--format", "json"],
    ));
    assert_eq!((jane["risk"].as_str(), jane["status"].as_str()), (Some("none"), Some("clear")));

    let critical = json(&run(&f, &db, &["contacts", "list", "--risk", "critical", "--format", "json"]));
    assert_eq!(critical["contacts"].as_array().unwrap().len(), 1);
    let table = stdout(&run(&f, &db, &["contacts", "list", "--subject", "Elon Musk"]));
    assert!(table.contains("Vladimir Putin") && table.contains("Jane Doe"), "{table}");

    let bad = run(&f, &db, &["contacts", "add", "--subject", "X", "--counterpart", "Y", "--kind", "lunch"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("kind `lunch`"));
}
ledger_test!(contacts_add_screens_and_lists);

fn contacts_import_rows_and_idempotence(ledger: &Ledger) {
    let f = folder(SDN);
    let db = ledger.target.clone();
    let csv = f.data.parent().unwrap().join("contacts.csv");
    write(
        &csv,
        "subject,counterpart,date,kind,country,source\n\
         Elon Musk,Vladimir Putin,2024-05-01,call,ru,https://example.org/a\n\
         Elon Musk,Jane Doe,2024-05-02,meeting,,\n\
         Elon Musk,Someone,yesterday,lunch,,\n\
         Elon Musk,John Roe,2024,message,us,\n",
    );
    let file = csv.to_str().unwrap();
    let refused = run(&f, &db, &["contacts", "import", file]);
    assert_eq!(refused.status.code(), Some(2));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("row 3: date `yesterday`") && err.contains("nothing was stored"), "{err}");
    assert_eq!(json(&run(&f, &db, &["contacts", "list", "--format", "json"]))["contacts"], serde_json::json!([]));

    let partial = run(&f, &db, &["contacts", "import", file, "--skip-errors", "--format", "json"]);
    assert_eq!(partial.status.code(), Some(2));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&partial)).unwrap();
    assert_eq!((summary["added"].as_u64(), summary["duplicates"].as_u64()), (Some(3), Some(0)));
    assert_eq!(summary["risk"]["critical"], 1);
    assert_eq!(summary["errors"][0]["row"], 3);

    let again: serde_json::Value = serde_json::from_str(&stdout(&run(
        &f,
        &db,
        &["contacts", "import", file, "--skip-errors", "--format", "json"],
    )))
    .unwrap();
    assert_eq!((again["added"].as_u64(), again["duplicates"].as_u64()), (Some(0), Some(3)));
    assert_eq!(json(&run(&f, &db, &["contacts", "list", "--format", "json"]))["contacts"].as_array().unwrap().len(), 3);
}
ledger_test!(contacts_import_rows_and_idempotence);

/// `contacts import` screens each distinct counterpart (name, country, schema) once per import:
/// every row must still get exactly what screening that row on its own gives.
fn import_rows_get_the_hits_of_their_own_screening(ledger: &Ledger) {
    let f = folder(SDN);
    let db = ledger.target.clone();
    let rows = [
        ["Elon Musk", "Vladimir Putin", "2024-05-01", "ru", "Person"],
        ["Jeff Bezos", "Vladimir Putin", "2024-06-01", "ru", "Person"],
        ["Elon Musk", "Vladimir Putin", "2024-07-01", "us", "Person"],
        ["Elon Musk", "Aerocaribbean Airlines", "2024-08-01", "cu", "Company"],
        ["Elon Musk", "Aerocaribbean Airlines", "2024-09-01", "cu", "Vessel"],
        ["Elon Musk", "Jane Doe", "2024-10-01", "", "Person"],
    ];
    let mut text = String::from("subject,counterpart,date,kind,country,schema\n");
    for r in &rows {
        text.push_str(&format!("{},{},{},call,{},{}\n", r[0], r[1], r[2], r[3], r[4]));
    }
    let csv = f.data.parent().unwrap().join("repeated.csv");
    write(&csv, &text);
    let summary = json(&run(&f, &db, &["contacts", "import", csv.to_str().unwrap(), "--format", "json"]));
    assert_eq!(summary["added"], 6, "{summary}");
    let stored = json(&run(&f, &db, &["contacts", "list", "--format", "json"]));
    let stored = stored["contacts"].as_array().unwrap();
    assert_eq!(stored.len(), 6);
    // The same counterpart twice: one screening, the same hits.
    assert_eq!(stored[0]["hits"][0]["id"], "us_ofac_sdn-35096");
    assert_eq!(stored[0]["hits"], stored[1]["hits"]);
    // Each row against `contacts add` of that row alone, in a ledger of its own.
    let single = f.data.parent().unwrap().join("single").join("ledger.db");
    let single = single.to_str().unwrap();
    for (r, s) in rows.iter().zip(stored) {
        let mut args = vec!["contacts", "add", "--subject", r[0], "--counterpart", r[1], "--date", r[2]];
        args.extend(["--kind", "call", "--schema", r[4], "--format", "json"]);
        if !r[3].is_empty() {
            args.extend(["--country", r[3]]);
        }
        let alone = json(&run(&f, single, &args));
        assert_eq!(alone["hits"], s["hits"], "row {r:?}");
        assert_eq!((&alone["risk"], &alone["risk_reason"]), (&s["risk"], &s["risk_reason"]), "row {r:?}");
    }
    // Country and schema are part of what is screened: a conflicting country lowers the score,
    // and the airline is no vessel.
    assert_ne!(stored[0]["hits"][0]["score"], stored[2]["hits"][0]["score"]);
    assert_eq!(stored[3]["hits"][0]["id"], "us_ofac_sdn-36");
    assert_eq!(stored[4]["hits"], serde_json::json!([]));
}
ledger_test!(import_rows_get_the_hits_of_their_own_screening);

#[test]
fn import_names_unreadable_rows_and_stores_the_others() {
    let f = folder(SDN);
    let db = db(&f);
    let csv = f.data.parent().unwrap().join("broken.csv");
    let mut bytes = b"subject,counterpart,date,kind\nElon Musk,Jane Doe,2024-01-01,call\n".to_vec();
    bytes.extend(b"Elon Musk,Jo\xff\xfe Roe,2024-01-02,call\n");
    bytes.extend(b"Elon Musk,John Roe,2024-01-03,call\nElon Musk,Max Roe,2024-13,lunch\n");
    bytes.extend(b"Elon Musk,Vladimir Putin,2024-01-05,meeting\n");
    std::fs::write(&csv, bytes).unwrap();
    let file = csv.to_str().unwrap();
    let refused = run(&f, &db, &["contacts", "import", file]);
    assert_eq!(refused.status.code(), Some(2));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("row 2: unreadable CSV") && err.contains("row 4: "), "{err}");
    assert!(err.contains("2 bad rows") && err.contains("nothing was stored"), "{err}");
    let partial = run(&f, &db, &["contacts", "import", file, "--skip-errors", "--format", "json"]);
    assert_eq!(partial.status.code(), Some(2));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&partial)).unwrap();
    assert_eq!((summary["rows"].as_u64(), summary["added"].as_u64()), (Some(5), Some(3)), "{summary}");
    let rows: Vec<u64> = summary["errors"].as_array().unwrap().iter().map(|e| e["row"].as_u64().unwrap()).collect();
    assert_eq!(rows, [2, 4]);
    let list = json(&run(&f, &db, &["contacts", "list", "--format", "json"]));
    let names: Vec<&str> =
        list["contacts"].as_array().unwrap().iter().map(|c| c["counterpart"].as_str().unwrap()).collect();
    assert_eq!(names, ["Jane Doe", "John Roe", "Vladimir Putin"]);
    assert_eq!(list["contacts"][2]["risk"], "critical");
}

fn review_dismissal_holds_until_the_entity_changes(ledger: &Ledger) {
    let f = folder(SDN);
    let db = ledger.target.clone();
    let id = add_putin(&f, &db)["id"].to_string();
    let missing = run(&f, &db, &["review", &id, "nope-1", "--decision", "dismissed", "--note", "x", "--by", "ann"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("has no hit `nope-1`"));
    let review = json(&run(
        &f,
        &db,
        &[
            "review",
            &id,
            "us_ofac_sdn-35096",
            "--decision",
            "dismissed",
            "--note",
            "a namesake",
            "--by",
            "ann",
            "--format",
            "json",
        ],
    ));
    assert_eq!(review["contact"]["status"], "dismissed");
    assert_eq!(review["contact"]["risk"], "none");
    assert_eq!(review["review"]["reviewer"], "ann");

    let first = json(&run(&f, &db, &["monitor", "--format", "json"]));
    assert_eq!(first["alerts"], serde_json::json!([]));
    // The listed entity changes: the dismissal no longer holds.
    write(
        &f.data.join("ofac_sdn/2024-05-03/sdn.csv"),
        &SDN.replace("Gender Male;", "Gender Male; Website kremlin.ru;"),
    );
    let second = json(&run(&f, &db, &["monitor", "--format", "json"]));
    let alerts = second["alerts"].as_array().unwrap();
    assert_eq!(alerts.len(), 1, "{second}");
    assert_eq!(alerts[0]["reason"], "changed");
    assert_eq!(alerts[0]["hit"]["id"], "us_ofac_sdn-35096");
    let contact = json(&run(&f, &db, &["contacts", "list", "--format", "json"]));
    assert_eq!(contact["contacts"][0]["status"], "open");
    assert_eq!(contact["contacts"][0]["risk"], "critical");
}
ledger_test!(review_dismissal_holds_until_the_entity_changes);

fn monitor_alerts_once_on_a_new_designation(ledger: &Ledger) {
    let f = folder(SDN);
    let db = ledger.target.clone();
    add_putin(&f, &db);
    let bank = json(&run(
        &f,
        &db,
        &[
            "contacts",
            "add",
            "--subject",
            "Elon Musk",
            "--counterpart",
            "Banco Nacional de Cuba",
            "--schema",
            "Company",
            "--format",
            "json",
        ],
    ));
    assert_eq!(bank["risk"], "none");
    assert_eq!(json(&run(&f, &db, &["monitor", "--format", "json"]))["alerts"], serde_json::json!([]));

    let sdn = SDN.to_owned()
        + "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\r\n";
    write(&f.data.join("ofac_sdn/2024-05-03/sdn.csv"), &sdn);
    let run2 = json(&run(&f, &db, &["monitor", "--format", "json"]));
    let alerts = run2["alerts"].as_array().unwrap();
    assert_eq!(alerts.len(), 1, "{run2}");
    assert_eq!(alerts[0]["contact_id"], bank["id"]);
    assert_eq!(alerts[0]["reason"], "new");
    assert_eq!(alerts[0]["hit"]["id"], "us_ofac_sdn-306");
    // Only the contact whose counterpart shares a name key with the new designation is screened again.
    assert_eq!(run2["run"]["screened"], 1);

    let run3 = json(&run(&f, &db, &["monitor", "--format", "json"]));
    assert_eq!((run3["alerts"].as_array().unwrap().len(), run3["run"]["screened"].as_i64()), (0, Some(0)));
    let full = json(&run(&f, &db, &["monitor", "--full", "--format", "json"]));
    assert_eq!((full["alerts"].as_array().unwrap().len(), full["run"]["screened"].as_i64()), (0, Some(2)));
    let list = json(&run(&f, &db, &["contacts", "list", "--risk", "critical", "--format", "json"]));
    assert_eq!(list["contacts"].as_array().unwrap().len(), 2);
}
ledger_test!(monitor_alerts_once_on_a_new_designation);

fn audit_verify_names_an_edited_entry(ledger: &Ledger) {
    let f = folder(SDN);
    let db = ledger.target.clone();
    add_putin(&f, &db);
    run(&f, &db, &["contacts", "add", "--subject", "Elon Musk", "--counterpart", "Jane Doe"]);
    let ok = run(&f, &db, &["audit", "verify"]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(stdout(&ok).contains("2 entries"));
    let log = json(&run(&f, &db, &["audit", "--format", "json"]));
    let entries = log["entries"].as_array().unwrap();
    assert_eq!(entries[1]["action"], "contact.add");
    assert_eq!(entries[1]["prev_hash"], entries[0]["hash"]);

    let edit = "UPDATE audit SET data = replace(data, 'Jane', 'June') WHERE seq = 2";
    if ledger.postgres {
        let mut client = postgres::Client::connect(&db, postgres::NoTls).unwrap();
        client.batch_execute(&format!("ALTER TABLE audit DISABLE TRIGGER audit_no_change; {edit}")).unwrap();
    } else {
        rusqlite::Connection::open(&db)
            .unwrap()
            .execute_batch(&format!("DROP TRIGGER audit_no_update; {edit}"))
            .unwrap();
    }
    let bad = run(&f, &db, &["audit", "verify"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("entry 2 (contact.add) was altered"), "{err}");
}
ledger_test!(audit_verify_names_an_edited_entry);

#[test]
fn import_killed_midway_keeps_whole_batches_and_resumes() {
    let f = folder(SDN);
    let db = db(&f);
    let csv = f.data.parent().unwrap().join("many.csv");
    let mut text = String::from("subject,counterpart,date,kind\n");
    for i in 0..20_000 {
        text.push_str(&format!("Elon Musk,Person Number {i},2024-01-01,call\n"));
    }
    write(&csv, &text);
    let mut child = Command::new(env!("CARGO_BIN_EXE_vetter"))
        .args(["contacts", "import", csv.to_str().unwrap(), "--db", &db])
        .env("VETTER_DATA", &f.data)
        .env("VETTER_CACHE_DIR", &f.cache)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it (SIGKILL) as soon as the first batch is committed, or let it finish if it is quicker.
    let count = |db: &str| -> i64 {
        let Ok(conn) = rusqlite::Connection::open(db) else { return 0 };
        conn.query_row("SELECT COUNT(*) FROM contacts", [], |r| r.get(0)).unwrap_or(0)
    };
    while child.try_wait().unwrap().is_none() && count(&db) == 0 {
        std::thread::yield_now();
    }
    let _ = child.kill();
    child.wait().unwrap();
    let stored = count(&db);
    assert_eq!(stored % 10_000, 0, "only whole batches (10,000 rows) are stored: {stored}");
    assert!(run(&f, &db, &["audit", "verify"]).status.success());

    let again: serde_json::Value = serde_json::from_str(&stdout(&run(
        &f,
        &db,
        &["contacts", "import", csv.to_str().unwrap(), "--format", "json"],
    )))
    .unwrap();
    assert_eq!(again["added"].as_i64().unwrap() + again["duplicates"].as_i64().unwrap(), 20_000);
    assert_eq!(again["duplicates"].as_i64().unwrap(), stored);
    assert_eq!(count(&db), 20_000);
}

fn record_stores_the_contacts_a_scan_finds(ledger: &Ledger) {
    let f = folder(SDN);
    let db = ledger.target.clone();
    let article = f.data.parent().unwrap().join("article.txt");
    write(
        &article,
        "Elon Musk, the CEO of SpaceX and Tesla, has been in covert communication with \
         Russian President Vladimir Putin, according to a new report.\n",
    );
    let args = ["contacts", "record", article.to_str().unwrap(), "--subject", "Elon Musk", "--source"];
    let mut args = args.to_vec();
    args.extend(["https://example.org/report", "--format", "json"]);
    let out = json(&run(&f, &db, &args));
    let contacts = out["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 1, "{out}");
    assert_eq!(contacts[0]["counterpart"], "Vladimir Putin");
    assert_eq!(contacts[0]["kind"], "message");
    assert_eq!(contacts[0]["source"], "https://example.org/report");
    assert_eq!(contacts[0]["risk"], "critical");
    let again = json(&run(&f, &db, &args));
    assert_eq!(again["contacts"][0]["duplicate"], true);
}
ledger_test!(record_stores_the_contacts_a_scan_finds);

#[test]
fn db_backup_copies_the_ledger() {
    let f = folder(SDN);
    let db = db(&f);
    add_putin(&f, &db);
    let copy = f.data.parent().unwrap().join("backup.db");
    let out = run(&f, &db, &["db", "backup", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let copied = json(&run(&f, copy.to_str().unwrap(), &["contacts", "list", "--format", "json"]));
    assert_eq!(copied["contacts"][0]["counterpart"], "Vladimir Putin");
    assert!(run(&f, copy.to_str().unwrap(), &["audit", "verify"]).status.success());
    assert_eq!(run(&f, &db, &["db", "backup", copy.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn concurrent_imports_keep_every_row_and_the_chain() {
    let f = folder(SDN);
    let db = db(&f);
    // Create the ledger first so both writers find it migrated.
    run(&f, &db, &["contacts", "list"]);
    let files: Vec<String> = (0..2)
        .map(|w| {
            let path = f.data.parent().unwrap().join(format!("w{w}.csv"));
            let mut text = String::from("subject,counterpart\n");
            // Three batches each: 10,000, 10,000 and 1 rows.
            for i in 0..20_001 {
                text.push_str(&format!("Writer {w},Person {i}\n"));
            }
            write(&path, &text);
            path.to_str().unwrap().to_owned()
        })
        .collect();
    let children: Vec<_> = files
        .iter()
        .map(|file| {
            Command::new(env!("CARGO_BIN_EXE_vetter"))
                .args(["contacts", "import", file, "--db", &db])
                .env("VETTER_DATA", &f.data)
                .env("VETTER_CACHE_DIR", &f.cache)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let stored: i64 =
        rusqlite::Connection::open(&db).unwrap().query_row("SELECT COUNT(*) FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, 40_002);
    let verify = run(&f, &db, &["audit", "verify"]);
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
    assert!(stdout(&verify).contains("6 entries"), "{}", stdout(&verify));
}

fn report_orders_contacts_with_evidence(ledger: &Ledger) {
    let f = folder(SDN);
    let db = ledger.target.clone();
    add_putin(&f, &db);
    let add = ["contacts", "add", "--subject", "Elon Musk", "--counterpart", "Jane <Doe>", "--date", "2023-01-02"];
    assert!(run(&f, &db, &add).status.success());
    let report = json(&run(&f, &db, &["report", "--subject", "Elon Musk", "--format", "json"]));
    assert_eq!(report["summary"]["contacts"], 2);
    assert_eq!(
        (report["summary"]["first"].as_str(), report["summary"]["last"].as_str()),
        (Some("2023-01-02"), Some("2024-05-01"))
    );
    assert_eq!(report["contacts"][1]["hits"][0]["id"], "us_ofac_sdn-35096");
    let html = stdout(&run(&f, &db, &["report", "--subject", "Elon Musk"]));
    assert!(html.starts_with("<!doctype html>") && html.contains("<svg") && html.contains("<circle"), "{html}");
    assert!(html.contains("Jane &lt;Doe&gt;") && !html.contains("Jane <Doe>"), "names are escaped");
    assert!(html.contains("PUTIN, Vladimir Vladimirovich"));
    assert_eq!(run(&f, &db, &["report", "--subject", "Nobody"]).status.code(), Some(2));
}
ledger_test!(report_orders_contacts_with_evidence);
