//! The Rust half of `scripts/fit`: reads pages' lines and features, learns weights, parses with
//! given weights, and writes the generated table. Build with `--features fit`.
//!
//! ```text
//! fit lines FORMAT FILE…              one JSON line per file: {"lines": [text…]}
//! fit train MANIFEST OUT.json         learn from {"epochs": n, …, "pages": [{"file", "format", "allow", "body", "title"}]}
//! fit parse WEIGHTS FORMAT FILE…      one Article JSON line per file, without its blocks (WEIGHTS: a
//!                                     file, `hand`, `hand-bare` (no edge rules) or `fitted`)
//! fit path WEIGHTS FORMAT FILE…       one JSON line per file: {"path": "PTHBO…"}, the decision's states
//! fit scores WEIGHTS FORMAT FILE     one JSON line per line of the page: its scores (title, head, body, post, enter, exit)
//! fit json WEIGHTS                   the weights as JSON (`fit json hand`: the hand-set numbers)
//! fit table WEIGHTS HEADER WINS            the generated src/classify/weights.rs on stdout
//! ```
//! FORMAT is `html` or `text`; `allow` has a digit per line, the sum of 1 (may be the headline),
//! 2 (the body's first line), 4 (its last); a path has a letter per line: P(re), T(itle),
//! H(ead), B(ody), (p)O(st).

use std::io::Write;

use xinwen::fit::{self, Example, Params};
use xinwen::{Format, Options};

fn read(file: &str) -> String {
    let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("should read {file}: {e}"));
    xinwen::decode::decode(&bytes).text.into_owned()
}

fn html(format: &str) -> bool {
    match format {
        "html" => true,
        "text" => false,
        other => panic!("FORMAT should be html or text, not {other}"),
    }
}

fn weights(spec: &str) -> xinwen::fit::Weights {
    match spec {
        "hand" => xinwen::fit::HAND,
        "hand-bare" => xinwen::fit::Weights { edge_rules: false, ..xinwen::fit::HAND },
        "fitted" => xinwen::fit::FITTED.clone(),
        file => {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(file).expect("should read weights"))
                    .expect("weights should be JSON");
            fit::from_json(&v).expect("weights should be a table")
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    match args.first().map(String::as_str) {
        Some("lines") => {
            let h = html(&args[1]);
            for file in &args[2..] {
                let page = fit::page(&read(file), h);
                writeln!(out, "{}", serde_json::json!({ "lines": page.lines })).unwrap();
            }
        }
        Some("train") => {
            let manifest: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&args[1]).expect("should read the manifest"))
                    .expect("the manifest should be JSON");
            let mut params = Params::default();
            if let Some(e) = manifest["epochs"].as_u64() {
                params.epochs = e as usize;
            }
            for (key, field) in [("lambda", &mut params.lambda), ("prior", &mut params.prior), ("eta", &mut params.eta)]
            {
                if let Some(v) = manifest[key].as_f64() {
                    *field = v;
                }
            }
            if let Some(b) = manifest["neighbours"].as_bool() {
                params.neighbours = b;
            }
            if let Some(b) = manifest["edge_rules"].as_bool() {
                params.edge_rules = b;
            }
            if let Some(c) = manifest["cost"].as_f64() {
                params.cost = c as f32;
            }
            if let Some(l) = manifest["learn"].as_u64() {
                params.learn = l as u8;
            }
            if let Some(c) = manifest["edge_cost"].as_f64() {
                params.edge_cost = c as f32;
            }
            let examples: Vec<Example> = manifest["pages"]
                .as_array()
                .expect("pages")
                .iter()
                .map(|p| {
                    let page = fit::page(&read(p["file"].as_str().unwrap()), html(p["format"].as_str().unwrap()));
                    let allow: Vec<u8> = p["allow"].as_str().unwrap().bytes().map(|b| b - b'0').collect();
                    assert_eq!(allow.len(), page.xs.len(), "allow should give every line of {} its bits", p["file"]);
                    Example {
                        xs: page.xs,
                        allow,
                        body: p["body"].as_bool().unwrap(),
                        title: p["title"].as_bool().unwrap(),
                    }
                })
                .collect();
            let w = fit::train(&examples, params);
            std::fs::write(&args[2], serde_json::to_string(&fit::to_json(&w)).unwrap()).expect("should write");
        }
        Some("parse") => {
            let w = weights(&args[1]);
            let format = if html(&args[2]) { Format::Html } else { Format::Text };
            let options = Options { format, ..Options::default() };
            for file in &args[3..] {
                // the fields only: the scorer reads no blocks, and they are most of the JSON
                let mut article = xinwen::parse_weighted(&read(file), &options, &w);
                article.blocks.clear();
                writeln!(out, "{}", serde_json::to_string(&article).unwrap()).unwrap();
            }
        }
        Some("path") => {
            let w = weights(&args[1]);
            let h = html(&args[2]);
            for file in &args[3..] {
                let page = fit::page(&read(file), h);
                let path = fit::decide(&page, &w);
                let letters: String = path.iter().map(|s| "PTHBO".as_bytes()[*s as usize] as char).collect();
                writeln!(out, "{}", serde_json::json!({ "path": letters })).unwrap();
            }
        }
        Some("scores") => {
            let w = weights(&args[1]);
            let page = fit::page(&read(&args[3]), html(&args[2]));
            for (line, x) in page.lines.iter().zip(&page.xs) {
                let s = fit::scores(&w, x);
                writeln!(out, "{}", serde_json::json!({ "scores": s, "line": line })).unwrap();
            }
        }
        Some("json") => {
            writeln!(out, "{}", fit::to_json(&weights(&args[1]))).unwrap();
        }
        Some("table") => {
            let w = weights(&args[1]);
            write!(out, "{}", fit::rust_table(&w, &args[2], args[3] == "true")).unwrap();
        }
        _ => {
            eprintln!("usage: fit lines|train|parse|table … (see examples/fit.rs)");
            std::process::exit(2);
        }
    }
}
