//! vetter's own name score: align the words of two names, weigh them by
//! rarity, and turn coverage and conflicts into a calibrated score.
//!
//! Steps, for names A and B normalised by `vetter_names::normalize`:
//! 1. Every word of A is compared with every word of B ([`token_similarity`]):
//!    exact, a known variant (Aleksandr/Oleksandr, Mohammed/Muhammad), an
//!    initial, a consonant skeleton (Qasem/Qassim), a typo (Jaro-Winkler and
//!    Levenshtein), or a sound-alike that is also spelled alike.
//! 2. Pairs are aligned greedily, best first, each word used once; two
//!    adjacent words may align with one fused word (Abdul Rahman/Abdulrahman,
//!    Jin Ping/Jinping).
//! 3. Coverage per side: the rarity-weighted share of its words that found a
//!    counterpart. Words that are only missing (a middle name, a patronymic, a
//!    generic company word) count less than words that conflict.
//! 4. Features (coverage, conflict, number and legal-form mismatches) go
//!    through a logistic function whose coefficients are set per schema
//!    ([`Calibration`]), so that one threshold means the same everywhere.

use vetter_model::Schema;
use vetter_names::{NameForm, NameKind, NameToken, Script};

use crate::hash::fnv1a;
use crate::similarity::{jaro_winkler, levenshtein, spelling};
use crate::weights::rarity;
use crate::{AlignedPair, Explanation, Feature, UnmatchedToken};

/// Two words align when their similarity reaches this.
pub const ALIGN_MIN: f64 = 0.8;

/// How two words compare and why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TokenSim {
    /// Similarity in [0, 1].
    pub sim: f64,
    /// The reason: `exact`, `variant`, `initial`, `skeleton`, `spelling`, `sound`.
    pub reason: &'static str,
}

/// Compares two words of normalised names.
pub fn token_similarity(a: &NameToken, b: &NameToken) -> TokenSim {
    token_similarity_in(a, &WordFacts::of(a), b, &WordFacts::of(b), Context::LOOSE)
}

/// What the word comparison needs to know of a word besides its keys,
/// worked out once per prepared name rather than once per word pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordFacts {
    /// [`is_number`].
    number: bool,
    /// [`is_patronymic`].
    patronymic: bool,
    /// Its Pinyin syllables, when it reads as Pinyin.
    pinyin: Option<u8>,
    /// Hashes of its text, skeleton and phonetic key: most word pairs differ
    /// in all three, and an integer comparison tells so without a `memcmp`.
    text: u64,
    skeleton: u64,
    phonetic: u64,
    /// A hash of its skeleton as Arabic script writes it
    /// (`vetter_names::arabic_skeleton`; the plain skeleton's hash when that
    /// is the same).
    arabic: u64,
    /// The length of that skeleton: `alvi` has the plain skeleton `al` but
    /// the Arabic one `alf` (ألفي), which is long enough to count.
    arabic_len: u8,
    /// A hash of its `vetter_names::hebrew_key`, 0 when that is empty.
    hebrew: u64,
    /// The Chinese family names it may spell (`vetter_names::chinese_surnames`).
    chinese: u128,
    /// A Wade-Giles syllable that is no Pinyin one (`hsi`, `tse`, `tung`):
    /// the name is written in Wade-Giles.
    wade_giles: bool,
    /// For a compound of Abd with a divine name (`abdulbasir`), the first
    /// letter of the name, which its short form starts with; else 0.
    abd_name: u8,
    /// Its first byte (0 for an empty word).
    first: u8,
    /// Its value as a number, Arabic or Roman (see `number_value`).
    value: Option<u32>,
    /// Longer than seven letters and ending as a compound with ad-Din
    /// does (`-din`, `-deen`, `-dine`; see `din_compound`).
    din: bool,
    /// For a patronymic with a stem (`patronymic_stem`): hashes of the
    /// stem's `slavic_key` and of the cognate group of the given name it is
    /// formed from (0 when it has none). See `same_given_name`.
    stem: (u64, u64),
    /// In an organisation's name, a hash of the country the word names by
    /// itself (`russia`, `rossii`, `iranian`), else 0.
    country: u64,
    /// In an organisation's name, a hash of its `cognate_key` (`information`
    /// and `informatsionnye` share one), else 0.
    cognate: u64,
}

impl WordFacts {
    fn of(t: &NameToken) -> WordFacts {
        let arabic = vetter_names::arabic_skeleton(&t.text);
        WordFacts {
            number: is_number(&t.text),
            patronymic: is_patronymic(&t.text),
            pinyin: vetter_names::pinyin_syllable_count(&t.text).map(|n| n.min(255) as u8),
            text: fnv1a(&t.text),
            skeleton: fnv1a(&t.skeleton),
            phonetic: fnv1a(&t.phonetic),
            arabic: arabic.as_ref().map_or_else(|| fnv1a(&t.skeleton), |k| fnv1a(k)),
            arabic_len: arabic.as_ref().map_or(t.skeleton.len(), |k| k.as_str().len()).min(255) as u8,
            hebrew: Some(vetter_names::hebrew_key(&t.text)).filter(|k| !k.is_empty()).map_or(0, |k| fnv1a(&k)),
            chinese: vetter_names::chinese_surnames(&t.text),
            wade_giles: (3..=6).contains(&t.text.len()) && vetter_names::is_wade_giles_only(&t.text),
            abd_name: match t.text.as_bytes() {
                [b'a', b'b', b'd', b'u', b'l', c, _, _, _, ..] => *c,
                _ => 0,
            },
            first: t.text.as_bytes().first().copied().unwrap_or(0),
            value: number_value(&t.text),
            din: t.text.len() > 7 && (t.text.ends_with("din") || t.text.ends_with("deen") || t.text.ends_with("dine")),
            stem: match patronymic_stem(&t.text) {
                Some(stem) if is_patronymic(&t.text) => {
                    (fnv1a(&slavic_key(stem)), given_name_group(stem).map_or(0, fnv1a))
                }
                _ => (0, 0),
            },
            country: 0,
            cognate: 0,
        }
    }

    fn same_text(&self, a: &NameToken, other: &WordFacts, b: &NameToken) -> bool {
        self.text == other.text && a.text == b.text
    }

    fn same_skeleton(&self, a: &NameToken, other: &WordFacts, b: &NameToken) -> bool {
        self.skeleton == other.skeleton && a.skeleton == b.skeleton
    }

    fn same_phonetic(&self, a: &NameToken, other: &WordFacts, b: &NameToken) -> bool {
        self.phonetic == other.phonetic && a.phonetic == b.phonetic
    }
}

/// What the two names being compared say of how their words may differ
/// (see [`token_similarity_in`]).
#[derive(Debug, Clone, Copy)]
struct Context {
    /// Either name is written in a script without vowels (Arabic, Hebrew).
    abjad: bool,
    /// Either name was romanised from a script other than Latin and Han.
    transliterated: bool,
    /// One name is in an abjad and the other not.
    abjad_vs_vowelled: bool,
    /// Whether the first and the second name are Slavic (Cyrillic, or
    /// with a patronymic).
    slavic: (bool, bool),
}

impl Context {
    /// Two words compared out of any name: every loose rule may apply.
    const LOOSE: Context =
        Context { abjad: true, transliterated: true, abjad_vs_vowelled: false, slavic: (false, false) };
}

/// [`token_similarity`], where `abjad` says whether either name was written
/// in a script without vowels (Arabic, Hebrew): only then does a word without
/// vowels stand for a skeleton (`mhmd`); in a Latin name it is an
/// abbreviation (`GF`, `LT`), which a skeleton must not match. And
/// `transliterated` whether either was romanised from a script other than
/// Latin and Han (see [`loosely_comparable`]).
fn token_similarity_in(a: &NameToken, fa: &WordFacts, b: &NameToken, fb: &WordFacts, cx: Context) -> TokenSim {
    let Context { abjad, transliterated, abjad_vs_vowelled, slavic } = cx;
    if fa.same_text(a, fb, b) {
        return TokenSim { sim: 1.0, reason: "exact" };
    }
    if matches!((a.text.as_str(), b.text.as_str()), ("bin", "ben") | ("ben", "bin")) {
        // `ben` is the Maghrebi spelling of `bin` ("son of"): Ben Laden, Ben Ali.
        return TokenSim { sim: 0.95, reason: "variant" };
    }
    if fa.number || fb.number {
        // Numbers, Arabic or Roman, must be equal: "Ocean Star 2" is not
        // "Ocean Star 3", "Bicentenario VI" is not "Bicentenario VII".
        // A lone `i`, `v` or `x` facing a number is read as a Roman numeral (Monte I = Monte 1).
        let value = |t: &str, f: &WordFacts, other: &str| match t {
            "i" | "v" | "x" if other.bytes().all(|c| c.is_ascii_digit()) => Some(match t {
                "i" => 1,
                "v" => 5,
                _ => 10,
            }),
            _ => f.value,
        };
        if let (Some(x), Some(y)) = (value(&a.text, fa, &b.text), value(&b.text, fb, &a.text))
            && x == y
        {
            return TokenSim { sim: 1.0, reason: "same number" };
        }
        if fa.number && fb.number {
            return TokenSim { sim: 0.0, reason: "different" };
        }
    }
    if let (Some(ga), Some(gb)) = (a.group, b.group) {
        if ga == gb {
            return TokenSim { sim: 0.95, reason: "variant" };
        }
        // Two names the variant table knows as different names are not
        // spellings of each other, however alike (Mehmet/Mahmut,
        // Hassan/Hussein). Not so for the syllables of Korean and Chinese
        // given names, whose romanisation tables overlap (Sung/Seung).
        if a.text.len().min(b.text.len()) >= 5 && fa.pinyin.is_none() && fb.pinyin.is_none() {
            return TokenSim { sim: 0.0, reason: "different" };
        }
    }
    if fa.chinese & fb.chinese != 0 {
        // One Chinese family name in two romanisations: Li/Lee, Chen/Tan, Zhang/Cheung.
        return TokenSim { sim: 0.92, reason: "Chinese surname" };
    }
    // In a Slavic name a final `i` is no nisba: Yauheni is Yauhen (Belarusian).
    let nisba = |long: &NameToken, short: &NameToken, long_slavic: bool| {
        nisba_or_feminine(long, short, !abjad_vs_vowelled) && !(long_slavic && long.text.ends_with('i'))
    };
    if nisba(a, b, slavic.0) || nisba(b, a, slavic.1) || possessive_and_adjectival(&a.text, &b.text) {
        // Mohammadi is a surname formed from Mohammad, Ivanova the woman of
        // the Ivanov family: other names, however close their spelling.
        return TokenSim { sim: 0.0, reason: "different" };
    }
    if a.initial || b.initial {
        let (init, full) = if a.initial { (a, b) } else { (b, a) };
        if !full.initial && full.text.as_bytes().first() == init.text.as_bytes().first() {
            return TokenSim { sim: 0.85, reason: "initial" };
        }
        return TokenSim { sim: 0.0, reason: "different" };
    }
    let digits = |t: &NameToken| t.text.bytes().any(|c| c.is_ascii_digit());
    if digits(a) || digits(b) {
        return TokenSim { sim: 0.0, reason: "different" };
    }
    if (fa.din || fb.din)
        && let Some(sim) = din_compound(a, b).or_else(|| din_compound(b, a))
    {
        return sim;
    }
    if (fa.abd_name | fb.abd_name) != 0
        && let Some(sim) = abd_compound(a, b).or_else(|| abd_compound(b, a))
    {
        return sim;
    }
    let (la, lb) = (a.text.len(), b.text.len());
    if la.min(lb) * 2 < la.max(lb) && !fa.same_skeleton(a, fb, b) {
        // Words of very different length are not spellings of each other.
        return TokenSim { sim: 0.0, reason: "different" };
    }
    if fa.patronymic != fb.patronymic {
        // A patronymic is not a spelling of a given name (Vladimirovna/Vladimir).
        return TokenSim { sim: 0.0, reason: "different" };
    }
    if fa.patronymic
        && let (Some(x), Some(y)) = (patronymic_stem(&a.text), patronymic_stem(&b.text))
        && same_given_name(x, fa.stem, y, fb.stem)
    {
        // Two patronymics of one father's name, formed in two languages:
        // Rygoravich (Belarusian) is Grigoryevich, Mihaulauna Mikhailovna.
        return TokenSim { sim: 0.9, reason: "patronymic" };
    }
    // The Levenshtein ratio, with the distance kept for the Latin edit count below.
    let distance = levenshtein(&a.text, &b.text);
    let spelled = 0.5 * jaro_winkler(&a.text, &b.text) + 0.5 * (1.0 - distance as f64 / la.max(lb) as f64);
    if !loosely_comparable(a, fa, b, fb, transliterated) {
        return TokenSim { sim: spelled.min(0.5), reason: "different" };
    }
    // Between two Latin spellings a typo is an edit or two, not a rewrite:
    // Makarov is not Zakharov, nor Abramova Zabralova. A different first
    // letter counts as one more edit, since names are rarely mistyped there.
    // Romanisations vary more (see `loosely_comparable`), and keep the looser test.
    // Between romanisations, a first letter that no romanisation
    // alternates with the other's, with another edit besides, is another
    // name (Semenov/Yevmenov).
    let capped = if transliterated {
        distance >= 2 && !first_letters_alternate(&a.text, &b.text)
    } else {
        edits_beyond_typo(&a.text, &b.text, distance)
    };
    let spelled = if capped { spelled.min(ALIGN_MIN - 0.01) } else { spelled };
    let mut best = TokenSim { sim: spelled, reason: "spelling" };
    // Consonant skeletons stand in for the vowels a script does not write
    // (Arabic, Hebrew); between two vowelled spellings they need a close
    // spelling too, or Putin would be Potanin.
    let unvowelled = |t: &NameToken| !t.text.bytes().any(|c| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u'));
    // A word romanised from an abjad keeps only the long vowels (هنية gives
    // `hnya` for Haniyeh), so against a vowelled spelling its skeleton counts
    // whatever vowels it has.
    // Between two vowelled Latin spellings more edits than a typo makes
    // are one name romanised twice only when the skeleton they share has
    // three consonants or more (Jawlani/Julani, Bashir/Ba'asyir); a shorter
    // one says little, since it drops inner v, w and y (Ivanov/Ionov).
    let skeleton_applies = (abjad && (abjad_vs_vowelled || unvowelled(a) || unvowelled(b)))
        || (spelled >= 0.69 && (!capped || a.skeleton.len() >= 3));
    // Against an abjad a skeleton of three consonants or more needs less of
    // the spelling: the vowels the script leaves out are half the word
    // (Taufik/توفيق, `twfyq`).
    let spelling_floor = if abjad_vs_vowelled && fa.arabic_len.max(fb.arabic_len) >= 3 { 0.4 } else { 0.5 };
    // Against an abjad, the skeleton as Arabic script writes p, v and g
    // counts too, from three consonants (Peyman/بيمن, Javed/جفد).
    let arabic_spelling = abjad_vs_vowelled && fa.arabic_len.min(fb.arabic_len) >= 3 && fa.arabic == fb.arabic;
    if skeleton_applies
        && a.skeleton.len() >= 2
        && (fa.same_skeleton(a, fb, b) || arabic_spelling)
        && spelled >= spelling_floor
        && 0.86 > best.sim
    {
        best = TokenSim { sim: 0.86, reason: "skeleton" };
    }
    if !a.phonetic.is_empty() && fa.same_phonetic(a, fb, b) && spelled >= 0.7 && 0.88 > best.sim {
        // A sound-alike counts only when the spelling is close too: phonetic
        // keys are a signal, never the sole reason for a match.
        best = TokenSim { sim: 0.88, reason: "sound" };
    }
    best
}

/// Whether a folded word ends as East Slavic surnames do (`-ov`, `-ev`,
/// `-in`, `-sky`, `-enko` and feminine forms).
fn slavic_surname(w: &str) -> bool {
    const ENDINGS: [&str; 10] = ["ov", "ev", "in", "ova", "eva", "ina", "sky", "skiy", "skii", "enko"];
    ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Whether two Latin spellings are more edits apart than a typo makes: one
/// edit up to 7 letters, two up to 11, three beyond, where a different first
/// letter counts as one more (names are rarely mistyped there).
/// `distance` is their Levenshtein distance.
fn edits_beyond_typo(a: &str, b: &str, distance: usize) -> bool {
    let longer = a.len().max(b.len());
    let cap = if longer <= 7 {
        1
    } else if longer <= 11 {
        2
    } else {
        3
    };
    // A capital I and a small l look alike in most fonts (`lqbal` for Iqbal):
    // a list typed from print mixes them up, so they differ by the edit alone.
    let first_differs = match (a.as_bytes().first(), b.as_bytes().first()) {
        (Some(x), Some(y)) => x != y && !matches!((x, y), (b'i', b'l') | (b'l', b'i')),
        _ => false,
    };
    distance + usize::from(first_differs) > cap
}

/// Whether two words start alike up to how romanisations of one letter
/// differ: a vowel or `y`, `j` for another (Yevgeny/Evgeny/Jevgenij,
/// Ibrahim/Ebrahim), `g`/`h`/`k`/`q`/`c`/`x` for another (Gennady/Hennadiy,
/// Qasim/Kasim/Cassim, Khaled/Haled), `z`/`s`/`c`/`t`/`j` for another
/// (Zhukov/Jukov, Tsoi/Coi), `v`/`w`/`u`/`o`/`b`/`f`/`p` for another
/// (Vakhitov/Wakhitov, Bom/Pom).
fn first_letters_alternate(a: &str, b: &str) -> bool {
    let class = |c: u8| match c {
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'j' => 0,
        b'g' | b'h' | b'k' | b'q' | b'c' | b'x' => 1,
        b'z' | b's' | b't' | b'd' => 2,
        b'v' | b'w' | b'b' | b'f' | b'p' => 3,
        other => 4 + u32::from(other),
    };
    match (a.as_bytes().first(), b.as_bytes().first()) {
        (Some(&x), Some(&y)) => {
            x == y
                || class(x) == class(y)
                || matches!((x, y), (b'j', b'z' | b'd' | b'g' | b'c') | (b'z' | b'd' | b'g' | b'c', b'j'))
                || matches!((x, y), (b'c', b's' | b't') | (b's' | b't', b'c'))
                || matches!((x, y), (b'w' | b'v', b'o' | b'u') | (b'o' | b'u', b'w' | b'v'))
        }
        _ => true,
    }
}

/// Whether two different words may still be one word spelled or heard
/// differently. Not when either is a generic word or particle of four
/// letters or fewer (`al` is not `Ali`; `islamya` is still `aslamya`),
/// when either has four letters or fewer and their consonants differ
/// (Sami/Saji, Shin/Chin, Nasr/Nazar are other names, while Kard/Kurd and
/// Rimi/Raimi are spellings of one), or when
/// both are Pinyin of as many syllables (Xiang/Qiang, Guo/Gao,
/// Qingfang/Qingchang: each is another character).
///
/// A name romanised from Cyrillic, Arabic, Hangul and the like
/// (`transliterated`) keeps short-word spellings and sounds: romanisations
/// vary (Jeong/Chung, Hmad/Hamad, Dzherri/Jerry).
fn loosely_comparable(a: &NameToken, fa: &WordFacts, b: &NameToken, fb: &WordFacts, transliterated: bool) -> bool {
    let short = a.text.len().min(b.text.len()) <= 4;
    if ((a.generic || b.generic) && short) || (!transliterated && short && !fa.same_skeleton(a, fb, b)) {
        return false;
    }
    // Two different Pinyin words of as many syllables differ in a syllable,
    // which is another character (Xiang/Qiang, Qingfang/Qingchang,
    // Xinjing/Xinjiang): Pinyin spells each syllable one way.
    // Pinyin words of other syllable counts where one begins or ends the
    // other are a given name and one of its syllables (Mingguo/Ming), which
    // fusion joins if the other syllable is there; not a spelling.
    match (fa.pinyin, fb.pinyin) {
        (Some(x), Some(y)) if x == y => false,
        (Some(_), Some(_)) => {
            let (short, long) = if a.text.len() < b.text.len() { (&a.text, &b.text) } else { (&b.text, &a.text) };
            // A one-letter difference is a spelling (Ala/Aala).
            long.len() < short.len() + 2 || !(long.starts_with(short.as_str()) || long.ends_with(short.as_str()))
        }
        _ => true,
    }
}

/// `long` as a compound with `ad-Din` ("of the faith") whose first part is
/// `short`: Sirajuddin is known as Siraj, Nasiruddin as Nasir, and the
/// lists print both. Arabic script romanises `سراج الدين` fused
/// (`srajuddin`), as many Latin spellings do.
fn din_compound(long: &NameToken, short: &NameToken) -> Option<TokenSim> {
    const SUFFIXES: [&str; 9] = ["uddin", "uddeen", "eddine", "eddin", "addin", "aldin", "aldeen", "uldin", "iddin"];
    if !long.text.ends_with(['n', 'e']) {
        return None;
    }
    let stem = SUFFIXES.iter().find_map(|x| long.text.strip_suffix(x))?;
    if stem.len() < 3 || short.text.len() < 3 || short.text.ends_with("din") || short.text.ends_with("deen") {
        return None;
    }
    let key = vetter_names::skeleton(stem);
    (spelling(stem, &short.text) >= 0.85 || (key.len() >= 3 && key.as_bytes() == short.skeleton.as_bytes()))
        .then_some(TokenSim { sim: 0.85, reason: "short form" })
}

/// `long` as a compound of `Abd` ("servant of") with one of God's names,
/// and `short` that name alone: Abdul Basir is known as Basir, Abdul Samad
/// as Samad, Abdelkader as Kader, and the lists print both. Normalisation
/// fuses every spelling of the compound to `abdul` + the name
/// (`vetter_names::normalize`), so the name is what follows `abdul`.
fn abd_compound(long: &NameToken, short: &NameToken) -> Option<TokenSim> {
    let name = long.text.strip_prefix("abdul")?;
    // Rahmani is a surname formed from Rahman (see `nisba_or_feminine`), not Abdul Rahman.
    let nisba = short.text.ends_with('i') && !name.ends_with('i');
    if name.len() < 4 || short.text.len() < 4 || short.text.starts_with("abd") || nisba {
        return None;
    }
    // Karam is not Karim, however alike: the spelling must be close, or the
    // variant table say they are one name (Kader/Qadir). A romanisation
    // from Arabic script keeps fewer vowels (`star` for Sattar) and needs less.
    let key = vetter_names::skeleton(name);
    let group = vetter_names::name_group(name);
    let vowels = |w: &str| w.bytes().filter(|c| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')).count();
    let close = if vowels(&short.text) < vowels(name) { 0.7 } else { 0.9 };
    (name == short.text
        || (group.is_some() && group == short.group)
        || (key.len() >= 3 && key.as_bytes() == short.skeleton.as_bytes() && spelling(name, &short.text) >= close))
        .then_some(TokenSim { sim: 0.85, reason: "short form" })
}

/// Whether the word before `tokens[k]` is `Abd` standing alone (or its
/// common misspelling `Adbul`): a name normalisation did not fuse with it.
fn after_abd(tokens: &[NameToken], k: usize) -> bool {
    k > 0 && {
        let w = tokens[k - 1].text.as_str();
        w.len() <= 6 && (w.starts_with("abd") || w.starts_with("adb"))
    }
}

/// Whether `long` is `short` with a suffix that makes another name of it: the
/// Persian and Arabic nisba `-i` (Mohammadi from Mohammad, Hosseini from
/// Hossein, Ebrahimi from Ebrahim), or the feminine `-a` of an East Slavic
/// surname in `-ov`, `-ev`, `-in`, `-yn` (Ivanova, Putina), and `-skaya`
/// against `-sky`/`-skiy`/`-skii`, or a Persian surname suffix (`-ian`,
/// `-ani`, `-zadeh`, `-pour`, `-nejad`: Rahimian from Rahimi).
/// The nisba is also recognised on another spelling of the stem
/// (Mohammadi against Muhammad, Ebrahimi against Ibrahim).
///
/// Against a word romanised from Arabic script (`by_sound` false) the stem
/// is recognised by its variant group only: its skeleton and sound say too
/// little there, since a final ى romanises as `a` (Persian حكيمى is `hkyma`,
/// whose skeleton is that of Hakim).
fn nisba_or_feminine(long: &NameToken, short_token: &NameToken, by_sound: bool) -> bool {
    let (long, short) = (long.text.as_str(), short_token.text.as_str());
    if let Some(stem) = long.strip_suffix('i')
        && stem.len() >= 4
        && !short.ends_with(['i', 'y'])
        && (stem == short
            || (short.len() >= 3
                && (short_token.group.is_some_and(|g| vetter_names::name_group(stem) == Some(g))
                    || (by_sound
                        && (vetter_names::skeleton(stem) == short_token.skeleton
                            || vetter_names::phonetic(stem) == short_token.phonetic)))))
    {
        return true;
    }
    // Persian surnames grow by suffixes that make other families of them:
    // Rahimian and Rahimizadeh are not Rahimi, nor Khosravani Khosravi.
    // The first seven also follow the stem's `-i` (Rahimi-zadeh).
    const PERSIAN_SUFFIXES: [&str; 12] =
        ["zadeh", "zade", "pour", "nejad", "nia", "far", "fard", "ian", "an", "ani", "pur", "nezhad"];
    let persian_stem = short.strip_suffix('i').unwrap_or(short);
    if persian_stem.len() >= 4
        && long.strip_prefix(persian_stem).is_some_and(|rest| {
            PERSIAN_SUFFIXES.contains(&rest)
                || rest.strip_prefix('i').is_some_and(|r| PERSIAN_SUFFIXES[..7].contains(&r))
        })
    {
        return true;
    }
    if let Some(stem) = long.strip_suffix('a')
        && stem == short
        && short.len() >= 4
        && ["ov", "ev", "in", "yn"].iter().any(|e| short.ends_with(e))
    {
        return true;
    }
    long.strip_suffix("skaya").is_some_and(|stem| {
        stem.len() >= 2
            && ["sky", "skiy", "skii", "skyi", "ski", "skij"].iter().any(|e| short.strip_suffix(e) == Some(stem))
    })
}

/// Whether two words are one Russian surname's stem with a possessive and
/// an adjectival ending, which make two families: Prigozhin is not
/// Prigozhiy (Пригожий).
fn possessive_and_adjectival(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if x.len() != y.len() || x.len() < 6 {
        return false;
    }
    let n = x.len() - 2;
    let ending = |w: &[u8]| match &w[n..] {
        b"in" | b"yn" => 1,
        b"iy" | b"yy" | b"ii" | b"ij" | b"yi" | b"oy" | b"oi" => 2,
        _ => 0,
    };
    let (p, q) = (ending(x), ending(y));
    p != 0 && q != 0 && p != q && x[..n] == y[..n]
}

/// A word that is a number: digits, or a Roman numeral up to 39 (`ii`, `xiv`).
pub fn is_number(t: &str) -> bool {
    number_value(t).is_some() || t.bytes().any(|c| c.is_ascii_digit())
}

/// The value of a number word: decimal digits or a Roman numeral from 2 to 39.
/// A lone `i`, `v` or `x` is also an initial, so it counts as a number only
/// from two letters on, except `v` and `x` which are read as 5 and 10 only
/// next to other numerals.
fn number_value(t: &str) -> Option<u32> {
    if !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit()) {
        return t.trim_start_matches('0').parse().ok().or(Some(0));
    }
    if t.len() < 2 || !t.bytes().all(|c| matches!(c, b'i' | b'v' | b'x')) {
        return None;
    }
    let digit = |c: u8| match c {
        b'i' => 1,
        b'v' => 5,
        _ => 10,
    };
    let b = t.as_bytes();
    let mut total = 0i32;
    for (k, &c) in b.iter().enumerate() {
        let v = digit(c);
        if b.get(k + 1).is_some_and(|&n| digit(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    // Only canonical numerals: reject `iiii`, `vv`, `iix`.
    const ROMAN: [&str; 40] = [
        "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
        "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi", "xxvii", "xxviii", "xxix", "xxx",
        "xxxi", "xxxii", "xxxiii", "xxxiv", "xxxv", "xxxvi", "xxxvii", "xxxviii", "xxxix",
    ];
    let value = u32::try_from(total).ok()?;
    (ROMAN.get(value as usize) == Some(&t)).then_some(value)
}

/// How much of a numbers conflict a vessel name's number counts for when
/// the other name has none (see `score_forms`).
const VESSEL_ONE_SIDED_NUMBER: f64 = 0.3;

/// Per-schema coefficients of the logistic calibration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    /// Intercept.
    pub bias: f64,
    /// Weight of the lower coverage of the two names.
    pub min_coverage: f64,
    /// Weight of the higher coverage.
    pub max_coverage: f64,
    /// Weight of the conflict (words on both sides without counterpart).
    pub conflict: f64,
    /// Weight of a number present on one side and not the other, or different.
    pub numbers: f64,
    /// Weight of conflicting legal forms (LLC vs JSC).
    pub legal_form: f64,
    /// Weight of an alignment that rests on generic words only.
    pub generic_only: f64,
}

/// The calibration of a schema.
///
/// Coverage, conflict and number weights were fitted by logistic regression
/// on 70% of `data/eval/generated.csv` (`cargo run --release -p
/// vetter-matcher --example calibrate`, which also prints the held-out
/// figures), with signs constrained so the score is monotonic. The
/// lower coverage weighs at least 2, so that a name merely contained in a
/// longer one is not the same name. The generic-word and legal-form weights are set by hand: the evaluation set
/// has too few such pairs to fit them, and the rule they encode (generic words
/// never carry a match; LLC is not JSC) is a requirement, not a statistic.
pub fn calibration(schema: Schema) -> Calibration {
    match schema {
        Schema::Person => Calibration {
            bias: -2.58,
            min_coverage: 4.67,
            max_coverage: 2.56,
            conflict: -2.09,
            numbers: -1.0,
            legal_form: 0.0,
            generic_only: -3.0,
        },
        Schema::Vessel | Schema::Aircraft => Calibration {
            bias: 0.77,
            min_coverage: 2.0,
            max_coverage: 0.0,
            conflict: -2.03,
            numbers: -1.7,
            legal_form: 0.0,
            generic_only: -4.0,
        },
        _ => Calibration {
            bias: -0.34,
            min_coverage: 2.0,
            max_coverage: 1.51,
            conflict: -2.17,
            numbers: -3.62,
            legal_form: -1.0,
            generic_only: -5.0,
        },
    }
}

/// The name kind normalisation uses for a schema.
pub fn name_kind(schema: Schema) -> NameKind {
    match schema {
        Schema::Person => NameKind::Person,
        Schema::Vessel | Schema::Aircraft => NameKind::Vessel,
        Schema::Organization | Schema::Company | Schema::LegalEntity => NameKind::Organization,
        Schema::Asset => NameKind::Any,
    }
}

/// The summed rarity of its aligned words a name needs for a word of the
/// other name that it lacks to be excused as a middle name, patronymic or
/// second surname (see `score_forms`): a rare word and a common one
/// (Vladimir 0.35 + Putin 0.77), not two common ones (0.35 + 0.35).
const EXCUSE_EVIDENCE: f64 = 1.0;

/// Below this rarity a missing middle name is a given name common in the
/// population (capped at 0.35: Muhammad, Ahmad), which inside a longer name is
/// most often a father's or grandfather's name.
const NASAB_COMMON: f64 = 0.36;

/// Generic-word groups that name a line of business (see
/// `vetter_names::is_generic`): two organisations whose names are left with
/// different ones are in different businesses.
const SECTORS: [&str; 30] = [
    "bank",
    "oil",
    "gas",
    "energy",
    "shipping",
    "marine",
    "transport",
    "airline",
    "aviation",
    "construction",
    "engineering",
    "insurance",
    "mining",
    "metals",
    "steel",
    "chemicals",
    "pharma",
    "defense",
    "electronics",
    "electric",
    "machinery",
    "leasing",
    "shipbuilding",
    "shipyard",
    "finance",
    "capital",
    "securities",
    "logistics",
    "university",
    "ministry",
];

/// A bit for the first letter of a word (a-z), 0 for other first bytes.
fn letter_bit(word: &str) -> u32 {
    match word.as_bytes().first() {
        Some(c @ b'a'..=b'z') => 1 << (c - b'a'),
        _ => 0,
    }
}

/// What a person's left-over initial at either end of a name weighs at
/// least: a given name the other name lacks, of which only the first letter
/// is known (`G. Nisha` is not `An-Nisa`), weighs as the name would.
const INITIAL_FLOOR: f64 = 1.0;

/// The rarity a surely aligned word needs for an initial beside it to
/// stand for a full word (see `score_forms`): above the cap of names
/// common in the population (0.35), as Putin (0.77) and Lukashenko (0.69) are.
const INITIAL_SUPPORT: f64 = 0.5;

/// At most this many words of a name take part in a comparison.
pub const MAX_TOKENS: usize = 24;

/// Looks like a patronymic: Russian and Belarusian (Vladimirovich,
/// Ivanovna, Iosifavich), Ukrainian (Volodymyrovych, Maratovych, Marativna),
/// the Scandinavian and German romanisations (Petrovitj, Petrowitsch) and
/// the Turkic ones (oglu, kyzy).
fn is_patronymic(t: &str) -> bool {
    [
        "ovich", "evich", "ovna", "evna", "ich", "ichna", "ych", "ivna", "itj", "itsch", "oglu", "ogly", "kyzy",
        "qizi", "auna", "euna", "awna", "ewna",
    ]
    .iter()
    .any(|s| t.ends_with(s))
        && t.len() > 5
}

/// The father's name in an East Slavic patronymic: `grigor` of Grigoryevich,
/// `rygor` of Rygoravich (Belarusian), `mihaul` of Mihaulauna, `iosif` of
/// Iosifavitj. None for other patronymics.
fn patronymic_stem(t: &str) -> Option<&str> {
    const ENDINGS: [&str; 31] = [
        "yevich", "ievich", "jevich", "iyovych", "iyovich", "ovich", "evich", "avich", "ovych", "evych", "yovych",
        "avitj", "ovitj", "evitj", "ich", "yevna", "ievna", "jevna", "ovna", "evna", "yeuna", "yewna", "iewna", "auna",
        "euna", "awna", "ewna", "ivna", "avna", "ych", "itj",
    ];
    ENDINGS.iter().find_map(|e| t.strip_suffix(e)).filter(|stem| stem.len() >= 3)
}

/// A patronymic of a person's name (`query`) that no patronymic among
/// `names` (all the names of one listed person) agrees with, and the first
/// of those: two fathers' names say two people. Ivan Aleksandrovich
/// Kondratiev is not the listed Ivan Gennadievich Kondratiev, however well
/// he matches the list's shorter `Ivan Kondratiev`. None when either side
/// has no patronymic, or some pair agrees (Rygoravich / Grigoryevich).
pub fn patronymic_conflict<'a>(
    query: &'a Prepared,
    names: impl IntoIterator<Item = &'a Prepared>,
) -> Option<(&'a str, &'a str)> {
    // Words of names written in Latin or Cyrillic letters: an abjad's
    // consonant skeleton (`mgwmdwvych`) is too far from its patronymic's
    // spelling to tell another father's name from a romanisation.
    fn patronymics(p: &Prepared) -> impl Iterator<Item = (usize, &NameToken)> {
        let alphabetic = matches!(p.form.script, Script::Latin | Script::Cyrillic);
        // Facts are kept for the first `MAX_TOKENS` words only.
        p.form
            .tokens
            .iter()
            .zip(&p.facts)
            .enumerate()
            .filter(move |_| alphabetic)
            .filter(|(_, (_, f))| f.patronymic)
            .map(|(k, (t, _))| (k, t))
    }
    let (_, first_asked) = patronymics(query).next()?;
    // One father's name in two spellings: spelled alike as the matcher
    // aligns words (Yonovich/Ionovich), under one transliteration key
    // (Dzhosefovich/Josephovich), with stems alike (Viachaslavavich/
    // Vyacheslavovich, Hryhoryavich/Ryhorovich), or a fused given name
    // before it (`StepanVladimirovich`).
    let agree = |(a, x): (usize, &NameToken), p: &Prepared, (b, y): (usize, &NameToken)| {
        let (u, v) = (x.text.as_str(), y.text.as_str());
        query.slavic[a].0 == p.slavic[b].0
            || query.slavic[a].1 == p.slavic[b].1
            || u.ends_with(v)
            || v.ends_with(u)
            || token_similarity_in(x, &query.facts[a], y, &p.facts[b], Context { abjad: false, ..Context::LOOSE }).sim
                >= ALIGN_MIN
            || matches!((patronymic_stem(u), patronymic_stem(v)), (Some(s), Some(t))
                if same_given_name(s, query.facts[a].stem, t, p.facts[b].stem)
                    || jaro_winkler(s, t) >= 0.8 || s.contains(t) || t.contains(s))
    };
    let mut first_listed = None;
    for p in names {
        for y in patronymics(p) {
            if patronymics(query).any(|x| agree(x, p, y)) {
                return None;
            }
            first_listed.get_or_insert(y.1.text.as_str());
        }
    }
    first_listed.map(|y| (first_asked.text.as_str(), y))
}

/// Whether two stems of patronymics are one given name: the same variant
/// group (Rygor/Grigor), the same transliteration-neutral key, or a close
/// spelling (Mihaul/Mikhail, Gienadzj/Gennadi); each stem comes with its
/// word's [`WordFacts::stem`] (key and group hashes) worked out.
fn same_given_name(x: &str, (key_x, group_x): (u64, u64), y: &str, (key_y, group_y): (u64, u64)) -> bool {
    if x == y || key_x == key_y {
        return true;
    }
    // Ukrainian writes Г as h (Hiviivna for Givievna), and a stem may keep
    // the given name's final vowel or leave it to the ending (Giv-ievna).
    let (u, v) = (x.trim_end_matches(['i', 'y']), y.trim_end_matches(['i', 'y']));
    if u.len() >= 3
        && u.len() == v.len()
        && u.bytes().zip(v.bytes()).all(|(a, b)| a == b || matches!((a, b), (b'g', b'h') | (b'h', b'g')))
    {
        return true;
    }
    if group_x != 0 && group_y != 0 {
        return group_x == group_y;
    }
    jaro_winkler(x, y) >= 0.85
}

/// The cognate group of the given name a patronymic's stem is formed
/// from, with or without the final vowel the ending took (`vasil` of
/// Vasilyevich is Vasiliy).
fn given_name_group(stem: &str) -> Option<&'static str> {
    vetter_names::name_group(stem)
        .or_else(|| ["y", "i", "iy", "ii"].iter().find_map(|e| vetter_names::name_group(&format!("{stem}{e}"))))
}

/// A normalised name with the rarity weight of each word, ready to be compared many times.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The normalised name.
    pub form: NameForm,
    /// The weight of each of the first [`MAX_TOKENS`] words.
    pub weights: Vec<f64>,
    /// Letter counts of each word (a-z, then everything else), to skip word
    /// pairs that cannot reach [`ALIGN_MIN`] without running the edit distances.
    bags: Vec<[u8; 27]>,
    /// Each word's [`WordFacts`].
    facts: Vec<WordFacts>,
    /// A hash of each word's [`slavic_key`] and [`foreign_key`].
    slavic: Vec<(u64, u64)>,
    /// Whether some word may spell a Chinese family name, and whether some
    /// word is Wade-Giles only: name-level gates for the per-pair tests.
    chinese: bool,
    wade_giles: bool,
    /// Whether some word is a patronymic: the name was romanised from
    /// Cyrillic, whatever its letters now.
    patronymic: bool,
    /// In an organisation's name, whether some word names a country or its
    /// people (see [`WordFacts::country`]): a name-level gate for the
    /// per-pair test.
    countries: bool,
    /// The names of a field that holds several (`Dimitri SYTYI, Dmitry
    /// SYTIY`; see `vetter_names::split_names`), each prepared; empty for
    /// one name. A comparison scores the best of them and of the whole field.
    pub alternatives: Vec<Prepared>,
}

impl Prepared {
    /// Computes the weights of a normalised name.
    pub fn new(form: NameForm) -> Prepared {
        let words = &form.tokens[..form.tokens.len().min(MAX_TOKENS)];
        let weights = Prepared::weights_of(&form);
        let bags = words
            .iter()
            .map(|t| {
                let mut bag = [0u8; 27];
                for c in t.text.bytes() {
                    let k = if c.is_ascii_lowercase() { usize::from(c - b'a') } else { 26 };
                    bag[k] = bag[k].saturating_add(1);
                }
                bag
            })
            .collect();
        let slavic = words.iter().map(|t| (fnv1a(&slavic_key(&t.text)), fnv1a(&foreign_key(&t.text)))).collect();
        let mut facts: Vec<WordFacts> = words.iter().map(WordFacts::of).collect();
        let chinese = facts.iter().any(|f| f.chinese != 0);
        // Many Latin words parse as Pinyin syllables (Tunisi is tu-ni-si).
        // They are Pinyin only in a name that reads as Chinese or Korean:
        // a Chinese family name, East Asian script, a Korean surname, or
        // Pinyin words only. Elsewhere Tounisi/Tunisi is a spelling, not
        // two sets of characters.
        if !chinese && !reads_east_asian(&form, &facts) {
            for f in &mut facts {
                f.pinyin = None;
            }
        }
        let wade_giles = facts.iter().any(|f| f.wade_giles);
        let patronymic = facts.iter().any(|f| f.patronymic);
        if form.kind == NameKind::Organization {
            for (t, f) in words.iter().zip(&mut facts) {
                if let Some(code) = vetter_model::country::country_of_word(&t.text).filter(|_| !t.generic) {
                    f.country = fnv1a(code);
                }
                if let Some(key) = cognate_key(&t.text) {
                    f.cognate = fnv1a(&key);
                }
            }
        }
        let countries = facts.iter().any(|f| f.country != 0);
        Prepared {
            form,
            weights,
            bags,
            facts,
            slavic,
            chinese,
            wade_giles,
            patronymic,
            countries,
            alternatives: Vec::new(),
        }
    }

    /// The names to compare: the whole field, then each of its alternatives.
    pub fn names(&self) -> impl Iterator<Item = &Prepared> {
        std::iter::once(self).chain(&self.alternatives)
    }

    fn tokens(&self) -> &[NameToken] {
        &self.form.tokens[..self.weights.len()]
    }

    /// The weights [`Prepared::new`] gives the words of a normalised name
    /// (`weights`), without the rest of the preparation: to weigh a name's
    /// words before deciding to score it.
    pub fn weights_of(form: &NameForm) -> Vec<f64> {
        form.tokens[..form.tokens.len().min(MAX_TOKENS)]
            .iter()
            .map(|t| {
                let w = rarity(&t.text);
                if t.generic {
                    w.min(0.15)
                } else if t.initial {
                    w.min(0.3)
                } else {
                    w
                }
            })
            .collect()
    }

    /// [`token_similarity`] of word `i` of this name and word `j` of
    /// `other`, from what the two names keep of their words (no word facts
    /// worked out again); `None` when either index is out of range.
    pub fn word_similarity(&self, i: usize, other: &Prepared, j: usize) -> Option<TokenSim> {
        let (a, fa) = (self.tokens().get(i)?, self.facts.get(i)?);
        let (b, fb) = (other.tokens().get(j)?, other.facts.get(j)?);
        Some(token_similarity_in(a, fa, b, fb, Context::LOOSE))
    }
}

const NONE: u8 = u8::MAX;

/// A word pair that may align: similarity, word in A, word in B, how.
type Candidate = (f64, u8, u8, TokenSim);
/// An aligned pair: first word in A, words in A, first word in B, words in B, how.
type AlignedSpan = (u8, u8, u8, u8, TokenSim);

thread_local! {
    static CANDIDATES: std::cell::RefCell<Vec<Candidate>> = const { std::cell::RefCell::new(Vec::new()) };
    static PAIRS: std::cell::RefCell<Vec<AlignedSpan>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Scores two prepared names; fills `explanation` when given.
pub fn score_forms(pa: &Prepared, pb: &Prepared, schema: Schema, explanation: Option<&mut Explanation>) -> f64 {
    let (ta, tb) = (pa.tokens(), pb.tokens());
    let (wa, wb) = (&pa.weights, &pb.weights);
    if ta.is_empty() || tb.is_empty() {
        if let Some(e) = explanation {
            e.summary = "no comparable name words on one side (empty, or only punctuation or titles)".into();
        }
        return 0.0;
    }
    if !matches!(schema, Schema::Person | Schema::Vessel | Schema::Aircraft)
        && (acronym_of(pa, pb) || acronym_of(pb, pa))
    {
        return acronym_score(schema, pa, pb, explanation);
    }
    let (na, nb) = (ta.len(), tb.len());
    let strict_spelling = matches!(schema, Schema::Vessel | Schema::Aircraft);
    let organisation = matches!(schema, Schema::Organization | Schema::Company | Schema::LegalEntity);
    let chinese_names = pa.chinese && pb.chinese;
    // A name in Wade-Giles (Mao Tse-tung) against Pinyin (Mao Zedong, 毛泽东):
    // each of its syllables may be read as the Pinyin syllables it stands for.
    let (wade_a, wade_b) = (pa.wade_giles, pb.wade_giles);
    // Russian and Ukrainian romanise the same Cyrillic letters differently
    // (Г = g/h, И = i/y, Ю = yu/iu): when either name was written in Cyrillic,
    // words whose transliteration-neutral keys agree are the same word.
    // A patronymic says so too: the name was romanised from Cyrillic
    // (Sergey Kuzhugetovich Shoygu is Sergei Shoigu).
    let slavic_names = (
        pa.form.script == vetter_names::Script::Cyrillic || pa.patronymic,
        pb.form.script == vetter_names::Script::Cyrillic || pb.patronymic,
    );
    let slavic = slavic_names.0 || slavic_names.1;
    let abjad = [pa.form.script, pb.form.script].iter().any(|s| matches!(s, Script::Arabic | Script::Hebrew));
    let a_abjad = matches!(pa.form.script, Script::Arabic | Script::Hebrew);
    let abjad_vs_vowelled = a_abjad != matches!(pb.form.script, Script::Arabic | Script::Hebrew);
    // Romanised from another script (Han gives exact Pinyin): spellings of short words vary.
    let transliterated =
        [pa.form.script, pb.form.script].iter().any(|s| !matches!(s, Script::Latin | Script::Han | Script::Other));
    let (key_a, key_b) = (&pa.slavic, &pb.slavic);
    // Hebrew script against a Latin spelling: words whose consonant classes
    // agree (`vetter_names::hebrew_key`) are the same word (Lapid/לפיד).
    let hebrew = abjad_vs_vowelled && [pa.form.script, pb.form.script].contains(&Script::Hebrew);

    // A vessel's hull or series number that both names carry says which
    // ship is meant: a near spelling beside it is a romanisation
    // (`Iran Hormoz 14` / `Iran Hormuz 14`), not another ship.
    let shared_number =
        strict_spelling && pa.facts.iter().any(|f| f.number && pb.facts.iter().any(|g| g.number && g.text == f.text));
    // Both organisation names name a country (see `WordFacts::country`).
    let countries = pa.countries && pb.countries;

    // 1-2. Candidate pairs, best first; ties broken by the words themselves so
    // that comparing A with B and B with A align the same pairs.
    // Reused per thread: the scoring path allocates nothing in the steady state.
    let mut candidates = CANDIDATES.with(|c| std::mem::take(&mut *c.borrow_mut()));
    candidates.clear();
    for (i, x) in ta.iter().enumerate() {
        for (j, y) in tb.iter().enumerate() {
            let same_slavic = slavic && (key_a[i].0 == key_b[j].0 || key_a[i].1 == key_b[j].1);
            let same_hebrew = hebrew && pa.facts[i].hebrew != 0 && pa.facts[i].hebrew == pb.facts[j].hebrew;
            // Patronymics of one name may be spelled far apart (Rygoravich/Grigoryevich).
            let numbers = pa.facts[i].number || pb.facts[j].number;
            let patronymics = pa.facts[i].patronymic && pb.facts[j].patronymic;
            // Against an abjad, the Arabic spelling of p, v and g may align too.
            let arabic_spelling = abjad_vs_vowelled && pa.facts[i].arabic == pb.facts[j].arabic;
            // Romanisations of one Chinese family name share few letters (Chen/Tan).
            let chinese = chinese_names && pa.facts[i].chinese & pb.facts[j].chinese != 0;
            let wade_giles =
                (wade_a && pb.facts[j].pinyin == Some(1) && vetter_names::wade_giles_reads_as(&x.text, &y.text))
                    || (wade_b && pa.facts[i].pinyin == Some(1) && vetter_names::wade_giles_reads_as(&y.text, &x.text));
            // An organisation's place or founder in another grammatical form
            // (Uralskiy Zavod / Ural Plant, imeni Chapaeva / Chapaev).
            let word_form = organisation
                && pa.facts[i].text != pb.facts[j].text
                && (same_word_form(&x.text, &y.text)
                    || (pa.facts[i].cognate != 0 && pa.facts[i].cognate == pb.facts[j].cognate));
            // One country named in two languages or as its people (Sberbank
            // of Russia / Sberbank Rossii).
            let same_country = countries && pa.facts[i].country != 0 && pa.facts[i].country == pb.facts[j].country;
            if !(same_slavic
                || same_hebrew
                || wade_giles
                || word_form
                || same_country
                || chinese
                || numbers
                || patronymics
                || arabic_spelling
                || may_align(x, &pa.facts[i], &pa.bags[i], y, &pb.facts[j], &pb.bags[j]))
            {
                continue;
            }
            let cx = Context { abjad, transliterated, abjad_vs_vowelled, slavic: slavic_names };
            let mut s = token_similarity_in(x, &pa.facts[i], y, &pb.facts[j], cx);
            if abjad_vs_vowelled && matches!(s.reason, "skeleton" | "sound" | "spelling") {
                let (unvowelled, vowelled) = if a_abjad { (x, y) } else { (y, x) };
                if final_long_i_differs(&unvowelled.text, &vowelled.text) {
                    continue;
                }
            }
            // An organisation's word is no initial's full form: a letter in
            // its name is an initial of a founder or an abbreviation (`PMC
            // Fakel` is not `МКБ Факел имени П. Д. Грушина`).
            if organisation && s.reason == "initial" && x.initial != y.initial {
                continue;
            }
            // Cyrillic writes a Slavic surname's vowels, and so do its
            // romanisations: two that share only a consonant skeleton are
            // other families (Kolesnikov/Kalashnikov). So are two typed in
            // Latin letters that differ by more than a typo and are no two
            // romanisations of one Cyrillic spelling (Timchenko/Timoshenko,
            // Lavrov/Lavrenov; Vorobyov/Vorobiev is one).
            let loose_skeleton = s.reason == "skeleton" && !abjad && !same_slavic;
            let typed_apart = !transliterated
                && matches!(s.reason, "spelling" | "sound")
                && key_a[i].0 != key_b[j].0
                && key_a[i].1 != key_b[j].1;
            if (loose_skeleton || typed_apart)
                && slavic_surname(&x.text)
                && slavic_surname(&y.text)
                && (loose_skeleton || levenshtein(&x.text, &y.text) >= 2)
            {
                continue;
            }
            if s.reason == "short form" && (after_abd(ta, i) || after_abd(tb, j)) {
                // `Abdul Patta` is one name the lists also print fused
                // (`Abdulpatta`), which `fuse` aligns whole: not a short form.
                continue;
            }
            // Unless the variant table knows them as different names (Mehmet/Mahmut).
            if same_hebrew && s.sim < 0.86 && !(x.group.is_some() && y.group.is_some() && x.group != y.group) {
                s = TokenSim { sim: 0.86, reason: "skeleton" };
            }
            if same_slavic && s.sim < 0.9 {
                s = TokenSim { sim: 0.9, reason: "transliteration" };
            } else if same_country && s.sim < 0.95 {
                s = TokenSim { sim: 0.95, reason: "same country" };
            } else if word_form && s.sim < 0.9 {
                s = TokenSim { sim: 0.9, reason: "word form" };
            } else if wade_giles && s.sim < 0.9 {
                s = TokenSim { sim: 0.9, reason: "Wade-Giles" };
            }
            if strict_spelling && s.sim < 1.0 && !shared_number {
                // Vessel names are registered: a one-letter difference is
                // usually another ship (Flora/Flura), so near spellings count less.
                s.sim *= 0.9;
            }
            if s.sim >= ALIGN_MIN {
                candidates.push((s.sim, i as u8, j as u8, s));
            }
        }
    }
    let same_words = ta.len() == tb.len()
        && pa.facts.iter().zip(&pb.facts).all(|(x, y)| x.text == y.text)
        && ta.iter().zip(tb).all(|(x, y)| x.text == y.text);
    candidates.sort_unstable_by(|x, y| {
        y.0.total_cmp(&x.0).then_with(|| {
            let key = |c: &Candidate| {
                let (p, q) = (pa.facts[c.1 as usize].text, pb.facts[c.2 as usize].text);
                if p <= q { (p, q) } else { (q, p) }
            };
            // Two names of the same words in the same order pair each word
            // with its own place, however often it repeats (a long remark).
            let offset = |c: &Candidate| if same_words { c.1.abs_diff(c.2) } else { 0 };
            key(x).cmp(&key(y)).then_with(|| offset(x).cmp(&offset(y)))
        })
    });
    // pair_a[i] / pair_b[j]: index of the pair a word is in.
    let mut pair_a = [NONE; MAX_TOKENS];
    let mut pair_b = [NONE; MAX_TOKENS];
    // Pairs: (first word in A, words in A, first word in B, words in B, similarity).
    let mut pairs = PAIRS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    pairs.clear();
    for &(_, i, j, s) in &candidates {
        if pair_a[i as usize] == NONE && pair_b[j as usize] == NONE {
            pair_a[i as usize] = pairs.len() as u8;
            pair_b[j as usize] = pairs.len() as u8;
            pairs.push((i, 1, j, 1, s));
        }
    }
    // An initial stands for a full word only beside a word that says who
    // is meant: "V. Putin" is Vladimir Putin, but "M. Ahmadi" is not
    // Maryam Ahmadi, nor "Q.C. Chen" Chen Cheng: thousands share the
    // surname. Without a word both rare (above the cap of common names)
    // and surely the same, or several such words that together are as
    // distinctive as a missing middle name needs (Ahmed Abdullah
    // al-Zahrani), initials facing full words are let go.
    let stands_for_full =
        |&(i, _, j, _, s): &AlignedSpan| s.reason == "initial" && !(ta[i as usize].initial && tb[j as usize].initial);
    let sure_words =
        || pairs.iter().filter(|&&(i, _, _, _, s)| s.reason != "initial" && s.sim >= 0.9 && !ta[i as usize].generic);
    let initial_pairs = pairs.iter().any(|p| p.4.reason == "initial");
    if initial_pairs
        && pairs.iter().any(stands_for_full)
        && !sure_words().any(|&(i, _, j, _, _)| wa[i as usize].max(wb[j as usize]) >= INITIAL_SUPPORT)
        && sure_words().map(|&(i, _, j, _, _)| wa[i as usize].max(wb[j as usize])).sum::<f64>() < EXCUSE_EVIDENCE
    {
        pairs.retain(|p| !stands_for_full(p));
        index_pairs(&pairs, &mut pair_a, &mut pair_b);
    }
    // A letter whose next word is free and which, joined to it, spells the
    // word it faces is part of a split word, not an initial: `Sean O Brien`
    // is `Sean O'Brien`. Fusion below aligns it whole.
    let split_word = |&(i, _, j, _, s): &AlignedSpan| {
        let (i, j) = (usize::from(i), usize::from(j));
        let spells = |init: &NameToken, next: Option<&NameToken>, free: bool, full: &NameToken| {
            free && next.is_some_and(|n| {
                full.text.len() == init.text.len() + n.text.len()
                    && full.text.starts_with(init.text.as_str())
                    && full.text.ends_with(n.text.as_str())
            })
        };
        s.reason == "initial"
            && if ta[i].initial {
                spells(&ta[i], ta.get(i + 1), pair_a.get(i + 1) == Some(&NONE), &tb[j])
            } else {
                spells(&tb[j], tb.get(j + 1), pair_b.get(j + 1) == Some(&NONE), &ta[i])
            }
    };
    if initial_pairs && pairs.iter().any(split_word) {
        pairs.retain(|p| !split_word(p));
        index_pairs(&pairs, &mut pair_a, &mut pair_b);
    }
    // Fused words: two adjacent free words on one side against one free word on the other.
    fuse((ta, &pa.bags), (tb, &pb.bags), abjad, (wade_a, wade_b), &mut pair_a, &mut pair_b, &mut pairs);
    // East Asian names put the family name first or last, but the given
    // name's syllables keep their order: Woo-hyun is not Hyun-woo, Su-jeong
    // not Jeong-su. Aligned words that cross otherwise are let go.
    let east_asian = east_asian(pa) || east_asian(pb);
    if east_asian && pairs.len() >= 3 {
        keep_syllable_order(pa, pb, &mut pairs, &mut pair_a, &mut pair_b);
    }

    // 3. Coverage. A name is fully explained when each of its words aligned
    // and at least one alignment is more than an initial: "G. D." does not
    // explain "Geoff Davis" well enough to excuse the other name's extra words.
    let beyond_initials = pairs.iter().any(|p| p.4.reason != "initial");
    // A full word aligned only with an initial is not explained by it:
    // "S." does not explain "Samaha" well enough to excuse "Johnson".
    // With `but_generic`, generic words (a person's particles and articles)
    // may be left over too.
    let explained = |pair_of: &[u8], tokens: &[NameToken], but_generic: bool| {
        pair_of.iter().zip(tokens).all(|(&p, t)| {
            if p == NONE { but_generic && t.generic } else { t.initial || pairs[p as usize].4.reason != "initial" }
        })
    };
    let person = schema == Schema::Person;
    let a_full = beyond_initials && explained(&pair_a[..na], ta, false);
    let b_full = beyond_initials && explained(&pair_b[..nb], tb, false);
    // A person's name explained but for particles and articles (`Anwar
    // al-Aulaqi`) is enough to excuse the other name's middle names.
    let a_told = a_full || (person && beyond_initials && explained(&pair_a[..na], ta, true));
    let b_told = b_full || (person && beyond_initials && explained(&pair_b[..nb], tb, true));
    // A Korean or Chinese given name's syllables go together: one left over
    // is neither a middle name nor a second surname.
    let korean = east_asian;
    let aligned = pairs.len();
    // Spanish and Portuguese names drop the second surname: "Nicolas Maduro"
    // is "Nicolas Maduro Moros". A name's last word is such a surname when
    // the word before it aligned with the other name's last word.
    // When the name was printed "SURNAMES, Given", its last word is a second
    // surname only if the word before it is a surname too ("MADURO MOROS,
    // Nicolas"); "QARAWI, Mohammed Fathi" has one surname, and lacking it
    // is a conflict.
    let second_surname = |tokens: &[NameToken], pair_of: &[u8], n: usize, other_n: usize, on_a: bool| {
        n >= 2
            && pair_of[n - 1] == NONE
            && pair_of[n - 2] != NONE
            && (!tokens[n - 1].surname || tokens[n - 2].surname)
            && {
                let (i, ni, j, nj, _) = pairs[pair_of[n - 2] as usize];
                let (start, len) = if on_a { (j, nj) } else { (i, ni) };
                usize::from(start) + usize::from(len) == other_n
            }
    };
    let (second_a, second_b) =
        (second_surname(ta, &pair_a[..na], na, nb, true), second_surname(tb, &pair_b[..nb], nb, na, false));
    // What the aligned words of each name say: the summed rarity of those
    // that are not generic. A shorter form of a name (no middle name,
    // patronymic or second surname) stands for the longer one only when it
    // is distinctive by itself: "Vladimir Putin" for "Vladimir Vladimirovich
    // Putin", not "Oksana Volkova" for "Oksana Vyacheslavovna Volkova" nor
    // "Mohammad Hosseini" for "Mohammad Reza Hosseini", which thousands of
    // people are called.
    // A near spelling or a sound-alike agrees less than the same word
    // (Kulikov/KLUKOV, Akimova/ALIMOVA are other families), and counts half;
    // a consonant skeleton is how a name in Arabic or Hebrew script meets
    // its romanisation, and counts whole there.
    let sure = |s: &TokenSim| s.sim >= 0.9 || (abjad_vs_vowelled && s.reason == "skeleton");
    let evidence = |tokens: &[NameToken], weights: &[f64], pair_of: &[u8]| -> f64 {
        tokens
            .iter()
            .zip(weights)
            .zip(pair_of)
            .filter(|((t, _), p)| **p != NONE && !t.generic)
            .map(|((_, w), p)| if sure(&pairs[*p as usize].4) { *w } else { w * 0.5 })
            .sum()
    };
    let distinct_a = evidence(ta, wa, &pair_a[..na]) >= EXCUSE_EVIDENCE;
    let distinct_b = evidence(tb, wb, &pair_b[..nb]) >= EXCUSE_EVIDENCE;
    // An organisation "named after" someone (`imeni`, `im.`) does not take
    // its identity from the dedication (see `dedication`): words after it
    // count as generic, and one name may leave them out.
    let (from_a, from_b) = if organisation { (dedication(ta), dedication(tb)) } else { (usize::MAX, usize::MAX) };
    let discount = |t: &NameToken,
                    w: f64,
                    k: usize,
                    n: usize,
                    other_full: bool,
                    second: bool,
                    from: usize|
     -> (f64, &'static str) {
        // Only a word inside a name is a middle name; a first or last word
        // the other name lacks is a given name or surname, in conflict.
        // A surname printed before the comma is never a middle name:
        // "SALAZAR HERNANDEZ, Alejandra" is not "Alejandra Hernandez".
        let interior = k > 0 && k + 1 < n && !t.surname;
        // A word with no counterpart while the other name is fully explained
        // is only missing (a middle name, a patronymic, a generic word);
        // otherwise it is in conflict.
        if t.generic {
            (0.3, "generic word, missing on the other side")
        } else if person && other_full && aligned >= 2 && vetter_names::is_title_word(&t.text) {
            // A title one list prints and the other not, often inside the
            // name where no rule removes it (`HOSSEYNI Dr Seyyed Mohammad`).
            (0.2, "title, missing on the other side")
        } else if k >= from {
            (0.3, "dedication (\"named after\"), missing on the other side")
        } else if person && other_full && aligned >= 2 && matches!(t.text.as_str(), "bin" | "bint" | "ould" | "abu") {
            // "Son of", "daughter of", "father of": the name they join is
            // what says who is meant (Lazher Ben Khalifa / Al-Azhar Ben Khalifa).
            (0.3, "particle, missing on the other side")
        } else if person && other_full && aligned >= 2 && is_patronymic(&t.text) {
            (0.2, "patronymic, missing on the other side")
        } else if person && other_full && aligned >= 2 && interior && !korean && w < NASAB_COMMON {
            // A common given name inside a longer name is most often a
            // father's or grandfather's name (Mahmoud Muhammad Ahmad
            // Bahaziq), which short forms drop as they drop a patronymic.
            (0.25, "middle name (common given name), missing on the other side")
        } else if person && other_full && aligned >= 2 && interior && !korean {
            (0.4, "middle name, missing on the other side")
        } else if person && other_full && aligned >= 2 && k == 0 && n >= 3 && t.group == Some("muhammad") {
            // Muhammad before a given name is often left out (Muhammad
            // Bara' Qatirji is known as Bara' Katarji).
            (0.4, "Muhammad before a given name, missing on the other side")
        } else if person && other_full && aligned >= 2 && second && k + 1 == n && !korean {
            (0.4, "second surname, missing on the other side")
        } else {
            (1.0, "no counterpart")
        }
    };
    // A word the other name may leave out only when what it has is
    // distinctive (see `EXCUSE_EVIDENCE`): otherwise it counts in full, and
    // the third value says so, for the explanation.
    let discount = |t: &NameToken,
                    w: f64,
                    k: usize,
                    n: usize,
                    (other_told, other_distinct): (bool, bool),
                    second: bool,
                    from: usize|
     -> (f64, &'static str, bool) {
        let (factor, reason) = discount(t, w, k, n, other_told, second, from);
        // A title says nothing of who is meant: it never counts in full.
        if other_distinct || t.generic || k >= from || factor >= 1.0 || reason.starts_with("title") {
            (factor, reason, false)
        } else {
            (1.0, reason, true)
        }
    };
    let coverage = |tokens: &[NameToken],
                    weights: &[f64],
                    pair_of: &[u8],
                    other_full: (bool, bool),
                    second: bool,
                    from: usize,
                    other_letters: u32|
     -> (f64, f64) {
        let (mut total, mut got, mut missing) = (0.0, 0.0, 0.0);
        for (k, t) in tokens.iter().enumerate() {
            let w = weights[k];
            if pair_of[k] == NONE {
                let (factor, ..) = discount(t, w, k, tokens.len(), other_full, second, from);
                // A left-over given name or surname is a difference however
                // common it is: it counts at least as much as a rare word.
                // A leading or trailing initial of a person stands for a
                // given name the other name lacks; one inside the name
                // (John F. Kennedy) for a middle name, which says little.
                // It may still be the initial of a word the other name left
                // over (`Asadi M` / `Mehdi Asadi`), and then counts half.
                let interior = k > 0 && k + 1 < tokens.len();
                let floor = if t.generic || k >= from || (t.initial && (!person || interior)) {
                    0.0
                } else if t.initial && other_letters & letter_bit(&t.text) != 0 {
                    INITIAL_FLOOR / 2.0
                } else if t.initial {
                    INITIAL_FLOOR
                } else {
                    1.0
                };
                total += w.max(floor) * factor;
                missing += w.max(floor) * factor;
            } else {
                // An initial says little of the full word it stands for:
                // "M" covers half of "Mehdi".
                let s = pairs[pair_of[k] as usize].4;
                let sim = if s.reason == "initial" && !t.initial { 0.5 } else { s.sim };
                total += w;
                got += w * sim;
            }
        }
        (if total > 0.0 { got / total } else { 0.0 }, missing)
    };
    // The first letters of each name's left-over words.
    let letters = |tokens: &[NameToken], pair_of: &[u8]| {
        tokens.iter().zip(pair_of).filter(|(_, p)| **p == NONE).fold(0u32, |bits, (t, _)| bits | letter_bit(&t.text))
    };
    let initials = person && (ta.iter().any(|t| t.initial) || tb.iter().any(|t| t.initial));
    let (letters_a, letters_b) =
        if initials { (letters(ta, &pair_a[..na]), letters(tb, &pair_b[..nb])) } else { (0, 0) };
    let (cov_a, miss_a) = coverage(ta, wa, &pair_a, (b_told, distinct_b), second_a, from_a, letters_b);
    let (cov_b, miss_b) = coverage(tb, wb, &pair_b, (a_told, distinct_a), second_b, from_b, letters_a);
    // Words left over conflict. For a person, those of either name do
    // (after the discounts for middle names, patronymics and generic words):
    // "Kasim Soleimani" is not "Haji Karim", whose one name is merely spelled
    // like "Kasim"; for other schemas only words left over on both sides do.
    let conflict = if person { miss_a.max(miss_b) } else { miss_a.min(miss_b) };
    // Two organisations in different lines of business are different
    // organisations, whatever else they share: National Iranian Oil Company
    // is not National Iranian Gas Company. A line of business one name
    // leaves out, with nothing in its place, is only missing (Rosneft Oil
    // Company is Rosneft).
    let sector_conflict = organisation && {
        let free = |tokens: &[NameToken], pair_of: &[u8]| {
            tokens
                .iter()
                .zip(pair_of)
                .filter(|(t, p)| **p == NONE && t.generic)
                .filter_map(|(t, _)| t.group.and_then(|g| SECTORS.iter().position(|s| *s == g)))
                .fold(0u64, |bits, k| bits | 1 << k)
        };
        let (x, y) = (free(ta, &pair_a[..na]), free(tb, &pair_b[..nb]));
        let distinct_free = |tokens: &[NameToken], pair_of: &[u8]| {
            tokens.iter().zip(pair_of).any(|(t, p)| *p == NONE && !t.generic && !t.initial)
        };
        // A line of business against a distinctive word the other name has
        // instead is another business too: Yaroslavl Shipbuilding Factory
        // is not Yaroslavl Radio Plant.
        match (x, y) {
            (0, 0) => false,
            (_, 0) => distinct_free(tb, &pair_b[..nb]),
            (0, _) => distinct_free(ta, &pair_a[..na]),
            _ => x & y == 0,
        }
    };
    let conflict = if sector_conflict { conflict.max(1.0) } else { conflict };
    // A vessel's name is registered as written: its words in another order
    // name another ship (STAR OCEAN is not OCEAN STAR).
    let reordered = schema == Schema::Vessel && {
        // A yard or hull number may stand anywhere (`YARD NO. 2656 HYUNDAI`).
        let words =
            || pairs.iter().filter(|p| !pa.facts[usize::from(p.0)].number && !pb.facts[usize::from(p.2)].number);
        words().any(|p| words().any(|q| p.0 < q.0 && p.2 > q.2))
    };
    let conflict = if reordered { conflict.max(1.0) } else { conflict };

    // Numbers: a number in one name that the other lacks or differs.
    let has_free_number =
        |facts: &[WordFacts], pair_of: &[u8]| facts.iter().zip(pair_of).any(|(f, &p)| f.number && p == NONE);
    // A vessel renamed with a number added (`Baltic Chief I`, `Violet 1`)
    // is a known way to slip past name screening, so a number on one side
    // only counts for less than two numbers that differ (`Sara 1`/`Sara 2`).
    let number_mismatch = match (has_free_number(&pa.facts, &pair_a), has_free_number(&pb.facts, &pair_b)) {
        (true, true) => 1.0,
        (true, false) | (false, true) if schema == Schema::Vessel => VESSEL_ONE_SIDED_NUMBER,
        (true, false) | (false, true) => 1.0,
        (false, false) => 0.0,
    };
    // Names with several forms (`NPO ... JSC`) conflict only when they share
    // none (the first forms compared first: most often they are the same).
    let (forms_a, forms_b) = (&pa.form.legal_forms, &pb.form.legal_forms);
    let legal_conflict = match (forms_a.first(), forms_b.first()) {
        (Some(x), Some(y))
            if x.canonical != y.canonical
                && !forms_a.iter().any(|x| forms_b.iter().any(|y| x.canonical == y.canonical)) =>
        {
            legal_form_conflict(x.canonical, y.canonical)
        }
        _ => 0.0,
    };
    // A name of generic words only is still a name ("Energiya", "Trading
    // Company"): when every word of both names aligned, the words that agree
    // are the whole name, not a generic word shared beside others.
    // Words after a dedication count as generic here too
    // (`ANO "RUS NAMED AFTER V.V. PUTIN"` is not Vladimir Putin).
    // A country or its people (`Bank of China` / `China Construction
    // Bank`, `National Iranian Drilling Company`) says no more of which
    // organisation is meant than a generic word does.
    let generic_at = |tokens: &[NameToken], facts: &[WordFacts], k: u8, from: usize| {
        let k = usize::from(k);
        tokens[k].generic || k >= from || (organisation && facts[k].country != 0)
    };
    let generic_only = if !pairs.is_empty()
        && (!a_full || !b_full)
        && pairs.iter().all(|&(i, ni, j, nj, _)| {
            (i..i + ni).all(|k| generic_at(ta, &pa.facts, k, from_a))
                || (j..j + nj).all(|k| generic_at(tb, &pb.facts, k, from_b))
        }) {
        1.0
    } else {
        0.0
    };

    // 4. Calibration.
    let c = calibration(schema);
    let features = [
        ("min_coverage", cov_a.min(cov_b), c.min_coverage),
        ("max_coverage", cov_a.max(cov_b), c.max_coverage),
        ("conflict", conflict, c.conflict),
        ("numbers", number_mismatch, c.numbers),
        ("legal_form", legal_conflict, c.legal_form),
        ("generic_only", generic_only, c.generic_only),
    ];
    let z = c.bias + features.iter().map(|(_, v, w)| v * w).sum::<f64>();
    // The same words, each equal, with no word left over and no conflicting
    // legal form: the names are the same after normalisation.
    let identical = a_full
        && b_full
        && legal_conflict == 0.0
        && !reordered
        && pairs.iter().all(|p| p.4.sim >= 1.0 && p.1 == 1 && p.3 == 1);
    // Names with no word in common are not the same name, whatever the
    // schema's intercept says of two lone initials ("X" / "Y").
    let score = if identical {
        1.0
    } else if pairs.is_empty() {
        0.0
    } else {
        round(1.0 / (1.0 + (-z).exp()))
    };

    if let Some(e) = explanation {
        e.identical = identical;
        e.bias = c.bias;
        e.features = features
            .iter()
            .map(|(name, value, weight)| Feature {
                name: (*name).into(),
                value: round(*value),
                weight: *weight,
                contribution: round(value * weight),
            })
            .collect();
        let words = |tokens: &[NameToken], from: u8, n: u8| {
            (from..from + n).map(|k| tokens[k as usize].text.as_str()).collect::<Vec<_>>().join(" ")
        };
        let weight = |weights: &[f64], from: u8, n: u8| (from..from + n).map(|k| weights[k as usize]).sum::<f64>();
        e.aligned = pairs
            .iter()
            .map(|&(i, ni, j, nj, s)| AlignedPair {
                left: words(ta, i, ni),
                right: words(tb, j, nj),
                similarity: round(s.sim),
                reason: s.reason.into(),
                weight: round(weight(wa, i, ni).max(weight(wb, j, nj))),
            })
            .collect();
        let unmatched =
            |tokens: &[NameToken], weights: &[f64], pair_of: &[u8], other_full: (bool, bool), second: bool, from| {
                tokens
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| pair_of[*k] == NONE)
                    .map(|(k, t)| {
                        let (factor, reason, in_full) =
                            discount(t, weights[k], k, tokens.len(), other_full, second, from);
                        let reason = if sector_conflict && t.generic && t.group.is_some_and(|g| SECTORS.contains(&g)) {
                            "line of business, not the other name's".to_owned()
                        } else if in_full {
                            format!("{reason}; counts in full: the words that agree are common names")
                        } else {
                            reason.to_owned()
                        };
                        UnmatchedToken { token: t.text.clone(), weight: round(weights[k] * factor), reason }
                    })
                    .collect()
            };
        e.unmatched_left = unmatched(ta, wa, &pair_a, (b_told, distinct_b), second_a, from_a);
        e.unmatched_right = unmatched(tb, wb, &pair_b, (a_told, distinct_a), second_b, from_b);
    }
    CANDIDATES.with(|c| *c.borrow_mut() = candidates);
    PAIRS.with(|c| *c.borrow_mut() = pairs);
    score
}

/// The score of an organisation's acronym against its full name.
const ACRONYM_SCORE: f64 = 0.85;

/// Small words an acronym leaves out (ISIL: Islamic State *of* Iraq *and* *the* Levant).
const ACRONYM_SKIPS: [&str; 16] =
    ["of", "the", "and", "for", "in", "on", "at", "to", "de", "la", "le", "du", "des", "del", "et", "und"];

/// Whether `short` is one word of 3 to 8 letters spelled
/// by the first letters of the words of `long` (three or more, small words
/// such as `of` and `the` left out, or in), optionally followed by that of
/// its legal form: IRGC for Islamic Revolutionary Guard Corps, NIOC for
/// National Iranian Oil Company.
fn acronym_of(short: &Prepared, long: &Prepared) -> bool {
    let [word] = short.tokens() else { return false };
    let acronym = word.text.as_str();
    if !(3..=8).contains(&acronym.len()) || !acronym.bytes().all(|c| c.is_ascii_lowercase()) || word.generic {
        return false;
    }
    let words = long.tokens();
    if words.len() < 3 {
        return false;
    }
    let initials = |skip: bool| -> String {
        words
            .iter()
            .filter(|t| !(skip && ACRONYM_SKIPS.contains(&t.text.as_str())))
            .filter_map(|t| t.text.bytes().next())
            .map(char::from)
            .collect()
    };
    let legal = long.form.legal_forms.first().and_then(|l| l.printed.bytes().next()).map(char::from);
    let spelled = |initials: String| {
        acronym == initials
            || legal.is_some_and(|l| {
                acronym.len() == initials.len() + 1 && acronym.starts_with(&initials) && acronym.ends_with(l)
            })
    };
    spelled(initials(true)) || spelled(initials(false))
}

/// The score and explanation of an acronym against its full name.
fn acronym_score(schema: Schema, pa: &Prepared, pb: &Prepared, explanation: Option<&mut Explanation>) -> f64 {
    let words = |p: &Prepared| p.tokens().iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
    if let Some(e) = explanation {
        let c = calibration(schema);
        let logit = (ACRONYM_SCORE / (1.0 - ACRONYM_SCORE)).ln();
        e.bias = c.bias;
        e.features =
            vec![Feature { name: "acronym".into(), value: 1.0, weight: logit - c.bias, contribution: logit - c.bias }];
        e.aligned = vec![AlignedPair {
            left: words(pa),
            right: words(pb),
            similarity: ACRONYM_SCORE,
            reason: "acronym".into(),
            weight: 1.0,
        }];
        e.unmatched_left = Vec::new();
        e.unmatched_right = Vec::new();
    }
    ACRONYM_SCORE
}

/// Whether a name reads as Korean or Chinese: Hangul or Han script, a
/// Korean surname first or last, or words that are all Pinyin, none of
/// them a common name of another culture (`Duba Ali` is no Chinese name).
fn east_asian(p: &Prepared) -> bool {
    reads_east_asian(&p.form, &p.facts)
}

/// [`east_asian`] of a name's form and word facts, before it is prepared.
fn reads_east_asian(form: &NameForm, facts: &[WordFacts]) -> bool {
    form.korean
        || matches!(form.script, Script::Han | Script::Hangul)
        || (facts.len() >= 2
            && facts.iter().all(|f| f.pinyin.is_some())
            && !form.tokens.iter().any(|t| crate::weights::is_common_outside_east_asia(&t.text)))
}

/// A key under which an international word and its romanised Russian form
/// agree, as organisation names print both (`Informatsionnye
/// Telekommunikatsionnye Tekhnologii` is Information Telecommunications
/// Technology): the endings `-tion`/`-tsiya`/`-tsionnyy`, `-ical`/`-icheskiy`
/// and `-logy`/`-logiya` are read as one, `ch`, `kh`, `c`, `q` and the
/// Russian `ts` as `k`, `y` as `i`, and doubled letters once. `None` for
/// words without such an ending or of fewer than seven letters.
///
/// ```
/// use vetter_matcher::cognate_key;
/// assert_eq!(cognate_key("informatsionnye"), cognate_key("information"));
/// assert_eq!(cognate_key("telekommunikatsionnye"), cognate_key("telecommunications"));
/// assert_eq!(cognate_key("tekhnologii"), cognate_key("technology"));
/// assert_eq!(cognate_key("elektromekhanicheskiy"), cognate_key("electromechanical"));
/// assert_ne!(cognate_key("korporatsiya"), cognate_key("cooperation"));
/// assert_eq!(cognate_key("bank"), None);
/// ```
pub fn cognate_key(word: &str) -> Option<String> {
    const ENDINGS: [(&str, &str); 35] = [
        ("tsionnyye", "tion"),
        ("tsionnyy", "tion"),
        ("tsionnyi", "tion"),
        ("tsionnye", "tion"),
        ("tsionnaya", "tion"),
        ("tsionnoe", "tion"),
        ("tsionnogo", "tion"),
        ("tsionnykh", "tion"),
        ("tsionnoy", "tion"),
        ("tsiya", "tion"),
        ("tsii", "tion"),
        ("tsiyu", "tion"),
        ("tions", "tion"),
        ("tion", "tion"),
        ("icheskiye", "ic"),
        ("icheskiy", "ic"),
        ("icheskii", "ic"),
        ("icheskaya", "ic"),
        ("icheskoe", "ic"),
        ("icheskogo", "ic"),
        ("icheskikh", "ic"),
        ("icheskie", "ic"),
        ("icheskoy", "ic"),
        ("icals", "ic"),
        ("ical", "ic"),
        ("ics", "ic"),
        ("logiya", "logi"),
        ("logii", "logi"),
        ("logiy", "logi"),
        ("logiyu", "logi"),
        ("logies", "logi"),
        ("logy", "logi"),
        ("ic", "ic"),
        ("iki", "ic"),
        ("ika", "ic"),
    ];
    if word.len() < 7 {
        return None;
    }
    let (stem, ending) = ENDINGS.iter().find_map(|(e, to)| word.strip_suffix(e).map(|s| (s, *to)))?;
    if stem.len() < 4 {
        return None;
    }
    let b = stem.as_bytes();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < b.len() {
        let (c, len) = match (b[i], b.get(i + 1)) {
            (b'c' | b'k', Some(b'h')) | (b't', Some(b's')) => ('k', 2),
            (b'p', Some(b'h')) => ('f', 2),
            (b'c' | b'q', _) => ('k', 1),
            (b'y', _) => ('i', 1),
            (b'w', _) => ('v', 1),
            (b'x', _) => ('k', 1),
            (c, _) => (char::from(c), 1),
        };
        if !out.ends_with(c) {
            out.push(c);
        }
        i += len;
    }
    out.push_str(ending);
    Some(out)
}

/// Whether two Latin words are one Russian word in two grammatical forms,
/// as organisation names put places and founders: an adjective of a place
/// (`Uralskiy`, `Permsky`, `Arzamasskoe`, `Yaroslavskiy` against Ural, Perm,
/// Arzamas, Yaroslavl), a genitive after `imeni` (`Chapaeva`, `Kalashnikova`)
/// or an English plural (`Urals`). The stems must share six letters or more
/// and differ by at most two at the end. `x` and `y` are different words.
#[inline]
fn same_word_form(x: &str, y: &str) -> bool {
    // Most word pairs differ in their first four letters: a cheap test first.
    let h = head(x);
    h != 0 && h == head(y) && same_stem(x, y)
}

/// [`same_word_form`] for two words that share their first four letters.
#[inline(never)]
fn same_stem(x: &str, y: &str) -> bool {
    const ADJECTIVE: [&str; 14] = [
        "skogo", "skoye", "skoe", "skaya", "skiy", "skii", "skij", "skyi", "sky", "ski", "nogo", "noye", "noe", "naya",
    ];
    let stem = |w: &str| -> (usize, bool) {
        if let Some(s) = ADJECTIVE.iter().find_map(|e| w.strip_suffix(e)) {
            return (s.len(), true);
        }
        (w.strip_suffix(['a', 's']).unwrap_or(w).len(), false)
    };
    let ((lx, ax), (ly, ay)) = (stem(x), stem(y));
    let common = x.bytes().zip(y.bytes()).take(lx.min(ly)).take_while(|(a, b)| a == b).count();
    let min_common = if ax || ay { 4 } else { 6 };
    common >= min_common && lx - common <= 2 && ly - common <= 2 && (ax || ay || lx != x.len() || ly != y.len())
}

/// Whether a word romanised from Arabic or Hebrew script (`unvowelled`)
/// and a Latin spelling differ in a final long `i`, which those scripts
/// always write (ي, י): Hamid is not حميدي (`hmydy`), nor Mahmoudi محمد
/// (`mhmd`). A final ى or ة romanises as `a` and may stand for either.
fn final_long_i_differs(unvowelled: &str, vowelled: &str) -> bool {
    let consonant =
        |c: u8| c.is_ascii_lowercase() && !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w' | b'h');
    let ends = |w: &str, last: fn(u8) -> bool| {
        let b = w.as_bytes();
        b.len() >= 3 && last(b[b.len() - 1]) && consonant(b[b.len() - 2])
    };
    let long_i = |c: u8| matches!(c, b'i' | b'y');
    let abjad_i = ends(unvowelled, |c| c == b'y');
    let abjad_consonant = unvowelled.as_bytes().last().is_some_and(|&c| consonant(c));
    let latin_i = ends(vowelled, long_i);
    let latin_consonant = vowelled.as_bytes().last().is_some_and(|&c| consonant(c));
    (abjad_i && latin_consonant) || (abjad_consonant && latin_i)
}

/// The position after the words that open a dedication (`named after`,
/// `imeni`, `im`) in an organisation's name, or `usize::MAX` for none or
/// when no word of its own comes before it: in `Завод имени Дегтярева`
/// (a plant named after Degtyarev) the dedication is the name.
fn dedication(tokens: &[NameToken]) -> usize {
    let Some(at) = tokens.iter().enumerate().find_map(|(k, t)| match t.text.as_str() {
        "imeni" | "im" if k > 0 => Some(k),
        "after" if k > 1 && tokens[k - 1].text == "named" => Some(k - 1),
        _ => None,
    }) else {
        return usize::MAX;
    };
    let end = if tokens[at].text == "named" { at + 2 } else { at + 1 };
    if tokens[..at].iter().any(|t| !t.generic) { end } else { usize::MAX }
}

/// The first four letters of a word, else 0 (a word of fewer letters has
/// no stem [`same_word_form`] compares).
#[inline]
fn head(w: &str) -> u32 {
    match w.as_bytes() {
        [a, b, c, d, ..] => u32::from_le_bytes([*a, *b, *c, *d]),
        _ => 0,
    }
}

/// How much two different legal forms conflict. Russian joint-stock
/// companies were renamed by the 2014 Civil Code reform (OAO to PAO, ZAO
/// to AO) and the lists print both; and the lists translate ООО as LLC or
/// as Ltd. Forms of one such family conflict little.
fn legal_form_conflict(x: &str, y: &str) -> f64 {
    const FAMILIES: [&[&str]; 2] = [&["jsc", "pjsc", "cjsc", "ojsc"], &["llc", "ltd"]];
    if FAMILIES.iter().any(|f| f.contains(&x) && f.contains(&y)) { 0.3 } else { 1.0 }
}

/// Whether the aligned spans, read in the order of name A, come in name B's
/// order up to a rotation (the family name moved from one end to the other).
fn in_rotated_order(pairs: &[AlignedSpan], skip: usize) -> bool {
    // B positions in A's order, without sorting: walk A's positions upwards.
    let mut descents = 0;
    let (mut first, mut prev) = (None, None::<u8>);
    let mut last = 0u8;
    for a in 0..MAX_TOKENS as u8 {
        let Some((k, p)) = pairs.iter().enumerate().find(|(_, p)| p.0 == a) else { continue };
        if k == skip {
            continue;
        }
        if prev.is_some_and(|q| p.2 < q) {
            descents += 1;
        }
        first.get_or_insert(p.2);
        prev = Some(p.2);
        last = p.2;
    }
    descents == 0 || (descents == 1 && first.is_some_and(|f| last < f))
}

/// Lets go the aligned pairs that break the order of an East Asian given
/// name (see [`in_rotated_order`]): the weakest pair whose removal restores
/// the order, else the weakest pair, until the order holds.
fn keep_syllable_order(
    pa: &Prepared,
    pb: &Prepared,
    pairs: &mut Vec<AlignedSpan>,
    pair_a: &mut [u8; MAX_TOKENS],
    pair_b: &mut [u8; MAX_TOKENS],
) {
    if in_rotated_order(pairs, usize::MAX) {
        return;
    }
    // Ties are broken by the words, so that the result does not depend on
    // which name comes first.
    let words = |p: &AlignedSpan| {
        let (x, y) = (pa.facts[p.0 as usize].text, pb.facts[p.2 as usize].text);
        if x <= y { (x, y) } else { (y, x) }
    };
    while pairs.len() >= 3 && !in_rotated_order(pairs, usize::MAX) {
        let weakest = |ok: &dyn Fn(usize) -> bool| {
            (0..pairs.len()).filter(|&k| ok(k)).min_by(|&x, &y| {
                pairs[x].4.sim.total_cmp(&pairs[y].4.sim).then(words(&pairs[x]).cmp(&words(&pairs[y])))
            })
        };
        let k = weakest(&|k| in_rotated_order(pairs, k)).or_else(|| weakest(&|_| true));
        let Some(k) = k else { break };
        pairs.remove(k);
    }
    index_pairs(pairs, pair_a, pair_b);
}

/// Writes into `pair_a` and `pair_b`, for each word of either name, the
/// index in `pairs` of the aligned span that holds it, or [`NONE`].
fn index_pairs(pairs: &[AlignedSpan], pair_a: &mut [u8; MAX_TOKENS], pair_b: &mut [u8; MAX_TOKENS]) {
    pair_a.fill(NONE);
    pair_b.fill(NONE);
    for (k, &(i, ni, j, nj, _)) in pairs.iter().enumerate() {
        pair_a[usize::from(i)..usize::from(i + ni)].fill(k as u8);
        pair_b[usize::from(j)..usize::from(j + nj)].fill(k as u8);
    }
}

/// A key under which the common romanisations of one Cyrillic word agree:
/// `grinyuk` (Russian) and `hryniuk` (Ukrainian) both give `grinuk`;
/// `dzh` is `j` (`Джамил` is Jamil); and `yo` is `e`, since Russian print
/// writes ё as е (Fyodorov, Fedorov; Маёров romanised as Mayerov).
pub fn slavic_key(word: &str) -> String {
    slavic_key_with(word, false)
}

/// [`slavic_key`] as Russian writes foreign names: Cyrillic `х` (`kh`)
/// stands for the `h` of English and Arabic (`Хассан` is Hassan, `Джохн`
/// John), where [`slavic_key`] reads a Latin `h` as the Ukrainian `г`; and
/// English `ck`, `ph`, `th`, `x`, `q` and `c` are read as heard (`Джак` is
/// Jack, `Кокс` Cox, `Синди` Cindy).
pub fn foreign_key(word: &str) -> String {
    slavic_key_with(word, true)
}

fn slavic_key_with(word: &str, foreign: bool) -> String {
    const PAIRS: [(&str, &str); 15] = [
        ("dzh", "i"),
        ("shch", "s"),
        ("kh", "x"),
        ("zh", "z"),
        ("ts", "c"),
        ("ch", "c"),
        ("sh", "s"),
        ("yu", "u"),
        ("iu", "u"),
        ("ya", "a"),
        ("ia", "a"),
        ("ye", "e"),
        ("ie", "e"),
        ("yi", "i"),
        ("yo", "e"),
    ];
    let mut out = String::with_capacity(word.len());
    let mut rest = word;
    'outer: while let Some(c) = rest.chars().next() {
        if foreign {
            // English spellings Russian writes as heard: Jack is Джак, Cox
            // Кокс, Phil Фил, Cindy Синди, Jagath Джагат.
            let next = rest.as_bytes().get(1).copied();
            let (to, len) = match (c, next) {
                ('c', Some(b'k')) => ("k", 2),
                ('p', Some(b'h')) => ("f", 2),
                ('t', Some(b'h')) => ("t", 2),
                ('c', Some(b'e' | b'i' | b'y')) => ("s", 1),
                ('c', Some(b'h' | b's' | b'z')) | ('c', None) => ("", 0),
                ('c', _) => ("k", 1),
                ('x', _) => ("ks", 1),
                ('q', _) => ("k", 1),
                _ => ("", 0),
            };
            if len > 0 {
                out.push_str(to);
                rest = &rest[len..];
                continue;
            }
        }
        // Only these letters begin a pair.
        let pairs: &[(&str, &str)] =
            if matches!(c, 's' | 'k' | 'z' | 't' | 'c' | 'y' | 'i' | 'd') { &PAIRS } else { &[] };
        for &(from, to) in pairs {
            if let Some(after) = rest.strip_prefix(from) {
                out.push_str(if foreign && from == "kh" { "h" } else { to });
                rest = after;
                continue 'outer;
            }
        }
        out.push(match c {
            'h' if !foreign => 'g',
            'y' | 'j' => 'i',
            'w' => 'v',
            other => other,
        });
        rest = &rest[c.len_utf8()..];
    }
    let mut dedup = String::with_capacity(out.len());
    for c in out.chars() {
        if !dedup.ends_with(c) {
            dedup.push(c);
        }
    }
    dedup
}

/// False when two words certainly stay below [`ALIGN_MIN`]: they are not
/// equal, not variants, no initial, share no skeleton or phonetic key (the
/// caller has already let numbers through), and
/// have too few letters in common for the edit similarities to reach it.
fn may_align(x: &NameToken, fx: &WordFacts, bx: &[u8; 27], y: &NameToken, fy: &WordFacts, by: &[u8; 27]) -> bool {
    if x.initial || y.initial || fx.same_skeleton(x, fy, y) || fx.same_phonetic(x, fy, y) {
        return true;
    }
    if x.group.is_some() && x.group == y.group {
        return true;
    }
    if fx.din != fy.din {
        // Perhaps a compound with ad-Din and its short form (see `din_compound`).
        return true;
    }
    // Perhaps a compound with Abd and its short form, which starts as the
    // compound's name does (see `abd_compound`).
    if (fx.abd_name | fy.abd_name) != 0 && (fx.abd_name == fy.first || fy.abd_name == fx.first) {
        return true;
    }
    spelling_bound(bx, by, x.text.len() as f64, y.text.len() as f64) >= ALIGN_MIN
}

/// An upper bound of the spelling similarity (half Jaro-Winkler, half
/// Levenshtein ratio) of two words of these letter counts and lengths.
fn spelling_bound(bx: &[u8; 27], by: &[u8; 27], la: f64, lb: f64) -> f64 {
    if la == 0.0 || lb == 0.0 {
        return 0.0;
    }
    // At most `common` characters match in Jaro, and Levenshtein needs at
    // least `longer - common` edits.
    let common = f64::from(bx.iter().zip(by).map(|(a, b)| u32::from(*a.min(b))).sum::<u32>());
    let jaro = (common / la + common / lb + 1.0) / 3.0;
    let jw = jaro + 0.4 * (1.0 - jaro);
    let lev = common / la.max(lb);
    0.5 * jw.min(1.0) + 0.5 * lev
}

/// Aligns two or three adjacent unaligned words of one name with one
/// unaligned word of the other when their concatenation is spelled like it
/// (`Abdul Rahman`/`Abdulrahman`, `Trans Mor Flot`/`Transmorflot`).
/// When either name is written without vowels (`abjad`: Arabic or Hebrew
/// script), the concatenation may instead share the word's consonant
/// skeleton (`al hrmyn`/`Alharamain`, `ahmdy njad`/`Ahmadinejad`).
/// Candidates from both sides are ranked together, best first and then by
/// their words, so the result does not depend on which name comes first.
fn fuse(
    (ta, bags_a): (&[NameToken], &[[u8; 27]]),
    (tb, bags_b): (&[NameToken], &[[u8; 27]]),
    abjad: bool,
    (wade_a, wade_b): (bool, bool),
    pair_a: &mut [u8; MAX_TOKENS],
    pair_b: &mut [u8; MAX_TOKENS],
    pairs: &mut Vec<AlignedSpan>,
) {
    // (similarity, joined words, target word, words joined on A?, first joined word, words joined, the one)
    let mut found: Vec<(f64, String, String, bool, usize, usize, usize)> = Vec::new();
    let mut collect = |(x, bx): (&[NameToken], &[[u8; 27]]),
                       (y, by): (&[NameToken], &[[u8; 27]]),
                       px: &[u8; MAX_TOKENS],
                       py: &[u8; MAX_TOKENS],
                       on_a: bool| {
        for j in (0..y.len()).filter(|&j| py[j] == NONE) {
            let target = &y[j].text;
            let first = target.as_bytes().first();
            for i in 0..x.len() {
                if px[i] != NONE || x[i].text.as_bytes().first() != first {
                    continue;
                }
                // Grow the span word by word, with its length and letter counts.
                let (mut len, mut bag) = (x[i].text.len(), bx[i]);
                for span in 2..=3 {
                    let k = i + span - 1;
                    if k >= x.len() || px[k] != NONE {
                        break;
                    }
                    len += x[k].text.len();
                    for (c, n) in bag.iter_mut().zip(&bx[k]) {
                        *c = c.saturating_add(*n);
                    }
                    // An article or particle starts the word it is fused to
                    // (`Al Zahrani`), never ends it: `Mohammadi` is not
                    // `Mohammad al-` of `Mohammad al-Sayed`. Abd is the
                    // exception: `Abd al` is printed `Abdal`, `Abdel`, `Abdul`.
                    if x[k].generic && !x[i].text.starts_with("abd") {
                        continue;
                    }
                    if len > target.len() + 2 && !abjad {
                        break;
                    }
                    // Vowels are missing on one side: lengths and letters say
                    // little, but the target's skeleton must start with the first word's.
                    let by_skeleton = abjad && y[j].skeleton.as_bytes().starts_with(x[i].skeleton.as_bytes());
                    // Neither too long nor too short, and enough letters in
                    // common for the spelling to reach 0.86 (see `may_align`).
                    // Nor may the letters it lacks be most of a joined word:
                    // `Mohammadi` is not `Mohammad Ali` (articles and
                    // particles of two letters fuse as printed: Al Zahrani).
                    let lacks = len.abs_diff(target.len());
                    let by_spelling = lacks <= 2
                        && (lacks == 0 || {
                            let shortest = x[i..=k].iter().map(|w| w.text.len()).min().unwrap_or(0);
                            shortest <= 2 || lacks * 2 < shortest
                        })
                        && spelling_bound(&bag, &by[j], len as f64, target.len() as f64) >= 0.86;
                    if !by_skeleton && !by_spelling {
                        continue;
                    }
                    // Joined on the stack: most candidates tried are not kept.
                    let mut buf = [0u8; 128];
                    let Some(joined) = join(&mut buf, &x[i..=k]) else { continue };
                    if by_skeleton {
                        let key = vetter_names::skeleton(joined);
                        if key.len() >= 3 && key.as_bytes() == y[j].skeleton.as_bytes() {
                            found.push((SKELETON_FUSED, joined.to_owned(), target.clone(), on_a, i, span, j));
                            continue;
                        }
                    }
                    if by_spelling {
                        let spelled = spelling(joined, target);
                        if spelled >= 0.86 {
                            found.push((spelled, joined.to_owned(), target.clone(), on_a, i, span, j));
                        }
                    }
                }
            }
        }
    };
    collect((ta, bags_a), (tb, bags_b), pair_a, pair_b, true);
    collect((tb, bags_b), (ta, bags_a), pair_b, pair_a, false);
    // Wade-Giles syllables printed apart against one Pinyin word (Tse-tung / Zedong).
    let mut wade = |x: &[NameToken], y: &[NameToken], px: &[u8; MAX_TOKENS], py: &[u8; MAX_TOKENS], on_a: bool| {
        for j in (0..y.len()).filter(|&j| py[j] == NONE) {
            let Some(syllables) = vetter_names::pinyin_syllables(&y[j].text) else { continue };
            let n = syllables.len();
            if !(2..=3).contains(&n) || x.len() < n {
                continue;
            }
            for i in 0..=x.len() - n {
                if (i..i + n).all(|k| px[k] == NONE)
                    && syllables.iter().enumerate().all(|(t, s)| vetter_names::wade_giles_reads_as(&x[i + t].text, s))
                {
                    let mut buf = [0u8; 128];
                    let Some(joined) = join(&mut buf, &x[i..i + n]) else { continue };
                    found.push((0.9, joined.to_owned(), y[j].text.clone(), on_a, i, n, j));
                }
            }
        }
    };
    if wade_a {
        wade(ta, tb, pair_a, pair_b, true);
    }
    if wade_b {
        wade(tb, ta, pair_b, pair_a, false);
    }
    if found.is_empty() {
        return;
    }
    found.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| (&x.1, &x.2).cmp(&(&y.1, &y.2))));
    for (spelled, _, _, on_a, i, span, j) in found {
        let (several, one) = if on_a { (&mut *pair_a, &mut *pair_b) } else { (&mut *pair_b, &mut *pair_a) };
        if several[i..i + span].iter().any(|&p| p != NONE) || one[j] != NONE {
            continue;
        }
        let at = pairs.len() as u8;
        several[i..i + span].fill(at);
        one[j] = at;
        let sim = TokenSim { sim: spelled.min(0.97), reason: "fused" };
        let n = span as u8;
        pairs.push(if on_a { (i as u8, n, j as u8, 1, sim) } else { (j as u8, 1, i as u8, n, sim) });
    }
}

/// The similarity of words fused on their consonant skeleton (see `fuse`).
const SKELETON_FUSED: f64 = 0.9;

/// The words joined in `buf`, if they fit.
fn join<'b>(buf: &'b mut [u8; 128], words: &[NameToken]) -> Option<&'b str> {
    let mut n = 0;
    for w in words {
        let end = n + w.text.len();
        if end > buf.len() {
            return None;
        }
        buf[n..end].copy_from_slice(w.text.as_bytes());
        n = end;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

pub(crate) fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
