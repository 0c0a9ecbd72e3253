#![no_main]
//! Fuzzes the artifact loader: arbitrary bytes must give an error, never a panic.
//!
//! Each input is opened twice: as the whole file, and as the payload of an
//! artifact with a valid footer (magic, version, length, checksum), so that
//! mutations get past the checksum to the archive validation and to the reads
//! of a validated archive.

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("index.vtx");
    std::fs::write(&path, data).expect("write");
    read(&path);
    let mut framed = data.to_vec();
    framed.extend_from_slice(&footer(data));
    std::fs::write(&path, &framed).expect("write");
    read(&path);
});

/// The footer `vetter_index::write_atomic` puts after a payload.
fn footer(payload: &[u8]) -> Vec<u8> {
    let mut footer = Vec::with_capacity(48);
    footer.extend_from_slice(b"VETTERIX");
    footer.extend_from_slice(&vetter_index::FORMAT_VERSION.to_le_bytes());
    footer.extend_from_slice(&0u32.to_le_bytes());
    footer.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    footer.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes());
    footer.extend_from_slice(&7u64.to_le_bytes());
    footer.extend_from_slice(&0u64.to_le_bytes());
    footer
}

/// Opens an artifact and, when it validates, reads from it the way the engine does.
fn read(path: &Path) {
    let _ = vetter_index::peek_footer(path);
    if let Ok(index) = vetter_index::Index::open(path) {
        let n = index.data().entities.len();
        for i in 0..n.min(16) {
            let _ = index.entity(i as u32);
        }
        let _ = index.entity(u32::MAX);
        let _ = index.datasets();
        let _ = index.lookup("x-1");
        let _ = index.lookup("");
    }
}
