//! Scanning tests on the bundled lists.
//!
//! 1. `articles`: the two sample articles and the articles of `tests/articles/`
//!    give their expected mentions, jurisdictions, officials and contacts.
//! 2. `negatives`: sentences that must not produce a sanctioned hit.

mod articles;
mod negatives;

use std::path::PathBuf;
use std::sync::OnceLock;

use vetter_engine::{Engine, OpenOptions};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The engine over the bundled lists, with an index of this test binary's own.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let index = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("vetter-scan-it.vtx");
        let options =
            OpenOptions { data_dir: repo().join("data/lists"), index_path: Some(index), force_rebuild: false };
        Engine::open(&options).expect("the bundled lists load").0
    })
}

/// Scans a text with a fresh scanner.
pub fn scan(text: &str, subject: Option<&str>) -> vetter_scan::Report {
    vetter_scan::Scanner::new(engine()).scan(text, subject)
}
