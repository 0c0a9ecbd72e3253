//! Token rarity weights: a word shared by many listed names (al, mohammad,
//! company, trading) says little; a rare one (putin) says a lot.
//!
//! The counts come from the bundled lists (`data/token_freq.tsv`, regenerated
//! by `cargo run -p vetter-matcher --example token_freq`), capped for words
//! that are common in the population at large even where the lists rarely
//! use them (john, smith, wang).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::hash::Fnv;

static TABLE: &str = include_str!("../data/token_freq.tsv");

/// The weight of every word of the table, and that of a word not in it (a
/// word no listed name has), worked out once:
/// screening asks for the weight of every word of every name it prepares.
struct Frequencies {
    weights: HashMap<&'static str, f64, std::hash::BuildHasherDefault<Fnv>>,
    unseen: f64,
}

static FREQUENCIES: LazyLock<Frequencies> = LazyLock::new(|| {
    let mut total = 1.0;
    let mut counts: Vec<(&'static str, u32)> = Vec::with_capacity(24_000);
    for line in TABLE.lines() {
        let Some((token, n)) = line.split_once('\t') else { continue };
        let n: u32 = n.parse().unwrap_or(0);
        if token == "#names" {
            total = f64::from(n.max(1));
        } else {
            counts.push((token, n));
        }
    }
    let weight = |df: u32| ((total / (f64::from(df) + 1.0)).ln() / total.ln()).clamp(0.1, 1.0);
    let mut weights: HashMap<&'static str, f64, _> = HashMap::default();
    weights.reserve(counts.len());
    for (token, df) in counts {
        weights.insert(token, weight(df));
    }
    Frequencies { weights, unseen: weight(0) }
});

/// Given names and surnames that are common worldwide: their weight is capped
/// so that sharing one of them never carries a match by itself.
const COMMON_WORLDWIDE: &[&str] = &[
    "john",
    "james",
    "robert",
    "michael",
    "william",
    "david",
    "richard",
    "joseph",
    "thomas",
    "charles",
    "mary",
    "maria",
    "anna",
    "jose",
    "juan",
    "carlos",
    "luis",
    "ana",
    "jean",
    "pierre",
    "marie",
    "hans",
    "peter",
    "paul",
    "mark",
    "george",
    "smith",
    "johnson",
    "williams",
    "brown",
    "jones",
    "garcia",
    "miller",
    "davis",
    "rodriguez",
    "martinez",
    "hernandez",
    "lopez",
    "gonzalez",
    "wilson",
    "anderson",
    "taylor",
    "moore",
    "martin",
    "lee",
    "kim",
    "park",
    "choi",
    "wang",
    "li",
    "zhang",
    "liu",
    "chen",
    "yang",
    "huang",
    "zhao",
    "wu",
    "zhou",
    "xu",
    "sun",
    "ma",
    "zhu",
    "hu",
    "guo",
    "he",
    "lin",
    "nguyen",
    "tran",
    "le",
    "pham",
    "singh",
    "kumar",
    "sharma",
    "khan",
    "ahmed",
    "ali",
    "mohammed",
    "muhammad",
    "mohammad",
    "hassan",
    "hussein",
    "ibrahim",
    "abdullah",
    "omar",
    "ivan",
    "ivanov",
    "smirnov",
    "kuznetsov",
    "popov",
    "sergey",
    "alexander",
    "aleksandr",
    "vladimir",
    "andrey",
    "dmitry",
    "ivanova",
    "muller",
    "schmidt",
    "schneider",
    "fischer",
    "weber",
    "meyer",
    "rossi",
    "russo",
    "silva",
    "santos",
    "souza",
    "oliveira",
    "pereira",
    "costa",
];

/// Names common in the population of one naming culture or another
/// (`data/common_names.txt`), with [`COMMON_WORLDWIDE`].
static COMMON_NAMES: LazyLock<std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>> =
    LazyLock::new(|| common_names(COMMON_NAMES_TEXT.lines()).chain(COMMON_WORLDWIDE.iter().copied()).collect());

/// `data/common_names.txt`: names by naming culture, a `#` line before each culture.
const COMMON_NAMES_TEXT: &str = include_str!("../data/common_names.txt");

/// The names on these lines of `data/common_names.txt` (comment lines skipped).
fn common_names(lines: impl Iterator<Item = &'static str>) -> impl Iterator<Item = &'static str> {
    lines.filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace)
}

/// The common names of `data/common_names.txt` outside its East Asian
/// section (Ali, Sara, Maria): a word among them makes a name of Pinyin-like
/// syllables (`Duba Ali` is du-ba a-li) read as no Chinese name.
static COMMON_OUTSIDE_EAST_ASIA: LazyLock<std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>> =
    LazyLock::new(|| common_names(COMMON_NAMES_TEXT.lines().take_while(|l| !l.starts_with("# chinese"))).collect());

/// Whether a folded word is a common name of a naming culture outside East
/// Asia (see `data/common_names.txt`).
pub fn is_common_outside_east_asia(token: &str) -> bool {
    COMMON_OUTSIDE_EAST_ASIA.contains(token)
}

/// Whether a folded word is a name common in the population at large: one
/// of the given names and surnames shared by the thousand worldwide (john,
/// smith, wang, muhammad, ivanov), or the feminine form of a common East
/// Slavic surname (Volkova, Kuznetsova).
pub fn is_common_name(token: &str) -> bool {
    let common = &*COMMON_NAMES;
    common.contains(token)
        || token
            .strip_suffix('a')
            .is_some_and(|stem| stem.ends_with(['v', 'n']) && stem.len() >= 4 && common.contains(stem))
}

/// The rarity weight of a folded token in (0, 1]: `ln(N / (df + 1)) / ln(N)`,
/// where `df` is the number of listed names containing it and `N` the number
/// of names, floored at 0.1 and capped at 0.35 for names common in the
/// population (`is_common_name`).
pub fn rarity(token: &str) -> f64 {
    let f = &*FREQUENCIES;
    let mut w = f.weights.get(token).copied().unwrap_or(f.unseen);
    if w > 0.35 && is_common_name(token) {
        w = 0.35;
    }
    if token.len() <= 2 && !token.bytes().all(|b| b.is_ascii_digit()) {
        w = w.min(0.4);
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_words_weigh_more() {
        assert!(rarity("putin") > 0.7, "{}", rarity("putin"));
        assert!(rarity("al") < 0.35);
        assert!(rarity("company") < rarity("rosneft"));
        assert!(rarity("john") <= 0.35);
        assert!(rarity("zzqxunknown") > 0.99);
    }
}
