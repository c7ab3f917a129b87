//! # xinwen
//!
//! Turns a Chinese news page — its HTML in any encoding, or its text as a browser copies it or as a
//! web-crawl corpus stores it — into structured data: headline, authors, source, editors,
//! publication time, breadcrumb, body paragraphs and the trailing sections, with the span of every
//! block it used.
//!
//! ```
//! let page = "岳阳网> 县区\n\n经开区召开工作讲评会\n作者:张冰明    来源:岳阳日报    发布时间:2017年07月26日\n\n\
//!             7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作,确保全面完成全年目标任务。\n\
//!             责任编辑:高大智\n";
//! let article = xinwen::parse(page);
//! assert_eq!(article.title.as_deref(), Some("经开区召开工作讲评会"));
//! assert_eq!(article.authors, ["张冰明"]);
//! assert_eq!(article.published.as_deref(), Some("2017-07-26"));
//! assert_eq!(article.editors, ["高大智"]);
//! ```
//!
//! The pipeline is a few pure stages, one module each, and a stage reads only the stages before it:
//!
//! ```text
//! bytes ─decode─▶ text ─blocks─▶ lines ─recognize─▶ matches ─classify─▶ roles ─extract─▶ Article
//! ```
//!
//! `decode` (bytes in any encoding → text) → `blocks` (text or HTML → the same list of lines) →
//! `recognize` (per line: dates, credits, breadcrumb paths, section headings, list items, captions,
//! labelled lines — pure, one line at a time) → `classify` (the lines' cues and matches → a role for
//! every line) → `extract` (roles and matches → field values, the typed content and its figures) →
//! [`Article`]. For HTML, `evidence` adds what the markup states (`<title>`, `<meta>`, JSON-LD,
//! link density) beside the text cues, before and after the roles are decided. [`to_markdown`]
//! writes an Article as Markdown.
//!
//! ```
//! let page = "<html><head><link rel=canonical href='https://news.example.com/a/1.html'>\
//!             <meta name=keywords content='游泳,暑期'></head><body><h1>青川市今夏开放十二座公益游泳场馆</h1>\
//!             <p>记者从市体育局获悉，今年暑期全市将有十二座游泳场馆面向市民公益开放，市民可预约入场。</p>\
//!             <p><img src='../img/pool.jpg' alt='游泳馆'></p><p>图为市体育中心游泳馆。</p></body></html>";
//! let article = xinwen::parse(page);
//! assert_eq!(article.url.as_deref(), Some("https://news.example.com/a/1.html"));
//! assert_eq!(article.tags, ["游泳", "暑期"]);
//! assert_eq!(article.figures[0].src.as_deref(), Some("https://news.example.com/img/pool.jpg"));
//! assert_eq!(article.figures[0].caption.as_deref(), Some("图为市体育中心游泳馆。"));
//! assert_eq!(article.language.as_deref(), Some("zh-Hans"));
//! ```

pub mod article;
mod blocks;
mod classify;
pub mod decode;
mod evidence;
mod extract;
#[cfg(feature = "fit")]
#[doc(hidden)]
pub mod fit;
mod lexicon;
mod markdown;
pub mod options;
mod recognize;
pub mod url;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::{Article, Block, Content, Dateline, Diagnostic, Figure, Image, Item, Kind, Role, Section};
pub use markdown::to_markdown;
pub use options::{Encoding, Format, Options};

/// Parse a page's text or HTML with the default options.
pub fn parse(input: &str) -> Article {
    parse_with(input, &Options::default())
}

/// Parse a page's text or HTML (see [`Options::format`]).
///
/// ```
/// let options = xinwen::Options { today: Some("2020-01-01".into()), ..Default::default() };
/// let article = xinwen::parse_with("标题在这里的一行\n发布时间:2030年1月1日\n", &options);
/// assert!(article.diagnostics.iter().any(|d| d.code == "date-in-future"));
/// ```
///
/// An input whose characters are mostly undecodable or control characters (a binary file read as
/// text) is no page: it gives [`Kind::Other`], no fields, every block [`Role::Other`] and a
/// `binary` diagnostic (see [`decode::unreadable`]).
pub fn parse_with(input: &str, options: &Options) -> Article {
    parse_weighted(input, options, classify::WEIGHTS)
}

/// [`parse_with`] under other weights for the decision of roles: what the fitting script
/// (`scripts/fit`, through `examples/fit.rs`) scores while it fits them. Not a stable interface.
#[doc(hidden)]
pub fn parse_weighted(input: &str, options: &Options, weights: &classify::Weights) -> Article {
    parse_inner(input, options, weights, None)
}

/// [`parse_weighted`] of a page decoded from bytes in `encoding` (its WHATWG name), when it was.
fn parse_inner(input: &str, options: &Options, weights: &classify::Weights, encoding: Option<&str>) -> Article {
    if decode::unreadable(input) {
        return binary(input);
    }
    let format = if options.format == Format::Auto { format_of(input) } else { options.format };
    if format == Format::Html {
        parse_html(input, options, weights, encoding)
    } else {
        parse_text(input, options, weights, encoding)
    }
}

/// How [`Format::Auto`] reads `input`: [`Format::Html`] when it looks like markup, else [`Format::Text`].
///
/// ```
/// assert_eq!(xinwen::format_of("<!doctype html><title>标题</title>"), xinwen::Format::Html);
/// assert_eq!(xinwen::format_of("标题\n正文"), xinwen::Format::Text);
/// ```
pub fn format_of(input: &str) -> Format {
    if blocks::html::looks_like_html(input) {
        Format::Html
    } else {
        Format::Text
    }
}

/// Parse a page's bytes in any encoding (UTF-8, GB18030/GBK/GB2312, Big5, UTF-16 with a BOM …)
/// with the default options. Never fails: undecodable bytes become U+FFFD and a diagnostic.
///
/// ```
/// // GBK bytes of a headline and a paragraph, with no charset declaration
/// let page = "<html><body><h1>经开区召开工作讲评会</h1><p>7月25日，经开区召开半年度工作讲评会，\
///             总结上半年经济工作，安排部署下半年经济工作，确保全面完成全年目标任务。</p></body></html>";
/// let (bytes, _, _) = encoding_rs::GBK.encode(page);
/// let article = xinwen::parse_bytes(&bytes);
/// assert_eq!(article.title.as_deref(), Some("经开区召开工作讲评会"));
/// assert_eq!(article.diagnostics[0].code, "encoding");
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Article {
    parse_bytes_with(bytes, &Options::default())
}

/// Parse a page's bytes in any encoding, or in the one [`Options::encoding`] names; spans count
/// UTF-16 units of the decoded text.
///
/// ```
/// // a Big5 page read as the caller says
/// let bytes = b"\xa4\xa4\xa4\xe5";
/// let options = xinwen::Options { encoding: xinwen::Encoding::Big5, ..Default::default() };
/// let article = xinwen::parse_bytes_with(bytes, &options);
/// assert_eq!(article.diagnostics[0].message, "decoded as Big5: chosen by the caller");
/// ```
pub fn parse_bytes_with(bytes: &[u8], options: &Options) -> Article {
    parse_decoded(decode::decode_as(bytes, options.encoding, &decode::builtin_legacy), options)
}

/// [`parse_bytes_with`] with the legacy encodings (GB18030, Big5 …) decoded by `legacy`: the wasm
/// build passes the platform's `TextDecoder` (see [`decode::decode_with`]).
pub fn parse_bytes_using(bytes: &[u8], options: &Options, legacy: decode::LegacyDecoder) -> Article {
    parse_decoded(decode::decode_as(bytes, options.encoding, legacy), options)
}

fn parse_decoded(decoded: decode::Decoded<'_>, options: &Options) -> Article {
    let mut article = parse_inner(&decoded.text, options, classify::WEIGHTS, Some(decoded.encoding));
    let mut diagnostics = decoded.diagnostics;
    // the text's own `binary` says more than the bytes' NULs: one of them is kept
    if article.diagnostics.iter().any(|d| d.code == "binary") {
        diagnostics.retain(|d| d.code != "binary");
    }
    diagnostics.append(&mut article.diagnostics);
    article.diagnostics = diagnostics;
    article
}

/// The Article of an input that is no text: every line a block of role Other, nothing else.
fn binary(input: &str) -> Article {
    let lines = blocks::text::split(input);
    let roles = vec![Role::Other; lines.len()];
    Article {
        kind: Kind::Other,
        blocks: make_blocks(blocks::text::spans(input, lines.map(|l| l.text)), &roles),
        diagnostics: vec![Diagnostic::new(
            "binary",
            "the input is mostly undecodable bytes or control characters: it is not a text or HTML page",
        )],
        ..Article::default()
    }
}

fn parse_text(input: &str, options: &Options, weights: &classify::Weights, encoding: Option<&str>) -> Article {
    let lines = blocks::text::split(input);
    let cues = classify::cues(lines.clone());
    let layout = classify::classify(&cues, None, weights);
    let page = extract::Page { encoding, ..extract::Page::text(options) };
    let mut article = extract::assemble(&cues, &layout, &page);
    // the cues are the most memory a parse takes: gone before the blocks are made, from the lines
    // split once more (a copy of the iterator, not of the lines)
    drop(cues);
    article.blocks = make_blocks(blocks::text::spans(input, lines.map(|l| l.text)), &layout.roles);
    extract::content::to_spans(&mut article.content, &mut article.figures, &article.blocks);
    article
}

/// The output's blocks: every line's span with its role.
fn make_blocks(spans: impl Iterator<Item = (usize, usize)>, roles: &[Role]) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(roles.len());
    blocks.extend(spans.zip(roles).map(|((start, end), &role)| Block { role, start, end }));
    blocks
}

fn parse_html(input: &str, options: &Options, weights: &classify::Weights, encoding: Option<&str>) -> Article {
    let html = blocks::html::parse(input);
    let (lines, hints) = html.lines();
    let evidence = evidence::gather(&html);
    let base = evidence::base(&evidence, &html.raw, options.url.as_deref());
    let title = evidence::title_block(&evidence, &lines, &hints);
    let markup = classify::Markup { html: &html, hints: &hints, title };
    let mut cues = classify::cues(lines.iter().copied());
    evidence::mark_furniture(&html, &mut cues, &hints);
    let mut layout = classify::classify(&cues, Some(&markup), weights);
    if layout.body.is_empty() {
        // the first cues go before the second are made: two sets at once would double the peak
        drop(std::mem::take(&mut cues));
        cues = classify::cues(lines.iter().copied());
        evidence::mark_furniture_with_sides(&html, &mut cues, &hints);
        layout = classify::classify(&cues, Some(&markup), weights);
    }
    if weights.edge_rules {
        if let Some(t) = title {
            evidence::set_title(&mut layout, &cues, t);
        }
        evidence::drop_leading_note(&cues, &mut layout);
        evidence::keep_body_in_container(&html, &cues, &mut layout);
        evidence::bridge_body(&html, &cues, &hints, &mut layout);
        evidence::drop_trailing_notice(&cues, &mut layout);
    }
    let page = extract::Page {
        options,
        html: Some(&html),
        base: base.as_deref(),
        declared_language: evidence.language.as_deref(),
        encoding,
    };
    let mut article = extract::assemble(&cues, &layout, &page);
    drop(cues);
    article.blocks = make_blocks(html.spans(), &layout.roles);
    evidence::apply(&evidence, &lines, title.is_some(), base.as_deref(), &mut article);
    article
}
