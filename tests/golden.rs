//! Golden fixtures: the parser's specification as pages we wrote.
//!
//! In: every `tests/fixtures/name.txt` with its `name.json`. Out: one failure message per field that
//! differs, naming the fixture and the field.
//! Rules: every key present in `name.json` is compared with the same key of the parsed Article
//! (serialized as the CLI prints it); `diagnostics` is compared as the list of codes. Keys absent from
//! the JSON are not checked. A `today` key is not a field: the page is parsed with that
//! `Options.today` (relative dates such as 昨天 resolve against it). Every block's span must slice (in UTF-16 units) to exactly one
//! non-blank line of the input, trimmed, in order (or to a run of 32 or more such lines: noise lines
//! make one block), and every such line must be in a block.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures");
    let mut pages: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("should find tests/fixtures")
        .map(|e| e.expect("should list tests/fixtures").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    pages.sort();
    pages
}

/// The input's non-blank lines, trimmed as the parser trims them, split as the parser splits them.
fn trimmed_lines(input: &str) -> Vec<&str> {
    input
        .split('\n')
        .flat_map(|l| l.split('\r'))
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn golden_fixtures_match_their_json() {
    let pages = fixtures();
    assert!(pages.len() >= 15, "should have at least 15 golden fixtures, found {}", pages.len());
    let mut failures = Vec::new();
    for page in &pages {
        let name = page.file_stem().unwrap().to_string_lossy().to_string();
        let input = fs::read_to_string(page).expect("should read the fixture page");
        let spec_path = page.with_extension("json");
        let spec_text = fs::read_to_string(&spec_path).unwrap_or_else(|_| panic!("should find {name}.json"));
        let spec: Value =
            serde_json::from_str(&spec_text).unwrap_or_else(|e| panic!("{name}.json should be valid JSON: {e}"));
        let today = spec.get("today").and_then(Value::as_str).map(str::to_string);
        let article = xinwen::parse_with(&input, &xinwen::Options { today, ..Default::default() });
        let got = serde_json::to_value(&article).expect("should serialize the article");
        for (key, want) in spec.as_object().unwrap_or_else(|| panic!("{name}.json should hold an object")) {
            if key == "today" {
                continue;
            }
            let have = if key == "diagnostics" {
                Value::Array(article.diagnostics.iter().map(|d| Value::String(d.code.clone())).collect())
            } else {
                got.get(key).cloned().unwrap_or_else(|| panic!("{name}.json names an unknown field `{key}`"))
            };
            if &have != want {
                failures.push(format!(
                    "{name}: `{key}` should be\n    {}\n  but is\n    {}",
                    serde_json::to_string(want).unwrap(),
                    serde_json::to_string(&have).unwrap()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} golden mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn golden_block_spans_slice_to_their_lines() {
    for page in fixtures() {
        let name = page.file_stem().unwrap().to_string_lossy().to_string();
        let input = fs::read_to_string(&page).expect("should read the fixture page");
        let units: Vec<u16> = input.encode_utf16().collect();
        let article = xinwen::parse(&input);
        let lines = trimmed_lines(&input);
        // each block is one line, or a run of at least 32 noise lines (`blocks::text::RUN`), in order
        let mut next = 0;
        for (k, block) in article.blocks.iter().enumerate() {
            assert!(block.start <= block.end && block.end <= units.len(), "{name}: block {k} should lie in the input");
            let slice = String::from_utf16(&units[block.start..block.end])
                .unwrap_or_else(|_| panic!("{name}: block {k} should not split a surrogate pair"));
            let covered = trimmed_lines(&slice);
            assert!(covered.len() == 1 || covered.len() >= 32, "{name}: block {k} should be one line or a long run");
            assert_eq!(
                lines.get(next..next + covered.len()),
                Some(&covered[..]),
                "{name}: block {k} should slice (UTF-16) to exactly its line(s)"
            );
            assert_eq!(slice.trim(), slice, "{name}: block {k} should start and end on a character of its lines");
            next += covered.len();
        }
        assert_eq!(next, lines.len(), "{name}: every non-blank line should be in a block");
    }
}
