//! Input → blocks: the list of non-blank lines every later stage works on.
//!
//! In: the page as text or HTML. Out: [`Line`]s, and each line's UTF-16 span in the input.
//! Plain text (`text.rs`) and HTML (`html.rs`) become the same list, so one classifier serves both;
//! the HTML front end adds a parallel list of layout hints (link density, container words).
//! A line is only its text (16 bytes): the spans, which only the output's blocks need, come from
//! the front end when the blocks are made (`text::spans`, `html::Html::spans`).

pub mod html;
pub mod text;

/// One non-blank line of the input, trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line's text without surrounding white space.
    pub text: &'a str,
}

/// White space as Chinese pages use it: ASCII, no-break, ideographic (U+3000) and the other Unicode spaces.
pub fn is_space(c: char) -> bool {
    // every white space character but U+FEFF lies at or below U+3000: ideographs answer at once
    (c <= '\u{3000}' && (c.is_whitespace() || c == '\u{200b}')) || c == '\u{feff}'
}

/// CJK ideographs (the basic block and extension A).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// How many characters `t` holds: the bytes that start one, counted as [`count_bytes`] does (which
/// the compiler vectorizes for wasm's SIMD as well, where `str::chars().count()` goes a word at a time).
pub fn char_count(t: &str) -> usize {
    count_bytes(t.as_bytes(), |b| (b & 0xC0) != 0x80)
}

/// How many bytes of `b` satisfy `f`, counted in byte lanes the compiler vectorizes.
pub fn count_bytes(b: &[u8], f: impl Fn(u8) -> bool) -> usize {
    b.chunks(255).map(|c| usize::from(c.iter().fold(0u8, |k, &x| k.wrapping_add(u8::from(f(x)))))).sum()
}

/// The first of `a` or `b` in `haystack`: a plain loop over its first 8 bytes (for runs of very
/// short lines, where a call to `memchr2` costs more than the loop), `memchr2` over the rest.
pub fn find_either(a: u8, b: u8, haystack: &[u8]) -> Option<usize> {
    let head = &haystack[..haystack.len().min(8)];
    match head.iter().position(|&x| x == a || x == b) {
        Some(i) => Some(i),
        None if head.len() == haystack.len() => None,
        None => memchr::memchr2(a, b, &haystack[head.len()..]).map(|i| head.len() + i),
    }
}
