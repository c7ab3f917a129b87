//! Credits: authors, source and editors from labelled lines.
//!
//! In: one line. Out: the labelled values in it ([`Credit`]), and helpers that turn a value into
//! names ([`names`]) or an outlet ([`outlet`]).
//! Rules: a label ([`LABELS`], in simplified and traditional script) counts where it starts the
//! line or follows a space or a bracket or separator, and is followed by a colon (either width) or a
//! space — `作者:张冰明    来源:岳阳日报新媒体中心`; a reporter label right after an opening bracket
//! may take the name directly — `（记者唐霁）`; so may one whose names run on to a slash and where
//! the report was filed — `記者王小明／台北報導`, `記者王小明、李大同／綜合報導` — or into an agency's
//! dateline — `中央社記者王小明台北10日電`, whose value ends with the names (see [`dateline_names`]);
//! the one-character label 文 needs a colon or a slash — `文/石佳`. A value runs to the next label
//! or to a bracket, bar or line end. A line that is only `name/outlet` (`石佳/中国青年报`) credits an
//! author and a source; one that is only `names／place報導`, perhaps bracketed, an author.
//! Names are split at spaces, 、, commas and slashes (`/`, `／`, and `∕`, which Big5's full-width
//! slash decodes to); what ends in 报道 / 報導 ([`REPORT_ENDINGS`]) is the place filed from, and
//! placeholders, role words and organisations are no names.
//! References: the byline conventions of mainland portals (作者/来源/责任编辑 rows), of Taiwanese
//! and Hong Kong papers (記者某某／台北報導) and of wire agencies (中央社記者某某台北10日電); WHATWG
//! Encoding for Big5's decoding.

use crate::blocks::{is_cjk, is_space};
use crate::lexicon::{
    find_word, Field, LabelMatch, LABELS, MEDIA_ENDINGS, NAME_PREFIXES, NEEDS_COLON, NOT_NAMES, ORG_ENDINGS,
    REPORT_ENDINGS, ROLE_ENDINGS, TRAILING_BUTTONS, VALUE_STOPS, WEEKDAYS,
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
    const OPENERS: [char; 26] = [
        '(', '（', '[', '【', '|', '丨', '｜', '/', '／', '∕', '·', ',', '，', ';', '；', ':', '：', ')', '）', ']',
        '】', '>', '》', '-', '—', '_',
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
    // a whole line `name/outlet` or `names／place報導`: both hold a slash, which most lines lack
    if let Some((before, after)) = split_slash(line) {
        if let Some((name, outlet)) = name_and_outlet(before, after) {
            return vec![
                Credit { field: Field::Author, value: name, start: 0, bracketed: false },
                Credit { field: Field::Source, value: outlet, start: name.len(), bracketed: false },
            ];
        }
        if let Some((value, bracketed)) = filed_line(line) {
            let start = value.as_ptr() as usize - line.as_ptr() as usize;
            return vec![Credit { field: Field::Author, value, start, bracketed }];
        }
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
        let reporter = reporter(word);
        // or glue their names on before where they filed from: `記者王小明／台北報導`, or in an
        // agency's dateline, `中央社記者王小明台北10日電` (the value ends with the names)
        let glued_name = reporter && next.is_some_and(is_cjk);
        let filed = glued_name && filed(rest);
        let agency = if glued_name { dateline_names(rest) } else { None };
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
            // `中央社記者王小明台北10日電`: an agency's reporter in its dateline, however long the line
            let glued = (short()
                && word.chars().count() >= 2
                && match next {
                    Some(c) if is_colon(c) => !["时间", "時間", "日期"].contains(&word),
                    Some(c) if is_space(c) => word.ends_with("记者") || word.ends_with("記者"),
                    _ => false,
                })
                || (agency.is_some() && outlet_before(&line[..m.start]));
            if !glued {
                continue;
            }
        }
        let value_start = match next {
            Some(c) if is_colon(c) => m.end + c.len_utf8(),
            // `文/石佳`, `执笔/老周`, `编辑/杜若`: a slash or bar after the label
            Some(c) if ['/', '／', '∕', '|', '｜', '丨'].contains(&c) => m.end + c.len_utf8(),
            // a space may follow a label, except labels that are common words in menus and text
            // (`视频 图片 新闻`, `文字 图片`): those need a colon or a slash
            Some(c) if is_space(c) && !NEEDS_COLON.contains(&word) && field != Field::Other => m.end,
            Some(_) if bracketed && reporter => m.end,
            Some(_) if filed || agency.is_some() => m.end,
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
        found.push((m.start, value_start, field, bracketed, agency.map_or(line.len(), |n| m.end + n)));
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

/// The slashes credits are split at: ASCII, full-width, and the division slash `∕` that Big5's
/// full-width slash decodes to (WHATWG Encoding, Big5 index: `A2 41` is U+2215).
const SLASHES: [char; 3] = ['/', '／', '∕'];

/// `line.split_once(SLASHES)`, found by scanning bytes: `/`, or the bytes of `／` (`EF BC 8F`) or
/// `∕` (`E2 88 95`).
fn split_slash(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr3(b'/', 0xEF, 0xE2, &bytes[from..]) {
        let i = from + k;
        if bytes[i] == b'/' {
            return Some((&line[..i], &line[i + 1..]));
        }
        if bytes[i + 1..].starts_with(&[0xBC, 0x8F]) || bytes[i + 1..].starts_with(&[0x88, 0x95]) {
            return Some((&line[..i], &line[i + 3..]));
        }
        from = i + 1;
    }
    None
}

#[cfg(test)]
#[test]
fn split_slash_is_split_once() {
    for s in ["石佳/中国青年报", "石佳／中国青年报", "石佳∕某报", "，／/", "无斜线，。", "", "/", "a／b/c", "ａ/", "∈∕"]
    {
        assert_eq!(split_slash(s), s.split_once(SLASHES), "should split {s:?} as split_once does");
    }
}

/// Whether `word` labels a reporter: …记者, …記者, 通讯员, 实习生 and their traditional forms.
fn reporter(word: &str) -> bool {
    word.ends_with("记者") || word.ends_with("記者") || ["通讯员", "通訊員", "实习生", "實習生"].contains(&word)
}

/// The run of ideographs and 、 that opens `s`, up to 21 characters (names and a place fit in
/// fewer; a long line costs no more): its length in bytes.
fn names_at(s: &str) -> usize {
    let mut end = 0;
    for (i, c) in s.char_indices().take(21) {
        if !(is_cjk(c) || c == '、') {
            return i;
        }
        end = i + c.len_utf8();
    }
    end
}

/// Names of two to four ideographs, separated by 、: `王小明`, `王小明、李大同`.
fn name_list(s: &str) -> bool {
    !s.is_empty() && s.split('、').all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(is_cjk))
}

/// Names, a slash and where the report was filed from, as Taiwanese and Hong Kong papers credit
/// their reporters: `王小明／台北報導`, `王小明、李大同／綜合報導` (the place ends in
/// [`REPORT_ENDINGS`]; a bracket or the text's end closes it).
pub fn filed(s: &str) -> bool {
    let (names, rest) = s.split_at(names_at(s));
    let Some(place) = rest.strip_prefix(SLASHES) else { return false };
    // the place runs to a bracket, a space or the end, within 12 characters
    let end = place.char_indices().take(13).find(|&(_, c)| ends_value(c) || is_space(c)).map(|(i, _)| i);
    let place = match end {
        Some(i) => &place[..i],
        None if place.chars().nth(12).is_none() => place,
        None => return false,
    };
    name_list(names) && place.chars().count() >= 2 && REPORT_ENDINGS.iter().any(|e| place.ends_with(e))
}

/// A line that is only a filed credit, perhaps in brackets: `王煌忠／台中報導`, `（王小明／台北報導）`;
/// its value and whether it is bracketed.
fn filed_line(line: &str) -> Option<(&str, bool)> {
    if line.len() > 120 {
        return None;
    }
    let inner = line.strip_prefix(['(', '（']).and_then(|r| r.strip_suffix([')', '）']));
    let value = inner.unwrap_or(line).trim_matches(is_space);
    let alone = !value.contains(ends_value) && !value.contains(is_space);
    (alone && filed(value)).then_some((value, inner.is_some()))
}

/// The names at the start of an agency's dateline after a reporter label — `王小明台北10日電`,
/// `王小明、李大同台北10日電`: the names, the place, the day and 電 (电) — as their length in bytes.
/// A name has two or three characters: the last name before the place takes three when at least
/// two remain for the place, else two (`陳均台北` → 陳均; a two-character name before a place of
/// three or more, `陳均華盛頓`, reads wrong).
pub fn dateline_names(rest: &str) -> Option<usize> {
    let (names, tail) = rest.split_at(names_at(rest));
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let digits = tail.char_indices().take(3).find(|&(_, c)| !is_digit(c)).map(|(i, _)| i)?;
    let n = tail[..digits].chars().count();
    if !(1..=2).contains(&n) || !["日電", "日电"].iter().any(|m| tail[digits..].starts_with(m)) {
        return None;
    }
    let (others, last) = names.rsplit_once('、').map_or(("", names), |(o, l)| (o, l));
    let len = last.chars().count();
    let name = match len {
        4 => 2,
        5..=7 => 3,
        _ => return None,
    };
    if !others.is_empty() && !name_list(others) {
        return None;
    }
    let cut = last.char_indices().nth(name).map_or(last.len(), |(i, _)| i);
    Some(names.len() - last.len() + cut)
}

/// Whether the words before a label end in an outlet's name (`中央社`, `某某日報`).
fn outlet_before(head: &str) -> bool {
    let start =
        head.char_indices().rev().take(12).take_while(|&(_, c)| is_cjk(c)).last().map_or(head.len(), |(i, _)| i);
    let word = &head[start..];
    word.chars().count() >= 2 && MEDIA_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// A reprint credit standing alone on its line, `石佳/中国青年报`: a reporter's name (two to four
/// ideographs), a slash, and an outlet whose name ends like a news outlet's (报, 网, 社, 周刊 …); the
/// line's parts before and after its first slash.
fn name_and_outlet<'a>(name: &'a str, outlet: &'a str) -> Option<(&'a str, &'a str)> {
    let (name, outlet) = (name.trim_matches(is_space), outlet.trim_matches(is_space));
    let n = name.chars().count();
    let ok = (2..=4).contains(&n)
        && name.chars().all(|c| matches!(c, '\u{4e00}'..='\u{9fff}'))
        && (2..=15).contains(&outlet.chars().count())
        && !outlet.contains(['/', '／', '∕', ' '])
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
    let tokens: Vec<&str> = value
        .split(|c: char| is_space(c) || "、，,;；&＆".contains(c) || SLASHES.contains(&c))
        .filter(|t| !t.is_empty())
        .collect();
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
            || WEEKDAYS.contains(&token)
            // a Chinese name has two to four characters: a longer run of Han among names is the
            // text after them (`比如农业政策`), though a pen name alone may be longer
            || (!alone && token.chars().count() > 4 && token.chars().all(is_cjk))
            || LABELS.iter().any(|(w, _)| token == *w)
            || ROLE_ENDINGS.iter().any(|e| token.ends_with(e))
            // where the report was filed: `台北報導`, `山东冠县报道`
            || REPORT_ENDINGS.iter().any(|e| token.ends_with(e))
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

/// Role words that sometimes stand glued before a name (`本报记者张三`, [`NAME_PREFIXES`]).
fn strip_prefixes(token: &str) -> &str {
    for p in NAME_PREFIXES {
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

    #[test]
    fn names_end_where_the_row_goes_on() {
        assert_eq!(names("林远 星期二"), ["林远"], "should not read a weekday as a name");
        assert_eq!(names("林远 分享到 我要 赞赏"), ["林远"], "should not read the row's buttons as names");
        assert_eq!(
            names("林远、陈小青 比如市场行情"),
            ["林远", "陈小青"],
            "should not read a long run of Han as a name"
        );
        assert_eq!(names("欧阳晓明"), ["欧阳晓明"], "should keep a four-character name");
        assert_eq!(names("海边的小城故事"), ["海边的小城故事"], "should keep a pen name standing alone");
    }

    /// The names the credits of `line` give for `field`, as the extractor reads them.
    fn named(line: &str, field: Field) -> Vec<String> {
        credits(line).into_iter().filter(|c| c.field == field).flat_map(|c| names(c.value)).collect()
    }

    /// Pieces of every credit form.
    const PIECES: &[&str] = &[
        "記者",
        "记者",
        "作者",
        "來源",
        "責任編輯",
        "：",
        " ",
        "／",
        "/",
        "∕",
        "、",
        "（",
        "）",
        "王小明",
        "李",
        "台北",
        "報導",
        "报道",
        "中央社",
        "10",
        "１０",
        "日電",
        "日电",
        "某某報",
        "𠮷",
        "，",
        "文",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn any_mix_of_credit_pieces_gives_values_from_the_line(picks in proptest::collection::vec(0..PIECES.len(), 0..30)) {
            let line: String = picks.iter().map(|&i| PIECES[i]).collect();
            let (from, to) = (line.as_ptr() as usize, line.as_ptr() as usize + line.len());
            for c in credits(&line) {
                let at = c.value.as_ptr() as usize;
                proptest::prop_assert!(at >= from && at + c.value.len() <= to, "a value should be a slice of the line");
                for n in names(c.value) {
                    proptest::prop_assert!(!n.is_empty() && line.contains(&n), "a name should come from the line");
                }
            }
        }
    }

    #[test]
    fn reads_traditional_labels() {
        assert_eq!(fields("來源：中央社"), [(Field::Source, "中央社")], "should read 來源");
        assert_eq!(fields("責任編輯：林小華"), [(Field::Editor, "林小華")], "should read 責任編輯");
        assert_eq!(fields("編輯：林小華"), [(Field::Editor, "林小華")], "should read 編輯");
        assert_eq!(fields("作者：陳大文"), [(Field::Author, "陳大文")], "should read 作者");
        assert_eq!(
            fields("作者：陳大文　來源：某某日報　發布時間：2019-12-10"),
            [(Field::Author, "陳大文"), (Field::Source, "某某日報"), (Field::Date, "2019-12-10")],
            "should split a row of traditional labels"
        );
        assert_eq!(fields("出版時間：2016/05/21 11:44"), [(Field::Date, "2016/05/21 11:44")], "should read 出版時間");
        assert_eq!(
            fields("編輯：林小華 審核：張一"),
            [(Field::Editor, "林小華"), (Field::Other, "張一")],
            "should end a value at a traditional role's label"
        );
    }

    #[test]
    fn reads_a_reporter_and_where_the_report_was_filed() {
        assert_eq!(named("記者王小明／台北報導", Field::Author), ["王小明"], "should drop the place");
        assert_eq!(named("記者王小明、李大同／綜合報導", Field::Author), ["王小明", "李大同"], "should split on 、");
        assert_eq!(named("记者王小明/北京报道", Field::Author), ["王小明"], "should read the simplified form");
        assert_eq!(
            named("2019-03-18 23:59某某報 記者陳大文／桃園機場報導", Field::Author),
            ["陳大文"],
            "should read it after a date and an outlet"
        );
        assert_eq!(named("（記者王小明／台北報導）", Field::Author), ["王小明"], "should read it in brackets");
        assert_eq!(named("记者 彭一 山东某县报道", Field::Author), ["彭一"], "should drop a place after a space");
        assert!(credits("記者會今天舉行").is_empty(), "should not read 記者會 as a credit");
    }

    #[test]
    fn reads_a_filed_credit_standing_alone() {
        let c = credits("王煌忠／台中報導");
        assert_eq!(c.len(), 1, "should read one credit");
        assert_eq!(
            (c[0].field, names(c[0].value)),
            (Field::Author, vec!["王煌忠".to_string()]),
            "should name the reporter"
        );
        let c = credits("（王小明、李大同／綜合報導）");
        assert!(c[0].bracketed, "should know it is bracketed");
        assert_eq!(names(c[0].value), ["王小明", "李大同"], "should name both reporters");
        assert!(credits("社會中心／綜合報導").iter().all(|c| names(c.value).is_empty()), "should name no desk");
        assert!(credits("台北／高雄報導很多").is_empty(), "should need a place ending the line");
        assert!(
            filed("王小明／台北報導") && !filed("王小明／台北") && !filed("王小明台北報導"),
            "should need the slash and 報導"
        );
    }

    #[test]
    fn reads_an_agency_reporter_in_a_dateline() {
        assert_eq!(named("中央社記者王小明台北10日電", Field::Author), ["王小明"], "should cut the place and day");
        assert_eq!(
            named("（中央社記者王小明台北10日電）今天天氣晴朗，民眾外出踏青。", Field::Author),
            ["王小明"],
            "should read it at the head of a lead"
        );
        assert_eq!(
            named("中央社記者王小明、李大同東京１０日電", Field::Author),
            ["王小明", "李大同"],
            "should read two reporters and full-width digits"
        );
        assert_eq!(named("某某社記者陳均台北3日電", Field::Author), ["陳均"], "should read a two-character name");
        assert!(named("記者王小明台北", Field::Author).is_empty(), "should need the day and 電");
        let c = credits("中央社記者王小明台北10日電");
        assert_eq!(c[0].value, "王小明", "should end the value with the names");
    }
}
