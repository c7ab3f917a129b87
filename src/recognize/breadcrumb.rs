//! The "you are here" path.
//!
//! In: one line (or the lines of a path broken over lines, [`join`]ed). Out: its parts, when the
//! line reads as a breadcrumb ([`parse`]); the site's name from a path's root ([`site`]).
//! Rules: an optional prefix (当前位置：, 您的位置：); parts separated by `>` `>>` `＞` `»` `›` `→`, or
//! by ` / ` with spaces, or `首页 - 新闻动态` from a home root, or — where the last part is 正文, as
//! portals end their paths — by spaces alone. Two to seven parts, each short, none with sentence
//! punctuation. Which path-like line is the page's breadcrumb is the classifier's question.
//! References: the breadcrumb trail of site navigation (WAI-ARIA Authoring Practices, "Breadcrumb
//! Pattern"); the prefixes and roots are in [`crate::lexicon`].

use crate::blocks::is_space;
use crate::lexicon::{find_word, BREADCRUMB_PREFIXES, GENERIC_ROOTS};

/// A path separator: `>` and its look-alikes.
pub fn is_arrow(c: char) -> bool {
    matches!(c, '>' | '＞' | '»' | '›' | '→' | '〉')
}

/// The lines of a breadcrumb broken over lines, joined into one path (`首页` + `> 要闻` → `首页 > > 要闻`,
/// `首页` + `基金资讯` → `首页 > 基金资讯`): a line is a part, whether or not it starts with its arrow.
pub fn join<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    lines.collect::<Vec<_>>().join(" > ")
}

/// The parts of a breadcrumb line, or `None` if `line` is not one.
pub fn parse(line: &str) -> Option<Vec<&str>> {
    let mut text = line.trim_matches(is_space);
    let mut prefixed = false;
    // a prefix: 当前位置：, 您的当前位置：, 您所在的位置：, 现在位置： — anything up to 位置 and a colon
    for p in BREADCRUMB_PREFIXES {
        // the first occurrence, if it starts in the first 12 bytes: searched for there only
        let head = &text.as_bytes()[..text.len().min(12 + p.len())];
        if let Some(at) = find_word(head, p) {
            let rest = &text[at + p.len()..];
            if at <= 12 && rest.starts_with([':', '：']) {
                text = rest[rest.chars().next().map_or(0, char::len_utf8)..].trim_start_matches(is_space);
                prefixed = true;
                break;
            }
        }
    }
    // no path has more than seven parts: the eighth settles it, so a long line costs no more
    // memory than a short one
    let parts: Vec<&str> = if text.contains(is_arrow) {
        text.split(is_arrow).map(|p| p.trim_matches(is_space)).filter(|p| !p.is_empty()).take(8).collect()
    } else if find_word(text, " / ").is_some() || find_word(text, " ／ ").is_some() {
        text.split(['/', '／']).map(|p| p.trim_matches(is_space)).filter(|p| !p.is_empty()).take(8).collect()
    } else if text.contains(['/', '／']) && slash_path(text, prefixed) {
        // `首页/要闻动态/今日关注`, `专栏/轻小说/同人连载/某篇`: slashes without spaces, after a
        // prefix, from a home root, or in three parts or more none of which is a number
        text.split(['/', '／']).map(|p| p.trim_matches(is_space)).take(8).collect()
    } else if GENERIC_ROOTS.iter().any(|r| text.starts_with(r) && text[r.len()..].starts_with(" - ")) {
        // `首页 - 新闻动态`: a dash path, only from a home root (a dash elsewhere joins a headline)
        text.split(" - ").map(|p| p.trim_matches(is_space)).filter(|p| !p.is_empty()).take(8).collect()
    } else {
        let words: Vec<&str> = text.split(is_space).filter(|p| !p.is_empty()).take(8).collect();
        if words.last() != Some(&"正文") {
            return None;
        }
        words
    };
    let mut parts = parts;
    // links copied onto the same line before the root (`订阅RSS 某某首页> 业界`): the root is
    // the last word before the first separator
    if let Some(first) = parts.first_mut() {
        if let Some(last_word) = first.split(is_space).rfind(|w| !w.is_empty()) {
            *first = last_word;
        }
    }
    let plausible = (2..=7).contains(&parts.len())
        && parts.iter().all(|p| {
            let n = p.chars().count();
            n <= 60 && !p.contains(['。', '，', '；', ',', ';'])
        })
        && parts[..parts.len() - 1].iter().all(|p| p.chars().count() <= 16 && !p.contains(['！', '？', '!', '?']));
    plausible.then_some(parts)
}

/// Whether a line with slashes and no spaced separator reads as a path: after a 当前位置： prefix, or
/// from a home root (首页/…), or in three or more parts, none empty and none a number (`2019/12/10`
/// is a date, `A/B` a headline's alternative).
fn slash_path(text: &str, prefixed: bool) -> bool {
    let parts = || text.split(['/', '／']).take(9);
    let root = parts().next().is_some_and(|r| GENERIC_ROOTS.contains(&r.trim_matches(is_space)) || r.ends_with("首页"));
    let fair = parts().all(|p| {
        let p = p.trim_matches(is_space);
        !p.is_empty() && !p.chars().all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
    });
    fair && (prefixed || root || parts().count() >= 3)
}

/// The site's name from a breadcrumb's root: a root such as 首页 is not a name; a name of a
/// Chinese site ends in 网, 报, 台 or 社 (岳阳网, 人民日报, 央视网), or is a domain.
pub fn site(root: &str) -> Option<String> {
    if GENERIC_ROOTS.contains(&root) {
        return None;
    }
    let named = root.ends_with(['网', '报', '台', '社']) || (root.contains('.') && root.is_ascii());
    named.then(|| root.to_string())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_common_paths() {
        assert_eq!(parse("岳阳网> 县区"), Some(vec!["岳阳网", "县区"]), "should split on >");
        assert_eq!(parse("人民网>>文化"), Some(vec!["人民网", "文化"]), "should treat >> as one separator");
        assert_eq!(parse("当前位置：首页 > 新闻"), Some(vec!["首页", "新闻"]), "should drop the prefix");
        assert_eq!(parse("首页 / 图片 / 正文"), Some(vec!["首页", "图片", "正文"]), "should split on spaced /");
        assert_eq!(parse("新华网 正文"), Some(vec!["新华网", "正文"]), "should read a spaced path ending in 正文");
        assert_eq!(parse("石佳/中国青年报"), None, "should not read an unspaced slash as a path");
        assert_eq!(parse("今天 天气 很好"), None, "should not read spaced words as a path");
        assert_eq!(parse("您的当前位置：新闻中心 > 武汉"), Some(vec!["新闻中心", "武汉"]), "should drop a long prefix");
        assert_eq!(parse("现在位置： 首页 > 东区"), Some(vec!["首页", "东区"]), "should drop a prefix and spaces");
        assert_eq!(parse("首页 - 新闻动态"), Some(vec!["首页", "新闻动态"]), "should split a dash path from 首页");
        assert_eq!(parse("订阅RSS 某某首页> 业界"), Some(vec!["某某首页", "业界"]), "should keep the root's last word");
    }

    #[test]
    fn reads_slashes_without_spaces_where_a_path_is_plain() {
        let want = Some(vec!["首页", "要闻动态", "今日关注"]);
        assert_eq!(parse("当前位置： 首页/要闻动态/今日关注"), want, "should read slashes after a prefix");
        assert_eq!(parse("首页/要闻动态/今日关注"), want, "should read slashes from a home root");
        assert_eq!(
            parse("专栏/小说/连载/第三章"),
            Some(vec!["专栏", "小说", "连载", "第三章"]),
            "should read four parts"
        );
        assert_eq!(parse("首页/新闻"), Some(vec!["首页", "新闻"]), "should read two parts from a home root");
        assert_eq!(parse("发布时间：2019/12/10"), None, "should not read a date as a path");
        assert_eq!(parse("2019/12/10"), None, "should not read a bare date as a path");
        assert_eq!(parse("男/女/老/少皆宜的好去处，值得一去"), None, "should not read a sentence as a path");
        assert_eq!(parse("本报记者 石佳/北京"), None, "should not read two parts without a root");
    }
}
