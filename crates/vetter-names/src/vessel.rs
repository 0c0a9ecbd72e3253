//! Vessel names: the type prefixes printed before a ship's name (`MV`, `M/V`,
//! `M.V.`, `MT`, `M/T`, `SS`, `FV`, `MY`, ...), removed like titles.

use crate::lexicon::{Phrases, lines};
use crate::translit::Tok;
use std::sync::LazyLock;

/// Prefixes as folded words (`M/V` and `M.V.` fold to `m v`).
const PREFIXES: &str = "
mv, m v, mt, m t, ms, m s, mts, m ts, mfv, m f v, fv, f v, ss, s s, sv, s v, my, m y, sy, s y, rv, r v, tb, t b
hms, usns, uss, ins, pns, mys, tug, motor vessel, motor tanker, motor ship, steam ship, steamship, fishing vessel, research vessel, oil tanker, bulk carrier, tanker
";

static TABLE: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::new(
        lines(PREFIXES)
            .flat_map(|l| l.split(','))
            .map(|p| (p.split_whitespace().collect::<Vec<_>>(), ()))
            .filter(|(w, _)| !w.is_empty()),
    )
});

/// The number of prefixes in the table.
pub(crate) fn table_size() -> usize {
    TABLE.len()
}

/// Removes the type prefixes at the start of a vessel name, unless nothing
/// else would be left. Returns the removed prefixes.
pub(crate) fn strip_prefix(tokens: &mut Vec<Tok>) -> Vec<String> {
    if !tokens.first().is_some_and(|t| TABLE.starts_with(&t.text)) {
        return Vec::new();
    }
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some((len, ())) = TABLE.at_start(tokens, at) {
        spans.push(at..at + len);
        at += len;
    }
    if at >= tokens.len() || spans.is_empty() || !crate::translit::has_letters(tokens[at..].iter()) {
        return Vec::new();
    }
    let removed = spans.into_iter().map(|r| crate::translit::joined(&tokens[r])).collect();
    tokens.drain(..at);
    removed
}

#[cfg(test)]
mod tests {
    //! 1. Every printed form of the common prefixes is removed.
    //! 2. A prefix that is the whole name stays; a name without a prefix is unchanged.
    use crate::form::{NameKind, normalize};

    fn check(name: &str, expect: &str) {
        let form = normalize(name, NameKind::Vessel);
        let text: Vec<&str> = form.tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(text.join(" "), expect, "{name}");
    }

    #[test]
    fn prefixes() {
        for name in [
            "MV ROSALIN",
            "M/V Rosalin",
            "M.V. ROSALIN",
            "MT Rosalin",
            "M/T ROSALIN",
            "SS Rosalin",
            "m.v. rosalin",
            "FV Rosalin",
            "Motor Tanker Rosalin",
        ] {
            check(name, "rosalin");
        }
        check("SORMOVSKIY-48", "sormovskiy 48");
        check("VITUS BERING", "vitus bering");
        check("MV", "mv");
        check("MV 7", "mv 7");
        check("Ceram Sea", "ceram sea");
    }
}
