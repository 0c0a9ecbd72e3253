//! The vetter entity model: plain data, no IO.
//!
//! Every list vetter reads, whatever its format, becomes [`Entity`] values of
//! one FollowTheMoney-like model:
//!
//! - a [`Schema`] (Person, Organization, Company, LegalEntity, Vessel, Aircraft, Asset);
//! - [`Prop`] values, canonical per [`PropKind`]: names as printed, dates as
//!   [`PartialDate`] in EDTF form (`1952`, `1952-10-07`, `1950/1955`, `1958~`),
//!   countries as lower-case ISO codes (see [`country`]);
//! - topic tags ([`topic`]): `sanction`, `role.pep`, `crime`...;
//! - [`SourceRef`]s: the dataset, the list's own record id and the snapshot
//!   date of every record an entity was built from.
//!
//! ```
//! use vetter_model::{Entity, Prop, Schema};
//! let mut e = Entity::new("us_ofac_sdn-35096", Schema::Person);
//! e.add(Prop::Name, "PUTIN, Vladimir Vladimirovich");
//! e.add_date(Prop::BirthDate, "07 Oct 1952");
//! e.add_country(Prop::Nationality, "Russia");
//! assert_eq!(e.first(Prop::BirthDate), Some("1952-10-07"));
//! assert_eq!(e.countries(), ["ru"]);
//! ```

pub mod country;
mod date;
mod entity;
mod prop;
mod schema;

pub use date::{PartialDate, Ymd};
pub use entity::{Entity, SourceRef, clean_value, topic};
pub use prop::{ArchivedProp, Prop, PropKind, UnknownProp};
pub use schema::{ArchivedSchema, Schema, UnknownSchema};
