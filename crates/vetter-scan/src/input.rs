//! Reading documents: UTF-8 or Windows-1252 text, HTML, binary files refused,
//! and large files cut into paragraph-aligned chunks.
//!
//! HTML is turned into text of the same byte length (tags, comments, scripts
//! and styles become spaces, block tags a line break, entities their
//! character padded with spaces), so that spans found in the text are byte
//! offsets into the HTML file as well.

use std::borrow::Cow;

/// Why a document cannot be scanned.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The bytes are not text.
    #[error("binary file (found {0}), not scanned")]
    Binary(&'static str),
}

/// A decoded document.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text (spans are byte offsets into it).
    pub text: Cow<'a, str>,
    /// What was done to it (`read as Windows-1252`), for the user.
    pub warnings: Vec<String>,
}

/// Decodes the bytes of a document: UTF-8 when valid, else Windows-1252
/// (which also reads Latin-1) with a warning; NUL bytes or many control
/// characters mark a binary file.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, InputError> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) {
        return Err(InputError::Binary("NUL bytes"));
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    if controls * 20 > head.len().max(1) {
        return Err(InputError::Binary("control characters"));
    }
    let mut warnings = Vec::new();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        warnings.push("the document is empty".to_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: Cow::Borrowed(text), warnings }),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            warnings.push(format!(
                "not UTF-8 (invalid byte at offset {}); read as Windows-1252, spans are byte offsets into the UTF-8 conversion",
                e.valid_up_to()
            ));
            Ok(Decoded { text: Cow::Owned(text.into_owned()), warnings })
        }
    }
}

/// Whether a document looks like HTML (by its start).
pub fn looks_like_html(text: &str) -> bool {
    let start: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(256).collect();
    let lower = start.to_ascii_lowercase();
    lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.contains("<body")
        || lower.starts_with("<p")
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "title",
    "figcaption",
    "hr",
    "dd",
    "dt",
];

/// HTML as text of the same byte length (see the module docs).
pub fn html_to_text(html: &str) -> String {
    let b = html.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                let rest = &html[i..];
                let lower_head: String = rest.chars().take(10).collect::<String>().to_ascii_lowercase();
                let end = if rest.starts_with("<!--") {
                    rest.find("-->").map_or(b.len(), |e| i + e + 3)
                } else if lower_head.starts_with("<script") || lower_head.starts_with("<style") {
                    let close = if lower_head.starts_with("<script") { "</script" } else { "</style" };
                    let lower_rest = rest.to_ascii_lowercase();
                    lower_rest.find(close).and_then(|c| rest[c..].find('>').map(|g| i + c + g + 1)).unwrap_or(b.len())
                } else {
                    rest.find('>').map_or(b.len(), |e| i + e + 1)
                };
                let name: String = rest[1..]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let block = BLOCK_TAGS.contains(&name.as_str());
                for k in i..end {
                    out.push(if block && k == i { b'\n' } else { b' ' });
                }
                i = end;
            }
            b'&' => {
                let rest = &html[i..];
                let semi = rest[..rest.len().min(12)].find(';');
                let decoded = semi.and_then(|s| entity(&rest[1..s]).map(|c| (c, s + 1)));
                match decoded {
                    // `Musk&rsquo;s`: the possessive stays joined, the padding goes after it.
                    Some(('\'' | '’', len))
                        if html[i + len..].starts_with('s')
                            && html[i + len + 1..].chars().next().is_none_or(|c| !c.is_alphanumeric()) =>
                    {
                        out.extend_from_slice(b"'s");
                        out.extend(std::iter::repeat_n(b' ', len - 1));
                        i += len + 1;
                    }
                    Some((c, len)) if c.len_utf8() <= len => {
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        out.extend(std::iter::repeat_n(b' ', len - c.len_utf8()));
                        i += len;
                    }
                    _ => {
                        out.push(b'&');
                        i += 1;
                    }
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    // Every replacement writes whole characters in place of whole characters.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        _ => return None,
    })
}

/// Where to cut a chunk of a large document: after the last line break in
/// `bytes` (or the last space, or everything), so no word or UTF-8
/// character is split.
pub fn chunk_end(bytes: &[u8]) -> usize {
    if let Some(p) = bytes.windows(2).rposition(|w| w == b"\n\n") {
        return p + 2;
    }
    if let Some(p) = bytes.iter().rposition(|&b| b == b'\n') {
        return p + 1;
    }
    if let Some(p) = bytes.iter().rposition(|&b| b == b' ') {
        return p + 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    //! 1. HTML keeps byte offsets; entities decode.
    //! 2. Binary files are refused, Windows-1252 is converted with a warning.
    use super::*;

    #[test]
    fn html_keeps_offsets() {
        let html =
            "<html><body><p>Vladimir&nbsp;Putin met Elon Musk&#8217;s team.</p><script>x=1</script></body></html>";
        let text = html_to_text(html);
        assert_eq!(text.len(), html.len());
        let at = html.find("Putin").unwrap();
        assert_eq!(&text[at..at + 5], "Putin");
        assert!(text.contains("Vladimir      Putin"), "{text}");
        assert!(text.contains("Musk's "), "{text}");
        assert!(!text.contains("x=1"));
    }

    #[test]
    fn binary_and_latin1() {
        assert!(decode(b"\x7fELF\x02\x01\x00\x00").is_err());
        let d = decode(b"Caf\xe9 in Montr\xe9al").unwrap();
        assert_eq!(d.text, "Café in Montréal");
        assert!(d.warnings[0].contains("Windows-1252"));
        assert!(decode(b"").unwrap().warnings[0].contains("empty"));
    }
}
