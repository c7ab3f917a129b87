//! Features → roles: one decision over the whole page.
//!
//! In: every line's feature vector ([`super::features`]) and a table of weights. Out: each line's
//! place in the page's grammar ([`State`]):
//!
//! ```text
//! Pre* (Title Head*)? Body+ Post*      an article: what stands above, the headline, the byline rows,
//!                                      the text, and what follows it (credits, sections, footer)
//! Pre*                                 a page with no text: a listing, an index
//! ```
//!
//! Each line scores each state by one linear function of its features (`Pre` scores 0: the others are
//! relative to it); entering the body and leaving it score by two more (the body's edges: a dated
//! byline above the first paragraph, closing credits below the last). Viterbi finds the best path in
//! one pass, linear in the lines. With the hand-set weights ([`HAND`]) this is the maximum-subarray
//! body search over lines (Finn et al. 2001) with the article's frame as a bonus and the headline
//! scored as before; the fitted weights ([`super::weights::FITTED`]) weigh every feature.

use super::features::{self, Context, Markup, Own, N, N_OWN};
use super::Cues;

/// A line's place in the page's grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum State {
    Pre = 0,
    Title = 1,
    Head = 2,
    Body = 3,
    Post = 4,
}

const STATES: [State; 5] = [State::Pre, State::Title, State::Head, State::Body, State::Post];

/// The scores a feature adds to, per unit of its value: the four states other than `Pre`, then the
/// body's entry and exit.
pub const OUT: usize = 6;
pub const TITLE: usize = 0;
pub const HEAD: usize = 1;
pub const BODY: usize = 2;
pub const POST: usize = 3;
pub const ENTER: usize = 4;
pub const EXIT: usize = 5;

/// The names of the scores, as the fitted table spells them.
#[cfg(feature = "fit")]
pub const OUT_NAMES: [&str; OUT] = ["title", "head", "body", "post", "enter", "exit"];

/// A weight for every (feature, score) pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub w: [[f32; OUT]; N],
    /// Whether the edge rules run after the decision (a salutation or a sentence cut at a comma
    /// above the body, short lines before closing credits, a closing caption, a pull quote; for
    /// HTML, a leading note, the body's container, paragraphs an ad split off, a trailing notice,
    /// the markup's headline): the hand-set weights lean on them, fitted weights may not need them.
    pub edge_rules: bool,
}

/// The hand-set weights: the rules' numbers as they were set by reading pages.
/// - Body: a prose line weighs its length, a line that is none of the below costs 10 plus a quarter
///   of its length, furniture 60, a byline 300, a footer or section heading 1000; program text 0,
///   and so an item of a list or table between paragraphs (`cat_item`: a schedule's dated rows are
///   no byline there); a notice's closing formula (特此通告。) earns 20.
/// - Entering the body with a prose line under a dated byline (within eight lines), and leaving it
///   after a prose line for closing credits (within four lines), each earn twice the length of
///   that prose line, at most 300.
/// - Headline: only a headline-like line that is no caption; 10 plus a third of its length (up to 30),
///   9 less the distance to a byline row within four lines below, 4 right under a path, 3 for
///   headline punctuation, 2 for an official document's 关于…, less 10 for a relative time (a feed's
///   meta line) and 5 under a line a connective runs on from, less 10 for a subtitle (——…), a
///   numbered part (一、…) or a web address, and 30 more for a labelled headline (标题：…), which
///   need not look like one otherwise; each line between headline and body
///   costs a quarter, and a path there 100.
pub const HAND: Weights = hand();

const fn hand() -> Weights {
    let mut w = [[0.0f32; OUT]; N];
    w[Own::cat_footer_or_heading as usize][BODY] = -1000.0;
    w[Own::cat_byline as usize][BODY] = -300.0;
    w[Own::cat_furniture as usize][BODY] = -60.0;
    w[Own::prose_chars as usize][BODY] = 100.0;
    w[Own::cat_other as usize][BODY] = -10.0;
    w[Own::other_chars as usize][BODY] = -25.0;
    // an official notice's closing formula (特此通告。) is its text's last line
    w[Own::closing_formula as usize][BODY] = 20.0;
    let ctx = 3 * N_OWN;
    w[ctx + Context::framed_above as usize][ENTER] = 300.0;
    w[ctx + Context::framed_below as usize][EXIT] = 300.0;
    // the headline: only a headline-like line (every line is in one of the categories)
    let cats = [
        Own::cat_footer_or_heading,
        Own::cat_item,
        Own::cat_byline,
        Own::cat_furniture,
        Own::cat_prose,
        Own::cat_code,
        Own::cat_other,
    ];
    let mut k = 0;
    while k < cats.len() {
        w[cats[k] as usize][TITLE] = -10_000.0;
        w[cats[k] as usize][HEAD] = -0.25;
        k += 1;
    }
    w[Own::headline_like as usize][TITLE] = 10_000.0 + 10.0;
    w[Own::caption as usize][TITLE] = -10_000.0;
    w[Own::len_5_9 as usize][TITLE] = 2.0;
    w[Own::len_10_19 as usize][TITLE] = 5.0;
    w[Own::len_20_39 as usize][TITLE] = 9.0;
    w[Own::len_40_79 as usize][TITLE] = 10.0;
    w[Own::headline_punct as usize][TITLE] = 3.0;
    w[ctx + Context::byline_below_1 as usize][TITLE] = 8.0;
    w[ctx + Context::byline_below_2 as usize][TITLE] = 7.0;
    w[ctx + Context::byline_below_3 as usize][TITLE] = 6.0;
    w[ctx + Context::byline_below_4 as usize][TITLE] = 5.0;
    w[ctx + Context::path_above as usize][TITLE] = 4.0;
    // a headline broken over lines is headed by its first line: an official document's 关于…, not the
    // line a connective (及, 和 …) runs on into
    w[Own::opens_about as usize][TITLE] = 2.0;
    // a feed's meta line (`原创 某某读书会 前天`) carries a relative time; a headline does not
    w[Own::relative_time as usize][TITLE] = -10.0;
    // a form-like page labels its headline (标题：…); a subtitle (——…), a text's numbered part
    // (一、…) and a line with a web address are not the headline
    w[Own::title_label as usize][TITLE] = 10_030.0;
    w[Own::subtitle as usize][TITLE] = -10.0;
    w[Own::numbered_part as usize][TITLE] = -10.0;
    w[Own::has_url as usize][TITLE] = -10.0;
    w[N_OWN + Own::headline_connective as usize][TITLE] = -5.0;
    w[Own::path as usize][HEAD] = -100.0;
    Weights { w, edge_rules: true }
}

/// Which state may follow which.
pub fn allowed(from: State, to: State) -> bool {
    use State::*;
    matches!(
        (from, to),
        (Pre, Pre | Title | Body) | (Title, Head | Body) | (Head, Head | Body) | (Body, Body | Post) | (Post, Post)
    )
}

fn may_start(s: State) -> bool {
    matches!(s, State::Pre | State::Title | State::Body)
}

fn may_end(s: State) -> bool {
    matches!(s, State::Pre | State::Body | State::Post)
}

/// The scores of one line's vector.
pub fn scores(weights: &Weights, x: &[(u16, f32)]) -> [f32; OUT] {
    let mut s = [0.0f32; OUT];
    for &(k, v) in x {
        let row = &weights.w[usize::from(k)];
        for o in 0..OUT {
            s[o] += v * row[o];
        }
    }
    s
}

/// What training adds to a decoding: a cost for leaving the labels' path (cost-augmented decoding),
/// or limits that keep to what the labels allow (the labels' own path among the paths they accept).
#[derive(Default, Clone, Copy)]
pub struct Guide<'g> {
    /// The labels' states and each line's cost for a state other than its label's.
    pub cost: Option<(&'g [State], &'g [f32])>,
    /// Per line, the [`allow`] bits; and whether the page must have a body, and a headline.
    pub limits: Option<(&'g [u8], bool, bool)>,
}

/// What a line may be under [`Guide::limits`].
pub mod allow {
    /// The headline.
    pub const TITLE: u8 = 1;
    /// The body's first line.
    pub const FIRST: u8 = 2;
    /// The body's last line.
    pub const LAST: u8 = 4;
}

/// The best path through the grammar, for lines whose scores `line(i)` gives in order, under the
/// training's `guide` (none when parsing).
pub fn viterbi(n: usize, mut line: impl FnMut(usize) -> [f32; OUT], guide: Guide) -> Vec<State> {
    if n == 0 {
        return Vec::new();
    }
    const NONE: f32 = f32::NEG_INFINITY;
    let mut back: Vec<[u8; 5]> = Vec::with_capacity(n);
    let mut best = [NONE; 5];
    let may = |i: usize, bit: u8| guide.limits.map_or(true, |(l, _, _)| l[i] & bit != 0);
    let needs_title = guide.limits.is_some_and(|(_, _, t)| t);
    for i in 0..n {
        let sc = line(i);
        let emit = |s: State| match s {
            State::Pre => 0.0,
            State::Title => sc[TITLE],
            State::Head => sc[HEAD],
            State::Body => sc[BODY],
            State::Post => sc[POST],
        };
        let extra = |s: State| guide.cost.map_or(0.0, |(g, c)| if g[i] == s { 0.0 } else { c[i] });
        let mut now = [NONE; 5];
        let mut from = [0u8; 5];
        for to in STATES {
            if to == State::Title && !may(i, allow::TITLE) {
                continue;
            }
            let e = emit(to) + extra(to);
            if i == 0 {
                if may_start(to) && (to != State::Body || (may(0, allow::FIRST) && !needs_title)) {
                    now[to as usize] = e + if to == State::Body { sc[ENTER] } else { 0.0 };
                }
                continue;
            }
            for prev in STATES {
                if best[prev as usize] == NONE || !allowed(prev, to) {
                    continue;
                }
                let edge = match (prev, to) {
                    (State::Body, State::Post) if !may(i - 1, allow::LAST) => continue,
                    (State::Body, State::Post) => sc[EXIT],
                    (State::Pre | State::Title | State::Head, State::Body) if !may(i, allow::FIRST) => continue,
                    (State::Pre, State::Body) if needs_title => continue,
                    (State::Pre | State::Title | State::Head, State::Body) => sc[ENTER],
                    _ => 0.0,
                };
                let v = best[prev as usize] + edge + e;
                if v > now[to as usize] {
                    now[to as usize] = v;
                    from[to as usize] = prev as u8;
                }
            }
        }
        back.push(from);
        best = now;
    }
    let needs_body = guide.limits.is_some_and(|(_, b, _)| b);
    let end = STATES
        .into_iter()
        .filter(|&s| may_end(s) && best[s as usize] > NONE)
        .filter(|&s| !needs_body || s != State::Pre)
        .filter(|&s| s != State::Body || may(n - 1, allow::LAST))
        .max_by(|a, b| best[*a as usize].total_cmp(&best[*b as usize]).then((*b as u8).cmp(&(*a as u8))))
        .unwrap_or(State::Pre);
    let mut path = vec![State::Pre; n];
    let mut s = end;
    for i in (0..n).rev() {
        path[i] = s;
        s = STATES[usize::from(back[i][s as usize])];
    }
    path
}

/// The page's path under `weights`; `bits` are the lines' [`features::all_bits`].
pub fn decide(cues: &[Cues], markup: Option<&Markup>, bits: Vec<u8>, weights: &Weights) -> Vec<State> {
    let mut lines = features::Vectors::with_bits(cues, markup, bits);
    let mut x = Vec::with_capacity(3 * features::MAX_OWN + 16);
    viterbi(
        cues.len(),
        |_| {
            lines.next_into(&mut x);
            scores(weights, &x)
        },
        Guide::default(),
    )
}
