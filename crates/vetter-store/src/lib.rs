//! The contacts ledger: a subject's contacts, the hits screening found for each
//! counterpart, analysts' reviews of those hits, monitoring runs with their
//! alerts, and a hash-chained, append-only audit log.
//!
//! One data-access layer, [`Store`], runs on an embedded SQLite file (the
//! default: WAL mode, created on first use) or on PostgreSQL
//! (`postgres://user:password@host/db`). Both get the same forward-only
//! migrations, written per dialect in `migrations/{sqlite,postgres}` and
//! embedded in the binary; a database newer than this build is refused.
//!
//! The store saves values and does not screen: callers pass the hits and the
//! risk level they computed (see [`risk`] for the configurable rules).
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = vetter_store::Store::open(dir.path().join("ledger.db").to_str().unwrap()).unwrap();
//! let contact = vetter_store::NewContact::new("Elon Musk", "Vladimir Putin");
//! let added = store.add_contacts(&[contact], "contact.add", serde_json::json!({})).unwrap();
//! assert!(added[0].inserted);
//! assert!(store.verify_audit().unwrap().problem.is_none());
//! ```

mod audit;
mod backend;
mod migrate;
pub mod risk;
mod time;
pub use time::civil_from_days;

use std::path::Path;

pub use audit::{AuditCheck, AuditEntry, AuditProblem};
pub use backend::Dialect;
use backend::{Conn, Row, Value};
use serde::Serialize;
use sha2::Digest;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed.
    #[error("postgres: {0}")]
    Postgres(#[from] postgres::Error),
    /// A file could not be created.
    #[error("{path}: {source}")]
    Io {
        /// The path at fault.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// The database was migrated by a newer vetter.
    #[error("the database is at schema version {found}, newer than this vetter's {known}")]
    TooNew {
        /// Version in the database.
        found: i64,
        /// Newest version this build knows.
        known: i64,
    },
    /// Something asked for does not exist (a user error).
    #[error("{0}")]
    NotFound(String),
    /// Input the store refuses (a user error).
    #[error("{0}")]
    Invalid(String),
}

/// A contact's id.
pub type ContactId = i64;

/// A contact to store, with what screening found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NewContact {
    /// Whose contact this is.
    pub subject: String,
    /// Who the subject met, called or wrote to.
    pub counterpart: String,
    /// When (free text, usually ISO 8601).
    pub date: Option<String>,
    /// `meeting`, `call`, `message` or `other`.
    pub kind: String,
    /// The counterpart's country, if known.
    pub country: Option<String>,
    /// What the counterpart is: `Person` (the default), `Organization`, `Company`...
    pub schema: String,
    /// Where the contact is documented (a URL or file).
    pub source: Option<String>,
    /// Risk level (`critical`, `high`, `medium`, `low`, `none`).
    pub risk: String,
    /// Why that level.
    pub risk_reason: String,
    /// The listed entities the counterpart matched.
    pub hits: Vec<NewHit>,
}

impl NewContact {
    /// A contact of kind `other` with no hits and risk `none`.
    pub fn new(subject: &str, counterpart: &str) -> NewContact {
        NewContact {
            subject: subject.to_owned(),
            counterpart: counterpart.to_owned(),
            kind: "other".to_owned(),
            schema: "Person".to_owned(),
            risk: "none".to_owned(),
            risk_reason: "no listed entity matches the counterpart".to_owned(),
            ..NewContact::default()
        }
    }

    /// The idempotency key: the same contact recorded twice is stored once. It is the first 128
    /// bits of the SHA-256 of the contact's fields, in hexadecimal.
    pub fn key(&self) -> String {
        // A JSON array, `["subject", "counterpart", "date" or null, ...]`.
        let parts = serde_json::to_string(&(
            self.subject.trim(),
            self.counterpart.trim(),
            self.date.as_deref().map(str::trim),
            self.kind.trim(),
            self.country.as_deref().map(str::trim),
            self.source.as_deref().map(str::trim),
        ))
        .unwrap_or_default();
        hex(&sha2::Sha256::digest(parts.as_bytes())[..16])
    }
}

/// A hit to store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewHit {
    /// The listed entity's id.
    pub entity_id: String,
    /// Its display name.
    pub caption: String,
    /// Its risk label (`sanctioned`, `sanction-linked`, `PEP`, `crime`, `other`).
    pub risk: String,
    /// The screening score.
    pub score: f64,
    /// A hash of the entity's content when screened: a review holds while it stays the same.
    pub entity_hash: String,
    /// The whole hit as the engine gave it.
    pub data: serde_json::Value,
}

/// What screening a counterpart gave, ready to store with every contact that names it: the risk
/// level with its reason, and the hits, each hit's JSON serialised once however many contacts
/// share it.
#[derive(Debug, Clone, PartialEq)]
pub struct Screening {
    /// Risk level (`critical`, `high`, `medium`, `low`, `none`).
    pub risk: String,
    /// Why that level.
    pub risk_reason: String,
    /// The listed entities the counterpart matched.
    pub hits: Vec<NewHit>,
    /// Each hit's `data` as JSON text.
    data: Vec<String>,
}

impl Screening {
    /// A screening result; each hit's `data` is serialised here, once.
    pub fn new(risk: String, risk_reason: String, hits: Vec<NewHit>) -> Screening {
        let data = hits.iter().map(|h| h.data.to_string()).collect();
        Screening { risk, risk_reason, hits, data }
    }
}

/// One row of [`Store::import_batch`]: a contact, its idempotency key ([`NewContact::key`],
/// computed once by the caller) and the screening of its counterpart, shared with the other rows
/// that name the same counterpart. The contact's own `risk`, `risk_reason` and `hits` are not read.
#[derive(Debug, Clone)]
pub struct ImportRow {
    /// [`NewContact::key`] of `contact`.
    pub key: String,
    /// The contact.
    pub contact: NewContact,
    /// What screening its counterpart gave.
    pub screening: std::sync::Arc<Screening>,
}

impl ImportRow {
    /// A row from a contact carrying its own hits and risk (the key is computed here).
    pub fn of(contact: NewContact) -> ImportRow {
        let mut contact = contact;
        let hits = std::mem::take(&mut contact.hits);
        let screening = Screening::new(contact.risk.clone(), contact.risk_reason.clone(), hits);
        ImportRow { key: contact.key(), contact, screening: std::sync::Arc::new(screening) }
    }
}

/// A stored contact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    /// Id.
    pub id: ContactId,
    /// Whose contact this is.
    pub subject: String,
    /// The other party.
    pub counterpart: String,
    /// When.
    pub date: Option<String>,
    /// `meeting`, `call`, `message` or `other`.
    pub kind: String,
    /// The counterpart's country.
    pub country: Option<String>,
    /// What the counterpart is.
    pub schema: String,
    /// Where it is documented.
    pub source: Option<String>,
    /// Risk level.
    pub risk: String,
    /// Why that level.
    pub risk_reason: String,
    /// `clear` (no hits), `open` (a hit awaits review), `confirmed` (a hit was confirmed) or
    /// `dismissed` (every hit was dismissed).
    pub status: String,
    /// When it was stored (UTC, RFC 3339).
    pub created_at: String,
}

/// A stored hit with its latest review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredHit {
    /// The contact.
    pub contact_id: ContactId,
    /// The listed entity.
    pub entity_id: String,
    /// Its display name.
    pub caption: String,
    /// Its risk label.
    pub risk: String,
    /// The score.
    pub score: f64,
    /// Hash of the entity's content when last screened.
    pub entity_hash: String,
    /// The hit as the engine gave it.
    pub data: serde_json::Value,
    /// The latest review of this hit, if any.
    pub review: Option<Review>,
}

impl StoredHit {
    /// True when the latest review dismissed this hit and the entity has not changed since.
    pub fn dismissed(&self) -> bool {
        self.review.as_ref().is_some_and(|r| r.decision == "dismissed" && r.entity_hash == self.entity_hash)
    }
}

/// A review to record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewReview {
    /// The contact.
    pub contact_id: ContactId,
    /// The hit's entity.
    pub entity_id: String,
    /// `confirmed` or `dismissed`.
    pub decision: String,
    /// Why.
    pub note: String,
    /// The analyst.
    pub reviewer: String,
}

/// A stored review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// Id.
    pub id: i64,
    /// The contact.
    pub contact_id: ContactId,
    /// The hit's entity.
    pub entity_id: String,
    /// `confirmed` or `dismissed`.
    pub decision: String,
    /// Why.
    pub note: String,
    /// The analyst.
    pub reviewer: String,
    /// The entity's content hash when reviewed.
    pub entity_hash: String,
    /// When.
    pub created_at: String,
}

/// What `add_contacts` did with one contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Added {
    /// The contact's id (the earlier one for a duplicate).
    pub id: ContactId,
    /// False when the same contact was already stored.
    pub inserted: bool,
}

/// Filters of [`Store::list_contacts`].
#[derive(Debug, Clone, Default)]
pub struct ContactFilter {
    /// Only this subject's contacts.
    pub subject: Option<String>,
    /// Only contacts at this risk level.
    pub risk: Option<String>,
}

/// A contact's new screening result in a monitoring run.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactUpdate {
    /// The contact.
    pub id: ContactId,
    /// New risk level.
    pub risk: String,
    /// Why.
    pub risk_reason: String,
    /// The hits now.
    pub hits: Vec<NewHit>,
}

/// An alert to record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewAlert {
    /// The contact.
    pub contact_id: ContactId,
    /// The hit's entity.
    pub entity_id: String,
    /// `new`, `changed` or `removed`.
    pub reason: String,
    /// The hit (the old one for `removed`).
    pub hit: serde_json::Value,
}

/// A finished monitoring run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonitorRun {
    /// Id.
    pub id: i64,
    /// Fingerprint of the lists screened against.
    pub fingerprint: String,
    /// Contacts in the ledger.
    pub contacts: i64,
    /// Contacts screened again.
    pub screened: i64,
    /// Alerts raised.
    pub alerts: i64,
    /// When.
    pub created_at: String,
}

/// The ledger on SQLite or PostgreSQL.
pub struct Store {
    conn: Conn,
}

const CONTACT_COLUMNS: &str =
    "id, subject, counterpart, date, kind, country, source, risk, risk_reason, status, created_at, schema";

impl Store {
    /// Opens a ledger: `postgres://...` (or `postgresql://...`) connects to PostgreSQL, anything
    /// else is a SQLite file path (an optional `sqlite://` prefix is dropped), created with its
    /// folder when missing. Pending migrations are applied.
    pub fn open(target: &str) -> Result<Store, StoreError> {
        let conn = if target.starts_with("postgres://") || target.starts_with("postgresql://") {
            let client = postgres::Client::connect(target, postgres::NoTls)?;
            Conn::Postgres { client: Box::new(client), statements: Default::default() }
        } else {
            let path = Path::new(target.strip_prefix("sqlite://").unwrap_or(target));
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .map_err(|source| StoreError::Io { path: parent.display().to_string(), source })?;
            }
            let c = rusqlite::Connection::open(path)?;
            c.busy_timeout(std::time::Duration::from_secs(30))?;
            c.pragma_update(None, "journal_mode", "WAL")?;
            c.pragma_update(None, "synchronous", "NORMAL")?;
            c.pragma_update(None, "foreign_keys", "ON")?;
            // Statement journals in memory: a multi-row insert that may hit a conflict needs one,
            // and writing it to a temporary file cost a sixth of a bulk import.
            c.pragma_update(None, "temp_store", "MEMORY")?;
            // 64 MiB of page cache: the unique index on random contact keys is written all over.
            c.pragma_update(None, "cache_size", -65_536)?;
            Conn::Sqlite(c)
        };
        let mut store = Store { conn };
        migrate::run(&mut store.conn)?;
        Ok(store)
    }

    /// Tunes this connection for a long run of large write transactions (`contacts import`).
    ///
    /// SQLite: 256 MiB of page cache instead of 64, and a checkpoint every 16,384 WAL pages
    /// (64 MiB) instead of every 1,000: the contact-key and subject indexes take each batch's rows
    /// all over, so every commit rewrites most of their pages, and a checkpoint after each commit
    /// copied (and synced) them into the database again. What a commit guarantees is unchanged
    /// (WAL with `synchronous = NORMAL`): a crash of the process loses no committed batch, and
    /// nothing is ever half-written; a power loss or OS crash may roll back the batches committed
    /// since the last checkpoint (now up to 64 MiB of WAL rather than 4 MiB), which running the
    /// import again stores. PostgreSQL: nothing to tune on the client.
    pub fn tune_for_bulk_writes(&mut self) -> Result<(), StoreError> {
        if let Conn::Sqlite(c) = &self.conn {
            c.pragma_update(None, "cache_size", -262_144)?;
            c.pragma_update(None, "wal_autocheckpoint", 16_384)?;
        }
        Ok(())
    }

    /// The database kind.
    pub fn dialect(&self) -> Dialect {
        self.conn.dialect()
    }

    /// Runs `f` in one transaction: committed when it returns `Ok`, rolled back otherwise.
    fn tx<T>(&mut self, f: impl FnOnce(&mut Conn) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let begin = match self.conn.dialect() {
            Dialect::Sqlite => "BEGIN IMMEDIATE",
            Dialect::Postgres => "BEGIN",
        };
        self.conn.batch(begin)?;
        match f(&mut self.conn) {
            Ok(v) => {
                self.conn.batch("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Stores contacts with their hits in one transaction, skipping any already stored (same
    /// [`NewContact::key`]), and appends one audit entry (`action`, `audit` plus the contacts:
    /// `contacts`, each `{"id", "subject", "counterpart", "risk", "hits"}`, and `duplicates`, the
    /// ids of those already stored).
    pub fn add_contacts(
        &mut self,
        contacts: &[NewContact],
        action: &str,
        audit: serde_json::Value,
    ) -> Result<Vec<Added>, StoreError> {
        let rows: Vec<ImportRow> = contacts.iter().cloned().map(ImportRow::of).collect();
        let now = time::now();
        self.tx(|c| {
            let out = store_rows(c, &rows, &now)?;
            let mut added = Vec::new();
            let mut duplicates = Vec::new();
            for (a, r) in out.iter().zip(&rows) {
                if a.inserted {
                    let n = &r.contact;
                    added.push(serde_json::json!({
                        "id": a.id,
                        "subject": n.subject,
                        "counterpart": n.counterpart,
                        "risk": r.screening.risk,
                        "hits": r.screening.hits.iter().map(|h| &h.entity_id).collect::<Vec<_>>(),
                    }));
                } else {
                    duplicates.push(a.id);
                }
            }
            let mut data = match audit {
                serde_json::Value::Object(m) => m,
                _ => serde_json::Map::new(),
            };
            data.insert("contacts".into(), added.into());
            data.insert("duplicates".into(), duplicates.into());
            audit::append(c, action, &serde_json::Value::Object(data), &now)?;
            Ok(out)
        })
    }

    /// Stores one batch of an import in one transaction, skipping the rows already stored (same
    /// key), and appends one `contacts.import` audit entry: `audit` plus `added` and `duplicates`
    /// (counts), `ids` (the first and last id stored, or null), `rows_sha256` and
    /// `screening_sha256`, which seal the rows stored and what screening found for them without
    /// listing them (see [`row_digest_lines`]); listing them put about a megabyte of JSON a batch
    /// of 10,000 rows in the log, built, canonicalised and written by the single writer.
    pub fn import_batch(&mut self, rows: &[ImportRow], audit: serde_json::Value) -> Result<Vec<Added>, StoreError> {
        let now = time::now();
        self.tx(|c| {
            if c.dialect() == Dialect::Postgres {
                // Batches take turns from the start (as audit entries do at the end), so the ids a
                // batch stores are not interleaved with another import's.
                c.batch("LOCK TABLE audit IN EXCLUSIVE MODE")?;
            }
            let out = store_rows(c, rows, &now)?;
            let (mut facts, mut screening) = (sha2::Sha256::new(), sha2::Sha256::new());
            let (mut fact_line, mut screening_line) = (Vec::with_capacity(512), Vec::with_capacity(512));
            let (mut added, mut first, mut last) = (0u64, None, None);
            for (a, r) in out.iter().zip(rows).filter(|(a, _)| a.inserted) {
                added += 1;
                first = first.or(Some(a.id));
                last = Some(a.id);
                fact_line.clear();
                screening_line.clear();
                row_digest_lines(&mut fact_line, &mut screening_line, a.id, &r.key, &r.contact, &r.screening, &now);
                facts.update(&fact_line);
                screening.update(&screening_line);
            }
            let mut data = match audit {
                serde_json::Value::Object(m) => m,
                _ => serde_json::Map::new(),
            };
            data.insert("added".into(), added.into());
            data.insert("duplicates".into(), (out.len() as u64 - added).into());
            data.insert("ids".into(), first.zip(last).map(|(f, l)| serde_json::json!([f, l])).unwrap_or_default());
            data.insert("rows_sha256".into(), hex(&facts.finalize()).into());
            data.insert("screening_sha256".into(), hex(&screening.finalize()).into());
            audit::append(c, "contacts.import", &serde_json::Value::Object(data), &now)?;
            Ok(out)
        })
    }

    /// Which of these contact keys ([`NewContact::key`]) are already stored.
    pub fn known_keys(&mut self, keys: &[String]) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut known = std::collections::HashSet::new();
        // One query per `CHUNK` keys (a full chunk reuses its prepared statement).
        const CHUNK: usize = 250;
        for chunk in keys.chunks(CHUNK) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!("SELECT key FROM contacts WHERE key IN ({})", marks.join(", "));
            let params: Vec<Value> = chunk.iter().map(|k| k.as_str().into()).collect();
            known.extend(self.conn.query(&sql, &params)?.iter().map(|r| r.text(0)));
        }
        Ok(known)
    }

    /// Writes a consistent copy of a SQLite ledger to `path` while it is in use (`VACUUM INTO`);
    /// PostgreSQL ledgers are backed up with `pg_dump`.
    pub fn backup(&mut self, path: &Path) -> Result<(), StoreError> {
        if self.dialect() == Dialect::Postgres {
            return Err(StoreError::Invalid(
                "a PostgreSQL ledger is backed up with `pg_dump`, not by vetter".to_owned(),
            ));
        }
        if path.exists() {
            return Err(StoreError::Invalid(format!("`{}` exists; give a new file", path.display())));
        }
        self.conn.exec("VACUUM INTO $1", &[path.to_string_lossy().into_owned().into()])?;
        Ok(())
    }

    /// One contact.
    pub fn contact(&mut self, id: ContactId) -> Result<Option<Contact>, StoreError> {
        let rows = self.conn.query(&format!("SELECT {CONTACT_COLUMNS} FROM contacts WHERE id = $1"), &[id.into()])?;
        Ok(rows.first().map(contact_of))
    }

    /// Contacts by id, filtered.
    pub fn list_contacts(&mut self, filter: &ContactFilter) -> Result<Vec<Contact>, StoreError> {
        let mut sql = format!("SELECT {CONTACT_COLUMNS} FROM contacts WHERE 1 = 1");
        let mut params: Vec<Value> = Vec::new();
        if let Some(s) = &filter.subject {
            params.push(s.as_str().into());
            sql.push_str(&format!(" AND subject = ${}", params.len()));
        }
        if let Some(r) = &filter.risk {
            params.push(r.as_str().into());
            sql.push_str(&format!(" AND risk = ${}", params.len()));
        }
        sql.push_str(" ORDER BY id");
        Ok(self.conn.query(&sql, &params)?.iter().map(contact_of).collect())
    }

    /// Number of contacts.
    pub fn count_contacts(&mut self) -> Result<i64, StoreError> {
        Ok(self.conn.query("SELECT COUNT(*) FROM contacts", &[])?.first().map(|r| r.int(0)).unwrap_or(0))
    }

    /// A contact's hits, best first, each with its latest review.
    pub fn hits(&mut self, contact_id: ContactId) -> Result<Vec<StoredHit>, StoreError> {
        hits_of(&mut self.conn, contact_id)
    }

    /// Records a review of a stored hit, against the entity's content as last screened, updates
    /// the contact's status (and its risk, when `risk` is given), and audits it.
    pub fn review(&mut self, review: &NewReview, risk: Option<(&str, &str)>) -> Result<Review, StoreError> {
        if review.decision != "confirmed" && review.decision != "dismissed" {
            return Err(StoreError::Invalid(format!(
                "decision `{}` is not `confirmed` or `dismissed`",
                review.decision
            )));
        }
        let now = time::now();
        self.tx(|c| {
            let hit = c.query(
                "SELECT entity_hash FROM hits WHERE contact_id = $1 AND entity_id = $2",
                &[review.contact_id.into(), review.entity_id.as_str().into()],
            )?;
            let Some(hit) = hit.first() else {
                return Err(StoreError::NotFound(format!(
                    "contact {} has no hit `{}`",
                    review.contact_id, review.entity_id
                )));
            };
            let entity_hash = hit.text(0);
            let rows = c.query(
                "INSERT INTO reviews (contact_id, entity_id, decision, note, reviewer, entity_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                &[
                    review.contact_id.into(),
                    review.entity_id.as_str().into(),
                    review.decision.as_str().into(),
                    review.note.as_str().into(),
                    review.reviewer.as_str().into(),
                    entity_hash.as_str().into(),
                    now.as_str().into(),
                ],
            )?;
            let id = rows.first().map(|r| r.int(0)).unwrap_or_default();
            if let Some((level, reason)) = risk {
                c.exec(
                    "UPDATE contacts SET risk = $1, risk_reason = $2 WHERE id = $3",
                    &[level.into(), reason.into(), review.contact_id.into()],
                )?;
            }
            refresh_status(c, review.contact_id)?;
            let stored = Review {
                id,
                contact_id: review.contact_id,
                entity_id: review.entity_id.clone(),
                decision: review.decision.clone(),
                note: review.note.clone(),
                reviewer: review.reviewer.clone(),
                entity_hash,
                created_at: now.clone(),
            };
            audit::append(c, "review", &serde_json::to_value(&stored).unwrap_or_default(), &now)?;
            Ok(stored)
        })
    }

    /// Every contact with its hits, for a monitoring run.
    pub fn monitor_snapshot(&mut self) -> Result<Vec<(Contact, Vec<StoredHit>)>, StoreError> {
        let contacts = self.list_contacts(&ContactFilter::default())?;
        let mut hits: std::collections::HashMap<ContactId, Vec<StoredHit>> = Default::default();
        for h in all_hits(&mut self.conn)? {
            hits.entry(h.contact_id).or_default().push(h);
        }
        Ok(contacts
            .into_iter()
            .map(|c| {
                let h = hits.remove(&c.id).unwrap_or_default();
                (c, h)
            })
            .collect())
    }

    /// The latest monitoring run.
    pub fn last_run(&mut self) -> Result<Option<MonitorRun>, StoreError> {
        let rows = self.conn.query(
            "SELECT id, fingerprint, contacts, screened, alerts, created_at FROM monitor_runs ORDER BY id DESC LIMIT 1",
            &[],
        )?;
        Ok(rows.first().map(|r| MonitorRun {
            id: r.int(0),
            fingerprint: r.text(1),
            contacts: r.int(2),
            screened: r.int(3),
            alerts: r.int(4),
            created_at: r.text(5),
        }))
    }

    /// Records a monitoring run in one transaction: the contacts' new hits and risk, the run, its
    /// alerts, and an audit entry for the run and for each alert.
    pub fn record_run(
        &mut self,
        fingerprint: &str,
        contacts: i64,
        screened: i64,
        updates: &[ContactUpdate],
        alerts: &[NewAlert],
    ) -> Result<MonitorRun, StoreError> {
        let now = time::now();
        self.tx(|c| {
            for u in updates {
                c.exec("DELETE FROM hits WHERE contact_id = $1", &[u.id.into()])?;
                insert_hits(c, u.id, &u.hits)?;
                c.exec(
                    "UPDATE contacts SET risk = $1, risk_reason = $2 WHERE id = $3",
                    &[u.risk.as_str().into(), u.risk_reason.as_str().into(), u.id.into()],
                )?;
                refresh_status(c, u.id)?;
            }
            let rows = c.query(
                "INSERT INTO monitor_runs (fingerprint, contacts, screened, alerts, created_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[
                    fingerprint.into(),
                    contacts.into(),
                    screened.into(),
                    (alerts.len() as i64).into(),
                    now.as_str().into(),
                ],
            )?;
            let run_id = rows.first().map(|r| r.int(0)).unwrap_or_default();
            let run = MonitorRun {
                id: run_id,
                fingerprint: fingerprint.to_owned(),
                contacts,
                screened,
                alerts: alerts.len() as i64,
                created_at: now.clone(),
            };
            audit::append(c, "monitor.run", &serde_json::to_value(&run).unwrap_or_default(), &now)?;
            for a in alerts {
                c.exec(
                    "INSERT INTO alerts (run_id, contact_id, entity_id, reason, data, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    &[
                        run_id.into(),
                        a.contact_id.into(),
                        a.entity_id.as_str().into(),
                        a.reason.as_str().into(),
                        a.hit.to_string().into(),
                        now.as_str().into(),
                    ],
                )?;
                let entry = serde_json::json!({
                    "run": run_id, "contact_id": a.contact_id, "entity_id": a.entity_id, "reason": a.reason,
                });
                audit::append(c, "alert", &entry, &now)?;
            }
            Ok(run)
        })
    }

    /// Appends an audit entry on its own (for example a list update).
    pub fn append_audit(&mut self, action: &str, data: &serde_json::Value) -> Result<AuditEntry, StoreError> {
        let now = time::now();
        self.tx(|c| audit::append(c, action, data, &now))
    }

    /// The whole audit log, oldest first.
    pub fn audit_log(&mut self) -> Result<Vec<AuditEntry>, StoreError> {
        audit::entries(&mut self.conn)
    }

    /// Recomputes the hash chain and reports the first entry that does not fit; then, for each
    /// import batch's entry, recomputes `rows_sha256` from the contacts it stored (ids in its
    /// range created at its time) and reports the first batch whose rows were altered or removed.
    pub fn verify_audit(&mut self) -> Result<AuditCheck, StoreError> {
        let entries = audit::entries(&mut self.conn)?;
        let check = audit::verify(&entries);
        if check.problem.is_some() {
            return Ok(check);
        }
        for e in entries.iter().filter(|e| e.action == "contacts.import") {
            let (Some(expected), Some([first, last])) = (
                e.data["rows_sha256"].as_str(),
                e.data["ids"].as_array().and_then(|a| Some([a.first()?.as_i64()?, a.get(1)?.as_i64()?])),
            ) else {
                continue; // an entry of an earlier version (it lists its contacts), or nothing stored
            };
            let rows = self.conn.query(
                "SELECT id, key, subject, counterpart, date, kind, country, source, schema, created_at FROM contacts \
                 WHERE id BETWEEN $1 AND $2 AND created_at = $3 ORDER BY id",
                &[first.into(), last.into(), e.at.as_str().into()],
            )?;
            let mut digest = sha2::Sha256::new();
            let mut line = Vec::with_capacity(512);
            for r in &rows {
                line.clear();
                let fact = (
                    r.int(0),
                    r.text(1),
                    r.text(2),
                    r.text(3),
                    r.opt_text(4),
                    r.text(5),
                    r.opt_text(6),
                    r.opt_text(7),
                    r.text(8),
                    r.text(9),
                );
                let _ = serde_json::to_writer(&mut line, &fact);
                line.push(b'\n');
                digest.update(&line);
            }
            if hex(&digest.finalize()) != expected {
                return Ok(AuditCheck {
                    entries: check.entries,
                    problem: Some(AuditProblem {
                        seq: e.seq,
                        action: e.action.clone(),
                        message: format!(
                            "entry {} (contacts.import): the contacts it stored (ids {first} to {last}) were altered or \
                             removed: they do not match its `rows_sha256`",
                            e.seq
                        ),
                    }),
                });
            }
        }
        Ok(check)
    }
}

/// The lines of an import batch's two digests for one row stored, appended to `facts` and
/// `screening`: `[id, key, subject, counterpart, date, kind, country, source, schema,
/// created_at]` and `[id, risk, risk_reason, status, [[entity_id, risk, score, entity_hash],
/// ...]]`, each JSON followed by a newline. The batch's audit entry carries the SHA-256 of each
/// kind of line over its rows in id order: the first seals what was recorded (columns no later
/// command changes, so the rows can be checked against the log at any time), the second what
/// screening found when it was stored (reviews and monitoring runs change it later, each with
/// audit entries of their own).
pub fn row_digest_lines(
    facts: &mut Vec<u8>,
    screening: &mut Vec<u8>,
    id: ContactId,
    key: &str,
    c: &NewContact,
    s: &Screening,
    created_at: &str,
) {
    let status = if s.hits.is_empty() { "clear" } else { "open" };
    let hits: Vec<(&str, &str, f64, &str)> =
        s.hits.iter().map(|h| (h.entity_id.as_str(), h.risk.as_str(), h.score, h.entity_hash.as_str())).collect();
    // Serialising strings and numbers cannot fail.
    let fact = (id, key, &c.subject, &c.counterpart, &c.date, &c.kind, &c.country, &c.source, &c.schema, created_at);
    let _ = serde_json::to_writer(&mut *facts, &fact);
    facts.push(b'\n');
    let _ = serde_json::to_writer(&mut *screening, &(id, &s.risk, &s.risk_reason, status, hits));
    screening.push(b'\n');
}

/// Inserts contacts with their hits (call inside a transaction); a row whose key is stored
/// already, or earlier in `rows`, is not inserted and gets the stored row's id.
fn store_rows(c: &mut Conn, rows: &[ImportRow], now: &str) -> Result<Vec<Added>, StoreError> {
    match c {
        Conn::Sqlite(db) => store_rows_sqlite(db, rows, now),
        Conn::Postgres { client, statements } => store_rows_postgres(client, statements, rows, now),
    }
}

/// SQLite: one cached statement per row, its parameters borrowed, so the statement is compiled
/// once per connection (not once per 200-row chunk) and nothing is copied to bind it.
fn store_rows_sqlite(db: &rusqlite::Connection, rows: &[ImportRow], now: &str) -> Result<Vec<Added>, StoreError> {
    let mut insert = db.prepare_cached(
        "INSERT INTO contacts (key, subject, counterpart, date, kind, country, source, risk, risk_reason, status, \
         created_at, schema) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (key) DO NOTHING",
    )?;
    let mut find = db.prepare_cached("SELECT id FROM contacts WHERE key = ?1")?;
    let mut hit = db.prepare_cached(
        "INSERT INTO hits (contact_id, entity_id, caption, risk, score, entity_hash, data) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (contact_id, entity_id) DO NOTHING",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let (n, s) = (&r.contact, &*r.screening);
        let status = if s.hits.is_empty() { "clear" } else { "open" };
        let inserted = insert.execute(rusqlite::params![
            r.key,
            n.subject,
            n.counterpart,
            n.date,
            n.kind,
            n.country,
            n.source,
            s.risk,
            s.risk_reason,
            status,
            now,
            n.schema,
        ])? == 1;
        if inserted {
            let id = db.last_insert_rowid();
            for (h, data) in s.hits.iter().zip(&s.data) {
                hit.execute(rusqlite::params![id, h.entity_id, h.caption, h.risk, h.score, h.entity_hash, data])?;
            }
            out.push(Added { id, inserted: true });
        } else {
            let id = find.query_row([&r.key], |row| row.get(0))?;
            out.push(Added { id, inserted: false });
        }
    }
    Ok(out)
}

/// PostgreSQL: multi-row inserts, one round trip per `CHUNK` contacts (and per `CHUNK` hits),
/// their parameters borrowed.
fn store_rows_postgres(
    client: &mut postgres::Client,
    statements: &mut std::collections::HashMap<String, postgres::Statement>,
    rows: &[ImportRow],
    now: &str,
) -> Result<Vec<Added>, StoreError> {
    type Param<'a> = &'a (dyn postgres::types::ToSql + Sync);
    const CHUNK: usize = 500;
    let mut out = Vec::with_capacity(rows.len());
    let mut seen: std::collections::HashMap<&str, ContactId> = Default::default();
    let mut new_hits: Vec<(ContactId, &NewHit, &String)> = Vec::new();
    for chunk in rows.chunks(CHUNK) {
        let mut sql = String::from(
            "INSERT INTO contacts (key, subject, counterpart, date, kind, country, source, risk, risk_reason, \
             status, created_at, schema) VALUES ",
        );
        push_placeholders(&mut sql, chunk.len(), 12);
        sql.push_str(" ON CONFLICT (key) DO NOTHING RETURNING id, key");
        let mut params: Vec<Param<'_>> = Vec::with_capacity(chunk.len() * 12);
        let now = &now;
        for r in chunk {
            let (n, s) = (&r.contact, &*r.screening);
            let status: Param<'_> = if s.hits.is_empty() { &"clear" } else { &"open" };
            params.extend([
                &r.key as Param<'_>,
                &n.subject,
                &n.counterpart,
                &n.date,
                &n.kind,
                &n.country,
                &n.source,
                &s.risk,
                &s.risk_reason,
                status,
                now,
                &n.schema,
            ]);
        }
        let stmt = backend::pg_statement(client, statements, &sql)?;
        let fresh: std::collections::HashMap<String, ContactId> =
            client.query(&stmt, &params)?.iter().map(|row| (row.get::<_, String>(1), row.get::<_, i64>(0))).collect();
        let mut missing: Vec<&str> = Vec::new();
        for r in chunk {
            match fresh.get(&r.key) {
                // The first of equal keys in this call is the one inserted.
                Some(&id) if !seen.contains_key(r.key.as_str()) => {
                    seen.insert(&r.key, id);
                    let s = &*r.screening;
                    new_hits.extend(s.hits.iter().zip(&s.data).map(|(h, d)| (id, h, d)));
                    out.push(Added { id, inserted: true });
                }
                _ => {
                    if !seen.contains_key(r.key.as_str()) {
                        missing.push(&r.key);
                    }
                    out.push(Added { id: 0, inserted: false });
                }
            }
        }
        if !missing.is_empty() {
            let stmt = backend::pg_statement(client, statements, "SELECT key, id FROM contacts WHERE key = ANY($1)")?;
            for row in client.query(&stmt, &[&missing])? {
                let key: String = row.get(0);
                if let Some(k) = missing.iter().find(|k| **k == key) {
                    seen.insert(k, row.get(1));
                }
            }
        }
        let base = out.len() - chunk.len();
        for (a, r) in out[base..].iter_mut().zip(chunk) {
            if !a.inserted {
                a.id = seen.get(r.key.as_str()).copied().unwrap_or_default();
            }
        }
    }
    for chunk in new_hits.chunks(CHUNK) {
        let mut sql =
            String::from("INSERT INTO hits (contact_id, entity_id, caption, risk, score, entity_hash, data) VALUES ");
        push_placeholders(&mut sql, chunk.len(), 7);
        sql.push_str(" ON CONFLICT (contact_id, entity_id) DO NOTHING");
        let mut params: Vec<Param<'_>> = Vec::with_capacity(chunk.len() * 7);
        for (id, h, data) in chunk {
            params.extend([id as Param<'_>, &h.entity_id, &h.caption, &h.risk, &h.score, &h.entity_hash, *data]);
        }
        let stmt = backend::pg_statement(client, statements, &sql)?;
        client.execute(&stmt, &params)?;
    }
    Ok(out)
}

fn insert_hits(c: &mut Conn, id: ContactId, hits: &[NewHit]) -> Result<(), StoreError> {
    for h in hits {
        c.exec(
            "INSERT INTO hits (contact_id, entity_id, caption, risk, score, entity_hash, data) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (contact_id, entity_id) DO NOTHING",
            &[
                id.into(),
                h.entity_id.as_str().into(),
                h.caption.as_str().into(),
                h.risk.as_str().into(),
                h.score.into(),
                h.entity_hash.as_str().into(),
                h.data.to_string().into(),
            ],
        )?;
    }
    Ok(())
}

const HIT_SELECT: &str = "SELECT h.contact_id, h.entity_id, h.caption, h.risk, h.score, h.entity_hash, h.data, \
     r.id, r.decision, r.note, r.reviewer, r.entity_hash, r.created_at FROM hits h \
     LEFT JOIN reviews r ON r.id = (SELECT MAX(id) FROM reviews x \
     WHERE x.contact_id = h.contact_id AND x.entity_id = h.entity_id)";

fn hit_of(r: &Row) -> StoredHit {
    let review = r.opt_text(8).map(|decision| Review {
        id: r.int(7),
        contact_id: r.int(0),
        entity_id: r.text(1),
        decision,
        note: r.text(9),
        reviewer: r.text(10),
        entity_hash: r.text(11),
        created_at: r.text(12),
    });
    StoredHit {
        contact_id: r.int(0),
        entity_id: r.text(1),
        caption: r.text(2),
        risk: r.text(3),
        score: r.real(4),
        entity_hash: r.text(5),
        data: serde_json::from_str(&r.text(6)).unwrap_or_default(),
        review,
    }
}

fn hits_of(c: &mut Conn, contact_id: ContactId) -> Result<Vec<StoredHit>, StoreError> {
    let sql = format!("{HIT_SELECT} WHERE h.contact_id = $1 ORDER BY h.score DESC, h.entity_id");
    Ok(c.query(&sql, &[contact_id.into()])?.iter().map(hit_of).collect())
}

fn all_hits(c: &mut Conn) -> Result<Vec<StoredHit>, StoreError> {
    let sql = format!("{HIT_SELECT} ORDER BY h.contact_id, h.score DESC, h.entity_id");
    Ok(c.query(&sql, &[])?.iter().map(hit_of).collect())
}

/// Sets a contact's status from its hits and their latest reviews.
fn refresh_status(c: &mut Conn, id: ContactId) -> Result<(), StoreError> {
    let hits = hits_of(c, id)?;
    fn current(h: &StoredHit) -> Option<&str> {
        h.review.as_ref().filter(|r| r.entity_hash == h.entity_hash).map(|r| r.decision.as_str())
    }
    let status = if hits.is_empty() {
        "clear"
    } else if hits.iter().any(|h| current(h).is_none()) {
        "open"
    } else if hits.iter().any(|h| current(h) == Some("confirmed")) {
        "confirmed"
    } else {
        "dismissed"
    };
    c.exec("UPDATE contacts SET status = $1 WHERE id = $2", &[status.into(), id.into()])?;
    Ok(())
}

fn contact_of(r: &Row) -> Contact {
    Contact {
        id: r.int(0),
        subject: r.text(1),
        counterpart: r.text(2),
        date: r.opt_text(3),
        kind: r.text(4),
        country: r.opt_text(5),
        source: r.opt_text(6),
        risk: r.text(7),
        risk_reason: r.text(8),
        status: r.text(9),
        created_at: r.text(10),
        schema: r.text(11),
    }
}

/// Appends `rows` groups of `columns` placeholders: `($1, $2), ($3, $4)`.
fn push_placeholders(sql: &mut String, rows: usize, columns: usize) {
    use std::fmt::Write;
    for i in 0..rows {
        sql.push_str(if i == 0 { "(" } else { ", (" });
        for j in 1..=columns {
            let sep = if j == 1 { "" } else { ", " };
            let _ = write!(sql, "{sep}${}", i * columns + j);
        }
        sql.push(')');
    }
}

/// Lower-case hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// SHA-256 of a text, in hexadecimal: the content hash of an entity as screened.
pub fn content_hash(text: &str) -> String {
    hex(&sha2::Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    //! 1. Placeholders number rows and columns from `$1`.
    //! 2. `hex` writes two lower-case digits a byte.
    //! 3. A contact's key is the first half of the SHA-256 of its fields as a JSON array (the
    //!    keys stored by earlier versions were the whole hash, which migration 3 cuts).

    #[test]
    fn placeholders() {
        let mut sql = String::from("VALUES ");
        super::push_placeholders(&mut sql, 2, 3);
        assert_eq!(sql, "VALUES ($1, $2, $3), ($4, $5, $6)");
    }

    #[test]
    fn contact_key() {
        let mut c = super::NewContact::new(" Elon Musk", "Vladimir Putin ");
        c.country = Some("ru".into());
        let json = r#"["Elon Musk","Vladimir Putin",null,"other","ru",null]"#;
        assert_eq!(c.key(), super::content_hash(json)[..32]);
    }

    #[test]
    fn hex() {
        assert_eq!(super::hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
    }
}
