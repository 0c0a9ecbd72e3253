//! String similarity of single tokens: Jaro-Winkler, Levenshtein, Soundex.
//!
//! Tokens are short folded ASCII words, so plain dynamic programming over
//! bytes on the stack is fast enough; nothing here allocates for tokens of
//! up to 64 bytes.

/// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, at most 4 prefix characters).
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let jaro = jaro(a, b);
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

fn jaro(a: &[u8], b: &[u8]) -> f64 {
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_used = [false; 64];
    let mut b_used = [false; 64];
    if a.len() > 64 || b.len() > 64 {
        // Long tokens are rare (fused names); fall back to an exact-prefix ratio.
        let common = a.iter().zip(b).take_while(|(x, y)| x == y).count() as f64;
        return common / a.len().max(b.len()) as f64;
    }
    let mut matches = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_used[j] && b[j] == ca {
                a_used[i] = true;
                b_used[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut k = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        if a_used[i] {
            while !b_used[k] {
                k += 1;
            }
            if ca != b[k] {
                transpositions += 1;
            }
            k += 1;
        }
    }
    let m = matches as f64;
    (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64 / 2.0) / m) / 3.0
}

/// Levenshtein distance over bytes.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    // A common prefix and suffix cost nothing.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.len() < b.len() {
        std::mem::swap(&mut a, &mut b);
    }
    // Now `b` is the shorter.
    if b.is_empty() {
        return a.len();
    }
    if b.len() <= 64 {
        return levenshtein_bits(a, b);
    }
    levenshtein_rows(a, b)
}

/// Myers' bit-parallel distance (Hyyrö's form) for `b` of 1 to 64 bytes:
/// one column of the distance table per byte of `a` in a few word operations.
fn levenshtein_bits(a: &[u8], b: &[u8]) -> usize {
    thread_local! {
        // Each byte's positions in `b`; all zero between calls, so that a
        // call sets and clears only `b`'s bytes instead of clearing 2 KiB.
        static PEQ: std::cell::RefCell<[u64; 256]> = const { std::cell::RefCell::new([0; 256]) };
    }
    PEQ.with_borrow_mut(|peq| {
        for (k, &c) in b.iter().enumerate() {
            peq[usize::from(c)] |= 1 << k;
        }
        let m = b.len();
        let last = 1u64 << (m - 1);
        let mut vp: u64 = !0 >> (64 - m);
        let mut vn: u64 = 0;
        let mut score = m;
        for &c in a {
            let eq = peq[usize::from(c)];
            let xv = eq | vn;
            let xh = ((eq & vp).wrapping_add(vp) ^ vp) | eq;
            let hp = vn | !(xh | vp);
            let hn = vp & xh;
            if hp & last != 0 {
                score += 1;
            } else if hn & last != 0 {
                score -= 1;
            }
            let hp = (hp << 1) | 1;
            let hn = hn << 1;
            vp = hn | !(xv | hp);
            vn = hp & xv;
        }
        for &c in b {
            peq[usize::from(c)] = 0;
        }
        score
    })
}

/// The distance by the table's rows, for words longer than 64 bytes.
fn levenshtein_rows(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (prev + cost).min(row[j] + 1).min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// 1 − distance / longer length.
pub fn levenshtein_ratio(a: &str, b: &str) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    1.0 - levenshtein(a, b) as f64 / longer as f64
}

/// The spelling similarity of two words: half Jaro-Winkler, half
/// [`levenshtein_ratio`] (what word alignment compares spellings by).
pub fn spelling(a: &str, b: &str) -> f64 {
    0.5 * jaro_winkler(a, b) + 0.5 * levenshtein_ratio(a, b)
}

/// American Soundex code of a word (`R163` for Robert), empty for a word without letters.
pub fn soundex(word: &str) -> String {
    fn code(c: u8) -> u8 {
        match c {
            b'b' | b'f' | b'p' | b'v' => b'1',
            b'c' | b'g' | b'j' | b'k' | b'q' | b's' | b'x' | b'z' => b'2',
            b'd' | b't' => b'3',
            b'l' => b'4',
            b'm' | b'n' => b'5',
            b'r' => b'6',
            b'h' | b'w' => b'h',
            _ => b'0',
        }
    }
    let letters: Vec<u8> = word.bytes().filter(u8::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect();
    let Some(&first) = letters.first() else { return String::new() };
    let mut out = vec![first.to_ascii_uppercase()];
    let mut last = code(first);
    for &c in &letters[1..] {
        let k = code(c);
        if k == b'h' {
            continue;
        }
        if k != b'0' && k != last {
            out.push(k);
            if out.len() == 4 {
                break;
            }
        }
        last = k;
    }
    while out.len() < 4 {
        out.push(b'0');
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    /// The table's distance, as `levenshtein` computed it before.
    fn levenshtein_table(a: &str, b: &str) -> usize {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, &ca) in a.iter().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, &cb) in b.iter().enumerate() {
                let next = (prev + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
                prev = row[j + 1];
                row[j + 1] = next;
            }
        }
        row[b.len()]
    }

    #[test]
    fn bit_parallel_levenshtein_equals_the_table() {
        // A small deterministic generator: words of 0 to 80 bytes over a few letters.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let mut word = |alphabet: &[u8]| -> String {
                let len = (next() % 81) as usize;
                let len = if next() % 4 == 0 { len } else { len % 12 };
                (0..len).map(|_| char::from(alphabet[(next() % alphabet.len() as u64) as usize])).collect()
            };
            let a = word(b"abcde");
            let b = word(b"abcdex");
            assert_eq!(levenshtein(&a, &b), levenshtein_table(&a, &b), "{a:?} {b:?}");
        }
        for (a, b) in [("", ""), ("a", ""), ("", "abc"), ("kitten", "sitting"), ("muhammad", "mohammed")] {
            assert_eq!(levenshtein(a, b), levenshtein_table(a, b));
        }
        assert_eq!(levenshtein("владимир", "владимер"), levenshtein_table("владимир", "владимер"));
    }

    use super::*;

    #[test]
    fn jaro_winkler_known_values() {
        assert!((jaro_winkler("martha", "marhta") - 0.9611).abs() < 1e-3);
        assert!((jaro_winkler("dwayne", "duane") - 0.84).abs() < 1e-2);
        assert_eq!(jaro_winkler("abc", "abc"), 1.0);
        assert_eq!(jaro_winkler("abc", "xyz"), 0.0);
        assert!((jaro_winkler("putin", "poutine") - 0.914).abs() < 1e-3);
    }

    #[test]
    fn levenshtein_known_values() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("flaw", "lawn"), 2);
    }

    #[test]
    fn soundex_known_values() {
        assert_eq!(soundex("Robert"), "R163");
        assert_eq!(soundex("Rupert"), "R163");
        assert_eq!(soundex("Ashcraft"), "A261");
        assert_eq!(soundex("Tymczak"), "T522");
        assert_eq!(soundex("Pfister"), "P236");
        assert_eq!(soundex("123"), "");
    }
}
