//! Benchmarks of vetter on the bundled lists: `cargo bench -p vetter-bench`.
//!
//! The benches live in `benches/`; this library only locates the bundled data.

use std::path::PathBuf;

/// The bundled data folder, `data/lists` at the repository root.
pub fn bundled_data() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists"))
}
