//! # xinwen
//!
//! Turns the text of a Chinese news page — as a browser copies it, or as a web-crawl corpus stores
//! it — into structured data: headline, authors, source, editors, publication time, breadcrumb,
//! body paragraphs and the trailing sections, with the span of every line it used.
//!
//! ```
//! let page = "岳阳网> 县区\n\n经开区召开工作讲评会\n作者:张冰明    来源:岳阳日报    发布时间:2017年07月26日\n\n\
//!             7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作,确保全面完成全年目标任务。\n\
//!             责任编辑:高大智\n";
//! let article = xinwen::parse(page);
//! assert_eq!(article.title.as_deref(), Some("经开区召开工作讲评会"));
//! assert_eq!(article.authors, ["张冰明"]);
//! assert_eq!(article.published.as_deref(), Some("2017-07-26"));
//! assert_eq!(article.editors, ["高大智"]);
//! ```
//!
//! The pipeline is a few pure stages, one module each:
//! `blocks` (text → lines) → `classify` (lines → roles) → `extract` (roles → fields) → [`Article`].

pub mod article;
mod blocks;
mod classify;
pub mod decode;
mod extract;
mod lexicon;
pub mod options;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::{Article, Block, Diagnostic, Item, Role, Section};
pub use options::Options;

/// Parse a page's text with the default options.
pub fn parse(input: &str) -> Article {
    parse_with(input, &Options::default())
}

/// Parse a page's text.
///
/// ```
/// let options = xinwen::Options { today: Some("2020-01-01".into()) };
/// let article = xinwen::parse_with("标题在这里的一行\n发布时间:2030年1月1日\n", &options);
/// assert!(article.diagnostics.iter().any(|d| d.code == "date-in-future"));
/// ```
pub fn parse_with(input: &str, options: &Options) -> Article {
    let lines = blocks::text::split(input);
    let cues = classify::cues(&lines);
    let layout = classify::classify(&cues);
    extract::assemble(&cues, &layout, options)
}
