//! Lines → features: what each line shows, as numbers the decision of roles weighs.
//!
//! In: the lines' [`Cues`] (text cues and recognizer matches) and, for HTML, the [`Markup`] around
//! them. Out: for line `i`, a sparse list of (feature, value) pairs ([`Features::line`]). A line's
//! vector holds its own features ([`OWN`]), the same features of the line above (`prev:`) and of the
//! line below (`next:`), and a few features of its surroundings ([`CONTEXT`]: a dated byline a few
//! lines above, closing credits a few lines below), so that one linear score per role sees a window
//! of three lines and the frame around it.
//!
//! The features are the rules' knowledge — a prose line, a byline, page furniture, a footer, a
//! section heading, a photo caption, a path, a headline-like phrase, the markup's container words
//! and link density — stated as facts about a line, not as decisions. Their weights live in
//! [`super::weights`] (fitted) and [`super::decide::HAND`] (set by hand); `scripts/fit` says which
//! cross-validates better.

use super::{closing_caption, closing_credit, code, is_cjk, runs_on, salutation, Cues};
use crate::blocks::html::{marks, Hint, Html};
use crate::lexicon::{find_word, notice_label, CLOSING_FORMULAS, HEADLINE_CONNECTIVES};
use crate::recognize::{breadcrumb, heading};

/// The markup around the lines of an HTML page, index for index with the lines.
pub struct Markup<'h> {
    pub html: &'h Html,
    pub hints: &'h [Hint],
    /// The line the markup names as the headline (`<h1>` or a block whose text is the metadata's
    /// title), if one does.
    pub title: Option<usize>,
}

macro_rules! names {
    ($list:ident, $count:ident, [$($name:ident),* $(,)?]) => {
        /// Feature indices, in the order of the names.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        #[derive(Clone, Copy)]
        #[repr(u16)]
        pub enum $list { $($name),* }
        impl $list {
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];
        }
        pub const $count: usize = $list::NAMES.len();
    };
}

names!(
    Own,
    N_OWN,
    [
        // the hand weights' categories, one of which every line is in (see `decide::HAND`)
        cat_footer_or_heading,
        cat_item,
        cat_byline,
        cat_furniture,
        cat_prose,
        cat_code,
        cat_other,
        // sizes: characters over 100 for prose and for other lines; length buckets
        prose_chars,
        other_chars,
        len_1_4,
        len_5_9,
        len_10_19,
        len_20_39,
        len_40_79,
        len_80_199,
        len_200_up,
        // punctuation and script
        no_punct,
        punct_dense,
        ends_sentence,
        ends_colon,
        ends_comma,
        cjk_low,
        digits_high,
        // what the recognizers found
        byline,
        credit_author,
        credit_source,
        credit_editor,
        credit_date,
        credit_bracketed,
        date,
        date_only,
        relative_time,
        path,
        heading,
        footer,
        furniture,
        photo,
        caption,
        closing_caption,
        notice_label,
        bracketed_note,
        code,
        item,
        headline_like,
        headline_punct,
        headline_connective,
        opens_about,
        title_label,
        closing_formula,
        subtitle,
        numbered_part,
        has_url,
        salutation,
        runs_on,
        // position in the page
        first_line,
        last_line,
        top_tenth,
        bottom_tenth,
        // markup (HTML only)
        html,
        link_some,
        link_most,
        outside,
        in_content,
        in_aside,
        h1,
        h_other,
        gap_before,
        new_container,
        markup_title,
        mark_crumb,
        mark_byline,
    ]
);

names!(
    Context,
    N_CONTEXT,
    [
        dated_byline_above_8,
        closing_credit_below_4,
        framed_above,
        framed_below,
        byline_below_1,
        byline_below_2,
        byline_below_3,
        byline_below_4,
        path_above,
        path_above_5,
        body_like_below,
    ]
);

/// Features in a line's vector: own, prev, next, context.
pub const N: usize = 3 * N_OWN + N_CONTEXT;

/// A feature's name, as the fitted table and the fitting script spell it: `own:prose`,
/// `prev:byline`, `next:footer`, `ctx:path_above`.
#[cfg(any(test, feature = "fit"))]
pub fn name(k: usize) -> String {
    match k / N_OWN {
        0 => format!("own:{}", Own::NAMES[k]),
        1 => format!("prev:{}", Own::NAMES[k - N_OWN]),
        2 => format!("next:{}", Own::NAMES[k - 2 * N_OWN]),
        _ => format!("ctx:{}", Context::NAMES[k - 3 * N_OWN]),
    }
}

/// One line's own features, sparse: at most [`MAX_OWN`] pairs, most lines far fewer.
#[derive(Debug, Clone, Copy)]
pub struct OwnVec {
    pub len: u8,
    pub at: [(u8, f32); MAX_OWN],
}

/// The most own features a line can have at once.
pub const MAX_OWN: usize = 40;

impl Default for OwnVec {
    fn default() -> Self {
        OwnVec { len: 0, at: [(0, 0.0); MAX_OWN] }
    }
}

impl OwnVec {
    fn set(&mut self, f: Own, v: f32) {
        if v != 0.0 && usize::from(self.len) < MAX_OWN {
            self.at[usize::from(self.len)] = (f as u8, v);
            self.len += 1;
        }
    }

    fn flag(&mut self, f: Own, on: bool) {
        if on {
            self.set(f, 1.0);
        }
    }

    pub fn pairs(&self) -> &[(u8, f32)] {
        &self.at[..usize::from(self.len)]
    }
}

/// Headline punctuation: what headlines carry and menus do not.
const HEADLINE_MARKS: [char; 12] = ['：', ':', '！', '!', '？', '?', '“', '”', '丨', '|', '｜', '"'];

/// A line's own features.
pub fn own(cues: &[Cues], i: usize, bits: u8, markup: Option<&Markup>) -> OwnVec {
    let c = &cues[i];
    let n = cues.len();
    let t = c.line.text;
    let mut v = OwnVec::default();
    let chars = c.chars as f32;
    // the hand weights' categories, in their order of precedence
    let cat = if c.footer || c.heading().is_some() {
        Own::cat_footer_or_heading
    } else if bits & bit::BRIDGED != 0 && !c.prose && !c.furniture {
        Own::cat_item
    } else if c.is_byline() {
        Own::cat_byline
    } else if c.furniture {
        Own::cat_furniture
    } else if c.prose {
        Own::cat_prose
    } else if code(t) {
        Own::cat_code
    } else {
        Own::cat_other
    };
    v.set(cat, 1.0);
    match cat {
        Own::cat_prose => v.set(Own::prose_chars, chars.min(3000.0) / 100.0),
        Own::cat_other => v.set(Own::other_chars, chars.min(3000.0) / 100.0),
        _ => {}
    }
    let bucket = match c.chars {
        0..=4 => Own::len_1_4,
        5..=9 => Own::len_5_9,
        10..=19 => Own::len_10_19,
        20..=39 => Own::len_20_39,
        40..=79 => Own::len_40_79,
        80..=199 => Own::len_80_199,
        _ => Own::len_200_up,
    };
    v.set(bucket, 1.0);
    v.flag(Own::no_punct, c.punct == 0);
    v.flag(Own::punct_dense, c.punct * 12 >= c.chars && c.chars >= 12);
    v.flag(Own::ends_sentence, t.ends_with(['。', '！', '？', '”', '…', '」', '!', '?']));
    v.flag(Own::ends_colon, t.ends_with([':', '：']));
    v.flag(Own::ends_comma, t.ends_with(['，', ',']));
    if c.chars <= 400 {
        // script shares on short and middling lines only: a pass over a long line costs its length
        let (mut cjk, mut digits) = (0u32, 0u32);
        for ch in t.chars() {
            cjk += u32::from(is_cjk(ch));
            digits += u32::from(ch.is_ascii_digit() || ('０'..='９').contains(&ch));
        }
        v.flag(Own::cjk_low, cjk * 3 < c.chars);
        v.flag(Own::digits_high, digits * 3 >= c.chars);
    }
    v.flag(Own::byline, c.is_byline());
    let credits = c.credits();
    use crate::lexicon::Field;
    v.flag(Own::credit_author, credits.iter().any(|k| k.field == Field::Author));
    v.flag(Own::credit_source, credits.iter().any(|k| k.field == Field::Source));
    v.flag(Own::credit_editor, credits.iter().any(|k| k.field == Field::Editor));
    v.flag(Own::credit_date, credits.iter().any(|k| k.field == Field::Date));
    v.flag(Own::credit_bracketed, credits.iter().any(|k| k.bracketed));
    v.flag(Own::date, !c.dates().is_empty());
    v.flag(Own::date_only, super::date_only_line(c));
    v.flag(Own::relative_time, c.chars <= 40 && c.relative);
    v.flag(Own::path, bits & bit::PATH != 0);
    v.flag(Own::heading, c.heading().is_some());
    v.flag(Own::footer, c.footer);
    v.flag(Own::furniture, c.furniture);
    v.flag(Own::photo, c.photo);
    v.flag(Own::caption, c.chars <= 80 && c.caption());
    v.flag(Own::closing_caption, closing_caption(c));
    let bare = t.trim_start_matches(['【', '[', '（', '(']);
    v.flag(Own::notice_label, notice_label(bare));
    let bracketed = t.starts_with(['（', '(', '【', '[']) && t.ends_with(['）', ')', '】', ']']);
    v.flag(Own::bracketed_note, bracketed && labelled(bare));
    v.flag(Own::code, code(t));
    v.flag(Own::item, bits & bit::ITEM != 0);
    let headline = c.headline_like();
    v.flag(Own::headline_like, headline && !c.caption());
    v.flag(Own::headline_punct, headline && t.contains(HEADLINE_MARKS));
    v.flag(Own::headline_connective, headline && HEADLINE_CONNECTIVES.iter().any(|w| t.ends_with(w)));
    v.flag(Own::opens_about, headline && t.starts_with("关于"));
    if c.chars <= 200 {
        v.flag(Own::title_label, heading::title_label(t).is_some());
        v.flag(Own::subtitle, heading::subtitle(t));
        v.flag(Own::numbered_part, heading::numbered_part(t));
        v.flag(Own::closing_formula, c.chars <= 12 && CLOSING_FORMULAS.iter().any(|f| t.starts_with(f)));
        v.flag(Own::has_url, find_word(t, "http").is_some() || find_word(t, "www.").is_some());
    }
    v.flag(Own::salutation, salutation(c));
    v.flag(Own::runs_on, runs_on(c));
    v.flag(Own::first_line, i == 0);
    v.flag(Own::last_line, i + 1 == n);
    v.flag(Own::top_tenth, i * 10 < n);
    v.flag(Own::bottom_tenth, i * 10 >= n * 9);
    if let Some(m) = markup {
        let h = &m.hints[i];
        v.set(Own::html, 1.0);
        let density = h.link_density();
        v.flag(Own::link_most, density >= 0.5);
        v.flag(Own::link_some, density > 0.0 && density < 0.5);
        let nearest = m
            .html
            .enclosing(i)
            .take(64)
            .map(|e| m.html.own_marks[e as usize])
            .find(|k| k & (NOT_BODY | marks::CONTENT) != 0)
            .unwrap_or(0);
        v.flag(Own::outside, nearest & (NOT_BODY & !marks::ASIDE) != 0 && nearest & marks::CONTENT == 0);
        v.flag(Own::in_aside, nearest & marks::ASIDE != 0 && nearest & marks::CONTENT == 0);
        v.flag(Own::in_content, nearest & marks::CONTENT != 0);
        v.flag(Own::h1, h.has(marks::H1));
        v.flag(Own::h_other, h.has(marks::HEADING));
        let block = &m.html.blocks[i];
        v.flag(Own::gap_before, block.gap_before);
        v.flag(Own::new_container, i == 0 || m.html.blocks[i - 1].container != block.container);
        v.flag(Own::markup_title, m.title == Some(i));
        v.flag(Own::mark_crumb, h.has(marks::BREADCRUMB));
        v.flag(Own::mark_byline, h.has(marks::AUTHOR | marks::SOURCE | marks::TIME | marks::EDITOR));
    }
    v
}

/// Containers that hold no article text (as the furniture pass reads them).
const NOT_BODY: u32 = marks::NAV | marks::FOOTER | marks::COMMENT | marks::RELATED | marks::SHARE | marks::ASIDE;

/// A paragraph that opens with a short label and a colon (`声明：`, `原标题：`, `来源：`).
fn labelled(text: &str) -> bool {
    text.chars().take(6).position(|c| c == '：' || c == ':').is_some_and(|k| k >= 1)
}

/// The feature vectors of a page's lines, one at a time, in order: each line's own features with
/// its neighbours' and its context's.
pub struct Vectors<'c, 'a, 'm> {
    cues: &'c [Cues<'a>],
    markup: Option<&'m Markup<'m>>,
    bits: Vec<u8>,
    /// Own features of lines i-1, i, i+1.
    window: [OwnVec; 3],
    next: usize,
}

impl<'c, 'a, 'm> Vectors<'c, 'a, 'm> {
    /// The vectors of lines whose [`all_bits`] are known.
    pub fn with_bits(cues: &'c [Cues<'a>], markup: Option<&'m Markup<'m>>, bits: Vec<u8>) -> Self {
        let mut lines = Vectors { cues, markup, bits, window: [OwnVec::default(); 3], next: 0 };
        if !cues.is_empty() {
            lines.window[2] = lines.own(0);
        }
        lines
    }

    fn own(&self, i: usize) -> OwnVec {
        own(self.cues, i, self.bits[i], self.markup)
    }

    /// The next line's sparse feature vector, into `out` (cleared first); false after the last line.
    pub fn next_into(&mut self, out: &mut Vec<(u16, f32)>) -> bool {
        let i = self.next;
        if i >= self.cues.len() {
            return false;
        }
        self.window[0] = self.window[1];
        self.window[1] = self.window[2];
        self.window[2] = if i + 1 < self.cues.len() { self.own(i + 1) } else { OwnVec::default() };
        out.clear();
        for (slot, (offset, present)) in [(1, (0, true)), (0, (N_OWN, i > 0)), (2, (2 * N_OWN, true))] {
            if present {
                out.extend(self.window[slot].pairs().iter().map(|&(k, v)| ((offset + usize::from(k)) as u16, v)));
            }
        }
        context(self.cues, &self.bits, i, out);
        self.next += 1;
        true
    }
}

/// What the context features ask of a line, one bit each, computed once per line.
pub mod bit {
    pub const PATH: u8 = 1;
    pub const BYLINE: u8 = 1 << 1;
    pub const PROSE: u8 = 1 << 2;
    /// A byline with a date that is not a closing credit (责任编辑 …).
    pub const DATED: u8 = 1 << 3;
    pub const CLOSING: u8 = 1 << 4;
    /// An item of a list or a row of a table ([`item`]).
    pub const ITEM: u8 = 1 << 5;
    /// A short line that introduces what follows: it ends in a colon (`开放时段如下：`), or a
    /// section marker opens it (`三、值班安排`).
    pub const LEAD_IN: u8 = 1 << 6;
    /// An item, or a lead-in among items, in a run of them that stands between two lines of prose:
    /// a list or a table inside the text ([`all_bits`]).
    pub const BRIDGED: u8 = 1 << 7;
}

/// Every line's [`bit`]s, with the lists and tables between paragraphs marked [`bit::BRIDGED`]:
/// a run of items, lead-ins and section markers (`三、值班安排`), holding an item, with a line of
/// prose right above it and right below it. Articles set rules, schedules and results out as lists
/// and tables between their paragraphs; each item alone is a short line, often with a date or a
/// label (`报名时间：…`), so without this they would end the text.
pub fn all_bits(cues: &[Cues], markup: Option<&Markup>) -> Vec<u8> {
    let mut bits: Vec<u8> = cues.iter().enumerate().map(|(i, c)| line_bits(c, item(cues, i, markup))).collect();
    let run = |b: u8| b & (bit::ITEM | bit::LEAD_IN) != 0;
    let mut i = 0;
    while i < bits.len() {
        if !run(bits[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bits.len() && run(bits[i]) {
            i += 1;
        }
        let holds_item = bits[start..i].iter().any(|b| b & bit::ITEM != 0);
        let prose_above = start > 0 && bits[start - 1] & bit::PROSE != 0;
        let prose_below = i < bits.len() && bits[i] & bit::PROSE != 0;
        if holds_item && prose_above && prose_below {
            for b in &mut bits[start..i] {
                *b |= bit::BRIDGED;
            }
        }
    }
    bits
}

/// Whether line `i` is an item of a list or a row of a table: in text, a bullet or a number opens
/// it, or tabs divide it into cells ([`crate::recognize::item`]); in HTML, it is inside `<li>` or
/// holds two or more cells of a table row, and is not mostly link text (a menu, a list of links).
pub fn item(cues: &[Cues], i: usize, markup: Option<&Markup>) -> bool {
    use crate::recognize::kind;
    if cues[i].kind & (kind::ITEM | kind::CELLS) != 0 {
        return true;
    }
    markup.is_some_and(|m| {
        let h = &m.hints[i];
        h.link_density() < 0.5 && (h.has(marks::LIST_ITEM) || m.html.cells(i).is_some())
    })
}

/// Line `c`'s [`bit`]s, but [`bit::BRIDGED`]; `item`: whether it is an item ([`item`]).
fn line_bits(c: &Cues, item: bool) -> u8 {
    let mut b = bits(c);
    if item {
        b |= bit::ITEM;
    }
    let t = c.line.text;
    let opens_section = c.kind & crate::recognize::kind::SECTION != 0;
    if c.chars <= 40 && (t.ends_with([':', '：']) || opens_section) && b & bit::BYLINE == 0 && c.heading().is_none() {
        b |= bit::LEAD_IN;
    }
    b
}

/// Line `c`'s [`bit`]s from its cues alone.
pub fn bits(c: &Cues) -> u8 {
    let mut b = 0;
    if c.chars <= 120 && breadcrumb::parse(c.line.text).is_some() {
        b |= bit::PATH;
    }
    if c.prose {
        b |= bit::PROSE;
    }
    if c.is_byline() {
        b |= bit::BYLINE;
        if closing_credit(c) {
            b |= bit::CLOSING;
        } else if !c.dates().is_empty() {
            b |= bit::DATED;
        }
    }
    b
}

/// Line `i`'s context features, from the [`bits`] of the lines around it (a bounded look each way).
pub fn context(cues: &[Cues], bits: &[u8], i: usize, out: &mut Vec<(u16, f32)>) {
    let base = 3 * N_OWN;
    let mut put_value = |f: Context, v: f32| {
        if v != 0.0 {
            out.push(((base + f as usize) as u16, v));
        }
    };
    let on = |b: bool| f32::from(u8::from(b));
    let has = |k: usize, b: u8| bits[k] & b != 0;
    // the nearest byline above, with no prose or closing credits of another text in between
    let dated_above = (i.saturating_sub(8)..i)
        .rev()
        .find(|&k| has(k, bit::PROSE | bit::BYLINE))
        .is_some_and(|k| !has(k, bit::PROSE) && has(k, bit::DATED));
    put_value(Context::dated_byline_above_8, on(dated_above));
    let n = bits.len();
    let closing_below = (i..n.min(i + 4)).any(|k| has(k, bit::CLOSING));
    put_value(Context::closing_credit_below_4, on(closing_below));
    // the frame of an article around a text that starts (ends) with prose: worth up to twice the
    // prose line's length, so that a comment of one short line under its dated header stays small
    let worth = |k: usize| if has(k, bit::PROSE) { cues[k].chars.min(150) as f32 / 150.0 } else { 0.0 };
    // (the run's length stands in for the prose lines at its edge: the line and the two after it
    // on entry, the three before the credits on exit)
    let most = |ks: std::ops::Range<usize>| ks.map(worth).fold(0.0f32, f32::max);
    let framed_above = if dated_above && has(i, bit::PROSE) { most(i..n.min(i + 3)) } else { 0.0 };
    let framed_below =
        if closing_below && i > 0 && has(i - 1, bit::PROSE) { most(i.saturating_sub(3)..i) } else { 0.0 };
    let below = (i + 1..n.min(i + 5)).find(|&k| has(k, bit::BYLINE)).map(|k| k - i);
    put_value(Context::byline_below_1, on(below == Some(1)));
    put_value(Context::byline_below_2, on(below == Some(2)));
    put_value(Context::byline_below_3, on(below == Some(3)));
    put_value(Context::byline_below_4, on(below == Some(4)));
    put_value(Context::path_above, on(i > 0 && has(i - 1, bit::PATH)));
    put_value(Context::path_above_5, on((i.saturating_sub(5)..i).any(|k| has(k, bit::PATH))));
    put_value(Context::framed_above, framed_above);
    put_value(Context::framed_below, framed_below);
    let prose_below = (i + 1..n.min(i + 4)).filter(|&k| has(k, bit::PROSE)).count();
    put_value(Context::body_like_below, on(prose_below >= 2));
}

#[cfg(test)]
mod tests {
    use super::{name, N};

    #[test]
    fn the_generated_table_has_a_row_per_feature_in_order() {
        let table = include_str!("weights.rs");
        let rows: Vec<&str> =
            table.lines().filter_map(|l| l.trim().strip_prefix('[')).filter_map(|l| l.split("// ").nth(1)).collect();
        assert_eq!(rows.len(), N, "should have one row per feature");
        for (k, row) in rows.iter().enumerate() {
            assert_eq!(*row, name(k), "row {k} should be the weights of {}", name(k));
        }
    }

    #[test]
    fn feature_names_are_distinct() {
        let mut names: Vec<String> = (0..N).map(name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), N, "should name every feature once");
    }
}
