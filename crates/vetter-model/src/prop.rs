//! Entity properties, named as in FollowTheMoney, each with a value kind.

use std::fmt;
use std::str::FromStr;

/// What kind of value a property holds; matching and merging treat kinds differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PropKind {
    /// A full name or one part of a name.
    Name,
    /// A [`PartialDate`](crate::PartialDate) in its EDTF string form.
    Date,
    /// An ISO 3166-1 alpha-2 code in lower case (`ru`), or a territory code such as `xk`.
    Country,
    /// An identifier issued by an authority: passport, registry, IMO, LEI...
    Identifier,
    /// Free text: addresses, positions, notes.
    Text,
}

macro_rules! props {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal : $kind:ident, )*) => {
        /// A property of an entity. The string form is the FollowTheMoney property name.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
            rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
        )]
        #[rkyv(derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash), compare(PartialEq))]
        pub enum Prop {
            $( $(#[$doc])* #[serde(rename = $name)] $variant, )*
        }

        impl Prop {
            /// Every property, in declaration order.
            pub const ALL: &'static [Prop] = &[ $( Prop::$variant, )* ];

            /// The FollowTheMoney name of the property.
            pub fn as_str(self) -> &'static str {
                match self { $( Prop::$variant => $name, )* }
            }

            /// The kind of value the property holds.
            pub fn kind(self) -> PropKind {
                match self { $( Prop::$variant => PropKind::$kind, )* }
            }
        }

        impl FromStr for Prop {
            type Err = UnknownProp;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $( $name => Ok(Prop::$variant), )*
                    _ => Err(UnknownProp(s.to_owned())),
                }
            }
        }
    };
}

props! {
    /// The primary name as the list prints it.
    Name = "name": Name,
    /// A good-quality alias ("a.k.a.").
    Alias = "alias": Name,
    /// A low-quality alias: a nickname, a nom de guerre, too short to match on by itself.
    WeakAlias = "weakAlias": Name,
    /// A former name ("f.k.a.").
    PreviousName = "previousName": Name,
    /// Given name(s).
    FirstName = "firstName": Name,
    /// Middle name(s).
    MiddleName = "middleName": Name,
    /// Surname(s).
    LastName = "lastName": Name,
    /// Patronymic or father's name.
    FatherName = "fatherName": Name,
    /// Mother's name.
    MotherName = "motherName": Name,
    /// Honorific or title ("Dr", "Sheikh").
    Title = "title": Text,
    /// Date of birth.
    BirthDate = "birthDate": Date,
    /// Date of death.
    DeathDate = "deathDate": Date,
    /// Place of birth as printed.
    BirthPlace = "birthPlace": Text,
    /// Country of birth.
    BirthCountry = "birthCountry": Country,
    /// Nationality.
    Nationality = "nationality": Country,
    /// Citizenship.
    Citizenship = "citizenship": Country,
    /// A country the entity is linked to where no more specific property fits.
    Country = "country": Country,
    /// Where a legal entity is registered.
    Jurisdiction = "jurisdiction": Country,
    /// A vessel's flag state.
    Flag = "flag": Country,
    /// `male`, `female` or `other`.
    Gender = "gender": Text,
    /// A position held ("President of the Russian Federation").
    Position = "position": Text,
    /// A position with its term, as `Position (start–end)`; an open term ends with `–`.
    Occupancy = "occupancy": Text,
    /// A postal address as one line.
    Address = "address": Text,
    /// Passport number.
    PassportNumber = "passportNumber": Identifier,
    /// National identity number or other personal id.
    IdNumber = "idNumber": Identifier,
    /// Tax number.
    TaxNumber = "taxNumber": Identifier,
    /// Company registration number.
    RegistrationNumber = "registrationNumber": Identifier,
    /// Russian taxpayer number (ИНН).
    InnCode = "innCode": Identifier,
    /// Russian state registration number (ОГРН).
    OgrnCode = "ogrnCode": Identifier,
    /// Russian tax registration reason code (КПП).
    KppCode = "kppCode": Identifier,
    /// Russian statistical code (ОКПО).
    OkpoCode = "okpoCode": Identifier,
    /// Legal Entity Identifier (ISO 17442).
    LeiCode = "leiCode": Identifier,
    /// SWIFT/BIC code.
    SwiftBic = "swiftBic": Identifier,
    /// IMO ship or company number.
    ImoNumber = "imoNumber": Identifier,
    /// Maritime Mobile Service Identity.
    Mmsi = "mmsi": Identifier,
    /// Radio call sign.
    CallSign = "callSign": Identifier,
    /// Aircraft serial or tail number.
    SerialNumber = "serialNumber": Identifier,
    /// Wikidata item id (`Q7747`).
    WikidataId = "wikidataId": Identifier,
    /// A statement by the source that this record is the same as a record of
    /// another dataset, as `dataset:record_id` (trade.gov's CSL repeats OFAC ent_nums).
    SameAs = "sameAs": Identifier,
    /// A cryptocurrency address.
    CryptoWallet = "cryptoWallet": Identifier,
    /// Type of vessel or aircraft.
    VesselType = "type": Text,
    /// Gross registered tonnage.
    Tonnage = "tonnage": Text,
    /// Owner or operator as printed by the list.
    Owner = "owner": Text,
    /// Date of incorporation.
    IncorporationDate = "incorporationDate": Date,
    /// Legal form as printed ("Governmental Agency", "OOO").
    LegalForm = "legalForm": Text,
    /// Business sector.
    Sector = "sector": Text,
    /// Sanctions program code (`RUSSIA-EO14024`, `EU-UKR`).
    Program = "program": Text,
    /// Sanctioning authority or sub-list name.
    Authority = "authority": Text,
    /// Date the entity was listed.
    ListingDate = "listingDate": Date,
    /// Date the listing ends.
    EndDate = "endDate": Date,
    /// The source's reason for the listing.
    Reason = "reason": Text,
    /// Free-text remarks.
    Notes = "notes": Text,
    /// Email address.
    Email = "email": Text,
    /// Phone number.
    Phone = "phone": Text,
    /// Website.
    Website = "website": Text,
    /// A URL at the source describing the record.
    SourceUrl = "sourceUrl": Text,
    /// The name of another listed party this record is linked to ("Linked To:").
    LinkedTo = "linkedTo": Text,
}

impl Prop {
    /// The name properties that identify an entity by themselves (not name parts).
    pub const FULL_NAMES: [Prop; 4] = [Prop::Name, Prop::Alias, Prop::WeakAlias, Prop::PreviousName];

    /// Whether two records sharing a value of this property are strong evidence
    /// that they denote the same entity.
    pub fn is_strong_identifier(self) -> bool {
        matches!(
            self,
            Prop::PassportNumber
                | Prop::IdNumber
                | Prop::TaxNumber
                | Prop::RegistrationNumber
                | Prop::InnCode
                | Prop::OgrnCode
                | Prop::LeiCode
                | Prop::SwiftBic
                | Prop::ImoNumber
                | Prop::Mmsi
                | Prop::WikidataId
        )
    }
}

impl fmt::Display for Prop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a property name that vetter does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownProp(pub String);

impl fmt::Display for UnknownProp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown property `{}`", self.0)
    }
}

impl std::error::Error for UnknownProp {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &p in Prop::ALL {
            assert_eq!(p.as_str().parse::<Prop>(), Ok(p));
        }
        assert_eq!(Prop::ImoNumber.kind(), PropKind::Identifier);
        assert_eq!(Prop::WeakAlias.kind(), PropKind::Name);
    }
}
