//! The shape of a line of text: a list item, a section marker, a table row.
//!
//! In: one line. Out: its [`Shape`] — what opens it (a bullet, a number, a Chinese section marker)
//! and whether tabs divide it into cells — and the item's text without its marker ([`marker_len`]).
//! Rules:
//! - A bullet (`•`, `·`, `●`, `★` …: [`BULLETS`]) opens an item, and so does `-`, `*` or `+` before a
//!   space (`- 第一项`); text must follow it. A dash that opens a quotation (`——`) is no bullet.
//! - A number opens an item of a numbered list: one or two digits and `.`, `、`, `．`, `)` or `）`
//!   not followed by a digit (`1、`, `2.` but not `1.5亿元`), a number in brackets (`(1)`, `（2）`), a
//!   circled number (`①`).
//! - A Chinese numeral and `、` (`一、`), a Chinese numeral in brackets (`（一）`), or `第…章/节/部分/条`
//!   open a section of a document: a short line so opened is a subheading, a long one a numbered
//!   paragraph (the extractor decides, from the line's length and punctuation).
//! - Text a browser copies from a table has its cells divided by tabs: a line with a tab between
//!   two pieces of text is a table row.
//!
//! Whether such lines form a list or a table in the article, and whether they belong to it at all
//! (link lists have bullets too), is for the classifier and the extractor.

use crate::lexicon::{CharFilter, BULLETS, CHINESE_NUMERALS, CIRCLED_NUMBERS};

/// The characters that may open an item or a section marker: bullets, numbers, numerals, 第,
/// brackets, `-`, `*`, `+` and digits.
pub const OPENING_CHARS: [&[char]; 4] = [
    BULLETS,
    CIRCLED_NUMBERS,
    CHINESE_NUMERALS,
    &['第', '(', '（', '-', '*', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
];

/// [`OPENING_CHARS`], for the first look at a line.
static OPENERS: CharFilter = CharFilter::new(&OPENING_CHARS, &[]);

/// What opens a line and how it divides, as bits.
pub mod shape {
    /// A bullet opens the line.
    pub const BULLET: u8 = 1;
    /// A number opens the line.
    pub const NUMBER: u8 = 1 << 1;
    /// A Chinese section marker opens the line (`一、`, `（一）`, `第二章`).
    pub const SECTION: u8 = 1 << 2;
    /// Tabs divide the line into cells.
    pub const CELLS: u8 = 1 << 3;
}

/// A line's [`shape`] bits.
pub type Shape = u8;

/// The [`shape`] bits of `text` (a trimmed line, holding a tab if `tab`).
pub fn shape(text: &str, tab: bool) -> Shape {
    let mut s = match marker(text) {
        Some((kind, _)) => kind,
        None => 0,
    };
    // a tab between two pieces of text (a trimmed line has text on both sides of a tab)
    if tab && text.split('\t').filter(|c| !c.trim().is_empty()).count() >= 2 {
        s |= shape::CELLS;
    }
    s
}

/// The length in bytes of the marker that opens `text` (bullet or number, with the space after
/// it), 0 for none.
pub fn marker_len(text: &str) -> usize {
    marker(text).map_or(0, |(_, n)| n)
}

/// The marker opening `text`: its kind and its length in bytes with the white space after it.
fn marker(text: &str) -> Option<(Shape, usize)> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    // most lines open with an ideograph that opens nothing, or with a letter: a first look
    if !OPENERS.may_hold(first) {
        return None;
    }
    let after = |n: usize| -> Option<usize> {
        let rest = &text[n..];
        let trimmed = rest.trim_start_matches(crate::blocks::is_space);
        // something must follow the marker
        (!trimmed.is_empty()).then(|| text.len() - trimmed.len())
    };
    if BULLETS.contains(&first) {
        return Some((shape::BULLET, after(first.len_utf8())?));
    }
    if matches!(first, '-' | '*' | '+') {
        return text[1..].starts_with(' ').then(|| after(1).map(|n| (shape::BULLET, n))).flatten();
    }
    if CIRCLED_NUMBERS.contains(&first) {
        return Some((shape::NUMBER, after(first.len_utf8())?));
    }
    if first.is_ascii_digit() {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 2 {
            return None;
        }
        let rest = &text[digits..];
        let mark = rest.chars().next()?;
        if !matches!(mark, '.' | '、' | '．' | ')' | '）') {
            return None;
        }
        let next = rest[mark.len_utf8()..].chars().next();
        // `1.5亿元`, `3.2%`: a number, not a marker; `2. ` or `2.第二项` are markers
        if next.is_some_and(|c| c.is_ascii_digit() || c == '%') {
            return None;
        }
        return Some((shape::NUMBER, after(digits + mark.len_utf8())?));
    }
    if matches!(first, '(' | '（') {
        let inner = &text[first.len_utf8()..];
        let close = inner.find([')', '）'])?;
        let number = &inner[..close];
        let closer = inner[close..].chars().next()?;
        let end = first.len_utf8() + close + closer.len_utf8();
        if (1..=2).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) {
            return Some((shape::NUMBER, after(end)?));
        }
        if !number.is_empty() && number.chars().count() <= 3 && number.chars().all(|c| CHINESE_NUMERALS.contains(&c)) {
            return Some((shape::SECTION, after(end)?));
        }
        return None;
    }
    if CHINESE_NUMERALS.contains(&first) {
        let numerals = text.chars().take_while(|c| CHINESE_NUMERALS.contains(c)).count();
        let len: usize = text.chars().take(numerals).map(char::len_utf8).sum();
        if numerals <= 3 && text[len..].starts_with('、') {
            return Some((shape::SECTION, after(len + '、'.len_utf8())?));
        }
        return None;
    }
    if first == '第' {
        let rest = &text['第'.len_utf8()..];
        let numerals = rest.chars().take_while(|c| CHINESE_NUMERALS.contains(c) || c.is_ascii_digit()).count();
        let len: usize = rest.chars().take(numerals).map(char::len_utf8).sum();
        let unit = ["章", "节", "部分", "条", "篇", "節"].into_iter().find(|u| rest[len..].starts_with(u));
        if (1..=3).contains(&numerals) {
            if let Some(u) = unit {
                return Some((shape::SECTION, after('第'.len_utf8() + len + u.len())?));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Shape {
        super::shape(text, text.contains('\t'))
    }

    #[test]
    fn bullets_and_numbers_open_items() {
        assert_eq!(shape("• 入场前须出示预约码"), shape::BULLET, "should see a bullet");
        assert_eq!(shape("★11月17日，旅客可从广州南沙出发"), shape::BULLET, "should see a star bullet");
        assert_eq!(shape("- 第一项"), shape::BULLET, "should see a hyphen before a space");
        assert_eq!(shape("1、加强组织领导"), shape::NUMBER, "should see 1、");
        assert_eq!(shape("2. 完善工作机制"), shape::NUMBER, "should see 2.");
        assert_eq!(shape("（3）做好宣传"), shape::NUMBER, "should see a bracketed number");
        assert_eq!(shape("①先报名"), shape::NUMBER, "should see a circled number");
        assert_eq!(shape("一、总体要求"), shape::SECTION, "should see a section marker");
        assert_eq!(shape("（二）工作目标"), shape::SECTION, "should see a bracketed section marker");
        assert_eq!(shape("第三章 附则"), shape::SECTION, "should see a chapter");
    }

    #[test]
    fn numbers_in_text_open_nothing() {
        for line in [
            "1.5亿元投资已到位",
            "2019年12月10日",
            "——摘自某某日报",
            "-1度",
            "123、",
            "一些人认为",
            "（完）",
            "第一次来",
        ] {
            assert_eq!(shape(line) & !shape::CELLS, 0, "should see no marker in {line:?}");
        }
        assert_eq!(shape("•"), 0, "a bullet alone opens nothing");
    }

    #[test]
    fn tabs_divide_cells() {
        assert_eq!(shape("市体育中心游泳馆\t滨江路88号\t每天9:00-21:00"), shape::CELLS, "should see cells");
        assert_eq!(shape("名称\t"), 0, "one cell is no row");
        assert_eq!(marker_len("• 入场前须出示预约码"), "• ".len(), "should measure the bullet and its space");
        assert_eq!(marker_len("1、加强"), "1、".len(), "should measure the number");
    }
}
