//! The audit log: append-only, each entry chained to the one before by
//! `hash = sha256(prev_hash || canonical JSON of {seq, at, action, data})`.
//!
//! Canonical JSON has object keys sorted and no whitespace, so the hash does
//! not depend on how a database or serializer orders keys. The first entry's
//! `prev_hash` is 64 zeros. Editing, deleting or inserting a row breaks the
//! chain at that row, which [`verify`] names.

use serde::Serialize;
use sha2::Digest;

use crate::StoreError;
use crate::backend::{Conn, Dialect};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    /// Position in the log, from 1.
    pub seq: i64,
    /// When (UTC, RFC 3339).
    pub at: String,
    /// `contact.add`, `contacts.import`, `review`, `monitor.run`, `alert`, `lists.update`...
    pub action: String,
    /// What was done.
    pub data: serde_json::Value,
    /// The previous entry's hash.
    pub prev_hash: String,
    /// This entry's hash.
    pub hash: String,
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditCheck {
    /// Entries checked.
    pub entries: u64,
    /// The first entry that does not fit, if any.
    pub problem: Option<AuditProblem>,
}

/// An entry that breaks the chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditProblem {
    /// Its position.
    pub seq: i64,
    /// Its action.
    pub action: String,
    /// What is wrong.
    pub message: String,
}

/// Sorted keys, no whitespace.
pub(crate) fn canonical(v: &serde_json::Value) -> String {
    let mut out = String::new();
    write_canonical(v, &mut out);
    out
}

fn write_canonical(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push(':');
                write_canonical(&m[k], out);
            }
            out.push('}');
        }
        serde_json::Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(x, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn entry_hash(prev: &str, seq: i64, at: &str, action: &str, data: &serde_json::Value) -> String {
    hash_canonical(prev, seq, at, action, &canonical(data))
}

/// `sha256(prev || canonical {"action", "at", "data", "seq"})`, from the data already in
/// canonical form: the keys in sorted order, written out without building the object (an import
/// batch's data is large).
fn hash_canonical(prev: &str, seq: i64, at: &str, action: &str, data: &str) -> String {
    let text = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut h = sha2::Sha256::new();
    h.update(prev.as_bytes());
    h.update(format!("{{\"action\":{},\"at\":{},\"data\":", text(action), text(at)).as_bytes());
    h.update(data.as_bytes());
    h.update(format!(",\"seq\":{seq}}}").as_bytes());
    crate::hex(&h.finalize())
}

/// Appends an entry; call inside a transaction.
pub(crate) fn append(c: &mut Conn, action: &str, data: &serde_json::Value, at: &str) -> Result<AuditEntry, StoreError> {
    if c.dialect() == Dialect::Postgres {
        // Writers take turns at the end of the chain.
        c.batch("LOCK TABLE audit IN EXCLUSIVE MODE")?;
    }
    let last = c.query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", &[])?;
    let (seq, prev) = last.first().map_or((1, GENESIS.to_owned()), |r| (r.int(0) + 1, r.text(1)));
    let text = canonical(data);
    let hash = hash_canonical(&prev, seq, at, action, &text);
    c.exec(
        "INSERT INTO audit (seq, at, action, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6)",
        &[seq.into(), at.into(), action.into(), text.into(), prev.as_str().into(), hash.as_str().into()],
    )?;
    Ok(AuditEntry { seq, at: at.to_owned(), action: action.to_owned(), data: data.clone(), prev_hash: prev, hash })
}

pub(crate) fn entries(c: &mut Conn) -> Result<Vec<AuditEntry>, StoreError> {
    let rows = c.query("SELECT seq, at, action, data, prev_hash, hash FROM audit ORDER BY seq", &[])?;
    Ok(rows
        .iter()
        .map(|r| AuditEntry {
            seq: r.int(0),
            at: r.text(1),
            action: r.text(2),
            // Unparseable data is kept as a string, so verification reports it rather than failing.
            data: serde_json::from_str(&r.text(3)).unwrap_or_else(|_| serde_json::Value::String(r.text(3))),
            prev_hash: r.text(4),
            hash: r.text(5),
        })
        .collect())
}

/// Checks the chain: consecutive positions, each `prev_hash` the previous hash, each hash recomputed.
pub(crate) fn verify(entries: &[AuditEntry]) -> AuditCheck {
    let mut prev = GENESIS.to_owned();
    for (i, e) in entries.iter().enumerate() {
        let problem = |message: String| AuditCheck {
            entries: entries.len() as u64,
            problem: Some(AuditProblem { seq: e.seq, action: e.action.clone(), message }),
        };
        if e.seq != i as i64 + 1 {
            return problem(format!("entry {} is at position {}: entries were removed or inserted", e.seq, i + 1));
        }
        if e.prev_hash != prev {
            return problem(format!("entry {} does not follow the entry before it", e.seq));
        }
        if entry_hash(&prev, e.seq, &e.at, &e.action, &e.data) != e.hash {
            return problem(format!("entry {} ({}) was altered: its content does not match its hash", e.seq, e.action));
        }
        prev = e.hash.clone();
    }
    AuditCheck { entries: entries.len() as u64, problem: None }
}

#[cfg(test)]
mod tests {
    //! 1. Canonical JSON sorts keys at every depth and has no whitespace.
    //! 2. An entry's hash is that of the canonical JSON of its whole body, however it is computed.
    use super::{canonical, entry_hash};
    use sha2::Digest;

    #[test]
    fn entry_hash_is_the_hash_of_the_canonical_body() {
        let data = serde_json::json!({"z": "tab\there \"quoted\" é", "a": [1, {"y": null, "b": 2.5}]});
        let (prev, at, action) = ("ab".repeat(32), "2026-11-25T12:00:00.000Z", "contacts.import");
        let body = serde_json::json!({"seq": 7, "at": at, "action": action, "data": data});
        let mut h = sha2::Sha256::new();
        h.update(prev.as_bytes());
        h.update(canonical(&body).as_bytes());
        assert_eq!(entry_hash(&prev, 7, at, action, &data), crate::hex(&h.finalize()));
    }

    #[test]
    fn canonical_sorts_keys() {
        let v = serde_json::json!({"b": 1, "a": {"d": [1, {"f": null, "e": "x"}], "c": true}});
        assert_eq!(canonical(&v), r#"{"a":{"c":true,"d":[1,{"e":"x","f":null}]},"b":1}"#);
    }
}
