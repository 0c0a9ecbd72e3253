//! Integration tests of the engine on the bundled lists.
//!
//! 1. `counts`: per-dataset entity counts equal counts taken from the files by
//!    simple independent means (lines, elements, distinct ids), not by the parsers.
//! 2. `golden`: known records (Putin across five lists, a UN entity with weak
//!    aliases, a vessel with its IMO number) come out as expected.
//! 3. `bad_input`: a broken list file makes compiling fail with its file and
//!    place named, and the last good artifact stays in place.
//! 4. `bundle`: the bundled files are byte-identical to the manifest's checksums.
//! 5. `screen`: known entities come first when screened by name in any script.

mod bad_input;
mod bundle;
mod counts;
mod golden;
mod screen;

use std::path::PathBuf;
use std::sync::OnceLock;

use vetter_engine::{Engine, OpenOptions};

/// The bundled data folder.
pub fn data_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists"))
}

/// The engine over the bundled lists; the artifact is cached in the target
/// folder so the many test processes of nextest build it once.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let options = OpenOptions {
            data_dir: data_dir(),
            index_path: Some(PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bundled-lists.vtx")),
            force_rebuild: false,
        };
        Engine::open(&options).unwrap_or_else(|e| panic!("bundled lists must compile: {e}")).0
    })
}

/// Entities per dataset as `lists status` reports them.
pub fn dataset_entities(dataset: &str) -> u64 {
    engine()
        .status()
        .datasets
        .iter()
        .find(|d| d.dataset == dataset)
        .unwrap_or_else(|| panic!("dataset {dataset} missing"))
        .entities
}
