//! Helpers shared by the CSV and JSON-lines parsers: reading bytes, UTF-8
//! checks, CSV with header, quote and field-count checks, `;`-separated cells,
//! and keeping values that cannot be mapped as labelled notes.

use std::borrow::Cow;
use std::path::Path;

use vetter_model::{Entity, PartialDate, Prop};

use crate::{Location, Parsed, Severity, SourceError};

/// Reads a whole file.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, SourceError> {
    fs_err::read(path).map_err(|e| SourceError::io(path, e))
}

/// At most this many lines with undecodable bytes are reported one by one.
const MAX_BAD_LINES: usize = 10;

/// Decodes a file that must be UTF-8, without a BOM.
///
/// Every line holding bytes that are not UTF-8 is an error naming the line
/// (the first [`MAX_BAD_LINES`], then a count); such lines are read as
/// Windows-1252 so the rest of the file can still be checked.
pub(crate) fn decode_utf8<'a>(parsed: &mut Parsed, path: &Path, bytes: &'a [u8]) -> Cow<'a, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(bytes.len() + 64);
    let mut bad = 0usize;
    for (i, line) in bytes.split_inclusive(|b| *b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(s) => out.push_str(s),
            Err(err) => {
                bad += 1;
                if bad <= MAX_BAD_LINES {
                    let message = format!(
                        "bytes that are not UTF-8 at column {} (byte {:#04x})",
                        err.valid_up_to() + 1,
                        line[err.valid_up_to()]
                    );
                    parsed.issue(Severity::Error, path, Location::Line(i as u64 + 1), message);
                }
                out.push_str(&crate::decode::decode_field(line));
            }
        }
    }
    if bad > MAX_BAD_LINES {
        parsed.issue(
            Severity::Error,
            path,
            Location::File,
            format!("{bad} lines in all hold bytes that are not UTF-8"),
        );
    }
    Cow::Owned(out)
}

/// One well-formed data row of a CSV file.
#[derive(Debug)]
pub(crate) struct Row {
    /// The 1-based line the row starts on.
    pub line: u64,
    /// The cells, in the order of the `columns` given to [`read_csv`]; a
    /// column the file does not have reads as empty.
    pub cells: Vec<String>,
}

impl Row {
    /// The cell of column `index` of the requested columns.
    pub(crate) fn get(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", String::as_str)
    }
}

/// A problem with CSV quoting found by [`quote_problem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuoteProblem {
    /// A quoted field opened on this line is never closed.
    Unclosed(u64),
    /// A closing quote on this line is followed by text instead of a delimiter.
    TextAfterQuote(u64),
}

/// Checks the quoting of comma-separated text: the csv crate reads an
/// unclosed quote as a field that runs to the end of the file, and text
/// after a closing quote as part of the field, silently.
pub(crate) fn quote_problem(text: &str) -> Option<QuoteProblem> {
    let b = text.as_bytes();
    let mut line = 1u64;
    let mut i = 0usize;
    let mut field_start = true;
    while i < b.len() {
        let c = b[i];
        if field_start && c == b'"' {
            let open = line;
            i += 1;
            loop {
                match b.get(i) {
                    None => return Some(QuoteProblem::Unclosed(open)),
                    Some(b'"') if b.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(b'\n') => {
                        line += 1;
                        i += 1;
                    }
                    Some(_) => i += 1,
                }
            }
            match b.get(i) {
                None | Some(b',' | b'\n' | b'\r') => {}
                Some(_) => return Some(QuoteProblem::TextAfterQuote(line)),
            }
            field_start = false;
            continue;
        }
        match c {
            b',' => field_start = true,
            b'\n' => {
                line += 1;
                field_start = true;
            }
            _ => field_start = false,
        }
        i += 1;
    }
    None
}

/// Reads a CSV file with a header row.
///
/// `columns` are the columns the caller knows, `required` those that must
/// be present. A missing required column or a repeated column is an error
/// and the file is not read (`None`); unknown extra columns give one
/// warning. Every data row counts in `parsed.seen`; a row whose field
/// count differs from the header's is an error and counts in
/// `parsed.skipped`. A broken quote is an error at its line, and rows from
/// there on are not read.
pub(crate) fn read_csv(
    parsed: &mut Parsed,
    path: &Path,
    text: &str,
    columns: &[&str],
    required: &[&str],
) -> Option<Vec<Row>> {
    let mut stop_line = u64::MAX;
    match quote_problem(text) {
        Some(QuoteProblem::Unclosed(line)) => {
            parsed.issue(
                Severity::Error,
                path,
                Location::Line(line),
                "broken quote: the quoted field that starts on this line is never closed",
            );
            stop_line = line;
        }
        Some(QuoteProblem::TextAfterQuote(line)) => {
            parsed.issue(
                Severity::Error,
                path,
                Location::Line(line),
                "broken quote: text after the closing quote of a field",
            );
        }
        None => {}
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        None => {
            parsed.issue(Severity::Error, path, Location::File, "empty file: no header row");
            return None;
        }
        Some(Err(err)) => {
            parsed.issue(Severity::Error, path, Location::Line(1), format!("unreadable header row: {err}"));
            return None;
        }
        Some(Ok(header)) => header,
    };
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    if let Some(dup) = names.iter().enumerate().find(|(i, n)| names[..*i].contains(n)).map(|(_, n)| n) {
        parsed.issue(Severity::Error, path, Location::Line(1), format!("wrong header: column `{dup}` appears twice"));
        return None;
    }
    let missing: Vec<&str> = required.iter().copied().filter(|c| !names.contains(c)).collect();
    if !missing.is_empty() {
        let message = format!(
            "wrong header: missing column{} `{}` (the header is `{}`)",
            if missing.len() > 1 { "s" } else { "" },
            missing.join("`, `"),
            names.join(",")
        );
        parsed.issue(Severity::Error, path, Location::Line(1), message);
        return None;
    }
    let extra: Vec<&str> = names.iter().copied().filter(|n| !columns.contains(n)).collect();
    if !extra.is_empty() {
        let message =
            format!("unknown extra column{} ignored: `{}`", if extra.len() > 1 { "s" } else { "" }, extra.join("`, `"));
        parsed.issue(Severity::Warning, path, Location::Line(1), message);
    }
    let index: Vec<Option<usize>> = columns.iter().map(|c| names.iter().position(|n| n == c)).collect();
    let mut lines = LineCounter::default();
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map_or(0, |p| lines.line_at(text, p.byte()));
                if line >= stop_line {
                    break;
                }
                parsed.seen += 1;
                parsed.skipped += 1;
                parsed.issue(Severity::Error, path, Location::Line(line), format!("unreadable CSV record: {err}"));
                if matches!(err.kind(), csv::ErrorKind::Utf8 { .. }) {
                    continue;
                }
                break;
            }
        };
        let line = record.position().map_or(0, |p| lines.line_at(text, p.byte()));
        if line >= stop_line {
            break;
        }
        parsed.seen += 1;
        if record.len() != names.len() {
            let message = format!("expected {} fields as in the header, found {}", names.len(), record.len());
            parsed.issue(Severity::Error, path, Location::Line(line), message);
            parsed.skipped += 1;
            continue;
        }
        let cells = index.iter().map(|i| i.and_then(|i| record.get(i)).unwrap_or("").to_owned()).collect();
        rows.push(Row { line, cells });
    }
    Some(rows)
}

/// Line numbers from byte offsets. The csv crate's own line count is off by
/// one after a record whose last field is unquoted (it stops before the
/// line break), so lines are counted here; a record offset that points at
/// the break ending the previous record is moved past it.
#[derive(Debug)]
struct LineCounter {
    byte: usize,
    line: u64,
}

impl Default for LineCounter {
    fn default() -> Self {
        LineCounter { byte: 0, line: 1 }
    }
}

impl LineCounter {
    /// The 1-based line of the record starting at `byte`; offsets must not decrease.
    fn line_at(&mut self, text: &str, byte: u64) -> u64 {
        let bytes = text.as_bytes();
        let mut target = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        while target < bytes.len() && matches!(bytes[target], b'\r' | b'\n') {
            target += 1;
        }
        if target >= self.byte {
            self.line += bytes[self.byte..target].iter().filter(|b| **b == b'\n').count() as u64;
            self.byte = target;
        }
        self.line
    }
}

/// Splits a multi-valued cell: values are separated by `;`, and a value
/// holding `;` or `"` is CSV-quoted with doubled inner quotes
/// (`"Foo; Bar"; Baz` holds two values). Values are trimmed; empty ones are
/// dropped. An unclosed quote takes the rest of the cell as its value.
pub(crate) fn split_multi(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = cell;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let (value, next) = match rest.strip_prefix('"') {
            Some(quoted) => {
                let mut value = String::new();
                let mut end = quoted.len();
                let mut chars = quoted.char_indices().peekable();
                while let Some((i, c)) = chars.next() {
                    if c == '"' {
                        if chars.peek().is_some_and(|(_, c)| *c == '"') {
                            chars.next();
                            value.push('"');
                        } else {
                            end = i + 1;
                            break;
                        }
                    } else {
                        value.push(c);
                    }
                }
                // Text between the closing quote and the next `;` belongs to the value.
                let after = quoted.get(end..).unwrap_or("");
                match after.find(';') {
                    Some(at) => {
                        value.push_str(&after[..at]);
                        (value, Some(&after[at + 1..]))
                    }
                    None => {
                        value.push_str(after);
                        (value, None)
                    }
                }
            }
            None => match rest.find(';') {
                Some(at) => (rest[..at].to_owned(), Some(&rest[at + 1..])),
                None => (rest.to_owned(), None),
            },
        };
        let value = value.trim();
        if !value.is_empty() {
            out.push(value.to_owned());
        }
        match next {
            Some(next) => rest = next,
            None => break,
        }
    }
    out
}

/// True for a Wikidata item id (`Q7747`).
pub(crate) fn is_qid(value: &str) -> bool {
    value.len() > 1
        && value.starts_with('Q')
        && value[1..].bytes().all(|b| b.is_ascii_digit())
        && !value[1..].starts_with('0')
}

/// Keeps a value that could not be mapped as a `label: value` note, with a warning.
pub(crate) fn keep_as_note(
    e: &mut Entity,
    parsed: &mut Parsed,
    path: &Path,
    loc: &Location,
    label: &str,
    value: &str,
    why: &str,
) {
    if e.add(Prop::Notes, &format!("{label}: {value}")) {
        parsed.issue(Severity::Warning, path, loc.clone(), format!("{why} `{value}` in `{label}`, kept as a note"));
    }
}

/// Adds a date, or keeps the text as a note with a warning when no date can be read.
pub(crate) fn add_date_or_note(
    e: &mut Entity,
    parsed: &mut Parsed,
    path: &Path,
    loc: &Location,
    prop: Prop,
    label: &str,
    text: &str,
) {
    if text.trim().is_empty() {
        return;
    }
    if !e.add_date(prop, text) {
        keep_as_note(e, parsed, path, loc, label, text, "unreadable date");
    }
}

/// Adds the countries named by `text`: a code, a name, or several names
/// (`Russian and Belarusian`, `a) Syrian b) Palestinian`). When any part
/// names no known country, the whole text is also kept as a note, with a
/// warning.
pub(crate) fn add_countries(
    e: &mut Entity,
    parsed: &mut Parsed,
    path: &Path,
    loc: &Location,
    prop: Prop,
    label: &str,
    text: &str,
) {
    let text = text.trim();
    if text.is_empty() || e.add_country(prop, text) {
        return;
    }
    let parts = country_parts(text);
    let mut all = !parts.is_empty();
    for part in &parts {
        all &= e.add_country(prop, part);
    }
    if !all {
        keep_as_note(e, parsed, path, loc, label, text, "unknown country");
    }
}

/// The parts of a text naming several countries: enumerations (`a)`,
/// `(ii)`), `and`, `or`, commas, slashes and semicolons separate them.
pub(crate) fn country_parts(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, parts: &mut Vec<String>| {
        let joined = current.join(" ");
        for piece in joined.split([',', '/', ';']) {
            let piece = piece.trim().trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'');
            if !piece.is_empty() {
                parts.push(piece.to_owned());
            }
        }
        current.clear();
    };
    for word in text.split_whitespace() {
        if is_enumerator(word) || word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("or") {
            flush(&mut current, &mut parts);
        } else {
            current.push(word);
        }
    }
    flush(&mut current, &mut parts);
    parts
}

/// True for list markers such as `a)`, `(b)`, `ii)`, `(iv)`.
pub(crate) fn is_enumerator(word: &str) -> bool {
    let Some(inner) = word.strip_suffix(')') else { return false };
    let inner = inner.strip_prefix('(').unwrap_or(inner);
    (1..=4).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_lowercase())
}

/// A date that is plausible as a birth, incorporation or listing date (years 1800 to 2100).
pub(crate) fn plausible(date: PartialDate) -> bool {
    (1800..=2100).contains(&date.start().year()) && date.end().is_none_or(|end| end.year() <= 2100)
}

#[cfg(test)]
mod tests {
    //! 1. `split_multi` on text after a closing quote (the other cell shapes are
    //!    tested in `os_targets_csv`).
    //! 2. `split_multi` never panics, and splits values joined the way the
    //!    exports join them back to the same values (property tests).
    use super::*;
    use proptest::prelude::*;

    /// Joins values as the exports do: `; `-separated, CSV-quoted when a value holds `;` or `"`.
    fn join_multi(values: &[String]) -> String {
        let quoted: Vec<String> = values
            .iter()
            .map(|v| if v.contains([';', '"']) { format!("\"{}\"", v.replace('"', "\"\"")) } else { v.clone() })
            .collect();
        quoted.join("; ")
    }

    #[test]
    fn split_multi_keeps_text_after_a_closing_quote() {
        // The hand-written cell shapes are tested with the `targets.simple.csv` parser.
        assert_eq!(split_multi("\"a\"x; b"), ["ax", "b"]);
        assert_eq!(split_multi("a; \"b; c"), ["a", "b; c"]);
    }

    /// One value as a cell may hold it: trimmed, not empty, possibly with `;`, `"` and non-ASCII letters.
    fn value() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9 ;\",.'()/é Ж中-]{1,16}".prop_map(|s| s.trim().to_owned()).prop_filter("empty", |s| !s.is_empty())
    }

    proptest! {
        #[test]
        fn split_multi_never_panics(cell in "\\PC{0,80}") {
            let values = split_multi(&cell);
            prop_assert!(values.iter().all(|v| !v.is_empty() && v.trim() == v));
        }

        #[test]
        fn split_multi_of_quote_pieces_never_panics(
            parts in proptest::collection::vec(
                prop_oneof![Just("\""), Just("\"\""), Just(";"), Just("; "), Just(" "), Just("a"), Just("é"), Just("\u{1a}")],
                0..40,
            )
        ) {
            let _ = split_multi(&parts.concat());
        }

        #[test]
        fn split_multi_round_trips_joined_values(values in proptest::collection::vec(value(), 0..6)) {
            prop_assert_eq!(split_multi(&join_multi(&values)), values);
        }
    }
}
