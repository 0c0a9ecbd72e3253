//! A reference implementation of the method OFAC's Sanctions List Search
//! describes in its FAQ: a character-based score (Jaro-Winkler) and a
//! phonetic one (Soundex), so an analyst can see beside vetter's score what
//! the regulator's tool would roughly say. It is not OFAC's code; the word
//! alignment (best Jaro-Winkler per word, averaged) and the 0.85 threshold
//! are this implementation's choices.

use vetter_names::NameForm;

use crate::score::round;
use crate::similarity::{jaro_winkler, soundex};
use crate::{AlignedPair, Explanation, Feature};

/// The OFAC-style threshold vetter uses by default.
pub const THRESHOLD: f64 = 0.85;

/// Scores two names: the mean over the words of the shorter name of the best
/// Jaro-Winkler similarity with a word of the other (a word whose Soundex
/// code equals counts at least 0.9), and the whole-string Jaro-Winkler of the
/// sorted words, whichever is higher.
pub fn score(a: &NameForm, b: &NameForm, explanation: Option<&mut Explanation>) -> f64 {
    let ta: Vec<&str> = a.tokens.iter().map(|t| t.text.as_str()).collect();
    let tb: Vec<&str> = b.tokens.iter().map(|t| t.text.as_str()).collect();
    if ta.is_empty() || tb.is_empty() {
        if let Some(e) = explanation {
            e.summary = "no comparable name words on one side".into();
        }
        return 0.0;
    }
    let (short, long) = if ta.len() <= tb.len() { (&ta, &tb) } else { (&tb, &ta) };
    let mut aligned = Vec::new();
    let mut sum = 0.0;
    for s in short.iter() {
        let mut best = (0.0, "", "jaro-winkler");
        for l in long.iter() {
            let mut sim = jaro_winkler(s, l);
            let mut reason = "jaro-winkler";
            if soundex(s) == soundex(l) && !soundex(s).is_empty() && sim < 0.9 {
                sim = 0.9;
                reason = "soundex";
            }
            if sim > best.0 {
                best = (sim, l, reason);
            }
        }
        sum += best.0;
        aligned.push(AlignedPair {
            left: (*s).into(),
            right: best.1.into(),
            similarity: round(best.0),
            reason: best.2.into(),
            weight: 1.0,
        });
    }
    let by_word = sum / short.len() as f64;
    let sorted = |t: &[&str]| {
        let mut v = t.to_vec();
        v.sort_unstable();
        v.join(" ")
    };
    let whole = jaro_winkler(&sorted(&ta), &sorted(&tb));
    // Extra words on the longer side lower the score a little, as SLS ranks
    // closer-length names higher.
    let length_penalty = 0.02 * (long.len() - short.len()) as f64;
    let score = round((by_word.max(whole) - length_penalty).clamp(0.0, 1.0));
    if let Some(e) = explanation {
        e.aligned = aligned;
        e.features = vec![
            Feature {
                name: "word_jaro_winkler".into(),
                value: round(by_word),
                weight: 1.0,
                contribution: round(by_word),
            },
            Feature {
                name: "sorted_jaro_winkler".into(),
                value: round(whole),
                weight: 1.0,
                contribution: round(whole),
            },
            Feature {
                name: "extra_words".into(),
                value: (long.len() - short.len()) as f64,
                weight: -0.02,
                contribution: round(-length_penalty),
            },
        ];
    }
    score
}
