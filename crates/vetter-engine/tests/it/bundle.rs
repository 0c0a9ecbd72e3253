//! The bundled lists are the manifest's files, byte for byte.

use sha2::{Digest, Sha256};

use crate::data_dir;

#[test]
fn files_match_manifest_checksums() {
    let manifest = std::fs::read_to_string(data_dir().join("MANIFEST.md")).expect("MANIFEST.md");
    let mut checked = 0;
    for line in manifest.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let path = cells[1].trim_matches('`');
        let Some(prefix) = cells.iter().find(|c| c.len() == 16 && c.bytes().all(|b| b.is_ascii_hexdigit())) else {
            continue;
        };
        let bytes = std::fs::read(data_dir().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let digest = format!("{:x}", Sha256::digest(&bytes));
        assert_eq!(&digest[..16], *prefix, "{path} differs from the manifest");
        checked += 1;
    }
    assert!(checked >= 70, "only {checked} files checked");
}
