//! Credits: authors, source and editors from labelled lines.
//!
//! In: one line. Out: the labelled values in it ([`Credit`]), and helpers that turn a value into
//! names or an outlet.
//! Rules: a label counts where it starts the line or follows a space or a bracket or separator, and
//! is followed by a colon (either width) or a space — `作者:张冰明    来源:岳阳日报新媒体中心`;
//! a reporter label right after an opening bracket may take the name directly — `（记者唐霁）`;
//! the one-character label 文 needs a colon or a slash — `文/石佳`. A value runs to the next label
//! or to a bracket, bar or line end.

use crate::blocks::is_space;
use crate::lexicon::{
    find_word, Field, LabelMatch, LABELS, MEDIA_ENDINGS, NEEDS_COLON, NOT_NAMES, ORG_ENDINGS, ROLE_ENDINGS,
    TRAILING_BUTTONS, VALUE_STOPS,
};

/// One labelled value in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Credit<'a> {
    pub field: Field,
    /// The raw value after the label and its colon.
    pub value: &'a str,
    /// Byte offset of the label in the line.
    pub start: usize,
    /// Whether the credit stands in brackets, `（记者唐霁）` or `（职工通讯员 苏晓）`.
    pub bracketed: bool,
}

fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：' | '︰')
}

/// Characters that may stand right before a label (sets of characters are arrays: a string's
/// `contains(c)` searches for a CJK character's bytes as a substring, a cost on every character).
fn opens_label(c: char) -> bool {
    const OPENERS: [char; 24] = [
        '(', '（', '[', '【', '|', '丨', '｜', '/', '·', ',', '，', ';', '；', ':', '：', ')', '）', ']', '】', '>',
        '》', '-', '—', '_',
    ];
    is_space(c) || OPENERS.contains(&c) || c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Characters that end a value.
fn ends_value(c: char) -> bool {
    const ENDS: [char; 18] =
        ['|', '丨', '｜', '(', ')', '（', '）', '[', ']', '【', '】', '<', '>', '《', '》', '"', '“', '”'];
    ENDS.contains(&c)
}

/// Every labelled value in `line`; a whole line `name/outlet` gives an author and a source.
#[cfg(test)]
pub fn credits(line: &str) -> Vec<Credit<'_>> {
    let mut labels = Vec::new();
    crate::lexicon::scan_line(line, &mut labels);
    credits_at(line, &labels)
}

/// Every labelled value in `line`, given the labels [`scan_line`](crate::lexicon::scan_line) found
/// in it; a whole line `name/outlet` gives an author and a source.
pub fn credits_at<'a>(line: &'a str, labels: &[LabelMatch]) -> Vec<Credit<'a>> {
    if let Some((name, outlet)) = name_and_outlet(line) {
        return vec![
            Credit { field: Field::Author, value: name, start: 0, bracketed: false },
            Credit { field: Field::Source, value: outlet, start: name.len(), bracketed: false },
        ];
    }
    // label start, value start, field, bracketed, value limit
    let mut found: Vec<(usize, usize, Field, bool, usize)> = Vec::new();
    // counted only when a glued label asks (most lines have none); more than 240 bytes is more than 60 characters
    let short = || line.len() <= 60 || (line.len() <= 240 && line.chars().count() <= 60);
    for m in labels {
        let (word, field) = LABELS[m.label];
        let before = line[..m.start].chars().next_back();
        let rest = &line[m.end..];
        let next = rest.chars().next();
        // reporters may stand in brackets with their names glued on: `（记者唐霁）`
        let reporter = word.ends_with("记者") || word == "通讯员" || word == "实习生";
        // a bracket opened just before, with a role word between: `（职工通讯员 苏晓 林一）`
        let in_bracket = reporter && {
            let head = &line[..m.start];
            // look back at most five characters, so that a long line costs linear time
            head.char_indices().rev().take(5).find(|&(_, c)| c == '(' || c == '（').is_some_and(|(o, c)| {
                let between = &head[o + c.len_utf8()..];
                !between.contains([')', '）'])
            })
        };
        let bracketed = before.is_some_and(|c| c == '(' || c == '（') || in_bracket;
        let after_bar = line[..m.start].trim_end_matches(is_space).ends_with(['|', '｜', '丨']);
        if before.is_some_and(|c| !opens_label(c)) && !in_bracket {
            // labels glued to the word before, on a short byline line only:
            // `来源：某某时报网作者：何平` (a label of two or more characters and a colon),
            // `西川晚报记者 蓝海鸥`, `某某新闻记者 甲乙 丙丁` (an outlet's reporter, then a space)
            let glued = short()
                && word.chars().count() >= 2
                && match next {
                    Some(c) if is_colon(c) => word != "时间" && word != "日期",
                    Some(c) if is_space(c) => word.ends_with("记者"),
                    _ => false,
                };
            if !glued {
                continue;
            }
        }
        let value_start = match next {
            Some(c) if is_colon(c) => m.end + c.len_utf8(),
            // `文/石佳`, `执笔/老周`, `编辑/杜若`: a slash or bar after the label
            Some(c) if ['/', '／', '|', '｜', '丨'].contains(&c) => m.end + c.len_utf8(),
            // a space may follow a label, except labels that are common words in menus and text
            // (`视频 图片 新闻`, `文字 图片`): those need a colon or a slash
            Some(c) if is_space(c) && !NEEDS_COLON.contains(&word) && field != Field::Other => m.end,
            Some(_) if bracketed && reporter => m.end,
            // `信息来源于网络`: a label ending in 于 ("from") takes its value directly
            Some(_) if word.ends_with('于') && field == Field::Source => m.end,
            // fields between bars take their value glued on: `| 来源码林网| 3 条评论| 作者钟文博`
            Some(_) if after_bar && word.chars().count() >= 2 => m.end,
            _ => continue,
        };
        // `某报见习记者 孟川`: what is glued before a reporter label describes the reporter, so the
        // value before it ends at the last space
        if before.is_some_and(|c| !opens_label(c)) && !in_bracket && next.is_some_and(is_space) {
            if let Some(prev) = found.last_mut() {
                let cut = line[prev.1..m.start].trim_start_matches(|c: char| is_space(c) || is_colon(c));
                let keep = cut.rfind(is_space).map_or(0, |i| i);
                prev.4 = m.start - cut.len() + keep;
            }
        }
        found.push((m.start, value_start, field, bracketed, line.len()));
    }
    let mut out = Vec::with_capacity(found.len());
    for (k, &(start, vstart, field, bracketed, cap)) in found.iter().enumerate() {
        let limit = found.get(k + 1).map_or(line.len(), |f| f.0).min(cap);
        let raw = &line[vstart..limit];
        let raw = raw.trim_start_matches(|c: char| is_space(c) || is_colon(c));
        let mut cut = raw.find(ends_value).unwrap_or(raw.len());
        // links copied onto the end of a value: `甲乙 丙丁返回某网，查看更多` (`find_word` builds no
        // searcher, which `str::find` would on every value of every byline line)
        for stop in VALUE_STOPS {
            if let Some(at) = find_word(&raw.as_bytes()[..cut], stop) {
                cut = at;
            }
        }
        let value =
            raw[..cut].trim_matches(|c: char| is_space(c) || ['，', ',', ';', '；', '、', '。', '.'].contains(&c));
        out.push(Credit { field, value, start, bracketed });
    }
    out
}

/// `line.split_once(['/', '／'])`, found by scanning bytes: `/` or the bytes of `／` (`EF BC 8F`).
fn split_slash(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr2(b'/', 0xEF, &bytes[from..]) {
        let i = from + k;
        if bytes[i] == b'/' {
            return Some((&line[..i], &line[i + 1..]));
        }
        if bytes[i + 1..].starts_with(&[0xBC, 0x8F]) {
            return Some((&line[..i], &line[i + 3..]));
        }
        from = i + 1;
    }
    None
}

#[cfg(test)]
#[test]
fn split_slash_is_split_once() {
    for s in ["石佳/中国青年报", "石佳／中国青年报", "，／/", "无斜线，。", "", "/", "a／b/c", "ａ/"]
    {
        assert_eq!(split_slash(s), s.split_once(['/', '／']), "should split {s:?} as split_once does");
    }
}

/// A reprint credit standing alone on its line, `石佳/中国青年报`: a reporter's name (two to four
/// ideographs), a slash, and an outlet whose name ends like a news outlet's (报, 网, 社, 周刊 …).
fn name_and_outlet(line: &str) -> Option<(&str, &str)> {
    let (name, outlet) = split_slash(line)?;
    let (name, outlet) = (name.trim_matches(is_space), outlet.trim_matches(is_space));
    let n = name.chars().count();
    let ok = (2..=4).contains(&n)
        && name.chars().all(|c| matches!(c, '\u{4e00}'..='\u{9fff}'))
        && (2..=15).contains(&outlet.chars().count())
        && !outlet.contains(['/', '／', ' '])
        && MEDIA_ENDINGS.iter().any(|e| outlet.ends_with(e));
    ok.then_some((name, outlet))
}

/// The names in a credit value: `张三、李四`, `张三 李四`, `杨倩_NF4425` → `杨倩`, `Anna Li`.
/// Placeholders (未知, 网络整理), descriptors that end in a role word (某网专栏作者) and
/// organisations (药剂科党支部) are not names.
pub fn names(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    // a Latin name keeps its space: `Anna Li`
    let latin = value.trim();
    if latin.contains(' ')
        && latin.len() <= 30
        && latin.split(' ').filter(|w| !w.is_empty()).count() <= 3
        && latin.chars().all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '.')
    {
        out.push(latin.split_whitespace().collect::<Vec<_>>().join(" "));
        return out;
    }
    let tokens: Vec<&str> =
        value.split(|c: char| is_space(c) || "、，,;；/／&＆".contains(c)).filter(|t| !t.is_empty()).collect();
    let alone = tokens.len() == 1;
    for token in tokens {
        // staff codes appended after an underscore (`杨倩_NF4425`) are not part of the name
        let token = token.split('_').next().unwrap_or("");
        let token = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '·' && c != '•');
        let token = strip_prefixes(token);
        // a handle such as `AB123` standing alone is a name; other digits mean a date, a count or a code
        let handle = alone
            && token.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && token.chars().all(|c| c.is_ascii_alphanumeric());
        if token.is_empty()
            || token.contains([':', '：'])
            || (!handle && token.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)))
            || token.chars().count() > 12
            || TRAILING_BUTTONS.contains(&token)
            || NOT_NAMES.contains(&token)
            || LABELS.iter().any(|(w, _)| token == *w)
            || ROLE_ENDINGS.iter().any(|e| token.ends_with(e))
            || organisation(token)
        {
            continue;
        }
        if !out.iter().any(|n: &String| n == token) {
            out.push(token.to_string());
        }
    }
    out
}

/// Whether a credited word names an organisation: it ends in a word such as 党支部 or 中心, or,
/// four characters or longer, in a one-character ending such as 部 or 局.
fn organisation(token: &str) -> bool {
    let n = token.chars().count();
    ORG_ENDINGS.iter().any(|e| token.ends_with(e) && (e.chars().count() >= 2 || n >= 4))
}

/// Role words that sometimes stand glued before a name (`本报记者张三`).
fn strip_prefixes(token: &str) -> &str {
    for p in ["本报记者", "本台记者", "特约记者", "实习生", "记者", "通讯员", "作者", "编辑"] {
        if let Some(rest) = token.strip_prefix(p) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    token
}

/// The outlet in a source value: its first word, without trailing buttons or punctuation.
pub fn outlet(value: &str) -> Option<String> {
    let word = value.split(|c: char| is_space(c)).find(|w| !w.is_empty())?;
    let mut word = word.trim_matches(|c: char| "，,;；、。.:：".contains(c));
    for b in TRAILING_BUTTONS {
        if let Some(rest) = word.strip_suffix(b) {
            word = rest;
        }
    }
    (!word.is_empty() && word.chars().count() <= 30).then(|| word.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(line: &str) -> Vec<(Field, &str)> {
        credits(line).into_iter().map(|c| (c.field, c.value)).collect()
    }

    #[test]
    fn reads_a_byline_row() {
        assert_eq!(
            fields("作者:张冰明    来源:岳阳日报新媒体中心    发布时间:2017年07月26日    责任编辑:高大智"),
            [
                (Field::Author, "张冰明"),
                (Field::Source, "岳阳日报新媒体中心"),
                (Field::Date, "2017年07月26日"),
                (Field::Editor, "高大智")
            ],
            "should split a row of labelled values"
        );
    }

    #[test]
    fn reads_brackets_and_slashes() {
        assert_eq!(fields("新华社巴黎12月9日电（记者唐霁）法国"), [(Field::Author, "唐霁")], "should read （记者X）");
        assert_eq!(fields("(责编：汤诗瑶、丁涛)"), [(Field::Editor, "汤诗瑶、丁涛")], "should read (责编：…)");
        assert_eq!(fields("文/石佳"), [(Field::Author, "石佳")], "should read 文/");
        assert_eq!(
            fields("编辑：张三 审核：李四"),
            [(Field::Editor, "张三"), (Field::Other, "李四")],
            "should end a value at another role's label"
        );
        assert!(fields("本文为原创文章").is_empty(), "should not take 文 inside a word");
        assert!(fields("记者会上说").is_empty(), "should not take 记者 without a colon or bracket");
        assert!(fields("视频 图片 新闻").is_empty(), "should not take a menu of words as credits");
        assert_eq!(fields("信息来源于网络"), [(Field::Source, "网络")], "should read 来源于 without a colon");
    }

    #[test]
    fn cleans_names_and_outlets() {
        assert_eq!(names("杨倩_NF4425"), ["杨倩"], "should drop a staff code");
        assert_eq!(names("汤诗瑶、丁涛"), ["汤诗瑶", "丁涛"], "should split on 、");
        assert_eq!(outlet("证券市场红周刊 举报").as_deref(), Some("证券市场红周刊"), "should stop at a space");
        assert_eq!(outlet("参考消息举报").as_deref(), Some("参考消息"), "should drop a glued button");
    }
}
