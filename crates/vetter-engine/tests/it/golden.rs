//! Known records from the real lists.

use vetter_model::{Prop, Schema};

use crate::engine;

#[test]
fn putin_merges_across_five_lists() {
    let detail = engine().show("us_ofac_sdn-35096").expect("Putin is on the SDN list");
    let e = &detail.entity;
    assert_eq!(e.schema, Schema::Person);
    assert_eq!(e.id, "us_ofac_sdn-35096");
    assert!(e.get(Prop::BirthDate).contains(&"1952-10-07".to_owned()), "{:?}", e.get(Prop::BirthDate));
    let datasets = e.datasets();
    for ds in ["us_ofac_sdn", "gb_fcdo_sanctions", "eu_journal_sanctions", "ua_war_sanctions", "wd_peps"] {
        assert!(datasets.contains(&ds), "{ds} missing from {datasets:?}; merges: {:#?}", detail.merges);
    }
    let records: Vec<&str> = detail.records.iter().map(|r| r.id.as_str()).collect();
    assert!(records.contains(&"gb_fcdo_sanctions-RUS0251"), "{records:?}");
    assert!(records.contains(&"eu_journal_sanctions-32014R0269-669"), "{records:?}");
    assert!(records.contains(&"ua_war_sanctions-Q7747"), "{records:?}");
    assert!(records.contains(&"wd_peps-Q7747"), "{records:?}");
    assert!(e.topics.contains(&"sanction".to_owned()) && e.topics.contains(&"role.pep".to_owned()));
    // Every merge is explained.
    assert_eq!(detail.merges.len(), detail.records.len() - 1, "{:#?}", detail.merges);
    // Any member id finds the same entity.
    assert_eq!(engine().show("wd_peps-Q7747").expect("by member id").entity.id, e.id);
}

#[test]
fn un_entity_with_weak_aliases() {
    let engine = engine();
    let data = engine.index().data();
    let with_weak = data
        .entities
        .iter()
        .filter(|e| e.sources.iter().any(|s| s.dataset.as_str() == "un_sc_sanctions"))
        .filter(|e| e.properties.iter().any(|(p, v)| *p == vetter_model::ArchivedProp::WeakAlias && !v.is_empty()))
        .count();
    assert!(with_weak > 100, "only {with_weak} UN entities with weak aliases");
}

#[test]
fn vessel_with_imo() {
    let e = engine().show("us_ofac_sdn-4243").expect("EBANO").entity;
    assert_eq!(e.schema, Schema::Vessel);
    assert!(e.get(Prop::ImoNumber).contains(&"7406784".to_owned()), "{:?}", e.get(Prop::ImoNumber));
}

#[test]
fn csl_row_joins_its_sdn_record() {
    let detail = engine().show("us_ofac_sdn-35096").unwrap();
    assert!(detail.records.iter().any(|r| r.dataset == "us_trade_csl"));
    assert!(detail.merges.iter().any(|m| m.rule == "same_as"));
}

#[test]
fn no_merge_on_name_alone() {
    // Every merge names one of the documented rules.
    let rules = ["same_as", "wikidata_id", "identifier", "name_birth_date_country", "name_regime_country"];
    for m in engine().index().data().merges.iter() {
        assert!(rules.contains(&m.rule.as_str()), "unknown rule {}", m.rule);
    }
}
