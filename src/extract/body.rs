//! The article's paragraphs.
//!
//! In: the body lines the classifier chose. Out: their texts.
//! Rules: a line is a paragraph; a credit in brackets that closes the last paragraph on its own
//! line — `(责编：汤诗瑶、丁涛)` — is a credit, not text (the classifier has already moved credit lines).
//! A link glued after the last sentence of a paragraph — `…仍将持续。返回某网首页>>` — is cut off:
//! portals append such "back to" links to the final paragraph when the page is copied. A picture
//! counter before a gallery caption — `1/10 清晨的码头…` — is not text either.

use crate::classify::Cues;
use crate::lexicon::{find_word, VALUE_STOPS};

/// The paragraphs of the body lines, in order.
pub fn paragraphs(cues: &[Cues], body: &[usize]) -> Vec<String> {
    body.iter().map(|&i| clean(cues[i].line.text).to_string()).collect()
}

/// A body line's text as a paragraph: without a link glued after its last sentence or a gallery
/// counter before it.
pub fn clean(text: &str) -> &str {
    without_counter(without_trailing_link(text))
}

/// `text` without a leading gallery counter `3/10 `.
fn without_counter(text: &str) -> &str {
    // memchr: most paragraphs hold no slash, and `str::split_once` scans a word at a time in wasm
    let Some(slash) = memchr::memchr(b'/', text.as_bytes()) else { return text };
    let (n, rest) = (&text[..slash], &text[slash + 1..]);
    let digits = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let Some(space) = rest.find(crate::blocks::is_space) else { return text };
    let (total, after) = rest.split_at(space);
    let after = after.trim_start_matches(crate::blocks::is_space);
    let counter = digits(n)
        && digits(total)
        && n.parse::<u32>().ok().zip(total.parse::<u32>().ok()).is_some_and(|(i, m)| 1 <= i && i <= m);
    if counter && !after.is_empty() {
        after
    } else {
        text
    }
}

/// `text` without a short link glued after its last sentence: one ending in `>>` or `»`, or one
/// that says where it leads (`…。返回某网，查看更多`).
fn without_trailing_link(text: &str) -> &str {
    let trimmed = text.trim_end_matches(['>', '＞', '»']);
    let tail_start = trimmed.rfind(['。', '！', '？', '”', '!', '?']).unwrap_or(0);
    let says_link = VALUE_STOPS.iter().any(|w| find_word(&trimmed[tail_start..], w).is_some());
    if trimmed.len() == text.len() && !says_link {
        return text;
    }
    match trimmed.rfind(['。', '！', '？', '”', '!', '?']) {
        Some(end) => {
            let end = end + trimmed[end..].chars().next().map_or(0, char::len_utf8);
            let link = &trimmed[end..];
            if !link.is_empty() && link.chars().count() <= 12 {
                &text[..end]
            } else {
                text
            }
        }
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::{without_counter, without_trailing_link};

    #[test]
    fn drops_a_gallery_counter() {
        assert_eq!(without_counter("1/10 清晨的码头"), "清晨的码头", "should drop 1/10");
        assert_eq!(without_counter("24/7 营业"), "24/7 营业", "should keep n/m when n exceeds m");
        assert_eq!(without_counter("1/10的人"), "1/10的人", "should keep a fraction inside a sentence");
    }

    #[test]
    fn cuts_a_glued_link() {
        assert_eq!(without_trailing_link("整顿仍将持续。返回首页>>"), "整顿仍将持续。", "should cut the link");
        assert_eq!(without_trailing_link("整顿仍将持续。"), "整顿仍将持续。", "should keep a plain paragraph");
        assert_eq!(
            without_trailing_link("整顿仍将持续。返回某网，查看更多"),
            "整顿仍将持续。",
            "should cut a worded link"
        );
        assert_eq!(without_trailing_link("详见下文>>"), "详见下文>>", "should keep a line with no sentence");
    }
}
