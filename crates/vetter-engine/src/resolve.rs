//! Cross-list entity resolution: which source records denote the same entity.
//!
//! Records are merged only on strong evidence, never on a name alone:
//!
//! 1. `same_as`: a source states the link (trade.gov's CSL repeats OFAC ent_nums).
//! 2. `wikidata_id`: the same Wikidata item.
//! 3. `identifier`: the same strong identifier (IMO, LEI, SWIFT/BIC, INN, OGRN,
//!    passport, national id, tax or registration number) of at least 7
//!    characters with at least 5 digits.
//! 4. `name_birth_date_country`: the same full name (word order ignored; two
//!    words or more for a primary name, three or more for an alias), the same
//!    full date of birth, and a shared country.
//! 5. `name_regime_country`: for a record that has nothing but a name (the UK
//!    list's export), the same full name of three or more words, held by
//!    exactly one other cluster in all lists, whose countries include the
//!    country of the record's sanctions regime.
//!
//! Every rule also requires compatible schemas and no conflict: two records
//! with full birth dates that share none, or with countries that share none,
//! are never merged, and two records of the same dataset are only merged by
//! `same_as`. Each merge is kept with its rule and evidence.

use std::collections::{BTreeSet, HashMap};

use vetter_model::{Entity, Prop, country};
use vetter_names::{identifier_key, name_key};

/// One merge decision: records `left` and `right` (indices into the input) were joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    /// Index of one record.
    pub left: usize,
    /// Index of the other.
    pub right: usize,
    /// Rule name.
    pub rule: &'static str,
    /// Evidence.
    pub evidence: String,
}

/// Clusters of record indices, each sorted, plus the merges that made them.
#[derive(Debug)]
pub struct Resolution {
    /// Record indices per cluster; clusters are sorted by their first record.
    pub clusters: Vec<Vec<usize>>,
    /// Merges, in the order they were made.
    pub merges: Vec<Merge>,
}

struct Clusters<'a> {
    records: &'a [Entity],
    parent: Vec<usize>,
    /// Per root: datasets in the cluster.
    datasets: Vec<BTreeSet<&'a str>>,
    /// Per root: the records in the cluster.
    members: Vec<Vec<usize>>,
    merges: Vec<Merge>,
}

impl<'a> Clusters<'a> {
    fn new(records: &'a [Entity]) -> Self {
        Clusters {
            records,
            parent: (0..records.len()).collect(),
            datasets: records.iter().map(|r| r.sources.iter().map(|s| s.dataset.as_str()).collect()).collect(),
            members: (0..records.len()).map(|i| vec![i]).collect(),
            merges: Vec::new(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn members(&mut self, root: usize) -> Vec<usize> {
        let root = self.find(root);
        self.members[root].clone()
    }

    /// Whether two clusters may be joined: compatible schemas, no birth date
    /// or country conflict, and (unless `allow_same_dataset`) disjoint datasets.
    fn compatible(&mut self, a: usize, b: usize, allow_same_dataset: bool) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        if !allow_same_dataset && !self.datasets[ra].is_disjoint(&self.datasets[rb]) {
            return false;
        }
        let (ma, mb) = (self.members(ra), self.members(rb));
        let recs = self.records;
        let schemas_ok = ma.iter().all(|&x| mb.iter().all(|&y| recs[x].schema.is_compatible(recs[y].schema)));
        if !schemas_ok {
            return false;
        }
        let dob = |m: &[usize]| -> BTreeSet<String> {
            m.iter()
                .flat_map(|&i| recs[i].dates(Prop::BirthDate))
                .filter(|d| d.is_full())
                .map(|d| d.to_string())
                .collect()
        };
        let (da, db) = (dob(&ma), dob(&mb));
        if !da.is_empty() && !db.is_empty() && da.is_disjoint(&db) {
            return false;
        }
        let countries = |m: &[usize]| -> BTreeSet<String> {
            m.iter().flat_map(|&i| recs[i].countries().into_iter().map(str::to_owned)).collect()
        };
        let (ca, cb) = (countries(&ma), countries(&mb));
        if !ca.is_empty() && !cb.is_empty() && ca.is_disjoint(&cb) {
            return false;
        }
        true
    }

    fn union(&mut self, a: usize, b: usize, rule: &'static str, evidence: String) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        let moved = std::mem::take(&mut self.datasets[gone]);
        self.datasets[keep].extend(moved);
        let moved = std::mem::take(&mut self.members[gone]);
        self.members[keep].extend(moved);
        self.merges.push(Merge { left: a.min(b), right: a.max(b), rule, evidence });
    }

    /// Joins every group of records sharing a key, pairwise with the group's first record.
    fn join_groups(&mut self, groups: HashMap<String, Vec<usize>>, rule: &'static str, allow_same_dataset: bool) {
        let mut groups: Vec<(String, Vec<usize>)> = groups.into_iter().filter(|(_, v)| v.len() > 1).collect();
        groups.sort();
        for (key, members) in groups {
            let mut members = members;
            members.dedup();
            for pair in 1..members.len() {
                for anchor in 0..pair {
                    let (a, b) = (members[anchor], members[pair]);
                    if self.compatible(a, b, allow_same_dataset) {
                        self.union(a, b, rule, key.clone());
                        break;
                    }
                }
            }
        }
    }
}

/// The country a sanctions regime name stands for (`Russia` → `ru`), if any.
fn regime_country(program: &str) -> Option<&'static str> {
    country::country_code(program).or_else(|| match country::countries_in_text(program).as_slice() {
        [one] => Some(*one),
        _ => None,
    })
}

/// Resolves records into clusters. Deterministic for the same input order.
pub fn resolve(records: &[Entity]) -> Resolution {
    let mut clusters = Clusters::new(records);

    // 1. same_as: "dataset:record_id" names another record.
    let by_source: HashMap<(&str, &str), usize> = records
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.sources.iter().map(move |s| ((s.dataset.as_str(), s.record_id.as_str()), i)))
        .collect();
    for (i, r) in records.iter().enumerate() {
        for link in r.get(Prop::SameAs) {
            if let Some((ds, rid)) = link.split_once(':')
                && let Some(&j) = by_source.get(&(ds, rid))
                && clusters.compatible(i, j, true)
            {
                clusters.union(i, j, "same_as", link.clone());
            }
        }
    }

    // 2. wikidata_id.
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        for q in r.get(Prop::WikidataId) {
            groups.entry(q.to_ascii_uppercase()).or_default().push(i);
        }
    }
    clusters.join_groups(groups, "wikidata_id", false);

    // 3. identifier.
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        for (prop, values) in &r.properties {
            if !prop.is_strong_identifier() || *prop == Prop::WikidataId {
                continue;
            }
            for v in values {
                let mut key = identifier_key(v);
                if *prop == Prop::ImoNumber {
                    key = key.trim_start_matches("IMO").to_owned();
                }
                if *prop == Prop::SwiftBic && key.len() == 11 && key.ends_with("XXX") {
                    key.truncate(8);
                }
                let digits = key.bytes().filter(u8::is_ascii_digit).count();
                if key.len() >= 7 && digits >= 5 {
                    groups.entry(key).or_default().push(i);
                }
            }
        }
    }
    clusters.join_groups(groups, "identifier", false);

    // 4. name_birth_date_country.
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        let dobs: Vec<String> = r.dates(Prop::BirthDate).filter(|d| d.is_full()).map(|d| d.to_string()).collect();
        if dobs.is_empty() || r.countries().is_empty() {
            continue;
        }
        let mut keys: BTreeSet<String> = BTreeSet::new();
        for (prop, name) in r.names() {
            let key = name_key(name);
            let words = key.split(' ').count();
            // A primary name needs two words; an alias three, because short
            // aliases ("Abu Ali") are shared by many people.
            let enough = match prop {
                Prop::Name => words >= 2,
                Prop::Alias | Prop::PreviousName => words >= 3,
                _ => false,
            };
            if enough {
                keys.insert(key);
            }
        }
        for key in keys {
            for dob in &dobs {
                groups.entry(format!("{key} | {dob}")).or_default().push(i);
            }
        }
    }
    // The country test is the `compatible` check plus a positive overlap.
    let mut groups: Vec<(String, Vec<usize>)> = groups.into_iter().filter(|(_, v)| v.len() > 1).collect();
    groups.sort();
    for (key, members) in groups {
        for pair in 1..members.len() {
            for anchor in 0..pair {
                let (a, b) = (members[anchor], members[pair]);
                let shared: Vec<&str> = {
                    let cb = records[b].countries();
                    records[a].countries().into_iter().filter(|c| cb.contains(c)).collect()
                };
                if !shared.is_empty() && clusters.compatible(a, b, false) {
                    clusters.union(a, b, "name_birth_date_country", format!("{key} | {}", shared.join(",")));
                    break;
                }
            }
        }
    }

    // 5. name_regime_country, for name-only records.
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        for (prop, name) in r.names() {
            if prop != Prop::WeakAlias {
                let key = name_key(name);
                if key.split(' ').count() >= 3 {
                    by_name.entry(key).or_default().push(i);
                }
            }
        }
    }
    let mut keys: Vec<&String> = by_name.keys().collect();
    keys.sort();
    let mut pending = Vec::new();
    for key in keys {
        let members = &by_name[key];
        for &thin in members {
            let r = &records[thin];
            let name_only = r.get(Prop::BirthDate).is_empty()
                && r.countries().is_empty()
                && !r.properties.keys().any(|p| p.is_strong_identifier());
            if !name_only {
                continue;
            }
            let Some(regime) = r.get(Prop::Program).iter().find_map(|p| regime_country(p)) else { continue };
            let mut roots: BTreeSet<usize> = BTreeSet::new();
            for &m in members {
                if m != thin {
                    roots.insert(clusters.find(m));
                }
            }
            let own = clusters.find(thin);
            roots.remove(&own);
            if roots.len() != 1 {
                continue;
            }
            let target = *roots.iter().next().expect("one root");
            let target_members = clusters.members(target);
            let has_country = target_members.iter().any(|&m| records[m].countries().contains(&regime));
            if has_country {
                let anchor = members.iter().copied().find(|&m| clusters.find(m) == target).expect("member of target");
                pending.push((thin, anchor, format!("{key} | regime {regime}")));
            }
        }
    }
    for (thin, anchor, evidence) in pending {
        if clusters.compatible(thin, anchor, false) {
            clusters.union(thin, anchor, "name_regime_country", evidence);
        }
    }

    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..records.len() {
        let root = clusters.find(i);
        by_root.entry(root).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().collect();
    out.sort_by_key(|c| c[0]);
    Resolution { clusters: out, merges: clusters.merges }
}

#[cfg(test)]
mod tests {
    //! 1. A shared identifier or Wikidata id merges; a name alone does not.
    //! 2. Conflicting birth dates block a merge.
    //! 3. Two records of one dataset are not merged except by `same_as`.
    use super::*;
    use vetter_model::{Schema, SourceRef};

    fn rec(ds: &str, id: &str, schema: Schema, props: &[(Prop, &str)]) -> Entity {
        let mut e = Entity::new(format!("{ds}-{id}"), schema);
        e.add_source(SourceRef { dataset: ds.into(), record_id: id.into(), snapshot: "2024-01-01".into() });
        for (p, v) in props {
            match p.kind() {
                vetter_model::PropKind::Country => assert!(e.add_country(*p, v)),
                vetter_model::PropKind::Date => assert!(e.add_date(*p, v)),
                _ => {
                    e.add(*p, v);
                }
            }
        }
        e
    }

    fn clusters(records: &[Entity]) -> Vec<Vec<usize>> {
        resolve(records).clusters
    }

    #[test]
    fn name_alone_never_merges() {
        let r = [
            rec("a", "1", Schema::Person, &[(Prop::Name, "John Smith")]),
            rec("b", "2", Schema::Person, &[(Prop::Name, "SMITH, John")]),
        ];
        assert_eq!(clusters(&r), vec![vec![0], vec![1]]);
    }

    #[test]
    fn name_dob_country_merges() {
        let r = [
            rec(
                "a",
                "1",
                Schema::Person,
                &[
                    (Prop::Name, "PUTIN, Vladimir Vladimirovich"),
                    (Prop::BirthDate, "1952-10-07"),
                    (Prop::Nationality, "ru"),
                ],
            ),
            rec(
                "b",
                "2",
                Schema::Person,
                &[
                    (Prop::Name, "Vladimir Vladimirovich PUTIN"),
                    (Prop::BirthDate, "7.10.1952"),
                    (Prop::BirthCountry, "Russia"),
                ],
            ),
            rec("c", "3", Schema::Person, &[(Prop::Name, "PUTIN Vladimir Vladimirovich"), (Prop::Program, "Russia")]),
        ];
        let res = resolve(&r);
        assert_eq!(res.clusters, vec![vec![0, 1, 2]]);
        assert_eq!(res.merges[0].rule, "name_birth_date_country");
        assert_eq!(res.merges[1].rule, "name_regime_country");
    }

    #[test]
    fn conflicting_dob_blocks() {
        let r = [
            rec("a", "1", Schema::Person, &[(Prop::PassportNumber, "AB1234567"), (Prop::BirthDate, "1960-01-01")]),
            rec("b", "2", Schema::Person, &[(Prop::PassportNumber, "AB 1234567"), (Prop::BirthDate, "1961-02-02")]),
        ];
        assert_eq!(clusters(&r).len(), 2);
    }

    #[test]
    fn identifier_merges_across_datasets_only() {
        let r = [
            rec("a", "1", Schema::Vessel, &[(Prop::ImoNumber, "9253325")]),
            rec("b", "2", Schema::Vessel, &[(Prop::ImoNumber, "IMO 9253325")]),
            rec("b", "3", Schema::Vessel, &[(Prop::ImoNumber, "9253325")]),
            rec("c", "4", Schema::Company, &[(Prop::ImoNumber, "9253325")]),
        ];
        assert_eq!(clusters(&r), vec![vec![0, 1], vec![2], vec![3]]);
    }

    #[test]
    fn same_as_and_wikidata() {
        let r = [
            rec("us_ofac_sdn", "35096", Schema::Person, &[(Prop::Name, "PUTIN")]),
            rec("us_trade_csl", "x", Schema::Person, &[(Prop::SameAs, "us_ofac_sdn:35096")]),
            rec("wd", "Q7747", Schema::Person, &[(Prop::WikidataId, "Q7747")]),
            rec("ua", "Q7747", Schema::Person, &[(Prop::WikidataId, "Q7747")]),
        ];
        assert_eq!(clusters(&r), vec![vec![0, 1], vec![2, 3]]);
    }
}
