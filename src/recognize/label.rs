//! Lines that label the article as a whole: its summary, its tags, its section.
//!
//! In: one line and its byline labels. Out: the [`Labelled`] line —
//! which kind of label opens it and its value ([`labelled`]); a tag value split into tags ([`tags`]).
//! Rules:
//! - The label opens the line, after any opening bracket (`摘要：…`, `【导读】…`, `核心提示：…`,
//!   `关键词 >> 共享充电宝`, `标签：…`, `Tags: …`, `栏目：国内新闻`; the words are in [`crate::lexicon`]),
//!   and a separator follows it: a colon, a closing bracket, `>>`, a bar or a space
//!   ([`LABEL_SEPARATORS`]). `标签化的做法` or `频道推荐` are no labels.
//! - The value is the rest of the line, up to a byline label that follows on the same line
//!   (`标签： 留学指南 发布于：2015-11-05` gives `留学指南`); a line with a label and no value gives none.
//! - Tags are split at `，`, `、`, `；`, `;`, `,`, `|`, `｜`, `/`, and at white space between two CJK
//!   words (`New York` stays one tag); each tag once, in order.

use crate::blocks::{is_cjk, is_space};
use crate::lexicon::{char_at, CharFilter, LabelMatch, CATEGORY_LABELS, LABEL_SEPARATORS, SUMMARY_LABELS, TAG_LABELS};

/// What a labelled line labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The article's summary (摘要, 导读, 核心提示).
    Summary,
    /// Its keywords or tags (关键词, 标签, Tags).
    Tags,
    /// The section it is filed under (栏目, 频道).
    Category,
}

/// The first two characters of every label, as keys (see [`key`]), sorted and each once: a line whose
/// first two characters (after opening brackets) are no label's is no labelled line, which is all
/// most lines are asked (built when the crate is compiled).
static OPENINGS: ([u64; LABELS], usize) = {
    let mut out = [0u64; LABELS];
    let mut n = 0;
    let lists = [SUMMARY_LABELS, TAG_LABELS, CATEGORY_LABELS];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let (a, len) = char_at(lists[l][i], 0);
            let (b, _) = char_at(lists[l][i], len);
            let k = key(a, b);
            // insert in order, once
            let mut j = 0;
            while j < n && out[j] < k {
                j += 1;
            }
            if j == n || out[j] != k {
                let mut m = n;
                while m > j {
                    out[m] = out[m - 1];
                    m -= 1;
                }
                out[j] = k;
                n += 1;
            }
            i += 1;
        }
        l += 1;
    }
    (out, n)
};

const LABELS: usize = SUMMARY_LABELS.len() + TAG_LABELS.len() + CATEGORY_LABELS.len();

/// The labels' first characters, for the first look at a line.
static FIRSTS: CharFilter = CharFilter::new(&[], &[SUMMARY_LABELS, TAG_LABELS, CATEGORY_LABELS]);

/// Two characters as one number.
const fn key(a: char, b: char) -> u64 {
    ((a as u64) << 21) | b as u64
}

/// The kind of label that opens `text` and the value after it, or `None`. `labels` are the line's
/// byline labels: the value stops at the first one.
pub fn labelled<'a>(text: &'a str, labels: &[LabelMatch]) -> Option<(Label, &'a str)> {
    // the first two characters after any opening brackets: most lines are rejected by them
    let mut bare = text;
    let first = loop {
        let c = bare.chars().next()?;
        if !matches!(c, '(' | '（' | '【' | '[') {
            break c;
        }
        bare = &bare[c.len_utf8()..];
    };
    if !FIRSTS.may_hold(first) {
        return None;
    }
    let second = bare[first.len_utf8()..].chars().next()?;
    if OPENINGS.0[..OPENINGS.1].binary_search(&key(first, second)).is_err() {
        return None;
    }
    let offset = text.len() - bare.len();
    let lists: [(Label, &[&str]); 3] =
        [(Label::Summary, SUMMARY_LABELS), (Label::Tags, TAG_LABELS), (Label::Category, CATEGORY_LABELS)];
    for (kind, list) in lists {
        // the longest label of the list that opens the line and is followed by a separator
        let Some(label) = list
            .iter()
            .filter(|w| bare.starts_with(**w) && bare[w.len()..].starts_with(LABEL_SEPARATORS))
            .max_by_key(|w| w.len())
        else {
            continue;
        };
        let from = offset + label.len();
        let to = labels.iter().map(|m| m.start).find(|&s| s >= from).unwrap_or(text.len());
        let value = text[from..to].trim_matches(|c: char| LABEL_SEPARATORS.contains(&c) || is_space(c));
        let value = value.trim_end_matches([')', '）', ']', '】']).trim_matches(is_space);
        return (!value.is_empty()).then_some((kind, value));
    }
    None
}

/// A tag line's value (or a `keywords` meta's content) split into tags, each once, in order.
pub fn tags(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in value.split(['，', '、', '；', ';', ',', '|', '｜', '/', '／']) {
        // white space divides two CJK words, not two Latin ones (`New York`)
        let mut tag = String::new();
        let mut space = false;
        for c in piece.trim_matches(is_space).chars() {
            if is_space(c) {
                space = true;
                continue;
            }
            if space {
                let cut = tag.chars().last().is_some_and(is_cjk) || is_cjk(c);
                if cut {
                    push_tag(&mut out, &tag);
                    tag.clear();
                } else {
                    tag.push(' ');
                }
                space = false;
            }
            tag.push(c);
        }
        push_tag(&mut out, &tag);
    }
    out
}

fn push_tag(out: &mut Vec<String>, tag: &str) {
    let tag = tag.trim_matches(|c: char| is_space(c) || "#＃\"“”'".contains(c));
    if !tag.is_empty() && tag.chars().count() <= 40 && !out.iter().any(|t| t == tag) {
        out.push(tag.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::scan_line;

    fn read(text: &str) -> Option<(Label, &str)> {
        let mut labels = Vec::new();
        scan_line(text, &mut labels);
        labelled(text, &labels)
    }

    #[test]
    fn labels_open_their_lines() {
        assert_eq!(read("【摘要】全市将开放十二座游泳场馆。"), Some((Label::Summary, "全市将开放十二座游泳场馆。")));
        assert_eq!(read("核心提示：腊八节要吃腊八粥"), Some((Label::Summary, "腊八节要吃腊八粥")));
        assert_eq!(read("关键词 >> 共享充电宝"), Some((Label::Tags, "共享充电宝")));
        assert_eq!(read("关键字 : 公园"), Some((Label::Tags, "公园")));
        assert_eq!(read("Tags: 游泳, 暑期"), Some((Label::Tags, "游泳, 暑期")));
        assert_eq!(read("栏目：国内新闻"), Some((Label::Category, "国内新闻")));
        assert_eq!(
            read("标签： 留学经验分享 留学面试 发布于：2015-11-05 11:34"),
            Some((Label::Tags, "留学经验分享 留学面试")),
            "should stop at a byline label"
        );
    }

    #[test]
    fn words_that_only_start_with_a_label_are_none() {
        for line in ["标签化的做法不可取", "频道推荐", "栏目关注：", "摘要", "关键词："] {
            assert_eq!(read(line), None, "should read no label in {line:?}");
        }
    }

    #[test]
    fn tags_split_where_pages_separate_them() {
        assert_eq!(
            tags("公益游泳,场馆开放，青川、暑期;安全|健身"),
            ["公益游泳", "场馆开放", "青川", "暑期", "安全", "健身"]
        );
        assert_eq!(tags("留学经验分享 留学面试  留学指南"), ["留学经验分享", "留学面试", "留学指南"]);
        assert_eq!(tags("New York, 纽约 时报"), ["New York", "纽约", "时报"], "should keep a Latin name whole");
        assert_eq!(tags("游泳, 游泳 ,"), ["游泳"], "should keep each tag once");
    }
}
