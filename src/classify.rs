//! Blocks → roles: where the headline, byline, body and trailing sections are.
//!
//! In: the page's [`Line`]s. Out: a [`Layout`] — a role for every line and the indices of the
//! regions the extractors read.
//! Rules, in order:
//! 1. Cues per line: length, sentence punctuation, labelled credits, dates (also a date broken over
//!    lines), furniture (share bars, 原标题 notes, disclaimers, pagers, promotions), photo captions,
//!    footer words (版权所有, ICP备), section headings — but a heading between paragraphs of prose is
//!    a subheading of the text (a digest's `国内资讯`), not a trailing block's. A run of noise lines
//!    (one record from `blocks::text`: a character per line, symbols, undecodable bytes) is furniture.
//! 2. The body is the run of lines with the most prose: each prose line weighs its length, each
//!    short or unpunctuated line costs a little, credits, furniture, headings and footers cost a lot;
//!    the best-scoring contiguous run wins (the maximum-subarray idea of Body Text Extraction,
//!    Finn et al. 2001, over lines instead of tags), with a bonus for a run an article frames — a
//!    dated byline above, closing credits below. The run then grows over a salutation above it
//!    (`女士们、先生们：`), a sentence cut at a comma, a text's opening subheading under the byline,
//!    and short lines down to the closing credits; a photo caption closing it (`…。（BBC）`) and a
//!    first paragraph that repeats later sentences (a summary box, a pull quote) leave it. A list or a
//!    table between two paragraphs (items opened by bullets or numbers, rows divided by tabs, or
//!    `<li>`s and table rows of two or more cells) costs nothing there, whatever its lines read as
//!    alone (a schedule's dated rows are no byline): the text goes on after it. Picture captions in
//!    the text, or right above or below it, are the article's but not its text ([`Layout::captions`]).
//! 3. The breadcrumb is the nearest path-like line (or path broken over lines, with or without its
//!    arrows: `首页` / `基金资讯` / `资讯正文`) above the body; the headline is the best-scoring
//!    headline-like line between it and the body — right above the byline row, right after the path,
//!    sentence-length, with headline punctuation. The byline is every credit or date line between
//!    the headline and the body.
//! 4. After the body, credit lines (责任编辑 …) close the article — also one that follows a short
//!    embedded block; then headed sections of items; then the footer.
//! 5. A page with no prose is a listing: it keeps a breadcrumb, and a header only when a labelled
//!    byline (发布时间：…) marks one.

pub mod decide;
pub mod features;
mod weights;

pub use decide::{State, Weights, HAND};
#[cfg(feature = "fit")]
pub use decide::{OUT, OUT_NAMES};
pub use features::Markup;
#[cfg(feature = "fit")]
pub use weights::FITTED;

/// The weights the parser decides with: the fitted ones where grouped cross-validation put them
/// ahead of the hand-set ones (`scripts/fit` decides and records it in the generated table).
pub static WEIGHTS: &Weights = if weights::FITTED_WINS { &weights::FITTED } else { &HAND };

use crate::article::Role;
use crate::blocks::{char_count, count_bytes, is_cjk, is_space, Line};
use crate::lexicon::Field;
use crate::lexicon::{
    find_word, word, CAPTION_ENDINGS, CODE_KEYWORDS, DOCUMENT_KINDS, GENERIC_ROOTS, HEADLINE_CONNECTIVES,
    ISSUER_ENDINGS, LIST_WORDS, PHOTO_ENDINGS, RELATIVE_TIMES, SALUTATION_WORDS, SECTION_HEADINGS, SHARE_BUTTONS,
};
use crate::recognize::credit::Credit;
use crate::recognize::date::{split_date, DateMatch};
use crate::recognize::{self, breadcrumb, heading, kind, Matches};

/// What one line shows, computed once: its counts and the classifier's reading of it, beside what
/// the recognizers found ([`Matches`]). A page has one per line, so it stays small (40 bytes on a
/// 64-bit target, 28 on wasm32): counts in `u32`, the heading as a length, and credits and dates in
/// one box that most lines do without.
#[derive(Debug)]
pub struct Cues<'a> {
    pub line: Line<'a>,
    pub chars: u32,
    /// Sentence punctuation marks (，。！？；、 and their ASCII forms).
    pub punct: u32,
    pub prose: bool,
    pub furniture: bool,
    /// A photo caption or photo credit (`图片来源：…`, `…（视觉中国）`, `…摄`).
    pub photo: bool,
    pub footer: bool,
    /// The length of the section heading the line starts with ([`Cues::heading`]), 0 for none.
    heading_len: u8,
    /// What the recognizers say the line is besides its matches ([`crate::recognize::kind`] bits:
    /// a list item, a section marker, cells, a caption, a summary, tag or category line).
    pub kind: u8,
    /// A section heading that stands inside the text ([`in_body_subheading`]): a subheading.
    pub subheading: bool,
    /// A relative time (`3小时前`, `昨天`) stands in the line.
    pub relative: bool,
    /// The line's labelled credits and dates, boxed together: most lines have neither, and then
    /// this is one null word.
    matches: Option<Box<Matches<'a>>>,
}

impl<'a> Cues<'a> {
    /// A run of noise lines ([`crate::blocks::text::split`]): page furniture, and nothing else.
    fn run(line: Line<'a>) -> Self {
        let chars = count32(char_count(line.text));
        Cues {
            line,
            chars,
            punct: 0,
            prose: false,
            furniture: true,
            photo: false,
            footer: false,
            heading_len: 0,
            kind: 0,
            subheading: false,
            relative: false,
            matches: None,
        }
    }

    /// What the recognizers found on the line: its credits and dates, or `None` for neither.
    pub fn matches(&self) -> Option<&Matches<'a>> {
        self.matches.as_deref()
    }

    /// The line's labelled credits (作者：…, 来源：…, 发布时间：…), in order.
    pub fn credits(&self) -> &[Credit<'a>] {
        self.matches().map_or(&[], Matches::credits)
    }

    /// The dates on the line, in order.
    pub fn dates(&self) -> &[DateMatch] {
        self.matches().map_or(&[], Matches::dates)
    }

    /// The section heading the line holds (`相关阅读`, from `相关阅读 更多>>`), if it is one.
    pub fn heading(&self) -> Option<&'a str> {
        (self.heading_len > 0).then(|| &self.line.text[..usize::from(self.heading_len)])
    }

    /// A line of credits or a date: short, and carrying labels or a date.
    pub fn is_byline(&self) -> bool {
        self.chars <= 100
            && !self.prose_sentence()
            && !self.photo
            && (!self.credits().is_empty() || !self.dates().is_empty())
    }

    /// Prose that happens to contain a label (a lead paragraph with （记者…）) is not a byline.
    fn prose_sentence(&self) -> bool {
        self.chars >= 40 && self.punct >= 2
    }

    /// A picture caption or credit under a photo: `主教练在场边布置战术。视频截图`, `（林可摄）`.
    pub fn caption(&self) -> bool {
        let t = self.line.text.trim_end_matches([')', '）']);
        t.contains('。') || CAPTION_ENDINGS.iter().any(|e| t.ends_with(e))
    }

    /// Could this line be a headline?
    pub fn headline_like(&self) -> bool {
        let t = self.line.text;
        // the length first: counting a long line's Han characters would cost a pass over it
        (5..=80).contains(&self.chars)
            && t.chars().filter(|c| is_cjk(*c)).nth(1).is_some()
            && !self.furniture
            && !self.footer
            && !self.is_byline()
            && !t.ends_with([':', '：', '。'])
            && breadcrumb::parse(t).is_none()
    }
}

/// A pager: page numbers alone, `【1】【2】【3】【4】` or `1 2 3 下一页`.
fn pager(t: &str) -> bool {
    const MARKS: [char; 9] = ['【', '】', '[', ']', '(', ')', '（', '）', '|'];
    // the character test first: it stops at the first letter of almost every line
    t.chars().all(|c| c.is_ascii_digit() || MARKS.contains(&c) || is_space(c)) && t.bytes().any(|b| b.is_ascii_digit())
}

/// What a line's bytes count: its characters, its sentence punctuation marks (，。！？；、 and ASCII
/// `,!?;`), its digits (ASCII and full-width), and whether it holds a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    chars: u32,
    punct: u32,
    digits: u32,
    tab: bool,
}

/// One character, mark or digit in the packed counts of [`counts`].
const CHAR: u32 = 1;
const PUNCT: u32 = 1 << 8;
const DIGIT: u32 = 1 << 16;
const TAB: u32 = 1 << 24;

/// What each byte adds to the packed counts: a character for every byte that starts one, a mark
/// for `,!?;`, a digit for `0`…`9`, a tab for `\t`.
static BYTE_COUNTS: [u32; 256] = {
    let mut table = [0; 256];
    let mut x = 0;
    while x < 256 {
        let b = x as u8;
        table[x] = if (b & 0xC0) != 0x80 { CHAR } else { 0 }
            + if matches!(b, b',' | b'!' | b'?' | b';') { PUNCT } else { 0 }
            + if b.is_ascii_digit() { DIGIT } else { 0 }
            + if b == b'\t' { TAB } else { 0 };
        x += 1;
    }
    table
};

/// [`Counts`] of `t`, on its bytes: a character is a byte that starts one; the marks are `,!?;`
/// and the UTF-8 forms of ，！？； (`EF BC 8C/81/9F/9B`) and 。、 (`E3 80 82/81`); the digits are
/// `0`…`9` and `０`…`９` (`EF BC 90`…`99`). Short lines in one plain loop; long ones in passes the
/// compiler vectorizes.
fn counts(t: &str) -> Counts {
    let b = t.as_bytes();
    if b.len() < 64 {
        // one table step per byte: the counts packed in one word, a byte each (a short line has
        // fewer than 256 of anything); the lead bytes of the wide marks and digits look ahead
        let mut packed = 0u32;
        for (i, &x) in b.iter().enumerate() {
            packed += BYTE_COUNTS[usize::from(x)];
            if x == 0xEF || x == 0xE3 {
                packed += match (x, b.get(i + 1), b.get(i + 2)) {
                    (0xEF, Some(0xBC), Some(0x8C | 0x81 | 0x9F | 0x9B)) => PUNCT,
                    (0xEF, Some(0xBC), Some(0x90..=0x99)) => DIGIT,
                    (0xE3, Some(0x80), Some(0x81 | 0x82)) => PUNCT,
                    _ => 0,
                };
            }
        }
        return Counts {
            chars: packed & 0xFF,
            punct: (packed >> 8) & 0xFF,
            digits: (packed >> 16) & 0xFF,
            tab: packed >> 24 != 0,
        };
    }
    let ascii = count_bytes(b, |x| matches!(x, b',' | b'!' | b'?' | b';'));
    let tab = memchr::memchr(b'\t', b).is_some();
    let mut digits = count_bytes(b, |x| x.is_ascii_digit());
    let mut wide = 0;
    let n = b.len() - 2;
    // byte-lane counters of at most 255 per chunk, over three shifted views: the compiler vectorizes
    for at in (0..n).step_by(255) {
        let end = (at + 255).min(n);
        let (x, y, z) = (&b[at..end], &b[at + 1..end + 1], &b[at + 2..end + 2]);
        let (marks, wide_digits) = x.iter().zip(y).zip(z).fold((0u8, 0u8), |(k, d), ((&x, &y), &z)| {
            let fullwidth = (x == 0xEF) & (y == 0xBC);
            let full = fullwidth & ((z == 0x8C) | (z == 0x81) | (z == 0x9F) | (z == 0x9B));
            let cjk = (x == 0xE3) & (y == 0x80) & ((z == 0x81) | (z == 0x82));
            let digit = fullwidth & (0x90..=0x99).contains(&z);
            (k.wrapping_add(u8::from(full | cjk)), d.wrapping_add(u8::from(digit)))
        });
        wide += usize::from(marks);
        digits += usize::from(wide_digits);
    }
    Counts { chars: count32(char_count(t)), punct: count32(ascii + wide), digits: count32(digits), tab }
}

/// A count as `u32`, saturating (a line of more than 4G characters counts as 4G).
fn count32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Compute the cues of every line.
pub fn cues<'a>(lines: impl ExactSizeIterator<Item = Line<'a>>) -> Vec<Cues<'a>> {
    // the labels found in the line being read: one buffer for all lines
    let mut labels = Vec::new();
    let mut cues: Vec<Cues<'a>> = lines
        .map(|line| {
            let t = line.text;
            if crate::blocks::text::is_run(t) {
                return Cues::run(line);
            }
            let Counts { chars, punct, digits, tab } = counts(t);
            let ends = t.ends_with(['。', '！', '？', '”', '…', '」', '.', '!', '?', '，', '；', ',', ';']);
            let prose =
                (chars >= 40 && punct >= 1) || (chars >= 15 && punct >= 2) || (chars >= 8 && ends && punct >= 1);
            let found = recognize::line(t, chars, digits, tab, &mut labels);
            let words = found.words;
            // furniture and footer words mark short lines only; a paragraph may quote them
            // a note of the original title (（原标题：…）) is furniture however long the title;
            // so are the lines that label the article as a whole (摘要：…, 关键词：…, 栏目：…)
            let furniture = (chars <= 40 && words & word::FURNITURE != 0)
                || words & (word::ORIGINAL_TITLE | word::NOTICE_OPENING) != 0
                || (chars <= 100 && words & word::NOTICE != 0)
                || found.kind & kind::LABELLED != 0
                || pager(t)
                || SHARE_BUTTONS.contains(&t);
            let footer = chars <= 120 && words & word::FOOTER != 0;
            // the heading's length fits a byte: a heading opens a line of at most 16 characters
            let heading_len = found.heading.map_or(0, |h| h.len() as u8);
            let photo = found.photo();
            let kind = found.kind;
            Cues {
                line,
                chars,
                punct,
                prose,
                furniture,
                photo,
                footer,
                heading_len,
                kind,
                subheading: false,
                relative: words & word::RELATIVE_TIME != 0,
                matches: found.matches,
            }
        })
        .collect();
    // a date broken over lines (`2019` / `09/07` / `19:02`, as feed pages print it) belongs to its
    // year's line
    for i in 0..cues.len().saturating_sub(1) {
        if cues[i].chars == 4 && cues[i].dates().is_empty() {
            let time = cues.get(i + 2).map(|c| c.line.text);
            if let Some(d) = split_date(cues[i].line.text, cues[i + 1].line.text, time) {
                let credits = std::mem::take(&mut cues[i].matches).map_or_else(Vec::new, |m| m.into_parts().0);
                cues[i].matches = Matches::boxed(credits, vec![d]);
            }
        }
    }
    // a heading inside the text is a subheading, not the start of a trailing block
    for i in 1..cues.len() {
        if cues[i].heading().is_some() && in_body_subheading(&cues, i) {
            cues[i].heading_len = 0;
            cues[i].subheading = true;
        }
    }
    cues
}

/// How many lines below a heading are searched for the prose that continues the text.
const SUBHEADING_LOOK: usize = 5;

/// Digests and long reports divide their text under short headings that end like a trailing
/// block's name (`国内资讯`, `行业要闻`), but such a heading names a topic and stands between
/// paragraphs: prose above it, and at least two paragraphs of 50 characters or more below it, within
/// five lines and before any credit, footer or furniture. A trailing block's heading has a name of
/// its own (相关阅读, 热点新闻: [`SECTION_HEADINGS`]) or names a list (相关…, 最新…, …推荐:
/// [`LIST_WORDS`]), and heads link titles — with summaries, as often as not.
fn in_body_subheading(cues: &[Cues], i: usize) -> bool {
    let list = cues[i]
        .heading()
        .is_some_and(|h| SECTION_HEADINGS.contains(&h) || LIST_WORDS.iter().any(|w| find_word(h, w).is_some()));
    if list || !cues[i - 1].prose {
        return false;
    }
    let below = cues[i + 1..].iter().take(SUBHEADING_LOOK);
    let paragraphs = below
        .take_while(|c| c.heading().is_none() && !c.footer && !c.furniture && !c.is_byline())
        .filter(|c| c.prose && c.chars >= 50)
        .count();
    paragraphs >= 2
}

/// A trailing section's lines: its heading (if any) and its items as (title, summary).
pub type SectionLines = (Option<usize>, Vec<(usize, Option<usize>)>);

/// Where everything is.
#[derive(Debug, Default)]
pub struct Layout {
    pub roles: Vec<Role>,
    pub title: Option<usize>,
    /// The headline's lines, top to bottom: the title line, or a headline broken over lines
    /// (`全国…委员会` / `关于批准…及` / `调整…的决议`).
    pub title_lines: Vec<usize>,
    /// The breadcrumb's lines, top to bottom: one line, or a root and the lines that continue it
    /// (`首页` / `> 要闻` / `> 山西要闻`).
    pub breadcrumb: Vec<usize>,
    /// Byline lines between the headline and the body, top to bottom.
    pub header: Vec<usize>,
    /// Body lines.
    pub body: Vec<usize>,
    /// Picture captions among the body lines or right above or below them, in order: part of the
    /// article, not of its text.
    pub captions: Vec<usize>,
    /// Credit lines after the body.
    pub tail: Vec<usize>,
    /// Trailing sections, in order.
    pub sections: Vec<SectionLines>,
}

/// Give every line a role: the one decision of [`decide`] under `weights` places the headline and the
/// body; the rules below settle their edges and the regions around them.
pub fn classify(cues: &[Cues], markup: Option<&Markup>, weights: &Weights) -> Layout {
    let n = cues.len();
    let mut layout = Layout { roles: vec![Role::Other; n], ..Layout::default() };
    let bits = features::all_bits(cues, markup);
    // the items of a list or table between paragraphs ([`features::bit::BRIDGED`]) stay text
    // however they read alone (a dated row of a schedule is no byline)
    let bridged: Vec<usize> =
        bits.iter().enumerate().filter(|(_, b)| *b & features::bit::BRIDGED != 0).map(|(i, _)| i).collect();
    let path = decide::decide(cues, markup, bits, weights);
    let body = path.iter().position(|&s| s == State::Body).zip(path.iter().rposition(|&s| s == State::Body));
    let title = path.iter().position(|&s| s == State::Title);
    let Some((mut b0, mut b1)) = body else {
        // no prose at all: a listing, an index, or a stub. A labelled byline (发布时间：…) still
        // marks an article's header; bare dates are a listing's entries, which have no headline.
        layout.roles.fill(Role::Navigation);
        find_header(cues, n, None, &mut layout);
        if !layout.header.iter().any(|&k| !cues[k].credits().is_empty()) {
            layout.title = None;
            for k in layout.header.drain(..).chain(layout.title_lines.drain(..)) {
                layout.roles[k] = Role::Navigation;
            }
        }
        return layout;
    };
    if weights.edge_rules {
        // a salutation that opens a speech or letter stands on its own short line ending in a colon
        // (`女士们、先生们：`, `亲爱的同学们：`) and is the text's first line
        if b0 > 0 && salutation(&cues[b0 - 1]) {
            b0 -= 1;
        }
        // a sentence broken over short lines (WeChat style: `从明天起，` / `老城区的公交线路将调整，`) starts
        // on the line whose comma runs on into the body
        while b0 > 0 && runs_on(&cues[b0 - 1]) {
            b0 -= 1;
        }
        // a text divided by subheadings opens under one too, right below the byline row
        b0 = opening_subheading(cues, b0, b1).unwrap_or(b0);
        // short lines between the text and its closing credits are still text: WeChat-style articles
        // end in one-phrase lines (`大家周末见！！！`) right above `编辑|…` / 责任编辑
        if let Some(k) = (b1 + 1..n.min(b1 + 13)).find(|&k| !body_gap(&cues[k])) {
            let closes = cues[k].is_byline() && cues[k].credits().iter().any(|c| c.field != Field::Date);
            if closes && k > b1 + 1 {
                b1 = k - 1;
            }
        }
        // a picture under the last paragraph leaves its caption last
        while b1 > b0 && closing_caption(&cues[b1]) {
            b1 -= 1;
        }
    }
    for (i, c) in cues.iter().enumerate().take(b1 + 1).skip(b0) {
        let role = if caption(cues, i, markup) {
            layout.captions.push(i);
            Role::Other
        } else if c.furniture || c.footer || c.heading().is_some() || (c.photo && !c.prose) {
            Role::Other
        } else if c.is_byline() && c.chars <= 40 && bridged.binary_search(&i).is_err() {
            Role::Byline
        } else {
            Role::Body
        };
        layout.roles[i] = role;
        match role {
            Role::Body => layout.body.push(i),
            Role::Byline => layout.tail.push(i),
            _ => {}
        }
    }
    for r in &mut layout.roles[..b0] {
        *r = Role::Navigation;
    }
    if weights.edge_rules {
        drop_pull_quote(cues, &mut layout);
    }
    find_header(cues, b0, title.filter(|&t| t < b0).map(Some), &mut layout);
    find_trailer(cues, b1 + 1, &mut layout);
    // a picture's caption right above the text's first paragraph or right below its last belongs
    // to the article (a lead picture under the byline, a picture closing the text)
    let free = |r: Role| matches!(r, Role::Navigation | Role::Other);
    let above = (0..b0).rev().take_while(|&k| free(layout.roles[k]) && caption(cues, k, markup)).collect::<Vec<_>>();
    let below = (b1 + 1..n).take_while(|&k| free(layout.roles[k]) && caption(cues, k, markup)).collect::<Vec<_>>();
    for &k in above.iter().chain(&below) {
        layout.roles[k] = Role::Other;
    }
    layout.captions.splice(0..0, above.into_iter().rev());
    layout.captions.extend(below);
    layout
}

/// Whether line `i` captions a picture: the text says so ([`crate::recognize::caption`], or a
/// sentence closed by a picture credit: [`closing_caption`]) or the markup does (`<figcaption>`,
/// class caption).
fn caption(cues: &[Cues], i: usize, markup: Option<&Markup>) -> bool {
    cues[i].kind & kind::CAPTION != 0
        || (cues[i].line.text.ends_with([')', '）']) && closing_caption(&cues[i]))
        || markup.is_some_and(|m| m.hints[i].has(crate::blocks::html::marks::CAPTION) && !cues[i].is_byline())
}

/// Sample windows of this many characters test whether a paragraph repeats later text.
const QUOTE_WINDOW: usize = 12;

/// How much of the body (in bytes, whole paragraphs) the first paragraph is compared with.
const QUOTE_LOOK_BYTES: usize = 16_384;

/// A summary box or pull quote above the text (`导语`/`摘要` boxes, a quoted sentence set above the
/// lead on portals and trade sites) copies sentences from the body: when most of the first
/// paragraph's 12-character windows recur later in the body, it is not the article's first
/// paragraph. Only a paragraph of 30 to 400 characters with at least two paragraphs below it is
/// tested, against the next 40 paragraphs up to 16 KB (a bounded look).
fn drop_pull_quote(cues: &[Cues], layout: &mut Layout) {
    let Some(&first) = layout.body.first() else { return };
    if layout.body.len() < 3 || !(30..=400).contains(&cues[first].chars) {
        return;
    }
    let mut rest = String::new();
    for &i in layout.body[1..].iter().take(40) {
        let t = cues[i].line.text;
        let room = QUOTE_LOOK_BYTES.saturating_sub(rest.len());
        let cut = (0..=room.min(t.len())).rev().find(|&k| t.is_char_boundary(k)).unwrap_or(0);
        rest.push_str(&t[..cut]);
        rest.push('\n');
        if cut < t.len() {
            break;
        }
    }
    // the windows as slices of the lead (no copies), each looked for without building a searcher:
    // up to ~66 windows against at most QUOTE_LOOK_BYTES, a fixed cost that dominated small pages
    let lead = cues[first].line.text;
    let starts: Vec<usize> = lead.char_indices().map(|(k, _)| k).chain([lead.len()]).collect();
    let windows: Vec<&str> = (0..starts.len().saturating_sub(1 + QUOTE_WINDOW))
        .step_by(6)
        .map(|k| &lead[starts[k]..starts[k + QUOTE_WINDOW]])
        .collect();
    let found = windows.iter().filter(|w| find_word(rest.as_bytes(), w).is_some()).count();
    if windows.len() >= 3 && found * 5 >= windows.len() * 3 {
        layout.body.remove(0);
        layout.roles[first] = Role::Other;
    }
}

/// A digest divided by subheadings (see [`in_body_subheading`]) opens with one as well, often over
/// its first item's title (`收盘播报` / `【某报】股指集体回调…`), between the byline row and the first
/// paragraph: when the body from `b0` to `b1` holds a subheading, one or two such lines right under a
/// byline line — the first a short bare phrase, none furniture, credit, caption or heading — start
/// the text. Returns the first of them.
fn opening_subheading(cues: &[Cues], b0: usize, b1: usize) -> Option<usize> {
    let sectioned =
        cues[b0..=b1].iter().any(|c| c.chars <= 16 && c.heading().is_none() && heading::heading(c.line.text).is_some());
    if !sectioned {
        return None;
    }
    let plain = |c: &Cues| {
        c.chars <= 60 && !c.prose && !c.furniture && !c.footer && !c.photo && c.heading().is_none() && !c.is_byline()
    };
    let top = (b0.saturating_sub(2)..b0).find(|&k| (k..b0).all(|j| plain(&cues[j])))?;
    let bare = cues[top].chars <= 16 && cues[top].punct == 0;
    (top > 0 && bare && cues[top - 1].is_byline()).then_some(top)
}

/// A photo caption: one sentence of at most 60 characters closed by a bracketed picture credit —
/// a photographer or picture agency (`（林可摄）`, `（视觉中国）`) or a foreign outlet's Latin name
/// (`（BBC）`, `（Getty Images）`), as portals credit pictures from reprinted reports. Under the last
/// paragraph it captions a picture, not text; a reporter's signature (`（石晓峰）`) or `（完）` is
/// no picture credit.
fn closing_caption(c: &Cues) -> bool {
    let t = c.line.text.trim_end_matches(is_space);
    let Some(inner) = t.strip_suffix([')', '）']) else { return false };
    let Some(open) = inner.rfind(['(', '（']) else { return false };
    let (sentence, credit) = (&inner[..open], inner[open..].trim_start_matches(['(', '（']).trim());
    let ends = |ch: char| matches!(ch, '。' | '！' | '？' | '!' | '?');
    let one_sentence = sentence.trim_end_matches(['”', '"']).ends_with(ends) && sentence.matches(ends).count() == 1;
    let latin = credit.chars().any(|ch| ch.is_ascii_alphabetic())
        && credit.chars().all(|ch| ch.is_ascii_alphabetic() || ch == ' ' || ch == '.');
    let picture = latin || PHOTO_ENDINGS.iter().chain(CAPTION_ENDINGS).any(|e| credit.ends_with(e));
    c.chars <= 60 && one_sentence && (1..=16).contains(&credit.chars().count()) && picture
}

/// A line that is one date and nothing else but brackets and spaces (`2024-04-21 08:12`, `（2019年9月7日）`).
fn date_only_line(c: &Cues) -> bool {
    let t = c.line.text;
    match c.dates() {
        [d] => t[..d.start].chars().chain(t[d.end..].chars()).all(|ch| is_space(ch) || "()（）[]【】".contains(ch)),
        _ => false,
    }
}

/// A short line of text cut at a comma, continued on the next line.
fn runs_on(c: &Cues) -> bool {
    c.chars <= 40
        && c.line.text.ends_with(['，', ','])
        && !c.furniture
        && !c.footer
        && c.heading().is_none()
        && !c.is_byline()
        && breadcrumb::parse(c.line.text).is_none()
}

/// A short line ending in a colon that addresses the audience: `女士们、先生们：`.
fn salutation(c: &Cues) -> bool {
    let t = c.line.text;
    c.chars <= 20
        && t.ends_with([':', '：'])
        && !c.furniture
        && !c.footer
        && c.heading().is_none()
        && !c.is_byline()
        && t.chars().all(|ch| is_cjk(ch) || "、，,:：()（） ".contains(ch))
        && SALUTATION_WORDS.iter().any(|w| find_word(t, w).is_some())
}

/// A line that may stand between the body's last paragraph and the closing credits and still be
/// text: short, not page furniture, a heading, a footer or a credit.
fn body_gap(c: &Cues) -> bool {
    c.chars <= 100 && !c.furniture && !c.footer && c.heading().is_none() && !c.is_byline()
}

/// A line of program text: no ideographs, ASCII letters, and code punctuation or a keyword
/// (`import json`, `data = client.lpop('test')`), as technical articles quote it.
pub fn code(t: &str) -> bool {
    t.is_ascii()
        && t.chars().any(|c| c.is_ascii_alphabetic())
        && (t.contains(['=', '(', ')', '{', '}', ';'])
            || CODE_KEYWORDS
                .iter()
                .any(|k| t.strip_prefix(k).is_some_and(|r| r.is_empty() || r.starts_with([' ', ':']))))
}

/// A credit line that closes an article: 责任编辑 and its kin.
fn closing_credit(c: &Cues) -> bool {
    c.is_byline() && c.credits().iter().any(|c| c.field == Field::Editor)
}

/// How far above the body the header may stand: portals put share bars, counters and ads
/// between the byline row and the text (163 pages carry a dozen such lines).
const HEADER_WINDOW: usize = 40;

/// Byline, headline and breadcrumb above line `b0` (the body's first line, or the end).
///
/// The breadcrumb is the nearest path-like line above the body; the header lies between it and
/// the body. The headline is the best-scoring headline-like line there (see [`title_score`]); the
/// byline is every credit or date line between the headline and the body.
///
/// `decided` is the headline the one decision chose (`Some(None)`: none); without a decision (a
/// listing) the headline is the best by [`title_score`].
fn find_header(cues: &[Cues], b0: usize, decided: Option<Option<usize>>, layout: &mut Layout) {
    let lo = b0.saturating_sub(HEADER_WINDOW);
    let crumb_lines = (lo..b0).rev().find_map(|k| crumb_at(cues, k));
    let crumb = crumb_lines.as_ref().and_then(|c| c.last().copied());
    let top = crumb.map_or(lo, |k| k + 1);
    let title = decided.unwrap_or_else(|| {
        (top..b0)
            .filter(|&k| cues[k].headline_like() && !cues[k].caption())
            .map(|k| (title_score(cues, k, b0, crumb), k))
            .max_by_key(|&(s, k)| (s, std::cmp::Reverse(k)))
            .map(|(_, k)| k)
    });
    // a line of the path (one that continues it with an arrow) is no headline
    let title = title.filter(|t| !crumb_lines.as_ref().is_some_and(|c| c.contains(t)));
    let top = top.min(title.unwrap_or(top));
    let title_lines = title.map(|t| headline_lines(cues, t, top, b0)).unwrap_or_default();
    let from = title_lines.last().map_or(top, |&t| t + 1);
    let header: Vec<usize> = (from..b0).filter(|&k| cues[k].is_byline()).collect();
    for &t in &title_lines {
        layout.roles[t] = Role::Title;
    }
    for &k in &header {
        layout.roles[k] = Role::Byline;
    }
    // with no breadcrumb near the body, look further up above the headline
    let crumb = crumb_lines.or_else(|| {
        let end = title.unwrap_or(top);
        (end.saturating_sub(25)..end).rev().find_map(|k| crumb_at(cues, k))
    });
    for &k in crumb.iter().flatten() {
        layout.roles[k] = Role::Breadcrumb;
    }
    layout.title = title;
    layout.title_lines = title_lines;
    layout.header = header;
    layout.breadcrumb = crumb.unwrap_or_default();
}

/// The lines of the headline on line `t`, between `top` and the body at `b0`. Official documents
/// print long headlines broken over lines: a line that ends in a connective (及, 和, 的 …), or a
/// 关于… headline that has not yet named the document's kind (通知, 决定 …), runs on into the next
/// unpunctuated line; a 关于… headline follows its issuer's line (`…常务委员会` / `关于批准…`).
fn headline_lines(cues: &[Cues], t: usize, top: usize, b0: usize) -> Vec<usize> {
    let continues = |c: &Cues| c.headline_like() && c.punct == 0 && !c.caption();
    let (mut first, mut last) = (t, t);
    // an official document's headline (关于…) runs on until it names the document's kind (…的通知)
    let official = cues[t].line.text.starts_with("关于");
    let open = |c: &Cues| {
        let text = c.line.text;
        HEADLINE_CONNECTIVES.iter().any(|w| text.ends_with(w))
            || (official && !DOCUMENT_KINDS.iter().any(|w| text.ends_with(w)))
    };
    while last + 1 < b0 && last - t < 3 && open(&cues[last]) && continues(&cues[last + 1]) {
        last += 1;
    }
    if first > top
        && cues[t].line.text.starts_with("关于")
        && continues(&cues[first - 1])
        && cues[first - 1].chars <= 24
        && ISSUER_ENDINGS.iter().any(|w| cues[first - 1].line.text.ends_with(w))
    {
        first -= 1;
    }
    (first..=last).collect()
}

/// The breadcrumb ending at line `k`: the line itself when it reads as a path, or — when it starts
/// with an arrow, as paths broken over lines do (`首页` / `> 要闻` / `> 山西要闻`) — the lines above it
/// that continue it and the root line above them.
fn crumb_at(cues: &[Cues], k: usize) -> Option<Vec<usize>> {
    let starts_arrow = |j: usize| cues[j].line.text.starts_with(breadcrumb::is_arrow);
    if !starts_arrow(k) {
        if breadcrumb::parse(cues[k].line.text).is_some() {
            return Some(vec![k]);
        }
        return bare_crumb_at(cues, k);
    }
    let mut first = k;
    while first > 0 && starts_arrow(first) && k - first < 6 {
        first -= 1;
    }
    if starts_arrow(first) || cues[first].chars > 24 {
        return None;
    }
    let joined = breadcrumb::join(cues[first..=k].iter().map(|c| c.line.text));
    breadcrumb::parse(&joined).is_some().then(|| (first..=k).collect())
}

/// A path whose links sit in list items with the separators drawn by the style sheet, so the copied
/// text shows one part per line and no arrows (`首页` / `基金资讯` / `资讯正文`): it ends on line `k` when
/// that line names the article page as portals end their paths (…正文) and two to six short bare
/// parts above it lead up to a home root (首页, 主页, 某某首页).
fn bare_crumb_at(cues: &[Cues], k: usize) -> Option<Vec<usize>> {
    let part = |c: &Cues| c.chars <= 16 && c.punct == 0 && c.dates().is_empty() && !c.line.text.contains(' ');
    if !(part(&cues[k]) && cues[k].line.text.ends_with("正文")) {
        return None;
    }
    let root = (k.saturating_sub(6)..k).rev().take_while(|&j| part(&cues[j])).find(|&j| {
        let t = cues[j].line.text;
        GENERIC_ROOTS.contains(&t) || t.ends_with("首页")
    })?;
    Some((root..=k).collect())
}

/// How much line `k` looks like the headline of a body starting at `b0`.
///
/// Evidence, from portal and local-site layouts alike:
/// - the headline sits right above the byline row (date, 来源, 作者), a few lines at most;
/// - it comes straight after the breadcrumb when there is one (path, then headline);
/// - it is a sentence-length phrase (10–40 characters), longer than menu items and author names;
/// - it often carries headline punctuation (：！？“” 丨 |), which menus and profiles do not;
/// - nearer the body is likelier than far up among the menus.
fn title_score(cues: &[Cues], k: usize, b0: usize, crumb: Option<usize>) -> i64 {
    let c = &cues[k];
    let mut s = 10 + c.chars.min(30) as i64 / 3;
    // the byline row below: the nearest credit/date line within four lines
    if let Some(d) = (k + 1..b0.min(k + 5)).find(|&j| cues[j].is_byline()).map(|j| j - k) {
        s += 9 - d as i64;
    }
    if crumb.is_some_and(|b| b + 1 == k) {
        s += 4;
    }
    if c.line.text.contains(['：', ':', '！', '!', '？', '?', '“', '”', '丨', '|', '｜', '"']) {
        s += 3;
    }
    s - (b0 - k) as i64 / 4
}

/// Credit lines, sections and footer from line `from` on.
fn find_trailer(cues: &[Cues], from: usize, layout: &mut Layout) {
    let n = cues.len();
    let mut i = from;
    // credits that close the article (责任编辑, 来源) come before any section
    while i < n && i < from + 8 && cues[i].heading().is_none() && !cues[i].footer {
        if cues[i].is_byline() {
            layout.roles[i] = Role::Byline;
            layout.tail.push(i);
        }
        i += 1;
    }
    if !layout.tail.is_empty() {
        i = layout.tail.last().map_or(from, |&t| t + 1).max(from);
        // lines skipped above that were not credits stay Other
    } else {
        i = from;
    }
    // an editor's line may follow a short embedded block (延伸 · 推荐 with one item) after the text:
    // take the first 责任编辑 line within a screen of the body, before any footer
    if !layout.tail.iter().any(|&t| cues[t].credits().iter().any(|c| c.field == Field::Editor)) {
        let editor = (from..n.min(from + 30)).take_while(|&k| !cues[k].footer).find(|&k| {
            cues[k].is_byline() && cues[k].chars <= 60 && cues[k].credits().iter().any(|c| c.field == Field::Editor)
        });
        if let Some(k) = editor {
            layout.roles[k] = Role::Byline;
            layout.tail.push(k);
        }
    }
    let mut in_footer = false;
    while i < n {
        let c = &cues[i];
        if c.footer {
            in_footer = true;
        }
        if in_footer {
            layout.roles[i] = Role::Footer;
        } else if c.heading().is_some() {
            layout.roles[i] = Role::SectionHeading;
            layout.sections.push((Some(i), Vec::new()));
        } else if layout.tail.contains(&i) {
            // a credit line taken above
        } else if let Some((_, items)) = layout.sections.last_mut() {
            let summary_like = c.chars >= 30 && c.punct >= 1;
            let last_open = items.last().filter(|(_, s)| s.is_none()).map(|(t, _)| *t);
            if summary_like && last_open.is_some() {
                items.last_mut().expect("an open item").1 = Some(i);
                layout.roles[i] = Role::ItemSummary;
            } else if !summary_like
                && c.chars >= 4
                && c.chars <= 60
                && !c.furniture
                && c.dates().is_empty()
                && !RELATIVE_TIMES.iter().any(|r| c.line.text.ends_with(r))
            {
                items.push((i, None));
                layout.roles[i] = Role::ItemTitle;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::blocks::text::split;
    use proptest::prelude::*;

    /// Pieces that exercise every rule: labels, brackets, dates over lines, paths, notices.
    const PIECES: &[&str] = &[
        "记者",
        "作者：",
        "来源:",
        "责任编辑",
        "（",
        "）",
        "(",
        ")",
        "【",
        "】",
        "/",
        "|",
        "：",
        " ",
        "　",
        "\n",
        "\r\n",
        "2019",
        "09/07",
        "19:02",
        "2021年5月18日",
        "21-06-05",
        "首页",
        " > ",
        "当前位置：",
        "原标题",
        "相关阅读",
        "，",
        "。",
        "女士们：",
        "关注",
        "1/3 ",
        "返回首页>>",
        "𠮷",
        "😀",
        "张三",
        "某某日报",
        "正文",
        "import x",
        "声明：",
    ];

    #[test]
    fn a_line_record_stays_small() {
        // every line of a page has one: its size is the parse's memory per line
        let limit = if cfg!(target_pointer_width = "64") { 40 } else { 28 };
        assert!(std::mem::size_of::<super::Cues>() <= limit, "Cues should take at most {limit} bytes");
    }

    #[test]
    fn counts_characters_marks_and_digits_on_bytes() {
        let samples = [
            "",
            "，。！？；、,!?;",
            "记者从市政府获悉，今年以来。",
            "ab；c、d",
            "𠮷，😀！",
            "\u{ff0d}\u{3003}",
            "全角，半角,",
            "名称\t地址\t时间",
        ];
        let samples = samples.iter().map(|s| s.to_string()).chain([
            "２０１９年，12月。".to_string(),
            "记者从市政府获悉，今年以来２０１９年9月！".repeat(7),
            "ａ１２３４５６７８９０，x、y。z！?;".repeat(30),
        ]);
        for t in samples {
            let marks = ['，', '。', '！', '？', '；', '、', ',', '!', '?', ';'];
            let digit = |c: &char| c.is_ascii_digit() || ('０'..='９').contains(c);
            let expected = super::Counts {
                chars: t.chars().count() as u32,
                punct: t.chars().filter(|c| marks.contains(c)).count() as u32,
                digits: t.chars().filter(digit).count() as u32,
                tab: t.contains('\t'),
            };
            assert_eq!(super::counts(&t), expected, "should count {t:?} as its characters do");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_mix_of_page_pieces_parses(picks in proptest::collection::vec(0..PIECES.len(), 0..120)) {
            let input: String = picks.iter().map(|&i| PIECES[i]).collect();
            let article = crate::parse(&input);
            let units: Vec<u16> = input.encode_utf16().collect();
            let lines: Vec<_> = split(&input).collect();
            prop_assert_eq!(article.blocks.len(), lines.len(), "should give every line a block");
            for (b, l) in article.blocks.iter().zip(&lines) {
                let slice = String::from_utf16(&units[b.start..b.end]).expect("should not split a surrogate pair");
                prop_assert_eq!(&slice, l.text, "should span exactly the line's text");
            }
        }
    }
}
