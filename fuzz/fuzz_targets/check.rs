//! What every fuzz target checks on the result besides "no panic, no hang": the invariants the
//! crate documents for any input: spans inside the input and in order, ISO dates, typed content
//! beside the body, Markdown that opens with the headline, JSON.

/// Assert the invariants of `article`, parsed from `text` (the decoded input).
pub fn check(text: &str, article: &xinwen::Article) {
    let len16 = text.encode_utf16().count();
    let mut last = 0;
    for block in &article.blocks {
        assert!(block.start <= block.end, "a block's start should not pass its end: {block:?}");
        assert!(block.end <= len16, "a block should end inside the input ({len16} units): {block:?}");
        assert!(block.start >= last, "blocks should come in input order: {block:?}");
        last = block.start;
    }
    if let Some(date) = &article.published {
        assert!(
            date.len() >= 4 && date[..4].bytes().all(|b| b.is_ascii_digit()),
            "published should be ISO 8601: {date}"
        );
    }
    let spans: Vec<(usize, usize)> = article.content.iter().map(|c| c.span()).collect();
    assert!(spans.iter().all(|&(s, e)| s <= e && e <= len16), "content should lie inside the input: {spans:?}");
    assert!(spans.windows(2).all(|w| w[0].0 <= w[1].0), "content should come in input order: {spans:?}");
    let figures: Vec<(usize, usize)> = article.figures.iter().map(|f| (f.start, f.end)).collect();
    assert!(figures.iter().all(|&(s, e)| s <= e && e <= len16), "figures should lie inside the input: {figures:?}");
    assert!(figures.windows(2).all(|w| w[0].0 <= w[1].0), "figures should come in input order: {figures:?}");
    assert!(article.body.is_empty() || !article.content.is_empty(), "a body should have its typed content");
    let markdown = article.to_markdown();
    assert!(article.title.is_none() || markdown.starts_with("# "), "the Markdown should open with the headline");
    serde_json::to_string(article).expect("the article should serialize");
}
