//! Plain text → blocks.
//!
//! In: the text a browser copies or a crawl corpus stores. Out: one [`Line`] per non-blank line
//! (but one for a whole run of noise lines, see [`noise`]), and the lines' spans.
//! Rules: lines end at `\n`, `\r\n` or `\r`; leading and trailing white space (including the
//! ideographic space U+3000 that indents Chinese paragraphs) is not part of a line; spans count
//! UTF-16 code units so that JavaScript's `input.slice(start, end)` is the line's text.
//! No allocation: [`split`] is an iterator that knows its length (a first pass counts the records,
//! so that what collects them allocates once), and [`spans`] walks the input once more, when the
//! output's blocks are made.

use std::rc::Rc;

use super::{find_either, is_space, Line};

/// The records of `input`, in order: its non-blank lines, but a run of [`RUN`] or more noise lines
/// in a row (see [`noise`]) is one record spanning the run.
pub fn split(input: &str) -> Lines<'_> {
    // a first pass counts the lines, so that what collects them allocates once, and tells whether
    // there is any run of noise lines. A run holds one of every RUN-th line, so only those lines
    // are looked at, and around one that is noise, the lines before it (kept in a ring) and after
    // it, as far as the noise goes
    let bytes = input.as_bytes();
    let (mut pos, mut lines, mut runs) = (0, 0, false);
    let mut recent = [""; RUN];
    // noise lines in a row up to the line being read, counted from a noise RUN-th line
    let mut streak = None;
    while pos < bytes.len() {
        let nl = find_either(b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        let line = &input[pos..nl];
        pos = nl + 1;
        // a line that starts with a letter is not blank (the first byte tells, but for the lead
        // bytes of the few non-ASCII spaces: U+0085, U+00A0, U+1680, U+2000…U+205F, U+3000, U+FEFF)
        let blank = match line.as_bytes().first() {
            None => true,
            Some(b'\t' | b'\x0b' | b'\x0c' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) => {
                line.trim_matches(is_space).is_empty()
            }
            Some(_) => false,
        };
        if blank || runs {
            lines += usize::from(!blank);
            continue;
        }
        recent[lines % RUN] = line;
        streak = match streak {
            Some(n) if noise(line.trim_matches(is_space)) => Some(n + 1),
            Some(_) => None,
            None if lines % RUN == 0 && noise(line.trim_matches(is_space)) => {
                let before = (1..RUN.min(lines + 1))
                    .take_while(|&k| noise(recent[(lines - k) % RUN].trim_matches(is_space)))
                    .count();
                Some(before + 1)
            }
            None => None,
        };
        runs = streak.is_some_and(|n| n >= RUN);
        lines += 1;
    }
    if !runs {
        return Lines { left: lines, ..Lines::new(input, Mode::Plain) };
    }
    // the second pass finds the runs, once: the passes after it replay them
    let mut finder = Lines::new(input, Mode::Find { plain_until: 0 });
    let (mut left, mut found) = (0, Vec::new());
    while let Some(text) = finder.next_record() {
        left += 1;
        if is_run(text) {
            let start = text.as_ptr() as usize - input.as_ptr() as usize;
            found.push((start, start + text.len()));
        }
    }
    Lines { left, ..Lines::new(input, Mode::Replay { runs: found.into(), next: 0 }) }
}

/// Noise lines in a row that make one record: a run this long is no part of any cue a line
/// gives with its neighbours (a breadcrumb or a date broken over lines, a pager) and no text.
pub const RUN: usize = 32;

/// Lines longer than this (in bytes) are never noise: they pay for their record.
const NOISE_BYTES: usize = 32;

/// A line too poor to read alone, as pages show them in long runs: a character per line (text set
/// vertically, icon bars, a stretched pager), a line with no letter or digit (rules, arrows, icon
/// glyphs), and bytes that are not text (U+FFFD from undecodable bytes, control characters from
/// binary data). One record per such line would cost far more than the line (docs/reliability.md).
fn noise(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() > NOISE_BYTES {
        return false;
    }
    // bytes that are not text, on the bytes: C0 controls (white space aside), DEL, C1 controls
    // (`C2 80`…`C2 9F`, U+0085 aside) and U+FFFD (`EF BF BD`)
    let mut word = false;
    for (i, &x) in b.iter().enumerate() {
        match x {
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => {}
            0..=0x1F | 0x7F => return true,
            0xC2 if matches!(b.get(i + 1), Some(&(0x80..=0x84 | 0x86..=0x9F))) => return true,
            0xEF if b.get(i + 1) == Some(&0xBF) && b.get(i + 2) == Some(&0xBD) => return true,
            // the lead byte of a Han character (U+4000…U+9FFF, the Yijing hexagrams `E4 B7 xx` aside)
            0xE5..=0xE9 => word = true,
            0xE4 if b.get(i + 1) != Some(&0xB7) => word = true,
            _ => word |= x.is_ascii_alphanumeric(),
        }
    }
    let mut chars = text.chars();
    chars.next();
    // one character; else a letter or digit of any script makes a word
    chars.as_str().is_empty() || !(word || text.chars().any(char::is_alphanumeric))
}

/// Whether a record is a run of noise lines rather than one line: only a run holds a line break,
/// and its first line, being noise, is short.
pub fn is_run(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(NOISE_BYTES + 1)];
    text.len() >= 2 * RUN - 1 && memchr::memchr2(b'\n', b'\r', head).is_some()
}

/// The iterator [`split`] returns.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    input: &'a str,
    /// Byte offset of the next line.
    pos: usize,
    /// Records left.
    left: usize,
    mode: Mode,
}

/// How [`Lines`] knows the runs of noise lines.
#[derive(Debug, Clone)]
enum Mode {
    /// There are none: every line is a record.
    Plain,
    /// Look for them. Lines that start before `plain_until` are read one by one: a run of noise
    /// lines too short to be one record, already looked at.
    Find { plain_until: usize },
    /// They are these byte ranges, in order; `next` is the first not yet read.
    Replay { runs: Rc<[(usize, usize)]>, next: usize },
}

impl<'a> Lines<'a> {
    fn new(input: &'a str, mode: Mode) -> Self {
        Lines { input, pos: 0, left: 0, mode }
    }

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

    /// The next record: a line, or a run of noise lines. Finding the runs looks at each line no
    /// more than twice, so the cost stays linear however the runs fall.
    fn next_record(&mut self) -> Option<&'a str> {
        let pos = self.pos;
        let first = self.next_line()?;
        let start = first.as_ptr() as usize - self.input.as_ptr() as usize;
        let plain_until = match &mut self.mode {
            Mode::Plain => return Some(first),
            Mode::Replay { runs, next } => {
                return Some(match runs.get(*next) {
                    Some(&(run, end)) if run == start => {
                        *next += 1;
                        self.pos = end;
                        &self.input[start..end]
                    }
                    _ => first,
                });
            }
            Mode::Find { plain_until } => plain_until,
        };
        if pos < *plain_until || !noise(first) {
            return Some(first);
        }
        let mut ahead = Lines::new(self.input, Mode::Plain);
        ahead.pos = self.pos;
        let (mut n, mut last, mut after) = (1, first, self.pos);
        while let Some(next) = ahead.next_line().filter(|t| noise(t)) {
            (n, last, after) = (n + 1, next, ahead.pos);
        }
        if n < RUN {
            *plain_until = after;
            return Some(first);
        }
        self.pos = after;
        let end = last.as_ptr() as usize - self.input.as_ptr() as usize + last.len();
        Some(&self.input[start..end])
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        let text = self.next_record()?;
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
    super::char_count(s) + super::count_bytes(s.as_bytes(), |b| b >= 0xF0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_noise_lines_is_one_record_wherever_it_falls() {
        // runs of 30 to 34 noise lines after 0 to 40 lines of words: the first pass looks only at
        // every RUN-th line and around it, so every alignment of the run is tried
        for before in 0..40 {
            for run in 30..35 {
                let input = format!("{}{}新闻\n", "新闻\n".repeat(before), "|\n\n".repeat(run));
                let records: Vec<&str> = split(&input).map(|l| l.text).collect();
                let expected = before + if run >= RUN { 1 } else { run } + 1;
                assert_eq!(split(&input).len(), expected, "should count {before} lines, a run of {run}, a line");
                assert_eq!(records.len(), expected, "should give {before} lines, a run of {run}, a line");
                if run >= RUN {
                    assert_eq!(records[before], "|\n\n".repeat(run).trim_end(), "should span the whole run");
                    assert!(is_run(records[before]), "should know the run for one");
                }
                assert!(records.iter().filter(|t| t.len() == 1).all(|t| !is_run(t)), "a line is no run");
            }
        }
    }

    #[test]
    fn noise_lines_are_characters_alone_symbols_and_bytes_that_are_not_text() {
        for line in ["字", "a", "|", "★★", "—— ——", "\u{fffd}", "\u{fffd}中文", "中\0文", "ab\u{7f}", "x\u{86}", "〓〓"]
        {
            assert!(noise(line), "{line:?} should be noise");
        }
        for line in ["首页", "新闻中心", "ab", "12", "Ça", "ひらがな", "x\u{85}y", "中\t文", &"字".repeat(11)]
        {
            assert!(!noise(line), "{line:?} should not be noise");
        }
    }

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
