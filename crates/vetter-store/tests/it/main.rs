//! The store's test suite, run on SQLite and on PostgreSQL.
//!
//! Every test is written once as a function of a fresh [`Db`]; `store_test!`
//! makes a `sqlite` and a `postgres` test of it. The PostgreSQL tests use the
//! server named by `VETTER_TEST_POSTGRES` (`postgres://user:pw@host/db`), each
//! in a schema of its own; when it is unset they print a notice and pass,
//! except under CI (`CI` set), where they fail.
//!
//! 1. Contacts: add, get, list by subject and risk, hits.
//! 2. The same contact added twice is stored once; `known_keys` finds the stored ones among many.
//! 3. Reviews: status follows decisions; unknown hits and bad decisions are refused.
//! 4. Monitoring runs replace hits, store alerts and are audited.
//! 5. The audit log verifies, refuses updates, and names an entry edited behind its back.
//! 6. Migrations: opening twice is fine; a newer database is refused; version 3 shortens the
//!    contact keys of a version 2 ledger.
//! 7. A SQLite ledger is backed up while open; PostgreSQL refuses (pg_dump).
//! 8. An import batch stores each row once with its shared screening's hits, and its one audit
//!    entry carries digests of the rows it stored.

mod ledger;

use std::sync::atomic::{AtomicU32, Ordering};

/// A fresh, empty database and raw access to it.
pub struct Db {
    /// What `Store::open` takes.
    pub target: String,
    raw: Raw,
    _tmp: Option<tempfile::TempDir>,
}

enum Raw {
    Sqlite(std::path::PathBuf),
    Postgres(String),
}

impl Db {
    /// Runs SQL directly, bypassing the store (to tamper with it).
    pub fn raw(&self, sql: &str) {
        match &self.raw {
            Raw::Sqlite(path) => rusqlite::Connection::open(path).unwrap().execute_batch(sql).unwrap(),
            Raw::Postgres(url) => postgres::Client::connect(url, postgres::NoTls).unwrap().batch_execute(sql).unwrap(),
        }
    }

    /// True on PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        matches!(self.raw, Raw::Postgres(_))
    }
}

/// A new SQLite file in a temporary folder (not created yet: the store creates it).
pub fn sqlite_db() -> Db {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("sub").join("ledger.db");
    Db { target: path.to_str().unwrap().to_owned(), raw: Raw::Sqlite(path), _tmp: Some(tmp) }
}

/// A new schema on the test server, or `None` (with a notice) when none is configured.
#[allow(clippy::print_stderr)]
pub fn postgres_db() -> Option<Db> {
    let Ok(base) = std::env::var("VETTER_TEST_POSTGRES") else {
        assert!(std::env::var_os("CI").is_none(), "CI must set VETTER_TEST_POSTGRES");
        eprintln!("note: VETTER_TEST_POSTGRES is unset; skipping the PostgreSQL run of this test");
        return None;
    };
    static N: AtomicU32 = AtomicU32::new(0);
    let schema = format!("t{}_{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst));
    let mut client = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options=-csearch_path%3D{schema}");
    Some(Db { target: url.clone(), raw: Raw::Postgres(url), _tmp: None })
}

/// Makes a SQLite and a PostgreSQL test of one test function.
#[macro_export]
macro_rules! store_test {
    ($name:ident) => {
        mod $name {
            #[test]
            fn sqlite() {
                super::$name($crate::sqlite_db());
            }
            #[test]
            fn postgres() {
                if let Some(db) = $crate::postgres_db() {
                    super::$name(db);
                }
            }
        }
    };
}
