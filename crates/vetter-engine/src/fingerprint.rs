//! The fingerprint of a data folder: when it changes, the artifact is rebuilt.

use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

use crate::EngineError;

/// Bump when parsing or resolution changes what an artifact holds for the same files.
pub const COMPILER_VERSION: u32 = 2;

/// Hashes the relative path, size and modification time of every file under
/// `dir` (hidden files excepted), the compiler version, and a hash of the
/// source of the crates that parse, normalise and index (made by `build.rs`),
/// so that a changed list file or a vetter built from other source both lead
/// to a rebuild, while every binary built from the same source shares one artifact.
pub fn fingerprint(dir: &Path) -> Result<u64, EngineError> {
    let mut hasher = Xxh3::new();
    hasher.update(&COMPILER_VERSION.to_le_bytes());
    hasher.update(&vetter_index::FORMAT_VERSION.to_le_bytes());
    hasher.update(env!("VETTER_SOURCE_HASH").as_bytes());
    let mut files = Vec::new();
    walk(dir, dir, &mut files)?;
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (rel, meta) in files {
        hasher.update(rel.as_bytes());
        hasher.update(&[0]);
        hash_meta(&mut hasher, &meta);
    }
    Ok(hasher.digest())
}

fn hash_meta(hasher: &mut Xxh3, meta: &std::fs::Metadata) {
    hasher.update(&meta.len().to_le_bytes());
    if let Ok(m) = meta.modified()
        && let Ok(d) = m.duration_since(std::time::UNIX_EPOCH)
    {
        hasher.update(&d.as_nanos().to_le_bytes());
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, std::fs::Metadata)>) -> Result<(), EngineError> {
    let io =
        |e: std::io::Error| EngineError::Io { context: format!("reading data folder `{}`", dir.display()), source: e };
    for entry in fs_err::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let meta = fs_err::metadata(&path).map_err(io)?;
        if meta.is_dir() {
            walk(root, &path, out)?;
        } else {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().into_owned();
            out.push((rel, meta));
        }
    }
    Ok(())
}
