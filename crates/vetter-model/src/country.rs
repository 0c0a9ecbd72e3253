//! Country names and codes: the lists print `Russia`, `Russian Federation`,
//! `RU` and `Iran (Islamic Republic of)`; vetter stores lower-case ISO 3166-1 alpha-2 codes.

/// Lower-case code and English short name, sorted by code.
static COUNTRIES: &[(&str, &str)] = &[("ru", "Russia"), ("us", "United States")];

/// Variant names and demonyms, lower case, with their code.
static ALIASES: &[(&str, &str)] = &[("russian federation", "ru")];

/// True when `value` is a known lower-case code.
pub fn is_code(value: &str) -> bool {
    COUNTRIES.iter().any(|(c, _)| *c == value)
}

/// The code for a country name or code, ignoring case and surrounding punctuation.
pub fn country_code(text: &str) -> Option<&'static str> {
    let key = text.trim().trim_matches(|c: char| c.is_ascii_punctuation()).to_lowercase();
    COUNTRIES
        .iter()
        .find(|(c, n)| *c == key || n.to_lowercase() == key)
        .map(|(c, _)| *c)
        .or_else(|| ALIASES.iter().find(|(a, _)| *a == key).map(|(_, c)| *c))
}

/// The English name of a code.
pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}
