//! Article → Markdown.
//!
//! In: an [`Article`]. Out: a CommonMark document (with GitHub's pipe tables): the headline as a
//! level-1 heading, a line of metadata (authors, source, publication time, site), then the content
//! block by block ([`Article::content`]; the body's paragraphs when an Article has no content).
//! Rules:
//! - paragraphs as paragraphs; subheadings as level-2 headings; lists as `-` or `1.` lists; quotes as
//!   `>` blocks; tables as pipe tables, the first row the header; code in a fence longer than any run
//!   of backticks inside it; a figure as `![alt](src)` and its caption, in emphasis, as the next
//!   paragraph (a figure without a source, from text, is its caption alone);
//! - the page's text is escaped: every ASCII character that could open or close Markdown syntax
//!   (`\ ` * _ [ ] < > ~ |`, `&` that would start a character reference) gets a backslash, and so does what would start a
//!   block at a line's start (`#`, `+`, `-`, `=`, `1.`, `1)`): the rendered document shows the text as
//!   the page wrote it;
//! - blocks are separated by a blank line; the document ends with a line break.
//!
//! References: CommonMark 0.31 (backslash escapes §2.4, link destinations §6.3, fenced code §4.5),
//! GitHub Flavored Markdown's tables.

use crate::article::{Article, Content, Figure};
use crate::lexicon::{MARKDOWN_AUTHORS, MARKDOWN_SOURCE};

/// The article as Markdown (see the module rules).
///
/// ```
/// let article = xinwen::parse("青川举办首届农民丰收节\n作者：李晓东 来源：青川日报\n\n\
///     9月23日，青川市首届农民丰收节在东湖镇开幕，来自全市的两百多家农户参加了展销活动。\n");
/// let md = xinwen::to_markdown(&article);
/// assert!(md.starts_with("# 青川举办首届农民丰收节\n\n作者：李晓东 · 来源：青川日报\n\n9月23日"));
/// ```
pub fn to_markdown(article: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = &article.title {
        out.push_str("# ");
        out.push_str(&heading(&title.replace('\n', " ")));
        out.push_str("\n\n");
    }
    let meta = metadata(article);
    if !meta.is_empty() {
        out.push_str(&meta);
        out.push_str("\n\n");
    }
    if article.content.is_empty() {
        for p in &article.body {
            out.push_str(&escape(p));
            out.push_str("\n\n");
        }
    }
    for block in &article.content {
        block_to(&mut out, block);
        out.push_str("\n\n");
    }
    let end = out.trim_end_matches('\n').len();
    out.truncate(end);
    out.push('\n');
    out
}

impl Article {
    /// The article as Markdown: [`to_markdown`].
    pub fn to_markdown(&self) -> String {
        to_markdown(self)
    }
}

/// The line of metadata: `作者：…、… · 来源：… · 2024-06-20 · 某某网`, the parts the article has.
fn metadata(a: &Article) -> String {
    let mut parts = Vec::new();
    if !a.authors.is_empty() {
        parts.push(format!("{MARKDOWN_AUTHORS}：{}", escape(&a.authors.join("、"))));
    }
    if let Some(s) = &a.source {
        parts.push(format!("{MARKDOWN_SOURCE}：{}", escape(s)));
    }
    if let Some(p) = &a.published {
        parts.push(escape(p));
    }
    if let Some(s) = &a.site {
        parts.push(escape(s));
    }
    parts.join(" · ")
}

fn block_to(out: &mut String, block: &Content) {
    match block {
        Content::Paragraph { text, .. } => out.push_str(&escape(text)),
        Content::Subheading { text, .. } => {
            out.push_str("## ");
            out.push_str(&heading(text));
        }
        Content::List { ordered, items, .. } => {
            for (k, item) in items.iter().enumerate() {
                if k > 0 {
                    out.push('\n');
                }
                if *ordered {
                    out.push_str(&format!("{}. ", k + 1));
                } else {
                    out.push_str("- ");
                }
                out.push_str(&escape(item));
            }
        }
        Content::Quote { text, .. } => {
            for (k, line) in text.lines().enumerate() {
                if k > 0 {
                    out.push_str("\n>\n");
                }
                out.push_str("> ");
                out.push_str(&escape(line));
            }
        }
        Content::Table { rows, .. } => table(out, rows),
        Content::Figure(f) => figure(out, f),
        Content::Code { text, .. } => {
            let ticks = "`".repeat(longest_run(text, '`').max(2) + 1);
            out.push_str(&ticks);
            out.push('\n');
            out.push_str(text);
            out.push('\n');
            out.push_str(&ticks);
        }
    }
}

/// A pipe table: the first row is the header; every row has as many cells as the longest.
fn table(out: &mut String, rows: &[Vec<String>]) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let row = |out: &mut String, cells: &[String]| {
        out.push('|');
        for k in 0..width {
            out.push(' ');
            out.push_str(&escape_cell(cells.get(k).map_or("", String::as_str)));
            out.push_str(" |");
        }
    };
    for (k, cells) in rows.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        row(out, cells);
        if k == 0 {
            out.push_str("\n|");
            out.push_str(&" --- |".repeat(width));
        }
    }
}

/// A figure: the picture, then its caption in emphasis as a paragraph of its own.
fn figure(out: &mut String, f: &Figure) {
    let caption = f.caption.as_deref().map(|c| format!("*{}*", escape(&c.replace('\n', " "))));
    match &f.src {
        Some(src) => {
            out.push_str("![");
            out.push_str(&escape(f.alt.as_deref().unwrap_or("")));
            out.push_str("](");
            out.push_str(&destination(src));
            out.push(')');
            if let Some(c) = caption {
                out.push_str("\n\n");
                out.push_str(&c);
            }
        }
        None => out.push_str(&caption.unwrap_or_default()),
    }
}

/// A link destination: as it is when it holds nothing that ends one, else in `<…>` with `<` and
/// `>` escaped (spaces and parentheses may stand there); line breaks dropped.
fn destination(src: &str) -> String {
    let src: String = src.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
    if src.is_empty() || src.contains([' ', '(', ')', '<', '>', '\\']) || src.chars().any(char::is_control) {
        let inner = src.replace('\\', "\\\\").replace('<', "\\<").replace('>', "\\>");
        format!("<{inner}>")
    } else {
        src
    }
}

/// Whether `rest` (what follows a `&`) would make it a character reference: `#` and digits, or a
/// name, then `;` (`&amp;`, `&#12288;`).
fn entity_like(rest: &str) -> bool {
    let name = rest.strip_prefix('#').unwrap_or(rest);
    let len = name.bytes().take(32).take_while(u8::is_ascii_alphanumeric).count();
    len > 0 && name.as_bytes().get(len) == Some(&b';')
}

/// The longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// Text escaped for a heading: as [`escape`], and a `#` that ends it escaped too (a run of `#` at a
/// heading's end would close it).
fn heading(text: &str) -> String {
    let mut out = escape(text);
    if out.ends_with('#') && !out.ends_with("\\#") {
        out.insert(out.len() - 1, '\\');
    }
    out
}

/// Text escaped for a table cell: as [`escape`], and line breaks as spaces.
fn escape_cell(text: &str) -> String {
    escape(&text.replace(['\n', '\r'], " "))
}

/// `text` (one line) escaped so that Markdown shows it as written (see the module rules).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars = text.chars();
    // what would start a block at the line's start: `#`, `+`, `-`, `=`, `>` (escaped anyway), and a
    // number followed by `.` or `)`
    let opens_block = matches!(text.chars().next(), Some('#' | '+' | '-' | '='));
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    // (a list's mark is followed by white space or ends the line: `2019.12.10` is no list)
    let ordered = digits > 0
        && digits <= 9
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && matches!(text.as_bytes().get(digits + 1), None | Some(b' ' | b'\t'));
    if opens_block {
        out.push('\\');
    }
    let mut at = 0;
    for c in chars {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '&' if entity_like(&text[at + 1..]) => out.push_str("\\&"),
            '.' | ')' if ordered && at == digits => {
                out.push('\\');
                out.push(c);
            }
            // a line break inside a paragraph would not end it; a tab at the start would indent it
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
        at += c.len_utf8();
    }
    // white space at the end of a line makes a hard break when two spaces or more
    let end = out.trim_end_matches([' ', '\t']).len();
    out.truncate(end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_read() {
        assert_eq!(escape("a*b_c`d[e]f<g>h~i|j\\k"), "a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\~i\\|j\\\\k");
        assert_eq!(escape("# 不是标题"), "\\# 不是标题", "should escape a heading's mark");
        assert_eq!(escape("1. 不是列表"), "1\\. 不是列表", "should escape an ordered list's mark");
        assert_eq!(escape("2019.12.10 发布"), "2019.12.10 发布", "should leave a long number alone");
        assert_eq!(escape("- 不是列表"), "\\- 不是列表", "should escape a bullet");
        assert_eq!(escape("AT&T 与 &amp;"), "AT&T 与 \\&amp;", "should escape an entity's ampersand only");
        assert_eq!(escape("全角：＊【】"), "全角：＊【】", "should leave full-width marks alone");
    }

    #[test]
    fn destinations_that_need_brackets() {
        assert_eq!(destination("https://a.example/1.jpg"), "https://a.example/1.jpg");
        assert_eq!(destination("/a b(1).jpg"), "</a b(1).jpg>");
        assert_eq!(destination("a<b>.jpg"), "<a\\<b\\>.jpg>");
    }

    #[test]
    fn fences_outgrow_the_code() {
        let mut out = String::new();
        block_to(&mut out, &Content::Code { text: "a ``` b".into(), start: 0, end: 0 });
        assert!(out.starts_with("````\n"), "should open with a longer fence than the code holds: {out}");
    }
}
