//! The entity: one listed person, organisation, vessel or aircraft, with the list records it came from.

use std::collections::BTreeMap;

use crate::{PartialDate, Prop, PropKind, Schema, country};

/// Topic tags, as OpenSanctions names them.
pub mod topic {
    /// On a sanctions list.
    pub const SANCTION: &str = "sanction";
    /// Owned, controlled by or acting for a sanctioned party.
    pub const SANCTION_LINKED: &str = "sanction.linked";
    /// A politically exposed person.
    pub const PEP: &str = "role.pep";
    /// A relative or close associate of a PEP.
    pub const RCA: &str = "role.rca";
    /// Wanted or convicted for a crime.
    pub const CRIME: &str = "crime";
    /// Barred from contracts or licences.
    pub const DEBARMENT: &str = "debarment";
    /// Subject to export controls.
    pub const EXPORT_CONTROL: &str = "export.control";
}

/// One record of one list that contributed to an entity.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
pub struct SourceRef {
    /// The dataset id (`us_ofac_sdn`).
    pub dataset: String,
    /// The list's own id for the record (`35096`, `RUS0251`, `QDi.001`).
    pub record_id: String,
    /// The snapshot date of the file the record was read from (`2024-05-03`).
    pub snapshot: String,
}

/// A listed entity.
///
/// Property values are strings in a canonical form per [`PropKind`]: dates in
/// EDTF, countries as lower-case ISO codes, everything else trimmed with
/// whitespace collapsed. Values are unique per property and keep the order in
/// which they were added.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Entity {
    /// A stable id: `{dataset}-{record_id}` for a source record, or the id of
    /// the first source record for a merged entity.
    pub id: String,
    /// What kind of thing this is.
    pub schema: Schema,
    /// The display name.
    pub caption: String,
    /// Property values.
    pub properties: BTreeMap<Prop, Vec<String>>,
    /// Topic tags, sorted, see [`topic`].
    pub topics: Vec<String>,
    /// Every list record this entity came from.
    pub sources: Vec<SourceRef>,
}

impl Entity {
    /// An empty entity.
    pub fn new(id: impl Into<String>, schema: Schema) -> Entity {
        Entity {
            id: id.into(),
            schema,
            caption: String::new(),
            properties: BTreeMap::new(),
            topics: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Adds a value after trimming and collapsing whitespace; empty values and
    /// repeats are ignored. Returns whether the value was stored.
    ///
    /// Country and date properties must be added through [`Entity::add_country`]
    /// and [`Entity::add_date`], which canonicalise them; this asserts so.
    pub fn add(&mut self, prop: Prop, value: &str) -> bool {
        debug_assert!(
            !matches!(prop.kind(), PropKind::Country | PropKind::Date)
                || country::is_code(value)
                || PartialDate::parse_edtf(value).is_some(),
            "{prop} needs a canonical value, got {value:?}"
        );
        let clean = clean_value(value);
        if clean.is_empty() {
            return false;
        }
        let values = self.properties.entry(prop).or_default();
        if values.contains(&clean) {
            return false;
        }
        values.push(clean);
        true
    }

    /// Adds a country given as a code or a name (`RU`, `Russia`, `Russian
    /// Federation`). A value naming several countries (`Ukrainian, Russian`,
    /// `(a) German, (b) Moroccan`) adds each. Returns false when the text names
    /// no known country.
    pub fn add_country(&mut self, prop: Prop, text: &str) -> bool {
        if let Some(code) = country::country_code(text) {
            self.add(prop, code);
            return true;
        }
        let codes = country::countries_in_text(text);
        for code in &codes {
            self.add(prop, code);
        }
        !codes.is_empty()
    }

    /// Adds a date in any printed shape [`PartialDate::parse_loose`] reads.
    /// Returns false when no date can be read.
    pub fn add_date(&mut self, prop: Prop, text: &str) -> bool {
        match PartialDate::parse_loose(text) {
            Some(date) => {
                self.add(prop, &date.to_string());
                true
            }
            None => false,
        }
    }

    /// Adds a topic tag.
    pub fn add_topic(&mut self, topic: &str) {
        if let Err(at) = self.topics.binary_search_by(|t| t.as_str().cmp(topic)) {
            self.topics.insert(at, topic.to_owned());
        }
    }

    /// Adds a source record reference, once.
    pub fn add_source(&mut self, source: SourceRef) {
        if !self.sources.contains(&source) {
            self.sources.push(source);
        }
    }

    /// The values of a property.
    pub fn get(&self, prop: Prop) -> &[String] {
        self.properties.get(&prop).map_or(&[], Vec::as_slice)
    }

    /// The first value of a property.
    pub fn first(&self, prop: Prop) -> Option<&str> {
        self.get(prop).first().map(String::as_str)
    }

    /// Every full name with the property that holds it (name, alias, weak alias, previous name).
    pub fn names(&self) -> impl Iterator<Item = (Prop, &str)> {
        Prop::FULL_NAMES.into_iter().flat_map(move |p| self.get(p).iter().map(move |v| (p, v.as_str())))
    }

    /// The parsed dates of a date property.
    pub fn dates(&self, prop: Prop) -> impl Iterator<Item = PartialDate> + '_ {
        self.get(prop).iter().filter_map(|v| PartialDate::parse_edtf(v))
    }

    /// Every country code on the entity, from any country property, sorted and unique.
    pub fn countries(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .properties
            .iter()
            .filter(|(p, _)| p.kind() == PropKind::Country)
            .flat_map(|(_, vs)| vs.iter().map(String::as_str))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The datasets of the entity's sources, sorted and unique.
    pub fn datasets(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.sources.iter().map(|s| s.dataset.as_str()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Sets the caption from the first name when none was set.
    pub fn ensure_caption(&mut self) {
        if self.caption.is_empty() {
            let first = self.names().next().map(|(_, name)| name.to_owned());
            if let Some(name) = first {
                self.caption = name;
            }
        }
    }

    /// Adds every value, topic and source of `other` (the schema becomes the more specific one).
    pub fn merge_from(&mut self, other: &Entity) {
        self.schema = self.schema.most_specific(other.schema);
        for (prop, values) in &other.properties {
            let mine = self.properties.entry(*prop).or_default();
            for v in values {
                if !mine.contains(v) {
                    mine.push(v.clone());
                }
            }
        }
        for t in &other.topics {
            self.add_topic(t);
        }
        for s in &other.sources {
            self.add_source(s.clone());
        }
        self.ensure_caption();
    }

    /// The number of full names (see [`Entity::names`]).
    pub fn name_count(&self) -> usize {
        Prop::FULL_NAMES.iter().map(|p| self.get(*p).len()).sum()
    }
}

/// Trims and collapses internal whitespace (including non-breaking spaces and
/// line breaks) to single spaces, and drops control characters.
pub fn clean_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for word in value.split(|c: char| c.is_whitespace() || c == '\u{feff}') {
        let word: String = word.chars().filter(|c| !c.is_control()).collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_cleans_and_dedups() {
        let mut e = Entity::new("x-1", Schema::Person);
        assert!(e.add(Prop::Name, "  PUTIN,\u{a0}Vladimir \n Vladimirovich "));
        assert!(!e.add(Prop::Name, "PUTIN, Vladimir Vladimirovich"));
        assert!(!e.add(Prop::Alias, "   "));
        assert_eq!(e.get(Prop::Name), ["PUTIN, Vladimir Vladimirovich"]);
        assert!(e.add_country(Prop::Nationality, "Russia"));
        assert!(e.add_date(Prop::BirthDate, "07 Oct 1952"));
        assert_eq!(e.get(Prop::BirthDate), ["1952-10-07"]);
        assert_eq!(e.countries(), ["ru"]);
        e.ensure_caption();
        assert_eq!(e.caption, "PUTIN, Vladimir Vladimirovich");
    }

    #[test]
    fn topics_stay_sorted() {
        let mut e = Entity::new("x-1", Schema::Person);
        e.add_topic("sanction");
        e.add_topic("role.pep");
        e.add_topic("sanction");
        assert_eq!(e.topics, ["role.pep", "sanction"]);
    }
}
