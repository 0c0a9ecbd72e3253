//! Forward-only migrations, one SQL file per version and dialect, embedded in
//! the binary. Applied versions are recorded in `vetter_migrations`; each
//! pending one runs in its own transaction with its record.

use crate::StoreError;
use crate::backend::{Conn, Dialect};

/// (version, name, SQLite SQL, PostgreSQL SQL), in version order.
const MIGRATIONS: &[(i64, &str, &str, &str)] = &[
    (
        1,
        "init",
        include_str!("../migrations/sqlite/0001_init.sql"),
        include_str!("../migrations/postgres/0001_init.sql"),
    ),
    (
        2,
        "contact_schema",
        include_str!("../migrations/sqlite/0002_contact_schema.sql"),
        include_str!("../migrations/postgres/0002_contact_schema.sql"),
    ),
    (
        3,
        "short_contact_key",
        include_str!("../migrations/sqlite/0003_short_contact_key.sql"),
        include_str!("../migrations/postgres/0003_short_contact_key.sql"),
    ),
];

/// Applies every pending migration; refuses a database migrated by a newer build.
pub(crate) fn run(conn: &mut Conn) -> Result<(), StoreError> {
    conn.batch(
        "CREATE TABLE IF NOT EXISTS vetter_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, \
         applied_at TEXT NOT NULL)",
    )?;
    let known = MIGRATIONS.last().map_or(0, |m| m.0);
    let found =
        conn.query("SELECT COALESCE(MAX(version), 0) FROM vetter_migrations", &[])?.first().map_or(0, |r| r.int(0));
    if found > known {
        return Err(StoreError::TooNew { found, known });
    }
    for (version, name, sqlite, postgres) in MIGRATIONS.iter().filter(|m| m.0 > found) {
        let sql = match conn.dialect() {
            Dialect::Sqlite => sqlite,
            Dialect::Postgres => postgres,
        };
        let begin = if conn.dialect() == Dialect::Sqlite { "BEGIN IMMEDIATE" } else { "BEGIN" };
        conn.batch(begin)?;
        let applied = (|| {
            // Another process may have applied it meanwhile.
            let done = conn.query("SELECT 1 FROM vetter_migrations WHERE version = $1", &[(*version).into()])?;
            if done.is_empty() {
                conn.batch(sql)?;
                conn.exec(
                    "INSERT INTO vetter_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                    &[(*version).into(), (*name).into(), crate::time::now().into()],
                )?;
            }
            Ok::<(), StoreError>(())
        })();
        match applied {
            Ok(()) => conn.batch("COMMIT")?,
            Err(e) => {
                let _ = conn.batch("ROLLBACK");
                return Err(e);
            }
        }
    }
    Ok(())
}
