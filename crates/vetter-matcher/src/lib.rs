//! Pairwise name matching: does name A denote the same person, organisation
//! or vessel as name B, how sure is vetter, and why.
//!
//! SKELETON: the API below is fixed; the scoring is being written.

use vetter_model::Schema;

/// Which scoring method to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Algorithm {
    /// vetter's own matcher: aligned tokens, rarity weights, calibrated score.
    #[default]
    Vetter,
    /// OFAC Sanctions List Search as its FAQ describes it: Jaro-Winkler with Soundex.
    Ofac,
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

/// Why a comparison scored what it did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Explanation {
    /// One-sentence summary a reviewer can read.
    pub summary: String,
}

/// The default match threshold of a schema.
pub fn default_threshold(_schema: Schema, _algorithm: Algorithm) -> f64 {
    0.7
}

/// Compares two names as names of a `schema` entity.
pub fn compare(a: &str, b: &str, schema: Schema, algorithm: Algorithm) -> Comparison {
    let threshold = default_threshold(schema, algorithm);
    let score = if vetter_names::name_key(a) == vetter_names::name_key(b) { 1.0 } else { 0.0 };
    Comparison { score, is_match: score >= threshold, threshold, explanation: Explanation::default() }
}
