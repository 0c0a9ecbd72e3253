//! Column roles of tabular input: which columns of a CSV file, a JSON-lines
//! file or an Arrow batch hold a row's name, schema, birth date, countries
//! and identifiers, and the [`Query`] a row makes.
//!
//! Headers are compared lower-cased with only letters and digits kept
//! ([`header_key`]), so `Full Name`, `full_name` and `FullName` are all
//! `fullname`. A row's name is its first non-empty full-name value, else its
//! first, middle and last name parts joined; `;` separates several countries
//! or identifiers in one cell. The command line's bulk mode and the Python
//! bindings both read rows this way; each applies its own overrides.
//! [`json_object`] and [`json_cell`] read a JSON-lines row into cells.

use vetter_model::Schema;

use crate::Query;

const FULL_NAME: &[&str] = &["name", "fullname", "caption", "entityname", "legalname", "companyname"];
const FIRST_NAME: &[&str] = &["firstname", "givenname", "forename", "first"];
const MIDDLE_NAME: &[&str] = &["middlename", "secondname", "patronymic", "middle"];
const LAST_NAME: &[&str] = &["lastname", "surname", "familyname", "last"];
const SCHEMA: &[&str] = &["schema", "type", "entitytype"];
const BIRTH_DATE: &[&str] = &["birthdate", "dateofbirth", "dob", "born"];
const COUNTRY: &[&str] = &["country", "countries", "nationality", "nationalities", "citizenship"];
const ID: &[&str] = &[
    "idnumber",
    "passport",
    "passportnumber",
    "passportno",
    "nationalid",
    "registrationnumber",
    "companynumber",
    "imo",
    "imonumber",
    "lei",
    "taxid",
    "taxnumber",
    "inn",
    "ogrn",
    "swift",
    "bic",
    "swiftbic",
    "identifier",
    "identifiers",
];

/// One line of JSON-lines input (line number `line`, without its newline) as
/// an object, or why it is not one (`line 7 is not JSON: …`).
pub fn json_object(line: u64, bytes: &[u8]) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    match std::str::from_utf8(bytes) {
        Err(e) => Err(format!("line {line} is not UTF-8: {e}")),
        Ok(text) => match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(map)) => Ok(map),
            Ok(_) => Err(format!("line {line} is not a JSON object")),
            Err(e) => Err(format!("line {line} is not JSON: {e}")),
        },
    }
}

/// A JSON value as a cell: strings as they are, arrays joined with `;`
/// (several countries or identifiers), null empty, anything else as JSON.
pub fn json_cell(value: Option<&serde_json::Value>) -> String {
    match value {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join(";"),
        Some(v) => v.to_string(),
    }
}

/// A header as the auto-mapping compares it: lower case, letters and digits only
/// (`Date of Birth`, `date_of_birth` and `DateOfBirth` are all `dateofbirth`).
pub fn header_key(header: &str) -> String {
    header.trim_start_matches('\u{feff}').chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The column a user named: the header written exactly so, else the first
/// whose [`header_key`] is the name's.
pub fn find_column(headers: &[String], name: &str) -> Option<usize> {
    headers.iter().position(|h| h == name).or_else(|| {
        let key = header_key(name);
        headers.iter().position(|h| header_key(h) == key)
    })
}

/// What a column is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The name (full-name columns, or name parts joined).
    Name,
    /// The schema (`Person`, `Company`...).
    Schema,
    /// The birth date.
    BirthDate,
    /// Countries or nationalities.
    Country,
    /// Identifiers (passport, registration, IMO...).
    Id,
}

impl Role {
    /// A role as a column override names it (`name`, `schema`/`type`,
    /// `birth_date`/`dob`, `country`/`nationality`, `id`/`identifier`).
    pub fn parse(s: &str) -> Option<Role> {
        Some(match s.trim() {
            "name" => Role::Name,
            "schema" | "type" => Role::Schema,
            "birth_date" | "dob" => Role::BirthDate,
            "country" | "nationality" => Role::Country,
            "id" | "identifier" => Role::Id,
            _ => return None,
        })
    }
}

/// The columns of each role, as indices into the header.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Roles {
    /// Full-name columns; the first with a value is the name.
    pub full_name: Vec<usize>,
    /// Name parts (first, middle, last), joined when no full-name column has a value.
    pub name_parts: Vec<usize>,
    /// Schema columns; the first with a value counts.
    pub schema: Vec<usize>,
    /// Birth-date columns; the first with a value counts.
    pub birth_date: Vec<usize>,
    /// Country columns; every value of every one counts.
    pub country: Vec<usize>,
    /// Identifier columns; every value of every one counts.
    pub id: Vec<usize>,
}

impl Roles {
    /// The roles found from the header names alone.
    pub fn from_headers(headers: &[String]) -> Roles {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let all = |names: &[&str]| -> Vec<usize> {
            names.iter().flat_map(|n| keys.iter().enumerate().filter(move |(_, k)| k == n).map(|(i, _)| i)).collect()
        };
        let first = |names: &[&str]| all(names).into_iter().next();
        Roles {
            full_name: all(FULL_NAME),
            name_parts: [FIRST_NAME, MIDDLE_NAME, LAST_NAME].iter().filter_map(|names| first(names)).collect(),
            schema: all(SCHEMA),
            birth_date: all(BIRTH_DATE),
            country: all(COUNTRY),
            id: all(ID),
        }
    }

    /// The columns of a role; for [`Role::Name`], the name parts (an override
    /// of the name also clears [`Roles::full_name`], which the caller does).
    pub fn columns_mut(&mut self, role: Role) -> &mut Vec<usize> {
        match role {
            Role::Name => &mut self.name_parts,
            Role::Schema => &mut self.schema,
            Role::BirthDate => &mut self.birth_date,
            Role::Country => &mut self.country,
            Role::Id => &mut self.id,
        }
    }

    /// Applies column overrides in order: the first override of a role
    /// replaces what the headers gave it (for the name, the full-name and
    /// name-part columns alike), later ones add a column; `None` gives the
    /// role to no column.
    pub fn apply_overrides(&mut self, overrides: impl IntoIterator<Item = (Role, Option<usize>)>) {
        let mut overridden: Vec<Role> = Vec::new();
        for (role, column) in overrides {
            let first_time = !overridden.contains(&role);
            overridden.push(role);
            if first_time && role == Role::Name {
                self.full_name.clear();
            }
            let slot = self.columns_mut(role);
            if first_time {
                slot.clear();
            }
            slot.extend(column);
        }
    }

    /// True when some column gives a name.
    pub fn has_name(&self) -> bool {
        !self.full_name.is_empty() || !self.name_parts.is_empty()
    }

    /// The query of a row whose cell in column `i` is `cell(i)` (trimmed by
    /// the caller); rows without a schema value take `default_schema`.
    pub fn query<'a>(
        &self,
        cell: impl Fn(usize) -> &'a str,
        default_schema: Option<Schema>,
        datasets: &[String],
    ) -> Result<Query, String> {
        let first = |columns: &[usize]| columns.iter().map(|&i| cell(i)).find(|s| !s.is_empty());
        let name = match first(&self.full_name) {
            Some(name) => name.to_owned(),
            None => self.name_parts.iter().map(|&i| cell(i)).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" "),
        };
        if name.is_empty() {
            return Err("no name".into());
        }
        let schema = match first(&self.schema) {
            Some(s) => Some(s.parse::<Schema>().map_err(|e| e.to_string())?),
            None => default_schema,
        };
        let values = |columns: &[usize]| -> Vec<String> {
            columns
                .iter()
                .flat_map(|&i| cell(i).split(';'))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        Ok(Query {
            name,
            schema,
            birth_date: first(&self.birth_date).map(str::to_owned),
            countries: values(&self.country),
            identifiers: values(&self.id),
            datasets: datasets.to_vec(),
        })
    }
}
