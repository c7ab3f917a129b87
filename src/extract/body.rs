//! The article's paragraphs.
//!
//! In: the body lines the classifier chose. Out: their texts.
//! Rules: a line is a paragraph; a credit in brackets that closes the last paragraph on its own
//! line — `(责编：汤诗瑶、丁涛)` — is a credit, not text (the classifier has already moved credit lines).

use crate::classify::Cues;

/// The paragraphs of the body lines, in order.
pub fn paragraphs(cues: &[Cues], body: &[usize]) -> Vec<String> {
    body.iter().map(|&i| cues[i].line.text.to_string()).collect()
}
