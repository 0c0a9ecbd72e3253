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
use vetter_names::{NameForm, NameKind, NameToken};

use crate::similarity::{jaro_winkler, levenshtein_ratio};
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
    if a.text == b.text {
        return TokenSim { sim: 1.0, reason: "exact" };
    }
    if let (Some(ga), Some(gb)) = (a.group, b.group)
        && ga == gb
    {
        return TokenSim { sim: 0.95, reason: "variant" };
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
        // Numbers must be equal: "Ocean Star 2" is not "Ocean Star 3".
        return TokenSim { sim: 0.0, reason: "different" };
    }
    let spelled = 0.5 * jaro_winkler(&a.text, &b.text) + 0.5 * levenshtein_ratio(&a.text, &b.text);
    let mut best = TokenSim { sim: spelled, reason: "spelling" };
    if a.skeleton.len() >= 2 && a.skeleton == b.skeleton && spelled >= 0.5 && 0.86 > best.sim {
        best = TokenSim { sim: 0.86, reason: "skeleton" };
    }
    if !a.phonetic.is_empty() && a.phonetic == b.phonetic && spelled >= 0.6 && 0.88 > best.sim {
        // A sound-alike counts only when the spelling is close too: phonetic
        // keys are a signal, never the sole reason for a match.
        best = TokenSim { sim: 0.88, reason: "sound" };
    }
    best
}

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
pub fn calibration(schema: Schema) -> Calibration {
    match schema {
        Schema::Person => Calibration {
            bias: -9.0,
            min_coverage: 7.0,
            max_coverage: 4.5,
            conflict: -6.0,
            numbers: -2.0,
            legal_form: 0.0,
            generic_only: -3.0,
        },
        Schema::Vessel | Schema::Aircraft => Calibration {
            bias: -9.5,
            min_coverage: 7.5,
            max_coverage: 4.5,
            conflict: -6.0,
            numbers: -5.0,
            legal_form: 0.0,
            generic_only: -4.0,
        },
        _ => Calibration {
            bias: -9.5,
            min_coverage: 7.5,
            max_coverage: 4.5,
            conflict: -6.0,
            numbers: -5.0,
            legal_form: -1.5,
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

const MAX_TOKENS: usize = 24;

/// Looks like a patronymic (Vladimirovich, Ivanovna, oglu, kyzy).
fn is_patronymic(t: &str) -> bool {
    ["ovich", "evich", "ovna", "evna", "ich", "ichna", "oglu", "ogly", "kyzy", "qizi"].iter().any(|s| t.ends_with(s))
        && t.len() > 5
}

/// One side of an alignment.
struct Side<'a> {
    tokens: &'a [NameToken],
    weights: Vec<f64>,
    /// For each token, the index of the pair it is in.
    pair: Vec<Option<usize>>,
}

impl<'a> Side<'a> {
    fn new(form: &'a NameForm) -> Side<'a> {
        let tokens = &form.tokens[..form.tokens.len().min(MAX_TOKENS)];
        let weights = tokens
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
            .collect();
        Side { tokens, weights, pair: vec![None; tokens.len()] }
    }
}

struct Pair {
    a: Vec<usize>,
    b: Vec<usize>,
    sim: TokenSim,
}

/// Scores two normalised names; fills `explanation` when given.
pub fn score_forms(a: &NameForm, b: &NameForm, schema: Schema, explanation: Option<&mut Explanation>) -> f64 {
    let mut sa = Side::new(a);
    let mut sb = Side::new(b);
    if sa.tokens.is_empty() || sb.tokens.is_empty() {
        if let Some(e) = explanation {
            e.summary = "no comparable name words on one side (empty, or only punctuation or titles)".into();
        }
        return 0.0;
    }

    // 1-2. Candidate pairs, best first; ties broken by the words themselves so
    // that comparing A with B and B with A align the same pairs.
    let mut candidates: Vec<(f64, &str, &str, usize, usize, TokenSim)> = Vec::new();
    for (i, ta) in sa.tokens.iter().enumerate() {
        for (j, tb) in sb.tokens.iter().enumerate() {
            let s = token_similarity(ta, tb);
            if s.sim >= ALIGN_MIN {
                let (lo, hi) = if ta.text <= tb.text { (&ta.text, &tb.text) } else { (&tb.text, &ta.text) };
                candidates.push((s.sim, lo, hi, i, j, s));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(y.1)).then_with(|| x.2.cmp(y.2)));
    let mut pairs: Vec<Pair> = Vec::new();
    for (_, _, _, i, j, s) in candidates {
        if sa.pair[i].is_none() && sb.pair[j].is_none() {
            sa.pair[i] = Some(pairs.len());
            sb.pair[j] = Some(pairs.len());
            pairs.push(Pair { a: vec![i], b: vec![j], sim: s });
        }
    }
    // Fused words: two adjacent free words on one side against one free word on the other.
    fuse(&mut sa, &mut sb, &mut pairs, false);
    fuse(&mut sb, &mut sa, &mut pairs, true);

    // 3. Coverage.
    let all_aligned = |s: &Side<'_>| s.pair.iter().all(Option::is_some);
    let a_full = all_aligned(&sa);
    let b_full = all_aligned(&sb);
    let person = schema == Schema::Person;
    let coverage = |s: &Side<'_>, other_full: bool, unmatched: &mut Vec<UnmatchedToken>| -> (f64, f64) {
        let mut total = 0.0;
        let mut got = 0.0;
        let mut missing = 0.0;
        for (k, t) in s.tokens.iter().enumerate() {
            let w = s.weights[k];
            match s.pair[k] {
                Some(p) => {
                    total += w;
                    got += w * pairs[p].sim.sim;
                }
                None => {
                    // A word with no counterpart while the other name is fully
                    // explained is only missing (a middle name, a patronymic, a
                    // generic word); otherwise it is in conflict.
                    let (factor, reason) = if t.generic {
                        (0.3, "generic word, missing on the other side")
                    } else if person && other_full && pairs.len() >= 2 && is_patronymic(&t.text) {
                        (0.2, "patronymic, missing on the other side")
                    } else if person && other_full && pairs.len() >= 2 {
                        (0.4, "middle name, missing on the other side")
                    } else {
                        (1.0, "no counterpart")
                    };
                    total += w * factor;
                    missing += w * factor;
                    unmatched.push(UnmatchedToken {
                        token: t.text.clone(),
                        weight: round(w * factor),
                        reason: reason.into(),
                    });
                }
            }
        }
        (if total > 0.0 { got / total } else { 0.0 }, missing)
    };
    let mut unmatched_a = Vec::new();
    let mut unmatched_b = Vec::new();
    let (cov_a, miss_a) = coverage(&sa, b_full, &mut unmatched_a);
    let (cov_b, miss_b) = coverage(&sb, a_full, &mut unmatched_b);
    let conflict = miss_a.min(miss_b);

    // Numbers: a number in one name that the other lacks or differs.
    let numbers = |s: &Side<'_>| -> bool {
        s.tokens.iter().enumerate().any(|(k, t)| s.pair[k].is_none() && t.text.bytes().any(|c| c.is_ascii_digit()))
    };
    let number_mismatch = if numbers(&sa) || numbers(&sb) { 1.0 } else { 0.0 };
    let legal_conflict = match (a.legal_forms.first(), b.legal_forms.first()) {
        (Some(x), Some(y)) if x.canonical != y.canonical => 1.0,
        _ => 0.0,
    };
    let generic_only = if !pairs.is_empty()
        && pairs.iter().all(|p| p.a.iter().all(|&i| sa.tokens[i].generic) || p.b.iter().all(|&j| sb.tokens[j].generic))
    {
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
    let score = round(1.0 / (1.0 + (-z).exp()));

    if let Some(e) = explanation {
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
        e.aligned = pairs
            .iter()
            .map(|p| AlignedPair {
                left: p.a.iter().map(|&i| sa.tokens[i].text.as_str()).collect::<Vec<_>>().join(" "),
                right: p.b.iter().map(|&j| sb.tokens[j].text.as_str()).collect::<Vec<_>>().join(" "),
                similarity: round(p.sim.sim),
                reason: p.sim.reason.into(),
                weight: round(
                    p.a.iter().map(|&i| sa.weights[i]).sum::<f64>().max(p.b.iter().map(|&j| sb.weights[j]).sum()),
                ),
            })
            .collect();
        e.unmatched_left = unmatched_a;
        e.unmatched_right = unmatched_b;
    }
    score
}

/// Aligns two adjacent unaligned words of `x` with one unaligned word of `y`
/// when their concatenation is spelled like it.
fn fuse(x: &mut Side<'_>, y: &mut Side<'_>, pairs: &mut Vec<Pair>, swapped: bool) {
    for j in 0..y.tokens.len() {
        if y.pair[j].is_some() {
            continue;
        }
        for i in 0..x.tokens.len().saturating_sub(1) {
            if x.pair[i].is_some() || x.pair[i + 1].is_some() {
                continue;
            }
            let joined = format!("{}{}", x.tokens[i].text, x.tokens[i + 1].text);
            let spelled =
                0.5 * jaro_winkler(&joined, &y.tokens[j].text) + 0.5 * levenshtein_ratio(&joined, &y.tokens[j].text);
            if spelled >= 0.9 {
                let sim = TokenSim { sim: spelled.min(0.97), reason: "fused" };
                x.pair[i] = Some(pairs.len());
                x.pair[i + 1] = Some(pairs.len());
                y.pair[j] = Some(pairs.len());
                let (a, b) = if swapped { (vec![j], vec![i, i + 1]) } else { (vec![i, i + 1], vec![j]) };
                pairs.push(Pair { a, b, sim });
                break;
            }
        }
    }
}

pub(crate) fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
