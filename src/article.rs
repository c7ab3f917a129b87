//! The output model: what a page becomes.
//!
//! In: nothing (plain data types). Out: [`Article`] and its parts, serialized with
//! camelCase keys. The CLI, the npm package and the web page all emit exactly this shape, and it
//! reads back (`Deserialize`): the CLI's JSON is an Article again.

use serde::{Deserialize, Serialize};

/// The structured reading of one news page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// What the page is: one article with a body, or something else (a listing, an index, a forum).
    pub kind: Kind,
    /// The headline, or `None` when no line reads as one.
    pub title: Option<String>,
    /// The article's summary: the page's description (`<meta name=description>`, `og:description`,
    /// JSON-LD `description`), else a 摘要 / 导读 / 核心提示 line, without its label.
    pub description: Option<String>,
    /// Persons credited with writing or reporting (作者, 记者, 文, 通讯员, datelines, signatures).
    pub authors: Vec<String>,
    /// The outlet named after 来源 / 稿件来源 / 出处 …, without the label.
    pub source: Option<String>,
    /// Publication time in ISO 8601, as precise as the page: `2017-07-26` or
    /// `2019-12-10T07:57:40+08:00` when a time of day is shown (Chinese pages are in UTC+8).
    pub published: Option<String>,
    /// Names after 责任编辑 / 编辑 / 责编 ….
    pub editors: Vec<String>,
    /// The site's name where the page shows it (the breadcrumb's root, when that is a name).
    pub site: Option<String>,
    /// The "you are here" path, without separators.
    pub breadcrumb: Vec<String>,
    /// The section or channel the article is filed under (`article:section`, JSON-LD
    /// `articleSection`, a 栏目 / 频道 line, else the breadcrumb's last part below the site).
    pub category: Option<String>,
    /// Keywords and tags (`<meta name=keywords>`, `article:tag`, JSON-LD `keywords`, a 关键词 /
    /// 标签 / Tags line), each once, in the page's order.
    pub tags: Vec<String>,
    /// The article's address: the page's canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD
    /// `url`), else [`crate::Options::url`].
    pub url: Option<String>,
    /// The host of [`Article::url`] (`www.example.com`), lower-cased.
    pub host: Option<String>,
    /// The language as a BCP 47 tag: `zh-Hans` or `zh-Hant` for Chinese (from the characters, the
    /// markup's `lang` and the encoding: Big5 is traditional), another language's tag as the markup
    /// gives it (`en`), or `None` when the page says nothing and holds little text.
    pub language: Option<String>,
    /// The lead image: `og:image`, JSON-LD `image`, or the body's first figure with a source.
    pub image: Option<Image>,
    /// The dateline opening the body (`新华社巴黎12月9日电`, `本报讯`, `7月25日，`), when there is one.
    pub dateline: Option<Dateline>,
    /// The article's paragraphs, nothing else: its text, lists and tables as lines of text, in
    /// order; picture captions are not text (they are in [`Article::figures`]).
    pub body: Vec<String>,
    /// The article's content as typed blocks, in order: paragraphs, subheadings, lists, quotes,
    /// tables, figures and code, each with its span.
    pub content: Vec<Content>,
    /// The body's pictures, in order: each with its source (resolved against the page's URL when
    /// it is known), alternative text, caption and span. Text has pictures only as their captions:
    /// a figure without a source.
    pub figures: Vec<Figure>,
    /// The page's trailing blocks (相关阅读, 热点新闻 …) with their items.
    pub sections: Vec<Section>,
    /// Every non-blank line (block) of the input, in order, with its role and span; in text, a run
    /// of 32 or more noise lines (a character per line, lines of symbols or undecodable bytes) is
    /// one block.
    pub blocks: Vec<Block>,
    /// What could not be found, and other remarks about the input.
    pub diagnostics: Vec<Diagnostic>,
}

/// What a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    /// One article with a body of prose.
    #[default]
    Article,
    /// A listing, an index, a forum thread or a stub: no body of prose.
    Other,
}

/// The dateline that opens a news story: `新华社巴黎12月9日电` → 新华社, 巴黎, 2019-12-09.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Dateline {
    /// The agency or outlet that filed the story (新华社, 本报, 某某网).
    pub agency: Option<String>,
    /// Where it was filed (巴黎), when the dateline says.
    pub place: Option<String>,
    /// The day, `YYYY-MM-DD`: the dateline's month and day in the publication's year (the year
    /// before when that day would fall after the publication); `None` without a day or a year.
    pub date: Option<String>,
    /// The dateline's words as the page writes them.
    pub text: String,
}

/// A trailing block of the page, such as 相关阅读 or 热点新闻.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Section {
    /// The block's heading as shown (`None` for a list with no heading).
    pub heading: Option<String>,
    /// The entries of the block.
    pub items: Vec<Item>,
}

/// One entry of a trailing section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// The entry's title, without its tag.
    pub title: String,
    /// A bracketed tag before the title: `[华容]陶伟军…` gives `华容`.
    pub tag: Option<String>,
    /// The summary paragraph shown under the title, if any.
    pub summary: Option<String>,
}

/// A picture: the lead image ([`Article::image`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Image {
    /// The picture's address, resolved against the page's URL when it is known.
    pub src: String,
    /// Its alternative text, if the page gives one.
    pub alt: Option<String>,
    /// Its caption, when the picture is one of the body's figures and has one.
    pub caption: Option<String>,
}

/// A picture of the body, with its caption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// The picture's address (resolved against the page's URL when it is known); `None` for a
    /// caption in text, whose picture the text does not hold.
    pub src: Option<String>,
    /// The picture's alternative text (`<img alt>`).
    pub alt: Option<String>,
    /// The caption: `<figcaption>`, or the caption lines under or over the picture (图为…,
    /// `（林可摄）`, 资料图 …), joined.
    pub caption: Option<String>,
    /// Start of the figure in the input (the `<img>` tag, or its first caption line), in UTF-16
    /// code units.
    pub start: usize,
    /// End (exclusive) of the figure in the input (its last caption line, or the `<img>` tag).
    pub end: usize,
}

/// One block of the article's content ([`Article::content`]). `start` and `end` are its span in
/// the input, in UTF-16 code units, from its first line's start to its last line's end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify), tsify(missing_as_null))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Content {
    /// A paragraph of text.
    Paragraph { text: String, start: usize, end: usize },
    /// A heading inside the text (`<h2>`…`<h6>`, a bold line alone, `一、总体要求`).
    Subheading { text: String, start: usize, end: usize },
    /// A list: its items' texts, without their bullets or numbers when the page's markup draws them.
    List { ordered: bool, items: Vec<String>, start: usize, end: usize },
    /// A quotation set apart from the text (`<blockquote>`).
    Quote { text: String, start: usize, end: usize },
    /// A table: its rows, each a list of cells' texts.
    Table { rows: Vec<Vec<String>>, start: usize, end: usize },
    /// A picture with its caption.
    Figure(Figure),
    /// Program text (`<pre>`, or lines of code in text), line by line.
    Code { text: String, start: usize, end: usize },
}

/// The `start` and `end` of a [`Content`] (by reference, shared or mutable as the block is).
macro_rules! span_of {
    ($block:expr) => {
        match $block {
            Content::Paragraph { start, end, .. }
            | Content::Subheading { start, end, .. }
            | Content::List { start, end, .. }
            | Content::Quote { start, end, .. }
            | Content::Table { start, end, .. }
            | Content::Code { start, end, .. }
            | Content::Figure(Figure { start, end, .. }) => (start, end),
        }
    };
}

impl Content {
    /// The block's span in the input: (start, end) in UTF-16 code units.
    pub fn span(&self) -> (usize, usize) {
        let (start, end) = span_of!(self);
        (*start, *end)
    }

    /// The block's span, to set.
    pub(crate) fn span_mut(&mut self) -> (&mut usize, &mut usize) {
        span_of!(self)
    }
}

/// One non-blank line of the input (or one run of noise lines) with the role the parser gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Block {
    /// What the line is.
    pub role: Role,
    /// Start of the line's text, in UTF-16 code units from the start of the input.
    pub start: usize,
    /// End (exclusive) of the line's text, in UTF-16 code units; in JavaScript
    /// `input.slice(start, end)` is the line's text.
    pub end: usize,
}

/// The role of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// Menus, link lists and other chrome above or around the article.
    Navigation,
    /// The "you are here" path.
    Breadcrumb,
    /// The headline.
    Title,
    /// Credits, source, date and editor lines.
    Byline,
    /// A paragraph of the article.
    Body,
    /// The heading of a trailing section.
    SectionHeading,
    /// The title of an item in a trailing section.
    ItemTitle,
    /// The summary of an item in a trailing section.
    ItemSummary,
    /// Copyright, contact and licence lines at the bottom of the page.
    Footer,
    /// Anything else: share buttons, captions, comments, ads.
    Other,
}

/// A remark about the input: something missing, odd or assumed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// A stable, machine-readable code such as `no-title` or `no-date`.
    pub code: String,
    /// A sentence for people.
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn new(code: &str, message: impl Into<String>) -> Self {
        Diagnostic { code: code.to_string(), message: message.into() }
    }
}
