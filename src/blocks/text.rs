//! Plain text → blocks.
//!
//! In: the text a browser copies or a crawl corpus stores. Out: one [`Line`] per non-blank line,
//! and the lines' spans.
//! Rules: lines end at `\n`, `\r\n` or `\r`; leading and trailing white space (including the
//! ideographic space U+3000 that indents Chinese paragraphs) is not part of a line; spans count
//! UTF-16 code units so that JavaScript's `input.slice(start, end)` is the line's text.
//! No allocation: [`split`] is an iterator that knows its length (a first pass counts the lines,
//! so that what collects them allocates once), and [`spans`] walks the input once more, when the
//! output's blocks are made.

use super::{find_either, is_space, Line};

/// The non-blank lines of `input`, in order.
pub fn split(input: &str) -> Lines<'_> {
    let bytes = input.as_bytes();
    let (mut pos, mut left) = (0, 0);
    while pos < bytes.len() {
        let nl = find_either(b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        // a line that starts with a letter is not blank (the first byte tells, but for the lead
        // bytes of the few non-ASCII spaces: U+0085, U+00A0, U+1680, U+2000…U+205F, U+3000, U+FEFF)
        let blank = match bytes.get(pos).filter(|_| pos < nl) {
            None => true,
            Some(b'\t' | b'\x0b' | b'\x0c' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) => {
                input[pos..nl].trim_matches(is_space).is_empty()
            }
            Some(_) => false,
        };
        left += usize::from(!blank);
        pos = nl + 1;
    }
    Lines { input, pos: 0, left }
}

/// The texts of the non-blank lines of `input`, in order, as [`split`] gives them, without
/// counting them first.
pub fn texts(input: &str) -> impl Iterator<Item = &str> {
    let mut lines = Lines { input, pos: 0, left: 0 };
    std::iter::from_fn(move || lines.next_line())
}

/// The iterator [`split`] returns.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    input: &'a str,
    /// Byte offset of the next line.
    pos: usize,
    /// Lines left.
    left: usize,
}

impl<'a> Lines<'a> {
    /// The next non-blank line's text, trimmed.
    fn next_line(&mut self) -> Option<&'a str> {
        let bytes = self.input.as_bytes();
        while self.pos < bytes.len() {
            let pos = self.pos;
            let nl = find_either(b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
            // step over the line break: \r\n counts as one break
            self.pos = match bytes.get(nl) {
                Some(b'\r') if bytes.get(nl + 1) == Some(&b'\n') => nl + 2,
                Some(_) => nl + 1,
                None => nl,
            };
            let text = self.input[pos..nl].trim_matches(is_space);
            if !text.is_empty() {
                return Some(text);
            }
        }
        None
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        let text = self.next_line()?;
        self.left = self.left.saturating_sub(1);
        Some(Line { text })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Lines<'_> {}

/// The UTF-16 spans (start, end) of `lines`, which are lines of `input` in order (as [`split`]
/// gives them): one walk over the input, counting the units between and in the lines.
pub fn spans<'a>(
    input: &'a str,
    lines: impl Iterator<Item = &'a str> + 'a,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let base = input.as_ptr() as usize;
    let (mut at, mut at16) = (0, 0);
    lines.map(move |text| {
        let start = text.as_ptr() as usize - base;
        let start16 = at16 + utf16_len(&input[at..start]);
        at = start + text.len();
        at16 = start16 + utf16_len(text);
        (start16, at16)
    })
}

/// Length of `s` in UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    // every byte that starts a character counts one, four-byte characters count two: in a plain
    // loop for a short string (a line break, a short line), else in vectorized byte lanes
    if s.len() < 32 {
        return s.bytes().map(|b| usize::from((b & 0xC0) != 0x80) + usize::from(b >= 0xF0)).sum();
    }
    crate::classify::char_count(s) + crate::classify::count_bytes(s.as_bytes(), |b| b >= 0xF0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_count_utf16_units() {
        let input = "岳阳网> 县区\r\n\n\u{3000}\u{3000}正文𠀀。\r最后";
        let lines: Vec<Line> = split(input).collect();
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["岳阳网> 县区", "正文𠀀。", "最后"], "should drop blank lines and indentation");
        assert_eq!(split(input).len(), 3, "should know how many lines there are");
        for input in [
            "",
            "\n",
            "\r\n\r\n",
            " \t\u{3000}\n\u{a0}\u{85}\u{1680}\u{2000}\u{200b}\u{feff}\u{205f}\r",
            "\u{3001}\n\u{2010}\n\u{e1}x\r\n\u{ef}",
        ] {
            assert_eq!(split(input).len(), split(input).count(), "should count the lines of {input:?} right");
        }
        let units: Vec<u16> = input.encode_utf16().collect();
        for (l, (start, end)) in lines.iter().zip(spans(input, lines.iter().map(|l| l.text))) {
            let slice = String::from_utf16(&units[start..end]).unwrap();
            assert_eq!(slice, l.text, "should span exactly the line's text in UTF-16 units");
        }
    }
}
