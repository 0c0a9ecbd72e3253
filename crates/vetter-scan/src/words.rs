//! Words and sentences of running text, with byte spans into the text.
//!
//! A word is a run of letters and digits; a hyphen or apostrophe between two
//! letters stays inside it (`al-Assad`, `O'Neil`), an English possessive is
//! taken off and flagged (`Putin's`, `Iran’s`, `Tycoons’`), and dotted
//! abbreviations are one word (`U.S.`, `U.N.`). Sentences end at `.`, `!`,
//! `?` and line breaks, but not after titles and initials (`Gen.`, `D.`).

/// The writing system of a word, for the name rules (Arabic script has no
/// capital letters, so every Arabic word may be part of a name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters (with or without diacritics).
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Greek.
    Greek,
    /// Arabic and Persian.
    Arabic,
    /// Digits only.
    Digits,
    /// Anything else (Han, Hangul...).
    Other,
}

/// One word of the text.
#[derive(Debug, Clone)]
pub struct Word {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character, without a possessive ending.
    pub end: usize,
    /// Lower case, without a possessive ending.
    pub lower: String,
    /// The first letter is a capital.
    pub cap: bool,
    /// Every letter is a capital and there are at least two.
    pub upper: bool,
    /// An English possessive ending (`'s`, `’s`, or `’` after `s`) was taken off.
    pub possessive: bool,
    /// The word's script.
    pub script: Script,
    /// Index of its sentence.
    pub sentence: usize,
    /// Only white space separates it from the previous word.
    pub clean_before: bool,
    /// A comma (and white space) separates it from the previous word.
    pub comma_before: bool,
    /// A `.` follows the word directly (not part of it).
    pub dot_after: bool,
}

/// One sentence: byte span and word range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first word.
    pub start: usize,
    /// Byte offset after the sentence's closing punctuation.
    pub end: usize,
    /// Index of the first word.
    pub first: usize,
    /// Index after the last word.
    pub last: usize,
}

/// Words after which a `.` does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "st", "jr", "sr", "lt", "col", "gov", "prof", "capt", "maj", "sgt",
    "adm", "brig", "rev", "no", "vs", "messrs", "hon", "amb", "pres", "cmdr", "gens", "reps", "sens",
];

/// Particles printed joined to a name by a hyphen (`al-Assad`).
const HYPHEN_PARTICLES: &[&str] =
    &["al", "el", "ad", "ar", "as", "ash", "at", "az", "abu", "abd", "bin", "ibn", "ul", "ud", "ben"];

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || ('\u{0300}'..='\u{036f}').contains(&c)
        || ('\u{064b}'..='\u{065f}').contains(&c)
        || c == '\u{0670}'
        || c == '\u{200c}'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn script_of(c: char) -> Script {
    match c as u32 {
        0x0400..=0x052f | 0x1c80..=0x1c8f | 0x2de0..=0x2dff | 0xa640..=0xa69f => Script::Cyrillic,
        0x0370..=0x03ff | 0x1f00..=0x1fff => Script::Greek,
        0x0600..=0x06ff | 0x0750..=0x077f | 0x08a0..=0x08ff | 0xfb50..=0xfdff | 0xfe70..=0xfeff => Script::Arabic,
        _ if c.is_ascii_digit() => Script::Digits,
        _ if c.is_ascii_alphabetic() || (0x00c0..=0x024f).contains(&(c as u32)) => Script::Latin,
        _ => Script::Other,
    }
}

/// The words and sentences of a text.
#[derive(Debug, Default)]
pub struct Tokens {
    /// Words in text order.
    pub words: Vec<Word>,
    /// Sentences in text order; every word belongs to exactly one.
    pub sentences: Vec<Sentence>,
    /// The lower-case strings of an earlier text's words, for
    /// [`tokenize_into`] to fill again instead of allocating new ones.
    spare: Vec<String>,
}

/// Splits `text` into words and sentences.
pub fn tokenize(text: &str) -> Tokens {
    let mut tokens = Tokens::default();
    tokenize_into(text, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens`, replacing its words and sentences and
/// reusing their memory: a scanner that keeps one `Tokens` for its documents
/// allocates no string per word once it has seen as many words.
pub fn tokenize_into(text: &str, tokens: &mut Tokens) {
    let spare = &mut tokens.spare;
    spare.extend(tokens.words.drain(..).map(|w| w.lower));
    let bytes = text.as_bytes();
    let mut words = std::mem::take(&mut tokens.words);
    words.reserve(text.len() / 6);
    let mut sentences = std::mem::take(&mut tokens.sentences);
    sentences.clear();
    let mut sentence_first = 0usize;
    let mut sentence_start: Option<usize> = None;
    // State of the gap since the last word.
    let mut gap_clean = true;
    let mut gap_comma = false;
    let mut gap_break = false;
    let mut i = 0;
    let n = text.len();
    while i < n {
        let c = next_char(text, i);
        if !is_word_char(c) {
            match c {
                ' ' | '\t' | '\u{a0}' => {}
                '\n' | '\r' | '\u{2029}' | '\u{2028}' => gap_break = true,
                ',' => {
                    gap_comma = true;
                    gap_clean = false;
                }
                '.' | '!' | '?' | '…' => {
                    gap_clean = false;
                    let abbreviation = c == '.'
                        && words.last().is_some_and(|w: &Word| {
                            w.end == i
                                && (ABBREVIATIONS.contains(&w.lower.as_str())
                                    || (w.lower.chars().count() == 1 && w.cap))
                        });
                    if c == '.'
                        && let Some(w) = words.last_mut()
                        && w.end == i
                    {
                        w.dot_after = true;
                    }
                    // `3.5` and `.com` are not sentence ends either.
                    let next = text[i + c.len_utf8()..].chars().next();
                    let inside = next.is_some_and(|d| d.is_alphanumeric());
                    if !abbreviation && !inside {
                        gap_break = true;
                    }
                }
                _ => gap_clean = false,
            }
            i += c.len_utf8();
            continue;
        }
        // A word starts at i.
        let start = i;
        let mut end = i;
        let mut possessive = false;
        let full_end;
        loop {
            let c = next_char(text, end);
            if end < n && is_word_char(c) {
                end += c.len_utf8();
                continue;
            }
            if end >= n {
                full_end = end;
                break;
            }
            // A joiner between letters stays inside the word.
            let after = end + c.len_utf8();
            let next = if after < n { Some(next_char(text, after)) } else { None };
            if is_apostrophe(c) {
                let rest = &text[after..];
                let s_end = rest.starts_with(['s', 'S']) && rest[1..].chars().next().is_none_or(|d| !is_word_char(d));
                if s_end {
                    possessive = true;
                    full_end = after + 1;
                    break;
                }
                if next.is_some_and(is_word_char) {
                    end = after;
                    continue;
                }
                // `Tycoons’`: a plural possessive.
                if text[start..end].ends_with(['s', 'S']) && text[start..end].chars().count() > 2 {
                    possessive = true;
                    full_end = after;
                    break;
                }
                full_end = end;
                break;
            }
            if matches!(c, '-' | '‑' | '‐') && next.is_some_and(|d| d.is_alphabetic()) && end > start {
                end = after;
                continue;
            }
            // U.S., U.N., U.S.A.: single letters joined by dots.
            if c == '.'
                && text[start..end].chars().count() == 1
                && next.is_some_and(|d| d.is_alphabetic())
                && bytes.get(after + 1) == Some(&b'.')
            {
                end = after + 1;
                // Now at the second dot: swallow it and any further `X.` pairs.
                end += 1;
                while end + 1 < n
                    && text[end..].chars().next().is_some_and(|d| d.is_ascii_alphabetic())
                    && bytes.get(end + 1) == Some(&b'.')
                {
                    end += 2;
                }
                full_end = end;
                break;
            }
            full_end = end;
            break;
        }
        let slice = &text[start..end];
        let ascii = slice.is_ascii();
        let first = slice.chars().next().unwrap_or(' ');
        let (mut n_letters, mut n_upper) = (0, 0);
        if ascii {
            for b in slice.bytes().filter(u8::is_ascii_alphabetic) {
                n_letters += 1;
                n_upper += usize::from(b.is_ascii_uppercase());
            }
        } else {
            for l in slice.chars().filter(|c| c.is_alphabetic()) {
                n_letters += 1;
                if l.is_uppercase() {
                    n_upper += 1;
                }
            }
        }
        let script = if slice.chars().all(|c| c.is_ascii_digit()) { Script::Digits } else { script_of(first) };
        if gap_break && !words.is_empty() {
            let last = words.len();
            let s_start = sentence_start.unwrap_or(0);
            sentences.push(Sentence {
                start: s_start,
                end: closing(text, words[last - 1].end),
                first: sentence_first,
                last,
            });
            sentence_first = last;
            sentence_start = None;
        }
        if sentence_start.is_none() {
            sentence_start = Some(start);
        }
        let mut lower = spare.pop().unwrap_or_default();
        lower.clear();
        if ascii {
            lower.push_str(slice);
            lower.make_ascii_lowercase();
        } else {
            lower.push_str(&slice.to_lowercase());
        }
        // `al-Assad`, `bin-Laden`: a lower-case particle joined to a capitalised name.
        let joined_cap = !first.is_uppercase()
            && lower.split_once('-').is_some_and(|(p, _)| HYPHEN_PARTICLES.contains(&p))
            && slice.split_once('-').is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase));
        words.push(Word {
            start,
            end,
            lower,
            cap: first.is_uppercase() || joined_cap,
            upper: n_letters >= 2 && n_upper == n_letters,
            possessive,
            script,
            sentence: sentences.len(),
            clean_before: gap_clean && !gap_break,
            comma_before: gap_comma && !gap_break,
            dot_after: false,
        });
        gap_clean = true;
        gap_comma = false;
        gap_break = false;
        i = full_end;
    }
    if !words.is_empty() {
        let last = words.len();
        sentences.push(Sentence {
            start: sentence_start.unwrap_or(0),
            end: closing(text, words[last - 1].end),
            first: sentence_first,
            last,
        });
    }
    tokens.words = words;
    tokens.sentences = sentences;
}

fn next_char(text: &str, at: usize) -> char {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => text[at..].chars().next().unwrap_or(' '),
    }
}

/// The end of a sentence whose last word ends at `end`: the closing
/// punctuation and quotes that follow it on the same line.
fn closing(text: &str, end: usize) -> usize {
    let mut at = end;
    for c in text[end..].chars() {
        if matches!(c, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | '»') {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    //! 1. Possessives are taken off and flagged.
    //! 2. Hyphenated and dotted words stay whole.
    //! 3. Sentences do not end after titles and initials.
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let t = tokenize(text);
        t.words.iter().map(|w| format!("{}{}", &text[w.start..w.end], if w.possessive { "+s" } else { "" })).collect()
    }

    #[test]
    fn possessives() {
        assert_eq!(words("Putin's Iran’s Tycoons’ Legacy"), ["Putin+s", "Iran+s", "Tycoons+s", "Legacy"]);
    }

    #[test]
    fn joined_words() {
        assert_eq!(
            words("al-Assad O'Neil U.S.-Iran U.N. R-FL"),
            ["al-Assad", "O'Neil", "U.S.", "Iran", "U.N.", "R-FL"]
        );
    }

    #[test]
    fn sentences() {
        let text = "Gen. Qassim Suleimani died. John D. Rockefeller lived! Mr. Musk met him\nNew line";
        let t = tokenize(text);
        let s: Vec<&str> = t.sentences.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(s, ["Gen. Qassim Suleimani died.", "John D. Rockefeller lived!", "Mr. Musk met him", "New line"]);
    }

    /// Reusing a `Tokens` gives what a fresh one gives.
    #[test]
    fn reuse() {
        let texts =
            ["Gen. Qassim Suleimani died. John D. Rockefeller lived!", "Путин's ΣΟΦΟΣ met U.S. envoys", "", "al-Assad"];
        let mut reused = Tokens::default();
        for text in texts.iter().chain(texts.iter().rev()) {
            tokenize_into(text, &mut reused);
            let fresh = tokenize(text);
            assert_eq!(
                format!("{:?}{:?}", reused.words, reused.sentences),
                format!("{:?}{:?}", fresh.words, fresh.sentences)
            );
        }
    }

    #[test]
    fn scripts() {
        let t = tokenize("Путин محمد 2024");
        let s: Vec<Script> = t.words.iter().map(|w| w.script).collect();
        assert_eq!(s, [Script::Cyrillic, Script::Arabic, Script::Digits]);
    }
}
