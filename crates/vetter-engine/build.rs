//! Hashes the source of every crate that decides what a compiled artifact
//! holds, so that an artifact built by one vetter binary is reused by any
//! other built from the same source (the CLI, the examples, the bindings),
//! and rebuilt after a change to the parsers, the normaliser or the matcher.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

const INPUTS: [&str; 9] = [
    "../vetter-model/src",
    "../vetter-names/src",
    "../vetter-names/data",
    "../vetter-sources/src",
    "../vetter-index/src",
    "../vetter-matcher/src",
    "../vetter-matcher/data",
    "src",
    "Cargo.toml",
];

fn main() {
    let mut files = Vec::new();
    for input in INPUTS {
        let path = Path::new(input);
        if path.exists() {
            println!("cargo:rerun-if-changed={input}");
            collect(path, &mut files);
        }
    }
    files.sort();
    // SipHash with the fixed keys of `DefaultHasher::new()`: stable for a given toolchain.
    let mut hasher = std::hash::DefaultHasher::new();
    for file in files {
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(&file).unwrap_or_default());
    }
    println!("cargo:rustc-env=VETTER_SOURCE_HASH={:016x}", hasher.finish());
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            collect(&entry.path(), out);
        }
    } else {
        out.push(path.to_owned());
    }
}
