//! Entity schemas: what kind of thing a listed entity is.

use std::fmt;
use std::str::FromStr;

/// The kind of a listed entity, named as in FollowTheMoney.
///
/// `LegalEntity` is the most general party; `Organization` and `Company`
/// refine it. `Asset` covers directly restricted things that are neither
/// parties nor vessels (EU lists facilities and zones this way).
#[derive(
    Debug,
    Clone,
    Copy,
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
#[rkyv(derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash), compare(PartialEq))]
pub enum Schema {
    /// A natural person.
    Person,
    /// A party whose kind the list does not state.
    LegalEntity,
    /// An organisation that is not a company: a party, an agency, a group.
    Organization,
    /// A commercial company.
    Company,
    /// A ship.
    Vessel,
    /// An aircraft (FollowTheMoney calls it `Airplane`).
    Aircraft,
    /// A restricted thing that is not a party: a facility, a zone, a crypto-asset.
    Asset,
}

impl Schema {
    /// Every schema, in declaration order.
    pub const ALL: [Schema; 7] = [
        Schema::Person,
        Schema::LegalEntity,
        Schema::Organization,
        Schema::Company,
        Schema::Vessel,
        Schema::Aircraft,
        Schema::Asset,
    ];

    /// The FollowTheMoney name of the schema.
    pub fn as_str(self) -> &'static str {
        match self {
            Schema::Person => "Person",
            Schema::LegalEntity => "LegalEntity",
            Schema::Organization => "Organization",
            Schema::Company => "Company",
            Schema::Vessel => "Vessel",
            Schema::Aircraft => "Aircraft",
            Schema::Asset => "Asset",
        }
    }

    /// True for the schemas that are legal parties other than persons.
    pub fn is_organization(self) -> bool {
        matches!(self, Schema::LegalEntity | Schema::Organization | Schema::Company)
    }

    /// Whether a record of schema `self` and one of `other` can denote the same thing.
    ///
    /// Persons only match persons, vessels only vessels, and so on; the
    /// organisation schemas match each other because lists disagree on them.
    pub fn is_compatible(self, other: Schema) -> bool {
        self == other
            || (self.is_organization() && other.is_organization())
            || (self == Schema::LegalEntity && other == Schema::Person)
            || (self == Schema::Person && other == Schema::LegalEntity)
    }

    /// The more specific of two compatible schemas (`Company` over `Organization`
    /// over `LegalEntity`; `Person` over `LegalEntity`).
    pub fn most_specific(self, other: Schema) -> Schema {
        fn rank(s: Schema) -> u8 {
            match s {
                Schema::LegalEntity => 0,
                Schema::Organization => 1,
                _ => 2,
            }
        }
        if rank(other) > rank(self) { other } else { self }
    }
}

impl fmt::Display for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a schema name that vetter does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSchema(pub String);

impl fmt::Display for UnknownSchema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown schema `{}`", self.0)
    }
}

impl std::error::Error for UnknownSchema {}

impl FromStr for Schema {
    type Err = UnknownSchema;

    /// Parses FollowTheMoney names and the words lists use (`individual`,
    /// `entity`, `vessel`, `aircraft`, `Airplane`), ignoring case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Ok(match lower.as_str() {
            "person" | "individual" => Schema::Person,
            "legalentity" | "legal entity" | "entity" => Schema::LegalEntity,
            "organization" | "organisation" => Schema::Organization,
            "company" => Schema::Company,
            "vessel" | "ship" => Schema::Vessel,
            "aircraft" | "airplane" => Schema::Aircraft,
            "asset" => Schema::Asset,
            _ => return Err(UnknownSchema(s.to_owned())),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_list_words() {
        assert_eq!("individual".parse::<Schema>(), Ok(Schema::Person));
        assert_eq!("Airplane".parse::<Schema>(), Ok(Schema::Aircraft));
        assert_eq!(" vessel ".parse::<Schema>(), Ok(Schema::Vessel));
        assert!("Sanction".parse::<Schema>().is_err());
        for s in Schema::ALL {
            assert_eq!(s.as_str().parse::<Schema>(), Ok(s));
        }
    }

    #[test]
    fn compatibility() {
        assert!(Schema::Company.is_compatible(Schema::LegalEntity));
        assert!(!Schema::Person.is_compatible(Schema::Vessel));
        assert!(!Schema::Person.is_compatible(Schema::Company));
        assert_eq!(Schema::LegalEntity.most_specific(Schema::Company), Schema::Company);
        assert_eq!(Schema::Person.most_specific(Schema::LegalEntity), Schema::Person);
    }
}
