//! Properties every parse must keep, whatever the input.
//!
//! In: generated text — arbitrary Unicode, and pages assembled from the fragments Chinese news pages
//! are made of (labels, dates, punctuation, full-width spaces, mixed line ends, very long lines).
//! Out: nothing; each property fails with a "should …" message and proptest's minimal input.
//! The properties:
//! 1. parsing never panics;
//! 2. every non-blank line becomes exactly one block (but 32 or more noise lines in a row — single
//!    characters, no letter or digit, undecodable or control characters — become one), in order,
//!    and its span is in bounds, non-empty and does not overlap its neighbours;
//! 3. `input.encode_utf16()[start..end]` is the line's text without surrounding white space
//!    (checked against a small independent line splitter written from the documented rules);
//! 4. the same input gives the same Article;
//! 5. every body paragraph and every item title occur verbatim in the input, on one line;
//! 6. the blocks' roles agree with the fields: each paragraph comes from one Body block (less glued
//!    furniture), the title is made of the Title blocks, one ItemTitle block per item, one
//!    SectionHeading block per heading; names, outlets and
//!    path parts are trimmed and non-empty, authors not repeated;
//! 7. a publication date is well-formed ISO 8601 with its fields in range, and a real calendar day.
//!
//! The plain tests at the end feed deterministic pathological inputs (a 1 MB line, 100k blank
//! lines, 100k one-character lines (one block), a byline label on every line) and check the result is sane.

use proptest::prelude::*;
use xinwen::{parse, parse_with, Article, Format, Options, Role};

/// White space as the documented rules define it: Unicode white space, BOM and zero-width space.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// The reference: non-blank lines of `input` (ends at `\n`, `\r\n`, `\r`), trimmed, with UTF-16 spans.
fn reference_lines(input: &str) -> Vec<(&str, usize, usize)> {
    let mut out = Vec::new();
    let mut pos16 = 0;
    let mut rest = input;
    loop {
        let (line, brk, tail) = match rest.find(['\r', '\n']) {
            Some(i) => {
                let brk = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..i], brk, &rest[i + brk..])
            }
            None => (rest, 0, ""),
        };
        let text = line.trim_matches(is_space);
        if !text.is_empty() {
            let lead: usize = line.chars().take_while(|&c| is_space(c)).map(char::len_utf16).sum();
            let start = pos16 + lead;
            out.push((text, start, start + text.encode_utf16().count()));
        }
        pos16 += line.encode_utf16().count() + brk;
        if brk == 0 {
            return out;
        }
        rest = tail;
    }
}

/// The documented noise line: at most 32 bytes, and one character, or no letter or digit, or a
/// U+FFFD or a control character that is not white space.
fn reference_noise(text: &str) -> bool {
    text.len() <= 32
        && (text.chars().count() == 1
            || !text.chars().any(char::is_alphanumeric)
            || text.chars().any(|c| c == '\u{fffd}' || (c.is_control() && !c.is_whitespace())))
}

/// The reference blocks: [`reference_lines`], but 32 or more noise lines in a row are one block,
/// from the first line's text to the last's.
fn reference_blocks(input: &str) -> Vec<(&str, usize, usize)> {
    let lines = reference_lines(input);
    let offset = |t: &str| t.as_ptr() as usize - input.as_ptr() as usize;
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let n = lines[i..].iter().take_while(|l| reference_noise(l.0)).count();
        if n >= 32 {
            let (first, last) = (lines[i], lines[i + n - 1]);
            out.push((&input[offset(first.0)..offset(last.0) + last.0.len()], first.1, last.2));
            i += n;
        } else {
            out.extend(&lines[i..i + n.max(1)]);
            i += n.max(1);
        }
    }
    out
}

/// Whether `s` is `YYYY-MM-DD` or `YYYY-MM-DDThh:mm[:ss]+08:00` with fields in range; with
/// `calendar`, the day must also exist in its month (no 2021-02-31).
fn valid_iso(s: &str, calendar: bool) -> bool {
    let b = s.as_bytes();
    let num =
        |r: std::ops::Range<usize>| s.get(r).filter(|t| t.bytes().all(|c| c.is_ascii_digit()))?.parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let last = if calendar && (1..=12).contains(&m) { days[m as usize - 1] } else { 31 };
    if !(1..=12).contains(&m) || d == 0 || d > last {
        return false;
    }
    let time = &s[10..];
    if time.is_empty() {
        return true;
    }
    let Some(time) = time.strip_prefix('T').and_then(|t| t.strip_suffix("+08:00")) else { return false };
    let parts: Vec<&str> = time.split(':').collect();
    let limits = [23, 59, 59];
    (2..=3).contains(&parts.len())
        && parts.iter().zip(limits).all(|(p, max)| {
            p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()) && p.parse::<u32>().is_ok_and(|v| v <= max)
        })
}

/// Check every property of one parse; a failure names what went wrong.
fn check(input: &str) -> Result<(), TestCaseError> {
    // auto-detection may read markup-like input as HTML: that path never panics and keeps its spans
    // in order inside the input; the line properties below are the text front end's
    let auto = parse(input);
    let units: Vec<u16> = input.encode_utf16().collect();
    for pair in auto.blocks.windows(2) {
        prop_assert!(pair[0].end <= pair[1].start, "auto-detected blocks should be in order: {:?}", pair);
    }
    prop_assert!(auto.blocks.iter().all(|b| b.start < b.end && b.end <= units.len()), "spans should be in bounds");
    let article = parse_text(input);
    let expected = reference_blocks(input);

    prop_assert_eq!(article.blocks.len(), expected.len(), "should make one block per non-blank line or noise run");
    for (i, (block, &(text, start, end))) in article.blocks.iter().zip(&expected).enumerate() {
        prop_assert!(block.start < block.end, "block {} should not be empty: {:?}", i, block);
        prop_assert!(block.end <= units.len(), "block {} should end within the input: {:?}", i, block);
        let slice = String::from_utf16(&units[block.start..block.end]);
        prop_assert!(slice.is_ok(), "block {} should not split a surrogate pair: {:?}", i, block);
        let slice = slice.unwrap();
        prop_assert_eq!(&slice, text, "block {} should span the line's (or the run's) trimmed text", i);
        prop_assert_eq!((block.start, block.end), (start, end), "block {} should have the reference span", i);
    }
    for (i, pair) in article.blocks.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        prop_assert!(a.end < b.start, "blocks {} and {} should be in order with a line break between", i, i + 1);
        let between = String::from_utf16_lossy(&units[a.end..b.start]);
        prop_assert!(between.contains(['\n', '\r']), "blocks {} and {} should be separated by a line end", i, i + 1);
    }

    let again = parse_text(input);
    prop_assert_eq!(&again, &article, "should give the same Article for the same input");

    let one_line = |s: &str| !s.is_empty() && !s.contains(['\n', '\r']) && input.contains(s);
    for (i, p) in article.body.iter().enumerate() {
        prop_assert!(one_line(p), "body paragraph {} should occur verbatim in the input: {:?}", i, p);
    }
    for s in &article.sections {
        for item in &s.items {
            prop_assert!(one_line(&item.title), "an item title should occur in the input: {:?}", item.title);
        }
    }
    // the blocks' roles say where each field came from
    let block_text = |b: &xinwen::Block| String::from_utf16(&units[b.start..b.end]).unwrap_or_default();
    let with_role =
        |role: Role| -> Vec<String> { article.blocks.iter().filter(|b| b.role == role).map(block_text).collect() };
    // a paragraph is its block's text, less any furniture glued to its ends (更多>>, a back link)
    let body_blocks = with_role(Role::Body);
    prop_assert_eq!(body_blocks.len(), article.body.len(), "each paragraph should have one Body block");
    for (block, p) in body_blocks.iter().zip(&article.body) {
        prop_assert!(block.contains(p.as_str()), "a paragraph should come from its Body block: {:?} in {:?}", p, block);
    }
    // a headline or a path broken over lines is joined from several blocks
    let title_blocks = with_role(Role::Title);
    prop_assert_eq!(title_blocks.is_empty(), article.title.is_none(), "a title should come from Title blocks");
    if let Some(title) = &article.title {
        for b in &title_blocks {
            prop_assert!(title.contains(b.as_str()), "each Title block should be part of the title: {:?}", b);
        }
    }
    prop_assert_eq!(
        with_role(Role::Breadcrumb).is_empty(),
        article.breadcrumb.is_empty(),
        "a breadcrumb should come from Breadcrumb blocks, and only then"
    );
    let items: Vec<&xinwen::Item> = article.sections.iter().flat_map(|s| &s.items).collect();
    prop_assert_eq!(with_role(Role::ItemTitle).len(), items.len(), "each item should have one ItemTitle block");
    let summaries: Vec<String> = items.iter().filter_map(|i| i.summary.clone()).collect();
    prop_assert_eq!(with_role(Role::ItemSummary), summaries, "item summaries should be the ItemSummary blocks' text");
    let headed = article.sections.iter().filter(|s| s.heading.is_some()).count();
    prop_assert_eq!(with_role(Role::SectionHeading).len(), headed, "each heading should have its block");

    let clean = |s: &str| !s.is_empty() && s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}') == s;
    for name in article.authors.iter().chain(&article.editors).chain(&article.source).chain(&article.breadcrumb) {
        prop_assert!(clean(name), "a name, outlet or path part should be trimmed and non-empty: {:?}", name);
    }
    let mut names = article.authors.clone();
    names.sort();
    names.dedup();
    prop_assert_eq!(names.len(), article.authors.len(), "should not repeat an author");

    if let Some(date) = &article.published {
        prop_assert!(valid_iso(date, false), "the publication date should be ISO 8601 in range: {:?}", date);
    }
    prop_assert!(serde_json::to_string(&article).is_ok(), "should serialize to JSON");
    for a in [&auto, &article] {
        check_content(a, units.len())?;
    }
    Ok(())
}

/// The typed content and the figures: spans inside the input and in input order; a body has its
/// typed content; the Markdown opens with the headline.
fn check_content(article: &Article, len: usize) -> Result<(), TestCaseError> {
    let spans: Vec<(usize, usize)> = article.content.iter().map(|c| c.span()).collect();
    prop_assert!(
        spans.iter().all(|&(s, e)| s <= e && e <= len),
        "content spans should be inside the input: {:?}",
        spans
    );
    prop_assert!(spans.windows(2).all(|w| w[0].0 <= w[1].0), "content should be in input order: {:?}", spans);
    let figures: Vec<(usize, usize)> = article.figures.iter().map(|f| (f.start, f.end)).collect();
    prop_assert!(figures.iter().all(|&(s, e)| s <= e && e <= len), "figure spans should be inside the input");
    prop_assert!(figures.windows(2).all(|w| w[0].0 <= w[1].0), "figures should be in input order: {:?}", figures);
    prop_assert!(article.body.is_empty() || !article.content.is_empty(), "a body should have its typed content");
    let markdown = article.to_markdown();
    prop_assert!(markdown.ends_with('\n'), "the Markdown should end with a line end");
    if article.title.is_some() {
        prop_assert!(markdown.starts_with("# "), "the Markdown should open with the headline: {:?}", markdown);
    }
    Ok(())
}

/// `cases` cases per property, unless `PROPTEST_CASES` asks for more (or fewer): a deep search is
/// `PROPTEST_CASES=20000 cargo test --test props`. Not `--release` for now: the release profile's
/// `panic = "abort"` builds the library twice (for the binary and, unwinding, for the tests) into one
/// unhashed `libxinwen.rlib` of the cdylib (cargo#6313), so release test builds can fail to compile.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// Pieces of Chinese news pages: labels, names, outlets, dates (real, impossible and near misses),
/// punctuation, brackets, separators, headings, footer words, white space and line ends.
fn fragment() -> impl Strategy<Value = String> {
    let fixed: Vec<&'static str> = vec![
        "来源",
        "来源于",
        "稿件来源",
        "作者",
        "记者",
        "本报记者",
        "通讯员",
        "文",
        "责任编辑",
        "编辑",
        "责编",
        "发布时间",
        "时间",
        "日期",
        "原标题",
        "字号",
        "分享到",
        "相关阅读",
        "热点新闻",
        "最火资讯",
        "更多>>",
        "版权所有",
        "ICP备12345678号",
        "当前位置",
        "首页",
        "正文",
        "岳阳网",
        "新华社",
        "人民日报",
        "张冰明",
        "高大智",
        "王建平、李明",
        "2017年07月26日",
        "2019-12-10 07:57:40",
        "2021/9/3",
        "2017.07.26",
        "2019年06月15日08:18",
        "10时23分",
        "２０１８年１２月０５日",
        "2021年2月31日",
        "2030年13月45日",
        "2021-02-29",
        "1989年1月1日",
        "2017.07.26.1",
        "25:61",
        "9999-99-99",
        ":",
        "：",
        " ",
        "\u{3000}",
        "\u{3000}\u{3000}",
        "\t",
        "\u{a0}",
        "\u{feff}",
        "\u{200b}",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\r\r\n",
        "，",
        "。",
        "！",
        "？",
        "；",
        "、",
        "…",
        "“",
        "”",
        "（",
        "）",
        "(",
        ")",
        "【",
        "】",
        "[",
        "]",
        "》",
        "《",
        ">",
        "> ",
        " / ",
        "»",
        "|",
        "0",
        "7",
        "年",
        "月",
        "日",
        "号",
        "𠀀",
        "😀",
        "é",
        "\u{301}",
        "会议强调，要压紧压实防汛责任，加强巡查值守，确保安全度汛。",
        "7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作。",
        "青山区举办首届农民丰收节",
        "(责编：汤诗瑶、丁涛)",
        "（记者唐霁）",
        "[东湖]张明主持召开东湖镇防汛工作会议",
    ];
    prop_oneof![
        6 => prop::sample::select(fixed).prop_map(str::to_string),
        1 => "[0-9０-９年月日时分秒:：\\-/. ]{1,12}",
        1 => "\\PC{1,8}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// A page-like string: fragments, some of them repeated into long runs.
fn page() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => fragment(),
        1 => (fragment(), 1usize..400).prop_map(|(f, n)| f.repeat(n)),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// A page shaped like the real thing — breadcrumb, headline, byline row, paragraphs, closing credits,
/// trailing sections, footer — each part made of fragments, so the header, body and trailer rules all run.
fn shaped_page() -> impl Strategy<Value = String> {
    let line = || prop::collection::vec(fragment(), 0..6).prop_map(|v| v.concat());
    let credit = || {
        let label = prop::sample::select(vec!["作者", "来源", "记者", "编辑", "责任编辑", "发布时间", "文", "时间"]);
        let colon = prop::sample::select(vec![":", "：", " ", "", "\u{3000}"]);
        (label, colon, line()).prop_map(|(l, c, v)| format!("{l}{c}{v}"))
    };
    let paragraph = prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(vec![
                "会议强调，要压紧压实防汛责任，加强巡查值守，确保安全度汛。",
                "7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作。",
                "陈立新指出，当前全区经济运行总体平稳、稳中有进，但也要清醒看到，部分指标增速放缓。",
            ]).prop_map(str::to_string),
            1 => fragment(),
        ],
        1..12,
    )
    .prop_map(|v| v.concat());
    let heading = prop_oneof![
        3 => prop::sample::select(vec!["相关阅读", "热点新闻", "最火资讯 更多>>", "本地推荐", "图片新闻"]).prop_map(str::to_string),
        1 => fragment(),
    ];
    let end = prop::sample::select(vec!["\n", "\r\n", "\n\n", "\n\u{3000}\u{3000}", "\r"]);
    let parts = (
        prop::option::of(line().prop_map(|l| format!("首页 > {l}"))),
        prop::option::of(line()),
        prop::collection::vec(credit(), 0..4),
        prop::collection::vec(paragraph, 0..8),
        prop::collection::vec(credit(), 0..3),
        prop::collection::vec((prop::option::of(heading), prop::collection::vec(line(), 0..5)), 0..3),
        prop::option::of(line().prop_map(|l| format!("版权所有 {l}"))),
        end,
    );
    parts.prop_map(|(crumb, title, byline, body, credits, sections, footer, end)| {
        let mut lines: Vec<String> = crumb.into_iter().chain(title).collect();
        lines.push(byline.join("  "));
        lines.extend(body);
        lines.extend(credits);
        for (heading, items) in sections {
            lines.extend(heading);
            lines.extend(items);
        }
        lines.extend(footer);
        lines.join(end)
    })
}

/// A page of noise lines (single characters, rules, U+FFFD, control characters) in runs of any
/// length, now and then a line of words, joined by any line end and blank lines.
fn noisy_page() -> impl Strategy<Value = String> {
    let noise =
        prop::sample::select(vec!["字", "›", "a", "7", "★★", "—— ——", "\u{fffd}", "\u{fffd}中", "x\0y", "\u{e600}"]);
    let line = prop_oneof![
        12 => noise.prop_map(str::to_string),
        1 => prop::sample::select(vec!["首页", "新闻中心", "记者从市政府获悉，今年以来经济运行平稳。"]).prop_map(str::to_string),
        1 => "\\PC{1,40}",
    ];
    let end = prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n", " \n\u{3000}"]);
    prop::collection::vec((line, end), 0..150).prop_map(|v| v.into_iter().map(|(l, e)| l + e).collect())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn shaped_pages_keep_the_properties(input in shaped_page()) {
        check(&input)?;
    }

    #[test]
    fn arbitrary_strings_keep_the_properties(input in any::<String>()) {
        check(&input)?;
    }

    #[test]
    fn printable_strings_keep_the_properties(input in "\\PC{0,200}") {
        check(&input)?;
    }

    #[test]
    fn news_like_pages_keep_the_properties(input in page()) {
        check(&input)?;
    }

    #[test]
    fn noisy_pages_keep_the_properties(input in noisy_page()) {
        check(&input)?;
    }

    #[test]
    fn white_space_and_line_ends_alone_make_no_blocks(
        input in prop::collection::vec(prop::sample::select(vec![" ", "\u{3000}", "\t", "\n", "\r", "\r\n", "\u{a0}", "\u{feff}"]), 0..200)
    ) {
        let input = input.concat();
        check(&input)?;
        let article = parse_text(&input);
        prop_assert!(article.blocks.is_empty(), "should make no block from white space alone");
        prop_assert!(article.title.is_none() && article.body.is_empty(), "should find nothing in white space");
    }

    #[test]
    fn punctuation_alone_keeps_the_properties(
        input in prop::collection::vec(prop::sample::select(vec!["，", "。", "！", "？", "：", ":", "、", "（", "）", "【", "】", ">", "/", "\n", "\r\n"]), 0..300)
    ) {
        check(&input.concat())?;
    }

    #[test]
    fn a_sample_page_with_fragments_spliced_in_keeps_the_properties(
        at in 0usize..2000, insert in page()
    ) {
        let sample = include_str!("../www/samples/county-meeting.txt");
        let mut at = at.min(sample.len());
        while !sample.is_char_boundary(at) {
            at -= 1;
        }
        check(&format!("{}{}{}", &sample[..at], insert, &sample[at..]))?;
    }
}

proptest! {
    // multi-line pages cost more per case: fewer cases keep the debug suite quick
    #![proptest_config(config(128))]

    #[test]
    fn news_like_lines_keep_the_properties(lines in prop::collection::vec(page(), 0..12)) {
        check(&lines.join("\n"))?;
    }

    /// Regression: the date reader once took any day 1..=31 whatever the month, so
    /// `2021年2月31日来源来源` gave `published: "2021-02-31"`.
    #[test]
    fn published_dates_are_real_calendar_days(lines in prop::collection::vec(page(), 0..6)) {
        let article = parse(&lines.join("\n"));
        if let Some(date) = &article.published {
            prop_assert!(valid_iso(date, true), "the publication date should be a real calendar day: {:?}", date);
        }
    }
}

#[test]
fn an_impossible_day_is_not_a_publication_date() {
    for day in ["2021年2月31日", "2021-02-29", "2021年4月31日"] {
        let article = parse(&format!("标题在这里的一行\n发布时间:{day}\n"));
        assert!(
            article.published.as_deref().map_or(true, |d| valid_iso(d, true)),
            "should not publish the impossible day {day} as {:?}",
            article.published
        );
    }
}

/// Parse and check the properties once, outside proptest.
fn checked(input: &str) -> Article {
    if let Err(e) = check(input) {
        panic!("should keep the properties: {e}");
    }
    parse_text(input)
}

/// Parse as a page's text, whatever the input looks like.
fn parse_text(input: &str) -> Article {
    parse_with(input, &Options { format: Format::Text, ..Options::default() })
}

#[test]
fn a_one_megabyte_line_is_one_block() {
    let line = "会议强调，要压紧压实防汛责任，加强巡查值守，确保安全度汛。".repeat(12_000);
    assert!(line.len() > 1_000_000, "the input should exceed 1 MB");
    let article = checked(&line);
    assert_eq!(article.blocks.len(), 1, "should make one block of one line");
    assert_eq!(article.blocks[0].end, line.encode_utf16().count(), "should span the whole line");
    assert!(article.body.len() <= 1, "should make at most one paragraph of one line");
}

#[test]
fn a_one_megabyte_line_without_punctuation_is_one_block() {
    let line = "字".repeat(400_000);
    let article = checked(&line);
    assert_eq!(article.blocks.len(), 1, "should make one block of one line");
    assert!(article.title.is_none(), "should not take a 400,000-character line for a headline");
}

#[test]
fn a_hundred_thousand_blank_lines_make_nothing() {
    let input = "\n".repeat(50_000) + &" \u{3000}\r\n".repeat(50_000);
    let article = checked(&input);
    assert!(article.blocks.is_empty(), "should make no blocks");
    assert!(article.title.is_none() && article.body.is_empty(), "should find neither title nor body");
    let codes: Vec<&str> = article.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"no-title") && codes.contains(&"no-body"), "should say what is missing: {codes:?}");
}

#[test]
fn a_hundred_thousand_one_character_lines_make_one_block() {
    let input = "字\n".repeat(100_000);
    let article = checked(&input);
    assert_eq!(article.blocks.len(), 1, "should make one block of the run");
    assert_eq!((article.blocks[0].start, article.blocks[0].end), (0, 199_999), "should span the run");
    assert_eq!(article.blocks[0].role, Role::Navigation, "should read the run as page furniture");
    assert!(article.body.is_empty(), "should find no prose in one-character lines");
}

#[test]
fn one_character_lines_short_of_a_run_make_a_block_each() {
    // 31 one-character lines, a word, 31 more: never 32 noise lines in a row
    let input = format!("{}新闻\n{}", "字\n".repeat(31), "›\n".repeat(31));
    let article = checked(&input);
    assert_eq!(article.blocks.len(), 63, "should make one block per line");
}

#[test]
fn a_label_on_every_line_gives_one_value_each() {
    let input = "作者:张冰明    来源:岳阳日报    发布时间:2017年07月26日\n责任编辑:高大智\n".repeat(30_000);
    let article = checked(&input);
    assert_eq!(article.blocks.len(), 60_000, "should make one block per line");
    assert!(article.authors.len() <= 1, "should not repeat an author: {:?}", article.authors);
    assert!(article.editors.len() <= 1, "should not repeat an editor: {:?}", article.editors);
    assert!(article.body.is_empty(), "should find no prose in byline rows");
}

#[test]
fn prose_and_credits_alternating_stay_sane() {
    // a body run with a credit between every two paragraphs: the credits sit inside the body run
    let unit = "7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作,确保全面完成全年目标任务。\
                7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作,确保全面完成全年目标任务。\n\
                责任编辑:高大智\n";
    let input = unit.repeat(20_000);
    let article = checked(&input);
    assert_eq!(article.blocks.len(), 40_000, "should make one block per line");
    assert!(article.editors.len() <= 1, "should not repeat an editor: {:?}", article.editors);
}

#[test]
fn lone_full_width_spaces_and_mixed_line_ends() {
    let input = "\u{3000}\r\n\u{3000}\r标题在这里的一行\r\n\u{3000}\u{3000}\n\r\n\u{3000}正文。\u{3000}\r";
    let article = checked(input);
    assert_eq!(article.blocks.len(), 2, "should make blocks of the two lines with text only");
}
