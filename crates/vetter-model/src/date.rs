//! Partial dates as lists print them: a year, a month, a day, a range, or "circa".
//!
//! Lists rarely give a full date: OFAC prints `DOB 1961`, `DOB circa 1958`,
//! `DOB 1955 to 1958`; the UN XML has `TYPE_OF_DATE` `APPROXIMATELY` and
//! `BETWEEN`; the EU prints `7.10.1952` and `Approximately 1952`. vetter keeps
//! every such value as a [`PartialDate`] and stores it in its EDTF (ISO 8601-2
//! level 1) form: `1952`, `1952-10`, `1952-10-07`, `1950/1955` for a range and a
//! trailing `~` for an approximate date (`1958~`).

use std::fmt;

/// A calendar date known to year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl Ymd {
    /// A validated date; `None` when the month or day is out of range for the
    /// year, a day is given without a month, or the year is outside 1000..=2999.
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Option<Ymd> {
        if !(1000..=2999).contains(&year) {
            return None;
        }
        match (month, day) {
            (None, Some(_)) => return None,
            (Some(m), _) if !(1..=12).contains(&m) => return None,
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => return None,
            _ => {}
        }
        Some(Ymd { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12, when known.
    pub fn month(self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when known.
    pub fn day(self) -> Option<u8> {
        self.day
    }

    /// True when the day is known.
    pub fn is_full(self) -> bool {
        self.day.is_some()
    }

    fn parse_iso(s: &str) -> Option<Ymd> {
        let mut parts = s.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = parts.next().map(|m| parse_digits(m, 2)).map_or(Some(None), |m| m.map(Some))?;
        let day = parts.next().map(|d| parse_digits(d, 2)).map_or(Some(None), |d| d.map(Some))?;
        if parts.next().is_some() {
            return None;
        }
        Ymd::new(year, month.map(|m| m as u8), day.map(|d| d as u8))
    }
}

fn parse_digits(s: &str, len: usize) -> Option<u16> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        _ => 28,
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// A date, a range of dates, or an approximate date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    start: Ymd,
    end: Option<Ymd>,
    circa: bool,
}

impl PartialDate {
    /// A single date.
    pub fn exact(date: Ymd) -> PartialDate {
        PartialDate { start: date, end: None, circa: false }
    }

    /// An approximate date ("circa 1958").
    pub fn circa(date: Ymd) -> PartialDate {
        PartialDate { start: date, end: None, circa: true }
    }

    /// A range; `None` when `end` is before `start`. A range whose ends are equal is a single date.
    pub fn range(start: Ymd, end: Ymd) -> Option<PartialDate> {
        if end < start {
            return None;
        }
        if end == start {
            return Some(PartialDate::exact(start));
        }
        Some(PartialDate { start, end: Some(end), circa: false })
    }

    /// The first (or only) date.
    pub fn start(self) -> Ymd {
        self.start
    }

    /// The last date of a range.
    pub fn end(self) -> Option<Ymd> {
        self.end
    }

    /// True for an approximate date.
    pub fn is_circa(self) -> bool {
        self.circa
    }

    /// True for a single, exact date known to the day.
    pub fn is_full(self) -> bool {
        self.end.is_none() && !self.circa && self.start.is_full()
    }

    /// Parses the EDTF form written by [`Display`](fmt::Display): `1952`,
    /// `1952-10`, `1952-10-07`, `1950/1955`, `1958~`.
    pub fn parse_edtf(s: &str) -> Option<PartialDate> {
        if let Some(body) = s.strip_suffix('~') {
            return Some(PartialDate::circa(Ymd::parse_iso(body)?));
        }
        if let Some((a, b)) = s.split_once('/') {
            return PartialDate::range(Ymd::parse_iso(a)?, Ymd::parse_iso(b)?);
        }
        Some(PartialDate::exact(Ymd::parse_iso(s)?))
    }

    /// Parses a date as lists print it; `None` when no date can be read.
    ///
    /// Understands ISO dates, `7.10.1952`, `07/10/1952` (day first),
    /// `07 Oct 1952`, `26 Feb. 2011`, `2 December 1985`, `Oct 1952`,
    /// `October 1952`, and the qualifiers `circa`, `approximately`, `approx.`,
    /// `c.`, `about`, `between X and Y`, `X to Y`, `X - Y`.
    pub fn parse_loose(text: &str) -> Option<PartialDate> {
        let lower = text.trim().trim_end_matches('.').to_lowercase();
        let mut s = lower.trim();
        if s.is_empty() {
            return None;
        }
        if let Some(d) = PartialDate::parse_edtf(s) {
            return Some(d);
        }
        let mut circa = false;
        for prefix in ["circa", "approximately", "approx.", "approx", "about", "ca.", "c.", "around"] {
            if let Some(rest) = s.strip_prefix(prefix) {
                circa = true;
                s = rest.trim();
                break;
            }
        }
        if let Some(rest) = s.strip_prefix("between") {
            s = rest.trim();
        }
        for sep in [" and ", " to ", " - ", " – ", "-", "/"] {
            if let Some((a, b)) = s.split_once(sep)
                && let (Some(a), Some(b)) = (parse_one(a), parse_one(b))
            {
                return PartialDate::range(a, b);
            }
        }
        let date = parse_one(s)?;
        Some(if circa { PartialDate::circa(date) } else { PartialDate::exact(date) })
    }
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    let prefix = word.get(..3)?;
    let index = MONTHS.iter().position(|m| *m == prefix)?;
    // Only accept the abbreviation, the full English name, or "sept".
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() == 3 || FULL[index] == word || word == "sept" { Some(index as u8 + 1) } else { None }
}

/// One date without qualifiers, in any of the printed shapes.
fn parse_one(s: &str) -> Option<Ymd> {
    let s = s.trim().trim_end_matches(['.', ',']);
    if let Some(d) = Ymd::parse_iso(s) {
        return Some(d);
    }
    // 7.10.1952 or 07/10/1952 (day first, as every list in scope prints it).
    for sep in ['.', '/'] {
        let parts: Vec<&str> = s.split(sep).map(str::trim).collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            let day: u8 = parts[0].parse().ok()?;
            let month: u8 = parts[1].parse().ok()?;
            let year = parse_digits(parts[2], 4)?;
            return Ymd::new(year, Some(month), Some(day));
        }
        if parts.len() == 2 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            let month: u8 = parts[0].parse().ok()?;
            let year = parse_digits(parts[1], 4)?;
            return Ymd::new(year, Some(month), None);
        }
    }
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [day, month, year] => {
            let day: u8 = day.trim_end_matches('.').parse().ok()?;
            Ymd::new(parse_digits(year, 4)?, Some(month_number(month)?), Some(day))
        }
        [month, year] => Ymd::new(parse_digits(year, 4)?, Some(month_number(month)?), None),
        [year] => Ymd::new(parse_digits(year, 4)?, None, None),
        _ => None,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.start)?;
        if let Some(end) = self.end {
            write!(f, "/{end}")?;
        }
        if self.circa {
            f.write_str("~")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! 1. Every printed shape in the lists parses to the expected EDTF string.
    //! 2. Invalid calendar dates are refused.
    //! 3. EDTF output parses back to the same value (property test).
    //! 4. `parse_loose` never panics (property test).
    use super::*;
    use proptest::prelude::*;

    fn check(input: &str, expect: Option<&str>) {
        let got = PartialDate::parse_loose(input).map(|d| d.to_string());
        assert_eq!(got.as_deref(), expect, "input {input:?}");
    }

    #[test]
    fn iso_full() {
        check("1952-10-07", Some("1952-10-07"));
    }
    #[test]
    fn iso_year() {
        check("1961", Some("1961"));
    }
    #[test]
    fn iso_month() {
        check("1961-03", Some("1961-03"));
    }
    #[test]
    fn dotted() {
        check("7.10.1952", Some("1952-10-07"));
    }
    #[test]
    fn slashed() {
        check("07/10/1952", Some("1952-10-07"));
    }
    #[test]
    fn ofac_style() {
        check("07 Oct 1952", Some("1952-10-07"));
    }
    #[test]
    fn un_abbrev() {
        check("26 Feb. 2011", Some("2011-02-26"));
    }
    #[test]
    fn worded() {
        check("2 December 1985", Some("1985-12-02"));
    }
    #[test]
    fn month_year() {
        check("Oct 1952", Some("1952-10"));
    }
    #[test]
    fn circa() {
        check("circa 1958", Some("1958~"));
    }
    #[test]
    fn approximately() {
        check("Approximately 1952", Some("1952~"));
    }
    #[test]
    fn ofac_range() {
        check("1955 to 1958", Some("1955/1958"));
    }
    #[test]
    fn between() {
        check("between 1955 and 1958", Some("1955/1958"));
    }
    #[test]
    fn dash_range() {
        check("1955 - 1958", Some("1955/1958"));
    }
    #[test]
    fn edtf_range() {
        check("1950/1955", Some("1950/1955"));
    }
    #[test]
    fn reversed_range() {
        check("1958 to 1955", None);
    }
    #[test]
    fn feb_29() {
        check("29.2.2000", Some("2000-02-29"));
    }
    #[test]
    fn not_leap() {
        check("29.2.1900", None);
    }
    #[test]
    fn bad_month() {
        check("1952-13-01", None);
    }
    #[test]
    fn bad_day() {
        check("31 Apr 1960", None);
    }
    #[test]
    fn junk() {
        check("unknown", None);
    }
    #[test]
    fn empty() {
        check("  ", None);
    }
    #[test]
    fn not_a_month() {
        check("12 Octopus 1952", None);
    }

    #[test]
    fn full_precision() {
        assert!(PartialDate::parse_edtf("1952-10-07").unwrap().is_full());
        assert!(!PartialDate::parse_edtf("1952-10").unwrap().is_full());
        assert!(!PartialDate::parse_edtf("1952-10-07~").unwrap().is_full());
    }

    fn ymd() -> impl Strategy<Value = Ymd> {
        (1000u16..3000, proptest::option::of(1u8..=12), 1u8..=31, any::<bool>())
            .prop_filter_map("valid calendar date", |(y, m, d, with_day)| {
                Ymd::new(y, m, if with_day && m.is_some() { Some(d) } else { None })
            })
    }

    proptest! {
        #[test]
        fn edtf_round_trips(a in ymd(), b in ymd(), kind in 0u8..3) {
            let date = match kind {
                0 => PartialDate::exact(a),
                1 => PartialDate::circa(a),
                _ => match PartialDate::range(a.min(b), a.max(b)) { Some(d) => d, None => return Ok(()) },
            };
            let text = date.to_string();
            prop_assert_eq!(PartialDate::parse_edtf(&text), Some(date));
            prop_assert_eq!(PartialDate::parse_loose(&text), Some(date));
        }

        #[test]
        fn loose_never_panics(s in "\\PC{0,40}") {
            let _ = PartialDate::parse_loose(&s);
        }

        #[test]
        fn loose_output_is_valid(s in "[0-9 ./a-z-]{0,24}") {
            if let Some(d) = PartialDate::parse_loose(&s) {
                prop_assert_eq!(PartialDate::parse_edtf(&d.to_string()), Some(d));
            }
        }
    }
}
