//! Plain text → blocks.
//!
//! In: the text a browser copies or a crawl corpus stores. Out: one [`Line`] per non-blank line.
//! Rules: lines end at `\n`, `\r\n` or `\r`; leading and trailing white space (including the
//! ideographic space U+3000 that indents Chinese paragraphs) is not part of a line; spans count
//! UTF-16 code units so that JavaScript's `input.slice(start, end)` is the line's text.
//! One pass over the input, no allocation per line.

use super::{is_space, Line};

/// Split `input` into its non-blank lines.
pub fn split(input: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let bytes = input.as_bytes();
    let mut pos = 0; // byte offset of the current line
    let mut pos16 = 0; // UTF-16 offset of the current line
    let mut gap = false;
    while pos < bytes.len() {
        let nl = memchr::memchr2(b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        let raw = &input[pos..nl];
        let lead = raw.len() - raw.trim_start_matches(is_space).len();
        let text = raw[lead..].trim_end_matches(is_space);
        // the line's UTF-16 length counted once, in its three parts
        let (lead16, text16) = (utf16_len(&raw[..lead]), utf16_len(text));
        if text.is_empty() {
            gap = true;
        } else {
            let start = pos16 + lead16;
            lines.push(Line { text, start, end: start + text16, gap_before: gap && !lines.is_empty() });
            gap = false;
        }
        pos16 += lead16 + text16 + utf16_len(&raw[lead + text.len()..]);
        // step over the line break: \r\n counts as one break
        let mut next = nl;
        if next < bytes.len() {
            next += if bytes[next] == b'\r' && bytes.get(next + 1) == Some(&b'\n') { 2 } else { 1 };
            pos16 += next - nl;
        }
        pos = next;
    }
    lines
}

/// Length of `s` in UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    // every byte that starts a character counts one, four-byte characters count two
    // (one pass, which the compiler vectorizes)
    s.bytes().map(|b| usize::from((b & 0xC0) != 0x80) + usize::from(b >= 0xF0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_count_utf16_units() {
        let input = "岳阳网> 县区\r\n\n\u{3000}\u{3000}正文𠀀。\r最后";
        let lines = split(input);
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["岳阳网> 县区", "正文𠀀。", "最后"], "should drop blank lines and indentation");
        let units: Vec<u16> = input.encode_utf16().collect();
        for l in &lines {
            let slice = String::from_utf16(&units[l.start..l.end]).unwrap();
            assert_eq!(slice, l.text, "should span exactly the line's text in UTF-16 units");
        }
        assert!(lines[1].gap_before, "should note the blank line before the second line");
        assert!(!lines[2].gap_before, "should note no gap before the third line");
    }
}
