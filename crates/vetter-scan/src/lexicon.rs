//! The word lists the scanner's rules use: titles, name particles, words
//! that mark an organisation, capitalised words that are not names, roles of
//! officials, and the words that report a contact.
//!
//! All entries are lower case; callers look up a word's `lower` form.

/// Titles and ranks printed before a person's name (`Gen. Qassim Suleimani`,
/// `President-elect Donald Trump`); they mark the name as a person's.
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "gen",
    "general",
    "sen",
    "senator",
    "rep",
    "representative",
    "president",
    "president-elect",
    "vice-president",
    "premier",
    "minister",
    "ambassador",
    "envoy",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "sheik",
    "shaykh",
    "emir",
    "ayatollah",
    "imam",
    "mullah",
    "col",
    "colonel",
    "lt",
    "lieutenant",
    "maj",
    "major",
    "capt",
    "captain",
    "adm",
    "admiral",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "prof",
    "professor",
    "pope",
    "sir",
    "lord",
    "lady",
    "dame",
    "chairman",
    "commander",
    "marshal",
    "sgt",
    "sergeant",
    "brig",
    "rev",
    "hon",
    "ceo",
    "founder",
    "leader",
    "dictator",
    "spokesman",
    "spokeswoman",
    "deputy",
    "mp",
    "congressman",
    "congresswoman",
    "tycoon",
    "oligarch",
    "billionaire",
    "businessman",
    "businesswoman",
    "comrade",
    "gens",
    "sens",
    "reps",
    "messrs",
    "herr",
    "frau",
    "monsieur",
    "madame",
    "señor",
    "senor",
    "hajji",
    "haji",
    "mufti",
    "patriarch",
    "metropolitan",
    "tsar",
    "czar",
    "sultan",
    "shah",
    "field",
];

/// Lower-case particles that may sit inside a name (`Osama bin Laden`,
/// `Bashar al-Assad` written apart, `Ursula von der Leyen`).
pub const PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "binti", "al", "el", "ul", "ud", "abu", "abd", "von", "van", "der", "den", "de", "da", "di",
    "du", "del", "della", "dos", "das", "do", "la", "le", "y", "zu", "ter", "ten", "af", "ould",
];

/// Connectors inside organisation names (`Central Bank of Iran`, `Council on
/// Foreign Relations`); kept only in a name that has an [`ORG_WORDS`] word.
pub const ORG_CONNECTORS: &[&str] = &["of", "for", "on", "and", "the", "&"];

/// Words that make a capitalised run an organisation's name.
pub const ORG_WORDS: &[&str] = &[
    "bank",
    "company",
    "co",
    "corp",
    "corporation",
    "inc",
    "llc",
    "ltd",
    "limited",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "jsc",
    "pjsc",
    "ooo",
    "oao",
    "group",
    "holding",
    "holdings",
    "council",
    "foundation",
    "institute",
    "institution",
    "university",
    "union",
    "ministry",
    "department",
    "agency",
    "committee",
    "commission",
    "corps",
    "guard",
    "guards",
    "army",
    "forces",
    "force",
    "party",
    "front",
    "organization",
    "organisation",
    "association",
    "society",
    "center",
    "centre",
    "fund",
    "trust",
    "service",
    "services",
    "authority",
    "office",
    "administration",
    "industries",
    "industry",
    "enterprise",
    "enterprises",
    "airlines",
    "airways",
    "shipping",
    "trading",
    "bureau",
    "court",
    "assembly",
    "parliament",
    "congress",
    "senate",
    "times",
    "journal",
    "post",
    "news",
    "press",
    "television",
    "radio",
    "network",
    "brigade",
    "brigades",
    "battalion",
    "movement",
    "revolution",
    "federation",
    "kingdom",
    "nations",
    "house",
    "street",
    "church",
    "school",
    "college",
    "hospital",
    "club",
    "media",
    "motors",
    "motor",
    "energy",
    "oil",
    "gas",
    "petroleum",
    "mining",
    "metals",
    "steel",
    "technologies",
    "technology",
    "systems",
    "airline",
    "navy",
    "police",
    "treasury",
    "insider",
    "reuters",
    "tribune",
    "herald",
    "gazette",
    "magazine",
    "exchange",
    "partners",
    "capital",
    "investments",
    "investment",
    "ventures",
    "labs",
    "solutions",
    "logistics",
    "lines",
    "line",
    "foods",
    "pharma",
    "pharmaceuticals",
    "electronics",
    "aerospace",
    "defense",
    "defence",
    "security",
    "intelligence",
    "republic",
    "democracies",
    "relations",
    "state",
    "states",
    "affairs",
    "policy",
];

/// Capitalised words that are not names even in a capitalised run: function
/// words (sentence starts, headlines), days and months, pronouns.
pub const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "if",
    "so",
    "as",
    "at",
    "in",
    "on",
    "of",
    "for",
    "from",
    "by",
    "with",
    "to",
    "into",
    "after",
    "before",
    "during",
    "despite",
    "while",
    "although",
    "though",
    "according",
    "meanwhile",
    "however",
    "yet",
    "both",
    "each",
    "every",
    "some",
    "many",
    "most",
    "such",
    "not",
    "no",
    "yes",
    "all",
    "any",
    "one",
    "two",
    "three",
    "four",
    "five",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "what",
    "when",
    "where",
    "who",
    "whom",
    "whose",
    "why",
    "how",
    "i",
    "he",
    "she",
    "it",
    "we",
    "you",
    "they",
    "his",
    "her",
    "its",
    "our",
    "your",
    "their",
    "him",
    "them",
    "me",
    "my",
    "us",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "is",
    "was",
    "are",
    "were",
    "be",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "must",
    "also",
    "then",
    "than",
    "now",
    "just",
    "only",
    "even",
    "still",
    "again",
    "former",
    "late",
    "said",
    "says",
    "according",
    "last",
    "next",
    "first",
    "second",
    "mr",
    "mrs",
    "ms",
    "dr",
    "photo",
    "image",
    "via",
    "getty",
    "images",
    "afp",
    "ap",
    "reuters",
    "editor",
    "note",
    "read",
    "more",
    "related",
    "advertisement",
    "share",
    "updated",
    "published",
    "copyright",
    "inc",
    "ltd",
];

/// A hash of short words for the scanner's sets and maps (the word lists,
/// the text's vocabulary, the names looked up): eight bytes a step, where
/// SipHash or byte-at-a-time FNV cost more than the rest of a look-up. The
/// words are not chosen to collide, and a collision costs time only.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

/// Builds [`WordHasher`]s.
pub(crate) type BuildWordHasher = std::hash::BuildHasherDefault<WordHasher>;

impl WordHasher {
    fn add(&mut self, word: u64) {
        // FxHash's step (rustc's hasher).
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The 1 to 7 bytes of `rest` as a little-endian number padded with zeros
/// (`u64::from_le_bytes` of them padded), read in two overlapping loads:
/// copying a short tail into a buffer calls `memcpy`.
fn tail_le(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
        let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else {
        u64::from(rest[0]) | u64::from(rest[n / 2]) << (8 * (n / 2)) | u64::from(rest[n - 1]) << (8 * (n - 1))
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_le(rest));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// A word list as a hash set: the rules ask several lists of every word of
/// a text, and a scan of a list of a hundred words costs a hundred
/// comparisons.
type WordSet = std::sync::LazyLock<std::collections::HashSet<&'static str, BuildWordHasher>>;

/// The [`WordSet`] of a list.
macro_rules! word_set {
    ($list:expr) => {
        std::sync::LazyLock::new(|| $list.iter().copied().collect())
    };
}

static TITLE_SET: WordSet = word_set!(TITLES);
static PARTICLE_SET: WordSet = word_set!(PARTICLES);
static ORG_WORD_SET: WordSet = word_set!(ORG_WORDS);
static NOT_NAME_SET: WordSet = word_set!(NOT_NAMES);
static ROLE_HEAD_SET: WordSet = word_set!(ROLE_HEADS);
static ROLE_MODIFIER_SET: WordSet = word_set!(ROLE_MODIFIERS);

/// Person titles (see [`TITLES`]).
pub fn is_title(lower: &str) -> bool {
    TITLE_SET.contains(lower) || lower.starts_with("president-") || lower.starts_with("vice-")
}

/// Name particles (see [`PARTICLES`]).
pub fn is_particle(lower: &str) -> bool {
    PARTICLE_SET.contains(lower)
}

/// Organisation words (see [`ORG_WORDS`]).
pub fn is_org_word(lower: &str) -> bool {
    ORG_WORD_SET.contains(lower)
}

/// Words that are never names (see [`NOT_NAMES`]).
pub fn is_not_name(lower: &str) -> bool {
    NOT_NAME_SET.contains(lower)
}

/// Head words of an official's role, singular and plural.
pub const ROLE_HEADS: &[&str] = &[
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "minister",
    "ministers",
    "president",
    "premier",
    "diplomat",
    "diplomats",
    "consul",
    "attaché",
    "attache",
    "official",
    "officials",
    "general",
    "gen",
    "commander",
    "commanders",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "king",
    "emir",
    "ayatollah",
    "governor",
    "mayor",
    "secretary",
    "representative",
    "representatives",
    "agent",
    "agents",
    "officer",
    "officers",
    "colonel",
    "admiral",
    "lawmaker",
    "lawmakers",
    "senator",
    "chairman",
    "director",
    "ruler",
    "dictator",
    "prosecutor",
    "leader",
    "leaders",
    "chancellor",
    "monarch",
    "prince",
    "sheikh",
    "minister-counsellor",
    "counsellor",
    "counselor",
    "negotiator",
    "negotiators",
    "delegation",
    "delegate",
    "delegates",
    "chief",
    "head",
    "envoy",
];

/// Words that may sit between a country and a role head
/// (`the Russian deputy defence minister`, `Iran's U.N. ambassador`).
pub const ROLE_MODIFIERS: &[&str] = &[
    "deputy",
    "vice",
    "senior",
    "top",
    "former",
    "acting",
    "first",
    "special",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "economy",
    "economic",
    "trade",
    "energy",
    "oil",
    "prime",
    "military",
    "intelligence",
    "security",
    "chief",
    "permanent",
    "supreme",
    "state",
    "government",
    "regime",
    "u.n.",
    "un",
    "national",
    "assistant",
    "general",
    "high-ranking",
    "high",
    "ranking",
    "powerful",
    "veteran",
    "longtime",
    "then",
    "incumbent",
    "new",
    "outgoing",
    "de",
    "facto",
    "exiled",
    "principal",
    "head",
    "presidential",
    "army",
    "navy",
    "air",
    "naval",
    "revolutionary",
    "guard",
    "quds",
    "force",
    "embassy",
    "consular",
    "cabinet",
    "justice",
    "health",
    "education",
    "culture",
    "transport",
    "industry",
    "nuclear",
    "atomic",
    "agency",
    "central",
    "bank",
    "communications",
    "digital",
    "science",
    "agriculture",
    "labour",
    "labor",
    "sports",
    "emergency",
    "situations",
    "one",
    "two",
    "three",
    "several",
    "anonymous",
    "other",
    "unnamed",
    "some",
    "many",
    "a",
    "an",
    "the",
];

/// A role head (see [`ROLE_HEADS`]).
pub fn is_role_head(lower: &str) -> bool {
    ROLE_HEAD_SET.contains(lower)
}

/// A role modifier (see [`ROLE_MODIFIERS`]).
pub fn is_role_modifier(lower: &str) -> bool {
    ROLE_MODIFIER_SET.contains(lower)
}

/// The kind of contact a word reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactKind {
    /// Met in person.
    Meeting,
    /// A telephone or video call.
    Call,
    /// Talks, messages, contact of any medium.
    Communication,
    /// A relationship, interactions, ties.
    Other,
}

/// Whether a trigger is a verb (may take its counterpart directly) or a
/// noun (takes it after `with`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerForm {
    /// `met Putin`, `met with Putin`, `Putin persuaded Musk`.
    Verb,
    /// `a meeting with`, `contacts with`.
    Noun,
}

/// Words that report a contact, with its kind and form.
pub const TRIGGERS: &[(&str, ContactKind, TriggerForm)] = &[
    ("met", ContactKind::Meeting, TriggerForm::Verb),
    ("meet", ContactKind::Meeting, TriggerForm::Verb),
    ("meets", ContactKind::Meeting, TriggerForm::Verb),
    ("meeting", ContactKind::Meeting, TriggerForm::Noun),
    ("meetings", ContactKind::Meeting, TriggerForm::Noun),
    ("visited", ContactKind::Meeting, TriggerForm::Verb),
    ("visits", ContactKind::Meeting, TriggerForm::Verb),
    ("hosted", ContactKind::Meeting, TriggerForm::Verb),
    ("summit", ContactKind::Meeting, TriggerForm::Noun),
    ("dinner", ContactKind::Meeting, TriggerForm::Noun),
    ("lunch", ContactKind::Meeting, TriggerForm::Noun),
    ("encounter", ContactKind::Meeting, TriggerForm::Noun),
    ("encounters", ContactKind::Meeting, TriggerForm::Noun),
    ("sat", ContactKind::Meeting, TriggerForm::Noun),
    ("call", ContactKind::Call, TriggerForm::Noun),
    ("calls", ContactKind::Call, TriggerForm::Noun),
    ("called", ContactKind::Call, TriggerForm::Verb),
    ("phoned", ContactKind::Call, TriggerForm::Verb),
    ("telephoned", ContactKind::Call, TriggerForm::Verb),
    ("rang", ContactKind::Call, TriggerForm::Verb),
    ("communication", ContactKind::Communication, TriggerForm::Noun),
    ("communications", ContactKind::Communication, TriggerForm::Noun),
    ("communicated", ContactKind::Communication, TriggerForm::Verb),
    ("communicates", ContactKind::Communication, TriggerForm::Verb),
    ("communicating", ContactKind::Communication, TriggerForm::Verb),
    ("contact", ContactKind::Communication, TriggerForm::Noun),
    ("contacts", ContactKind::Communication, TriggerForm::Noun),
    ("contacted", ContactKind::Communication, TriggerForm::Verb),
    ("talked", ContactKind::Communication, TriggerForm::Verb),
    ("talks", ContactKind::Communication, TriggerForm::Noun),
    ("spoke", ContactKind::Communication, TriggerForm::Verb),
    ("speaks", ContactKind::Communication, TriggerForm::Verb),
    ("spoken", ContactKind::Communication, TriggerForm::Verb),
    ("conversation", ContactKind::Communication, TriggerForm::Noun),
    ("conversations", ContactKind::Communication, TriggerForm::Noun),
    ("discussion", ContactKind::Communication, TriggerForm::Noun),
    ("discussions", ContactKind::Communication, TriggerForm::Noun),
    ("messaged", ContactKind::Communication, TriggerForm::Verb),
    ("texted", ContactKind::Communication, TriggerForm::Verb),
    ("corresponded", ContactKind::Communication, TriggerForm::Verb),
    ("correspondence", ContactKind::Communication, TriggerForm::Noun),
    ("exchanges", ContactKind::Communication, TriggerForm::Noun),
    ("negotiated", ContactKind::Communication, TriggerForm::Verb),
    ("negotiations", ContactKind::Communication, TriggerForm::Noun),
    ("persuaded", ContactKind::Communication, TriggerForm::Verb),
    ("urged", ContactKind::Communication, TriggerForm::Verb),
    ("interactions", ContactKind::Other, TriggerForm::Noun),
    ("interaction", ContactKind::Other, TriggerForm::Noun),
    ("relationship", ContactKind::Other, TriggerForm::Noun),
    ("relations", ContactKind::Other, TriggerForm::Noun),
    ("ties", ContactKind::Other, TriggerForm::Noun),
    ("dealings", ContactKind::Other, TriggerForm::Noun),
    ("friendship", ContactKind::Other, TriggerForm::Noun),
];

/// The trigger entry of a word, if it reports a contact.
pub fn trigger(lower: &str) -> Option<(ContactKind, TriggerForm)> {
    type Triggers = std::collections::HashMap<&'static str, (ContactKind, TriggerForm), BuildWordHasher>;
    // The first entry of a word counts, as a scan of the list would find it.
    static MAP: std::sync::LazyLock<Triggers> =
        std::sync::LazyLock::new(|| TRIGGERS.iter().rev().map(|&(w, k, f)| (w, (k, f))).collect());
    MAP.get(lower).copied()
}

/// Third-person pronouns that may refer to the subject.
pub const PRONOUNS: &[&str] = &["he", "him", "his", "himself", "she", "her", "hers", "herself"];

#[cfg(test)]
mod tests {
    #[test]
    fn word_hasher_tail_is_the_padded_little_endian_number() {
        let bytes = b"abcdefg\xff\x01";
        for from in 0..bytes.len() {
            for to in from + 1..(from + 8).min(bytes.len() + 1) {
                let rest = &bytes[from..to];
                let mut b = [0u8; 8];
                b[..rest.len()].copy_from_slice(rest);
                assert_eq!(super::tail_le(rest), u64::from_le_bytes(b), "{rest:?}");
            }
        }
    }
}
