//! Bytes → text.
//!
//! In: a file's bytes (a page as served, or a text file in any Chinese encoding).
//! Out: its text, the encoding used, and a [`Diagnostic`] saying which encoding and why.
//! Rules, in order (the WHATWG "encoding sniffing" order, with one correction for real pages):
//! 1. A byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE).
//! 2. A declared charset — `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
//!    in the first 8 KB — unless the bytes contradict it: pages that declare `gb2312`/`gbk` but are
//!    served as valid multi-byte UTF-8 are common (templates converted to UTF-8 that kept their old
//!    meta tag), so valid UTF-8 with non-ASCII bytes is read as UTF-8 whatever the declaration says.
//!    A declared UTF-8 that is not valid UTF-8 falls through to detection when a detected legacy
//!    encoding reads the bytes without errors.
//! 3. Valid UTF-8 is UTF-8; otherwise chardetng (Firefox's detector, over encoding_rs) guesses.
//!    Without the detector (the wasm build) the bytes of the double-byte characters choose between
//!    GB18030 and Big5 (see [`double_byte`]).
//!
//! Before the declaration, UTF-16 without a byte-order mark is recognised by its NUL bytes (see
//! [`utf16_without_bom`]). A caller that knows better names the encoding ([`Encoding`], [`decode_as`]).
//! GB2312 and GBK are decoded as GB18030, their superset. Bytes that the chosen encoding cannot
//! decode become U+FFFD and add an `encoding-errors` diagnostic: decoding never fails.
//! [`decode_unicode`] is the older strict reader (BOM or UTF-8 only), kept for callers that want an error.

use std::borrow::Cow;
use std::fmt;

use crate::article::Diagnostic;
use crate::options::Encoding;

/// How many leading bytes are searched for a `<meta>` charset declaration.
const PRESCAN: usize = 8 * 1024;

/// Text decoded from bytes, with how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, without a byte-order mark.
    pub text: Cow<'a, str>,
    /// The encoding's WHATWG name, e.g. `UTF-8`, `gb18030`, `Big5`.
    pub encoding: &'static str,
    /// `encoding` (which encoding, and why), `encoding-errors` (bytes replaced by U+FFFD),
    /// `encoding-unsupported` (a legacy encoding in a build without the `encodings` feature) and
    /// `binary` (the bytes hold NUL bytes, so the input is probably not a page).
    pub diagnostics: Vec<Diagnostic>,
}

/// The encodings the rules choose between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Enc {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// A legacy encoding by its WHATWG name (GBK and GB2312 already folded into `gb18030`).
    Legacy(&'static str),
}

impl Enc {
    fn name(self) -> &'static str {
        match self {
            Enc::Utf8 => "UTF-8",
            Enc::Utf16Le => "UTF-16LE",
            Enc::Utf16Be => "UTF-16BE",
            Enc::Legacy(n) => n,
        }
    }

    /// The name people know: GB18030 and Big5 in capitals.
    fn display(self) -> &'static str {
        match self.name() {
            "gb18030" => "GB18030",
            n => n,
        }
    }
}

/// Decode bytes in any encoding a Chinese page uses; never fails.
///
/// ```
/// let gbk = b"<meta charset=\"gbk\"><p>\xd6\xd0\xce\xc4</p>";
/// let d = xinwen::decode::decode(gbk);
/// # #[cfg(feature = "encodings")] {
/// assert_eq!(d.text, "<meta charset=\"gbk\"><p>中文</p>");
/// assert_eq!(d.encoding, "gb18030");
/// # }
/// assert_eq!(d.diagnostics[0].message, "decoded as GB18030: declared gbk in <meta charset>");
/// ```
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    decode_with(bytes, &builtin_legacy)
}

/// A decoder for the legacy encodings: given a WHATWG name (`gb18030`, `Big5` …) and the bytes, the
/// text and whether any bytes were undecodable; `None` when it cannot decode that encoding.
pub type LegacyDecoder<'d> = &'d dyn Fn(&str, &[u8]) -> Option<(String, bool)>;

/// [`decode`] with the legacy encodings decoded by `legacy`. The wasm build passes the platform's
/// `TextDecoder` (browsers and Node implement the same WHATWG encodings as encoding_rs), which keeps
/// encoding_rs's tables out of the package; the choice of encoding is still made here.
pub fn decode_with<'a>(bytes: &'a [u8], legacy: LegacyDecoder) -> Decoded<'a> {
    decode_as(bytes, Encoding::Auto, legacy)
}

/// [`decode_with`] in the encoding the caller names; [`Encoding::Auto`] chooses by the rules above.
/// A named encoding is used as it is (its own byte-order mark dropped), and the diagnostic says so.
///
/// ```
/// use xinwen::options::Encoding;
/// // 中文 in UTF-16BE, with no byte-order mark and no ASCII to tell it by
/// let d = xinwen::decode::decode_as(b"\x4e\x2d\x65\x87", Encoding::Utf16Be, &|_, _| None);
/// assert_eq!(d.text, "中文");
/// assert_eq!(d.diagnostics[0].message, "decoded as UTF-16BE: chosen by the caller");
/// ```
pub fn decode_as<'a>(bytes: &'a [u8], encoding: Encoding, legacy: LegacyDecoder) -> Decoded<'a> {
    // validated once: the choice of encoding asks, and valid UTF-8 is then borrowed as it is
    let valid = std::str::from_utf8(bytes).ok();
    let (enc, why) = match encoding {
        Encoding::Auto => choose(bytes, valid.is_some(), legacy),
        Encoding::Utf8 => (Enc::Utf8, CHOSEN.into()),
        Encoding::Gb18030 => (Enc::Legacy("gb18030"), CHOSEN.into()),
        Encoding::Big5 => (Enc::Legacy("Big5"), CHOSEN.into()),
        Encoding::Utf16Le => (Enc::Utf16Le, CHOSEN.into()),
        Encoding::Utf16Be => (Enc::Utf16Be, CHOSEN.into()),
    };
    let mut diagnostics = vec![Diagnostic::new("encoding", format!("decoded as {}: {why}", enc.display()))];
    let (text, had_errors) = match enc {
        Enc::Legacy(name) => match legacy(name, bytes) {
            Some((text, errors)) => (Cow::Owned(text), errors),
            None => {
                diagnostics.push(Diagnostic::new(
                    "encoding-unsupported",
                    format!(
                        "the bytes are {name}, which this build cannot decode (built without the `encodings` \
                         feature and given no decoder): decode them first, e.g. with TextDecoder('{name}'), \
                         and pass the text"
                    ),
                ));
                lossy(bytes)
            }
        },
        Enc::Utf8 if valid.is_some() => {
            let text = valid.unwrap_or_default();
            (Cow::Borrowed(text.strip_prefix('\u{feff}').unwrap_or(text)), false)
        }
        _ => decode_unicode_as(enc, bytes),
    };
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
        diagnostics.push(Diagnostic::new(
            "encoding-errors",
            format!("{bad} undecodable byte sequence(s) in {} became U+FFFD", enc.display()),
        ));
    }
    // UTF-16 text is full of NULs: only other encodings' NULs tell of binary data
    if !matches!(enc, Enc::Utf16Le | Enc::Utf16Be) && looks_binary(bytes) {
        diagnostics.push(Diagnostic::new("binary", "the input holds NUL bytes: it is probably not a page"));
    }
    Decoded { text, encoding: enc.name(), diagnostics }
}

/// The reason the diagnostic gives for an encoding the caller named.
const CHOSEN: &str = "chosen by the caller";

/// The legacy decoder of this build: encoding_rs with the `encodings` feature, none without.
pub(crate) fn builtin_legacy(name: &str, bytes: &[u8]) -> Option<(String, bool)> {
    #[cfg(feature = "encodings")]
    {
        let e = encoding_rs::Encoding::for_label(name.as_bytes())?;
        let (text, _, had_errors) = e.decode(bytes);
        Some((text.into_owned(), had_errors))
    }
    #[cfg(not(feature = "encodings"))]
    {
        let _ = (name, bytes);
        None
    }
}

fn lossy(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let t = String::from_utf8_lossy(bytes);
    let bad = matches!(t, Cow::Owned(_));
    (t, bad)
}

/// UTF-8 and UTF-16, a matching BOM dropped; undecodable sequences become U+FFFD.
fn decode_unicode_as(enc: Enc, bytes: &[u8]) -> (Cow<'_, str>, bool) {
    match enc {
        Enc::Utf16Le | Enc::Utf16Be => {
            let le = enc == Enc::Utf16Le;
            let unit = if le { u16::from_le_bytes } else { u16::from_be_bytes };
            let body = bytes.strip_prefix(if le { b"\xFF\xFE" } else { b"\xFE\xFF" }).unwrap_or(bytes);
            let units = body.chunks(2).map(|p| unit([p[0], *p.get(1).unwrap_or(&0)]));
            let text: String = char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')).collect();
            let bad = text.contains('\u{fffd}') || body.len() % 2 != 0;
            (Cow::Owned(text), bad)
        }
        _ => lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)),
    }
}

/// Whether bytes look like a binary file rather than text: a NUL byte in the first 8 KB, as
/// `grep` and `git` decide (UTF-16 text, which is full of NULs, is recognised by its BOM or by
/// [`utf16_without_bom`] first).
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return false;
    }
    memchr::memchr(0, &bytes[..bytes.len().min(PRESCAN)]).is_some() && utf16_without_bom(bytes).is_none()
}

/// UTF-16 without a byte-order mark, read from the first 8 KB: there are NUL bytes (the high byte
/// of every ASCII character, a line end included, is NUL), and read in that byte order, nearly
/// every unit (19 in 20) is a character of text: ASCII, Latin, general punctuation, CJK
/// punctuation, kana, ideographs, full-width forms. When both orders read so (ASCII text, whose
/// swapped units fall among the ideographs), the one with its NULs at the high bytes wins: odd
/// offsets for little-endian, even ones for big-endian. Binary data reads as units of no script,
/// and so does a GBK or Big5 page with a stray NUL.
fn utf16_without_bom(bytes: &[u8]) -> Option<Enc> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let (mut even, mut odd, mut le, mut be) = (0usize, 0usize, 0usize, 0usize);
    for p in head.chunks_exact(2) {
        even += usize::from(p[0] == 0);
        odd += usize::from(p[1] == 0);
        le += usize::from(text_unit(u16::from_le_bytes([p[0], p[1]])));
        be += usize::from(text_unit(u16::from_be_bytes([p[0], p[1]])));
    }
    let units = head.len() / 2;
    let reads = |n: usize| n * 20 >= units * 19;
    match (reads(le), reads(be)) {
        _ if even + odd == 0 => None,
        (true, true) if odd != even => Some(if odd > even { Enc::Utf16Le } else { Enc::Utf16Be }),
        (true, false) => Some(Enc::Utf16Le),
        (false, true) => Some(Enc::Utf16Be),
        _ => None,
    }
}

/// Whether a UTF-16 unit is a character a Chinese page's text is made of.
fn text_unit(u: u16) -> bool {
    matches!(u, 0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA0..=0x24F | 0x2000..=0x27BF | 0x3000..=0x30FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFEFF | 0xFF00..=0xFFEF)
}

/// How many leading characters [`unreadable`] reads.
const UNREADABLE_SAMPLE: usize = 64 * 1024;

/// Whether decoded text is no text at all: of the first 64 Ki characters that are not white space
/// (at least 16 of them), a third or more are U+FFFD or control characters (U+0000–U+001F but
/// white space, and U+007F), and one in twenty or more are control characters. Binary files
/// (images, archives, executables, fonts) read as UTF-8 come to a half or more, a tenth or more
/// of them control characters; text in the wrong encoding is full of U+FFFD too but has no
/// control characters, and stays text.
///
/// ```
/// assert!(xinwen::decode::unreadable("\u{fffd}\u{1}PNG\u{fffd}\u{fffd}\u{2}\u{fffd}IHDR\u{fffd}\u{3}\u{fffd}\u{fffd}x\u{fffd}"));
/// assert!(!xinwen::decode::unreadable(&"\u{fffd}".repeat(20)), "mojibake is still text");
/// ```
pub fn unreadable(text: &str) -> bool {
    let control = |b: u8| (b < 0x20 && !matches!(b, b'\t'..=b'\r')) || b == 0x7F;
    // nearly all text has no control character: one pass over the bytes, in vectorizable blocks
    if !text.as_bytes().chunks(64).any(|block| block.iter().fold(false, |any, &b| any | control(b))) {
        return false;
    }
    let (mut chars, mut bad, mut controls) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()).take(UNREADABLE_SAMPLE) {
        chars += 1;
        let is_control = c.is_ascii() && control(c as u8);
        controls += usize::from(is_control);
        bad += usize::from(is_control || c == '\u{fffd}');
    }
    chars >= 16 && bad * 3 >= chars && controls * 20 >= chars
}

/// How many leading bytes [`double_byte`] reads.
const DOUBLE_BYTE_SAMPLE: usize = 64 * 1024;

/// Without a detector (the wasm build), GB18030 or Big5 for bytes that are not UTF-8, told apart by
/// their double-byte characters. GB2312 and GBK text puts nearly every character's second byte at
/// 0xA1 or above, and its first byte seldom at 0xA4–0xAF (kana, Greek, Cyrillic, box drawing);
/// Big5 puts its most used characters at first bytes 0xA4–0xAF and a third of all second bytes at
/// 0x40–0x7E. Big5 is chosen when those signs mark a quarter of the characters or more, no
/// four-byte GB18030 sequence occurs, and `legacy` reads the bytes as Big5 without errors.
fn double_byte(bytes: &[u8], legacy: LegacyDecoder) -> Enc {
    let head = &bytes[..bytes.len().min(DOUBLE_BYTE_SAMPLE)];
    let (mut i, mut chars, mut signs) = (0, 0usize, 0usize);
    while i + 1 < head.len() {
        let (lead, trail) = (head[i], head[i + 1]);
        if lead < 0x80 {
            i += 1;
            continue;
        }
        if trail.is_ascii_digit() {
            return Enc::Legacy("gb18030"); // a four-byte GB18030 sequence: Big5 has none
        }
        chars += 1;
        signs += usize::from(trail <= 0x7E || (0xA4..=0xAF).contains(&lead));
        i += 2;
    }
    let big5 = chars > 0 && signs * 4 >= chars && legacy("Big5", bytes).is_some_and(|(_, errors)| !errors);
    Enc::Legacy(if big5 { "Big5" } else { "gb18030" })
}

/// The encoding to use and the reason, as words for the diagnostic.
fn choose(bytes: &[u8], utf8: bool, legacy: LegacyDecoder) -> (Enc, String) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return (Enc::Utf8, "byte-order mark".into());
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return (Enc::Utf16Le, "byte-order mark".into());
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return (Enc::Utf16Be, "byte-order mark".into());
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return (enc, "no byte-order mark, but NUL bytes where UTF-16 puts them".into());
    }
    let ascii = utf8 && bytes.is_ascii();
    if let Some((label, place)) = declared(&bytes[..bytes.len().min(PRESCAN)]) {
        match resolve(&label) {
            // a page declaring UTF-16 without a BOM is read as UTF-8 (WHATWG)
            Some(Enc::Utf16Le | Enc::Utf16Be) => {
                return (Enc::Utf8, format!("declared {label} in {place}, read as UTF-8 without a byte-order mark"))
            }
            Some(Enc::Utf8) => {
                if !utf8 {
                    if let Some(guess) = detect(bytes).filter(|&g| clean_multi_byte(g, bytes, legacy)) {
                        return (
                            guess,
                            format!("declared {label} in {place}, but the bytes are not UTF-8; detected by chardetng"),
                        );
                    }
                }
                return (Enc::Utf8, format!("declared {label} in {place}"));
            }
            Some(enc) => {
                if utf8 && !ascii {
                    return (Enc::Utf8, format!("declared {label} in {place}, but the bytes are valid UTF-8"));
                }
                return (enc, format!("declared {label} in {place}"));
            }
            None => {}
        }
    }
    if utf8 {
        return (Enc::Utf8, if ascii { "the bytes are ASCII".into() } else { "the bytes are valid UTF-8".into() });
    }
    let (enc, why) = match detect(bytes) {
        Some(enc) => (enc, "no declaration; detected by chardetng"),
        // without a detector (the wasm build), Chinese bytes that are not UTF-8 are GB18030 or Big5
        None => (double_byte(bytes, legacy), "no declaration, not UTF-8; chosen by its double-byte characters"),
    };
    // binary data has no text encoding: a detector's guess reads each of its bytes as a letter of
    // some single-byte script, and GB18030 reads pairs of them as Han characters. Only a multi-byte
    // encoding that reads it cleanly is kept (a GBK page with a stray NUL); anything else is read as
    // UTF-8, which keeps whatever UTF-8 text it holds and marks every other byte U+FFFD. Both
    // builds apply it, with or without a detector.
    if looks_binary(bytes) && !clean_multi_byte(enc, bytes, legacy) {
        return (Enc::Utf8, "no declaration, and NUL bytes: binary data, not text in a legacy encoding".into());
    }
    (enc, why.into())
}

/// An encoding label (`gb2312`, `GBK`, `big5`, `utf-8` …) as one of the rules' encodings;
/// GB2312 and GBK are decoded as GB18030, the superset browsers use for them.
#[cfg(feature = "encodings")]
fn resolve(label: &str) -> Option<Enc> {
    let e = encoding_rs::Encoding::for_label(label.as_bytes())?;
    Some(from_rs(e))
}

#[cfg(feature = "encodings")]
fn from_rs(e: &'static encoding_rs::Encoding) -> Enc {
    use encoding_rs::{GBK, UTF_16BE, UTF_16LE, UTF_8};
    if e == UTF_8 {
        Enc::Utf8
    } else if e == UTF_16LE {
        Enc::Utf16Le
    } else if e == UTF_16BE {
        Enc::Utf16Be
    } else if e == GBK {
        Enc::Legacy("gb18030")
    } else {
        Enc::Legacy(e.name())
    }
}

#[cfg(not(feature = "encodings"))]
fn resolve(label: &str) -> Option<Enc> {
    let l = label.trim().to_ascii_lowercase();
    Some(match l.as_str() {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8" | "x-unicode20utf8" => Enc::Utf8,
        "utf-16" | "utf-16le" | "unicode" | "ucs-2" | "csunicode" | "iso-10646-ucs-2" | "unicodefeff" => Enc::Utf16Le,
        "utf-16be" | "unicodefffe" => Enc::Utf16Be,
        "gb2312" | "gbk" | "x-gbk" | "gb18030" | "chinese" | "csgb2312" | "csiso58gb231280" | "gb_2312"
        | "gb_2312-80" | "iso-ir-58" => Enc::Legacy("gb18030"),
        "big5" | "big5-hkscs" | "cn-big5" | "csbig5" | "x-x-big5" => Enc::Legacy("Big5"),
        _ => return None,
    })
}

/// Whether `enc` is a multi-byte legacy encoding that reads `bytes` without errors (single-byte
/// encodings read anything, so only a clean multi-byte reading is telling), as `legacy` decodes it.
fn clean_multi_byte(enc: Enc, bytes: &[u8], legacy: LegacyDecoder) -> bool {
    let multi = ["gb18030", "Big5", "Shift_JIS", "EUC-JP", "EUC-KR"].contains(&enc.name());
    multi && legacy(enc.name(), bytes).is_some_and(|(_, errors)| !errors)
}

/// How many non-ASCII bytes the detector reads before it guesses: its evidence is the non-ASCII
/// text, and some pages' worth of it settles the guess (ASCII markup and scripts, however long,
/// are read through). This bounds the detector's cost, the dearest step of decoding, on a
/// megabyte of non-text (see docs/reliability.md).
#[cfg(feature = "encodings")]
const DETECT_NON_ASCII: usize = 64 * 1024;

#[cfg(feature = "encodings")]
fn detect(bytes: &[u8]) -> Option<Enc> {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let mut non_ascii = 0;
    let mut chunks = bytes.chunks(16 * 1024).peekable();
    while let Some(chunk) = chunks.next() {
        non_ascii += chunk.iter().filter(|b| !b.is_ascii()).count();
        if chunks.peek().is_none() {
            det.feed(chunk, true);
            break;
        }
        // stop after enough text, at an ASCII byte: never inside a multi-byte character, which
        // the detector would count against the encoding
        if non_ascii >= DETECT_NON_ASCII {
            if let Some(k) = chunk.iter().rposition(u8::is_ascii) {
                det.feed(&chunk[..=k], true);
                break;
            }
        }
        det.feed(chunk, false);
    }
    if bytes.is_empty() {
        det.feed(bytes, true);
    }
    Some(from_rs(det.guess(None, chardetng::Utf8Detection::Allow)))
}

#[cfg(not(feature = "encodings"))]
fn detect(_: &[u8]) -> Option<Enc> {
    None
}

/// The charset declared by a `<meta>` tag, and where: `(label, "<meta charset>")`.
fn declared(head: &[u8]) -> Option<(String, &'static str)> {
    let mut pos = 0;
    while let Some(i) = memchr::memchr(b'<', &head[pos..]) {
        let at = pos + i;
        pos = at + 1;
        let rest = &head[at + 1..];
        if rest.len() < 5 || !rest[..4].eq_ignore_ascii_case(b"meta") || !is_sep(rest[4]) {
            continue;
        }
        let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        let tag = String::from_utf8_lossy(&rest[4..end]).to_ascii_lowercase();
        if let Some(v) = attr(&tag, "charset") {
            if !v.is_empty() {
                return Some((v, "<meta charset>"));
            }
        }
        let http_equiv = attr(&tag, "http-equiv").is_some_and(|v| v == "content-type");
        if let (true, Some(content)) = (http_equiv, attr(&tag, "content")) {
            if let Some(k) = content.find("charset") {
                let v = content[k + 7..].trim_start().strip_prefix('=').unwrap_or("").trim();
                let v: String = v.chars().take_while(|c| !matches!(c, ';' | '"' | '\'' | ' ')).collect();
                if !v.is_empty() {
                    return Some((v, "<meta http-equiv=\"Content-Type\">"));
                }
            }
        }
    }
    None
}

fn is_sep(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/')
}

/// The value of attribute `name` in a lower-cased tag body, reading `name=value` pairs in order
/// with quoted values (no entity decoding: labels are ASCII).
fn attr(tag: &str, name: &str) -> Option<String> {
    let b = tag.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && is_sep(b[i]) {
            i += 1;
        }
        let start = i;
        while i < b.len() && !is_sep(b[i]) && b[i] != b'=' {
            i += 1;
        }
        let key = &tag[start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |k| i + 1 + k);
                    value = &tag[i + 1..end];
                    i = end + 1;
                }
                _ => {
                    let s = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = tag[s..i].trim_end_matches('/');
                }
            }
        }
        if key == name {
            return Some(value.trim().to_string());
        }
        if start == i {
            i += 1;
        }
    }
    None
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not UTF-8, and no byte-order mark names another encoding; `at` is the first bad byte.
    NotUtf8 {
        /// Offset of the first byte that is not UTF-8.
        at: usize,
    },
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

/// Decode UTF-8 (with or without BOM) or UTF-16 with a BOM, strictly: anything else is an error.
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
        assert_eq!(decode(b"\xFF\xFEa\0b\0").text, "ab", "should read UTF-16LE by its BOM");
        assert_eq!(decode(b"\xEF\xBB\xBF<meta charset=gbk>").encoding, "UTF-8", "should let the BOM win");
    }

    #[cfg(feature = "encodings")]
    #[test]
    fn declared_charset_unless_the_bytes_say_utf8() {
        let d = decode("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">中文".as_bytes());
        assert_eq!(d.encoding, "UTF-8", "should read valid UTF-8 declared as gb2312 as UTF-8");
        assert!(d.diagnostics[0].message.contains("valid UTF-8"), "should say why: {:?}", d.diagnostics);
        let d = decode(b"<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=GB2312'>\xd6\xd0");
        assert_eq!((d.text.ends_with('中'), d.encoding), (true, "gb18030"), "should decode gb2312 as GB18030");
        let d = decode(b"<meta charset=big5>\xa4\xa4\xa4\xe5");
        assert!(d.text.ends_with("中文"), "should decode Big5: {}", d.text);
    }

    #[cfg(feature = "encodings")]
    #[test]
    fn detects_without_declaration_and_never_fails() {
        let gbk = "新华社北京电，国务院总理在人民大会堂会见了来访的代表团，双方就经济合作交换了意见。";
        let (bytes, _, _) = encoding_rs::GB18030.encode(gbk);
        let d = decode(&bytes);
        assert_eq!(d.text, gbk, "should detect GBK text with no declaration");
        let big5 = "海濱市第十屆春季書展於會展中心開幕，為期五天的展期共吸引逾五萬人次入場參觀，主辦單位表示今年參展出版社增加。";
        let (bytes, _, _) = encoding_rs::BIG5.encode(big5);
        assert_eq!(decode(&bytes).text, big5, "should detect Big5 text with no declaration");
        // the detector reads through long ASCII markup to the text, and stops after enough of it
        let mut page = format!("<script>{}</script>", "var x = 1;\n".repeat(20_000)).into_bytes();
        page.extend(encoding_rs::GB18030.encode(&format!("<p>{gbk}</p>\n").repeat(2_000)).0.iter());
        assert!(decode(&page).text.ends_with(&format!("{gbk}</p>\n")), "should detect GBK text after 200 KB of script");
        let d = decode(b"<meta charset=utf-8>ab\xff\xfecd");
        assert!(d.text.contains('\u{fffd}'), "should replace undecodable bytes");
        assert!(d.diagnostics.iter().any(|x| x.code == "encoding-errors"), "should report replaced bytes");
        assert!(decode(b"\x7fELF\0\0\x01").diagnostics.iter().any(|x| x.code == "binary"), "should flag NULs");
    }

    #[test]
    fn binary_data_is_read_alike_with_or_without_a_detector() {
        // a stand-in for GB18030 that reads 中文 (D6D0 CEC4) and fails on 0xFF, as the real one does;
        // with the `encodings` feature chardetng chooses, without it GB18030 is assumed: either way
        // the bytes are checked against the decoder the caller passed (the wasm build's TextDecoder)
        let gb = |name: &str, bytes: &[u8]| {
            let text = bytes.iter().map(|&b| if b >= 0x80 { '?' } else { b as char }).collect::<String>();
            let text = text.replace("????", "中文");
            (name == "gb18030").then(|| (text, bytes.contains(&0xFF)))
        };
        let d = decode_with(b"\xd6\xd0\xce\xc4\x00\xd6\xd0\xce\xc4\xff\x00", &gb);
        assert_eq!(d.encoding, "UTF-8", "should read binary data GB18030 cannot read as UTF-8: {:?}", d.diagnostics);
        assert!(d.diagnostics[0].message.contains("binary data"), "should say why: {:?}", d.diagnostics);
        assert!(d.diagnostics.iter().any(|x| x.code == "encoding-errors"), "should count the U+FFFDs");
        let d = decode_with(b"\xd6\xd0\xce\xc4\x00", &gb);
        if cfg!(not(feature = "encodings")) {
            assert_eq!((d.text.as_ref(), d.encoding), ("中文\0", "gb18030"), "should keep GB18030 that reads cleanly");
        }
    }

    #[cfg(feature = "encodings")]
    #[test]
    fn binary_data_is_read_as_utf8_but_a_clean_gbk_page_keeps_its_encoding() {
        // bytes no encoding reads, with NULs and a UTF-8 中 among them: not a Western page
        let junk = b"\x80\xff\xfe\xc3\n\xe4\xb8\n\xf0\x9f\x98\x00\xe4\xb8\xad\xed\xa0\x80".repeat(50);
        let d = decode(&junk);
        assert_eq!(d.encoding, "UTF-8", "should read binary data as UTF-8, not guess a legacy encoding");
        assert!(d.text.contains('中') && d.text.contains('\u{fffd}'), "should keep the UTF-8 and mark the rest");
        // a GBK page with a stray NUL is still GBK
        let gbk = "新华社北京电，国务院总理在人民大会堂会见了来访的代表团，双方就经济合作交换了意见。\0";
        let (bytes, _, _) = encoding_rs::GB18030.encode(gbk);
        let d = decode(&bytes);
        assert_eq!((d.text.as_ref(), d.encoding), (gbk, "gb18030"), "should read a clean GBK page with a NUL as GBK");
    }
    /// A page's text in UTF-16 with no byte-order mark: ASCII markup and Chinese text, line ends.
    fn utf16(text: &str, le: bool) -> Vec<u8> {
        text.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_read_by_its_nuls() {
        let page = "<p>海滨市第十届春季书展开幕</p>\n<p>为期五天的展期共吸引逾五万人次入场参观。</p>\n";
        for (le, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
            let bytes = utf16(page, le);
            let d = decode(&bytes);
            assert_eq!((d.text.as_ref(), d.encoding), (page, name), "should read {name} without a BOM");
            assert!(!d.diagnostics.iter().any(|x| x.code == "binary"), "should not call {name} binary");
            assert!(!looks_binary(&bytes), "{name} should not look binary to the CLI");
        }
        // ASCII alone reads as ideographs in the other byte order: the NULs' offsets decide
        assert_eq!(decode(&utf16("<html>news</html>\n", false)).encoding, "UTF-16BE", "should pick BE by NULs");
        // binary data has NULs at both offsets; a GBK page's stray NUL reads as no script
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"), "a PNG should still look binary");
        let gbk = b"\xd0\xc2\xbb\xaa\xc9\xe7\xb1\xb1\xbe\xa9\xb5\xe7\0\xa3\xac\xb9\xfa\xce\xf1\xd4\xba";
        assert!(utf16_without_bom(gbk).is_none(), "a GBK page with a stray NUL should not read as UTF-16");
    }

    #[test]
    fn a_named_encoding_is_used_as_it_is() {
        let page = "<p>中文</p>\n";
        let bytes = utf16(page, true);
        let d = decode_as(&bytes, Encoding::Utf16Le, &builtin_legacy);
        assert_eq!((d.text.as_ref(), d.encoding), (page, "UTF-16LE"), "should read the named UTF-16LE");
        let mut bom = b"\xFE\xFF".to_vec();
        bom.extend(utf16(page, false));
        assert_eq!(decode_as(&bom, Encoding::Utf16Be, &builtin_legacy).text, page, "should drop its own BOM");
        let d = decode_as("中文".as_bytes(), Encoding::Utf16Be, &builtin_legacy);
        assert_ne!(d.text, "中文", "should not second-guess the caller");
        assert_eq!(d.diagnostics[0].message, "decoded as UTF-16BE: chosen by the caller", "should say who chose");
        // a stand-in legacy decoder shows which name the rules pass it
        let named = |name: &str, _: &[u8]| Some((name.to_string(), false));
        assert_eq!(decode_as(b"\xa4\xa4", Encoding::Big5, &named).text, "Big5", "should pass Big5");
        assert_eq!(decode_as(b"\xd6\xd0", Encoding::Gb18030, &named).text, "gb18030", "should pass gb18030");
        assert_eq!(decode_as(b"\xEF\xBB\xBFab", Encoding::Utf8, &named).text, "ab", "should drop a UTF-8 BOM");
    }

    #[cfg(feature = "encodings")]
    #[test]
    fn without_a_detector_double_byte_characters_choose_big5_or_gb18030() {
        // the wasm build's rule, checked here with encoding_rs as its decoder
        let big5 = "海濱市第十屆春季書展於會展中心開幕，為期五天的展期共吸引逾五萬人次入場參觀，主辦單位表示今年參展出版社增加。";
        let gbk = "新华社北京电，国务院总理在人民大会堂会见了来访的代表团，双方就经济合作交换了意见。";
        let (b, _, _) = encoding_rs::BIG5.encode(big5);
        assert_eq!(double_byte(&b, &builtin_legacy), Enc::Legacy("Big5"), "should read Big5 text as Big5");
        let (g, _, _) = encoding_rs::GB18030.encode(gbk);
        assert_eq!(double_byte(&g, &builtin_legacy), Enc::Legacy("gb18030"), "should read GBK text as GB18030");
        // the same simplified text in GB18030's four-byte form (a rare character) is never Big5
        let (g4, _, _) = encoding_rs::GB18030.encode("海滨\u{20ac}");
        assert_eq!(double_byte(&g4, &builtin_legacy), Enc::Legacy("gb18030"), "four bytes should mean GB18030");
    }

    #[test]
    fn mostly_undecodable_text_is_unreadable() {
        // a JPEG's first bytes read as UTF-8
        let jpeg = String::from_utf8_lossy(b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xdb\0C\0\x08\x06\x06\x07\x06\x05\x08\x07\x07\x07\t\t\x08\n\x0c\x14\r\x0c\x0b\x0b\x0c\x19\x12\x13\x0f");
        assert!(unreadable(&jpeg), "a JPEG header should be unreadable");
        assert!(
            !unreadable("新华社北京电，国务院总理在人民大会堂会见了来访的代表团。\u{1}"),
            "a stray control should not"
        );
        let gbk_as_utf8 = String::from_utf8_lossy(
            b"\xd0\xc2\xbb\xaa\xc9\xe7\xb1\xb1\xbe\xa9\xb5\xe7\xa3\xac\xb9\xfa\xce\xf1\xd4\xba",
        );
        assert!(!unreadable(&gbk_as_utf8), "text in the wrong encoding should stay text");
        assert!(!unreadable("\u{0}\u{1}\u{2}"), "a few characters should never be called binary");
    }
}
