//! Generates `bench/screening/queries.csv`, the screening queries behind issue 5's
//! quality targets, from the bundled lists and vetter's own name tables.
//!
//! ```sh
//! cargo run --release -p vetter-bench --example screen_queries
//! ```
//!
//! Columns: `row,kind,script,name,schema,birth_date,country,expected`, where
//! `expected` is the canonical id of the listed entity the query must find
//! (empty for people on no list) and `script` is the dominant script of `name`
//! as `vetter_names::normalize` detects it. Kinds:
//!
//! - `alias`: names (name, alias, weak alias, previous name) of listed
//!   entities, a sample stratified by script (up to 400 names of every
//!   script, then the larger scripts in proportion to their size, about 5,000
//!   rows), queried name-only with the entity's schema. The `screen_quality` example screens every alias, not this sample.
//! - `translit-cyrillic`: the Latin name of every listed Person, transliterated
//!   into Cyrillic by the reverse of a BGN/PCGN-like table (`shch` → щ,
//!   `ya` → я, `-iy` → ий, English `j` → дж...).
//! - `translit-arabic`: the Latin name of every listed Person who looks Arabic,
//!   Persian, Pashto or Urdu (a country of the Arab League, Iran, Afghanistan or
//!   Pakistan, a particle such as `al`, `bin`, `abu`, `abd`, or two common
//!   Arabic given names), written in Arabic script: common names from a table,
//!   other words as a consonant skeleton with long vowels for `i` and `u`, the
//!   article joined to its word, `Abdul X` as `عبد الX`.
//! - `synthetic-<culture>`: people on no list, [`PER_CULTURE`] per culture, from
//!   vetter's own tables of common given names and surnames of fifteen naming
//!   cultures, picked with a bias towards the common ones, in each culture's
//!   structures (middle names, patronymics, double surnames, `bin`, Eastern
//!   order) and some in their own script (Cyrillic, Arabic, Han, Hangul); about
//!   half have a birth date and half a country. A synthetic person may share a
//!   real listed person's name; that is kept, since it happens in real data.
//!
//! The transliterators are test-data generators, realistic rather than exact.
//! Everything is deterministic: the entities are read in index order, sampling
//! and generation use seeded hashes, so the same lists and code give the same file.

// A command-line program: its progress report goes to stderr, the data to the file.
#![allow(clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use vetter_engine::{Engine, OpenOptions};
use vetter_model::{Entity, Prop, Schema};
use vetter_names::{NameKind, fold, normalize};

/// The generation seed; changing it changes the whole file.
const SEED: u64 = 0x5C2E_E005;

/// Rows of kind `alias` in the file.
const ALIAS_SAMPLE: usize = 5_000;

/// Every script's first names in the `alias` sample (all of a smaller script).
const ALIAS_PER_SCRIPT: usize = 400;

/// Synthetic people per naming culture.
const PER_CULTURE: usize = 1_400;

/// One output row.
struct Row {
    kind: String,
    name: String,
    schema: Schema,
    birth_date: String,
    country: String,
    expected: String,
}

fn main() -> anyhow::Result<()> {
    let repo = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let out_path = repo.join("bench/screening/queries.csv");
    let (engine, _) = Engine::open(&OpenOptions::new(repo.join("data/lists")))?;
    let entities: Vec<Entity> = (0..engine.len() as u32).filter_map(|i| engine.index().entity(i)).collect();
    eprintln!("{} entities", entities.len());

    let mut rows = alias_sample(&entities);
    eprintln!("alias: {} rows", rows.len());
    let translit = translit_rows(&entities);
    eprintln!("translit: {} rows", translit.len());
    rows.extend(translit);
    let synthetic = synthetic_rows();
    eprintln!("synthetic: {} rows", synthetic.len());
    rows.extend(synthetic);

    if let Some(dir) = out_path.parent() {
        fs_err::create_dir_all(dir)?;
    }
    let mut out = csv::Writer::from_path(&out_path)?;
    out.write_record(["row", "kind", "script", "name", "schema", "birth_date", "country", "expected"])?;
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let script = script_of(&r.name);
        *counts.entry((r.kind.clone(), script.clone())).or_default() += 1;
        out.write_record([
            (i + 1).to_string().as_str(),
            &r.kind,
            &script,
            &r.name,
            r.schema.as_str(),
            &r.birth_date,
            &r.country,
            &r.expected,
        ])?;
    }
    out.flush()?;
    for ((kind, script), n) in &counts {
        eprintln!("{kind:24} {script:10} {n:6}");
    }
    eprintln!("wrote {} rows to {}", rows.len(), out_path.display());
    Ok(())
}

/// The dominant script of a name, as the normaliser sees it (`Latin`, `Cyrillic`...).
fn script_of(name: &str) -> String {
    format!("{:?}", normalize(name, NameKind::Any).script)
}

// ---------------------------------------------------------------------------
// Deterministic randomness.

/// splitmix64: a small, well-mixed generator; enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn uniform<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Tables list the commonest names first; this picks the front more often
    /// (index ∝ u², so the first tenth of a table gets about a third of the picks).
    fn common<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let u = self.unit();
        &items[((u * u) * items.len() as f64) as usize]
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A seeded hash of a string (FNV-1a, then mixed).
fn hash(seed: u64, s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

// ---------------------------------------------------------------------------
// Aliases.

/// About [`ALIAS_SAMPLE`] names of listed entities, stratified by script:
/// every script gets up to [`ALIAS_PER_SCRIPT`] names, and what is left of the
/// budget goes to the larger scripts in proportion to what they have left.
fn alias_sample(entities: &[Entity]) -> Vec<Row> {
    let mut by_script: BTreeMap<String, Vec<(u64, Row)>> = BTreeMap::new();
    for e in entities {
        for (_, name) in e.names() {
            let row = Row {
                kind: "alias".into(),
                name: name.to_owned(),
                schema: e.schema,
                birth_date: String::new(),
                country: String::new(),
                expected: e.id.clone(),
            };
            let key = hash(SEED, &format!("{}\u{1f}{}", e.id, name));
            by_script.entry(script_of(name)).or_default().push((key, row));
        }
    }
    let floor: usize = by_script.values().map(|g| g.len().min(ALIAS_PER_SCRIPT)).sum();
    let rest: usize = by_script.values().map(|g| g.len().saturating_sub(ALIAS_PER_SCRIPT)).sum();
    let extra = ALIAS_SAMPLE.saturating_sub(floor) as f64 / rest.max(1) as f64;
    let mut out = Vec::new();
    for mut group in by_script.into_values() {
        let over = group.len().saturating_sub(ALIAS_PER_SCRIPT);
        let take = group.len().min(ALIAS_PER_SCRIPT) + (over as f64 * extra.min(1.0)).round() as usize;
        group.sort_by_key(|(k, _)| *k);
        group.truncate(take);
        out.extend(group.into_iter().map(|(_, r)| r));
    }
    out
}

// ---------------------------------------------------------------------------
// Transliterated names of listed persons.

fn translit_rows(entities: &[Entity]) -> Vec<Row> {
    let mut cyrillic = Vec::new();
    let mut arabic = Vec::new();
    for e in entities.iter().filter(|e| e.schema == Schema::Person) {
        let Some(latin) = latin_name(e) else { continue };
        let row = |kind: &str, name: String| Row {
            kind: kind.into(),
            name,
            schema: Schema::Person,
            birth_date: String::new(),
            country: String::new(),
            expected: e.id.clone(),
        };
        let cyr = to_cyrillic(latin);
        if cyr.chars().any(char::is_alphabetic) {
            cyrillic.push(row("translit-cyrillic", cyr));
        }
        if looks_arabic(e, latin) {
            let ar = to_arabic(latin);
            if ar.chars().any(char::is_alphabetic) {
                arabic.push(row("translit-arabic", ar));
            }
        }
    }
    cyrillic.extend(arabic);
    cyrillic
}

/// The entity's caption when it is in Latin letters, else its first Latin name
/// or alias (weak aliases are left out: they are often not a full name).
fn latin_name(e: &Entity) -> Option<&str> {
    let is_latin = |n: &str| script_of(n) == "Latin";
    if is_latin(&e.caption) {
        return Some(&e.caption);
    }
    [Prop::Name, Prop::Alias].into_iter().flat_map(|p| e.get(p).iter()).map(String::as_str).find(|n| is_latin(n))
}

/// Countries whose people's names are written in Arabic script: the Arab
/// League, Iran, Afghanistan and Pakistan.
#[rustfmt::skip]
const ARABIC_SCRIPT_COUNTRIES: &[&str] = &[
    "ae", "bh", "dj", "dz", "eg", "iq", "jo", "km", "kw", "lb", "ly", "ma", "mr", "om", "ps", "qa", "sa", "sd", "so",
    "sy", "tn", "ye", "ir", "af", "pk",
];

/// Name particles that mark an Arabic or Persian name.
const ARABIC_PARTICLES: &[&str] =
    &["al", "bin", "ibn", "bint", "abu", "abou", "abd", "abdul", "abdel", "abdal", "ould"];

/// Common given names of Arabic, Persian and Pashto origin (folded).
#[rustfmt::skip]
const ARABIC_GIVEN: &[&str] = &[
    "mohammed", "muhammad", "mohamed", "mohammad", "muhammed", "mohamad", "mehmood", "ahmed", "ahmad", "ali", "hassan",
    "hasan", "hussein", "husain", "hussain", "husayn", "hossein", "omar", "umar", "khalid", "khaled", "ibrahim",
    "youssef", "yusuf", "yousef", "mustafa", "mostafa", "mahmoud", "mahmud", "said", "saeed", "salem", "salim",
    "saleh", "salih", "hamid", "hamed", "abdullah", "abdallah", "karim", "nasser", "nasir", "jamal", "osama", "usama",
    "tariq", "faisal", "mansour", "mansur", "rashid", "khan", "hamza", "bilal", "ismail", "yahya", "musa", "moussa",
    "isa", "issa", "qasim", "qassim", "jaber", "jabir", "reza", "mehdi", "mahdi", "fatima", "aisha", "zainab",
    "abdulrahman", "abdulaziz", "sultan", "sheikh", "haji", "mullah", "mawlawi",
];

fn looks_arabic(e: &Entity, latin: &str) -> bool {
    if e.countries().iter().any(|c| ARABIC_SCRIPT_COUNTRIES.contains(c)) {
        return true;
    }
    let words: Vec<String> = vetter_names::tokens(latin);
    words.iter().any(|w| ARABIC_PARTICLES.contains(&w.as_str()))
        || words.iter().filter(|w| ARABIC_GIVEN.contains(&w.as_str())).count() >= 2
}

/// Splits a name into letter runs (with apostrophes) and the rest, maps each
/// run with `word`, and keeps the separators.
fn map_words(name: &str, mut word: impl FnMut(&str) -> String) -> String {
    let mut out = String::new();
    let mut run = String::new();
    for c in name.chars().chain(std::iter::once(' ')) {
        if c.is_alphabetic() || c == '\'' || c == '\u{2019}' {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            let ascii: String = fold(&run).split(' ').collect();
            out.push_str(&word(&ascii));
            run.clear();
        }
        out.push(c);
    }
    out.pop();
    out
}

/// Latin to Cyrillic, the reverse of a BGN/PCGN-like romanisation, with
/// English and German spellings (`j`, `w`, `sch`, `th`) read as a Russian
/// clerk would.
fn to_cyrillic(name: &str) -> String {
    map_words(name, |w| capitalise(&cyrillic_word(w)))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn cyrillic_word(w: &str) -> String {
    const MULTI: &[(&str, &str)] = &[
        ("shch", "щ"),
        ("dzh", "дж"),
        ("sch", "ш"),
        ("tch", "ч"),
        ("zh", "ж"),
        ("kh", "х"),
        ("ts", "ц"),
        ("tz", "ц"),
        ("ch", "ч"),
        ("sh", "ш"),
        ("ph", "ф"),
        ("th", "т"),
        ("ck", "к"),
        ("gh", "г"),
        ("dj", "дж"),
        ("qu", "кв"),
        ("ou", "у"),
    ];
    let b = w.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    'outer: while i < b.len() {
        let rest = &w[i..];
        for (lat, cyr) in MULTI {
            if rest.starts_with(lat) {
                out.push_str(cyr);
                i += lat.len();
                continue 'outer;
            }
        }
        let prev = (i > 0).then(|| b[i - 1]);
        let next = b.get(i + 1).copied();
        let c = b[i];
        let s = match c {
            b'y' => match next {
                Some(v @ (b'a' | b'u' | b'e' | b'o')) => {
                    if prev.is_some_and(|p| !is_vowel(p)) {
                        out.push('ь');
                    }
                    out.push(match v {
                        b'a' => 'я',
                        b'u' => 'ю',
                        b'e' => 'е',
                        _ => 'ё',
                    });
                    i += 2;
                    continue;
                }
                _ if prev.is_some_and(is_vowel) => "й",
                None => "и",
                _ if prev.is_none() => "и",
                _ => "ы",
            },
            b'e' if prev.is_none() => "э",
            b'e' => "е",
            b'a' => "а",
            b'i' => "и",
            b'o' => "о",
            b'u' => "у",
            b'b' => "б",
            b'v' | b'w' => "в",
            b'g' => "г",
            b'd' => "д",
            b'z' => "з",
            b'j' => "дж",
            b'k' | b'q' => "к",
            b'c' if matches!(next, Some(b'e' | b'i' | b'y')) => "с",
            b'c' => "к",
            b'l' => "л",
            b'm' => "м",
            b'n' => "н",
            b'p' => "п",
            b'r' => "р",
            b's' => "с",
            b't' => "т",
            b'f' => "ф",
            b'h' => "х",
            b'x' => "кс",
            _ => "",
        };
        out.push_str(s);
        i += 1;
    }
    out
}

/// Latin to Arabic script: common names from [`ARABIC_NAMES`], `al`/`el` joined
/// to the next word, `Abdul X` as `عبد الX`, other words letter by letter.
fn to_arabic(name: &str) -> String {
    let words = vetter_names::tokens(name);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_str();
        let next = words.get(i + 1).map(String::as_str);
        // The article, also in its assimilated spellings (`ar-Rahman`, `ud-Din`).
        let is_article = |x: &str| {
            matches!(
                x,
                "al" | "el" | "ul" | "ar" | "as" | "ad" | "an" | "at" | "az" | "ash" | "ur" | "ud" | "us" | "un" | "ut"
            )
        };
        match (w, next) {
            ("abd" | "abdul" | "abdel" | "abdal" | "abdol" | "abdoul" | "abdur" | "abdu", Some(n)) => {
                let (target, skip) = match words.get(i + 2) {
                    Some(t) if is_article(n) => (t.as_str(), 3),
                    _ => (n, 2),
                };
                out.push(format!("عبد ال{}", arabic_word(target)));
                i += skip;
            }
            (a, Some(n)) if is_article(a) => {
                let word = arabic_word(n);
                // Table words such as `din` → الدين carry their article already.
                out.push(if word.starts_with("ال") { word } else { format!("ال{word}") });
                i += 2;
            }
            _ => {
                out.push(arabic_word(w));
                i += 1;
            }
        }
    }
    out.join(" ")
}

fn arabic_word(w: &str) -> String {
    if let Some((_, ar)) = ARABIC_NAMES.iter().find(|(lat, _)| lat.split('|').any(|l| l == w)) {
        return (*ar).to_owned();
    }
    const MULTI: &[(&str, &str)] = &[
        ("sh", "ش"),
        ("kh", "خ"),
        ("gh", "غ"),
        ("th", "ث"),
        ("dh", "ذ"),
        ("ch", "ش"),
        ("ou", "و"),
        ("oo", "و"),
        ("ee", "ي"),
        ("aa", "ا"),
        ("ay", "ي"),
        ("ai", "ي"),
        ("aw", "و"),
    ];
    let b = w.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    let mut last = "";
    if let Some(first) = b.first().filter(|c| is_vowel(**c) && **c != b'y') {
        // A word-initial vowel is written on an alif (`Ayad` → أيد, `Omid` → أميد).
        out.push(if matches!(first, b'e' | b'i') { 'إ' } else { 'أ' });
        i = 1;
    }
    'outer: while i < b.len() {
        let rest = &w[i..];
        for (lat, ar) in MULTI {
            if rest.starts_with(lat) {
                if *ar != last {
                    out.push_str(ar);
                }
                last = ar;
                i += lat.len();
                continue 'outer;
            }
        }
        let end = i + 1 == b.len();
        let s = match b[i] {
            b'a' if end => "ا",
            b'a' | b'e' => "",
            b'i' | b'y' => "ي",
            b'o' | b'u' => "و",
            b'h' if end && i > 0 && b[i - 1] == b'a' => {
                // `-ah` is a tāʾ marbūṭa.
                out.push('ة');
                break;
            }
            b'h' if end => "ه",
            b'h' => "ح",
            b'b' | b'p' => "ب",
            b't' => "ت",
            b'j' | b'g' => "ج",
            b'd' => "د",
            b'r' => "ر",
            b'z' => "ز",
            b's' => "س",
            b'f' | b'v' => "ف",
            b'q' => "ق",
            b'k' | b'c' => "ك",
            b'l' => "ل",
            b'm' => "م",
            b'n' => "ن",
            b'w' => "و",
            b'x' => "كس",
            _ => "",
        };
        // Doubled consonants are written once (the shadda is left out); a
        // vowel in between, written or not, keeps both.
        if s != last || matches!(s, "ي" | "و") {
            out.push_str(s);
        }
        last = if is_vowel(b[i]) && !matches!(s, "ي" | "و") { "" } else { s };
        i += 1;
    }
    out
}

/// Common names in Arabic script: Latin spellings separated by `|`.
#[rustfmt::skip]
const ARABIC_NAMES: &[(&str, &str)] = &[
    ("mohammed|muhammad|mohamed|mohammad|muhammed|mohamad|mohd|mohamud|muhamad|mouhamed", "محمد"),
    ("ahmed|ahmad", "أحمد"), ("ali", "علي"), ("omar|umar|omer", "عمر"), ("khalid|khaled", "خالد"),
    ("hassan|hasan", "حسن"), ("hussein|husain|hussain|husayn|hossein|hosein|husein", "حسين"),
    ("ibrahim|ebrahim|brahim", "إبراهيم"), ("youssef|yusuf|yousef|yousif|yusif|youcef", "يوسف"),
    ("mustafa|mostafa|moustafa", "مصطفى"), ("mahmoud|mahmud|mahmood", "محمود"),
    ("abdullah|abdallah|abdulla|abdollah", "عبدالله"), ("said|saeed|saed|saaid", "سعيد"),
    ("salem|salim", "سالم"), ("saleh|salih", "صالح"), ("hamid|hamed", "حامد"), ("karim|kareem", "كريم"),
    ("nasser|nasir|nasr", "ناصر"), ("jamal|gamal", "جمال"), ("osama|usama|ousama", "أسامة"),
    ("tariq|tarek|tareq", "طارق"), ("faisal|faysal|feisal", "فيصل"), ("mansour|mansur", "منصور"),
    ("rashid|rachid|rasheed", "رشيد"), ("hamza|hamzah", "حمزة"), ("bilal", "بلال"), ("ismail|ismael|esmail", "إسماعيل"),
    ("yahya|yehia", "يحيى"), ("musa|moussa|mousa", "موسى"), ("isa|issa|eisa", "عيسى"), ("qasim|qassim|kassem|qasem", "قاسم"),
    ("jaber|jabir", "جابر"), ("mahdi|mehdi", "مهدي"), ("reza|rida|ridha", "رضا"), ("fatima|fatimah|fatema|fatemeh", "فاطمة"),
    ("aisha|aysha|aicha", "عائشة"), ("zainab|zaynab|zeinab", "زينب"), ("maryam|mariam", "مريم"),
    ("sultan", "سلطان"), ("sheikh|shaikh|cheikh|shaykh", "شيخ"), ("haji|hajji|hadji", "حاجي"), ("mullah|mulla", "ملا"),
    ("bin|ibn|ben", "بن"), ("bint", "بنت"), ("abu|abou|abo", "أبو"), ("ould", "ولد"), ("khan", "خان"),
    ("allah", "الله"), ("din|deen|addin|uddin|eddine|eddin", "الدين"), ("rahman|rehman", "رحمن"),
    ("aziz", "عزيز"), ("abbas", "عباس"), ("jafar|jaafar|ja'far", "جعفر"), ("hadi", "هادي"), ("saad|sa'ad", "سعد"),
    ("majid|majeed", "ماجد"), ("walid|waleed", "وليد"), ("samir|sameer", "سمير"), ("adel|adil", "عادل"),
    ("anwar", "أنور"), ("nabil|nabeel", "نبيل"), ("hisham|hesham", "هشام"), ("ayman|aiman", "أيمن"),
    ("usman|othman|uthman|osman", "عثمان"), ("suleiman|sulaiman|sulayman|soliman", "سليمان"),
    ("zakaria|zakariya|zakariyya", "زكريا"), ("idris|idriss|driss", "إدريس"), ("yunus|younes|younis|yunis", "يونس"),
    ("ayoub|ayub|ayyub", "أيوب"), ("habib", "حبيب"), ("hakim", "حكيم"), ("nur|nour|noor", "نور"), ("amin|ameen", "أمين"),
    ("anas", "أنس"), ("amr|amro", "عمرو"), ("marwan", "مروان"), ("ghulam|gholam", "غلام"), ("nazar", "نظر"),
    ("akbar", "أكبر"), ("asghar", "أصغر"), ("iqbal", "إقبال"), ("tahir|taher", "طاهر"), ("zahir|zaher", "ظاهر"),
    ("shah", "شاه"), ("gul", "گل"), ("jan", "جان"), ("masri", "مصري"),
];

// ---------------------------------------------------------------------------
// Synthetic people.

/// A naming culture: its name, where its people live, and its name generator.
struct Culture {
    id: &'static str,
    /// Countries of residence or nationality, commonest first.
    countries: &'static [&'static str],
    generate: fn(&mut Rng) -> Generated,
}

/// A generated name: the words in printed order, and whether the last word
/// group is the family name (for `SURNAME, Given` renderings).
struct Generated {
    given: Vec<String>,
    family: Vec<String>,
    /// The family name is written first (Chinese, Korean, Vietnamese).
    family_first: bool,
    /// The name written in its own script instead (not re-cased or reordered).
    native: Option<String>,
}

impl Generated {
    fn latin(given: Vec<String>, family: Vec<String>) -> Generated {
        Generated { given, family, family_first: false, native: None }
    }
}

const CULTURES: &[Culture] = &[
    Culture { id: "anglo", countries: &["us", "gb", "ca", "au", "ie", "nz"], generate: gen_anglo },
    Culture { id: "hispanic", countries: &["mx", "es", "co", "ar", "pe", "ve", "cl", "us"], generate: gen_hispanic },
    Culture { id: "portuguese", countries: &["br", "pt", "ao", "mz"], generate: gen_portuguese },
    Culture { id: "german", countries: &["de", "at", "ch"], generate: gen_german },
    Culture { id: "french", countries: &["fr", "be", "ca", "ch", "lu"], generate: gen_french },
    Culture { id: "italian", countries: &["it", "ch", "sm"], generate: gen_italian },
    Culture { id: "russian", countries: &["ru", "ua", "by", "kz"], generate: gen_russian },
    Culture {
        id: "arabic",
        countries: &["eg", "sa", "jo", "ae", "ma", "lb", "dz", "tn", "kw", "qa", "iq", "sy"],
        generate: gen_arabic,
    },
    Culture { id: "persian", countries: &["ir"], generate: gen_persian },
    Culture { id: "turkish", countries: &["tr", "cy"], generate: gen_turkish },
    Culture { id: "indian", countries: &["in"], generate: gen_indian },
    Culture { id: "chinese", countries: &["cn", "tw", "hk", "sg", "my"], generate: gen_chinese },
    Culture { id: "korean", countries: &["kr"], generate: gen_korean },
    Culture { id: "vietnamese", countries: &["vn"], generate: gen_vietnamese },
    Culture { id: "west-african", countries: &["ng", "gh", "sn", "ci", "cm"], generate: gen_west_african },
];

/// Where people of any culture also live.
const DIASPORA: &[&str] = &["us", "gb", "de", "fr", "ca", "au", "ae", "nl", "se", "es", "it", "ch"];

fn synthetic_rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for culture in CULTURES {
        let mut rng = Rng::new(hash(SEED, culture.id));
        for _ in 0..PER_CULTURE {
            let g = (culture.generate)(&mut rng);
            let name = render(&mut rng, &g);
            let birth_date = if rng.chance(0.5) { birth_date(&mut rng) } else { String::new() };
            let country = if rng.chance(0.5) {
                let c = if rng.chance(0.88) { rng.common(culture.countries) } else { rng.uniform(DIASPORA) };
                c.to_ascii_uppercase()
            } else {
                String::new()
            };
            rows.push(Row {
                kind: format!("synthetic-{}", culture.id),
                name,
                schema: Schema::Person,
                birth_date,
                country,
                expected: String::new(),
            });
        }
    }
    rows
}

/// Prints a generated name the way customer files do: mostly as written,
/// sometimes `SURNAME, Given` or all upper case.
fn render(rng: &mut Rng, g: &Generated) -> String {
    if let Some(native) = &g.native {
        return native.clone();
    }
    let given = g.given.join(" ");
    let family = g.family.join(" ");
    let natural = match (given.is_empty(), g.family_first) {
        (true, _) => family.clone(),
        (false, true) => format!("{family} {given}"),
        (false, false) => format!("{given} {family}"),
    };
    let u = rng.unit();
    if u < 0.08 && !given.is_empty() {
        format!("{}, {given}", family.to_uppercase())
    } else if u < 0.15 {
        natural.to_uppercase()
    } else {
        natural
    }
}

fn birth_date(rng: &mut Rng) -> String {
    let year = 1940 + rng.below(66);
    if rng.chance(0.12) {
        return year.to_string();
    }
    format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))
}

fn words(s: &str) -> Vec<String> {
    s.split(' ').map(str::to_owned).collect()
}

/// Strips Latin diacritics the way many databases store names (`Müller` → `Muller`).
fn ascii(s: &str) -> String {
    const PARTICLES: &[&str] = &["de", "del", "la", "da", "das", "do", "dos", "le", "van", "von"];
    s.split(' ')
        .map(|w| map_words(w, |a| a.to_owned()))
        .map(|w| if PARTICLES.contains(&w.as_str()) { w } else { capitalise_words(&w) })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise_words(s: &str) -> String {
    s.split('-').map(capitalise).collect::<Vec<_>>().join("-")
}

fn gen_anglo(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.5);
    let pool = if female { ANGLO_FEMALE } else { ANGLO_MALE };
    let mut given = vec![rng.common(pool).to_string()];
    let u = rng.unit();
    if u < 0.25 {
        given.push(rng.common(pool).to_string());
    } else if u < 0.4 {
        given.push(format!("{}.", &rng.common(pool)[..1]));
    }
    let mut family = rng.common(ANGLO_SURNAMES).to_string();
    if rng.chance(0.04) {
        family = format!("{family}-{}", rng.common(ANGLO_SURNAMES));
    }
    Generated::latin(given, vec![family])
}

fn gen_hispanic(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.5);
    let pool = if female { HISPANIC_FEMALE } else { HISPANIC_MALE };
    let mut given = vec![rng.common(pool).to_string()];
    if rng.chance(0.3) {
        given.push(rng.common(pool).to_string());
    } else if female && rng.chance(0.05) {
        given.push("del Carmen".into());
    }
    let mut family = vec![rng.common(HISPANIC_SURNAMES).to_string()];
    if rng.chance(0.8) {
        family.push(rng.common(HISPANIC_SURNAMES).to_string());
    }
    let mut g = Generated::latin(given.iter().flat_map(|w| words(w)).collect(), family);
    if rng.chance(0.4) {
        g.given = g.given.iter().map(|w| ascii(w)).collect();
        g.family = g.family.iter().map(|w| ascii(w)).collect();
    }
    g
}

fn gen_portuguese(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.5);
    let pool = if female { PORTUGUESE_FEMALE } else { PORTUGUESE_MALE };
    let mut given = vec![rng.common(pool).to_string()];
    if rng.chance(0.4) {
        given.push(rng.common(pool).to_string());
    }
    let mut family = Vec::new();
    if rng.chance(0.6) {
        family.push(rng.common(PORTUGUESE_SURNAMES).to_string());
    }
    if rng.chance(0.25) {
        family.push(rng.uniform(&["da", "de", "dos", "das"]).to_string());
    }
    family.push(rng.common(PORTUGUESE_SURNAMES).to_string());
    let mut g = Generated::latin(given, family);
    if rng.chance(0.3) {
        g.given = g.given.iter().map(|w| ascii(w)).collect();
        g.family = g.family.iter().map(|w| if w.len() <= 3 { w.clone() } else { ascii(w) }).collect();
    }
    g
}

fn gen_german(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.5);
    let pool = if female { GERMAN_FEMALE } else { GERMAN_MALE };
    let mut given = vec![rng.common(pool).to_string()];
    if rng.chance(0.3) {
        given.push(rng.common(pool).to_string());
    }
    let mut family = rng.common(GERMAN_SURNAMES).to_string();
    if rng.chance(0.05) {
        family = format!("{family}-{}", rng.common(GERMAN_SURNAMES));
    }
    if rng.chance(0.3) {
        // Umlauts as the German fallback spelling.
        let fallback = |s: &str| s.replace('ä', "ae").replace('ö', "oe").replace('ü', "ue").replace('ß', "ss");
        given = given.iter().map(|w| fallback(w)).collect();
        family = fallback(&family);
    }
    Generated::latin(given, vec![family])
}

fn gen_french(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.5);
    let pool = if female { FRENCH_FEMALE } else { FRENCH_MALE };
    let mut given = vec![rng.common(pool).to_string()];
    if rng.chance(0.2) {
        given.push(rng.common(pool).to_string());
    }
    let family = rng.common(FRENCH_SURNAMES).to_string();
    let mut g = Generated::latin(given, words(&family));
    if rng.chance(0.25) {
        g.given = g.given.iter().map(|w| ascii(w)).collect();
    }
    g
}

fn gen_italian(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.5);
    let pool = if female { ITALIAN_FEMALE } else { ITALIAN_MALE };
    let mut given = vec![rng.common(pool).to_string()];
    if rng.chance(0.15) {
        given.push(rng.common(pool).to_string());
    }
    let surname = rng.common(ITALIAN_SURNAMES).to_string();
    Generated::latin(given, words(&surname))
}

fn gen_russian(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.5);
    let given = if female { rng.common(RUSSIAN_FEMALE).to_string() } else { rng.common(RUSSIAN_MALE).0.to_string() };
    let (_, pat_m, pat_f) = rng.common(RUSSIAN_MALE);
    let patronymic = if female { pat_f } else { pat_m };
    let surname = rng.common(RUSSIAN_SURNAMES);
    let surname = if female { feminine_surname(surname) } else { (*surname).to_owned() };
    let mut given = vec![given];
    let u = rng.unit();
    let family_first = u < 0.15;
    if u < 0.75 {
        given.push(patronymic.to_string());
    }
    let mut g = Generated { given, family: vec![surname], family_first, native: None };
    if rng.chance(0.3) {
        let latin = if family_first {
            format!("{} {}", g.family.join(" "), g.given.join(" "))
        } else {
            format!("{} {}", g.given.join(" "), g.family.join(" "))
        };
        g.native = Some(to_cyrillic(&latin));
    } else if rng.chance(0.25) {
        // Other romanisations: Sergei, Aleksei, Yury, Alexander.
        g.given = g.given.iter().map(|w| w.replace("ey", "ei").replace("iy", "y").replace("ks", "x")).collect();
    }
    g
}

fn feminine_surname(s: &str) -> String {
    if let Some(stem) = s.strip_suffix("iy").or_else(|| s.strip_suffix("yy")) {
        format!("{stem}aya")
    } else if s.ends_with("ov") || s.ends_with("ev") || s.ends_with("in") || s.ends_with("yn") {
        format!("{s}a")
    } else {
        s.to_owned()
    }
}

fn gen_arabic(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.4);
    let first = if female { rng.common(ARABIC_FEMALE) } else { rng.common(ARABIC_MALE) };
    let mut parts: Vec<(String, String)> = vec![(first.0.to_owned(), first.1.to_owned())];
    let u = rng.unit();
    // Father's name, sometimes with `bin`/`bint` (Gulf), sometimes the grandfather's too.
    if u < 0.12 {
        let (b_lat, b_ar) = if female { ("bint", "بنت") } else { ("bin", "بن") };
        let father = rng.common(ARABIC_MALE);
        parts.push((b_lat.into(), b_ar.into()));
        parts.push((father.0.into(), father.1.into()));
    } else if u < 0.65 {
        let father = rng.common(ARABIC_MALE);
        parts.push((father.0.into(), father.1.into()));
        if rng.chance(0.2) {
            let grandfather = rng.common(ARABIC_MALE);
            parts.push((grandfather.0.into(), grandfather.1.into()));
        }
    }
    let family = rng.common(ARABIC_FAMILY);
    if rng.chance(0.25) {
        let mut native: Vec<&str> = parts.iter().map(|(_, a)| a.as_str()).collect();
        native.push(family.1);
        return Generated {
            given: Vec::new(),
            family: Vec::new(),
            family_first: false,
            native: Some(native.join(" ")),
        };
    }
    let mut given: Vec<String> = parts.into_iter().map(|(l, _)| l).collect();
    if rng.chance(0.35) {
        // Other spellings of Mohammed and Ahmed.
        for w in &mut given {
            if w == "Mohammed" {
                *w = rng.uniform(&["Mohamed", "Muhammad", "Mohammad", "Mohamad"]).to_string();
            } else if w == "Ahmed" {
                *w = "Ahmad".into();
            }
        }
    }
    Generated::latin(given, words(family.0))
}

fn gen_persian(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.45);
    let pool = if female { PERSIAN_FEMALE } else { PERSIAN_MALE };
    let mut given = vec![rng.common(pool).to_string()];
    if !female && rng.chance(0.1) {
        given.push(rng.common(pool).to_string());
    }
    Generated::latin(given, vec![rng.common(PERSIAN_SURNAMES).to_string()])
}

fn gen_turkish(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.5);
    let pool = if female { TURKISH_FEMALE } else { TURKISH_MALE };
    let mut given = vec![rng.common(pool).to_string()];
    if rng.chance(0.2) {
        given.push(rng.common(pool).to_string());
    }
    let mut g = Generated::latin(given, vec![rng.common(TURKISH_SURNAMES).to_string()]);
    if rng.chance(0.35) {
        let fold_tr = |s: &String| ascii(&s.replace('ı', "i").replace('İ', "I"));
        g.given = g.given.iter().map(fold_tr).collect();
        g.family = g.family.iter().map(fold_tr).collect();
    }
    g
}

fn gen_indian(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.5);
    let sikh = rng.chance(0.1);
    if sikh {
        let pool = ["Harpreet", "Gurpreet", "Manpreet", "Jaspreet", "Harjit", "Gurdeep", "Simran", "Navjot"];
        let given = rng.uniform(&pool).to_string();
        let mut family = vec![if female { "Kaur" } else { "Singh" }.to_string()];
        if rng.chance(0.5) {
            family.push(rng.uniform(&["Gill", "Sandhu", "Dhillon", "Grewal", "Sidhu", "Bains"]).to_string());
        }
        return Generated::latin(vec![given], family);
    }
    let pool = if female { INDIAN_FEMALE } else { INDIAN_MALE };
    let mut given = vec![rng.common(pool).to_string()];
    if rng.chance(0.2) {
        let middle: &[&str] =
            if female { &["Kumari", "Devi", "Rani"] } else { &["Kumar", "Prasad", "Lal", "Chandra", "Nath", "Raj"] };
        given.push(rng.uniform(middle).to_string());
    }
    let surname = rng.common(INDIAN_SURNAMES).to_string();
    if rng.chance(0.07) {
        // South Indian style: an initial for the family or father's name.
        return Generated::latin(vec![format!("{}.", &surname[..1])], vec![given[0].clone()]);
    }
    Generated::latin(given, vec![surname])
}

fn gen_chinese(rng: &mut Rng) -> Generated {
    let surname = rng.common(CHINESE_SURNAMES);
    let mut syllables = vec![rng.common(CHINESE_GIVEN)];
    if rng.chance(0.65) {
        syllables.push(rng.common(CHINESE_GIVEN));
    }
    if rng.chance(0.25) {
        let han: String = std::iter::once(surname.1).chain(syllables.iter().map(|s| s.1)).collect();
        return Generated { given: Vec::new(), family: Vec::new(), family_first: true, native: Some(han) };
    }
    let pinyin: Vec<&str> = syllables.iter().map(|s| s.0).collect();
    let given = match rng.unit() {
        u if u < 0.1 && pinyin.len() == 2 => vec![pinyin[0].to_string(), pinyin[1].to_string()],
        u if u < 0.15 && pinyin.len() == 2 => vec![format!("{}-{}", pinyin[0], pinyin[1].to_lowercase())],
        _ => vec![capitalise(&pinyin.concat().to_lowercase())],
    };
    Generated { given, family: vec![surname.0.to_string()], family_first: !rng.chance(0.15), native: None }
}

fn gen_korean(rng: &mut Rng) -> Generated {
    let surname = rng.common(KOREAN_SURNAMES);
    let a = rng.common(KOREAN_GIVEN);
    let mut b = rng.common(KOREAN_GIVEN);
    while b.0 == a.0 {
        b = rng.uniform(KOREAN_GIVEN);
    }
    if rng.chance(0.25) {
        return Generated {
            given: Vec::new(),
            family: Vec::new(),
            family_first: true,
            native: Some(format!("{}{}{}", surname.1, a.1, b.1)),
        };
    }
    let given = match rng.unit() {
        u if u < 0.5 => vec![format!("{}-{}", a.0, b.0.to_lowercase())],
        u if u < 0.8 => vec![format!("{}{}", a.0, b.0.to_lowercase())],
        _ => vec![a.0.to_string(), b.0.to_string()],
    };
    Generated { given, family: vec![surname.0.to_string()], family_first: !rng.chance(0.2), native: None }
}

fn gen_vietnamese(rng: &mut Rng) -> Generated {
    let female = rng.chance(0.5);
    let surname = rng.common(VIETNAMESE_SURNAMES).to_string();
    let middle = if female { rng.common(VIETNAMESE_MIDDLE_F) } else { rng.common(VIETNAMESE_MIDDLE_M) };
    let mut given = Vec::new();
    if rng.chance(0.85) {
        given.push(middle.to_string());
    }
    given.push(rng.common(VIETNAMESE_GIVEN).to_string());
    let mut g = Generated { given, family: vec![surname], family_first: !rng.chance(0.1), native: None };
    if rng.chance(0.5) {
        g.given = g.given.iter().map(|w| ascii(w)).collect();
        g.family = g.family.iter().map(|w| ascii(w)).collect();
    }
    g
}

fn gen_west_african(rng: &mut Rng) -> Generated {
    let (given_pool, surnames): (&[&str], &[&str]) = match rng.below(5) {
        0 => (YORUBA_GIVEN, YORUBA_SURNAMES),
        1 => (IGBO_GIVEN, IGBO_SURNAMES),
        2 => (HAUSA_GIVEN, HAUSA_SURNAMES),
        3 => (AKAN_GIVEN, AKAN_SURNAMES),
        _ => (WOLOF_GIVEN, WOLOF_SURNAMES),
    };
    let mut given = Vec::new();
    if rng.chance(0.3) {
        given.push(rng.common(WEST_AFRICAN_CHRISTIAN).to_string());
    }
    given.push(rng.common(given_pool).to_string());
    Generated::latin(given, vec![rng.common(surnames).to_string()])
}

// ---------------------------------------------------------------------------
// Name tables: common given names and surnames per culture, commonest first
// (roughly; the order biases the picks, see `Rng::common`).

#[rustfmt::skip]
const ANGLO_MALE: &[&str] = &[
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Christopher",
    "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian",
    "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric",
    "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Alexander",
    "Patrick", "Frank", "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Henry", "Adam", "Douglas", "Nathan",
    "Peter", "Zachary", "Kyle", "Noah", "Ethan", "Liam", "Oliver", "Harry", "Oscar", "Connor", "Luke", "Callum",
];

#[rustfmt::skip]
const ANGLO_FEMALE: &[&str] = &[
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Lisa",
    "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Carol", "Amanda",
    "Dorothy", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy", "Angela",
    "Shirley", "Anna", "Brenda", "Pamela", "Emma", "Nicole", "Helen", "Samantha", "Katherine", "Christine", "Rachel",
    "Olivia", "Sophie", "Chloe", "Megan", "Hannah", "Lauren", "Grace", "Charlotte", "Amelia", "Isla", "Jade", "Holly",
];

#[rustfmt::skip]
const ANGLO_SURNAMES: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas",
    "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young",
    "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts",
    "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook",
    "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox",
    "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross",
    "Foster", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Fisher", "Henderson", "Coleman", "Patterson",
    "Jordan", "Reynolds", "Hamilton", "Graham", "Wallace", "Cole", "West", "Stone", "Murray", "Ford", "Marshall",
    "Owens", "McDonald", "Kennedy", "Wells", "O'Brien", "O'Connor", "Byrne", "Walsh", "Fitzgerald", "Lloyd",
    "Davies", "MacLeod", "Harrison", "Chapman", "Barker", "Holmes", "Lawrence", "Palmer", "Fletcher", "Hunt",
];

#[rustfmt::skip]
const HISPANIC_MALE: &[&str] = &[
    "José", "Juan", "Luis", "Carlos", "Jorge", "Miguel", "Pedro", "Francisco", "Antonio", "Manuel", "Javier",
    "Alejandro", "Fernando", "Ricardo", "Roberto", "Eduardo", "Diego", "Andrés", "Sergio", "Raúl", "Rafael", "Pablo",
    "Daniel", "Alberto", "Héctor", "Óscar", "Mario", "Jesús", "Ramón", "Enrique", "Gustavo", "Arturo", "Santiago",
    "Mateo", "Sebastián", "Nicolás", "Gabriel", "Ángel", "Víctor", "Rubén", "Hugo", "Emilio", "Ignacio", "Gonzalo",
    "Rodrigo", "Alfonso", "Ernesto", "Julio", "Martín", "Felipe",
];

#[rustfmt::skip]
const HISPANIC_FEMALE: &[&str] = &[
    "María", "Ana", "Carmen", "Rosa", "Laura", "Isabel", "Lucía", "Sofía", "Valentina", "Camila", "Gabriela",
    "Daniela", "Paula", "Andrea", "Marta", "Patricia", "Elena", "Cristina", "Teresa", "Silvia", "Claudia",
    "Alejandra", "Verónica", "Mónica", "Adriana", "Diana", "Natalia", "Carolina", "Fernanda", "Guadalupe",
    "Beatriz", "Pilar", "Mercedes", "Dolores", "Julia", "Raquel", "Lorena", "Ximena", "Valeria", "Mariana", "Paola",
];

#[rustfmt::skip]
const HISPANIC_SURNAMES: &[&str] = &[
    "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
    "Flores", "Rivera", "Gómez", "Díaz", "Cruz", "Morales", "Reyes", "Gutiérrez", "Ortiz", "Ramos", "Romero",
    "Jiménez", "Ruiz", "Álvarez", "Moreno", "Muñoz", "Castillo", "Vargas", "Castro", "Mendoza", "Herrera", "Medina",
    "Aguilar", "Vega", "Rojas", "Navarro", "Domínguez", "Guerrero", "Delgado", "Cabrera", "Molina", "Suárez",
    "Ortega", "Silva", "Núñez", "Salazar", "Contreras", "Espinoza", "Sandoval", "Figueroa", "Fuentes", "Campos",
    "Cortés", "Serrano", "Blanco", "Iglesias", "Soto", "Peña", "Vázquez", "Rubio", "Marín", "Sanz", "Calvo", "Gil",
    "Méndez", "Prieto", "Lozano", "Cano", "Santana", "de la Cruz", "de León", "del Río", "Ibarra", "Valencia",
];

#[rustfmt::skip]
const PORTUGUESE_MALE: &[&str] = &[
    "João", "Pedro", "Lucas", "Gabriel", "Mateus", "Rafael", "Gustavo", "Felipe", "Bruno", "Thiago", "Rodrigo",
    "Marcelo", "Paulo", "Carlos", "José", "Antônio", "Francisco", "Luiz", "Eduardo", "Fernando", "Ricardo", "André",
    "Diego", "Leonardo", "Vinícius", "Guilherme", "Henrique", "Daniel", "Miguel", "Arthur", "Davi", "Bernardo",
    "Heitor", "Samuel", "Caio", "Renato", "Sérgio", "Márcio", "Fábio", "Rui", "Nuno", "Tiago",
];

#[rustfmt::skip]
const PORTUGUESE_FEMALE: &[&str] = &[
    "Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia", "Fernanda", "Patrícia", "Aline",
    "Camila", "Amanda", "Bruna", "Jéssica", "Letícia", "Larissa", "Beatriz", "Mariana", "Gabriela", "Luana",
    "Vitória", "Júlia", "Isabela", "Sofia", "Alice", "Laura", "Manuela", "Helena", "Valentina", "Rafaela",
    "Carolina", "Inês", "Joana", "Rita", "Catarina",
];

#[rustfmt::skip]
const PORTUGUESE_SURNAMES: &[&str] = &[
    "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa",
    "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha",
    "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso",
    "Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Pinto", "Correia", "Cavalcanti", "Monteiro", "Moura",
    "Azevedo", "Batista", "Campos", "Duarte", "Fonseca", "Tavares",
];

#[rustfmt::skip]
const GERMAN_MALE: &[&str] = &[
    "Thomas", "Michael", "Andreas", "Stefan", "Christian", "Markus", "Frank", "Peter", "Klaus", "Jürgen", "Wolfgang",
    "Uwe", "Martin", "Matthias", "Alexander", "Sebastian", "Tobias", "Florian", "Daniel", "Jan", "Lukas", "Jonas",
    "Felix", "Maximilian", "Leon", "Paul", "Finn", "Niklas", "Tim", "Dirk", "Holger", "Ralf", "Bernd", "Helmut",
    "Manfred", "Dieter", "Günter", "Horst", "Karl-Heinz", "Hans-Peter", "Philipp", "Moritz", "Fabian", "Jörg",
];

#[rustfmt::skip]
const GERMAN_FEMALE: &[&str] = &[
    "Sabine", "Petra", "Monika", "Andrea", "Claudia", "Susanne", "Birgit", "Stefanie", "Julia", "Anna",
    "Katharina", "Sarah", "Laura", "Lena", "Lea", "Hannah", "Sophie", "Marie", "Emma", "Mia", "Anja", "Nicole",
    "Sandra", "Kerstin", "Ute", "Ursula", "Renate", "Heike", "Karin", "Gabriele", "Christina", "Franziska",
    "Johanna", "Charlotte", "Greta", "Ingrid", "Brigitte", "Elke", "Silke",
];

#[rustfmt::skip]
const GERMAN_SURNAMES: &[&str] = &[
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
    "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann",
    "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs",
    "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller",
    "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster",
    "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto",
    "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Dietrich", "Ziegler", "Kuhn",
    "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
];

#[rustfmt::skip]
const FRENCH_MALE: &[&str] = &[
    "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Jacques", "Bernard", "Patrick", "Nicolas",
    "Christophe", "Daniel", "Éric", "Frédéric", "Laurent", "Stéphane", "David", "Olivier", "Sébastien", "Julien",
    "Thomas", "Antoine", "Maxime", "Guillaume", "Hugo", "Lucas", "Louis", "Gabriel", "Arthur", "Jules", "Raphaël",
    "Mathieu", "Vincent", "François", "Thierry", "Pascal", "Didier", "Gérard", "Yves", "Benoît", "Romain",
    "Jean-Pierre", "Jean-Luc", "Jean-Claude", "Jean-Marc",
];

#[rustfmt::skip]
const FRENCH_FEMALE: &[&str] = &[
    "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Martine", "Françoise", "Christine", "Monique",
    "Valérie", "Sandrine", "Stéphanie", "Sophie", "Céline", "Aurélie", "Julie", "Camille", "Léa", "Manon", "Chloé",
    "Emma", "Jade", "Louise", "Alice", "Inès", "Juliette", "Mathilde", "Claire", "Anne", "Hélène", "Élodie",
    "Émilie", "Véronique", "Brigitte", "Nicole", "Marie-Claire", "Anne-Sophie", "Marie-Hélène",
];

#[rustfmt::skip]
const FRENCH_SURNAMES: &[&str] = &[
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
    "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
    "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier",
    "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
    "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard",
    "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer",
    "Lucas", "Meunier", "Perez", "Marchand", "Dufour", "Blanchard", "Barbier", "Brun", "Dumas", "Brunet",
    "Schmitt", "Leroux", "Colin", "Fernandez", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud",
    "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Lacroix", "Fabre", "Dupuis",
    "Le Gall", "Le Roux", "Rivière", "Carré", "Deschamps", "Fleury", "Benoit",
];

#[rustfmt::skip]
const ITALIAN_MALE: &[&str] = &[
    "Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Angelo", "Vincenzo", "Pietro", "Salvatore",
    "Carlo", "Franco", "Domenico", "Bruno", "Paolo", "Michele", "Giorgio", "Aldo", "Sergio", "Luciano", "Marco",
    "Andrea", "Alessandro", "Matteo", "Lorenzo", "Leonardo", "Riccardo", "Davide", "Stefano", "Roberto", "Massimo",
    "Fabio", "Simone", "Luca", "Federico", "Gianluca", "Emanuele", "Nicola", "Claudio", "Enrico",
];

#[rustfmt::skip]
const ITALIAN_FEMALE: &[&str] = &[
    "Maria", "Anna", "Giuseppina", "Rosa", "Angela", "Giovanna", "Teresa", "Lucia", "Carmela", "Caterina",
    "Francesca", "Antonietta", "Elena", "Chiara", "Giulia", "Sara", "Martina", "Valentina", "Alessandra",
    "Federica", "Silvia", "Laura", "Paola", "Roberta", "Sofia", "Aurora", "Alice", "Ginevra", "Beatrice", "Elisa",
    "Serena", "Monica", "Cristina", "Barbara", "Simona",
];

#[rustfmt::skip]
const ITALIAN_SURNAMES: &[&str] = &[
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
    "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri",
    "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo",
    "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti",
    "Parisi", "Villa", "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini", "Messina",
    "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi", "Monti", "Cattaneo",
    "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani", "Benedetti",
    "Barone", "Rossetti", "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Martino", "Fiore", "De Rosa",
    "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras", "Vitali", "Battaglia", "Sartori", "Neri",
];

/// Russian given names with their patronymics (masculine, feminine), BGN/PCGN spelling.
#[rustfmt::skip]
const RUSSIAN_MALE: &[(&str, &str, &str)] = &[
    ("Aleksandr", "Aleksandrovich", "Aleksandrovna"), ("Sergey", "Sergeyevich", "Sergeyevna"),
    ("Dmitriy", "Dmitriyevich", "Dmitriyevna"), ("Andrey", "Andreyevich", "Andreyevna"),
    ("Aleksey", "Alekseyevich", "Alekseyevna"), ("Maksim", "Maksimovich", "Maksimovna"),
    ("Yevgeniy", "Yevgenyevich", "Yevgenyevna"), ("Ivan", "Ivanovich", "Ivanovna"),
    ("Mikhail", "Mikhaylovich", "Mikhaylovna"), ("Artem", "Artemovich", "Artemovna"),
    ("Nikolay", "Nikolayevich", "Nikolayevna"), ("Vladimir", "Vladimirovich", "Vladimirovna"),
    ("Igor", "Igorevich", "Igorevna"), ("Oleg", "Olegovich", "Olegovna"), ("Pavel", "Pavlovich", "Pavlovna"),
    ("Roman", "Romanovich", "Romanovna"), ("Denis", "Denisovich", "Denisovna"), ("Viktor", "Viktorovich", "Viktorovna"),
    ("Yuriy", "Yuryevich", "Yuryevna"), ("Anatoliy", "Anatolyevich", "Anatolyevna"),
    ("Vadim", "Vadimovich", "Vadimovna"), ("Konstantin", "Konstantinovich", "Konstantinovna"),
    ("Kirill", "Kirillovich", "Kirillovna"), ("Anton", "Antonovich", "Antonovna"), ("Ilya", "Ilyich", "Ilyinichna"),
    ("Vasiliy", "Vasilyevich", "Vasilyevna"), ("Gennadiy", "Gennadyevich", "Gennadyevna"),
    ("Boris", "Borisovich", "Borisovna"), ("Valeriy", "Valeryevich", "Valeryevna"),
    ("Stanislav", "Stanislavovich", "Stanislavovna"), ("Ruslan", "Ruslanovich", "Ruslanovna"),
    ("Timur", "Timurovich", "Timurovna"), ("Yaroslav", "Yaroslavovich", "Yaroslavovna"),
    ("Grigoriy", "Grigoryevich", "Grigoryevna"), ("Fedor", "Fedorovich", "Fedorovna"), ("Petr", "Petrovich", "Petrovna"),
    ("Leonid", "Leonidovich", "Leonidovna"), ("Vitaliy", "Vitalyevich", "Vitalyevna"),
    ("Georgiy", "Georgiyevich", "Georgiyevna"), ("Arkadiy", "Arkadyevich", "Arkadyevna"),
];

#[rustfmt::skip]
const RUSSIAN_FEMALE: &[&str] = &[
    "Yelena", "Olga", "Tatyana", "Natalya", "Irina", "Svetlana", "Anna", "Mariya", "Yekaterina", "Anastasiya",
    "Yuliya", "Marina", "Galina", "Lyudmila", "Oksana", "Viktoriya", "Darya", "Polina", "Kseniya", "Alina",
    "Valentina", "Nadezhda", "Larisa", "Vera", "Lyubov", "Sofiya", "Alena", "Kristina", "Inna", "Zhanna", "Valeriya",
    "Yelizaveta", "Alla", "Nina", "Zoya", "Raisa",
];

#[rustfmt::skip]
const RUSSIAN_SURNAMES: &[&str] = &[
    "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasilyev", "Petrov", "Sokolov", "Mikhaylov", "Novikov", "Fedorov",
    "Morozov", "Volkov", "Alekseyev", "Lebedev", "Semenov", "Yegorov", "Pavlov", "Kozlov", "Stepanov", "Nikolayev",
    "Orlov", "Andreyev", "Makarov", "Nikitin", "Zakharov", "Zaytsev", "Solovyev", "Borisov", "Yakovlev",
    "Grigoryev", "Romanov", "Vorobyev", "Sergeyev", "Kuzmin", "Frolov", "Aleksandrov", "Dmitriyev", "Korolev",
    "Gusev", "Kiselev", "Ilyin", "Maksimov", "Polyakov", "Sorokin", "Vinogradov", "Kovalev", "Belov", "Medvedev",
    "Antonov", "Tarasov", "Zhukov", "Baranov", "Filippov", "Komarov", "Davydov", "Belyayev", "Gerasimov",
    "Bogdanov", "Osipov", "Sidorov", "Matveyev", "Titov", "Markov", "Mironov", "Krylov", "Kulikov", "Karpov",
    "Vlasov", "Melnikov", "Denisov", "Gavrilov", "Tikhonov", "Kazakov", "Afanasyev", "Danilov", "Savelyev",
    "Timofeyev", "Fomin", "Chernov", "Abramov", "Martynov", "Yefimov", "Fedotov", "Shcherbakov", "Nazarov",
    "Kalinin", "Isayev", "Chernyshev", "Bykov", "Maslov", "Rodionov", "Konovalov", "Lazarev", "Voronin", "Klimov",
    "Filatov", "Ponomarev", "Golubev", "Kudryavtsev", "Prokhorov", "Naumov", "Potapov", "Zhuravlev",
    "Ovchinnikov", "Trofimov", "Leonov", "Sobolev", "Yermakov", "Kolesnikov", "Goncharov", "Yemelyanov",
    "Nikiforov", "Grachev", "Kotov", "Grishin", "Yefremov", "Arkhipov", "Gromov", "Kirillov", "Malyshev", "Panov",
    "Moiseyev", "Rumyantsev", "Akimov", "Kondratyev", "Biryukov", "Gorbunov", "Anisimov", "Yeremin", "Tikhomirov",
    "Galkin", "Lukyanov", "Skvortsov", "Yudin", "Belousov", "Nesterov", "Simonov", "Kharitonov", "Knyazev",
    "Tsvetkov", "Levin", "Mitrofanov", "Maltsev", "Loginov", "Gorshkov", "Savin", "Krasnov", "Demidov", "Rybakov",
    "Safonov", "Plotnikov", "Khokhlov", "Zhdanov", "Kovalevskiy", "Sokolovskiy", "Vysotskiy", "Kaminskiy",
    "Zalesskiy", "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Oliynyk", "Kovalchuk",
    "Boyko", "Melnyk", "Tkachuk", "Marchenko", "Rudenko", "Savchenko", "Petrenko", "Lysenko", "Moroz",
    "Polishchuk", "Kravets", "Pavlenko",
];

/// Arabic given names: (Latin, Arabic script).
#[rustfmt::skip]
const ARABIC_MALE: &[(&str, &str)] = &[
    ("Mohammed", "محمد"), ("Ahmed", "أحمد"), ("Ali", "علي"), ("Omar", "عمر"), ("Khalid", "خالد"), ("Hassan", "حسن"),
    ("Hussein", "حسين"), ("Ibrahim", "إبراهيم"), ("Youssef", "يوسف"), ("Mahmoud", "محمود"), ("Mustafa", "مصطفى"),
    ("Abdullah", "عبدالله"), ("Abdulrahman", "عبدالرحمن"), ("Abdulaziz", "عبدالعزيز"), ("Saeed", "سعيد"),
    ("Salem", "سالم"), ("Faisal", "فيصل"), ("Tariq", "طارق"), ("Karim", "كريم"), ("Nasser", "ناصر"), ("Walid", "وليد"),
    ("Samir", "سمير"), ("Adel", "عادل"), ("Hamza", "حمزة"), ("Bilal", "بلال"), ("Ziad", "زياد"), ("Rami", "رامي"),
    ("Majid", "ماجد"), ("Fahad", "فهد"), ("Sultan", "سلطان"), ("Jamal", "جمال"), ("Nabil", "نبيل"), ("Imad", "عماد"),
    ("Yasser", "ياسر"), ("Anas", "أنس"), ("Amr", "عمرو"), ("Tamer", "تامر"), ("Hisham", "هشام"), ("Mansour", "منصور"),
    ("Rashid", "راشد"), ("Sami", "سامي"), ("Osama", "أسامة"), ("Ismail", "إسماعيل"), ("Marwan", "مروان"),
    ("Othman", "عثمان"), ("Sulaiman", "سليمان"), ("Yahya", "يحيى"), ("Zakaria", "زكريا"), ("Hamad", "حمد"),
    ("Mazen", "مازن"), ("Fares", "فارس"), ("Ayman", "أيمن"), ("Wael", "وائل"), ("Raed", "رائد"), ("Nader", "نادر"),
    ("Badr", "بدر"), ("Issa", "عيسى"), ("Moussa", "موسى"), ("Younes", "يونس"), ("Abdelkader", "عبد القادر"),
    ("Hakim", "حكيم"), ("Mourad", "مراد"), ("Rachid", "رشيد"), ("Driss", "إدريس"), ("Noureddine", "نور الدين"),
    ("Saif", "سيف"),
];

#[rustfmt::skip]
const ARABIC_FEMALE: &[(&str, &str)] = &[
    ("Fatima", "فاطمة"), ("Aisha", "عائشة"), ("Maryam", "مريم"), ("Zainab", "زينب"), ("Noor", "نور"), ("Layla", "ليلى"),
    ("Sara", "سارة"), ("Huda", "هدى"), ("Amina", "أمينة"), ("Khadija", "خديجة"), ("Hanan", "حنان"), ("Rania", "رانيا"),
    ("Dina", "دينا"), ("Reem", "ريم"), ("Salma", "سلمى"), ("Yasmin", "ياسمين"), ("Nadia", "نادية"),
    ("Samira", "سميرة"), ("Lina", "لينا"), ("Mona", "منى"), ("Rana", "رنا"), ("Asma", "أسماء"), ("Heba", "هبة"),
    ("Iman", "إيمان"), ("Dalia", "داليا"), ("Ghada", "غادة"), ("Suha", "سهى"), ("Lubna", "لبنى"), ("Malak", "ملاك"),
    ("Jana", "جنى"), ("Habiba", "حبيبة"), ("Nawal", "نوال"), ("Wafaa", "وفاء"), ("Souad", "سعاد"),
];

/// Arabic family names: (Latin, Arabic script).
#[rustfmt::skip]
const ARABIC_FAMILY: &[(&str, &str)] = &[
    ("Al-Masri", "المصري"), ("Al-Ahmad", "الأحمد"), ("Haddad", "حداد"), ("Khoury", "خوري"), ("Al-Sayed", "السيد"),
    ("Mansour", "منصور"), ("Al-Hashimi", "الهاشمي"), ("Al-Tamimi", "التميمي"), ("Al-Qahtani", "القحطاني"),
    ("Al-Otaibi", "العتيبي"), ("Al-Ghamdi", "الغامدي"), ("Al-Zahrani", "الزهراني"), ("Al-Shehri", "الشهري"),
    ("Al-Dosari", "الدوسري"), ("Al-Harbi", "الحربي"), ("Al-Mutairi", "المطيري"), ("Al-Shammari", "الشمري"),
    ("Al-Anazi", "العنزي"), ("Al-Najjar", "النجار"), ("Saleh", "صالح"), ("Hamdan", "حمدان"), ("Nasr", "نصر"),
    ("Darwish", "درويش"), ("Hijazi", "حجازي"), ("Al-Khatib", "الخطيب"), ("Qasim", "قاسم"), ("Al-Jabri", "الجابري"),
    ("Al-Obeidi", "العبيدي"), ("Al-Dulaimi", "الدليمي"), ("Al-Jubouri", "الجبوري"), ("Al-Rawi", "الراوي"),
    ("Al-Saadi", "السعدي"), ("Al-Azzawi", "العزاوي"), ("Al-Hakim", "الحكيم"), ("Bakri", "بكري"),
    ("Abu Zaid", "أبو زيد"), ("Abu Khalil", "أبو خليل"), ("El-Sherif", "الشريف"), ("Abdel-Fattah", "عبد الفتاح"),
    ("Farouk", "فاروق"), ("Mostafa", "مصطفى"), ("Ben Ali", "بن علي"), ("El Amrani", "العمراني"),
    ("El Idrissi", "الإدريسي"), ("Alaoui", "العلوي"), ("Bennani", "بناني"), ("Tazi", "التازي"), ("Salameh", "سلامة"),
    ("Awad", "عوض"), ("Nassar", "نصار"), ("Khalil", "خليل"), ("Shaheen", "شاهين"), ("Barakat", "بركات"),
    ("Zaki", "زكي"), ("Fawzi", "فوزي"), ("Rizk", "رزق"), ("Ghanem", "غانم"), ("Kassem", "قاسم"), ("Haidar", "حيدر"),
    ("Aoun", "عون"), ("Sabbagh", "صباغ"), ("Karam", "كرم"), ("Hamdi", "حمدي"), ("Sharif", "شريف"),
];

#[rustfmt::skip]
const PERSIAN_MALE: &[&str] = &[
    "Mohammad", "Ali", "Reza", "Hossein", "Mehdi", "Hassan", "Amir", "Mohsen", "Majid", "Saeed", "Hamid", "Javad",
    "Morteza", "Mostafa", "Masoud", "Behnam", "Babak", "Dariush", "Kourosh", "Farhad", "Arash", "Siavash", "Omid",
    "Navid", "Peyman", "Pouya", "Saman", "Kaveh", "Ehsan", "Vahid", "Alireza", "Mohammadreza", "Amirhossein",
    "Abbas", "Ebrahim", "Mojtaba", "Hadi", "Ahmad", "Mahmoud", "Jafar",
];

#[rustfmt::skip]
const PERSIAN_FEMALE: &[&str] = &[
    "Fatemeh", "Zahra", "Maryam", "Masoumeh", "Zeinab", "Sara", "Narges", "Leila", "Mina", "Parisa", "Shirin",
    "Nasrin", "Azadeh", "Elham", "Fereshteh", "Mahsa", "Neda", "Samira", "Roya", "Setareh", "Niloufar", "Golnaz",
    "Yasaman", "Ladan", "Mahnaz", "Shahla", "Soheila", "Tahereh", "Marzieh", "Somayeh",
];

#[rustfmt::skip]
const PERSIAN_SURNAMES: &[&str] = &[
    "Mohammadi", "Hosseini", "Ahmadi", "Rezaei", "Moradi", "Karimi", "Jafari", "Rahimi", "Hashemi", "Mousavi",
    "Kazemi", "Ebrahimi", "Ghasemi", "Sadeghi", "Rostami", "Heidari", "Akbari", "Azizi", "Hosseinzadeh", "Najafi",
    "Amini", "Sharifi", "Bagheri", "Salehi", "Abbasi", "Ghorbani", "Mahmoudi", "Nazari", "Asadi", "Karimzadeh",
    "Hamidi", "Rahmani", "Jalali", "Zamani", "Shirazi", "Tehrani", "Esfahani", "Tabrizi", "Alavi", "Nouri",
    "Soltani", "Khosravi", "Farahani", "Yazdani", "Ansari", "Safari", "Ranjbar", "Faraji", "Mirzaei", "Mohseni",
    "Dehghan", "Rashidi", "Shahbazi", "Bahrami", "Khalili", "Ghaffari", "Panahi", "Fathi", "Talebi", "Mansouri",
    "Kiani", "Sohrabi", "Habibi",
];

#[rustfmt::skip]
const TURKISH_MALE: &[&str] = &[
    "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail", "Osman", "Yusuf", "Murat", "Ömer",
    "Ramazan", "Halil", "Süleyman", "Abdullah", "Mahmut", "Recep", "Salih", "Fatih", "Kadir", "Emre", "Burak", "Can",
    "Cem", "Serkan", "Volkan", "Onur", "Tolga", "Kerem", "Eren", "Barış", "Uğur", "Oğuz", "Kemal", "Erdem", "Gökhan",
    "Tuncay", "Selim", "Yasin", "Enes", "Berk", "Arda", "Deniz", "Efe",
];

#[rustfmt::skip]
const TURKISH_FEMALE: &[&str] = &[
    "Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Zehra", "Sultan", "Hanife", "Merve",
    "Büşra", "Esra", "Özlem", "Derya", "Gül", "Ebru", "Sibel", "Seda", "Burcu", "Tuğba", "Dilek", "Aylin", "Ece",
    "Selin", "İrem", "Defne", "Eylül", "Nur", "Yasemin", "Gamze", "Pınar", "Cansu", "Sevgi", "Leyla",
];

#[rustfmt::skip]
const TURKISH_SURNAMES: &[&str] = &[
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan",
    "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Polat", "Özcan", "Korkmaz",
    "Çakır", "Erdoğan", "Yavuz", "Can", "Acar", "Şen", "Aktaş", "Güler", "Yalçın", "Güneş", "Bozkurt", "Bulut",
    "Keskin", "Ünal", "Turan", "Gül", "Özer", "Işık", "Kaplan", "Avcı", "Sarı", "Tekin", "Taş", "Köse", "Yüksel",
    "Ateş", "Aksoy", "Karataş", "Uçar", "Erdem", "Tunç", "Ekinci", "Akın", "Başaran", "Güven", "Altun", "Sönmez",
    "Türkmen", "Uysal", "Akbulut", "Karakaya",
];

#[rustfmt::skip]
const INDIAN_MALE: &[&str] = &[
    "Rahul", "Amit", "Rajesh", "Suresh", "Ramesh", "Sanjay", "Vijay", "Anil", "Sunil", "Ajay", "Manoj", "Deepak",
    "Arun", "Ravi", "Ashok", "Vikram", "Rohit", "Nitin", "Pradeep", "Rakesh", "Mahesh", "Dinesh", "Sachin", "Gaurav",
    "Ankit", "Arjun", "Aditya", "Karan", "Vivek", "Abhishek", "Pankaj", "Prakash", "Sandeep", "Harish", "Gopal",
    "Krishna", "Srinivas", "Venkatesh", "Rajendra", "Naveen", "Kiran", "Mohan", "Ganesh", "Anand", "Siddharth",
    "Varun", "Rohan", "Aarav", "Vihaan", "Ishaan",
];

#[rustfmt::skip]
const INDIAN_FEMALE: &[&str] = &[
    "Priya", "Pooja", "Anjali", "Neha", "Sunita", "Anita", "Kavita", "Rekha", "Sneha", "Divya", "Lakshmi", "Deepa",
    "Meena", "Shweta", "Swati", "Nisha", "Asha", "Geeta", "Sita", "Radha", "Aarti", "Rani", "Usha", "Suman",
    "Poonam", "Manisha", "Archana", "Shalini", "Preeti", "Ritu", "Jyoti", "Kiran", "Ananya", "Diya", "Aadhya",
    "Ishita", "Shreya", "Simran", "Nandini", "Lata", "Padma", "Savita",
];

#[rustfmt::skip]
const INDIAN_SURNAMES: &[&str] = &[
    "Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Shah", "Mehta", "Joshi", "Desai", "Reddy", "Rao", "Nair",
    "Menon", "Pillai", "Iyer", "Iyengar", "Agarwal", "Bansal", "Jain", "Mishra", "Pandey", "Tiwari", "Dubey",
    "Srivastava", "Chaudhary", "Yadav", "Thakur", "Chauhan", "Rathore", "Malhotra", "Kapoor", "Khanna", "Chopra",
    "Bhatia", "Sethi", "Arora", "Saxena", "Banerjee", "Chatterjee", "Mukherjee", "Bose", "Das", "Ghosh", "Sen",
    "Dutta", "Roy", "Naidu", "Krishnan", "Subramanian", "Venkataraman", "Ramachandran", "Bhat", "Kulkarni",
    "Deshpande", "Patil", "Jadhav", "Pawar", "Shinde",
];

/// Chinese surnames: (pinyin, Han).
#[rustfmt::skip]
const CHINESE_SURNAMES: &[(&str, &str)] = &[
    ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"), ("Huang", "黄"),
    ("Zhao", "赵"), ("Wu", "吴"), ("Zhou", "周"), ("Xu", "徐"), ("Sun", "孙"), ("Ma", "马"), ("Zhu", "朱"), ("Hu", "胡"),
    ("Guo", "郭"), ("He", "何"), ("Lin", "林"), ("Gao", "高"), ("Luo", "罗"), ("Zheng", "郑"), ("Liang", "梁"),
    ("Xie", "谢"), ("Song", "宋"), ("Tang", "唐"), ("Han", "韩"), ("Feng", "冯"), ("Deng", "邓"), ("Cao", "曹"),
    ("Peng", "彭"), ("Zeng", "曾"), ("Xiao", "肖"), ("Tian", "田"), ("Dong", "董"), ("Pan", "潘"), ("Yuan", "袁"),
    ("Cai", "蔡"), ("Jiang", "蒋"), ("Yu", "余"), ("Du", "杜"), ("Ye", "叶"), ("Cheng", "程"), ("Wei", "魏"),
    ("Su", "苏"), ("Lu", "吕"), ("Ding", "丁"), ("Ren", "任"), ("Shen", "沈"), ("Yao", "姚"), ("Lu", "卢"), ("Fu", "傅"),
    ("Zhong", "钟"), ("Jiang", "姜"), ("Cui", "崔"), ("Tan", "谭"), ("Fan", "范"), ("Jin", "金"), ("Dai", "戴"),
    ("Xia", "夏"), ("Qian", "钱"), ("Qin", "秦"),
];

/// Chinese given-name syllables: (pinyin, Han).
#[rustfmt::skip]
const CHINESE_GIVEN: &[(&str, &str)] = &[
    ("Wei", "伟"), ("Fang", "芳"), ("Na", "娜"), ("Min", "敏"), ("Jing", "静"), ("Li", "丽"), ("Qiang", "强"),
    ("Lei", "磊"), ("Jun", "军"), ("Yang", "洋"), ("Yong", "勇"), ("Yan", "艳"), ("Jie", "杰"), ("Juan", "娟"),
    ("Tao", "涛"), ("Ming", "明"), ("Chao", "超"), ("Xiu", "秀"), ("Xia", "霞"), ("Ping", "平"), ("Gang", "刚"),
    ("Hua", "华"), ("Hui", "慧"), ("Hong", "红"), ("Ying", "英"), ("Lan", "兰"), ("Xin", "欣"), ("Hao", "浩"),
    ("Yu", "宇"), ("Zhi", "志"), ("Jian", "建"), ("Guo", "国"), ("Wen", "文"), ("Hai", "海"), ("Bo", "波"),
    ("Bin", "斌"), ("Long", "龙"), ("Feng", "峰"), ("Dong", "东"), ("Xue", "雪"), ("Mei", "梅"), ("Lin", "琳"),
    ("Ting", "婷"), ("Xiao", "晓"), ("Chun", "春"), ("Qing", "清"), ("Rui", "瑞"), ("Kai", "凯"), ("Tian", "天"),
    ("Zi", "子"), ("Han", "涵"), ("Yi", "怡"), ("Xuan", "轩"), ("Jia", "佳"), ("Shu", "淑"), ("Peng", "鹏"),
    ("Fei", "飞"), ("Cheng", "成"), ("Rong", "荣"), ("Zhen", "振"), ("Bao", "宝"), ("An", "安"), ("Xiang", "祥"),
];

/// Korean surnames: (romanisation as commonly written, Hangul).
#[rustfmt::skip]
const KOREAN_SURNAMES: &[(&str, &str)] = &[
    ("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강"), ("Cho", "조"),
    ("Yoon", "윤"), ("Jang", "장"), ("Lim", "임"), ("Han", "한"), ("Oh", "오"), ("Seo", "서"), ("Shin", "신"),
    ("Kwon", "권"), ("Hwang", "황"), ("Ahn", "안"), ("Song", "송"), ("Yoo", "유"), ("Hong", "홍"), ("Jeon", "전"),
    ("Ko", "고"), ("Moon", "문"), ("Yang", "양"), ("Son", "손"), ("Bae", "배"), ("Baek", "백"), ("Heo", "허"),
    ("Nam", "남"), ("Noh", "노"),
];

/// Korean given-name syllables: (romanisation, Hangul).
#[rustfmt::skip]
const KOREAN_GIVEN: &[(&str, &str)] = &[
    ("Min", "민"), ("Seo", "서"), ("Ji", "지"), ("Hyun", "현"), ("Jun", "준"), ("Woo", "우"), ("Young", "영"),
    ("Soo", "수"), ("Jin", "진"), ("Ho", "호"), ("Hee", "희"), ("Eun", "은"), ("Yeon", "연"), ("Sung", "성"),
    ("Jae", "재"), ("Hoon", "훈"), ("Dong", "동"), ("Sang", "상"), ("Kyung", "경"), ("Hye", "혜"), ("Yun", "윤"),
    ("Won", "원"), ("Jung", "정"), ("Tae", "태"), ("Chul", "철"), ("Seung", "승"), ("Ha", "하"), ("Yu", "유"),
    ("Na", "나"), ("Bin", "빈"), ("Hwan", "환"), ("Gyu", "규"), ("Ye", "예"), ("Da", "다"), ("Su", "수"),
];

#[rustfmt::skip]
const VIETNAMESE_SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý",
];

const VIETNAMESE_MIDDLE_M: &[&str] = &["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Hoàng"];

const VIETNAMESE_MIDDLE_F: &[&str] = &["Thị", "Ngọc", "Thanh", "Thu", "Minh", "Kim", "Xuân", "Hồng"];

#[rustfmt::skip]
const VIETNAMESE_GIVEN: &[&str] = &[
    "Anh", "An", "Bình", "Cường", "Dũng", "Hải", "Hà", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Huy", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngọc", "Phong", "Phúc", "Phương", "Quân", "Quang", "Sơn", "Tâm",
    "Thảo", "Thắng", "Thủy", "Tiến", "Trang", "Trung", "Tuấn", "Tùng", "Vân", "Việt", "Yến", "Hằng", "Hòa", "Khoa",
    "Lộc", "Tú", "Duy",
];

#[rustfmt::skip]
const YORUBA_GIVEN: &[&str] = &[
    "Oluwaseun", "Adebayo", "Olumide", "Babatunde", "Olufemi", "Ayodele", "Oluwatobi", "Temitope", "Funmilayo",
    "Folake", "Yetunde", "Bukola", "Adeola", "Kehinde", "Taiwo", "Damilola", "Tolulope", "Abiodun", "Adewale",
    "Segun", "Tunde", "Femi", "Kemi",
];

#[rustfmt::skip]
const YORUBA_SURNAMES: &[&str] = &[
    "Adeyemi", "Ogunleye", "Adebayo", "Ogundipe", "Afolabi", "Oyelaran", "Balogun", "Adeleke", "Akinola",
    "Olaniyan", "Ogunbiyi", "Adesina", "Oladipo", "Bakare", "Oyewole", "Fashola", "Akande", "Ojo", "Ajayi",
    "Oyebanji", "Adekunle",
];

#[rustfmt::skip]
const IGBO_GIVEN: &[&str] = &[
    "Chinedu", "Chukwuemeka", "Obinna", "Nnamdi", "Ikenna", "Emeka", "Chidi", "Uchenna", "Ifeanyi", "Kelechi",
    "Chiamaka", "Ngozi", "Adaeze", "Chioma", "Nkechi", "Ifeoma", "Amarachi", "Obiageli", "Uju", "Onyeka",
];

#[rustfmt::skip]
const IGBO_SURNAMES: &[&str] = &[
    "Okafor", "Okonkwo", "Eze", "Nwosu", "Okeke", "Obi", "Onyeka", "Nwachukwu", "Okoro", "Chukwu", "Igwe", "Nnaji",
    "Uzor", "Ezeh", "Okwu", "Anyanwu", "Ibe", "Nwankwo", "Ugwu", "Onuoha",
];

#[rustfmt::skip]
const HAUSA_GIVEN: &[&str] = &[
    "Abubakar", "Musa", "Ibrahim", "Aliyu", "Usman", "Sani", "Bello", "Yusuf", "Abdullahi", "Haruna", "Garba",
    "Lawal", "Aminu", "Bashir", "Hadiza", "Aisha", "Zainab", "Fatima", "Hauwa", "Amina", "Halima", "Maryam",
];

#[rustfmt::skip]
const HAUSA_SURNAMES: &[&str] = &[
    "Mohammed", "Bello", "Abubakar", "Musa", "Ibrahim", "Sani", "Usman", "Danjuma", "Garba", "Lawal", "Suleiman",
    "Aminu", "Yakubu", "Shehu", "Bala", "Umar", "Adamu", "Idris",
];

#[rustfmt::skip]
const AKAN_GIVEN: &[&str] = &[
    "Kwame", "Kofi", "Kwabena", "Kwaku", "Yaw", "Kojo", "Kwesi", "Akua", "Ama", "Abena", "Akosua", "Yaa", "Efua",
    "Adwoa",
];

#[rustfmt::skip]
const AKAN_SURNAMES: &[&str] = &[
    "Mensah", "Owusu", "Boateng", "Asante", "Osei", "Agyeman", "Appiah", "Acheampong", "Amoah", "Darko", "Ofori",
    "Antwi", "Danso", "Gyamfi", "Adjei", "Boakye", "Quaye", "Addo", "Tetteh", "Annan",
];

#[rustfmt::skip]
const WOLOF_GIVEN: &[&str] = &[
    "Mamadou", "Ousmane", "Moussa", "Abdoulaye", "Cheikh", "Ibrahima", "Aliou", "Modou", "Fatou", "Aminata", "Awa",
    "Mariama", "Khady", "Ndeye", "Aissatou", "Coumba",
];

#[rustfmt::skip]
const WOLOF_SURNAMES: &[&str] = &[
    "Diop", "Ndiaye", "Fall", "Sow", "Diallo", "Ba", "Sy", "Gueye", "Faye", "Sarr", "Mbaye", "Cisse", "Ndour",
    "Thiam", "Diouf", "Kane", "Seck", "Niang", "Toure", "Camara",
];

#[rustfmt::skip]
const WEST_AFRICAN_CHRISTIAN: &[&str] = &[
    "Emmanuel", "Samuel", "Daniel", "Grace", "Comfort", "Patience", "Joseph", "Isaac", "Esther", "Mercy",
    "Blessing", "Godwin", "Prince", "Felix", "Victoria", "Peter", "John", "Mary",
];

#[cfg(test)]
mod tests {
    //! The transliterators give the spellings a reader expects on common names.
    use super::*;

    #[test]
    fn cyrillic() {
        assert_eq!(to_cyrillic("PUTIN, Vladimir Vladimirovich"), "Путин, Владимир Владимирович");
        assert_eq!(to_cyrillic("Sergey Yevgenyevich Shchukin"), "Сергей Евгеньевич Щукин");
        assert_eq!(to_cyrillic("Ilya Vasilyev"), "Илья Васильев");
        assert_eq!(to_cyrillic("Dmitriy Krylov"), "Дмитрий Крылов");
        assert_eq!(to_cyrillic("Jamal Zhukov"), "Джамал Жуков");
    }

    #[test]
    fn arabic() {
        assert_eq!(to_arabic("Abd al-Rahman Mohammed Hassan"), "عبد الرحمن محمد حسن");
        assert_eq!(to_arabic("Ali Karimi"), "علي كريمي");
        assert_eq!(to_arabic("Abdul Basit al-Masri"), "عبد البسيت المصري");
        assert_eq!(to_arabic("Nasir al-Din Ayad"), "ناصر الدين أيد");
    }
}
