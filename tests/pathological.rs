//! Pathological inputs: the parser never panics, never hangs, and still gives a sensible result.
//!
//! In: the inputs of `tests/pathological/cases.rs`, at a fraction of the benchmark's sizes so that
//! a debug build runs them in seconds (`examples/pathological.rs` runs the full sizes and prints
//! times and memory). Out: assertions on the result of each; no timing assertions.
//!
//! Every case also passes the invariants every result keeps: block spans in bounds and in order,
//! a well-formed publication date, and the article serialises to JSON.

#[path = "pathological/cases.rs"]
mod cases;

use cases::Input;

/// Parse `input`, check the invariants of every result, and return the article.
fn checked(input: &Input) -> xinwen::Article {
    let article = input.parse();
    let units = match input {
        Input::Text(s) | Input::Html(s) => s.encode_utf16().count(),
        Input::Bytes(b) => xinwen::decode::decode(b).text.encode_utf16().count(),
    };
    let mut last = 0;
    for block in &article.blocks {
        assert!(block.start <= block.end, "a block should not end before it starts: {block:?}");
        assert!(block.end <= units, "a block should end within the input ({units} units): {block:?}");
        assert!(block.start >= last, "blocks should come in input order: {block:?}");
        last = block.start;
    }
    if let Some(date) = &article.published {
        let shape = date.len() >= 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-';
        assert!(shape, "published should be ISO 8601 (YYYY-MM-DD…): {date}");
        let (month, day) = (&date[5..7], &date[8..10]);
        assert!(("01"..="12").contains(&month), "published should have a month in range: {date}");
        assert!(("01"..="31").contains(&day), "published should have a day in range: {date}");
    }
    serde_json::to_string(&article).expect("the article should serialise");
    article
}

#[test]
fn a_single_line_of_a_megabyte_is_one_body_paragraph() {
    let input = cases::single_line(1_000_000);
    let article = checked(&input);
    assert_eq!(article.blocks.len(), 1, "should make one block of the one line");
    let Input::Text(text) = &input else { unreachable!() };
    assert!(
        article.title.as_deref() == Some(text.as_str()) || article.body == [text.as_str()],
        "the line should come back whole, as the title or the body"
    );
}

#[test]
fn blank_lines_make_an_empty_article() {
    let article = checked(&cases::blank_lines(200_000));
    assert!(article.blocks.is_empty(), "should make no blocks");
    assert!(article.title.is_none() && article.body.is_empty(), "should find no title and no body");
}

#[test]
fn one_character_lines_make_one_block() {
    let article = checked(&cases::one_char_lines(100_000));
    assert_eq!(article.blocks.len(), 1, "should make one block of the run of one-character lines");
    assert_eq!((article.blocks[0].start, article.blocks[0].end), (0, 199_999), "should span every line");
    assert_eq!(article.blocks[0].role, xinwen::Role::Navigation, "should read the run as page furniture");
    assert!(article.title.is_none() && article.body.is_empty(), "should find no title and no body");
    assert!(article.published.is_none(), "should find no date in single characters");
}

#[test]
fn deeply_nested_divs_keep_the_headline_and_paragraph() {
    let article = checked(&cases::nested_divs(100_000));
    assert_eq!(article.title.as_deref(), Some("深度嵌套的页面标题"), "should find the headline at the bottom");
    assert!(article.body.iter().any(|p| p.contains(cases::PROSE)), "should find the paragraph at the bottom");
}

#[test]
fn unclosed_paragraphs_are_each_a_paragraph() {
    let article = checked(&cases::unclosed_paragraphs(5_000));
    assert_eq!(article.title.as_deref(), Some("未闭合段落的页面"), "should find the headline");
    assert_eq!(article.body.len(), 5_000, "should end each <p> at the next and keep all 5000");
    assert_eq!(article.body[0], cases::LEAD, "the first paragraph should be the lead");
    assert!(article.body[1..].iter().all(|p| p == cases::PROSE), "each other paragraph should be the sentence");
}

#[test]
fn a_megabyte_attribute_does_not_hide_the_paragraph() {
    let article = checked(&cases::huge_attribute(1_000_000));
    assert_eq!(article.title.as_deref(), Some("超长属性的页面标题"), "should find the headline");
    assert_eq!(article.body, [cases::PROSE], "should find the paragraph inside the element");
}

#[test]
fn a_page_of_less_than_signs_has_no_article() {
    for input in [cases::only_less_than(200_000), cases::only_less_than_text(200_000)] {
        let article = checked(&input);
        assert!(article.title.is_none(), "should find no title in '<' characters");
        assert!(article.authors.is_empty() && article.published.is_none(), "should find no byline");
    }
}

#[test]
fn every_date_shape_on_every_line_gives_no_wrong_date() {
    // A page of nothing but dates has no article date to choose; leaving it out is right, and any
    // date chosen must be the one real day, never 2024-13-45 or 9999-99-99.
    for input in [cases::dates_lines(2_000), cases::dates_one_line(2_000)] {
        let article = checked(&input);
        if let Some(date) = &article.published {
            assert!(date.starts_with("2024-01-02"), "should read only the one real date, 2024-01-02: {date:?}");
        }
    }
}

#[test]
fn nul_bytes_are_refused_or_read_without_panic() {
    let article = checked(&cases::nul_bytes(200_000));
    assert!(article.title.is_none() && article.body.is_empty(), "NUL bytes should give no article");
    let codes: Vec<&str> = article.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"binary"), "should say the input is binary: {codes:?}");
}

#[test]
fn invalid_utf8_is_replaced_and_reported() {
    let input = cases::invalid_utf8(100_000);
    let article = checked(&input);
    let codes: Vec<&str> = article.diagnostics.iter().map(|d| d.code.as_str()).collect();
    for code in ["encoding-errors", "binary"] {
        assert!(codes.contains(&code), "should report {code}: {codes:?}");
    }
    let Input::Bytes(bytes) = &input else { unreachable!() };
    let decoded = xinwen::decode::decode(bytes);
    assert_eq!(decoded.encoding, "UTF-8", "binary data should be read as UTF-8, not as a guessed legacy encoding");
    assert!(decoded.text.contains('中'), "should keep the UTF-8 text among the bytes");
    assert_eq!(article.blocks.len(), 1, "should make one block of the undecodable lines");
    assert!(article.title.is_none() && article.body.is_empty(), "should find no title and no body");
}

#[test]
fn a_byline_on_every_line_gives_one_author_and_editor() {
    let article = checked(&cases::repeated_byline(20_000));
    assert_eq!(article.authors, ["张三"], "should list the repeated author once");
    assert_eq!(article.editors, ["李四"], "should list the repeated editor once");
    assert_eq!(article.source.as_deref(), Some("本报"), "should read the source");
}

#[test]
fn short_lines_of_words_keep_a_block_each() {
    // beyond the budgeted list: words are never noise, so each line keeps its block however short
    for (name, input) in cases::beyond(20) {
        let article = checked(&input);
        let lines = match &input {
            Input::Text(s) => s.lines().count(),
            Input::Html(s) => s.matches("<p>").count(),
            Input::Bytes(_) => unreachable!(),
        };
        assert_eq!(article.blocks.len(), lines, "{name}: should make one block per line");
        assert!(article.body.is_empty(), "{name}: should find no prose in short lines");
    }
}
