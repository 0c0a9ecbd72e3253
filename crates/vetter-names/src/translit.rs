//! Tokenising transliteration: one pass over a printed name that folds case,
//! diacritics and compatibility forms, transliterates every script to Latin
//! with the chosen systems, splits words on punctuation and spacing, and notes
//! what later steps need (the first comma, dots after words, letter counts,
//! the script of each word).
//!
//! Latin, Cyrillic, Greek, Arabic/Persian and Hangul use the tables of this
//! crate; other scripts (Han, kana, Hebrew, Armenian, Georgian, Devanagari,
//! Thai, ...) go through `any_ascii`, as [`fold`](crate::fold) does. Han
//! characters and Hangul syllables become one word each (`xi jin ping`,
//! `gim jeong eun`), as Latin spellings of Chinese and Korean names split them.

use crate::arabic;
use crate::cyrillic::{self, Around, CyrSystem};
use crate::form::Script;
use crate::greek::{self, GreekSystem};
use crate::hangul::{self, HangulSystem};
use crate::script::{self, CyrLang, ScriptCounts, char_script, cyrillic_homoglyph};
use unicode_normalization::UnicodeNormalization;

/// One word of a name while it is being normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    /// Folded ASCII text.
    pub text: String,
    /// The script of the word's first letter.
    pub script: Script,
    /// How many letters of the original the word was made from.
    pub letters: u16,
    /// Whether a `.` followed the word.
    pub dotted: bool,
    /// Marked generic by a step (particles, generic organisation words).
    pub generic: bool,
    /// A group set by a step (Abd fusion, vocalisation).
    pub group: Option<&'static str>,
    /// Printed before the comma of "SURNAME, Given", or in capitals in a
    /// name whose other words are not (`Hamid Reza SHARIFI TEHRANI`): a family name.
    pub surname: bool,
    /// Whether the word was printed in capitals (two letters or more), in
    /// small letters or with some, or neither (scripts without case, digits).
    pub case: Case,
}

/// How a word was printed (see [`Tok::case`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Case {
    #[default]
    None,
    Capitals,
    Small,
}

impl Case {
    /// The case of a word with `upper` capital and `lower` small letters.
    pub(crate) fn of(upper: u16, lower: u16) -> Case {
        if lower > 0 {
            Case::Small
        } else if upper >= 2 {
            Case::Capitals
        } else {
            Case::None
        }
    }
}

impl AsRef<str> for Tok {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// The texts of `tokens` joined by spaces, in one allocation.
pub(crate) fn joined(tokens: &[Tok]) -> String {
    let mut out = String::with_capacity(tokens.iter().map(|t| t.text.len() + 1).sum());
    for t in tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
    out
}

/// Whether some word has a letter (a name of digits only has no tokens).
pub(crate) fn has_letters<'a>(mut tokens: impl Iterator<Item = &'a Tok>) -> bool {
    tokens.any(|t| t.text.bytes().any(|b| b.is_ascii_alphabetic()))
}

/// Concatenates `parts` in one allocation (steps are built for many names).
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

impl Tok {
    /// A word with no flags set.
    pub(crate) fn new(text: String, script: Script, letters: u16) -> Self {
        Tok { text, script, letters, dotted: false, generic: false, group: None, surname: false, case: Case::None }
    }
}

/// The romanisation systems to use, per script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Systems {
    pub cyrillic: CyrSystem,
    pub greek: GreekSystem,
    pub hangul: HangulSystem,
}

impl Systems {
    /// The systems of `normalize`: BGN/PCGN or national Cyrillic, ELOT Greek, RR Hangul.
    pub(crate) const PRIMARY: Systems =
        Systems { cyrillic: CyrSystem::Primary, greek: GreekSystem::Elot, hangul: HangulSystem::Rr };
}

/// A tokenised name.
#[derive(Debug)]
pub(crate) struct Tokenized {
    /// The words.
    pub tokens: Vec<Tok>,
    /// What else was noted.
    pub marks: Marks,
}

/// What [`tokenize_into`] notes besides the words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marks {
    /// How many words came before the first comma, if there is one.
    pub comma: Option<usize>,
    /// Letter counts per script.
    pub counts: ScriptCounts,
    /// The language of the Cyrillic letters.
    pub lang: CyrLang,
}

/// Tokenises `name` with the given systems.
pub(crate) fn tokenize(name: &str, systems: Systems) -> Tokenized {
    let mut tokens = Vec::new();
    let marks = tokenize_into(name, systems, &mut tokens);
    Tokenized { tokens, marks }
}

/// Tokenises `name` into `out` (cleared first), so that callers can reuse its allocation.
pub(crate) fn tokenize_into(name: &str, systems: Systems, out: &mut Vec<Tok>) -> Marks {
    out.clear();
    if name.is_ascii() {
        return tokenize_ascii(name, out);
    }
    // Names are short: keep their characters on the stack. The same pass
    // notes whether decomposed letters (й written as и + breve) must be
    // composed, or Arabic presentation forms replaced by letters (NFKC),
    // before the tables see them; then the characters are taken again.
    let mut stack = ['\0'; 96];
    let mut heap: Vec<char> = Vec::new();
    let (mut compose, mut compat) = (false, false);
    let mut n = 0;
    let short = name.len() <= stack.len();
    for c in name.chars() {
        // Below U+0300 (ASCII, Latin-1, Latin Extended) and in Cyrillic, neither applies.
        if c >= '\u{300}' && !matches!(c, '\u{370}'..='\u{10FF}') {
            compose |= matches!(c, '\u{300}'..='\u{36F}' | '\u{1100}'..='\u{11FF}' | '\u{3099}' | '\u{309A}');
            compat |= matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}');
        }
        if short {
            stack[n] = c;
            n += 1;
        } else {
            heap.push(c);
        }
    }
    if compat || compose {
        let composed: String = if compat { name.nfkc().collect() } else { name.nfc().collect() };
        heap.clear();
        heap.extend(composed.chars());
    }
    let chars: &[char] = if compat || compose || !short { &heap } else { &stack[..n] };
    let counts = script::count_chars(chars);
    let lang = counts.cyrillic_language();
    let mut w = Writer {
        tokens: std::mem::take(out),
        cur: String::new(),
        script: Script::Other,
        letters: 0,
        upper: 0,
        lower: 0,
        comma: None,
    };
    let mut i = 0;
    // The lower-case Cyrillic letter at `chars[i - 1]`, when the step before wrote it:
    // what `prev_cyrillic` would find there.
    let mut prev_letter: Option<(usize, char)> = None;
    while i < chars.len() {
        let c = chars[i];
        let s = char_script(c);
        // A Latin look-alike inside a Cyrillic word is Cyrillic (`Сергiй`).
        let cyr = match s {
            Script::Cyrillic => Some(c),
            Script::Latin => cyrillic_homoglyph(c).filter(|_| script::cyrillic_neighbour(chars, i)),
            _ => None,
        };
        if let Some(cc) = cyr {
            let lower = cyrillic::lower(cc);
            if cyrillic::is_letter(lower) {
                if lower != cc
                    && prev_letter.is_some_and(|(at, p)| at + 1 == i && chars[at] == p)
                    && !w.cur.is_empty()
                    && patronymic_follows(chars, i)
                {
                    // A given name and patronymic printed without the space
                    // between them (`СергейВладимирович`): two words.
                    w.finish(false);
                }
                let prev = match prev_letter {
                    _ if w.cur.is_empty() => '\0',
                    Some((at, p)) if at + 1 == i => p,
                    _ => prev_cyrillic(chars, i),
                };
                prev_letter = Some((i, lower));
                let next = next_cyrillic(chars, i);
                w.start(Script::Cyrillic);
                cyrillic::push(&mut w.cur, lang, systems.cyrillic, lower, Around { prev, next });
                w.letters += 1;
                if lower == cc {
                    w.lower += 1;
                } else {
                    w.upper += 1;
                }
            }
            i += 1;
            continue;
        }
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                w.start(Script::Latin);
                w.cur.push(c.to_ascii_lowercase());
                w.letters += u16::from(c.is_ascii_alphabetic());
                w.upper += u16::from(c.is_ascii_uppercase());
                w.lower += u16::from(c.is_ascii_lowercase());
            } else {
                w.separator(c);
            }
            i += 1;
            continue;
        }
        match s {
            Script::Greek if greek::base(c).is_some() => {
                let mut letters = Vec::with_capacity(12);
                let mut j = i;
                while let Some(b) = chars.get(j).and_then(|&c| greek::base(c)) {
                    letters.push(b);
                    j += 1;
                }
                w.start(Script::Greek);
                let mut k = 0;
                while k < letters.len() {
                    k += greek::push(&mut w.cur, systems.greek, &letters, k);
                }
                w.letters += letters.len() as u16;
                i = j;
                continue;
            }
            Script::Hangul if hangul::is_syllable(c) => {
                let prev = i.checked_sub(1).map(|p| chars[p]).filter(|p| hangul::is_syllable(*p));
                w.finish(false);
                w.start(Script::Hangul);
                hangul::push(&mut w.cur, systems.hangul, c, prev);
                w.letters = 1;
                w.finish(false);
                i += 1;
                continue;
            }
            Script::Arabic => {
                let start = w.cur.is_empty();
                // `و` ("and") written onto an article: `والشام` is `و الشام`,
                // "and the Levant". Not `والي` (Wali), a name.
                if start
                    && c == 'و'
                    && chars.get(i + 1) == Some(&'ا')
                    && chars.get(i + 2) == Some(&'ل')
                    && chars.get(i + 3..i + 6).is_some_and(|rest| rest.iter().all(|c| arabic::is_letter(*c)))
                {
                    i += 1;
                    continue;
                }
                // The article starts a word: `ال` + at least two letters.
                if start
                    && matches!(c, 'ا' | 'ٱ')
                    && chars.get(i + 1) == Some(&'ل')
                    && chars.get(i + 2).is_some_and(|c| arabic::is_letter(*c))
                    && chars.get(i + 3).is_some_and(|c| arabic::is_letter(*c))
                {
                    w.start(Script::Arabic);
                    w.cur.push_str("al");
                    w.letters = 2;
                    w.finish(false);
                    i += 2;
                    continue;
                }
                // `على` in a name is Ali written with a final alif maqsura,
                // as Egyptian and Persian hands write every final ya
                // (`على السيد محمد` is `علي السيد محمد`); the preposition
                // "on" is in no name. Elsewhere the letter stays a long a
                // (Mustafa, Musa, Yahya).
                if start
                    && c == 'ع'
                    && let Some(len) = arabic::ali_with_alif_maqsura(&chars[i..])
                {
                    w.start(Script::Arabic);
                    w.cur.push_str("aly");
                    w.letters += 3;
                    i += len;
                    continue;
                }
                let mut buf = String::new();
                if arabic::push(&mut buf, c, start) {
                    if !buf.is_empty() || arabic::is_letter(c) {
                        w.start(Script::Arabic);
                        w.cur.push_str(&buf);
                        w.letters += 1;
                    }
                    i += 1;
                    continue;
                }
            }
            Script::Hebrew => {
                if let Some(latin) = hebrew_letter(c, w.cur.is_empty(), chars.get(i + 1).copied()) {
                    w.start(Script::Hebrew);
                    w.cur.push_str(latin);
                    w.letters += 1;
                    // A doubled vav is one `v`.
                    i += if c == 'ו' && chars.get(i + 1) == Some(&'ו') { 2 } else { 1 };
                    continue;
                }
            }
            _ => {}
        }
        if is_apostrophe(c) || is_invisible(c) || is_diacritic(c) {
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            w.finish(false);
            i += 1;
            continue;
        }
        // The numero sign would transliterate to the word `no`.
        if c == '№' {
            w.finish(false);
            i += 1;
            continue;
        }
        if matches!(c, '،' | '，' | '﹐' | '、') {
            w.separator(',');
            i += 1;
            continue;
        }
        // Everything else through any_ascii, which also folds compatibility
        // forms (`Ａ`, `ﬁ`) and keeps the vowel signs of Thai, Devanagari and kana.
        let t = any_ascii::any_ascii_char(c);
        // Syllabic scripts come out as CamelCase syllables (`XiJinPing`): one word each.
        let syllable = t.len() > 1 && t.starts_with(|c: char| c.is_ascii_uppercase()) && !is_alphabet_script(c);
        if syllable {
            w.finish(false);
        }
        let mut any = false;
        for b in t.bytes() {
            if b.is_ascii_alphanumeric() {
                w.start(s);
                w.cur.push(b.to_ascii_lowercase() as char);
                any = true;
            } else if b != b'\'' && b != b'`' {
                w.separator(b as char);
            }
        }
        if any {
            w.letters += 1;
            w.upper += u16::from(c.is_uppercase());
            w.lower += u16::from(c.is_lowercase());
        }
        if syllable {
            w.finish(false);
        }
        i += 1;
    }
    w.finish(false);
    *out = w.tokens;
    Marks { comma: w.comma, counts, lang }
}

/// Whether the Cyrillic word that starts at `chars[i]` is a patronymic
/// (`Владимирович`, `Викторовна`, `Ильинична`, `Володимирівна`).
fn patronymic_follows(chars: &[char], i: usize) -> bool {
    let end = chars[i..].iter().position(|c| !cyrillic::is_letter(cyrillic::lower(*c))).map_or(chars.len(), |k| i + k);
    if end - i < 6 {
        return false;
    }
    let tail: String = chars[end - 4..end].iter().map(|c| cyrillic::lower(*c)).collect();
    ["вич", "вна", "чна", "івна"].iter().any(|e| tail.ends_with(e))
}

/// Byte classes of the ASCII tokenizer.
const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const QUOTE: u8 = 3;

static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_alphabetic() {
            LETTER
        } else if b == b'\'' || b == b'`' {
            QUOTE
        } else {
            0
        };
        c += 1;
    }
    t
};

fn tokenize_ascii(name: &str, tokens: &mut Vec<Tok>) -> Marks {
    let b = name.as_bytes();
    let n = b.len();
    let mut comma = None;
    let mut counts = ScriptCounts::default();
    let mut i = 0;
    while i < n {
        let class = ASCII_CLASS[b[i] as usize];
        if class == 0 {
            if b[i] == b',' && comma.is_none() {
                comma = Some(tokens.len());
            }
            i += 1;
            continue;
        }
        let start = i;
        let (mut letters, mut upper, mut quotes) = (0u16, 0u16, false);
        while i < n {
            match ASCII_CLASS[b[i] as usize] {
                LETTER => {
                    letters += 1;
                    upper += u16::from(b[i] < b'a');
                }
                DIGIT => {}
                QUOTE => quotes = true,
                _ => break,
            }
            i += 1;
        }
        let word = &name[start..i];
        // `AI-Fawaz`: the article `Al-` with a capital I typed for the small l,
        // as lists typed from print have it (`AI-Nusrah`, `AI-Harzi`).
        let word = if word == "AI"
            && b.get(i) == Some(&b'-')
            && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            && b.get(i + 2).is_some_and(u8::is_ascii_lowercase)
        {
            "al"
        } else {
            word
        };
        let text = if quotes {
            word.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
        } else {
            let mut text = String::from(word);
            text.make_ascii_lowercase();
            text
        };
        if text.is_empty() {
            continue;
        }
        counts.add_latin(u32::from(letters));
        if !quotes && let Some(parts) = camel_case(word) {
            for part in parts.into_iter().flatten() {
                let mut text = String::from(part);
                text.make_ascii_lowercase();
                let letters = text.len() as u16;
                tokens.push(Tok::new(text, Script::Latin, letters));
            }
            continue;
        }
        let mut t = Tok::new(text, Script::Latin, letters);
        t.dotted = b.get(i) == Some(&b'.');
        t.case = Case::of(upper, letters - upper);
        tokens.push(t);
    }
    Marks { comma, counts, lang: CyrLang::Russian }
}

/// Splits a word written in CamelCase without spaces (`CabdullahMaxamedCiise`,
/// `AllaVladimirovna`, alias styles of some lists) into its words: three parts
/// of three letters or more, or two of four or more, so that `McDonald`,
/// `MacArthur` and `DeLuca` stay whole.
fn camel_case(word: &str) -> Option<[Option<&str>; 8]> {
    let b = word.as_bytes();
    if b.len() < 8 || !b.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut parts: [Option<&str>; 8] = [None; 8];
    let (mut n, mut start, mut shortest) = (0, 0, usize::MAX);
    for i in 1..=b.len() {
        if i == b.len() || (b[i - 1].is_ascii_lowercase() && b[i].is_ascii_uppercase()) {
            if n == parts.len() {
                return None;
            }
            shortest = shortest.min(i - start);
            parts[n] = Some(&word[start..i]);
            n += 1;
            start = i;
        }
    }
    ((n >= 3 && shortest >= 3) || (n == 2 && shortest >= 4)).then_some(parts)
}

/// Builds the words of a name.
struct Writer {
    tokens: Vec<Tok>,
    cur: String,
    script: Script,
    letters: u16,
    /// Capital and small letters of the current word.
    upper: u16,
    lower: u16,
    comma: Option<usize>,
}

impl Writer {
    /// Notes the script of the word being written, if it is the first letter.
    #[inline]
    fn start(&mut self, script: Script) {
        if self.cur.is_empty() {
            self.script = script;
            if self.cur.capacity() == 0 {
                // Most words fit: no regrowth while transliterating.
                self.cur.reserve(24);
            }
        }
    }

    /// Ends the current word.
    fn finish(&mut self, dotted: bool) {
        if !self.cur.is_empty() {
            let text = std::mem::take(&mut self.cur);
            let mut t = Tok::new(text, self.script, self.letters.max(1));
            t.dotted = dotted;
            t.case = Case::of(self.upper, self.lower);
            self.tokens.push(t);
        }
        self.letters = 0;
        (self.upper, self.lower) = (0, 0);
    }

    /// Handles an ASCII separator.
    fn separator(&mut self, c: char) {
        match c {
            '\'' | '`' => {}
            '.' => self.finish(true),
            ',' => {
                self.finish(false);
                if self.comma.is_none() {
                    self.comma = Some(self.tokens.len());
                }
            }
            _ => self.finish(false),
        }
    }
}

/// The lower-case Cyrillic letter before `chars[i]` in the same word (`'\''`
/// for an apostrophe, another letter as `x`), skipping marks.
fn prev_cyrillic(chars: &[char], i: usize) -> char {
    let mut j = i;
    let p = loop {
        let Some(p) = j.checked_sub(1).map(|p| chars[p]) else { return '\0' };
        if !is_skipped(p) {
            break p;
        }
        j -= 1;
    };
    if is_apostrophe(p) {
        return '\'';
    }
    if char_script(p) == Script::Cyrillic || (p.is_ascii() && cyrillic_homoglyph(p).is_some()) {
        return cyrillic::lower(cyrillic_homoglyph(p).filter(|_| p.is_ascii()).unwrap_or(p));
    }
    if p.is_alphanumeric() { 'x' } else { '\0' }
}

/// The lower-case Cyrillic letter after `chars[i]`, or `'\0'` at the end of
/// the word, skipping marks.
fn next_cyrillic(chars: &[char], i: usize) -> char {
    let Some(&n) = chars[i + 1..].iter().find(|c| !is_skipped(**c)) else { return '\0' };
    if cyrillic::is_letter(n) {
        return cyrillic::lower(n);
    }
    if n.is_ascii() {
        if let Some(h) = cyrillic_homoglyph(n) {
            return cyrillic::lower(h);
        }
        if n.is_ascii_alphanumeric() {
            return 'x';
        }
    }
    '\0'
}

/// Marks and invisible characters that do not end a word.
fn is_skipped(c: char) -> bool {
    let cp = c as u32;
    // Letters of the common scripts first.
    if cp < 0x300 || (0x370..0x483).contains(&cp) || (0x48A..0x591).contains(&cp) {
        return false;
    }
    is_invisible(c) || is_diacritic(c)
}

/// The Latin letters of the Hebrew letters whose reading depends on their
/// place (unpointed text, as names are printed): bet is `b` at the start of
/// a word and `v` after it (Binyamin, Avraham), kaf `k` and then `kh`, pe
/// `p` and then `f`; vav is `v` at the start or doubled and a vowel (`w`,
/// as Arabic و) inside a word (Netanyahu, Yosef); shin is `sh`. Other
/// letters go through `any_ascii`.
fn hebrew_letter(c: char, start: bool, next: Option<char>) -> Option<&'static str> {
    let geresh = matches!(next, Some('\'' | '\u{05F3}' | '\u{2019}'));
    Some(match c {
        'ב' if start => "b",
        'ב' => "v",
        'כ' if start => "k",
        'פ' if start => "p",
        'ו' if start || next == Some('ו') => "v",
        'ו' => "w",
        'ש' => "sh",
        // A geresh makes letters for sounds Hebrew lacks: the `ch` of foreign
        // names (Smotrich, סמוטריץ'), and the Arabic j, gh, kh, th, dh
        // (אלע'ילאני is al-Ghailani).
        'צ' | 'ץ' if geresh => "ch",
        'ג' if geresh => "j",
        'ע' if geresh => "gh",
        'ח' if geresh => "kh",
        'ת' if geresh => "th",
        'ד' if geresh => "dh",
        _ => return None,
    })
}

/// Combining diacritics (accents, Cyrillic titlo, Hebrew points): dropped.
/// Vowel signs of Indic, Thai and other scripts are not in these ranges.
fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05C7}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Apostrophes and similar marks, dropped inside words (`O’Neil`, `Zelens’kyi`, the BGN soft sign `ʹ`).
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{02bc}'
            | '\u{02b9}'
            | '\u{02ba}'
            | '\u{02bb}'
            | '\u{02bf}'
            | '\u{02be}'
            | '\u{2032}'
            | '\u{00b4}'
    )
}

/// Zero-width and formatting characters: dropped without splitting a word.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{061C}' | '\u{180E}')
}

/// Alphabetic scripts whose letters transliterate one by one (no syllable breaks).
fn is_alphabet_script(c: char) -> bool {
    let cp = c as u32;
    cp < 0x0900
        || (0x10A0..=0x10FF).contains(&cp)
        || (0x1C80..=0x1CBF).contains(&cp)
        || (0x1E00..=0x1FFF).contains(&cp)
        || (0xFB00..=0xFEFF).contains(&cp)
}

#[cfg(test)]
mod tests {
    //! 1. Words, commas and dots are found in ASCII and non-ASCII names alike.
    //! 2. Each script of the lists transliterates (real names), with one word per Han character and Hangul syllable.
    //! 3. Decomposed letters, stress marks, zero-width characters and Latin look-alikes in Cyrillic words are handled.
    use super::*;

    fn words(name: &str) -> String {
        tokenize(name, Systems::PRIMARY).tokens.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")
    }

    fn check(name: &str, expect: &str) {
        assert_eq!(words(name), expect, "{name}");
    }

    #[test]
    fn latin() {
        check("PUTIN, Vladimir Vladimirovich", "putin vladimir vladimirovich");
        check("Bălți José Müller Øresund Łódź straße", "balti jose muller oresund lodz strasse");
        check("O'Neil Zelens’kyi", "oneil zelenskyi");
        check("ＡＢＣ ﬁnance", "abc finance");
        check("SORMOVSKIY-48", "sormovskiy 48");
        check("Khalid AI-Fawaz", "khalid al fawaz");
        check("AI-PETRI", "ai petri");
        check("CabdullahMaxamedCiise McDonald MacArthur DeLuca", "cabdullah maxamed ciise mcdonald macarthur deluca");
        check("POLOKHINA AllaVladimirovna LeBlanc", "polokhina alla vladimirovna leblanc");
    }

    #[test]
    fn cyrillic() {
        check("ИВАХА Денис Владимирович", "ivakha denis vladimirovich");
        check("ІВАХА Денис Володимирович", "ivakha denys volodymyrovych");
        check("Сергей Валерьевич АКСЁНОВ", "sergey valeryevich aksenov");
        check("Сергiй Валерiйович АКСЬОНОВ", "serhii valeriiovych aksonov");
        check("Влади́мир Пу́тин", "vladimir putin");
        // A patronymic printed without the space before it is a word of its own;
        // other capitals inside a word (a company's) are not breaks.
        check("ХАРЧЕНКО СергейВладимирович", "kharchenko sergey vladimirovich");
        check("ПАРУБІЙ АндрійВолодимирович", "parubii andrii volodymyrovych");
        check("ТрансКомплектХолдинг", "transkomplektkholding");
        check("Сергеи\u{306} Иванов", "sergey ivanov");
        check("ИВАНОВ Д. В.", "ivanov d v");
        check("ПОВОЛОЦКИЙ Сергей Геннадиевич", "povolotskiy sergey gennadiyevich");
        check("Зеленський Володимир Олександрович", "zelenskyi volodymyr oleksandrovych");
    }

    #[test]
    fn other_scripts() {
        check("Αλέξης Τσίπρας", "alexis tsipras");
        check("الدولة الإسلامية في العراق والشام", "al dwla al islamya fy al araq al sham");
        check("والي", "waly");
        check("习近平", "xi jin ping");
        check("김정은", "gim jeong eun");
        check("KIM Ho Kyu 김호규", "kim ho kyu gim ho gyu");
        check("בן ציון גופשטיין", "bn tsywn gwfshtyyn");
        check("ザラ・アエロ", "zara aero");
        check("长安海连技术有限公司", "zhang an hai lian ji shu you xian gong si");
        check("ՍՊԸ", "spy");
        check("ﺍﻟﺩﻭﻟﺔ ﺍﻹﺳﻼﻣﻳﺔ", "al dwla al islamya");
    }

    #[test]
    fn marks() {
        let t = tokenize("ИВАНОВ Д. В., Jr", Systems::PRIMARY);
        assert_eq!(t.marks.comma, Some(3));
        assert!(t.tokens[1].dotted && t.tokens[2].dotted && !t.tokens[0].dotted);
        assert_eq!(t.tokens[1].letters, 1);
        assert_eq!(t.tokens[0].script, Script::Cyrillic);
        let t = tokenize("PUTIN, Vladimir", Systems::PRIMARY);
        assert_eq!(t.marks.comma, Some(1));
        check("a\u{200B}b\u{200D}c \u{202E}d", "abc d");
        check("  ,.;  ", "");
        check("", "");
    }
}
