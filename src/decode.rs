//! Bytes → text.
//!
//! In: a file's bytes. Out: its text, or an error saying why it could not be read.
//! Rules: a byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE); without one the bytes must be UTF-8.
//! Other encodings (GB18030, Big5) arrive with the HTML front end.

use std::borrow::Cow;
use std::fmt;

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not UTF-8, and no byte-order mark names another encoding; `at` is the first bad byte.
    NotUtf8 { at: usize },
    /// A UTF-16 byte-order mark followed by an odd number of bytes or unpaired surrogates.
    BadUtf16,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotUtf8 { at } => {
                write!(f, "not UTF-8 (invalid byte at offset {at}) and no byte-order mark names another encoding")
            }
            DecodeError::BadUtf16 => write!(f, "starts with a UTF-16 byte-order mark but is not valid UTF-16"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decode UTF-8 (with or without BOM) or UTF-16 with a BOM.
pub fn decode_unicode(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    utf8(bytes, 0)
}

fn utf8(bytes: &[u8], offset: usize) -> Result<Cow<'_, str>, DecodeError> {
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| DecodeError::NotUtf8 { at: offset + e.valid_up_to() })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<Cow<'_, str>, DecodeError> {
    if bytes.len() % 2 != 0 {
        return Err(DecodeError::BadUtf16);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]])).collect();
    String::from_utf16(&units).map(Cow::Owned).map_err(|_| DecodeError::BadUtf16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_boms() {
        assert_eq!(decode_unicode(b"\xEF\xBB\xBFab").unwrap(), "ab", "should drop a UTF-8 BOM");
        assert_eq!(decode_unicode(b"\xFF\xFEa\0b\0").unwrap(), "ab", "should read UTF-16LE");
        assert_eq!(decode_unicode(b"\xFE\xFF\0a\0b").unwrap(), "ab", "should read UTF-16BE");
        assert_eq!(decode_unicode(b"a\xFFb"), Err(DecodeError::NotUtf8 { at: 1 }), "should name the bad byte");
        assert_eq!(decode_unicode(b"\xFF\xFEa"), Err(DecodeError::BadUtf16), "should reject odd UTF-16");
    }
}
