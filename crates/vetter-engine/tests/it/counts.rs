//! Entity counts per dataset against independent counts of the files.

use std::collections::{BTreeSet, HashMap};
use std::io::Read;

use crate::{data_dir, dataset_entities};

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(data_dir().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Rows of an OFAC legacy CSV: lines that start with an ent_num and a comma.
fn ofac_rows(rel: &str) -> u64 {
    read(rel)
        .split(|&b| b == b'\n')
        .filter(|l| {
            let digits = l.iter().take_while(|b| b.is_ascii_digit()).count();
            digits > 0 && l.get(digits) == Some(&b',')
        })
        .count() as u64
}

fn csv_records(bytes: &[u8]) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new().from_reader(bytes).records().map(|r| r.expect("csv record")).collect()
}

#[test]
fn ofac_sdn() {
    assert_eq!(ofac_rows("ofac_sdn/2024-05-03/sdn.csv"), 14_965);
    assert_eq!(dataset_entities("us_ofac_sdn"), 14_965);
}

#[test]
fn ofac_cons() {
    let n = ofac_rows("ofac_consolidated_non_sdn/2025-12-19/cons_prim.csv");
    assert_eq!(n, 442);
    assert_eq!(dataset_entities("us_ofac_cons"), n);
}

#[test]
fn un_sc() {
    let text = String::from_utf8(read("un_sc/2026-02-27/UN_consolidated.xml")).expect("utf-8");
    let n = (text.matches("<INDIVIDUAL>").count() + text.matches("<ENTITY>").count()) as u64;
    assert_eq!(n, 1_003);
    assert_eq!(dataset_entities("un_sc_sanctions"), n);
}

#[test]
fn us_csl() {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(&read("us_csl/2022-05-06/consolidated.csv.gz")[..])
        .read_to_end(&mut bytes)
        .expect("gunzip");
    let rows = csv_records(&bytes);
    assert_eq!(rows.len(), 14_160);
    // A party on several OFAC sub-lists has one row per sub-list under one `_id`.
    let ids: BTreeSet<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(dataset_entities("us_trade_csl"), ids.len() as u64);
}

#[test]
fn opensanctions_targets() {
    for (dataset, rel, expect) in [
        ("ua_war_sanctions", "opensanctions/ua_war_sanctions/2026-03-13/targets.simple.csv", 5_600),
        ("interpol_red_notices", "opensanctions/interpol_red_notices/2025-05-23/targets.simple.csv", 6_561),
    ] {
        let n = csv_records(&read(rel)).len() as u64;
        assert_eq!(n, expect, "{rel}");
        assert_eq!(dataset_entities(dataset), n, "{dataset}");
    }
}

#[test]
fn us_congress() {
    let text = String::from_utf8(read("opensanctions/us_congress/2025-12-08/us_congress_senzing.json")).unwrap();
    let records: Vec<serde_json::Value> =
        text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(records.len(), 1_319);
    // Two records have no RECORD_TYPE: they describe positions, not people.
    let people = records.iter().filter(|r| !r["RECORD_TYPE"].is_null()).count() as u64;
    assert_eq!(people, 1_317);
    assert_eq!(dataset_entities("us_congress"), people);
}

#[test]
fn wikidata_leaders() {
    let rows = csv_records(&read("wikidata_world_leaders/2022-10-09/wikidata.csv"));
    assert_eq!(rows.len(), 424);
    let people: BTreeSet<&str> = rows.iter().map(|r| &r[4]).collect();
    assert_eq!(dataset_entities("wd_peps"), people.len() as u64);
}

const THINGS: [&str; 7] = ["Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane"];

#[test]
fn ftm_files() {
    let text =
        String::from_utf8(read("opensanctions/yente_fixture_zala_cluster/2026-04-29/entities.ftm.json")).unwrap();
    let things = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .filter(|v| THINGS.contains(&v["schema"].as_str().unwrap_or("")))
        .count() as u64;
    assert_eq!(dataset_entities("yente_fixture_zala_cluster"), things);

    let text =
        String::from_utf8(read("opensanctions/yente_fixture_sanctions_delta/2024-05-30/entities.delta.json")).unwrap();
    let mut state: HashMap<String, String> = HashMap::new();
    let mut ops = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        ops += 1;
        let entity = &v["entity"];
        let id = entity["id"].as_str().expect("id").to_owned();
        match v["op"].as_str() {
            Some("DEL") => {
                state.remove(&id);
            }
            _ => {
                state.insert(id, entity["schema"].as_str().unwrap_or("").to_owned());
            }
        }
    }
    assert_eq!(ops, 1_700);
    let things = state.values().filter(|s| THINGS.contains(&s.as_str())).count() as u64;
    assert_eq!(dataset_entities("yente_fixture_sanctions_delta"), things);
}

#[test]
fn eu_journal() {
    let dir = data_dir().join("eu_oj_sanctions_opensanctions/2026-08-21");
    // A recordId is unique within one annex of one act (FORMAT.md); amendments add to the same keys.
    let mut keys: BTreeSet<(String, String, String, String)> = BTreeSet::new();
    for sub in ["consolidated", "amendments"] {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(sub)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[..]);
            let headers = reader.headers().unwrap().clone();
            let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
            let (celex, annex, record, schema, name) = (
                col(if sub == "consolidated" { "celex" } else { "amendedCelex" }),
                col("annex"),
                col("recordId"),
                col("schema"),
                col("name"),
            );
            for r in reader.records() {
                let r = r.unwrap();
                // Without a recordId the act names the entity once across its annexes.
                let (annex, id) = if r[record].is_empty() {
                    (String::new(), format!("name:{}", &r[name]))
                } else {
                    (r[annex].to_owned(), r[record].to_owned())
                };
                keys.insert((r[celex].to_owned(), annex, id, r[schema].to_owned()));
            }
        }
    }
    assert_eq!(dataset_entities("eu_journal_sanctions"), keys.len() as u64);
}

/// The rows of the first sheet of an OpenDocument spreadsheet, read straight
/// from its `content.xml` (cells repeated by `number-columns-repeated` are expanded).
fn ods_rows(path: &std::path::Path) -> Vec<Vec<String>> {
    use quick_xml::events::Event;
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    archive.by_name("content.xml").unwrap().read_to_string(&mut xml).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let repeated = |e: &quick_xml::events::BytesStart| -> usize {
        e.try_get_attribute("table:number-columns-repeated")
            .unwrap()
            .map_or(1, |a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().parse().unwrap())
            .min(64)
    };
    let (mut rows, mut row, mut cell, mut repeat, mut in_cell) = (Vec::new(), Vec::new(), String::new(), 1, false);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == "table:table-row" => row = Vec::new(),
            Event::End(e) if e.name().as_ref() == "table:table-row" => rows.push(std::mem::take(&mut row)),
            Event::End(e) if e.name().as_ref() == "table:table" => break,
            Event::Start(e) if e.name().as_ref() == "table:table-cell" => {
                repeat = repeated(&e);
                cell.clear();
                in_cell = true;
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-cell" => {
                row.extend(std::iter::repeat_n(String::new(), repeated(&e)));
            }
            Event::End(e) if e.name().as_ref() == "table:table-cell" => {
                in_cell = false;
                row.extend(std::iter::repeat_n(cell.trim().to_owned(), repeat));
            }
            Event::Text(t) if in_cell => cell.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Event::Eof => break,
            _ => {}
        }
    }
    rows
}

#[test]
fn uk_fcdo() {
    let rows = ods_rows(&data_dir().join("uk_fcdo_sanctions_list/2025-08-11/FCDO_SL_Mon_Aug 11 2025.ods"));
    let header_at = rows.iter().position(|r| r.iter().any(|c| c == "OFSI Group ID")).expect("header row");
    let header = &rows[header_at];
    let group = header.iter().position(|c| c == "OFSI Group ID").unwrap();
    let unique = header.iter().position(|c| c == "Unique ID").unwrap();
    let mut designations = 0;
    let mut groups = BTreeSet::new();
    let mut ungrouped = 0;
    for r in &rows[header_at + 1..] {
        let Some(id) = r.get(unique).filter(|c| !c.is_empty()) else { continue };
        designations += 1;
        // A designation without a group id (most ships) is an entity of its own.
        match r.get(group).filter(|g| !g.is_empty()) {
            Some(g) => {
                groups.insert(g.clone());
            }
            None => {
                assert!(!id.is_empty());
                ungrouped += 1;
            }
        }
    }
    assert_eq!(designations, 5_302);
    assert_eq!(dataset_entities("gb_fcdo_sanctions"), (groups.len() + ungrouped) as u64);
}
