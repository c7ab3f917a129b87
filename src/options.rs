//! Options for [`crate::parse_with`] and [`crate::parse_bytes_with`].
//!
//! In: what the caller knows that the page does not say. Out: nothing; the stages read it.

use serde::Deserialize;

/// How to read the input.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Options {
    /// Today's date as `YYYY-MM-DD` (optionally with the time of day, `YYYY-MM-DDTHH:MM`): flags a
    /// publication date in the future, and resolves the relative dates feed pages print (昨天, 前天,
    /// 3天前, `10-08 12:00` without a year; 5小时前 and 20分钟前 only with the time of day).
    /// The core reads no clock: without it such dates stay unresolved (diagnostic `date-relative`).
    pub today: Option<String>,
    /// Whether the input is HTML or a page's plain text; by default, decided from the input.
    pub format: Format,
    /// The encoding of a page given as bytes ([`crate::parse_bytes_with`], or a `Uint8Array` in
    /// JavaScript); by default, chosen from the bytes (see [`crate::decode`]). Text has no encoding:
    /// [`crate::parse_with`] ignores it.
    pub encoding: Encoding,
    /// The page's address (`https://www.example.com/news/1.html`), when the caller knows it:
    /// relative picture addresses resolve against it, and it is the Article's `url` when the page
    /// names no canonical one.
    pub url: Option<String>,
}

/// Whether `today` is a date the core reads for [`Options::today`]: `YYYY-MM-DD` or
/// `YYYY-MM-DDTHH:MM`, a real day of the calendar. The bindings and the CLI refuse any other.
pub fn is_today(today: &str) -> bool {
    crate::recognize::relative::Today::parse(today).is_some()
}

/// The encoding to read a page's bytes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub enum Encoding {
    /// A byte-order mark, else a declared charset checked against the bytes, else detection.
    #[default]
    #[serde(rename = "auto")]
    Auto,
    /// UTF-8 (a UTF-8 byte-order mark is dropped).
    #[serde(rename = "utf-8")]
    Utf8,
    /// GB18030, which also reads GBK and GB2312.
    #[serde(rename = "gb18030")]
    Gb18030,
    /// Big5 (as browsers read it: with the Hong Kong extensions).
    #[serde(rename = "big5")]
    Big5,
    /// UTF-16, little-endian (a matching byte-order mark is dropped).
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian (a matching byte-order mark is dropped).
    #[serde(rename = "utf-16be")]
    Utf16Be,
}

/// The kind of input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// HTML when the input looks like markup (a doctype, `<html>`, `<head>` or `<body>` near the
    /// start, or a high share of tags), else text.
    #[default]
    Auto,
    /// The page's text as a browser copies it or a crawl stores it.
    Text,
    /// An HTML document.
    Html,
}
