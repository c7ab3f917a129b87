//! The pathological inputs, shared by the tests (`tests/pathological.rs`, at a size that runs
//! quickly in a debug build) and the benchmark (`examples/pathological.rs`, at full size).
//!
//! In: a scale, the divisor of the full sizes (1 = the benchmark's full sizes). Out: named inputs, each
//! with the format it is parsed as. Every input is deterministic.

#![allow(dead_code)]

/// How a case is handed to the parser.
pub enum Input {
    /// `parse_with` with `Format::Text`.
    Text(String),
    /// `parse_with` with `Format::Html`.
    Html(String),
    /// `parse_bytes` (decoding first).
    Bytes(Vec<u8>),
}

impl Input {
    /// The input's size in bytes.
    pub fn len(&self) -> usize {
        match self {
            Input::Text(s) | Input::Html(s) => s.len(),
            Input::Bytes(b) => b.len(),
        }
    }

    /// Parse it the way its kind says.
    pub fn parse(&self) -> xinwen::Article {
        let with = |format| xinwen::Options { format, ..Default::default() };
        match self {
            Input::Text(s) => xinwen::parse_with(s, &with(xinwen::Format::Text)),
            Input::Html(s) => xinwen::parse_with(s, &with(xinwen::Format::Html)),
            Input::Bytes(b) => xinwen::parse_bytes(b),
        }
    }
}

/// A sentence of body prose, 60 characters, ending in a full stop.
pub const PROSE: &str = "记者从市政府新闻办获悉，今年以来全市经济运行总体平稳，重点项目建设加快推进，民生保障持续加强，各项工作取得新进展。";

/// One line of `n` bytes (rounded down to whole characters) of body prose and nothing else.
pub fn single_line(n: usize) -> Input {
    Input::Text(
        PROSE
            .repeat(n / PROSE.len() + 1)
            .chars()
            .scan(0, |len, c| {
                *len += c.len_utf8();
                (*len <= n).then_some(c)
            })
            .collect(),
    )
}

/// `n` blank lines (line feeds only).
pub fn blank_lines(n: usize) -> Input {
    Input::Text("\n".repeat(n))
}

/// `n` lines of one Han character each.
pub fn one_char_lines(n: usize) -> Input {
    Input::Text("字\n".repeat(n))
}

/// A headline and a paragraph inside `n` nested `<div>`s.
pub fn nested_divs(n: usize) -> Input {
    let mut s = String::from("<!doctype html><html><head><title>深度嵌套的页面标题</title></head><body>");
    s.push_str(&"<div>".repeat(n));
    s.push_str("<h1>深度嵌套的页面标题</h1><p>");
    s.push_str(PROSE);
    s.push_str("</p>");
    s.push_str(&"</div>".repeat(n));
    s.push_str("</body></html>");
    Input::Html(s)
}

/// `n` paragraphs opened with `<p>` and never closed, each a sentence of prose.
pub fn unclosed_paragraphs(n: usize) -> Input {
    // a lead of its own: a first paragraph that recurs later reads as a pull quote, not the lead
    let mut s = String::from("<html><body><h1>未闭合段落的页面</h1><p>");
    s.push_str(LEAD);
    for _ in 1..n {
        s.push_str("<p>");
        s.push_str(PROSE);
    }
    Input::Html(s)
}

/// A lead paragraph unlike [`PROSE`].
pub const LEAD: &str = "本报讯 连日来，城区各街道组织志愿者走进社区，开展环境整治和文明宣传活动，受到居民欢迎。";

/// A paragraph whose element carries an attribute value of `n` bytes.
pub fn huge_attribute(n: usize) -> Input {
    let mut s = String::from("<html><body><h1>超长属性的页面标题</h1><div data-x=\"");
    s.push_str(&"a".repeat(n));
    s.push_str("\"><p>");
    s.push_str(PROSE);
    s.push_str("</p></div></body></html>");
    Input::Html(s)
}

/// `n` `<` characters, as HTML.
pub fn only_less_than(n: usize) -> Input {
    Input::Html("<".repeat(n))
}

/// `n` `<` characters, as text.
pub fn only_less_than_text(n: usize) -> Input {
    Input::Text("<".repeat(n))
}

/// The date shapes the date extractor reads, each with and without a label.
pub const DATES: &[&str] = &[
    "2024年1月2日",
    "2024年01月02日 08:30",
    "2024-01-02",
    "2024-01-02 08:30:15",
    "2024/1/2 8:30",
    "2024.01.02",
    "01-02 08:30",
    "1月2日",
    "发布时间：2024-01-02 08:30",
    "来源：新华社 2024年1月2日",
    "二〇二四年一月二日",
    "20240102",
    "2024-13-45",
    "9999年99月99日",
];

/// Every date shape repeated `n` times: one shape after another on a line, one line per repeat.
pub fn dates_lines(n: usize) -> Input {
    let line = DATES.join(" ");
    Input::Text((line + "\n").repeat(n))
}

/// Every date shape repeated `n` times on a single line.
pub fn dates_one_line(n: usize) -> Input {
    Input::Text(DATES.join(" ").repeat(n))
}

/// `n` NUL bytes.
pub fn nul_bytes(n: usize) -> Input {
    Input::Bytes(vec![0; n])
}

/// `n` bytes that are not UTF-8 nor any legacy encoding's text: lone continuation bytes, 0xFF,
/// truncated sequences, mixed with line feeds and a little Chinese.
pub fn invalid_utf8(n: usize) -> Input {
    let unit: &[u8] = b"\x80\xff\xfe\xc3\n\xe4\xb8\n\xf0\x9f\x98\x00\xe4\xb8\xad\xed\xa0\x80";
    Input::Bytes(unit.iter().copied().cycle().take(n).collect())
}

/// The same byline label on each of `n` lines.
pub fn repeated_byline(n: usize) -> Input {
    Input::Text("作者：张三 来源：本报 责任编辑：李四\n".repeat(n))
}

/// Every case at the full sizes divided by `scale`, with its name.
pub fn all(scale: usize) -> Vec<(&'static str, Input)> {
    vec![
        ("10 MB single line", single_line(10_000_000 / scale)),
        ("1M blank lines", blank_lines(1_000_000 / scale)),
        ("1M one-char lines", one_char_lines(1_000_000 / scale)),
        ("100k nested <div>s", nested_divs(100_000 / scale)),
        ("100k unclosed <p>s", unclosed_paragraphs(100_000 / scale)),
        ("1 MB attribute", huge_attribute(1_000_000 / scale)),
        ("1 MB of '<' (HTML)", only_less_than(1_000_000 / scale)),
        ("1 MB of '<' (text)", only_less_than_text(1_000_000 / scale)),
        ("dates x100k, lines", dates_lines(100_000 / scale)),
        ("dates x100k, one line", dates_one_line(100_000 / scale)),
        ("1 MB NUL bytes", nul_bytes(1_000_000 / scale)),
        ("1 MB invalid UTF-8", invalid_utf8(1_000_000 / scale)),
        ("byline x100k lines", repeated_byline(100_000 / scale)),
    ]
}

/// Inputs beyond the budgeted list, measured to show where the budgets stop holding: short lines
/// that are words (each keeps its own record and block), and one-character HTML paragraphs.
pub fn beyond(scale: usize) -> Vec<(&'static str, Input)> {
    vec![
        ("1M two-char lines", Input::Text("字字\n".repeat(1_000_000 / scale))),
        ("1M lines, a char and a word by turns", Input::Text("字\n新闻\n".repeat(500_000 / scale))),
        ("300k one-char <p>s (HTML)", Input::Html("<p>字".repeat(300_000 / scale))),
    ]
}
