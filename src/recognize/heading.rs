//! Headings of trailing sections, and the tags of their items.
//!
//! In: one line. Out: the section heading it opens with ([`heading`]), or an item title's bracketed
//! tag and the title without it ([`tag_and_title`]).
//! Rules: a heading is a known heading word (相关阅读, 热点新闻 …: [`SECTION_HEADINGS`]), possibly
//! followed by 更多 or >>, or a short line without punctuation that ends in a heading ending (…阅读,
//! …推荐, …排行: [`SECTION_HEADING_ENDINGS`]); a button that loads more items (`+ 加载更多新闻`) is
//! none. Whether a heading opens a trailing block or divides the text is the classifier's question.
//! An item title may start with a bracketed tag: `[华容]陶伟军主持…` or `【华容】…`.
//! The lookup tables are built when the crate is compiled: a first parse builds nothing here.
//! References: the headings are the words portals print over related-link and ranking lists; the
//! word lists are in [`crate::lexicon`].

use crate::lexicon::{edge_chars, find_word, SECTION_HEADINGS, SECTION_HEADING_ENDINGS};

/// [`SECTION_HEADINGS`] sorted, for a binary search (most short lines are menu items, and each is
/// tested): sorted when the crate is compiled.
static HEADINGS: [&str; SECTION_HEADINGS.len()] = {
    let mut sorted = [""; SECTION_HEADINGS.len()];
    // an insertion sort, in `str`'s order
    let mut i = 0;
    while i < sorted.len() {
        let w = SECTION_HEADINGS[i];
        let mut j = i;
        while j > 0 && before(w, sorted[j - 1]) {
            sorted[j] = sorted[j - 1];
            j -= 1;
        }
        sorted[j] = w;
        i += 1;
    }
    sorted
};

/// The characters the trims below may remove from a heading's end, white space aside: the marks,
/// and the last characters of 更多 / 查看更多 / MORE / More / more.
const TRIMMED: [char; 11] = ['>', '»', '＞', ' ', '　', '+', ':', '：', '多', 'E', 'e'];

/// How many words [`FINALS`] is drawn from.
const WORDS: usize = SECTION_HEADINGS.len() + SECTION_HEADING_ENDINGS.len();

/// The last characters of the heading words and endings, sorted and without repeats: the first
/// `.1` of `.0` (computed when the crate is compiled).
static FINALS: ([char; WORDS], usize) = edge_chars(&[SECTION_HEADINGS, SECTION_HEADING_ENDINGS], true);

/// Whether `a` sorts before `b` as `str`s do (byte by byte), in a constant.
const fn before(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// The heading text without trailing "more" links, if `line` is a section heading.
pub fn heading(line: &str) -> Option<&str> {
    // most short lines are menu items: a line whose last character is neither trimmed below nor
    // ends a heading word or ending is none (the same answer as the full test, sooner)
    let last = line.chars().next_back()?;
    if FINALS.0[..FINALS.1].binary_search(&last).is_err() && !TRIMMED.contains(&last) && !last.is_whitespace() {
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
    if t.is_empty() || t.starts_with(['+', '＋']) || find_word(t, "加载").is_some() {
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
    fn tables_built_at_compile_time_hold_the_lexicon_words() {
        let mut sorted = SECTION_HEADINGS.to_vec();
        sorted.sort_unstable();
        assert_eq!(HEADINGS.as_slice(), sorted.as_slice(), "should hold the headings in sorted order");
        let mut finals: Vec<char> =
            SECTION_HEADINGS.iter().chain(SECTION_HEADING_ENDINGS).filter_map(|w| w.chars().next_back()).collect();
        finals.sort_unstable();
        finals.dedup();
        assert_eq!(&FINALS.0[..FINALS.1], finals.as_slice(), "should hold each word's last character once, sorted");
        assert_eq!(crate::lexicon::edge_char("a𠮷", true), '𠮷', "should decode a four-byte character");
        assert_eq!(crate::lexicon::edge_char("é", true), 'é', "should decode a two-byte character");
        assert_eq!(crate::lexicon::edge_char("𠮷a", false), '𠮷', "should decode a first character");
    }

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
