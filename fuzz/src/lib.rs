//! Shared harness for the fuzz targets: feed bytes to a parser as a one-file dataset.

use vetter_sources::{DatasetSource, Format, Location};

/// Writes `data` as `file_name` in a fresh folder, parses it with `format`, and
/// checks the parser's contract: no panic, every issue names the file it came
/// from and says something, every entity has an id, a source and a caption or no names, and
/// `entities + skipped == seen` (no record dropped silently).
pub fn parse_bytes(format: Format, file_name: &str, data: &[u8]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(file_name);
    std::fs::write(&path, data).expect("write input");
    let source = DatasetSource {
        dataset: "fuzz".to_owned(),
        format,
        snapshot: "2024-01-01".to_owned(),
        files: vec![path.clone()],
    };
    let Ok(parsed) = vetter_sources::parse(&source) else { return };
    for issue in &parsed.issues {
        assert!(!issue.message.is_empty(), "issue without a message: {issue:?}");
        assert!(issue.file.starts_with(dir.path()), "issue names another file: {issue:?}");
        if let Location::Record { id, .. } = &issue.location {
            assert!(!id.is_empty() || issue.message.contains("id"), "record location without id: {issue:?}");
        }
    }
    for e in &parsed.entities {
        assert!(!e.id.is_empty(), "entity without id");
        assert!(!e.sources.is_empty(), "entity {} without source", e.id);
        assert!(!e.caption.is_empty() || e.names().next().is_none(), "entity {} has names but no caption", e.id);
    }
    // No record is dropped silently: `seen - skipped` records made entities (see `vetter_sources::Parsed`).
    assert_eq!(
        parsed.entities.len() + parsed.skipped,
        parsed.seen,
        "entities + skipped != seen (skipped {}, seen {})",
        parsed.skipped,
        parsed.seen
    );
}
