//! The article's content as typed blocks, and its figures.
//!
//! In: the lines' [`Cues`], the [`Layout`] (the body lines and the captions), the body's paragraphs
//! (one per body line, as [`body::paragraphs`] made them), the markup when the page is HTML (its structure and its `<img>`s) and the address relative picture addresses resolve
//! against. Out: [`Content`] blocks in order, and the [`Figure`]s among them.
//! Rules, per line (the first that holds):
//! - code: a line inside `<pre>` (the lines of one `<pre>` make one block), or program text;
//! - a caption ([`Layout::captions`]): it captions the picture right above it (an `<img>` with no
//!   line between), else it is a figure of its own without a source; a credit alone
//!   (`（新华社记者 张三 摄）`) joins the caption above it;
//! - a table row: two or more cells of a `<tr>` (the rows of one `<table>` make one table), or a
//!   line divided by tabs (consecutive ones make one table);
//! - a quote: a line inside `<blockquote>` (the lines of one make one block);
//! - a list item: inside `<li>` (the items of one `<ul>`/`<ol>` make one list), or opened by a
//!   bullet or a number (consecutive ones of the same kind make one list); its text drops the marker;
//! - a subheading: a section heading inside the text, an `<h2>`…`<h6>`, a bold line alone of at most
//!   40 characters that is no sentence, a short line opened by a section marker (`一、总体要求`), or
//!   a line of 4 to 20 characters without punctuation between two paragraphs of prose; never a line
//!   that opens with a dash (an attribution: `——习近平`);
//! - else a paragraph, cleaned as the body's paragraphs are.
//!
//! Pictures (HTML): the visible `<img>`s inside the element that holds the article's lines, after
//! the headline and byline and before the first line after the text that is not the article's;
//! not icons (a `width`/`height` under 50), not in a share bar, navigation, comments or related
//! list, not a logo, QR code or button by their address ([`IMAGE_FURNITURE`]); each once.
//! Spans: in HTML, a block's span runs from its first line's start to its last line's end (a
//! figure from its `<img>` to its caption); in text the spans are line indices, which the caller
//! turns into UTF-16 spans once the lines' spans are known ([`to_spans`]).

use super::body;
use crate::article::{Block, Content, Figure};
use crate::blocks::html::{marks, Html, HtmlImage};
use crate::classify::{code, Cues, Layout};
use crate::lexicon::{find_word, IMAGE_FURNITURE};
use crate::recognize::{caption, item, kind};

/// What a line is in the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Paragraph,
    Subheading,
    /// A list item; `group` names its list (an element, or [`TEXT`] for text lists).
    Item {
        ordered: bool,
        group: u32,
    },
    Row {
        group: u32,
    },
    Quote {
        group: u32,
    },
    Code {
        group: u32,
    },
    Caption,
}

/// The group of the pieces that text, not markup, puts together: consecutive ones.
const TEXT: u32 = u32::MAX;

/// The content blocks and the figures of the article (see the module rules). `paragraphs`: the
/// body's, one per line of `layout.body`; `base`: the address relative picture addresses resolve
/// against.
pub fn content(
    cues: &[Cues],
    layout: &Layout,
    paragraphs: &[String],
    html: Option<&Html>,
    base: Option<&str>,
) -> (Vec<Content>, Vec<Figure>) {
    let merged: Vec<usize>;
    let lines: &[usize] = if layout.captions.is_empty() {
        &layout.body
    } else {
        let mut all: Vec<usize> = layout.body.iter().chain(&layout.captions).copied().collect();
        all.sort_unstable();
        all.dedup();
        merged = all;
        &merged
    };
    let span = |i: usize| html.map_or((i, i), |h| (h.blocks[i].start, h.blocks[i].end));
    let images = html.map(|h| pictures(h, layout, lines)).unwrap_or_default();
    let mut images = images.into_iter().peekable();
    let pieces: Vec<Piece> = (0..lines.len()).map(|k| piece(cues, layout, html, lines, k)).collect();
    let mut out: Vec<Content> = Vec::with_capacity(lines.len() + images.len());
    // whether the last block is a picture with nothing after it yet (a caption below it is its own)
    let mut open_picture = false;
    for (k, &i) in lines.iter().enumerate() {
        if let Some(h) = html {
            while let Some(img) = images.next_if(|img| img.start < h.blocks[i].start) {
                out.push(picture(img, base));
                open_picture = true;
            }
        }
        let c = &cues[i];
        let text = c.line.text;
        let (start, end) = span(i);
        let piece = pieces[k];
        // the piece of the line right above, when it is the article's too
        let prev = (k > 0 && lines[k - 1] + 1 == i && !open_picture).then(|| pieces[k - 1]);
        let continues = prev == Some(piece);
        match (piece, out.last_mut()) {
            (Piece::Caption, Some(Content::Figure(f))) if open_picture && f.caption.is_none() => {
                f.caption = Some(text.to_string());
                f.end = end;
            }
            (Piece::Caption, Some(Content::Figure(f))) if continues && caption::credit_only(text, c.chars) => {
                let joined = format!("{}{}{text}", f.caption.as_deref().unwrap_or(""), joiner(text));
                f.caption = Some(joined);
                f.end = end;
            }
            (Piece::Caption, _) => {
                out.push(Content::Figure(Figure { src: None, alt: None, caption: Some(text.to_string()), start, end }))
            }
            (Piece::Code { .. }, Some(Content::Code { text: t, end: e, .. }))
            | (Piece::Quote { .. }, Some(Content::Quote { text: t, end: e, .. }))
                if continues =>
            {
                t.push('\n');
                t.push_str(text);
                *e = end;
            }
            (Piece::Code { .. }, _) => out.push(Content::Code { text: text.to_string(), start, end }),
            (Piece::Quote { .. }, _) => out.push(Content::Quote { text: text.to_string(), start, end }),
            (Piece::Row { .. }, Some(Content::Table { rows, end: e, .. })) if continues => {
                rows.push(cells(html, i, text));
                *e = end;
            }
            (Piece::Row { .. }, _) => out.push(Content::Table { rows: vec![cells(html, i, text)], start, end }),
            (Piece::Item { .. }, Some(Content::List { items, end: e, .. })) if continues => {
                items.push(item_text(text).to_string());
                *e = end;
            }
            (Piece::Item { ordered, .. }, _) => {
                out.push(Content::List { ordered, items: vec![item_text(text).to_string()], start, end })
            }
            (Piece::Subheading, _) => out.push(Content::Subheading { text: text.to_string(), start, end }),
            (Piece::Paragraph, _) => {
                // the body's paragraph of this line, made once
                let text = match layout.body.binary_search(&i) {
                    Ok(b) => paragraphs[b].clone(),
                    Err(_) => body::clean(text).to_string(),
                };
                out.push(Content::Paragraph { text, start, end })
            }
        }
        open_picture = false;
    }
    // a picture under the last line (the lines' region ends at the next line that is not the article's)
    for img in images {
        out.push(picture(img, base));
    }
    let figures = out
        .iter()
        .filter_map(|c| match c {
            Content::Figure(f) => Some(f.clone()),
            _ => None,
        })
        .collect();
    (out, figures)
}

/// Text spans from line indices: in text, [`content`] gives each block's first and last lines as
/// its `start` and `end`; these become the lines' UTF-16 spans from `blocks`.
pub fn to_spans(content: &mut [Content], figures: &mut [Figure], blocks: &[Block]) {
    let fix = |start: &mut usize, end: &mut usize| {
        *start = blocks.get(*start).map_or(0, |b| b.start);
        *end = blocks.get(*end).map_or(*start, |b| b.end);
    };
    for c in content.iter_mut() {
        let (start, end) = c.span_mut();
        fix(start, end);
    }
    for f in figures.iter_mut() {
        fix(&mut f.start, &mut f.end);
    }
}

/// What joins a credit to the caption above it: nothing before a full-width bracket, else a space.
fn joiner(credit: &str) -> &'static str {
    if credit.starts_with(['（', '【']) {
        ""
    } else {
        " "
    }
}

/// What the `k`-th content line is (see the module rules).
fn piece(cues: &[Cues], layout: &Layout, html: Option<&Html>, lines: &[usize], k: usize) -> Piece {
    let i = lines[k];
    let c = &cues[i];
    let text = c.line.text;
    let hint = html.map(|h| h.blocks[i].hint);
    let has = |m: u32| hint.is_some_and(|h| h.has(m));
    let group = |m: u32| html.and_then(|h| h.nearest(i, m)).unwrap_or(TEXT);
    if has(marks::CODE) {
        return Piece::Code { group: group(marks::CODE) };
    }
    if layout.captions.binary_search(&i).is_ok() {
        return Piece::Caption;
    }
    // program text opens with an ASCII character: a look at the first byte spares the rest the test
    if html.is_none() && text.as_bytes()[0] < 0x80 && code(text) {
        return Piece::Code { group: TEXT };
    }
    if html.is_some_and(|h| h.cells(i).is_some()) {
        return Piece::Row { group: group(marks::TABLE) };
    }
    if c.kind & kind::CELLS != 0 {
        return Piece::Row { group: TEXT };
    }
    if has(marks::QUOTE) {
        return Piece::Quote { group: group(marks::QUOTE) };
    }
    if has(marks::LIST_ITEM) && hint.is_some_and(|h| h.link_density() < 0.5) {
        let list = group(marks::LIST);
        let ordered = html.is_some_and(|h| list != TEXT && h.own_marks[list as usize] & marks::ORDERED != 0);
        return Piece::Item { ordered, group: list };
    }
    if c.kind & kind::ITEM != 0 {
        return Piece::Item { ordered: c.kind & kind::NUMBER != 0, group: TEXT };
    }
    if c.subheading || has(marks::HEADING) {
        return Piece::Subheading;
    }
    // the rest are short lines that are no sentence
    if c.chars > 40 || c.prose {
        return Piece::Paragraph;
    }
    // a sentence, or an attribution (`——习近平`), is no heading
    let sentence = text.ends_with(['。', '！', '？', '；', '，', '.', '!', '?', ';', ',', '…', '”', '：', ':'])
        || text.starts_with(['—', '―', '-']);
    let prose = |j: Option<&usize>| j.is_some_and(|&j| cues[j].prose && layout.body.binary_search(&j).is_ok());
    let subheading = !sentence
        && (has(marks::BOLD)
            || (c.kind & kind::SECTION != 0 && c.chars <= 30 && c.punct <= 1)
            || ((4..=20).contains(&c.chars)
                && c.punct == 0
                && prose(k.checked_sub(1).and_then(|p| lines.get(p)))
                && prose(lines.get(k + 1))));
    if subheading {
        Piece::Subheading
    } else {
        Piece::Paragraph
    }
}

/// The cells of a table row: split where the markup's cells start, or at tabs.
fn cells(html: Option<&Html>, i: usize, text: &str) -> Vec<String> {
    let trim = |s: &str| s.trim_matches(crate::blocks::is_space).to_string();
    match html.and_then(|h| h.cells(i)) {
        Some(starts) => {
            let mut from = 0;
            let mut out = Vec::with_capacity(starts.len() + 1);
            for &at in starts {
                let at = (at as usize).min(text.len());
                out.push(trim(&text[from..at]));
                from = at;
            }
            out.push(trim(&text[from..]));
            out
        }
        None => text.split('\t').map(trim).filter(|c| !c.is_empty()).collect(),
    }
}

/// A list item's text without the bullet or number that opens it.
fn item_text(text: &str) -> &str {
    &text[item::marker_len(text)..]
}

/// A figure for a picture.
fn picture(img: &HtmlImage, base: Option<&str>) -> Content {
    let src = base.and_then(|b| crate::url::resolve(b, &img.src)).unwrap_or_else(|| img.src.clone());
    Content::Figure(Figure { src: Some(src), alt: img.alt.clone(), caption: None, start: img.start, end: img.end })
}

/// Containers whose pictures are not the article's.
const NOT_ARTICLE: u32 = marks::NAV | marks::FOOTER | marks::COMMENT | marks::RELATED | marks::SHARE | marks::ASIDE;

/// The pictures of the article (see the module rules), in order.
fn pictures<'h>(html: &'h Html, layout: &Layout, lines: &[usize]) -> Vec<&'h HtmlImage> {
    let (Some(&first), Some(&last)) = (lines.first(), lines.last()) else { return Vec::new() };
    // the element that holds the article's lines: the nearest one around both its first and its last
    // line (around a text of one line, the element around that line's own)
    let around_first: Vec<u32> = html.enclosing(first).take(64).collect();
    let mut holder = html.enclosing(last).take(64).find(|e| around_first.contains(e));
    if first == last {
        holder =
            holder.and_then(|e| html.parents.get(e as usize).copied().filter(|&p| p != crate::blocks::html::NO_PARENT));
    }
    let Some(holder) = holder else { return Vec::new() };
    // after the headline and the byline above the text; up to the next line that is not the article's
    let header_end = layout
        .title_lines
        .iter()
        .chain(&layout.header)
        .copied()
        .filter(|&k| k < first)
        .max()
        .map_or(0, |k| html.blocks[k].end);
    let after = html.blocks.get(last + 1).map_or(usize::MAX, |b| b.start);
    let mut seen: Vec<&str> = Vec::new();
    html.images
        .iter()
        .filter(|img| img.start >= header_end && img.start < after && !img.small)
        .filter(|img| img.marks & NOT_ARTICLE == 0)
        .filter(|img| {
            let src = img.src.to_ascii_lowercase();
            !IMAGE_FURNITURE.iter().any(|w| find_word(&src, w).is_some())
        })
        .filter(|img| element_chain(html, img.parent).any(|e| e == holder))
        .filter(|img| {
            let new = !seen.contains(&img.src.as_str());
            seen.push(&img.src);
            new
        })
        .collect()
}

/// Element `e` and the elements around it, innermost first, at most 64.
fn element_chain(html: &Html, e: Option<u32>) -> impl Iterator<Item = u32> + '_ {
    let mut e = e;
    std::iter::from_fn(move || {
        let id = e?;
        e = html.parents.get(id as usize).copied().filter(|&p| p != crate::blocks::html::NO_PARENT);
        Some(id)
    })
    .take(64)
}
