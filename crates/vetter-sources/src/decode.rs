//! Bytes to text: BOMs, CRLF, the OFAC 0x1A trailer and Latin-1 bytes.

use std::borrow::Cow;

/// Decodes a file's bytes as UTF-8, stripping a UTF-8 BOM and a trailing
/// 0x1A (DOS end-of-file) byte. Bytes that are not valid UTF-8 are read as
/// Windows-1252 (the superset of Latin-1 that OFAC files use), and the second
/// value is true when that happened, so the caller can warn.
pub fn decode_text(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let mut bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    while let Some(rest) = bytes.strip_suffix(b"\x1A") {
        bytes = rest;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text, true)
        }
    }
}

/// Decodes one field that may hold Latin-1 bytes in an otherwise UTF-8 file.
pub fn decode_field(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_trailer() {
        let (t, latin) = decode_text(b"\xEF\xBB\xBFa,b\r\n\x1A");
        assert_eq!(t, "a,b\r\n");
        assert!(!latin);
    }

    #[test]
    fn latin1_fallback() {
        let (t, latin) = decode_text(b"CAF\xC9 SA");
        assert_eq!(t, "CAFÉ SA");
        assert!(latin);
    }
}
