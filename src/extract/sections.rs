//! Trailing sections: headings and their items.
//!
//! In: lines after the article. Out: whether a line is a section heading, and an item's tag and title.
//! Rules: a heading is a known heading word (相关阅读, 热点新闻 …), possibly followed by 更多 or >>, or a
//! short line without punctuation that ends in a heading ending (…阅读, …推荐, …排行). An item title
//! may start with a bracketed tag: `[华容]陶伟军主持…` or `【华容】…`.

use crate::lexicon::{SECTION_HEADINGS, SECTION_HEADING_ENDINGS};
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// [`SECTION_HEADINGS`] sorted, for a binary search (most short lines are menu items, and each is tested).
static HEADINGS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let mut sorted = SECTION_HEADINGS.to_vec();
    sorted.sort_unstable();
    sorted
});

/// The characters the trims below may remove from a heading's end, white space aside: the marks,
/// and the last characters of 更多 / 查看更多 / MORE / More / more.
const TRIMMED: [char; 11] = ['>', '»', '＞', ' ', '　', '+', ':', '：', '多', 'E', 'e'];

/// The last characters of the heading words and endings.
static HEADING_FINALS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut finals: Vec<char> =
        SECTION_HEADINGS.iter().chain(SECTION_HEADING_ENDINGS).filter_map(|w| w.chars().next_back()).collect();
    finals.sort_unstable();
    finals.dedup();
    finals
});

/// A searcher for 加载 ("load"), built once.
static LOADING: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("加载"));

/// The heading text without trailing "more" links, if `line` is a section heading.
pub fn heading(line: &str) -> Option<&str> {
    // most short lines are menu items: a line whose last character is neither trimmed below nor
    // ends a heading word or ending is none (the same answer as the full test, sooner)
    let last = line.chars().next_back()?;
    if HEADING_FINALS.binary_search(&last).is_err() && !TRIMMED.contains(&last) && !last.is_whitespace() {
        return None;
    }
    let mut t = line.trim_end_matches(['>', '»', '＞', ' ', '　', '+', ':', '：']);
    for more in ["更多", "查看更多", "MORE", "More", "more"] {
        // trim_end_matches(more), without building a substring searcher per line
        while let Some(rest) = t.strip_suffix(more) {
            t = rest;
        }
        t = t.trim_end();
    }
    // a button that loads more items (`+ 加载更多新闻`) is not a heading
    if t.is_empty() || t.starts_with(['+', '＋']) || LOADING.find(t.as_bytes()).is_some() {
        return None;
    }
    if HEADINGS.binary_search(&t).is_ok() {
        return Some(t);
    }
    let short = t.chars().count() <= 8;
    const MARKS: [char; 18] =
        ['，', '。', '！', '？', '；', '、', ',', '.', '!', '?', ';', ':', '：', '“', '”', '"', '《', '》'];
    let bare = !t.contains(|c: char| MARKS.contains(&c) || c.is_ascii_digit());
    (short && bare && SECTION_HEADING_ENDINGS.iter().any(|e| t.ends_with(e))).then_some(t)
}

/// Split a leading bracketed tag from an item title.
pub fn tag_and_title(line: &str) -> (Option<&str>, &str) {
    for (open, close) in [('[', ']'), ('【', '】'), ('［', '］'), ('〔', '〕')] {
        if let Some(rest) = line.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                let tag = rest[..end].trim();
                let title = rest[end + close.len_utf8()..].trim();
                if !tag.is_empty() && tag.chars().count() <= 10 && !title.is_empty() {
                    return (Some(tag), title);
                }
            }
        }
    }
    (None, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headings() {
        assert_eq!(heading("相关阅读"), Some("相关阅读"), "should know 相关阅读");
        assert_eq!(heading("热点新闻 更多>>"), Some("热点新闻"), "should drop a more link");
        assert_eq!(heading("本地推荐"), Some("本地推荐"), "should read a heading ending");
        assert_eq!(heading("今天发布了新闻。"), None, "should not read a sentence");
    }

    #[test]
    fn splits_tags() {
        assert_eq!(tag_and_title("[华容]陶伟军主持会议"), (Some("华容"), "陶伟军主持会议"), "should split [tag]");
        assert_eq!(tag_and_title("【独家】消息"), (Some("独家"), "消息"), "should split 【tag】");
        assert_eq!(tag_and_title("没有标签"), (None, "没有标签"), "should keep a plain title");
    }
}
