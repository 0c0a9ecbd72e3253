//! Pairwise name matching: does name A denote the same person, organisation
//! or vessel as name B, how sure is vetter, and why.
//!
//! [`compare`] normalises both names (`vetter_names::normalize`), aligns their
//! words, weighs them by rarity in the lists, and turns coverage and conflicts
//! into a calibrated score in [0, 1] (see the `score` module for the steps).
//! A score at or above [`default_threshold`] is a match. Every [`Comparison`]
//! carries an [`Explanation`]: the aligned words with their similarity and
//! reason, the words without counterpart, the normalisations that fired, and
//! the features with their contributions, from which the score is recomputed
//! ([`Explanation::recompute`]).
//!
//! ```
//! use vetter_matcher::{Algorithm, compare};
//! use vetter_model::Schema;
//! let c = compare("PUTIN, Vladimir Vladimirovich", "Vladimir Putin", Schema::Person, Algorithm::Vetter);
//! assert!(c.is_match, "{c:#?}");
//! let c = compare("Vladimir Petrov", "Vladimir Putin", Schema::Person, Algorithm::Vetter);
//! assert!(!c.is_match, "{c:#?}");
//! ```

pub mod hash;
mod ofac;
pub mod score;
pub mod similarity;
mod weights;

pub use score::{
    ALIGN_MIN, Calibration, MAX_TOKENS, Prepared, TokenSim, calibration, cognate_key, name_kind, patronymic_conflict,
    token_similarity,
};
use vetter_model::Schema;
pub use weights::{is_common_name, rarity};

/// Which scoring method to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Algorithm {
    /// vetter's own matcher: aligned words, rarity weights, calibrated score.
    #[default]
    Vetter,
    /// OFAC Sanctions List Search as its FAQ describes it: Jaro-Winkler with Soundex.
    Ofac,
}

impl std::str::FromStr for Algorithm {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "vetter" | "best" | "logic-v2" => Ok(Algorithm::Vetter),
            "ofac" => Ok(Algorithm::Ofac),
            _ => Err(format!("unknown algorithm `{s}` (expected `vetter` or `ofac`)")),
        }
    }
}

/// The score of one comparison with its explanation.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Comparison {
    /// Calibrated score in [0, 1].
    pub score: f64,
    /// True when `score >= threshold`.
    #[serde(rename = "match")]
    pub is_match: bool,
    /// The threshold used.
    pub threshold: f64,
    /// Why.
    pub explanation: Explanation,
}

/// Two words (or a fused pair and a word) aligned with each other.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AlignedPair {
    /// The word(s) of the first name.
    pub left: String,
    /// The word(s) of the second name.
    pub right: String,
    /// Their similarity in [0, 1].
    pub similarity: f64,
    /// Why they align: `exact`, `variant`, `initial`, `skeleton`, `spelling`, `sound`, `fused`.
    pub reason: String,
    /// The rarity weight of the pair (rare words weigh more).
    pub weight: f64,
}

/// A word of one name with no counterpart in the other.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct UnmatchedToken {
    /// The word.
    pub token: String,
    /// Its weight after discounts for missing middle names, patronymics and generic words.
    pub weight: f64,
    /// Why it weighs what it does.
    pub reason: String,
}

/// One input of the calibrated score.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Feature {
    /// Name of the feature.
    pub name: String,
    /// Its value.
    pub value: f64,
    /// Its coefficient.
    pub weight: f64,
    /// `value × weight`.
    pub contribution: f64,
}

/// Why a comparison scored what it did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Explanation {
    /// A sentence a reviewer can read.
    pub summary: String,
    /// The algorithm.
    pub algorithm: String,
    /// The first name's words after normalisation.
    pub left_tokens: Vec<String>,
    /// The second name's words after normalisation.
    pub right_tokens: Vec<String>,
    /// The normalisations that changed something, per name.
    pub normalisations: Vec<String>,
    /// Aligned words.
    pub aligned: Vec<AlignedPair>,
    /// Words of the first name with no counterpart.
    pub unmatched_left: Vec<UnmatchedToken>,
    /// Words of the second name with no counterpart.
    pub unmatched_right: Vec<UnmatchedToken>,
    /// The intercept of the calibration (vetter algorithm).
    pub bias: f64,
    /// The features and their contributions.
    pub features: Vec<Feature>,
    /// True when the names are the same after normalisation: the score is 1.
    pub identical: bool,
}

impl Explanation {
    /// Recomputes the score from the features (to within rounding).
    pub fn recompute(&self) -> f64 {
        if self.identical {
            return 1.0;
        }
        let sum: f64 = self.features.iter().map(|f| f.contribution).sum();
        if self.algorithm == "ofac" {
            let by_word = self.features.iter().find(|f| f.name == "word_jaro_winkler").map_or(0.0, |f| f.value);
            let whole = self.features.iter().find(|f| f.name == "sorted_jaro_winkler").map_or(0.0, |f| f.value);
            let extra = self.features.iter().find(|f| f.name == "extra_words").map_or(0.0, |f| f.contribution);
            return (by_word.max(whole) + extra).clamp(0.0, 1.0);
        }
        // No word aligned: the score is 0 (see `score::score_forms`).
        if self.features.is_empty() || self.aligned.is_empty() {
            return 0.0;
        }
        1.0 / (1.0 + (-(self.bias + sum)).exp())
    }
}

/// The default match threshold of a schema and algorithm.
///
/// vetter's scores are calibrated per schema so that the same threshold, 0.7,
/// means the same everywhere (the default of the field's matching API as well).
pub fn default_threshold(_schema: Schema, algorithm: Algorithm) -> f64 {
    match algorithm {
        Algorithm::Vetter => 0.7,
        Algorithm::Ofac => ofac::THRESHOLD,
    }
}

/// Normalises a name for `schema` (see `vetter_names::normalize`) and weighs its words.
///
/// A field that holds several names (`Dimitri SYTYI, Dmitry SYTIY`) keeps
/// them as [`Prepared::alternatives`], and comparisons score the best.
pub fn prepare(name: &str, schema: Schema) -> Prepared {
    let kind = score::name_kind(schema);
    let mut p = Prepared::new(vetter_names::normalize(name, kind));
    p.alternatives =
        vetter_names::split_names(name, kind).iter().map(|n| Prepared::new(vetter_names::normalize(n, kind))).collect();
    p
}

/// Scores two prepared names without building an explanation (the fast path for screening).
pub fn score_prepared(a: &Prepared, b: &Prepared, schema: Schema, algorithm: Algorithm) -> f64 {
    if a.alternatives.is_empty() && b.alternatives.is_empty() {
        return score_one(a, b, schema, algorithm);
    }
    best_pair(a, b, schema, algorithm).2
}

fn score_one(a: &Prepared, b: &Prepared, schema: Schema, algorithm: Algorithm) -> f64 {
    match algorithm {
        Algorithm::Vetter => score::score_forms(a, b, schema, None),
        Algorithm::Ofac => ofac::score(&a.form, &b.form, None),
    }
}

/// The best-scoring pair of the names of two fields (see [`Prepared::names`]).
fn best_pair<'a>(
    a: &'a Prepared,
    b: &'a Prepared,
    schema: Schema,
    algorithm: Algorithm,
) -> (&'a Prepared, &'a Prepared, f64) {
    // The whole fields first: on a tie, they are what is explained.
    let mut best = (a, b, f64::NEG_INFINITY);
    for x in a.names() {
        for y in b.names() {
            let s = score_one(x, y, schema, algorithm);
            if s > best.2 {
                best = (x, y, s);
            }
        }
    }
    best
}

/// Compares two prepared names, with the explanation.
pub fn compare_prepared(a: &Prepared, b: &Prepared, schema: Schema, algorithm: Algorithm) -> Comparison {
    compare_explained(a, b, schema, algorithm, true)
}

/// [`compare_prepared`] without the explanation's text for readers: the
/// `summary` (unless the comparison itself wrote one), `normalisations` and
/// `right_tokens` are left empty; the aligned and unmatched words, the
/// features and `left_tokens` are there. For a caller that tests the
/// alignment (the scanner's prose test), which writing the sentences would
/// cost as much again.
pub fn align_prepared(a: &Prepared, b: &Prepared, schema: Schema, algorithm: Algorithm) -> Comparison {
    compare_explained(a, b, schema, algorithm, false)
}

fn compare_explained(a: &Prepared, b: &Prepared, schema: Schema, algorithm: Algorithm, text: bool) -> Comparison {
    if !a.alternatives.is_empty() || !b.alternatives.is_empty() {
        let (x, y, _) = best_pair(a, b, schema, algorithm);
        let mut c = compare_one(x, y, schema, algorithm, text);
        if text {
            let mut notes = Vec::new();
            for (side, whole, part) in [("first", a, x), ("second", b, y)] {
                if !whole.alternatives.is_empty() && !std::ptr::eq(whole, part) {
                    notes.push(format!(
                        "{side} name: holds {} names; compared \"{}\", the best-scoring",
                        whole.alternatives.len(),
                        part.form.original
                    ));
                }
            }
            c.explanation.normalisations.splice(0..0, notes);
        }
        return c;
    }
    compare_one(a, b, schema, algorithm, text)
}

/// [`compare_explained`] of the two names as they are, whatever alternatives they hold.
fn compare_one(a: &Prepared, b: &Prepared, schema: Schema, algorithm: Algorithm, text: bool) -> Comparison {
    let mut e = Explanation {
        algorithm: match algorithm {
            Algorithm::Vetter => "vetter".into(),
            Algorithm::Ofac => "ofac".into(),
        },
        left_tokens: a.form.tokens.iter().map(|t| t.text.clone()).collect(),
        ..Explanation::default()
    };
    if text {
        e.right_tokens = b.form.tokens.iter().map(|t| t.text.clone()).collect();
        e.normalisations = a
            .form
            .steps
            .iter()
            .map(|s| format!("first name: {s}"))
            .chain(b.form.steps.iter().map(|s| format!("second name: {s}")))
            .collect();
    }
    let score = match algorithm {
        Algorithm::Vetter => score::score_forms(a, b, schema, Some(&mut e)),
        Algorithm::Ofac => ofac::score(&a.form, &b.form, Some(&mut e)),
    };
    let threshold = default_threshold(schema, algorithm);
    if text && e.summary.is_empty() {
        e.summary = summarise(&e, score, threshold);
    }
    Comparison { score, is_match: score >= threshold, threshold, explanation: e }
}

/// Compares two names as names of a `schema` entity.
pub fn compare(a: &str, b: &str, schema: Schema, algorithm: Algorithm) -> Comparison {
    compare_prepared(&prepare(a, schema), &prepare(b, schema), schema, algorithm)
}

fn summarise(e: &Explanation, score: f64, threshold: f64) -> String {
    let verdict = if score >= threshold { "match" } else { "no match" };
    let mut parts = Vec::new();
    let agree: Vec<String> = e
        .aligned
        .iter()
        .map(|p| {
            if p.reason == "exact" {
                format!("\"{}\"", p.left)
            } else {
                format!("\"{}\" ~ \"{}\" ({})", p.left, p.right, p.reason)
            }
        })
        .collect();
    if !agree.is_empty() {
        parts.push(format!("agree on {}", agree.join(", ")));
    }
    let missing: Vec<String> =
        e.unmatched_left.iter().chain(&e.unmatched_right).map(|u| format!("\"{}\" ({})", u.token, u.reason)).collect();
    if !missing.is_empty() {
        parts.push(format!("unmatched {}", missing.join(", ")));
    }
    for f in &e.features {
        if f.value > 0.0 && f.weight < 0.0 && ["numbers", "legal_form", "generic_only"].contains(&f.name.as_str()) {
            parts.push(match f.name.as_str() {
                "numbers" => "numbers differ".into(),
                "legal_form" => "legal forms differ".into(),
                _ => "only generic words agree".into(),
            });
        }
    }
    if parts.is_empty() {
        parts.push("no words agree".into());
    }
    format!("{verdict} ({score:.2} vs threshold {threshold:.2}): {}", parts.join("; "))
}

#[cfg(test)]
mod tests;
