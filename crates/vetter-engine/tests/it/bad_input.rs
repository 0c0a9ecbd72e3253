//! Broken list files: every command fails with the file and place named; the
//! last good artifact stays.

use std::path::Path;

use vetter_engine::{Engine, EngineError, OpenOptions};

/// A small data folder: a few real OFAC rows.
fn small_folder(dir: &Path, sdn: &[u8]) {
    let d = dir.join("ofac_sdn/2024-05-03");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("sdn.csv"), sdn).unwrap();
}

const GOOD: &[u8] = b"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n35096,\"PUTIN, Vladimir Vladimirovich\",\"individual\",\"RUSSIA-EO14024\",\"President of the Russian Federation\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 07 Oct 1952; POB Leningrad, Russia; nationality Russia; citizen Russia; Gender Male; President of the Russian Federation.\"\r\n\x1a";

fn open(data: &Path, index: &Path) -> Result<Engine, EngineError> {
    Engine::open(&OpenOptions { data_dir: data.to_owned(), index_path: Some(index.to_owned()), force_rebuild: false })
        .map(|(e, _)| e)
}

#[test]
fn broken_file_keeps_last_good_index() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let index = tmp.path().join("index.vtx");
    small_folder(&data, GOOD);
    let engine = open(&data, &index).expect("good data compiles");
    assert_eq!(engine.len(), 2);
    let good_bytes = std::fs::read(&index).unwrap();

    // Truncate the file in the middle of a quoted field.
    let cut = &GOOD[..GOOD.len() - 60];
    small_folder(&data, cut);
    let err = open(&data, &index).expect_err("truncated file must fail");
    let text = err.to_string();
    assert!(text.contains("sdn.csv"), "{text}");
    assert!(matches!(err, EngineError::InvalidData { .. }), "{text}");
    assert_eq!(std::fs::read(&index).unwrap(), good_bytes, "the last good index was replaced");
    // The engine loaded before keeps working.
    assert!(engine.show("us_ofac_sdn-35096").is_some());
}

#[test]
fn damaged_index_is_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let index = tmp.path().join("index.vtx");
    small_folder(&data, GOOD);
    open(&data, &index).unwrap();
    let mut bytes = std::fs::read(&index).unwrap();
    bytes[10] ^= 0xff;
    std::fs::write(&index, &bytes).unwrap();
    let engine = open(&data, &index).expect("a damaged index is rebuilt from the lists");
    assert_eq!(engine.len(), 2);
}

#[test]
fn not_a_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let err = open(&tmp.path().join("missing"), &tmp.path().join("i.vtx")).expect_err("missing folder");
    assert!(err.to_string().contains("missing"), "{err}");
}
