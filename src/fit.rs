//! Fitting the weights of the decision of roles (feature `fit`; used by `examples/fit.rs`, which
//! `scripts/fit` drives). Not part of the parser's interface.
//!
//! In: pages and, for each, the state of every line that its labels imply. Out: [`Weights`].
//! The learner is the averaged structured perceptron (Collins 2002) with cost-augmented decoding:
//! each page is decoded by the same Viterbi the parser runs, with a cost of one added to every
//! state the labels do not give a line; where the path differs from the labels' path, the weights
//! move toward the labels' features and away from the path's. Averaging over every step keeps the
//! weights from chasing the last pages seen. Deterministic: the same pages give the same weights.

use crate::blocks;
pub use crate::classify::decide::scores;
use crate::classify::decide::{viterbi, Guide};
use crate::classify::features::N_OWN;
use crate::classify::{self, Markup, OUT};
pub use crate::classify::{State, Weights, FITTED, HAND};
use crate::evidence;

/// The features of one page's lines, as the decision sees them.
pub struct Page {
    /// The lines' texts.
    pub lines: Vec<String>,
    /// Each line's sparse feature vector.
    pub xs: Vec<Vec<(u16, f32)>>,
}

/// Read a page's lines and features, as [`crate::parse_with`] reads them (`html`: the input's format).
pub fn page(input: &str, html: bool) -> Page {
    if html {
        let doc = blocks::html::parse(input);
        let (lines, hints) = doc.lines();
        let e = evidence::gather(&doc);
        let title = evidence::title_block(&e, &lines, &hints);
        let markup = Markup { html: &doc, hints: &hints, title };
        let mut cues = classify::cues(lines.iter().copied());
        evidence::mark_furniture(&doc, &mut cues, &hints);
        collect(&cues, Some(&markup))
    } else {
        let cues = classify::cues(blocks::text::split(input));
        collect(&cues, None)
    }
}

fn collect(cues: &[classify::Cues], markup: Option<&Markup>) -> Page {
    let bits = classify::features::all_bits(cues, markup);
    let mut it = classify::features::Vectors::with_bits(cues, markup, bits);
    let mut xs = Vec::with_capacity(cues.len());
    let mut x = Vec::new();
    while it.next_into(&mut x) {
        xs.push(x.clone());
    }
    Page { lines: cues.iter().map(|c| c.line.text.to_string()).collect(), xs }
}

/// The decision's path for a page read by [`page`].
pub fn decide(page: &Page, w: &Weights) -> Vec<State> {
    viterbi(page.xs.len(), |i| classify::decide::scores(w, &page.xs[i]), Guide::default())
}

/// A page to learn from: its features and what its labels allow each line to be ([`allow`] bits:
/// the lines that read as the headline, and the lines the body may start and end on as the scorer
/// counts them, within its slack), and whether it has a body and a headline.
pub struct Example {
    pub xs: Vec<Vec<(u16, f32)>>,
    pub allow: Vec<u8>,
    pub body: bool,
    pub title: bool,
}

pub use crate::classify::decide::allow;

/// How to learn.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Passes over the examples.
    pub epochs: usize,
    /// The cost of a wrong state, per line, in the decoding that training runs.
    pub cost: f32,
    /// The cost is this many times larger within two lines of the headline and of the body's first
    /// and last lines, where the fields are decided.
    pub edge_cost: f32,
    /// Pull toward the prior (the hand-set weights times `prior`) per step; 0 learns from zero as
    /// the plain averaged perceptron does.
    pub lambda: f64,
    /// The prior's scale: the hand-set weights times this are where learning starts and what
    /// `lambda` pulls toward.
    pub prior: f64,
    /// The first step's size; later steps shrink as 1 / (1 + t / examples).
    pub eta: f64,
    /// Learn the weights of the neighbours' features (`prev:`, `next:`) too.
    pub neighbours: bool,
    /// Whether the fitted weights run the edge rules after the decision ([`Weights::edge_rules`]).
    pub edge_rules: bool,
    /// Which scores learn (bit `o` for score `o`); the others keep the prior's weights.
    pub learn: u8,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            epochs: 12,
            cost: 1.0,
            edge_cost: 1.0,
            lambda: 0.0,
            prior: 0.0,
            eta: 1.0,
            neighbours: true,
            edge_rules: true,
            learn: 0x3f,
        }
    }
}

/// Fit weights to the examples: averaged subgradient steps on the structured hinge loss (with
/// `lambda` 0 and `eta` 1, the averaged perceptron), starting from and pulled toward the prior.
pub fn train(examples: &[Example], params: Params) -> Weights {
    let n = classify::features::N;
    let prior: Vec<[f64; OUT]> = HAND.w.iter().map(|row| row.map(|v| f64::from(v) * params.prior)).collect();
    let mut w = prior.clone();
    let mut sum = vec![[0.0f64; OUT]; n];
    let mut steps = 0.0f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut t = 0.0f64;
    for _ in 0..params.epochs {
        // a fixed shuffle per epoch (xorshift): the same pages give the same weights
        for k in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(k, (seed % (k as u64 + 1)) as usize);
        }
        for &e in &order {
            let ex = &examples[e];
            let eta = params.eta / (1.0 + t / examples.len().max(1) as f64);
            t += 1.0;
            // the labels' path: the best one among those the labels accept (a headline printed twice,
            // a body that may start a short line early)
            let limits = Guide { cost: None, limits: Some((ex.allow.as_slice(), ex.body, ex.title)) };
            let gold = viterbi(ex.xs.len(), |i| score(&w, &ex.xs[i]), limits);
            let costs = line_costs(&gold, &params);
            let guide =
                Guide { cost: (params.cost > 0.0).then_some((gold.as_slice(), costs.as_slice())), limits: None };
            let guess = viterbi(ex.xs.len(), |i| score(&w, &ex.xs[i]), guide);
            if params.lambda > 0.0 {
                let shrink = eta * params.lambda;
                for (row, p) in w.iter_mut().zip(&prior) {
                    for o in (0..OUT).filter(|o| params.learn & (1 << o) != 0) {
                        row[o] -= shrink * (row[o] - p[o]);
                    }
                }
            }
            if !accepted(&guess, ex) {
                for (sign, path) in [(eta, &gold), (-eta, &guess)] {
                    for (i, x) in ex.xs.iter().enumerate() {
                        let prev = (i > 0).then(|| path[i - 1]);
                        for o in outputs(prev, path[i]).filter(|o| params.learn & (1 << o) != 0) {
                            for &(k, v) in x {
                                let k = usize::from(k);
                                if params.neighbours || !(N_OWN..3 * N_OWN).contains(&k) {
                                    w[k][o] += sign * f64::from(v);
                                }
                            }
                        }
                    }
                }
            }
            for (acc, row) in sum.iter_mut().zip(&w) {
                for o in 0..OUT {
                    acc[o] += row[o];
                }
            }
            steps += 1.0;
        }
    }
    let mut out = Weights { w: [[0.0; OUT]; classify::features::N], edge_rules: params.edge_rules };
    for (row, acc) in out.w.iter_mut().zip(&sum) {
        *row = acc.map(|v| (v / steps.max(1.0)) as f32);
    }
    out
}

/// Whether a path is one the labels accept: its headline, and its body's first and last lines, where
/// the labels allow them.
pub fn accepted(path: &[State], ex: &Example) -> bool {
    let title = path.iter().position(|&s| s == State::Title);
    let first = path.iter().position(|&s| s == State::Body);
    let last = path.iter().rposition(|&s| s == State::Body);
    let at = |i: Option<usize>, bit: u8| i.is_some_and(|i| ex.allow[i] & bit != 0);
    let title_ok = if ex.title { at(title, allow::TITLE) } else { title.is_none() || at(title, allow::TITLE) };
    let body_ok = if ex.body { at(first, allow::FIRST) && at(last, allow::LAST) } else { first.is_none() };
    title_ok && body_ok
}

/// Each line's cost for a wrong state: `params.cost`, times `params.edge_cost` within two lines of
/// the headline and of the body's first and last lines, where the fields are decided.
fn line_costs(gold: &[State], params: &Params) -> Vec<f32> {
    let edges = [
        gold.iter().position(|&s| s == State::Title),
        gold.iter().position(|&s| s == State::Body),
        gold.iter().rposition(|&s| s == State::Body),
    ];
    (0..gold.len())
        .map(|i| {
            let near = edges.iter().flatten().any(|&e| e.abs_diff(i) <= 2);
            params.cost * if near { params.edge_cost } else { 1.0 }
        })
        .collect()
}

/// The scores a line earns in state `s` after `prev`: its state's own, and the body's entry or exit.
fn outputs(prev: Option<State>, s: State) -> impl Iterator<Item = usize> {
    use crate::classify::decide::{BODY, ENTER, EXIT, HEAD, POST, TITLE};
    let own = match s {
        State::Pre => None,
        State::Title => Some(TITLE),
        State::Head => Some(HEAD),
        State::Body => Some(BODY),
        State::Post => Some(POST),
    };
    let edge = match (prev, s) {
        (None, State::Body) | (Some(State::Pre | State::Title | State::Head), State::Body) => Some(ENTER),
        (Some(State::Body), State::Post) => Some(EXIT),
        _ => None,
    };
    own.into_iter().chain(edge)
}

fn score(w: &[[f64; OUT]], x: &[(u16, f32)]) -> [f32; OUT] {
    let mut s = [0.0f64; OUT];
    for &(k, v) in x {
        for o in 0..OUT {
            s[o] += f64::from(v) * w[usize::from(k)][o];
        }
    }
    s.map(|v| v as f32)
}

/// The weights as the generated Rust table (`src/classify/weights.rs`): one row per feature, named.
/// `wins`: whether grouped cross-validation put the fitted weights ahead of the hand-set ones, so
/// that the parser uses them ([`crate::classify::WEIGHTS`]).
pub fn rust_table(w: &Weights, header: &str, wins: bool) -> String {
    let mut s = String::new();
    s.push_str(
        "// Generated by scripts/fit from the labelled corpus: do not edit. Regenerate with `scripts/fit --write`.\n",
    );
    for line in header.lines() {
        s.push_str("// ");
        s.push_str(line);
        s.push('\n');
    }
    s.push_str("\nuse super::decide::Weights;\n\n");
    s.push_str("/// The fitted weights: per feature, the scores of ");
    s.push_str(&classify::OUT_NAMES.join(", "));
    s.push_str(".\n#[rustfmt::skip]\npub static FITTED: Weights = Weights { w: [\n");
    for (k, row) in w.w.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(|v| fmt(*v)).collect();
        s.push_str(&format!("    [{}], // {}\n", cells.join(", "), classify::features::name(k)));
    }
    s.push_str(&format!("], edge_rules: {} }};\n", w.edge_rules));
    s.push_str("\n/// Whether grouped cross-validation put these weights ahead of the hand-set ones.\n");
    s.push_str(&format!("pub const FITTED_WINS: bool = {wins};\n"));
    s
}

/// A weight as Rust source: four significant decimals, enough for a linear score.
fn fmt(v: f32) -> String {
    if v == 0.0 {
        return "0.0".into();
    }
    let r = format!("{:.4}", v);
    let r = r.trim_end_matches('0');
    if r.ends_with('.') {
        format!("{r}0")
    } else if r == "-0." || r == "-0" {
        "0.0".into()
    } else {
        r.to_string()
    }
}

/// The weights as JSON: `{"features": [names], "outputs": [names], "w": [[…]…]}`.
pub fn to_json(w: &Weights) -> serde_json::Value {
    serde_json::json!({
        "features": (0..classify::features::N).map(classify::features::name).collect::<Vec<_>>(),
        "outputs": classify::OUT_NAMES,
        "w": w.w.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
        "edge_rules": w.edge_rules,
    })
}

/// Weights from [`to_json`]'s form; features are matched by name, so a table from an older feature
/// list loads with its missing features at zero.
pub fn from_json(v: &serde_json::Value) -> Result<Weights, String> {
    let names = v["features"].as_array().ok_or("no features")?;
    let rows = v["w"].as_array().ok_or("no w")?;
    let mut w =
        Weights { w: [[0.0; OUT]; classify::features::N], edge_rules: v["edge_rules"].as_bool().unwrap_or(true) };
    let index: std::collections::HashMap<String, usize> =
        (0..classify::features::N).map(|k| (classify::features::name(k), k)).collect();
    for (name, row) in names.iter().zip(rows) {
        let Some(&k) = name.as_str().and_then(|n| index.get(n)) else { continue };
        for (o, x) in row.as_array().ok_or("a row is not a list")?.iter().enumerate().take(OUT) {
            w.w[k][o] = x.as_f64().ok_or("a weight is not a number")? as f32;
        }
    }
    Ok(w)
}
