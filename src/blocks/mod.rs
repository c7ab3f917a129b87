//! Input → blocks: the list of non-blank lines every later stage works on.
//!
//! In: the page as text or HTML. Out: [`Line`]s with their text and UTF-16 spans.
//! Plain text (`text.rs`) and HTML (`html.rs`) become the same list, so one classifier serves both;
//! the HTML front end adds a parallel list of layout hints (link density, container words).

pub mod html;
pub mod text;

/// One non-blank line of the input, trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line's text without surrounding white space.
    pub text: &'a str,
    /// Start in UTF-16 code units from the start of the input.
    pub start: usize,
    /// End (exclusive) in UTF-16 code units.
    pub end: usize,
    /// Whether one or more blank lines stand between this line and the previous one.
    pub gap_before: bool,
}

/// White space as Chinese pages use it: ASCII, no-break, ideographic (U+3000) and the other Unicode spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}
