//! Screening the bundled lists: known entities come first, in any script.

use vetter_engine::Query;
use vetter_model::Schema;

use crate::engine;

fn top(query: Query, n: usize) -> Vec<String> {
    engine().screen(&query, n).into_iter().map(|h| h.id).collect()
}

fn name(n: &str) -> Query {
    Query { name: n.into(), ..Query::default() }
}

#[test]
fn putin_in_cyrillic_is_first() {
    let hits = engine().screen(&name("Владимир Путин"), 5);
    assert_eq!(hits[0].id, "us_ofac_sdn-35096");
    assert!(hits[0].is_match && hits[0].risk == "sanctioned");
    assert!(hits[0].datasets.len() >= 5);
}

#[test]
fn soleimani_spelling_variant() {
    let ids = top(Query { schema: Some(Schema::Person), ..name("Qassim Suleimani") }, 5);
    assert!(ids.contains(&"us_ofac_sdn-10481".to_owned()), "{ids:?}");
}

/// Arabic script writes v as ف: the Latin-only entry TAVAKKOLI is found
/// from تفكولي, whose skeleton `tfkl` is Tavakkoli's as Arabic script
/// spells it, though its own (`tkl`) drops the v.
#[test]
fn an_arabic_script_name_finds_a_latin_spelling_with_v() {
    let ids = top(Query { schema: Some(Schema::Person), ..name("تفكولي حسين") }, 10);
    assert!(ids.contains(&"us_ofac_sdn-28661".to_owned()), "{ids:?}");
}

/// A name of initials is looked up by its letters joined: single letters
/// are too common to look up one by one.
#[test]
fn a_name_of_initials_finds_its_entity() {
    for q in ["P.G.S.O.C.", "PGSOC", "I.C.I.C. LTD."] {
        let ids = top(name(q), 10);
        let expect = if q.starts_with('I') { "us_ofac_sdn-36358" } else { "us_ofac_sdn-37923" };
        assert!(ids.contains(&expect.to_owned()), "{q}: {ids:?}");
    }
}

#[test]
fn birth_date_and_country_are_explained() {
    let q = Query { birth_date: Some("1952-10-07".into()), countries: vec!["RU".into()], ..name("Vladimir Putin") };
    let hits = engine().screen(&q, 3);
    assert_eq!(hits[0].id, "us_ofac_sdn-35096");
    let features: Vec<&str> = hits[0].explanation.features.iter().map(|f| f.name.as_str()).collect();
    assert!(features.contains(&"birth_date") && features.contains(&"country"), "{features:?}");
}

#[test]
fn conflicting_birth_date_lowers_the_score() {
    let plain = engine().screen(&name("Vladimir Putin"), 1)[0].score;
    let q = Query { birth_date: Some("1990-01-01".into()), ..name("Vladimir Putin") };
    let hit = &engine().screen(&q, 1)[0];
    assert!(hit.score < plain, "{} vs {plain}", hit.score);
}

#[test]
fn a_person_like_name_of_no_schema_is_held_to_a_persons_rules() {
    // No schema given, but a given name and a surname: the vessel DANIEL
    // and the company Vector Group are not what is meant.
    for query in ["Daniel Ortega", "Victoria Smith", "Maria Gonzalez"] {
        let hits = engine().screen(&name(query), 10);
        let wrong: Vec<_> =
            hits.iter().filter(|h| h.is_match && h.schema != Schema::Person).map(|h| &h.caption).collect();
        assert!(wrong.is_empty(), "{query}: {wrong:?}");
    }
    assert!(engine().screen(&name("Daniel Ortega"), 1)[0].is_match);
    // A vessel's own name, and a name that reads as no person's, still find vessels.
    let daniel = engine().screen(&name("DANIEL"), 10);
    assert!(daniel.iter().any(|h| h.is_match && h.schema == Schema::Vessel), "{daniel:?}");
    let ocean = engine().screen(&name("Ocean Star"), 10);
    assert!(ocean.iter().any(|h| h.is_match && h.schema != Schema::Person), "{ocean:?}");
}

#[test]
fn another_patronymic_is_another_person() {
    // The listed Ivan Gennadievich Kondratiev is also listed as plain
    // `KONDRATYEV, Ivan`, which an Ivan Aleksandrovich Kondratiev matches
    // by name; his father's name says he is someone else.
    let person = |n: &str| Query { schema: Some(Schema::Person), ..name(n) };
    let other = engine().screen(&person("Иван Александрович Кондратьев"), 5);
    let hit = other.iter().find(|h| h.id == "us_ofac_sdn-47682").expect("listed Kondratiev among the hits");
    assert!(!hit.is_match, "{hit:?}");
    let feature = hit.explanation.features.iter().find(|f| f.name == "patronymic").expect("patronymic feature");
    assert!(feature.detail.contains("aleksandrovich") && feature.delta < -0.3, "{feature:?}");
    // His own patronymic, or none, is no conflict.
    for query in ["Ivan Gennadievich Kondratiev", "Иван Геннадьевич Кондратьев", "Ivan Kondratiev"]
    {
        let hit = &engine().screen(&person(query), 1)[0];
        assert_eq!(hit.id, "us_ofac_sdn-47682", "{query}");
        assert!(hit.is_match && hit.explanation.features.iter().all(|f| f.name != "patronymic"), "{query}: {hit:?}");
    }
}

#[test]
fn country_conflict_weighs_more_on_a_common_name() {
    // Thousands of people are called Mehmet Kaya: one in Cyprus is not the
    // listed Turkish national, and is no longer a match.
    let person = |n: &str, cc: &str| Query { schema: Some(Schema::Person), countries: vec![cc.into()], ..name(n) };
    let kaya = &engine().screen(&person("Mehmet Kaya", "CY"), 1)[0];
    assert_eq!(kaya.id, "us_ofac_sdn-46233");
    assert!(!kaya.is_match, "{kaya:?}");
    let country = kaya.explanation.features.iter().find(|f| f.name == "country").unwrap();
    assert!(country.detail.contains("common name") && country.delta < -0.3, "{country:?}");
    // A rare name stays a match in another country: people move.
    let putin = &engine().screen(&person("Vladimir Putin", "US"), 1)[0];
    assert_eq!(putin.id, "us_ofac_sdn-35096");
    assert!(putin.is_match, "{putin:?}");
    let country = putin.explanation.features.iter().find(|f| f.name == "country").unwrap();
    assert!(!country.detail.contains("common name"), "{country:?}");
    // The same common name in the listed person's own country is a match.
    assert!(engine().screen(&person("Mehmet Kaya", "TR"), 1)[0].is_match);
}

#[test]
fn identifier_makes_a_vessel_certain() {
    // The name is wrong; the IMO number alone finds the ship.
    let q = Query { schema: Some(Schema::Vessel), identifiers: vec!["IMO 7406784".into()], ..name("Sea Swan") };
    let hits = engine().screen(&q, 3);
    assert_eq!(hits[0].id, "us_ofac_sdn-4243");
    assert!(hits[0].score >= 0.99, "{:#?}", hits[0]);
    assert!(hits[0].explanation.features.iter().any(|f| f.name == "identifier"));
}

#[test]
fn schema_filters_candidates() {
    let hits = engine().screen(&Query { schema: Some(Schema::Vessel), ..name("Vladimir Putin") }, 10);
    assert!(hits.iter().all(|h| h.schema == Schema::Vessel), "{hits:?}");
}

#[test]
fn filters_datasets_topics_and_score() {
    use vetter_engine::Filters;
    let q = name("Vladimir Putin");
    let only_congress = Filters { include_datasets: vec!["us_congress".into()], ..Filters::default() };
    assert!(engine().screen_with(&q, &only_congress).iter().all(|h| h.datasets.contains(&"us_congress".to_owned())));
    let without_ofac = Filters { exclude_datasets: vec!["us_ofac_sdn".into()], ..Filters::default() };
    let hits = engine().screen_with(&q, &without_ofac);
    // Putin is on other lists too, so he stays; entities only on the SDN list go.
    assert_eq!(hits[0].id, "us_ofac_sdn-35096");
    assert!(hits.iter().all(|h| h.datasets.iter().any(|d| d != "us_ofac_sdn")));
    let peps = Filters { topics: vec!["role".into()], ..Filters::default() };
    let hits = engine().screen_with(&q, &peps);
    assert!(!hits.is_empty() && hits.iter().all(|h| h.topics.iter().any(|t| t.starts_with("role."))));
    let strong = Filters { min_score: 0.9, limit: 50, ..Filters::default() };
    let hits = engine().screen_with(&q, &strong);
    assert!(!hits.is_empty() && hits.iter().all(|h| h.score >= 0.9));
}

#[test]
fn a_person_is_not_a_company_named_like_him() {
    // ua_war_sanctions lists "LIMITED LIABILITY COMPANY ASSAD-M" as a LegalEntity:
    // its legal form says it is no person, so a person query does not match it.
    let q = Query { schema: Some(Schema::Person), ..name("Mehdi Asadi") };
    let hits = engine().screen(&q, 10);
    assert!(
        hits.iter().all(|h| !h.caption.contains("ASSAD-M")),
        "{:?}",
        hits.iter().map(|h| (&h.caption, h.score)).collect::<Vec<_>>()
    );
    let q = Query { schema: None, ..name("Assad-M") };
    let hits = engine().screen(&q, 10);
    assert!(hits.iter().any(|h| h.caption.contains("ASSAD-M")), "an unknown-schema query still finds it");
}

/// `screen_entities` given the entities `screen` returned scores them as
/// `screen` did (same hits, scores, explanations and order), and applies the
/// filters to the entities it is given.
#[test]
fn screen_entities_scores_given_entities_as_screen_does() {
    use vetter_engine::Filters;
    let queries = [
        name("Vladimir Putin"),
        name("Владимир Путин"),
        Query { schema: Some(Schema::Person), birth_date: Some("1952".into()), ..name("Qasem Soleimani") },
        Query { countries: vec!["ve".into()], ..name("Nicolas Maduro") },
        Query { schema: Some(Schema::Vessel), identifiers: vec!["IMO 7406784".into()], ..name("Sea Swan") },
    ];
    for q in &queries {
        let hits = engine().screen(q, 10);
        assert!(!hits.is_empty(), "{q:?}");
        let mut at: Vec<u32> = hits.iter().map(|h| engine().index().lookup(&h.id).expect("a listed id")).collect();
        // Order, repeats and indices out of range do not matter.
        at.reverse();
        at.push(at[0]);
        at.push(u32::MAX);
        let prepared = engine().prepare_query(q);
        let again = engine().screen_entities(&prepared, &at, &Filters::default());
        assert_eq!(again, hits, "{q:?}");
        let strong = Filters { min_score: hits[0].score, limit: 3, ..Filters::default() };
        let best = engine().screen_entities(&prepared, &at, &strong);
        assert!(!best.is_empty() && best.len() <= 3 && best.iter().all(|h| h.score >= hits[0].score), "{q:?}");
        let none = Filters { include_datasets: vec!["no_such_dataset".into()], ..Filters::default() };
        assert!(engine().screen_entities(&prepared, &at, &none).is_empty(), "{q:?}");
        // Without explanations, then each written on its own: the same hits.
        let mut bare = engine().screen_entities_unexplained(&prepared, &at, &Filters::default());
        assert!(bare.iter().all(|h| h.explanation.name.is_empty()), "{q:?}");
        for h in &mut bare {
            let i = engine().index().lookup(&h.id).expect("a listed id");
            h.explanation.name = engine().explain_name(&prepared, i, h).expect("the hit's entity and name");
            assert_eq!(engine().explain_name(&prepared, i.wrapping_add(1), h), None, "another entity: {q:?}");
        }
        assert_eq!(bare, hits, "{q:?}");
    }
}

/// Each entity's folded name words, sorted and distinct.
#[test]
fn name_words_are_the_folded_words_of_full_names() {
    let i = engine().index().lookup(&engine().screen(&name("Владимир Путин"), 1)[0].id).expect("a listed id");
    let words: Vec<&str> = engine().name_words(i).split(' ').collect();
    assert!(words.windows(2).all(|w| w[0] < w[1]), "{words:?}");
    assert!(["putin", "vladimir", "vladimirovich"].iter().all(|w| words.contains(w)), "{words:?}");
    assert!(engine().has_name_word(i, "putin") && !engine().has_name_word(i, "put"));
    assert_eq!(engine().name_words(u32::MAX), "");
}

/// Warming prepares every entity, and screening after it gives the same hits.
#[test]
fn warming_changes_no_hit() {
    let q = name("Islamic Revolutionary Guard Corps");
    let before = engine().screen(&q, 10);
    assert_eq!(engine().warm(), engine().len());
    assert_eq!(engine().screen(&q, 10), before);
}
