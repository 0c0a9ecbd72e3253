//! Generates `data/eval/generated.csv`, the labelled name pairs of the
//! matcher's evaluation set, from the bundled lists.
//!
//! ```sh
//! cargo run --release -p vetter-bench --example make_eval_set
//! ```
//!
//! Positives are two names (name, alias or previous name; never a weak alias)
//! of one canonical entity: `other_script` when the two are written in
//! different scripts, `cross_list` when they come from records of different
//! lists that the engine merged, `alias` otherwise. Pairs whose folded names
//! are equal up to word order are left out (any matcher gets them), and so are
//! pairs that share nothing recognisable (a nom de guerre, a renamed company or
//! vessel, a maiden name): those test the list, not a name matcher.
//!
//! Negatives are two names of different canonical entities that are hard to
//! tell apart by name: persons sharing a surname (`shared_surname`) or a given
//! name (`shared_given_name`) whose other words are clearly different;
//! organisations whose names differ only by naming one country in place of
//! another (`company_country`) or one number in place of another
//! (`company_number`); organisations sharing a distinctive word
//! (`org_shared_word`); vessels whose names are within two edits
//! (`vessel_near_name`) or share a word (`vessel_shared_word`). To keep label
//! noise down, a negative is dropped when the two entities share a birth date
//! (or birth year), an identifier or any name (up to word order), since they
//! may be one real entity that the lists do not link.
//!
//! Names are Latin, Cyrillic, Arabic, Greek, Han or Hangul; a pair is within
//! one script or one script against Latin. Names mixing two scripts or with
//! unbalanced brackets (list remarks split into names) are left out. Sampling
//! is balanced over schema classes (Person; Organization, Company and
//! LegalEntity; Vessel), categories and script pairs.
//!
//! Every choice is deterministic: inputs are sorted, sampling uses a fixed
//! seed, and the output is sorted, so the same lists and code give the same file.

// A command-line program: its progress report goes to stderr, the data to the file.
#![allow(clippy::print_stderr)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use vetter_engine::{Engine, OpenOptions};
use vetter_model::{Entity, Prop, PropKind, Schema};

/// The sampling seed; changing it changes the whole set.
const SEED: u64 = 0x5EED_0004;

/// At most this many pairs of one category per entity, so that no entity dominates.
const MAX_PER_ENTITY: usize = 2;

/// Words that carry no identity: name particles, titles, and generic organisation or vessel words.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "bint", "bn", "bnt", "abw", "abd", "lsyd",
    "ben", "abu", "abdul", "abdel", "ould", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le",
    "van", "von", "der", "den", "ter", "y", "the", "of", "and", "for", "in", "on", "a", "an", "llc", "ltd", "limited",
    "co", "company", "inc", "corp", "corporation", "group", "bank", "trading", "trade", "international", "intl",
    "jsc", "ojsc", "pjsc", "cjsc", "ooo", "oao", "zao", "ao", "pao", "tov", "sa", "s", "gmbh", "ag", "plc", "fze",
    "fzco", "fzc", "fz", "llp", "lp", "holding", "holdings", "industries", "industrial", "industry", "enterprise",
    "enterprises", "services", "service", "general", "mv", "m", "v", "ship", "shipping", "management", "investment",
    "investments", "joint", "stock", "liability", "society", "public", "private", "pte", "pvt", "sdn", "bhd", "kg",
    "srl", "bv", "nv", "ab", "oy", "sarl", "sas", "spa", "kft", "doo", "sro", "tic", "ve", "ltda", "eood", "ood",
    "mmc", "tovarystvo", "obshchestvo", "ogranichennoy", "otvetstvennostyu", "aktsionernoe", "aktsionernoye",
    "publichnoe", "publichnoye", "zakrytoe", "otkrytoe", "federal", "state", "national", "organization",
    "organisation", "institute", "center", "centre", "research", "production", "scientific", "plant", "factory",
    "association", "foundation", "fund", "committee", "ministry", "department", "agency", "office", "union", "party",
    "front", "movement", "brigade", "brigades", "army", "forces", "force", "battalion", "regiment", "division",
    "unit", "technology", "technologies", "tech", "engineering", "construction", "energy", "oil", "gas", "petroleum",
    "electronics", "systems", "system", "solutions", "logistics", "marine", "maritime", "navigation",
    "shipmanagement", "tanker", "tankers", "line", "lines", "express", "global", "world", "new", "first", "mr", "mrs",
    "dr", "sheikh", "haji", "hajji", "hajj", "hadji", "hadj", "alhaji", "mullah", "maulvi", "mawlawi", "qari",
    "colonel", "major",
];

fn main() -> anyhow::Result<()> {
    let repo = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let data_dir = repo.join("data/lists");
    let out_path = repo.join("data/eval/generated.csv");

    let (engine, _) = Engine::open(&OpenOptions::new(&data_dir))?;
    let corpus = Corpus::load(&engine, &data_dir)?;
    eprintln!("{} names of {} entities", corpus.names.len(), corpus.entities.len());

    let mut rng = Rng(SEED);
    let mut rows: Vec<Row> = Vec::new();

    // Positives.
    let positives = corpus.positives();
    let targets: [(Class, Category, usize); 9] = [
        (Class::Person, Category::OtherScript, 330),
        (Class::Person, Category::CrossList, 330),
        (Class::Person, Category::Alias, 240),
        (Class::Org, Category::OtherScript, 200),
        (Class::Org, Category::CrossList, 200),
        (Class::Org, Category::Alias, 150),
        (Class::Vessel, Category::OtherScript, 60),
        (Class::Vessel, Category::CrossList, 120),
        (Class::Vessel, Category::Alias, 120),
    ];
    pick(&positives, &targets, &mut rng, &mut rows);

    // Negatives.
    let negatives = corpus.negatives();
    let targets: [(Class, Category, usize); 7] = [
        (Class::Person, Category::SharedSurname, 460),
        (Class::Person, Category::SharedGivenName, 440),
        (Class::Org, Category::CompanyCountry, 200),
        (Class::Org, Category::CompanyNumber, 150),
        (Class::Org, Category::OrgSharedWord, 200),
        (Class::Vessel, Category::VesselNearName, 180),
        (Class::Vessel, Category::VesselSharedWord, 40),
    ];
    pick(&negatives, &targets, &mut rng, &mut rows);

    rows.sort_by(|a, b| {
        (a.class, a.expected, a.category, &a.script, &a.name1, &a.name2)
            .cmp(&(b.class, b.expected, b.category, &b.script, &b.name1, &b.name2))
    });
    rows.dedup_by(|a, b| a.name1 == b.name1 && a.name2 == b.name2);

    fs_err::create_dir_all(out_path.parent().expect("data/eval has a parent"))?;
    let mut w = csv::Writer::from_path(&out_path)?;
    w.write_record(["name1", "name2", "schema", "expected", "script", "category", "source"])?;
    for r in &rows {
        w.write_record([
            r.name1.as_str(),
            r.name2.as_str(),
            r.schema.as_str(),
            if r.expected { "true" } else { "false" },
            r.script.as_str(),
            r.category.as_str(),
            r.source.as_str(),
        ])?;
    }
    w.flush()?;

    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in &rows {
        *counts.entry(("schema".into(), format!("{} {}", r.schema, r.expected))).or_default() += 1;
        *counts.entry(("script".into(), format!("{} {}", r.script, r.expected))).or_default() += 1;
        *counts.entry(("category".into(), r.category.as_str().into())).or_default() += 1;
    }
    for ((k, v), n) in counts {
        eprintln!("{k:>8}  {v:<32} {n}");
    }
    eprintln!("wrote {} pairs to {}", rows.len(), out_path.display());
    Ok(())
}

/// The schema classes the set is balanced over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Class {
    Person,
    Org,
    Vessel,
}

fn class_of(schema: Schema) -> Option<Class> {
    match schema {
        Schema::Person => Some(Class::Person),
        Schema::LegalEntity | Schema::Organization | Schema::Company => Some(Class::Org),
        Schema::Vessel => Some(Class::Vessel),
        Schema::Aircraft | Schema::Asset => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Category {
    Alias,
    CrossList,
    OtherScript,
    SharedSurname,
    SharedGivenName,
    CompanyCountry,
    CompanyNumber,
    OrgSharedWord,
    VesselNearName,
    VesselSharedWord,
}

impl Category {
    fn as_str(self) -> &'static str {
        match self {
            Category::Alias => "alias",
            Category::CrossList => "cross_list",
            Category::OtherScript => "other_script",
            Category::SharedSurname => "shared_surname",
            Category::SharedGivenName => "shared_given_name",
            Category::CompanyCountry => "company_country",
            Category::CompanyNumber => "company_number",
            Category::OrgSharedWord => "org_shared_word",
            Category::VesselNearName => "vessel_near_name",
            Category::VesselSharedWord => "vessel_shared_word",
        }
    }
}

/// One output pair, with what sampling needs to balance it.
#[derive(Debug, Clone)]
struct Row {
    name1: String,
    name2: String,
    schema: Schema,
    class: Class,
    expected: bool,
    script: String,
    category: Category,
    source: String,
    /// Entities involved, for the per-entity cap.
    entities: [u32; 2],
    /// Stronger evidence of the label (a negative whose entities have different birth dates or IMO numbers).
    strong: bool,
}

/// One printed name of one entity.
#[derive(Debug)]
struct NameInfo {
    text: String,
    entity: u32,
    /// Ids of the records (source entities) that print this name.
    records: BTreeSet<String>,
    /// Datasets of those records.
    datasets: BTreeSet<String>,
    script: &'static str,
    /// `vetter_names::name_key`.
    key: String,
    /// The folded words.
    tokens: Vec<String>,
    /// Index into `tokens` of the surname and the given name (persons only).
    surname: Option<usize>,
    given: Option<usize>,
}

#[derive(Debug)]
struct EntityInfo {
    id: String,
    schema: Schema,
    class: Class,
    birth_dates: Vec<String>,
    identifiers: BTreeSet<String>,
    imo: BTreeSet<String>,
    names: Vec<usize>,
    keys: BTreeSet<String>,
}

struct Corpus {
    names: Vec<NameInfo>,
    entities: Vec<EntityInfo>,
}

impl Corpus {
    fn load(engine: &Engine, data_dir: &std::path::Path) -> anyhow::Result<Corpus> {
        // Per-record names: the canonical entity merges them, so read each list again.
        let (sources, _) = vetter_sources::discover(data_dir)?;
        let mut records: Vec<Entity> = Vec::new();
        for source in &sources {
            let parsed = vetter_sources::parse(source)?;
            records.extend(parsed.entities);
        }
        records.sort_by(|a, b| a.id.cmp(&b.id));

        let mut entity_slot: HashMap<u32, usize> = HashMap::new();
        let mut entities: Vec<EntityInfo> = Vec::new();
        let mut names: Vec<NameInfo> = Vec::new();
        let mut name_slot: HashMap<(u32, String), usize> = HashMap::new();
        let mut canonical_ids: Vec<u32> = records.iter().filter_map(|r| engine.index().lookup(&r.id)).collect();
        canonical_ids.sort_unstable();
        canonical_ids.dedup();
        for at in canonical_ids {
            let Some(e) = engine.index().entity(at) else { continue };
            let Some(class) = class_of(e.schema) else { continue };
            let mut identifiers = BTreeSet::new();
            let mut imo = BTreeSet::new();
            for (prop, values) in &e.properties {
                if prop.kind() != PropKind::Identifier {
                    continue;
                }
                for v in values {
                    let mut key = vetter_names::identifier_key(v);
                    if let Some(rest) = key.strip_prefix("IMO") {
                        key = rest.to_owned();
                    }
                    if key.len() >= 4 {
                        if *prop == Prop::ImoNumber {
                            imo.insert(key.clone());
                        }
                        identifiers.insert(key);
                    }
                }
            }
            entity_slot.insert(at, entities.len());
            entities.push(EntityInfo {
                id: e.id.clone(),
                schema: e.schema,
                class,
                birth_dates: e.get(Prop::BirthDate).to_vec(),
                identifiers,
                imo,
                names: Vec::new(),
                keys: BTreeSet::new(),
            });
        }

        for r in &records {
            let Some(at) = engine.index().lookup(&r.id) else { continue };
            let Some(&slot) = entity_slot.get(&at) else { continue };
            let dataset = r.sources.first().map(|s| s.dataset.clone()).unwrap_or_default();
            let last_names: Vec<String> = r.get(Prop::LastName).iter().map(|v| vetter_names::fold(v)).collect();
            let first_names: Vec<String> = r.get(Prop::FirstName).iter().map(|v| vetter_names::fold(v)).collect();
            for prop in [Prop::Name, Prop::Alias, Prop::PreviousName] {
                for text in r.get(prop) {
                    let text = text.trim();
                    let tokens = vetter_names::tokens(text);
                    if tokens.is_empty() || tokens.len() > 10 || text.chars().count() > 120 {
                        continue;
                    }
                    let script = script_of(text);
                    if matches!(script, "none" | "mixed") || !balanced(text) {
                        continue;
                    }
                    let id = *name_slot.entry((at, text.to_owned())).or_insert_with(|| {
                        let (surname, given) = if entities[slot].class == Class::Person {
                            roles(text, script, &tokens, &last_names, &first_names)
                        } else {
                            (None, None)
                        };
                        names.push(NameInfo {
                            text: text.to_owned(),
                            entity: slot as u32,
                            records: BTreeSet::new(),
                            datasets: BTreeSet::new(),
                            script,
                            key: vetter_names::name_key(text),
                            tokens,
                            surname,
                            given,
                        });
                        entities[slot].names.push(names.len() - 1);
                        names.len() - 1
                    });
                    names[id].records.insert(r.id.clone());
                    names[id].datasets.insert(dataset.clone());
                }
            }
        }
        for e in &mut entities {
            e.keys = e.names.iter().map(|&n| names[n].key.clone()).collect();
        }
        Ok(Corpus { names, entities })
    }

    fn positives(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for (slot, e) in self.entities.iter().enumerate() {
            for (i, &a) in e.names.iter().enumerate() {
                for &b in &e.names[i + 1..] {
                    let (na, nb) = (&self.names[a], &self.names[b]);
                    if na.key == nb.key || !pair_allowed(na.script, nb.script) || !related(na, nb, e.class) {
                        continue;
                    }
                    let category = if na.script != nb.script {
                        Category::OtherScript
                    } else if na.records.is_disjoint(&nb.records) && na.datasets != nb.datasets {
                        Category::CrossList
                    } else {
                        Category::Alias
                    };
                    let source = if category == Category::CrossList {
                        format!(
                            "{}|{}",
                            na.records.first().map_or("", String::as_str),
                            nb.records.first().map_or("", String::as_str)
                        )
                    } else {
                        e.id.clone()
                    };
                    let (n1, n2) = order(na, nb);
                    rows.push(Row {
                        name1: n1.text.clone(),
                        name2: n2.text.clone(),
                        schema: e.schema,
                        class: e.class,
                        expected: true,
                        script: script_pair(na.script, nb.script),
                        category,
                        source,
                        entities: [slot as u32, slot as u32],
                        strong: true,
                    });
                }
            }
        }
        rows
    }

    fn negatives(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        self.person_negatives(&mut rows);
        self.org_negatives(&mut rows);
        self.vessel_negatives(&mut rows);
        rows
    }

    /// True when two entities may be one real entity: a shared birth date, identifier or name.
    fn maybe_same(&self, a: &EntityInfo, b: &EntityInfo) -> bool {
        let dates = a
            .birth_dates
            .iter()
            .any(|x| b.birth_dates.iter().any(|y| x.starts_with(y.as_str()) || y.starts_with(x.as_str())));
        dates || !a.identifiers.is_disjoint(&b.identifiers) || !a.keys.is_disjoint(&b.keys)
    }

    fn negative(&self, a: usize, b: usize, category: Category, strong: bool) -> Option<Row> {
        let (na, nb) = (&self.names[a], &self.names[b]);
        if na.entity == nb.entity || na.key == nb.key || !pair_allowed(na.script, nb.script) {
            return None;
        }
        let (ea, eb) = (&self.entities[na.entity as usize], &self.entities[nb.entity as usize]);
        if ea.class != eb.class || self.maybe_same(ea, eb) {
            return None;
        }
        let schema = if ea.schema == eb.schema { ea.schema } else { ea.schema.most_specific(eb.schema) };
        let (n1, n2) = order(na, nb);
        let (e1, e2) = if n1.entity == na.entity { (ea, eb) } else { (eb, ea) };
        Some(Row {
            name1: n1.text.clone(),
            name2: n2.text.clone(),
            schema,
            class: ea.class,
            expected: false,
            script: script_pair(na.script, nb.script),
            category,
            source: format!("{}|{}", e1.id, e2.id),
            entities: [na.entity, nb.entity],
            strong,
        })
    }

    fn person_negatives(&self, rows: &mut Vec<Row>) {
        // Index person names by surname and by given name: the folded word for
        // Latin and Cyrillic names, the consonant skeleton for Arabic-script
        // names (written without short vowels) against Latin ones.
        type Index<'a> = BTreeMap<(bool, String), Vec<usize>>;
        let mut by_surname: Index = BTreeMap::new();
        let mut by_given: Index = BTreeMap::new();
        for (i, n) in self.names.iter().enumerate() {
            if self.entities[n.entity as usize].class != Class::Person || distinctive(&n.tokens).len() < 2 {
                continue;
            }
            let keys: &[bool] = match n.script {
                "latin" => &[false, true],
                "cyrillic" => &[false],
                "arabic" => &[true],
                _ => continue,
            };
            for &by_skeleton in keys {
                let key = |t: usize| if by_skeleton { skeleton(&n.tokens[t]) } else { n.tokens[t].clone() };
                if let Some(s) = n.surname {
                    by_surname.entry((by_skeleton, key(s))).or_default().push(i);
                }
                if let Some(g) = n.given {
                    by_given.entry((by_skeleton, key(g))).or_default().push(i);
                }
            }
        }
        for (index, category) in [(&by_surname, Category::SharedSurname), (&by_given, Category::SharedGivenName)] {
            for ((by_skeleton, shared), group) in index {
                if shared.len() < 3 {
                    continue;
                }
                // Very common words (Mohammed, Ali) give many pairs; cap the group.
                let group: Vec<usize> = spread(group, 60);
                for (i, &a) in group.iter().enumerate() {
                    for &b in &group[i + 1..] {
                        let (na, nb) = (&self.names[a], &self.names[b]);
                        // The skeleton index is only for Arabic script against Latin (or Arabic).
                        if *by_skeleton && na.script == "latin" && nb.script == "latin" {
                            continue;
                        }
                        if na.entity == nb.entity {
                            continue;
                        }
                        let keep = |t: &&str| if *by_skeleton { skeleton(t) != *shared } else { t != shared };
                        let rest_a: Vec<&str> = distinctive(&na.tokens).into_iter().filter(keep).collect();
                        let rest_b: Vec<&str> = distinctive(&nb.tokens).into_iter().filter(keep).collect();
                        if rest_a.is_empty() || rest_b.is_empty() || !clearly_different(&rest_a, &rest_b) {
                            continue;
                        }
                        // The other role must differ too: a shared surname with different given names.
                        let (x, y) = match category {
                            Category::SharedSurname => (na.given, nb.given),
                            _ => (na.surname, nb.surname),
                        };
                        let other_differs = match (x, y) {
                            (Some(x), Some(y)) => !similar(&na.tokens[x], &nb.tokens[y]),
                            _ => false,
                        };
                        if !other_differs {
                            continue;
                        }
                        let (ea, eb) = (&self.entities[na.entity as usize], &self.entities[nb.entity as usize]);
                        let strong = !ea.birth_dates.is_empty() && !eb.birth_dates.is_empty();
                        if let Some(row) = self.negative(a, b, category, strong) {
                            rows.push(row);
                        }
                    }
                }
            }
        }
    }

    fn org_negatives(&self, rows: &mut Vec<Row>) {
        let orgs: Vec<usize> = (0..self.names.len())
            .filter(|&i| self.entities[self.names[i].entity as usize].class == Class::Org)
            .collect();
        // Names that differ only by a country word or only by a number.
        let mut by_rest: BTreeMap<(u8, String, usize), Vec<(usize, String)>> = BTreeMap::new();
        for &i in &orgs {
            let t = &self.names[i].tokens;
            // The varying part is compared by what it means: `Indonesia` and
            // `Indonesian` name one country, `2` and `II` one number.
            let country =
                |w: &str| if w.len() >= 4 { vetter_model::country::country_code(w).map(str::to_owned) } else { None };
            let number = |w: &str| {
                if w.chars().all(|c| c.is_ascii_digit()) {
                    Some(w.trim_start_matches('0').to_owned())
                } else {
                    roman(w).map(|n| n.to_string())
                }
            };
            for (kind, meaning) in [(0u8, &country as &dyn Fn(&str) -> Option<String>), (1u8, &number)] {
                let mut varying: Vec<String> = t.iter().filter_map(|w| meaning(w)).collect();
                let rest: Vec<&str> = t.iter().map(String::as_str).filter(|w| meaning(w).is_none()).collect();
                if varying.is_empty() || distinctive_str(&rest).is_empty() {
                    continue;
                }
                varying.sort_unstable();
                varying.dedup();
                // Keyed by the count too: one country or number in place of another, not one added.
                by_rest.entry((kind, rest.join(" "), varying.len())).or_default().push((i, varying.join(" ")));
            }
        }
        // A bare name against the same name with a country or number: keyed by the bare form.
        for ((kind, _, _), group) in &by_rest {
            let category = if *kind == 0 { Category::CompanyCountry } else { Category::CompanyNumber };
            let group = spread(group, 40);
            for (i, (a, va)) in group.iter().enumerate() {
                for (b, vb) in &group[i + 1..] {
                    if va != vb
                        && let Some(row) = self.negative(*a, *b, category, true)
                    {
                        rows.push(row);
                    }
                }
            }
        }
        // Organisations sharing a distinctive word, the rest clearly different.
        let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &i in &orgs {
            let n = &self.names[i];
            if n.script != "latin" && n.script != "cyrillic" {
                continue;
            }
            for w in distinctive(&n.tokens) {
                if w.len() >= 4 && !w.chars().all(|c| c.is_ascii_digit()) {
                    by_word.entry(w).or_default().push(i);
                }
            }
        }
        for (word, group) in &by_word {
            if group.len() > 200 {
                continue; // too common to be distinctive
            }
            let group = spread(group, 20);
            for (i, &a) in group.iter().enumerate() {
                for &b in &group[i + 1..] {
                    let (na, nb) = (&self.names[a], &self.names[b]);
                    let rest_a: Vec<&str> = distinctive(&na.tokens).into_iter().filter(|t| t != word).collect();
                    let rest_b: Vec<&str> = distinctive(&nb.tokens).into_iter().filter(|t| t != word).collect();
                    if rest_a.is_empty() || rest_b.is_empty() || !clearly_different(&rest_a, &rest_b) {
                        continue;
                    }
                    if let Some(row) = self.negative(a, b, Category::OrgSharedWord, false) {
                        rows.push(row);
                    }
                }
            }
        }
    }

    fn vessel_negatives(&self, rows: &mut Vec<Row>) {
        let vessels: Vec<usize> = (0..self.names.len())
            .filter(|&i| {
                self.entities[self.names[i].entity as usize].class == Class::Vessel && self.names[i].script == "latin"
            })
            .collect();
        let folded: Vec<String> = vessels.iter().map(|&i| self.names[i].tokens.join(" ")).collect();
        for (x, &a) in vessels.iter().enumerate() {
            for (y, &b) in vessels.iter().enumerate().skip(x + 1) {
                let (fa, fb) = (&folded[x], &folded[y]);
                if fa.len().abs_diff(fb.len()) > 2 || fa.len().min(fb.len()) < 5 {
                    continue;
                }
                let (ea, eb) =
                    (&self.entities[self.names[a].entity as usize], &self.entities[self.names[b].entity as usize]);
                let strong = !ea.imo.is_empty() && !eb.imo.is_empty();
                if levenshtein(fa, fb) <= 2
                    && let Some(row) = self.negative(a, b, Category::VesselNearName, strong)
                {
                    rows.push(row);
                }
            }
        }
        // Vessels sharing one distinctive word ("OCEAN STAR" / "OCEAN PRIDE").
        let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &i in &vessels {
            for w in distinctive(&self.names[i].tokens) {
                if w.len() >= 3 && !w.chars().all(|c| c.is_ascii_digit()) {
                    by_word.entry(w).or_default().push(i);
                }
            }
        }
        for (word, group) in &by_word {
            let group = spread(group, 12);
            for (i, &a) in group.iter().enumerate() {
                for &b in &group[i + 1..] {
                    let (na, nb) = (&self.names[a], &self.names[b]);
                    let rest_a: Vec<&str> = distinctive(&na.tokens).into_iter().filter(|t| t != word).collect();
                    let rest_b: Vec<&str> = distinctive(&nb.tokens).into_iter().filter(|t| t != word).collect();
                    if rest_a.is_empty() || rest_b.is_empty() || !clearly_different(&rest_a, &rest_b) {
                        continue;
                    }
                    let (ea, eb) = (&self.entities[na.entity as usize], &self.entities[nb.entity as usize]);
                    let strong = !ea.imo.is_empty() && !eb.imo.is_empty();
                    if let Some(row) = self.negative(a, b, Category::VesselSharedWord, strong) {
                        rows.push(row);
                    }
                }
            }
        }
    }
}

/// Whether the brackets of a name are balanced: `Ivanov)` is a list's split-up
/// remark, not a name.
fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '(' | '（' | '[' => depth += 1,
            ')' | '）' | ']' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// Takes up to `target` rows, round-robin over the script pairs (three from
/// `latin` per round, one from each other pair) so that rare scripts are kept
/// whole, preferring rows with strong evidence, with at most
/// [`MAX_PER_ENTITY`] rows per entity.
/// Takes, for each (class, category, count) target in order, a balanced
/// sample of the rows of that class and category, and appends it to `rows`.
fn pick(candidates: &[Row], targets: &[(Class, Category, usize)], rng: &mut Rng, rows: &mut Vec<Row>) {
    for &(class, category, target) in targets {
        let pool: Vec<&Row> = candidates.iter().filter(|r| r.class == class && r.category == category).collect();
        let picked = balanced_take(&pool, target, rng);
        eprintln!("{:?} {:?}: {} candidates, {} picked", class, category, pool.len(), picked.len());
        rows.extend(picked.into_iter().cloned());
    }
}

fn balanced_take<'a>(pool: &[&'a Row], target: usize, rng: &mut Rng) -> Vec<&'a Row> {
    let mut buckets: BTreeMap<&str, Vec<&'a Row>> = BTreeMap::new();
    for r in pool {
        buckets.entry(r.script.as_str()).or_default().push(r);
    }
    let mut queues: Vec<(usize, Vec<&'a Row>)> = buckets
        .into_iter()
        .map(|(script, mut v)| {
            rng.shuffle(&mut v);
            // Strong rows first, keeping the shuffled order within each half; reversed for `pop`.
            v.sort_by_key(|r| !r.strong);
            v.reverse();
            (if script == "latin" { 3 } else { 1 }, v)
        })
        .collect();
    let mut used: HashMap<u32, usize> = HashMap::new();
    let mut seen_pairs: BTreeSet<(String, String)> = BTreeSet::new();
    let mut out = Vec::new();
    while out.len() < target && queues.iter().any(|(_, q)| !q.is_empty()) {
        for (weight, q) in &mut queues {
            for _ in 0..*weight {
                if out.len() >= target {
                    break;
                }
                while let Some(r) = q.pop() {
                    let over = r.entities.iter().any(|e| used.get(e).copied().unwrap_or(0) >= MAX_PER_ENTITY);
                    let pair = (r.name1.clone(), r.name2.clone());
                    if over || seen_pairs.contains(&pair) {
                        continue;
                    }
                    for e in BTreeSet::from(r.entities) {
                        *used.entry(e).or_default() += 1;
                    }
                    seen_pairs.insert(pair);
                    out.push(r);
                    break;
                }
            }
        }
    }
    out
}

/// An evenly spaced sample of at most `n` items, in order (deterministic).
fn spread<T: Clone>(items: &[T], n: usize) -> Vec<T> {
    if items.len() <= n {
        return items.to_vec();
    }
    (0..n).map(|i| items[i * items.len() / n].clone()).collect()
}

/// Puts the Latin-script name (or the first by text) first, so `name1` reads as the query.
fn order<'a>(a: &'a NameInfo, b: &'a NameInfo) -> (&'a NameInfo, &'a NameInfo) {
    let rank = |n: &NameInfo| (n.script != "latin", n.text.clone());
    if rank(a) <= rank(b) { (a, b) } else { (b, a) }
}

/// The scripts the set covers: Latin, and the scripts of the lists' own
/// original-script names. Pairs are within one script or one script against Latin.
fn pair_allowed(a: &str, b: &str) -> bool {
    const SCRIPTS: [&str; 6] = ["latin", "cyrillic", "arabic", "greek", "han", "hangul"];
    SCRIPTS.contains(&a) && SCRIPTS.contains(&b) && (a == b || a == "latin" || b == "latin")
}

fn script_pair(a: &str, b: &str) -> String {
    if a == b {
        a.to_owned()
    } else if a < b {
        format!("{a}-{b}")
    } else {
        format!("{b}-{a}")
    }
}

/// The dominant script of a name, by letter count.
fn script_of(text: &str) -> &'static str {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        let cp = c as u32;
        let s = match cp {
            0..=0x024F | 0x1E00..=0x1EFF => "latin",
            0x0370..=0x03FF | 0x1F00..=0x1FFF => "greek",
            0x0400..=0x052F => "cyrillic",
            0x0530..=0x058F => "armenian",
            0x0590..=0x05FF => "hebrew",
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => "arabic",
            0x0900..=0x097F => "devanagari",
            0x0E00..=0x0E7F => "thai",
            0x10A0..=0x10FF => "georgian",
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7A3 => "hangul",
            0x3040..=0x30FF => "kana",
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => "han",
            _ => "other",
        };
        *counts.entry(s).or_default() += 1;
    }
    // Japanese names mix kana and kanji: any kana makes the name Japanese.
    if counts.contains_key("kana") {
        return "kana";
    }
    let mut ranked: Vec<(&'static str, usize)> = counts.into_iter().collect();
    ranked.sort_by_key(|&(s, n)| (std::cmp::Reverse(n), s));
    match ranked.as_slice() {
        [] => "none",
        // Two scripts in one name (`حسن غول (Hassan Ghul)`): a list quirk, not a name form.
        [_, (_, second), ..] if *second >= 2 => "mixed",
        [(s, _), ..] => s,
    }
}

/// Which token is the surname and which the given name, from the printed form:
/// `SURNAME, Given`; `SURNAME Given` (one word in capitals); Han and Hangul
/// names, surname first; the record's first and last name properties; else
/// given name first and surname last.
fn roles(
    text: &str,
    script: &str,
    tokens: &[String],
    last: &[String],
    first: &[String],
) -> (Option<usize>, Option<usize>) {
    let idx: Vec<usize> = (0..tokens.len()).filter(|&i| !STOP.contains(&tokens[i].as_str())).collect();
    if idx.len() < 2 {
        return (None, None);
    }
    if matches!(script, "han" | "hangul") {
        return (Some(idx[0]), Some(idx[1]));
    }
    if let Some((before, _)) = text.split_once(',') {
        let n = vetter_names::tokens(before).len();
        let surname = idx.iter().copied().rfind(|&i| i < n);
        let given = idx.iter().copied().find(|&i| i >= n);
        return (surname, given);
    }
    // Map each printed word (in capitals or not) onto its folded tokens.
    let mut caps: Vec<bool> = Vec::with_capacity(tokens.len());
    let mut words_in_caps = 0;
    for word in text.split_whitespace() {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let upper = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        words_in_caps += usize::from(upper);
        caps.extend(std::iter::repeat_n(upper, vetter_names::tokens(word).len()));
    }
    if words_in_caps == 1 && caps.len() == tokens.len() {
        let surname = idx.iter().copied().rfind(|&i| caps[i]);
        let given = idx.iter().copied().find(|&i| !caps[i]);
        if surname.is_some() && given.is_some() {
            return (surname, given);
        }
    }
    let surname = idx.iter().copied().rev().find(|&i| last.iter().any(|l| l.split(' ').any(|w| w == tokens[i])));
    let given = idx.iter().copied().find(|&i| first.iter().any(|f| f.split(' ').any(|w| w == tokens[i])));
    match (surname, given) {
        (Some(s), Some(g)) if s != g => (Some(s), Some(g)),
        _ => (idx.last().copied(), idx.first().copied()),
    }
}

fn distinctive(tokens: &[String]) -> Vec<&str> {
    tokens.iter().map(String::as_str).filter(|t| !STOP.contains(t) && t.len() > 1).collect()
}

fn distinctive_str<'a>(tokens: &[&'a str]) -> Vec<&'a str> {
    tokens.iter().copied().filter(|t| !STOP.contains(t) && t.len() > 1).collect()
}

/// The value of a small Roman numeral word (`ii` → 2); `i`, `v` and `x` alone are too often letters.
fn roman(w: &str) -> Option<u32> {
    let n = match w {
        "ii" => 2,
        "iii" => 3,
        "iv" => 4,
        "vi" => 6,
        "vii" => 7,
        "viii" => 8,
        "ix" => 9,
        "xi" => 11,
        "xii" => 12,
        _ => return None,
    };
    Some(n)
}

/// Whether two names share something a name matcher could recognise: at
/// least two thirds of the distinctive words of the shorter name match a word
/// of the other (equal, a spelling variant, the same consonant skeleton, an
/// initial of a person's name, or fused into the other's letters), or a
/// one-word name whose letters overlap the other's strongly. For persons the
/// surnames must agree as well, so a maiden name or an unrelated alias is not
/// a positive.
fn related(a: &NameInfo, b: &NameInfo, class: Class) -> bool {
    let da = distinctive(&a.tokens);
    let db = distinctive(&b.tokens);
    let (ja, jb) = (a.tokens.concat(), b.tokens.concat());
    let (short, long, jlong) = if da.len() <= db.len() { (&da, &db, &jb) } else { (&db, &da, &ja) };
    // A lone short word (an acronym such as `HQN`) is too little to call two names related.
    let words_match = if short.is_empty() || (short.len() == 1 && short[0].len() < 4) {
        false
    } else {
        // Han transliterates to short pinyin syllables that are close to everything: only exact words count.
        let han = a.script == "han" || b.script == "han";
        let same = |s: &str, l: &str| if han { s == l } else { similar(s, l) };
        let real = |s: &str| long.iter().any(|l| same(s, l)) || (s.len() >= 4 && jlong.contains(s));
        let initial = |s: &str| class == Class::Person && long.iter().any(|l| initial_of(s, l) || initial_of(l, s));
        let real_count = short.iter().filter(|s| real(s)).count();
        let matched = short.iter().filter(|s| real(s) || initial(s)).count();
        real_count >= 1 && 3 * matched >= 2 * short.len()
    };
    let letters_match = (da.len() <= 1 || db.len() <= 1) && dice(&ja, &jb) >= 0.7;
    if !(words_match || letters_match) {
        return false;
    }
    if class == Class::Person {
        let surname_found = |n: &NameInfo, other: &NameInfo, joined: &str| match n.surname {
            Some(s) => {
                let w = &n.tokens[s];
                other.tokens.iter().any(|t| similar(w, t)) || (w.len() >= 4 && joined.contains(w.as_str()))
            }
            None => true,
        };
        return surname_found(a, b, &jb) && surname_found(b, a, &ja);
    }
    true
}

/// Whether every word of one side is clearly unlike every word of the other.
fn clearly_different(a: &[&str], b: &[&str]) -> bool {
    a.iter().all(|x| b.iter().all(|y| !similar(x, y) && !initial_of(x, y) && !initial_of(y, x)))
        && dice(&a.concat(), &b.concat()) < 0.5
}

/// Two words are spelling variants: equal, the same consonant skeleton (three
/// letters or more), one edit apart (four letters or more), two edits apart
/// (eight or more), or Jaro-Winkler at least 0.9 (five letters or more).
fn similar(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (sa, sb) = (skeleton(a), skeleton(b));
    if sa.len() >= 3 && sa == sb {
        return true;
    }
    let n = a.chars().count().min(b.chars().count());
    let d = levenshtein(a, b);
    (n >= 4 && d <= 1) || (n >= 8 && d <= 2) || (n >= 5 && jaro_winkler(a, b) >= 0.9)
}

fn initial_of(a: &str, b: &str) -> bool {
    a.len() == 1 && b.starts_with(a)
}

/// Consonant skeleton after common transliteration merges (`mohammed`, `muhammad`, `mhmd` → `mhmd`).
fn skeleton(w: &str) -> String {
    let w = w.replace("kh", "h").replace("gh", "g").replace("dh", "d").replace("th", "t").replace("sh", "s");
    let mut out = String::new();
    for c in w.chars() {
        let c = match c {
            'q' | 'c' => 'k',
            'z' => 's',
            'v' => 'w',
            'j' => 'g',
            c => c,
        };
        if "aeiouyw'".contains(c) {
            continue;
        }
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn bigrams(s: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = s.chars().collect();
    let mut v: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    v.sort_unstable();
    v
}

/// Sørensen–Dice coefficient of the character bigrams (multiset).
fn dice(a: &str, b: &str) -> f64 {
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn jaro_winkler(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_hit = vec![false; a.len()];
    let mut b_hit = vec![false; b.len()];
    let mut matches = 0usize;
    for i in 0..a.len() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_hit[j] && a[i] == b[j] {
                a_hit[i] = true;
                b_hit[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let a_m: Vec<char> = a.iter().zip(&a_hit).filter(|(_, h)| **h).map(|(c, _)| *c).collect();
    let b_m: Vec<char> = b.iter().zip(&b_hit).filter(|(_, h)| **h).map(|(c, _)| *c).collect();
    let transpositions = a_m.iter().zip(&b_m).filter(|(x, y)| x != y).count() / 2;
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64) / m) / 3.0;
    let prefix = a.iter().zip(&b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

/// splitmix64: a small, fixed, portable generator so the set does not depend on a crate's algorithm.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
