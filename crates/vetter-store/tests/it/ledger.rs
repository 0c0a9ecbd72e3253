//! Contacts, reviews, monitoring runs, the audit log and migrations, on both databases.

use vetter_store::{ContactFilter, ContactUpdate, NewAlert, NewContact, NewHit, NewReview, Store, StoreError};

use crate::{Db, store_test};

fn hit(id: &str, risk: &str, hash: &str) -> NewHit {
    NewHit {
        entity_id: id.into(),
        caption: format!("Entity {id}"),
        risk: risk.into(),
        score: 0.93,
        entity_hash: hash.into(),
        data: serde_json::json!({"id": id, "risk": risk}),
    }
}

fn contact(subject: &str, counterpart: &str, risk: &str, hits: Vec<NewHit>) -> NewContact {
    NewContact {
        date: Some("2024-05-01".into()),
        kind: "meeting".into(),
        risk: risk.into(),
        risk_reason: format!("because {risk}"),
        hits,
        ..NewContact::new(subject, counterpart)
    }
}

fn add_list_and_hits(db: Db) {
    let mut s = Store::open(&db.target).unwrap();
    let added = s
        .add_contacts(
            &[
                contact("Elon Musk", "Vladimir Putin", "critical", vec![hit("us_ofac_sdn-35096", "sanctioned", "h1")]),
                contact("Elon Musk", "Jane Doe", "none", vec![]),
                contact("Someone Else", "John Roe", "none", vec![]),
            ],
            "contacts.import",
            serde_json::json!({"file": "x.csv"}),
        )
        .unwrap();
    assert!(added.iter().all(|a| a.inserted));
    let putin = s.contact(added[0].id).unwrap().unwrap();
    assert_eq!(
        (putin.counterpart.as_str(), putin.risk.as_str(), putin.status.as_str()),
        ("Vladimir Putin", "critical", "open")
    );
    assert_eq!(s.contact(added[1].id).unwrap().unwrap().status, "clear");
    assert!(s.contact(9999).unwrap().is_none());
    let musk = s.list_contacts(&ContactFilter { subject: Some("Elon Musk".into()), risk: None }).unwrap();
    assert_eq!(musk.len(), 2);
    let critical = s.list_contacts(&ContactFilter { subject: None, risk: Some("critical".into()) }).unwrap();
    assert_eq!(critical.iter().map(|c| c.id).collect::<Vec<_>>(), vec![added[0].id]);
    let hits = s.hits(added[0].id).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].data["risk"], "sanctioned");
    assert_eq!(hits[0].score, 0.93);
    assert_eq!(s.count_contacts().unwrap(), 3);
    assert_eq!(putin.schema, "Person");
}
store_test!(add_list_and_hits);

fn same_contact_stored_once(db: Db) {
    let mut s = Store::open(&db.target).unwrap();
    let c = contact("A", "B", "none", vec![]);
    let first = s.add_contacts(std::slice::from_ref(&c), "contact.add", serde_json::json!({})).unwrap();
    let again = s.add_contacts(&[c.clone(), c.clone()], "contact.add", serde_json::json!({})).unwrap();
    assert!(first[0].inserted);
    assert!(again.iter().all(|a| !a.inserted && a.id == first[0].id));
    assert_eq!(s.count_contacts().unwrap(), 1);
    let log = s.audit_log().unwrap();
    assert_eq!(log[1].data["duplicates"], serde_json::json!([first[0].id, first[0].id]));
    let other = contact("A", "Z", "none", vec![]);
    let known = s.known_keys(&[c.key(), other.key()]).unwrap();
    assert!(known.contains(&c.key()) && !known.contains(&other.key()));
    // Equal new contacts in one call: the first is stored, the second is its duplicate.
    let twice = s.add_contacts(&[other.clone(), other], "contact.add", serde_json::json!({})).unwrap();
    assert!(twice[0].inserted && !twice[1].inserted && twice[0].id == twice[1].id);
    assert_eq!(s.count_contacts().unwrap(), 2);
}
store_test!(same_contact_stored_once);

fn known_keys_across_query_chunks(db: Db) {
    let mut s = Store::open(&db.target).unwrap();
    // More keys than one query takes, so the answer spans full and partial chunks.
    let all: Vec<NewContact> = (0..601).map(|i| contact("S", &format!("C{i}"), "none", vec![])).collect();
    let stored: Vec<NewContact> = all.iter().step_by(7).cloned().collect();
    s.add_contacts(&stored, "contacts.import", serde_json::json!({})).unwrap();
    let keys: Vec<String> = all.iter().map(NewContact::key).collect();
    let expected: std::collections::HashSet<String> = stored.iter().map(NewContact::key).collect();
    assert_eq!(s.known_keys(&keys).unwrap(), expected);
    assert!(s.known_keys(&[]).unwrap().is_empty());
}
store_test!(known_keys_across_query_chunks);

fn reviews_set_status(db: Db) {
    let mut s = Store::open(&db.target).unwrap();
    let hits = vec![hit("a-1", "PEP", "h1"), hit("a-2", "PEP", "h2")];
    let id = s.add_contacts(&[contact("S", "C", "medium", hits)], "contact.add", serde_json::json!({})).unwrap()[0].id;
    let review = |decision: &str, entity: &str| NewReview {
        contact_id: id,
        entity_id: entity.into(),
        decision: decision.into(),
        note: "not the same person".into(),
        reviewer: "analyst".into(),
    };
    let r = s.review(&review("dismissed", "a-1"), None).unwrap();
    assert_eq!(r.entity_hash, "h1");
    assert_eq!(s.contact(id).unwrap().unwrap().status, "open");
    s.review(&review("dismissed", "a-2"), Some(("none", "every hit dismissed"))).unwrap();
    let c = s.contact(id).unwrap().unwrap();
    assert_eq!((c.status.as_str(), c.risk.as_str()), ("dismissed", "none"));
    assert!(s.hits(id).unwrap().iter().all(|h| h.dismissed()));
    s.review(&review("confirmed", "a-2"), None).unwrap();
    assert_eq!(s.contact(id).unwrap().unwrap().status, "confirmed");
    assert!(matches!(s.review(&review("dismissed", "zz-9"), None), Err(StoreError::NotFound(_))));
    assert!(matches!(s.review(&review("maybe", "a-1"), None), Err(StoreError::Invalid(_))));
    let actions: Vec<String> = s.audit_log().unwrap().into_iter().map(|e| e.action).collect();
    assert_eq!(actions, ["contact.add", "review", "review", "review"]);
}
store_test!(reviews_set_status);

fn monitor_runs(db: Db) {
    let mut s = Store::open(&db.target).unwrap();
    let id = s
        .add_contacts(
            &[contact("S", "C", "medium", vec![hit("a-1", "PEP", "h1")])],
            "contact.add",
            serde_json::json!({}),
        )
        .unwrap()[0]
        .id;
    assert!(s.last_run().unwrap().is_none());
    let update = ContactUpdate {
        id,
        risk: "critical".into(),
        risk_reason: "sanctioned now".into(),
        hits: vec![hit("a-1", "sanctioned", "h1b"), hit("b-2", "sanctioned", "h3")],
    };
    let alerts = vec![
        NewAlert { contact_id: id, entity_id: "a-1".into(), reason: "changed".into(), hit: serde_json::json!({}) },
        NewAlert { contact_id: id, entity_id: "b-2".into(), reason: "new".into(), hit: serde_json::json!({}) },
    ];
    let run = s.record_run("fp1", 1, 1, &[update], &alerts).unwrap();
    assert_eq!((run.alerts, run.fingerprint.as_str()), (2, "fp1"));
    assert_eq!(s.last_run().unwrap().unwrap(), run);
    let snapshot = s.monitor_snapshot().unwrap();
    assert_eq!(snapshot.len(), 1);
    assert_eq!(snapshot[0].0.risk, "critical");
    assert_eq!(snapshot[0].1.iter().map(|h| h.entity_hash.as_str()).collect::<Vec<_>>(), ["h1b", "h3"]);
    let actions: Vec<String> = s.audit_log().unwrap().into_iter().map(|e| e.action).collect();
    assert_eq!(actions, ["contact.add", "monitor.run", "alert", "alert"]);
}
store_test!(monitor_runs);

fn audit_chain_detects_tampering(db: Db) {
    let mut s = Store::open(&db.target).unwrap();
    for i in 0..3 {
        s.add_contacts(&[contact("S", &format!("C{i}"), "none", vec![])], "contact.add", serde_json::json!({}))
            .unwrap();
    }
    s.append_audit("lists.update", &serde_json::json!({"datasets": ["us_ofac_sdn"]})).unwrap();
    let check = s.verify_audit().unwrap();
    assert_eq!((check.entries, check.problem), (4, None));
    // The log refuses changes through SQL...
    let refused = match &db.target {
        t if db.is_postgres() => postgres::Client::connect(t, postgres::NoTls)
            .unwrap()
            .batch_execute("UPDATE audit SET action = 'x' WHERE seq = 2")
            .is_err(),
        t => {
            rusqlite::Connection::open(t).unwrap().execute_batch("UPDATE audit SET action = 'x' WHERE seq = 2").is_err()
        }
    };
    assert!(refused);
    // ...but someone with the rights can drop the guard; verification then names the entry.
    if db.is_postgres() {
        db.raw("ALTER TABLE audit DISABLE TRIGGER audit_no_change");
    } else {
        db.raw("DROP TRIGGER audit_no_update");
    }
    db.raw("UPDATE audit SET data = replace(data, 'C1', 'C9') WHERE seq = 2");
    let check = s.verify_audit().unwrap();
    let problem = check.problem.unwrap();
    assert_eq!((problem.seq, problem.action.as_str()), (2, "contact.add"));
    assert!(problem.message.contains("entry 2 (contact.add) was altered"), "{}", problem.message);
}
store_test!(audit_chain_detects_tampering);

fn migrations_forward_only(db: Db) {
    drop(Store::open(&db.target).unwrap());
    let mut s = Store::open(&db.target).unwrap();
    assert_eq!(s.count_contacts().unwrap(), 0);
    drop(s);
    db.raw("INSERT INTO vetter_migrations (version, name, applied_at) VALUES (99, 'future', 'now')");
    assert!(matches!(Store::open(&db.target), Err(StoreError::TooNew { found: 99, known: 3 })));
}
store_test!(migrations_forward_only);

fn contact_keys_shortened_by_migration(db: Db) {
    let c = contact("S", "C", "none", vec![]);
    let mut s = Store::open(&db.target).unwrap();
    let id = s.add_contacts(std::slice::from_ref(&c), "contact.add", serde_json::json!({})).unwrap()[0].id;
    drop(s);
    // The ledger as version 2 left it: the key is the whole SHA-256 (it starts with the short key).
    assert_eq!(c.key().len(), 32);
    let long = format!("{}{}", c.key(), "0".repeat(32));
    db.raw(&format!("UPDATE contacts SET key = '{long}'; DELETE FROM vetter_migrations WHERE version = 3"));
    let mut s = Store::open(&db.target).unwrap();
    let again = s.add_contacts(std::slice::from_ref(&c), "contact.add", serde_json::json!({})).unwrap();
    assert_eq!((again[0].id, again[0].inserted), (id, false), "the contact stored under its long key is found");
    assert_eq!(s.count_contacts().unwrap(), 1);
}
store_test!(contact_keys_shortened_by_migration);

fn backup_while_open(db: Db) {
    let mut s = Store::open(&db.target).unwrap();
    s.add_contacts(&[contact("S", "C", "none", vec![])], "contact.add", serde_json::json!({})).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    if db.is_postgres() {
        assert!(matches!(s.backup(&copy), Err(StoreError::Invalid(_))));
        return;
    }
    s.backup(&copy).unwrap();
    let mut restored = Store::open(copy.to_str().unwrap()).unwrap();
    assert_eq!(restored.count_contacts().unwrap(), 1);
    assert!(restored.verify_audit().unwrap().problem.is_none());
    assert!(matches!(s.backup(&copy), Err(StoreError::Invalid(_))), "an existing file is not overwritten");
}
store_test!(backup_while_open);

/// An import batch stores each row once with the hits of its shared screening, skips the rows
/// already stored (and the repeats within the batch), and writes one small audit entry whose
/// digests are those of the rows it stored.
fn import_batch_stores_rows_and_seals_them(db: Db) {
    use std::sync::Arc;
    use vetter_store::{ImportRow, Screening};
    let mut s = Store::open(&db.target).unwrap();
    let putin = Arc::new(Screening::new(
        "critical".into(),
        "sanctioned".into(),
        vec![hit("us_ofac_sdn-35096", "sanctioned", "h1"), hit("gb_fcdo-1", "sanctioned", "h2")],
    ));
    let clear = Arc::new(Screening::new("none".into(), "no match".into(), vec![]));
    let row = |subject: &str, counterpart: &str, screening: &Arc<Screening>| {
        let contact = NewContact::new(subject, counterpart);
        ImportRow { key: contact.key(), contact, screening: screening.clone() }
    };
    let earlier =
        s.add_contacts(&[NewContact::new("Elon Musk", "Jane Doe")], "contact.add", serde_json::json!({})).unwrap();
    let rows = vec![
        row("Elon Musk", "Vladimir Putin", &putin),
        row("Jeff Bezos", "Vladimir Putin", &putin),
        row("Elon Musk", "Jane Doe", &clear),
        row("Jeff Bezos", "Vladimir Putin", &putin),
        row("Jeff Bezos", "John Roe", &clear),
    ];
    let added = s.import_batch(&rows, serde_json::json!({"file": "x.csv", "rows": [1, 5]})).unwrap();
    assert_eq!(added.iter().map(|a| a.inserted).collect::<Vec<_>>(), [true, true, false, false, true]);
    assert_eq!(added[2].id, earlier[0].id);
    assert_eq!(added[3].id, added[1].id);
    for a in [added[0], added[1]] {
        let c = s.contact(a.id).unwrap().unwrap();
        assert_eq!((c.risk.as_str(), c.risk_reason.as_str(), c.status.as_str()), ("critical", "sanctioned", "open"));
        let hits = s.hits(a.id).unwrap();
        assert_eq!(hits.iter().map(|h| h.entity_id.as_str()).collect::<Vec<_>>(), ["gb_fcdo-1", "us_ofac_sdn-35096"]);
        assert_eq!(hits[1].data, serde_json::json!({"id": "us_ofac_sdn-35096", "risk": "sanctioned"}));
    }
    assert_eq!(s.contact(added[4].id).unwrap().unwrap().status, "clear");
    let log = s.audit_log().unwrap();
    let entry = log.last().unwrap();
    assert_eq!(entry.action, "contacts.import");
    assert_eq!(
        (&entry.data["added"], &entry.data["duplicates"], &entry.data["file"]),
        (&3.into(), &2.into(), &"x.csv".into())
    );
    assert_eq!(entry.data["ids"], serde_json::json!([added[0].id, added[4].id]));
    // The digests recomputed from the rows stored, in id order.
    let (mut facts, mut screening) = (Vec::new(), Vec::new());
    for i in [0, 1, 4] {
        vetter_store::row_digest_lines(
            &mut facts,
            &mut screening,
            added[i].id,
            &rows[i].key,
            &rows[i].contact,
            &rows[i].screening,
            &entry.at,
        );
    }
    assert_eq!(entry.data["rows_sha256"], vetter_store::content_hash(std::str::from_utf8(&facts).unwrap()));
    assert_eq!(entry.data["screening_sha256"], vetter_store::content_hash(std::str::from_utf8(&screening).unwrap()));
    assert!(s.verify_audit().unwrap().problem.is_none());
    // A batch of rows all stored already adds nothing and still leaves an entry.
    let again = s.import_batch(&rows, serde_json::json!({})).unwrap();
    assert!(again.iter().all(|a| !a.inserted));
    assert_eq!(s.count_contacts().unwrap(), 4);
    assert_eq!(s.audit_log().unwrap().last().unwrap().data["ids"], serde_json::Value::Null);
    assert!(s.verify_audit().unwrap().problem.is_none());
    // A stored row edited behind the store's back no longer matches its batch's digest.
    db.raw(&format!("UPDATE contacts SET counterpart = 'Someone Else' WHERE id = {}", added[1].id));
    let problem = s.verify_audit().unwrap().problem.unwrap();
    assert_eq!(problem.seq, entry.seq);
    assert!(problem.message.contains("were altered or removed"), "{}", problem.message);
}
store_test!(import_batch_stores_rows_and_seals_them);
