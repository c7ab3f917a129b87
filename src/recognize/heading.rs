//! Headings of trailing sections, and the tags of their items.
//!
//! In: one line. Out: the section heading it opens with ([`heading`]), or an item title's bracketed
//! tag and the title without it ([`tag_and_title`]).
//! Rules: a heading is a known heading word (相关阅读, 热点新闻 …: [`SECTION_HEADINGS`]), possibly
//! followed by 更多 or >>, or a short line without punctuation that ends in a heading ending (…阅读,
//! …推荐, …排行: [`SECTION_HEADING_ENDINGS`]); a button that loads more items (`+ 加载更多新闻`) is
//! none. Whether a heading opens a trailing block or divides the text is the classifier's question.
//! An item title may start with a bracketed tag: `[华容]陶伟军主持…` or `【华容】…`.
//! Lines that are not the headline although they look like one: a text's numbered part
//! (`一、理解文革`, `（三）规范理论`: [`numbered_part`]) and a subtitle under the headline
//! (`——当代中国的精神危机`: [`subtitle`]). A form-like page labels its headline (`标  题：某某通告`:
//! [`title_label`]).
//! The lookup tables are built when the crate is compiled: a first parse builds nothing here.
//! References: the headings are the words portals print over related-link and ranking lists; the
//! word lists are in [`crate::lexicon`].

use crate::blocks::is_space;
use crate::lexicon::{edge_chars, find_word, PART_NUMERALS, SECTION_HEADINGS, SECTION_HEADING_ENDINGS, TITLE_LABELS};

/// The headline a labelled line gives (`标  题：某某通告` → `某某通告`): a [`TITLE_LABELS`] word,
/// spaces allowed inside it, and a colon.
pub fn title_label(line: &str) -> Option<&str> {
    let colon = line.char_indices().take(12).find(|&(_, c)| c == '：' || c == ':')?.0;
    let label: String = line[..colon].chars().filter(|&c| !is_space(c)).collect();
    let rest = line[colon..].trim_start_matches(['：', ':']).trim_matches(is_space);
    (TITLE_LABELS.contains(&label.as_str()) && !rest.is_empty()).then_some(rest)
}

/// A numbered part of a text: a Chinese numeral and `、` (`一、`, `十二、`), or one in brackets
/// (`（三）`, `(四)`).
pub fn numbered_part(line: &str) -> bool {
    let t = line.trim_start_matches(['（', '(']);
    let digits = t.chars().take_while(|c| PART_NUMERALS.contains(c)).count();
    let rest = t.chars().nth(digits);
    (1..=3).contains(&digits) && (rest == Some('、') || (t.len() < line.len() && matches!(rest, Some('）' | ')'))))
}

/// A subtitle: a line opened by a dash (`——当代中国的精神危机`, `--副题`).
pub fn subtitle(line: &str) -> bool {
    line.starts_with("——") || line.starts_with("--") || line.starts_with("—")
}

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
mod lines_like_headlines {
    use super::{numbered_part, subtitle, title_label};

    #[test]
    fn reads_a_labelled_headline() {
        assert_eq!(
            title_label("标  题：\t某市人民政府关于防汛的通告"),
            Some("某市人民政府关于防汛的通告"),
            "should drop the label"
        );
        assert_eq!(title_label("标题:春季开学通知"), Some("春季开学通知"), "should read an ASCII colon");
        assert_eq!(title_label("標題：颱風假"), Some("颱風假"), "should read traditional script");
        assert_eq!(title_label("标题党何时休：一篇评论"), None, "should need the colon right after the label");
        assert_eq!(title_label("标题："), None, "should need a headline after the label");
    }

    #[test]
    fn tells_parts_and_subtitles() {
        assert!(numbered_part("一、理解文革的一个重要内容"), "should read 一、");
        assert!(numbered_part("十二、结语"), "should read 十二、");
        assert!(numbered_part("（三）规范理论"), "should read a bracketed numeral");
        assert!(!numbered_part("一带一路建设取得新进展"), "should not read a headline opening with 一");
        assert!(!numbered_part("三亚、海口迎来客流高峰"), "should not read a place list");
        assert!(subtitle("——当代中国的精神危机(上)"), "should read a dash subtitle");
        assert!(!subtitle("当代中国的精神危机"), "should not read a plain line");
    }
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
