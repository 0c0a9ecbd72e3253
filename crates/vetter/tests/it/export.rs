//! `vetter lists export`: FollowTheMoney JSON lines of the merged entities.
//!
//! 1. One line per canonical entity, with its FtM schema, properties, topics,
//!    datasets, the other records merged into it as referents, and `target`.
//! 2. `--output FILE` writes the file (no `.partial` left behind) and nothing to stdout.
//! 3. The export read back as an FtM dataset gives the same entities: names, birth date, countries, topics.

use std::collections::BTreeSet;
use std::process::Command;

use super::{SDN, folder, stdout, vetter};

fn lines(text: &str) -> Vec<serde_json::Value> {
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn strings(value: &serde_json::Value) -> BTreeSet<String> {
    value.as_array().into_iter().flatten().map(|v| v.as_str().unwrap().to_owned()).collect()
}

#[test]
fn export_ftm_lines() {
    let f = folder(SDN);
    let out = vetter(&f, &["lists", "export"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let entities = lines(&stdout(&out));
    assert_eq!(entities.len(), 2);
    let putin = entities.iter().find(|e| e["id"] == "us_ofac_sdn-35096").unwrap();
    assert_eq!(putin["schema"], "Person");
    assert_eq!(putin["target"], true);
    assert_eq!(
        strings(&putin["datasets"]),
        BTreeSet::from(["us_ofac_sdn", "ua_war_sanctions", "wd_peps"].map(String::from))
    );
    let referents = strings(&putin["referents"]);
    assert_eq!(referents.len(), 2, "{referents:?}");
    assert!(referents.contains("wd_peps-Q7747"), "{referents:?}");
    assert!(!referents.contains("us_ofac_sdn-35096"));
    let props = &putin["properties"];
    assert_eq!(strings(&props["birthDate"]), BTreeSet::from(["1952-10-07".to_owned()]));
    assert!(strings(&props["topics"]).is_superset(&BTreeSet::from(["sanction", "role.pep"].map(String::from))));
    assert!(strings(&props["name"]).contains("PUTIN, Vladimir Vladimirovich"), "{props}");
    assert!(strings(&props["alias"]).iter().any(|a| a.contains("ПУТИН")), "{props}");
    // Every property name is an FtM name: no vetter-only property outside `notes`.
    for key in props.as_object().unwrap().keys() {
        assert!(!["sameAs", "listingDate", "authority", "linkedTo"].contains(&key.as_str()), "{key}");
    }

    let airline = entities.iter().find(|e| e["id"] == "us_ofac_sdn-36").unwrap();
    assert_eq!(airline["referents"], serde_json::json!([]));
    assert_eq!(airline["caption"], "AEROCARIBBEAN AIRLINES");
}

#[test]
fn export_to_file_round_trips() {
    let f = folder(SDN);
    let export = f.data.parent().unwrap().join("again/ftm/vetter_export/2026-01-01/entities.ftm.json");
    std::fs::create_dir_all(export.parent().unwrap()).unwrap();
    let out = vetter(&f, &["lists", "export", "--format", "ftm", "--output", export.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("exported 2 entities"));
    let files: Vec<_> = std::fs::read_dir(export.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(files, ["entities.ftm.json"]);

    // Read the export back as a data folder of its own.
    let again = export.ancestors().nth(4).unwrap();
    let show = |data: &std::path::Path, cache: &str, id: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_vetter"))
            .args(["lists", "show", id, "--format", "json"])
            .env("VETTER_DATA", data)
            .env("VETTER_CACHE_DIR", f.cache.join(cache))
            .env_remove("VETTER_INDEX")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap()["entity"].clone()
    };
    let before = show(&f.data, "before", "us_ofac_sdn-35096");
    // Record ids are prefixed with the dataset they were read from.
    let after = show(again, "after", "vetter_export-us_ofac_sdn-35096");
    assert_eq!(after["schema"], before["schema"]);
    assert_eq!(after["topics"], before["topics"]);
    for prop in ["name", "alias", "birthDate", "nationality", "country", "wikidataId"] {
        assert_eq!(strings(&after["properties"][prop]), strings(&before["properties"][prop]), "{prop}");
    }
    assert_eq!(after["sources"][0]["dataset"], "vetter_export");
}
