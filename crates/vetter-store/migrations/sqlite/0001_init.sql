-- The contacts ledger, first version (SQLite).
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    counterpart TEXT NOT NULL,
    date TEXT,
    kind TEXT NOT NULL,
    country TEXT,
    source TEXT,
    risk TEXT NOT NULL,
    risk_reason TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX contacts_subject ON contacts (subject);
CREATE INDEX contacts_risk ON contacts (risk);
CREATE TABLE hits (
    contact_id INTEGER NOT NULL REFERENCES contacts (id),
    entity_id TEXT NOT NULL,
    caption TEXT NOT NULL,
    risk TEXT NOT NULL,
    score REAL NOT NULL,
    entity_hash TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (contact_id, entity_id)
);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id),
    entity_id TEXT NOT NULL,
    decision TEXT NOT NULL,
    note TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    entity_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX reviews_contact ON reviews (contact_id, entity_id);
CREATE TABLE monitor_runs (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    contacts INTEGER NOT NULL,
    screened INTEGER NOT NULL,
    alerts INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES monitor_runs (id),
    contact_id INTEGER NOT NULL REFERENCES contacts (id),
    entity_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    data TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
