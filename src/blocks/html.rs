//! HTML → blocks.
//!
//! In: a decoded HTML document (any tag soup). Out: an [`Html`] — the visible text as blocks, each
//! with its UTF-16 span in the document and layout [`Hint`]s, plus the raw evidence that markup
//! carries beside the text ([`RawEvidence`]: `<title>`, `<meta>`, JSON-LD, `<time datetime>`).
//!
//! Rules:
//! - A tokenizer written for text extraction (see docs/html-parser.md for why not a crate): start
//!   and end tags with quoted or bare attributes, comments, doctype, processing instructions, raw
//!   text elements (`script`, `style`, `textarea`, `title` …) read up to their end tag; a `<` that
//!   starts no tag is text. A tag left open at the end of input swallows the rest, as in browsers.
//! - Not shown, so not blocks: `script`, `style`, `noscript`, `template`, `select`, `svg`, comments,
//!   and elements with the `hidden` attribute or `display:none` / `visibility:hidden` in `style`.
//! - `<br>` and block-level elements (div, p, li, h1–h6, tr, table …) end a block, and so does a
//!   line break inside `<pre>`; table cells are separated by a space, like a browser's copied text. Entities are decoded; white space inside a
//!   block collapses to one space and is trimmed at its ends.
//! - Tag soup: a stray end tag (none of its name open) is ignored; an end tag closes everything
//!   opened after its element; `<p>`, `<li>`, `<td>`, `<tr>`, `<dt>`, `<dd>`, `<option>` close an open
//!   sibling and a block element closes an open `<p>`, as browsers do. No recursion: a
//!   100,000-deep nest is a 100,000-long stack; every byte is looked at a bounded number of times.
//! - A block that starts with a breadcrumb separator (`>`, `»`, `›`) continues a short block just
//!   before it: breadcrumbs put each link in its own cell or list item.
//! - A block's span runs from its first text run's first visible character to its last run's end, in
//!   UTF-16 units of the document, so `html.slice(start, end)` highlights the block's source.
//! - What the structure says beside the text: marks for list items, quotes, code, captions, bold
//!   and table cells ([`marks`]); where each cell of a table row starts in its block ([`Html::rows`]);
//!   every visible `<img>` with its address (a lazy-loading attribute, `data-src` …, before `src`),
//!   alternative text and place ([`Html::images`]); the document's `lang`, `<link rel=canonical>` and
//!   `<base href>` ([`RawEvidence`]).

use std::collections::HashMap;
use std::ops::Range;

use super::{is_space, Line};
use crate::lexicon::dfa::{self, Dfa};

/// Layout hints for one block, from the markup around its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Hint {
    /// Characters of the block's text (white space not counted).
    pub chars: u32,
    /// How many of them are inside `<a>` links.
    pub link_chars: u32,
    /// [`marks`] bits shared by every text run of the block (so an inline `<span class="time">`
    /// inside a paragraph does not mark the paragraph).
    pub marks: u32,
}

impl Hint {
    /// Share of the block's characters that are link text (0 for an empty block).
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }

    /// Whether the block carries mark `m`.
    pub fn has(&self, m: u32) -> bool {
        self.marks & m != 0
    }
}

/// What element names and class/id words say about a block's container, as bits of [`Hint::marks`].
pub mod marks {
    /// `<nav>`, class/id nav, menu: site navigation.
    pub const NAV: u32 = 1;
    /// `<footer>`, class/id footer, foot, bottom, copyright.
    pub const FOOTER: u32 = 1 << 1;
    /// class/id comment, pinglun: reader comments.
    pub const COMMENT: u32 = 1 << 2;
    /// class/id related, xiangguan, recommend, hot: lists of other articles.
    pub const RELATED: u32 = 1 << 3;
    /// class/id share, fenxiang: share bars.
    pub const SHARE: u32 = 1 << 4;
    /// class/id breadcrumb, crumb, location, position, weizhi: the "you are here" path.
    pub const BREADCRUMB: u32 = 1 << 5;
    /// class/id author, writer, zuozhe.
    pub const AUTHOR: u32 = 1 << 6;
    /// class/id source, laiyuan, origin.
    pub const SOURCE: u32 = 1 << 7;
    /// class/id time, date, pubtime, publish.
    pub const TIME: u32 = 1 << 8;
    /// class/id editor, bianji.
    pub const EDITOR: u32 = 1 << 9;
    /// `<article>`, class/id content, article, text, detail, zhengwen, body.
    pub const CONTENT: u32 = 1 << 10;
    /// `<aside>`, class/id sidebar, side.
    pub const ASIDE: u32 = 1 << 11;
    /// Inside `<h1>`.
    pub const H1: u32 = 1 << 12;
    /// Inside `<h2>`–`<h6>`.
    pub const HEADING: u32 = 1 << 13;
    /// Inside `<li>`.
    pub const LIST_ITEM: u32 = 1 << 14;
    /// Inside `<ul>`, `<ol>` or `<menu>`: a list (an element's own mark: the list itself).
    pub const LIST: u32 = 1 << 15;
    /// Inside `<ol>`: a numbered list.
    pub const ORDERED: u32 = 1 << 16;
    /// Inside `<blockquote>`.
    pub const QUOTE: u32 = 1 << 17;
    /// Inside `<pre>`: program text or verse, its lines as written.
    pub const CODE: u32 = 1 << 18;
    /// Inside `<figcaption>`, or class/id caption: a picture's caption.
    pub const CAPTION: u32 = 1 << 19;
    /// Inside `<b>` or `<strong>`.
    pub const BOLD: u32 = 1 << 20;
    /// Inside `<table>`.
    pub const TABLE: u32 = 1 << 21;
    /// Inside `<figure>`.
    pub const FIGURE: u32 = 1 << 22;
}

/// The parent of an element at the document's top level, in [`Html::parents`].
pub const NO_PARENT: u32 = u32::MAX;

/// One block of visible text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlBlock {
    /// Where the block's text lies in [`Html::text`].
    pub range: Range<usize>,
    /// Start in UTF-16 code units of the document.
    pub start: usize,
    /// End (exclusive) in UTF-16 code units of the document.
    pub end: usize,
    /// Whether a paragraph-like boundary (`<p>`, a heading, two `<br>`) precedes the block.
    pub gap_before: bool,
    /// Layout hints.
    pub hint: Hint,
    /// The innermost element open at the block's first text run (an index into
    /// [`Html::parents`]), `None` at the document's top level.
    pub container: Option<u32>,
}

/// Evidence the markup carries beside the visible text, as found (entities decoded, not judged).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawEvidence {
    /// The first `<title>`'s text, white space collapsed.
    pub title: Option<String>,
    /// `<meta>` pairs: the lower-cased `property`, `name` or `itemprop`, and `content`.
    pub meta: Vec<(String, String)>,
    /// Bodies of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// `datetime` attributes of visible `<time>` elements, in order.
    pub times: Vec<String>,
    /// Publication stamps in other scripts' data (`"pubtime": "2019-09-07 19:02:26"`): pages that
    /// render their article with JavaScript carry its fields as JSON in a script.
    pub script_times: Vec<String>,
    /// The `lang` attribute of `<html>`.
    pub lang: Option<String>,
    /// The first `<link rel=canonical>`'s `href`.
    pub canonical: Option<String>,
    /// The first `<base href>`: what relative addresses resolve against.
    pub base: Option<String>,
}

/// A visible `<img>`, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlImage {
    /// The address as written, entities decoded: a lazy-loading attribute (`data-src`,
    /// `data-original`, `data-lazy-src`, `data-actualsrc`) before `src`; never a `data:` URL.
    pub src: String,
    /// The `alt` text, white space collapsed; `None` when absent or empty.
    pub alt: Option<String>,
    /// Start of the `<img>` tag, in UTF-16 code units of the document.
    pub start: usize,
    /// End (exclusive) of the `<img>` tag.
    pub end: usize,
    /// The element the image stands in ([`Html::parents`] index), `None` at the top level.
    pub parent: Option<u32>,
    /// The [`marks`] of the elements around it.
    pub marks: u32,
    /// Whether a `width` or `height` attribute makes it an icon (under 50 pixels).
    pub small: bool,
}

/// A document read into blocks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Html {
    /// The blocks' texts, one after another.
    pub text: String,
    /// The blocks, in document order.
    pub blocks: Vec<HtmlBlock>,
    /// Markup evidence.
    pub raw: RawEvidence,
    /// For every element, in the order its start tag came: its parent element, [`NO_PARENT`] at
    /// the top (a sentinel rather than an `Option`: half the memory in a deep nest).
    pub parents: Vec<u32>,
    /// For every element: how many elements enclose it.
    pub depths: Vec<u32>,
    /// For every element: the [`marks`] its own name and class/id words give.
    pub own_marks: Vec<u32>,
    /// The blocks that hold the text of two or more cells of a table row (`<td>a</td><td>b</td>`
    /// makes the block `a b`), in order: the block's index and the byte offsets in its text where
    /// the second and later cells start.
    pub rows: Vec<(u32, Box<[u32]>)>,
    /// The visible images, in document order.
    pub images: Vec<HtmlImage>,
}

impl Html {
    /// The elements enclosing block `i`'s first text run, innermost first, at most `max` of them.
    pub fn ancestors(&self, i: usize, max: usize) -> Vec<u32> {
        self.enclosing(i).take(max).collect()
    }

    /// The elements enclosing block `i`'s first text run, innermost first, as an iterator (no
    /// allocation: callers that look at every block walk them).
    pub fn enclosing(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        let mut e = self.blocks[i].container;
        std::iter::from_fn(move || {
            let id = e?;
            e = self.parents.get(id as usize).copied().filter(|&p| p != NO_PARENT);
            Some(id)
        })
    }
}

impl Html {
    /// The blocks as the [`Line`]s every later stage reads, and their hints, index for index.
    pub fn lines(&self) -> (Vec<Line<'_>>, Vec<Hint>) {
        let lines = self.blocks.iter().map(|b| Line { text: &self.text[b.range.clone()] }).collect();
        (lines, self.blocks.iter().map(|b| b.hint).collect())
    }

    /// The blocks' UTF-16 spans (start, end) in the document, index for index with [`Html::lines`].
    pub fn spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.blocks.iter().map(|b| (b.start, b.end))
    }

    /// Where the cells of block `i` start in its text (byte offsets of the second and later
    /// cells), when the block holds two or more cells of a table row.
    pub fn cells(&self, i: usize) -> Option<&[u32]> {
        let k = self.rows.binary_search_by_key(&(i as u32), |r| r.0).ok()?;
        Some(&self.rows[k].1)
    }

    /// The nearest element around block `i` whose own marks include `mark`, if any within 64 levels.
    pub fn nearest(&self, i: usize, mark: u32) -> Option<u32> {
        self.enclosing(i).take(64).find(|&e| self.own_marks[e as usize] & mark != 0)
    }
}

/// Whether text looks like HTML rather than a page's plain text: a doctype or an `<html>`,
/// `<head>` or `<body>` tag near the start, or markup making up a large share of the text.
///
/// Fragments count too: crawl datasets and saved table layouts keep a page's markup without its
/// `<html>` (a `<table>` of `<td width=… height=…>` cells, wrapped in the dataset's own element).
/// Their tags are long, so they are fewer per byte than in a modern page, but they fill much of it;
/// text a person wrote, even one quoting a tag or two, has neither many tags nor many bytes in them.
pub fn looks_like_html(input: &str) -> bool {
    let head = prefix(input, 4096).trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype") || lower.starts_with("<?xml") {
        return true;
    }
    if ["<html", "<head", "<body", "<meta "].iter().any(|t| lower.contains(t)) {
        return true;
    }
    let sample = prefix(input, 64 * 1024).as_bytes();
    let (mut tags, mut closing, mut markup) = (0usize, 0usize, 0usize);
    let mut at = 0;
    while let Some(k) = memchr::memchr(b'<', &sample[at..]) {
        let open = at + k;
        at = open + 1;
        let Some(&next) = sample.get(open + 1) else { break };
        if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
            continue;
        }
        tags += 1;
        closing += usize::from(next == b'/');
        // the tag's bytes, up to its `>` (a tag cut by the sample's end or by another `<` counts as one byte)
        if let Some(len) = sample[at..].iter().take(2048).position(|&b| b == b'>' || b == b'<') {
            if sample[at + len] == b'>' {
                markup += len + 2;
                at += len + 1;
            }
        }
    }
    // one `<x…>` per 40 bytes, or a twentieth of the text in twenty tags of which some close
    (tags >= 5 && tags * 40 >= sample.len()) || (tags >= 20 && closing >= 5 && markup * 20 >= sample.len())
}

fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Read an HTML document into blocks and evidence.
pub fn parse(src: &str) -> Html {
    let mut p = Parser::new(src);
    p.run();
    p.finish()
}

/// Elements whose content is not shown.
const DROPPED: &[&str] =
    &["script", "style", "noscript", "template", "select", "svg", "math", "head", "iframe", "object"];
/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "noscript", "noembed", "noframes", "iframe", "xmp", "plaintext"];
/// Elements with no content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen",
];
/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "caption",
    "option",
    "title",
    "frameset",
    "iframe",
    "br",
];
/// Block elements with a margin: a browser's copied text shows a blank line around them.
const GAP: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "table", "pre", "hr"];
/// Start tags that close an open element of the same family (`<li>` closes `<li>` …).
const SIBLINGS: &[(&str, &[&str])] = &[
    ("p", &["p"]),
    ("li", &["li"]),
    ("dt", &["dt", "dd"]),
    ("dd", &["dt", "dd"]),
    ("tr", &["tr", "td", "th"]),
    ("td", &["td", "th"]),
    ("th", &["td", "th"]),
    ("option", &["option"]),
];

/// One open element: 16 bytes, its name interned ([`Parser::intern`]), so that a 100,000-deep
/// nest of elements takes little more memory than its markup.
#[derive(Debug)]
struct Open {
    /// The lower-cased name's index in [`Parser::names`].
    name: u32,
    /// Index in [`Html::parents`].
    id: u32,
    hidden: bool,
    link: bool,
    marks: u32,
}

struct Parser<'a> {
    src: &'a str,
    stack: Vec<Open>,
    /// The element names seen, lower-cased, each once; [`Open::name`] indexes them.
    names: Vec<Box<str>>,
    /// The index of each name in `names`.
    name_ids: HashMap<Box<str>, u32>,
    /// How many elements of each name are open, by name index.
    open_count: Vec<usize>,
    out: Html,
    // the block being built
    cur_start: usize,
    cur_span: Option<(usize, usize)>,
    cur_hint: Hint,
    cur_container: Option<u32>,
    /// own marks of the element about to be pushed
    own_next: u32,
    cur_gap: bool,
    pending_space: bool,
    /// consecutive `<br>`s since the last text
    brs: u32,
    gap_next: bool,
    /// the byte offsets (in the block's text) where the second and later table cells of the block
    /// being built start
    cur_cells: Vec<u32>,
    /// a `<td>` or `<th>` opened since the last text: the next text starts a cell
    cell_next: bool,
    // byte → UTF-16 cursor, moving forward only
    cur8: usize,
    cur16: usize,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser {
            src,
            stack: Vec::new(),
            names: Vec::new(),
            name_ids: HashMap::new(),
            open_count: Vec::new(),
            out: Html::default(),
            cur_start: 0,
            cur_span: None,
            cur_hint: Hint { marks: u32::MAX, ..Hint::default() },
            cur_container: None,
            own_next: 0,
            cur_gap: false,
            pending_space: false,
            brs: 0,
            gap_next: false,
            cur_cells: Vec::new(),
            cell_next: false,
            cur8: 0,
            cur16: 0,
        }
    }

    fn run(&mut self) {
        let b = self.src.as_bytes();
        let mut i = 0; // scan position
        let mut text_from = 0; // start of the pending text run
                               // the next `<`: the byte at hand first (a run of `<` that starts no tag costs no search each)
        let next_lt = |i: usize| if b.get(i) == Some(&b'<') { Some(0) } else { memchr::memchr(b'<', &b[i..]) };
        while let Some(k) = next_lt(i) {
            let lt = i + k;
            let next = b.get(lt + 1).copied();
            let after = match next {
                Some(c) if c.is_ascii_alphabetic() => {
                    self.text(text_from, lt);
                    self.start_tag(lt)
                }
                Some(b'/') if b.get(lt + 2).is_some_and(|c| c.is_ascii_alphabetic()) => {
                    self.text(text_from, lt);
                    self.end_tag(lt)
                }
                Some(b'!') if b[lt..].starts_with(b"<!--") => {
                    self.text(text_from, lt);
                    comment_end(b, lt + 4)
                }
                Some(b'!' | b'?' | b'/') => {
                    self.text(text_from, lt);
                    memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |j| lt + j + 1)
                }
                _ => {
                    i = lt + 1;
                    continue;
                }
            };
            i = after;
            text_from = after;
        }
        self.text(text_from, b.len());
        self.break_block(false);
    }

    fn finish(mut self) -> Html {
        // grown by doubling while parsing; every later stage holds them beside its own data
        self.out.text.shrink_to_fit();
        self.out.blocks.shrink_to_fit();
        self.out.parents.shrink_to_fit();
        self.out.depths.shrink_to_fit();
        self.out.own_marks.shrink_to_fit();
        self.out.rows.shrink_to_fit();
        self.out
    }

    /// UTF-16 offset of byte `at`; calls come in non-decreasing order.
    fn u16_at(&mut self, at: usize) -> usize {
        debug_assert!(at >= self.cur8, "should move forward only");
        let s = &self.src.as_bytes()[self.cur8..at];
        self.cur16 += s.iter().filter(|&&c| (c & 0xC0) != 0x80).count() + s.iter().filter(|&&c| c >= 0xF0).count();
        self.cur8 = at;
        self.cur16
    }

    fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    /// The index of element name `name` (lower-cased), adding it the first time.
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.name_ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.name_ids.insert(name.into(), id);
        self.open_count.push(0);
        id
    }

    /// The name of an open element.
    fn name_of(&self, o: &Open) -> &str {
        &self.names[o.name as usize]
    }

    /// How many elements named `name` are open.
    fn open(&self, name: &str) -> usize {
        self.name_ids.get(name).map_or(0, |&id| self.open_count[id as usize])
    }

    /// A run of source text between tags. Inside `<pre>` each line of it ends a block, as the
    /// page shows it.
    fn text(&mut self, mut from: usize, to: usize) {
        if self.top().is_some_and(|o| o.marks & marks::CODE != 0 && !o.hidden) {
            while let Some(nl) = memchr::memchr(b'\n', &self.src.as_bytes()[from.min(to)..to]) {
                self.text_run(from, from + nl);
                self.break_block(false);
                from += nl + 1;
            }
        }
        self.text_run(from, to);
    }

    /// A run of source text within one line of the page's text.
    fn text_run(&mut self, from: usize, to: usize) {
        if from >= to || self.top().is_some_and(|o| o.hidden) {
            return;
        }
        let raw = &self.src[from..to];
        let (lead, trail) = visible_bounds(raw);
        if lead >= trail {
            // only white space: it separates words
            if !raw.is_empty() {
                self.pending_space = true;
            }
            return;
        }
        if lead > 0 {
            self.pending_space = true;
        }
        let (link, marks) = self.top().map_or((false, 0), |o| (o.link, o.marks));
        let decoded = decode_entities(raw);
        let started = self.cur_span.is_some();
        let mut added = 0u32;
        for c in decoded.chars() {
            if is_space(c) {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && (self.out.text.len() > self.cur_start) {
                self.out.text.push(' ');
            }
            if self.cell_next {
                // a cell's first character: where the cell starts, unless it starts the block
                self.cell_next = false;
                let at = self.out.text.len() - self.cur_start;
                if at > 0 {
                    self.cur_cells.push(at as u32);
                }
            }
            self.pending_space = false;
            self.out.text.push(c);
            added += 1;
        }
        if added == 0 {
            return;
        }
        if trail < raw.len() {
            self.pending_space = true;
        }
        let s16 = self.u16_at(from + lead);
        let e16 = self.u16_at(from + trail);
        self.cur_span = Some(match self.cur_span {
            Some((s, _)) => (s, e16),
            None => (s16, e16),
        });
        if !started {
            self.cur_container = self.top().map(|o| o.id);
            self.cur_gap = self.gap_next || self.brs >= 2;
        }
        self.brs = 0;
        self.cur_hint.chars += added;
        if link {
            self.cur_hint.link_chars += added;
        }
        self.cur_hint.marks &= marks;
    }

    /// End the current block; `gap` notes a paragraph boundary for the next one.
    fn break_block(&mut self, gap: bool) {
        if let Some((start, end)) = self.cur_span.take() {
            let range = self.cur_start..self.out.text.len();
            let hint = self.cur_hint;
            // a breadcrumb whose links sit in separate cells or list items, each separator leading
            // the next one (`首页` / `> 要闻` / `> 山西要闻`), is one line, as the page shows it
            let text = &self.out.text[range.clone()];
            if text.starts_with(['>', '＞', '»', '›']) {
                if let Some(prev) = self.out.blocks.last_mut() {
                    let short = self.out.text[prev.range.clone()].chars().count() <= 30;
                    if short && prev.range.end == range.start && text.chars().count() <= 60 {
                        prev.range.end = range.end;
                        prev.end = end;
                        prev.hint.chars += hint.chars;
                        prev.hint.link_chars += hint.link_chars;
                        prev.hint.marks &= hint.marks;
                        self.cur_start = self.out.text.len();
                        self.gap_next = false;
                        self.cur_hint = Hint { marks: u32::MAX, ..Hint::default() };
                        self.cur_gap = false;
                        self.pending_space = false;
                        self.cur_cells.clear();
                        self.gap_next |= gap;
                        return;
                    }
                }
            }
            if !self.cur_cells.is_empty() {
                let cells = std::mem::take(&mut self.cur_cells).into_boxed_slice();
                self.out.rows.push((self.out.blocks.len() as u32, cells));
            }
            self.out.blocks.push(HtmlBlock {
                range,
                start,
                end,
                gap_before: self.cur_gap,
                hint,
                container: self.cur_container,
            });
            self.cur_start = self.out.text.len();
            self.gap_next = false;
        } else {
            // nothing shown since the last block: drop whatever stray spaces were kept
            self.out.text.truncate(self.cur_start);
        }
        self.cur_hint = Hint { marks: u32::MAX, ..Hint::default() };
        self.cur_gap = false;
        self.pending_space = false;
        self.cur_cells.clear();
        self.cell_next = false;
        self.gap_next |= gap;
    }

    /// Parse the start tag at `lt`; returns the index after it.
    fn start_tag(&mut self, lt: usize) -> usize {
        let b = self.src.as_bytes();
        let name_end = (lt + 1..b.len()).find(|&j| is_tag_sep(b[j])).unwrap_or(b.len());
        let name = self.src[lt + 1..name_end].to_ascii_lowercase();
        let mut attrs = Attrs::default();
        let Some(after) = read_attrs(self.src, name_end, &mut attrs) else {
            return b.len(); // an unterminated tag swallows the rest, as in browsers
        };
        let n = name.as_str();
        if n == "meta" {
            let key = attrs.property.or(attrs.name).or(attrs.itemprop).or(attrs.http_equiv);
            if let (Some(k), Some(c)) = (key, attrs.content) {
                self.out.raw.meta.push((k.to_ascii_lowercase(), decode_entities(c).trim().to_string()));
            }
            return after;
        }
        if n == "br" {
            self.brs += 1;
            self.break_block(self.brs >= 2);
            return after;
        }
        if n == "hr" {
            self.break_block(true);
            return after;
        }
        if n == "link" {
            if self.out.raw.canonical.is_none()
                && attrs.rel.is_some_and(|r| r.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case("canonical")))
            {
                self.out.raw.canonical = attrs.href.map(|h| decode_entities(h).trim().to_string());
            }
            return after;
        }
        if n == "base" {
            if self.out.raw.base.is_none() {
                self.out.raw.base = attrs.href.map(|h| decode_entities(h).trim().to_string());
            }
            return after;
        }
        if n == "img" {
            self.image(lt, after, &attrs);
            return after;
        }
        if VOID.contains(&n) {
            return after;
        }
        if n == "html" && self.out.raw.lang.is_none() {
            self.out.raw.lang = attrs.lang.map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
        }
        // content before </head> closes the head, as browsers do for a page without <body>
        const HEAD_CONTENT: &[&str] = &["link", "title", "script", "style", "base", "noscript", "template"];
        if !HEAD_CONTENT.contains(&n) && self.open("head") > 0 {
            self.close("head");
        }
        if let Some((_, family)) = SIBLINGS.iter().find(|(s, _)| *s == n) {
            if self.top().is_some_and(|o| family.contains(&self.name_of(o))) {
                self.pop_one();
            }
        }
        if BLOCK.contains(&n) && self.top().is_some_and(|o| self.name_of(o) == "p") {
            self.pop_one();
        }
        if n == "a" && self.open("a") > 0 {
            self.close("a");
        }
        let parent = self.stack.last();
        let style_hidden = attrs.style.is_some_and(hidden_style);
        let hidden = parent.is_some_and(|o| o.hidden) || DROPPED.contains(&n) || attrs.hidden || style_hidden;
        let link = parent.is_some_and(|o| o.link) || n == "a";
        let mut own = element_marks(n);
        for words in [attrs.class, attrs.id].into_iter().flatten() {
            own |= class_marks(&words.to_ascii_lowercase());
        }
        let m = parent.map_or(0, |o| o.marks) | own;
        self.own_next = own;
        let in_svg = parent.is_some_and(|o| self.name_of(o) == "svg");
        if n == "time" && !hidden {
            if let Some(dt) = attrs.datetime {
                self.out.raw.times.push(decode_entities(dt).trim().to_string());
            }
        }
        if RAW_TEXT.contains(&n) {
            let (content, end) = raw_text(self.src, after, n);
            if n == "title" && self.out.raw.title.is_none() && !in_svg {
                let t = collapse(&decode_entities(content));
                if !t.is_empty() {
                    self.out.raw.title = Some(t);
                }
            } else if n == "script" && attrs.kind.is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) {
                self.out.raw.json_ld.push(content.to_string());
            } else if n == "script" && self.out.raw.script_times.is_empty() {
                self.out.raw.script_times.extend(script_stamp(content));
            } else if n == "textarea" && !hidden {
                // a textarea shows its content; treat it as a block of its own
                self.break_block(false);
                let name = self.intern(n);
                self.push(Open { name, id: 0, hidden, link, marks: m });
                self.text(after, after + content.len());
                self.pop_one();
            }
            return end;
        }
        if BLOCK.contains(&n) {
            self.break_block(GAP.contains(&n));
        } else if n == "td" || n == "th" {
            self.pending_space = true;
            self.cell_next = true;
        }
        let name = self.intern(n);
        self.push(Open { name, id: 0, hidden, link, marks: m });
        after
    }

    /// Parse the end tag at `lt`; returns the index after it.
    fn end_tag(&mut self, lt: usize) -> usize {
        let b = self.src.as_bytes();
        let name_end = (lt + 2..b.len()).find(|&j| is_tag_sep(b[j])).unwrap_or(b.len());
        let name = self.src[lt + 2..name_end].to_ascii_lowercase();
        let after = memchr::memchr(b'>', &b[name_end..]).map_or(b.len(), |j| name_end + j + 1);
        match name.as_str() {
            "br" => {
                self.brs += 1;
                self.break_block(self.brs >= 2);
            }
            "p" if self.open("p") == 0 => self.break_block(true),
            "body" | "html" => {}
            n => {
                if self.open(n) > 0 {
                    self.close(n);
                }
            }
        }
        after
    }

    /// A visible `<img>` from `lt` to `after`: its address (a lazy-loading attribute first; a
    /// `data:` URL is no address), its alternative text and where it stands.
    fn image(&mut self, lt: usize, after: usize, attrs: &Attrs) {
        let parent = self.top();
        if parent.is_some_and(|o| o.hidden) || attrs.hidden || attrs.style.is_some_and(hidden_style) {
            return;
        }
        let src = [attrs.data_src, attrs.src]
            .into_iter()
            .flatten()
            .map(|s| decode_entities(s).trim().to_string())
            .find(|s| !s.is_empty() && !s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("data:")));
        let Some(src) = src else { return };
        let pixels = |v: Option<&str>| v.and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok());
        let small = [attrs.width, attrs.height].into_iter().any(|v| pixels(v).is_some_and(|p| p < 50));
        let alt = attrs.alt.map(|a| collapse(&decode_entities(a))).filter(|a| !a.is_empty());
        let (parent, marks) = parent.map_or((None, 0), |o| (Some(o.id), o.marks));
        let start = self.u16_at(lt);
        let end = self.u16_at(after);
        self.out.images.push(HtmlImage { src, alt, start, end, parent, marks, small });
    }

    /// Open an element (its `id` is assigned here).
    fn push(&mut self, mut open: Open) {
        open.id = self.out.parents.len() as u32;
        self.out.parents.push(self.top().map_or(NO_PARENT, |o| o.id));
        self.out.depths.push(self.stack.len() as u32);
        self.out.own_marks.push(std::mem::take(&mut self.own_next));
        self.open_count[open.name as usize] += 1;
        self.stack.push(open);
    }

    fn pop_one(&mut self) {
        if let Some(o) = self.stack.pop() {
            self.open_count[o.name as usize] -= 1;
            let n = self.name_of(&o);
            let (block, gap, cell) = (BLOCK.contains(&n), GAP.contains(&n), n == "td" || n == "th");
            if block {
                self.break_block(gap);
            } else if cell {
                self.pending_space = true;
            }
        }
    }

    /// Pop up to and including the innermost open `name` (which is known to be open).
    fn close(&mut self, name: &str) {
        while let Some(o) = self.stack.last() {
            let done = self.name_of(o) == name;
            self.pop_one();
            if done {
                break;
            }
        }
    }
}

/// Whether a `style` attribute hides its element (`display: none`, `visibility: hidden`).
fn hidden_style(style: &str) -> bool {
    let s: String = style.chars().filter(|c| !c.is_ascii_whitespace()).collect::<String>().to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

fn is_tag_sep(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
}

/// The attributes the front end reads, as raw slices of the source.
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    style: Option<&'a str>,
    hidden: bool,
    kind: Option<&'a str>,
    name: Option<&'a str>,
    property: Option<&'a str>,
    itemprop: Option<&'a str>,
    content: Option<&'a str>,
    datetime: Option<&'a str>,
    http_equiv: Option<&'a str>,
    lang: Option<&'a str>,
    rel: Option<&'a str>,
    href: Option<&'a str>,
    src: Option<&'a str>,
    /// A lazy-loading image's address: `data-src`, `data-original`, `data-lazy-src` or `data-actualsrc`.
    data_src: Option<&'a str>,
    alt: Option<&'a str>,
    width: Option<&'a str>,
    height: Option<&'a str>,
}

/// Read attributes from `at` to the tag's `>`; `None` when the input ends first.
fn read_attrs<'a>(src: &'a str, mut at: usize, attrs: &mut Attrs<'a>) -> Option<usize> {
    let b = src.as_bytes();
    loop {
        while at < b.len() && (b[at].is_ascii_whitespace() || b[at] == b'/') {
            at += 1;
        }
        if at >= b.len() {
            return None;
        }
        if b[at] == b'>' {
            return Some(at + 1);
        }
        let name_start = at;
        at += 1; // a name may start with any character, even '='
        while at < b.len() && !matches!(b[at], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>' | b'=') {
            at += 1;
        }
        let name = &src[name_start..at];
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value = "";
        if at < b.len() && b[at] == b'=' {
            at += 1;
            while at < b.len() && b[at].is_ascii_whitespace() {
                at += 1;
            }
            match b.get(at) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = at + 1 + memchr::memchr(q, &b[at + 1..])?;
                    value = &src[at + 1..close];
                    at = close + 1;
                }
                Some(_) => {
                    let s = at;
                    while at < b.len() && !b[at].is_ascii_whitespace() && b[at] != b'>' {
                        at += 1;
                    }
                    value = &src[s..at];
                }
                None => return None,
            }
        }
        let slot = match name.to_ascii_lowercase().as_str() {
            "class" => &mut attrs.class,
            "id" => &mut attrs.id,
            "style" => &mut attrs.style,
            "type" => &mut attrs.kind,
            "name" => &mut attrs.name,
            "property" => &mut attrs.property,
            "itemprop" => &mut attrs.itemprop,
            "content" => &mut attrs.content,
            "datetime" => &mut attrs.datetime,
            "http-equiv" => &mut attrs.http_equiv,
            "lang" => &mut attrs.lang,
            "rel" => &mut attrs.rel,
            "href" => &mut attrs.href,
            "src" => &mut attrs.src,
            "data-src" | "data-original" | "data-lazy-src" | "data-actualsrc" => &mut attrs.data_src,
            "alt" => &mut attrs.alt,
            "width" => &mut attrs.width,
            "height" => &mut attrs.height,
            "hidden" => {
                attrs.hidden = true;
                continue;
            }
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
}

/// The end of a comment whose text starts at `from`: after `-->`, or the end of input.
fn comment_end(b: &[u8], from: usize) -> usize {
    // `<!-->` and `<!--->` are empty comments
    if b.get(from) == Some(&b'>') {
        return from + 1;
    }
    if b.get(from..from + 2) == Some(b"->") {
        return from + 2;
    }
    memchr::memmem::find(&b[from..], b"-->").map_or(b.len(), |j| from + j + 3)
}

/// Raw text from `from` up to `</name`; returns the text and the index after the end tag.
fn raw_text<'a>(src: &'a str, from: usize, name: &str) -> (&'a str, usize) {
    let b = src.as_bytes();
    let mut i = from;
    while let Some(k) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + k;
        let n = at + 2 + name.len();
        if n <= b.len()
            && b[at + 2..n].eq_ignore_ascii_case(name.as_bytes())
            && b.get(n).map_or(true, |&c| is_tag_sep(c))
        {
            let end = memchr::memchr(b'>', &b[n..]).map_or(b.len(), |j| n + j + 1);
            return (&src[from..at], end);
        }
        i = at + 2;
    }
    (&src[from..], b.len())
}

/// The first publication stamp in a script's data: a key such as `pubtime`, `publishTime`,
/// `publish_time`, `publishDate` or `datePublished`, quoted (JSON) or bare (a JavaScript object
/// literal), then `:` or `=`, then a quoted value.
fn script_stamp(script: &str) -> Option<String> {
    const KEYS: [&str; 6] = ["pubtime", "publishtime", "publish_time", "publishdate", "datepublished", "pubdate"];
    let lower = script.to_ascii_lowercase();
    let b = lower.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$';
    let mut best: Option<(usize, String)> = None;
    for key in KEYS {
        for at in memchr::memmem::find_iter(b, key.as_bytes()) {
            let end = at + key.len();
            if (at > 0 && ident(b[at - 1])) || b.get(end).is_some_and(|&c| ident(c)) {
                continue;
            }
            let rest = script[end..].trim_start_matches(['"', '\'']).trim_start();
            let Some(rest) = rest.strip_prefix([':', '=']).map(str::trim_start) else { continue };
            let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) else { continue };
            let Some(value) = rest[1..].split(quote).next().filter(|v| v.len() <= 40) else { continue };
            if best.as_ref().map_or(true, |(b, _)| at < *b) {
                best = Some((at, value.to_string()));
            }
            break;
        }
    }
    best.map(|(_, v)| v).or_else(|| rendered_stamp(script, &lower, &KEYS))
}

/// A script that renders the publication time into an element named by a publication key
/// (`getElementById("publish_time")`), as pages that show a relative time (昨天, 3小时前) do: the
/// first quoted date literal (`"2020-02-12"`) in that script is the stamp it renders from.
fn rendered_stamp(script: &str, lower: &str, keys: &[&str]) -> Option<String> {
    // memmem: str::contains has no SIMD search in wasm, and every script of a page without a stamp
    // is searched twelve times here
    let has = |needle: String| memchr::memmem::find(lower.as_bytes(), needle.as_bytes()).is_some();
    let named = keys.iter().any(|k| has(format!("\"{k}\"")) || has(format!("'{k}'")));
    if !named {
        return None;
    }
    let b = script.as_bytes();
    (0..b.len().saturating_sub(11)).find_map(|i| {
        let quote = b[i];
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let d = &b[i + 1..i + 11];
        let iso = d[..4].iter().all(u8::is_ascii_digit)
            && d[4] == b'-'
            && d[5..7].iter().all(u8::is_ascii_digit)
            && d[7] == b'-'
            && d[8..10].iter().all(u8::is_ascii_digit);
        if !iso {
            return None;
        }
        // the literal ends within 25 bytes (`2020-02-12 08:30:00+08:00`): a bounded look, linear cost
        let end = b[i + 1..b.len().min(i + 27)].iter().position(|&c| c == quote)? + i + 1;
        Some(script[i + 1..end].to_string())
    })
}

/// Byte bounds of the visible part of a raw run: white space and `&nbsp;`-like entities trimmed.
fn visible_bounds(raw: &str) -> (usize, usize) {
    const BLANKS: [&str; 5] = ["&nbsp;", "&#160;", "&#12288;", "&ensp;", "&emsp;"];
    let mut s = raw;
    loop {
        let t = s.trim_start_matches(is_space);
        match BLANKS.iter().find(|e| t.starts_with(*e)) {
            Some(e) => s = &t[e.len()..],
            None => {
                s = t;
                break;
            }
        }
    }
    let lead = raw.len() - s.len();
    loop {
        let t = s.trim_end_matches(is_space);
        match BLANKS.iter().find(|e| t.ends_with(*e)) {
            Some(e) => s = &t[..t.len() - e.len()],
            None => {
                s = t;
                break;
            }
        }
    }
    (lead, lead + s.len())
}

/// Collapse white space to single spaces and trim.
fn collapse(s: &str) -> String {
    s.split(is_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Marks that an element's name gives.
fn element_marks(name: &str) -> u32 {
    match name {
        "nav" => marks::NAV,
        "footer" => marks::FOOTER,
        "aside" => marks::ASIDE,
        "article" => marks::CONTENT,
        "h1" => marks::H1,
        "h2" | "h3" | "h4" | "h5" | "h6" => marks::HEADING,
        "li" => marks::LIST_ITEM,
        "ul" | "menu" => marks::LIST,
        "ol" => marks::LIST | marks::ORDERED,
        "blockquote" => marks::QUOTE,
        "pre" => marks::CODE,
        "figcaption" => marks::CAPTION,
        "b" | "strong" => marks::BOLD,
        "table" => marks::TABLE,
        "figure" => marks::FIGURE,
        _ => 0,
    }
}

/// Marks that class and id words give (lower-cased). Words are matched inside compound names
/// (`main-nav`, `topnav`, `articleContent`, `pubtime`), the way templates build them.
fn class_marks(words: &str) -> u32 {
    // (substring, mark): each names the container it marks on news templates
    const WORDS: &[(&str, u32)] = &[
        ("breadcrumb", marks::BREADCRUMB),
        ("crumb", marks::BREADCRUMB),
        ("location", marks::BREADCRUMB),
        ("position", marks::BREADCRUMB),
        ("weizhi", marks::BREADCRUMB),
        ("nav", marks::NAV),
        ("menu", marks::NAV),
        ("footer", marks::FOOTER),
        ("copyright", marks::FOOTER),
        ("comment", marks::COMMENT),
        ("pinglun", marks::COMMENT),
        ("related", marks::RELATED),
        ("relate", marks::RELATED),
        ("xiangguan", marks::RELATED),
        ("recommend", marks::RELATED),
        ("share", marks::SHARE),
        ("fenxiang", marks::SHARE),
        ("author", marks::AUTHOR),
        ("writer", marks::AUTHOR),
        ("zuozhe", marks::AUTHOR),
        ("source", marks::SOURCE),
        ("laiyuan", marks::SOURCE),
        ("pubtime", marks::TIME),
        ("pub_time", marks::TIME),
        ("publish", marks::TIME),
        ("time", marks::TIME),
        ("date", marks::TIME),
        ("editor", marks::EDITOR),
        ("bianji", marks::EDITOR),
        ("content", marks::CONTENT),
        ("article", marks::CONTENT),
        ("zhengwen", marks::CONTENT),
        ("detail", marks::CONTENT),
        ("sidebar", marks::ASIDE),
        ("caption", marks::CAPTION),
    ];
    // every word found anywhere in `words`, overlaps included (`pubtime` gives `time` too), in one
    // pass: a `contains` per word set up a substring searcher 34 times per attribute, a third of the
    // HTML parse in wasm, where std has no SIMD substring search. The compiler builds the automaton.
    const NAMES: [&str; WORDS.len()] = {
        let mut names = [""; WORDS.len()];
        let mut i = 0;
        while i < names.len() {
            names[i] = WORDS[i].0;
            i += 1;
        }
        names
    };
    static MATCHER: Dfa<{ dfa::states(&NAMES) }, { dfa::classes(&NAMES).len }> = Dfa::new(&NAMES);
    let mut m = 0;
    MATCHER.for_each_match(words.as_bytes(), |_, _, word| m |= WORDS[word].1);
    // short words count only as whole words: `foot`, `side`, `text`, `bottom`
    for token in words.split(|c: char| !c.is_ascii_alphanumeric()) {
        m |= match token {
            "foot" | "bottom" | "ft" => marks::FOOTER,
            "side" | "right" | "r" => marks::ASIDE,
            "text" | "body" | "main" => marks::CONTENT,
            // artibody, postbody, newsbody: the article's text box
            t if t.len() > 5 && t.ends_with("body") && t != "tbody" => marks::CONTENT,
            _ => 0,
        };
    }
    m
}

/// Decode character references (`&amp;`, `&#12288;`, `&#x4e2d;`, the common named ones).
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        match reference(rest) {
            Some((c, used)) => {
                out.push_str(&c.as_str());
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A decoded reference at the start of `s` (which starts with `&`) and the bytes it used.
fn reference(s: &str) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, digits_from) = if matches!(b.get(2), Some(b'x' | b'X')) { (true, 3) } else { (false, 2) };
        let digits = b[digits_from..]
            .iter()
            .take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() })
            .count();
        if digits == 0 {
            return None;
        }
        let text = &s[digits_from..digits_from + digits];
        let value = u32::from_str_radix(&text[..text.len().min(8)], if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let mut used = digits_from + digits;
        if b.get(used) == Some(&b';') {
            used += 1;
        }
        return Some((Decoded::Char(numeric(value)), used));
    }
    let len = b[1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    let name = &s[1..1 + len];
    let semi = b.get(1 + len) == Some(&b';');
    let value = named(name)?;
    if !semi && !matches!(name, "nbsp" | "amp" | "lt" | "gt" | "quot" | "copy" | "reg") {
        return None;
    }
    Some((Decoded::Str(value), 1 + len + usize::from(semi)))
}

enum Decoded {
    Char(char),
    Str(&'static str),
}

impl Decoded {
    fn as_str(&self) -> std::borrow::Cow<'static, str> {
        match self {
            Decoded::Char(c) => std::borrow::Cow::Owned(c.to_string()),
            Decoded::Str(s) => std::borrow::Cow::Borrowed(s),
        }
    }
}

/// A numeric reference's character, with the WHATWG fixes: NUL, surrogates and out-of-range
/// values become U+FFFD; 0x80–0x9F are read as windows-1252, as pages that mean “ and — write them.
fn numeric(v: u32) -> char {
    const C1: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match v {
        0x80..=0x9f => C1[(v - 0x80) as usize],
        0 => '\u{fffd}',
        _ => char::from_u32(v).unwrap_or('\u{fffd}'),
    }
}

/// The named references Chinese news pages use (the full HTML list has 2,231; the rest stay as written).
fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "nbsp" => "\u{a0}",
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "copy" | "COPY" => "©",
        "reg" | "REG" => "®",
        "trade" => "™",
        "middot" | "centerdot" => "·",
        "bull" | "bullet" => "•",
        "hellip" => "…",
        "mdash" => "—",
        "ndash" => "–",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "sbquo" => "‚",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "times" => "×",
        "divide" => "÷",
        "deg" => "°",
        "plusmn" => "±",
        "sup1" => "¹",
        "sup2" => "²",
        "sup3" => "³",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "yen" => "¥",
        "euro" => "€",
        "pound" => "£",
        "cent" => "¢",
        "sect" => "§",
        "para" => "¶",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "zwj" => "\u{200d}",
        "zwnj" => "\u{200c}",
        "shy" => "\u{ad}",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "harr" => "↔",
        "iexcl" => "¡",
        "iquest" => "¿",
        "micro" => "µ",
        "not" => "¬",
        "dagger" => "†",
        "Dagger" => "‡",
        "permil" => "‰",
        "prime" => "′",
        "Prime" => "″",
        "le" => "≤",
        "ge" => "≥",
        "ne" => "≠",
        "infin" => "∞",
        "hearts" => "♥",
        "starf" | "bigstar" => "★",
        "star" => "☆",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "mu" => "μ",
        "pi" => "π",
        "sigma" => "σ",
        "omega" => "ω",
        "Omega" => "Ω",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        let h = parse(html);
        h.blocks.iter().map(|b| h.text[b.range.clone()].to_string()).collect()
    }

    #[test]
    fn blocks_from_markup() {
        let html = "<html><head><title>标题_某某网</title><style>p{}</style></head><body>\
                    <div class=nav><a href=/>首页</a> <a href=/a>国内</a></div>\
                    <h1>一个  标题</h1><p>第一段&nbsp;文字&amp;符号<br>第二行</p>\
                    <script>var x='<p>no</p>';</script><!-- <p>no</p> --><p hidden>no</p>\
                    <div style=\"display: none\">no</div><p>最后&#x4e00;段&#12288;</p></body></html>";
        assert_eq!(
            texts(html),
            ["首页 国内", "一个 标题", "第一段 文字&符号", "第二行", "最后一段"],
            "should keep visible text only, one block per block element or <br>"
        );
        let h = parse(html);
        assert_eq!(h.raw.title.as_deref(), Some("标题_某某网"), "should read <title>");
        assert!(h.blocks[0].hint.link_density() > 0.99, "should count link text");
        assert!(h.blocks[0].hint.has(marks::NAV), "should mark the nav container");
        assert!(h.blocks[1].hint.has(marks::H1), "should mark the h1");
    }

    #[test]
    fn spans_point_into_the_source() {
        let html = "<p>  你好，<b>世界</b>𠀀 </p><p>a &amp; b</p>";
        let h = parse(html);
        let units: Vec<u16> = html.encode_utf16().collect();
        let slice = |b: &HtmlBlock| String::from_utf16(&units[b.start..b.end]).unwrap();
        assert_eq!(slice(&h.blocks[0]), "你好，<b>世界</b>𠀀", "should span from first to last run");
        assert_eq!(slice(&h.blocks[1]), "a &amp; b", "should span the source of entities");
    }

    #[test]
    fn tag_soup() {
        let html = "<div><p>一<p>二</div></div></span><li>三<li>四<table><tr><td>五<td>六</table>\
                    <a href=x>七<a href=y>八</a> 九 < 十 <b";
        assert_eq!(
            texts(html),
            ["一", "二", "三", "四", "五 六", "七八 九 < 十"],
            "should read tag soup like a browser"
        );
        assert_eq!(texts("<p title='a>b'>甲</p><p>乙"), ["甲", "乙"], "should honour quotes in attributes");
        assert_eq!(texts("<p>甲<!-- 未完"), ["甲"], "should drop an unterminated comment");
    }

    #[test]
    fn breadcrumb_cells_make_one_line() {
        let html = "<ul class=crumb><li><a href=/>首页</a></li><li>&gt; <a href=/a>要闻</a></li><li>&gt; 本地</li></ul><p>正文</p>";
        assert_eq!(texts(html), ["首页> 要闻> 本地", "正文"], "should join a breadcrumb split over list items");
    }

    #[test]
    fn stamps_in_script_data() {
        assert_eq!(
            script_stamp(r#"var DATA = {"pubtime": "2019-09-07 19:02:26"}"#).as_deref(),
            Some("2019-09-07 19:02:26")
        );
        assert_eq!(
            script_stamp("info = { publish_time: '2019-09-08 11:42:03' }").as_deref(),
            Some("2019-09-08 11:42:03")
        );
        assert_eq!(script_stamp("var republish_time = '2019'; x.pubdate2 = 'y'"), None, "should match whole keys only");
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE html><p>x"), "should see a doctype");
        assert!(looks_like_html("<div><p>a</p><p>b</p><p>c</p></div>"), "should see a high share of tags");
        assert!(!looks_like_html("标题\n正文里提到 a<b 和 <c> 这样的写法。\n"), "should leave plain text alone");
        // a table layout without <html>, wrapped in a crawl dataset's element: long tags, much text
        let cell = "<td valign=\"top\" width=\"166\" height=\"24\" bgcolor=\"#E7E7E7\"><font color=\"#FF8040\">";
        let row = format!("<tr>{cell}栏目名称</font></td>{cell}今天的天气晴朗，适合出门散步。</font></td></tr>\n");
        let fragment = format!(
            "<text id=\"x\" title=\"标题\">\n<table border=\"0\">\n{}</table>\n{}",
            row.repeat(6),
            "正文。".repeat(200)
        );
        assert!(looks_like_html(&fragment), "should see a fragment of table layout as HTML");
        let quoting =
            format!("{}\n代码里写 <div class=\"a\"></div> 和 <p>段落</p> 即可。\n", "讲解网页的文章正文。".repeat(40));
        assert!(!looks_like_html(&quoting), "should leave text that quotes a few tags alone");
    }
}
