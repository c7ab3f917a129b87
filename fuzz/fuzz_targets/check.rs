//! What every fuzz target checks on the result besides "no panic, no hang": the invariants the
//! crate documents for any input.

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
    serde_json::to_string(article).expect("the article should serialize");
}
