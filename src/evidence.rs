//! Markup evidence → fields, beside the text cues (HTML input only).
//!
//! In: the [`Html`] front end's blocks, hints and [`RawEvidence`]. Out: an [`Evidence`] — the
//! headline's block, the publication time, authors and site as the markup states them — and the
//! steps that let it speak, in pipeline order: [`mark_furniture`] before the body search;
//! [`set_title`], [`drop_leading_note`], [`keep_body_in_container`], [`bridge_body`] and
//! [`drop_trailing_notice`] on the classifier's layout; [`apply`] after the text extractors.
//! Every step only adds to or corrects the text path's result; the text path itself is unchanged.
//! Rules:
//! - Title: the headline as displayed, so a block, not a tag: the block (an `<h1>` first) whose text
//!   is the JSON-LD `headline`, `og:title`, the `<title>` or the `<title>` without its site suffix
//!   (`标题_频道_网站`, `标题 - 网站`, `标题|网站`). Without such a block, a lone `<h1>` that is not
//!   a link (portals wrap their logo in `<h1><a>`); without that, the text classifier's choice; with
//!   no headline at all, the `<title>` without its suffix.
//! - Published: JSON-LD `datePublished`, then `<meta>` (`article:published_time`, `publishdate`,
//!   `pubdate`, itemprop `datePublished` …), then `<time datetime>`, converted to China time. It
//!   fills a page whose text shows no date, and refines a text date of the same day that lacks the
//!   time of day; a markup date on another day loses to the text (templates stamp build times).
//! - Authors: JSON-LD `author` names, only when the text credits no one, only values that read as
//!   persons' names (not an outlet such as 某某网 or 新闻中心), and only when a byline shows them.
//!   `<meta name=author>` is not read: on Chinese sites it mostly holds the site's or an editor's name.
//! - Site: `og:site_name`, JSON-LD `publisher.name`, `application-name`, else the `<title>`'s suffix.
//! - Description: `<meta name=description>`, `og:description`, `twitter:description`, JSON-LD
//!   `description`; tags: `keywords`, `news_keywords`, every `article:tag`, JSON-LD `keywords`, split
//!   as tag lines are; category: `article:section`, JSON-LD `articleSection`, `ColumnName` (government
//!   sites' templates). Each comes before what the text's lines say (摘要：…, 关键词：…, 栏目：…),
//!   as the page states it (old templates fill both with the title).
//! - URL: the first of `<link rel=canonical>`, `og:url`, JSON-LD `url` that is absolute or that the
//!   caller's URL resolves; the lead image: `og:image`, `twitter:image`, JSON-LD `image`, resolved against the
//!   page's address (its `<base>`, the caller's URL, else the canonical URL), before the body's first
//!   picture. The declared language: `<html lang>`, `content-language`, `og:locale`.
//! - Blocks that markup places in navigation, footers, comments, share bars, related lists or
//!   sidebars, or that are mostly link text, are furniture for the body search (link density, after
//!   Kohlschütter et al. 2010: a block mostly of link text is a menu or a list of other articles).
//!   The nearest container word decides (a share bar inside the content is outside the text).
//!   When that leaves no prose at all, side panes count as inside: gallery and video pages put the
//!   article's text in a pane beside the pictures.
//! - Body edges: the body lies in one container (the deepest element holding six sevenths of its
//!   text); paragraphs an ad or link list split off inside the content container rejoin it; a
//!   salutation right above it (各乡镇人民政府：) opens it; a bracketed labelled note (（原标题：…）)
//!   does not open it and a notice (免责声明：…) does not close it.

use crate::article::{Article, Diagnostic, Image, Role};
use crate::blocks::html::{marks, Hint, Html, RawEvidence};
use crate::blocks::{is_cjk, is_space, Line};
use crate::classify::{Cues, Layout};
use crate::lexicon::notice_label;
use crate::recognize::date::{civil_from_days, days_from_civil};
use crate::recognize::label::tags;

/// What the markup says, judged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Headline candidates from metadata and `<title>`, most trusted first.
    pub titles: Vec<String>,
    /// The `<title>` without its site suffix.
    pub title_tag: Option<String>,
    /// Publication time, ISO 8601 (China time when the markup gave a zone).
    pub published: Option<String>,
    /// The markup's modification stamp (`dateModified`, `article:modified_time` …), ISO 8601.
    pub modified: Option<String>,
    /// Persons credited by metadata.
    pub authors: Vec<String>,
    /// The site's name.
    pub site: Option<String>,
    /// The page's description.
    pub description: Option<String>,
    /// Keywords and tags, each once.
    pub tags: Vec<String>,
    /// The section the article is filed under.
    pub category: Option<String>,
    /// The canonical URLs as written: `<link rel=canonical>`, `og:url`, JSON-LD `url`, those present.
    pub urls: Vec<String>,
    /// The lead image's address as written, and its alternative text.
    pub image: Option<(String, Option<String>)>,
    /// The language the markup declares.
    pub language: Option<String>,
}

/// Read the raw evidence.
pub fn gather(html: &Html) -> Evidence {
    let raw = &html.raw;
    let mut e = Evidence::default();
    let meta = |keys: &[&str]| -> Option<&str> {
        keys.iter().find_map(|k| raw.meta.iter().find(|(mk, v)| mk == k && !v.is_empty()).map(|(_, v)| v.as_str()))
    };
    let ld = json_ld(raw);
    push_some(&mut e.titles, ld.headline.clone());
    push_some(&mut e.titles, meta(&["og:title", "twitter:title", "title", "headline"]).map(str::to_string));
    let parts = raw.title.as_deref().map(title_parts).unwrap_or_default();
    if let Some(t) = &raw.title {
        push_some(&mut e.titles, Some(t.clone()));
    }
    e.title_tag = parts.first().cloned();
    if parts.len() > 1 {
        push_some(&mut e.titles, parts.first().cloned());
    }

    let stamps = ld.published.iter().map(String::as_str).chain(meta(&[
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "publishdate",
        "publish_date",
        "pubdate",
        "pubtime",
        "og:release_date",
        "dc.date.issued",
        "dc.date",
    ]));
    e.published = stamps
        .chain(raw.times.iter().map(String::as_str))
        .chain(raw.script_times.iter().map(String::as_str))
        .find_map(iso_china);
    e.modified = ld
        .modified
        .as_deref()
        .into_iter()
        .chain(meta(&["article:modified_time", "datemodified", "dateupdate", "og:updated_time"]))
        .find_map(iso_china);

    // JSON-LD only: `<meta name=author>` on Chinese sites mostly holds the site's or an editor's name
    for n in &ld.authors {
        for part in n.split([',', '，', '、', ';', '；', ' ', '\u{3000}']) {
            if person_like(part) && !e.authors.iter().any(|a| a == part) {
                e.authors.push(part.to_string());
            }
        }
    }

    e.site = meta(&["og:site_name", "application-name"])
        .map(str::to_string)
        .or(ld.publisher)
        .or_else(|| (parts.len() > 1).then(|| parts.last().cloned()).flatten());

    let text = |v: &str| Some(collapse(v)).filter(|v| !v.is_empty());
    e.description = meta(&["description", "og:description", "twitter:description", "dc.description"])
        .and_then(text)
        .or_else(|| ld.description.as_deref().and_then(text));
    let keywords = raw.meta.iter().filter(|(k, _)| matches!(k.as_str(), "keywords" | "news_keywords" | "article:tag"));
    for v in keywords.map(|(_, v)| v).chain(&ld.keywords) {
        for t in tags(v) {
            if !e.tags.contains(&t) {
                e.tags.push(t);
            }
        }
    }
    e.category = meta(&["article:section", "og:article:section", "columnname"])
        .and_then(text)
        .or_else(|| ld.section.as_deref().and_then(text));
    e.urls = [raw.canonical.as_deref(), meta(&["og:url"]), ld.url.as_deref()]
        .into_iter()
        .flatten()
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
        .collect();
    e.image = meta(&["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"])
        .map(str::to_string)
        .or(ld.image)
        .filter(|u| !u.trim().is_empty() && !u.trim_start().starts_with("data:"))
        .map(|src| (src, meta(&["og:image:alt", "twitter:image:alt"]).map(str::to_string)));
    e.language = raw
        .lang
        .clone()
        .or_else(|| meta(&["content-language", "og:locale", "language", "dc.language"]).map(str::to_string));
    e
}

/// The address relative addresses on the page resolve against: its `<base href>` (itself resolved),
/// on the caller's URL, else on the canonical URL when that is absolute.
pub fn base(e: &Evidence, raw: &RawEvidence, url: Option<&str>) -> Option<String> {
    let page = url
        .filter(|u| crate::url::is_absolute(u))
        .map(str::to_string)
        .or_else(|| e.urls.iter().find(|u| crate::url::is_absolute(u)).cloned());
    match raw.base.as_deref() {
        Some(b) if crate::url::is_absolute(b) => Some(b.trim().to_string()),
        Some(b) => page.as_deref().and_then(|p| crate::url::resolve(p, b)).or(page),
        None => page,
    }
}

fn push_some(v: &mut Vec<String>, s: Option<String>) {
    if let Some(s) = s {
        let s = s.trim().to_string();
        if !s.is_empty() && !v.contains(&s) {
            v.push(s);
        }
    }
}

/// `<title>` split at its site-suffix separators, the headline first.
fn title_parts(title: &str) -> Vec<String> {
    const SEPS: [&str; 9] = ["_", "|", "｜", " - ", " – ", " — ", "——", "－", "--"];
    let mut parts = vec![title.to_string()];
    for sep in SEPS {
        parts = parts.iter().flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>()).collect();
    }
    parts.into_iter().map(|p| p.trim_matches(is_space).to_string()).filter(|p| !p.is_empty()).collect()
}

/// White space collapsed to single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split(is_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Text without white space, for comparisons.
fn norm(s: &str) -> String {
    s.chars().filter(|&c| !is_space(c)).collect()
}

/// Does `s` read as a person's name? Two to four CJK characters that no outlet word ends, or a
/// short Latin name.
fn person_like(s: &str) -> bool {
    let n = s.chars().count();
    let outlet = ["网", "报", "社", "台", "中心", "新闻", "编辑部", "频道", "日报", "官方", "客户端"];
    if s.chars().all(is_cjk) {
        (2..=4).contains(&n) && !outlet.iter().any(|w| s.ends_with(w))
    } else {
        (3..=30).contains(&n) && s.chars().all(|c| c.is_ascii_alphabetic() || c == '.' || c == ' ')
    }
}

/// JSON-LD fields of the first NewsArticle-like object.
#[derive(Default)]
struct Ld {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    description: Option<String>,
    keywords: Vec<String>,
    section: Option<String>,
    url: Option<String>,
    image: Option<String>,
}

fn json_ld(raw: &RawEvidence) -> Ld {
    use serde_json::Value;
    let mut ld = Ld::default();
    let mut objects = Vec::new();
    for s in &raw.json_ld {
        let Ok(v) = serde_json::from_str::<Value>(s.trim()) else { continue };
        let mut stack = vec![v];
        // flatten arrays and @graph, without recursion
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a.into_iter().rev()),
                Value::Object(mut o) => {
                    if let Some(g) = o.remove("@graph") {
                        stack.push(g);
                    }
                    objects.push(o);
                }
                _ => {}
            }
        }
    }
    let text = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Object(o) => o.get("name").and_then(Value::as_str).map(|s| s.trim().to_string()),
            _ => None,
        }
    };
    let article_like = |o: &serde_json::Map<String, Value>| {
        o.contains_key("headline") || o.contains_key("datePublished") || o.contains_key("articleBody")
    };
    if let Some(o) = objects.iter().find(|o| article_like(o)) {
        ld.headline = o.get("headline").and_then(text);
        ld.published = o.get("datePublished").and_then(text);
        ld.modified = o.get("dateModified").and_then(text);
        match o.get("author") {
            Some(Value::Array(a)) => ld.authors = a.iter().filter_map(text).collect(),
            Some(v) => ld.authors = text(v).into_iter().collect(),
            None => {}
        }
        ld.publisher = o.get("publisher").and_then(text);
        ld.description = o.get("description").and_then(Value::as_str).map(str::to_string);
        // a string or a list of strings
        let strings = |v: Option<&Value>| -> Vec<String> {
            match v {
                Some(Value::String(s)) => vec![s.clone()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_string).collect(),
                _ => Vec::new(),
            }
        };
        ld.keywords = strings(o.get("keywords"));
        ld.section = strings(o.get("articleSection")).into_iter().next();
        let address = |v: &Value| -> Option<String> {
            match v {
                Value::String(s) => Some(s.trim().to_string()),
                Value::Object(o) => o.get("url").or_else(|| o.get("@id")).and_then(Value::as_str).map(str::to_string),
                Value::Array(a) => a.iter().find_map(|x| match x {
                    Value::String(s) => Some(s.trim().to_string()),
                    Value::Object(o) => o.get("url").and_then(Value::as_str).map(str::to_string),
                    _ => None,
                }),
                _ => None,
            }
        };
        ld.url = o.get("url").or_else(|| o.get("mainEntityOfPage")).and_then(address);
        ld.image = o.get("image").and_then(address);
    }
    ld
}

/// An ISO-like stamp (`2019-12-10T07:57:40+08:00`, `2019-12-10 07:57`, `2019/12/10`, `…Z`) as
/// ISO 8601 in China time (UTC+8), as precise as given.
pub fn iso_china(stamp: &str) -> Option<String> {
    let s = stamp.trim();
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let d = b.get(from..from + len)?;
        d.iter().all(u8::is_ascii_digit).then(|| d.iter().fold(0i64, |a, &c| a * 10 + i64::from(c - b'0')))
    };
    let year = num(0, 4)?;
    if !matches!(b.get(4), Some(b'-' | b'/' | b'.')) || !(1990..=2099).contains(&year) {
        return None;
    }
    // month and day may have one or two digits
    let mut at = 5;
    let mut field = || -> Option<i64> {
        let len = b[at.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&len) {
            return None;
        }
        let v = num(at, len)?;
        at += len + 1;
        Some(v)
    };
    let month = field()?;
    let day = field()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let rest = s.get(at - 1..).unwrap_or("");
    let rest = rest.strip_prefix(['T', ' ']).map(str::trim_start);
    let Some(rest) = rest.filter(|r| r.len() >= 5 && r.as_bytes()[2] == b':') else {
        return Some(format!("{year:04}-{month:02}-{day:02}"));
    };
    let rb = rest.as_bytes();
    let n2 = |i: usize| -> Option<i64> {
        let d = rb.get(i..i + 2)?;
        d.iter().all(u8::is_ascii_digit).then(|| i64::from(d[0] - b'0') * 10 + i64::from(d[1] - b'0'))
    };
    let (h, m) = (n2(0)?, n2(3)?);
    let sec = if rb.get(5) == Some(&b':') { n2(6) } else { None };
    let mut tail = &rest[if sec.is_some() { 8 } else { 5 }..];
    if let Some(t) = tail.strip_prefix('.') {
        tail = t.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    if h > 23 || m > 59 || sec.is_some_and(|x| x > 59) {
        return None;
    }
    // the zone: none (taken as local), Z, ±hh:mm or ±hhmm
    let offset = match tail.trim().as_bytes() {
        [] => Some(8 * 60),
        [b'Z' | b'z'] => Some(0),
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let digits: Vec<i64> = rest.iter().filter(|c| c.is_ascii_digit()).map(|&c| i64::from(c - b'0')).collect();
            if digits.len() != 4 {
                return None;
            }
            let mins = (digits[0] * 10 + digits[1]) * 60 + digits[2] * 10 + digits[3];
            Some(if *sign == b'-' { -mins } else { mins })
        }
        _ => None,
    }?;
    // shift to UTC+8 through minutes since the epoch
    let total = days_from_civil(year, month, day) * 1440 + h * 60 + m - offset + 8 * 60;
    let (y, mo, d) = civil_from_days(total.div_euclid(1440));
    let mins = total.rem_euclid(1440);
    let mut out = format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}", mins / 60, mins % 60);
    if let Some(sec) = sec {
        out.push_str(&format!(":{sec:02}"));
    }
    out.push_str("+08:00");
    Some(out)
}

/// Containers that hold no article text.
const NOT_BODY: u32 = marks::NAV | marks::FOOTER | marks::COMMENT | marks::RELATED | marks::SHARE | marks::ASIDE;

/// Before the body search: blocks that markup places outside the article are furniture. The
/// nearest container word decides: a share bar inside the article's content is outside the text,
/// and an article inside a page-wide `main` wrapper is inside it.
pub fn mark_furniture(html: &Html, cues: &mut [Cues], hints: &[Hint]) {
    mark_outside(html, cues, hints, NOT_BODY);
}

/// When the body search found no prose outside the side panes: gallery and video pages put the
/// article's text in a pane beside the pictures (`info-box`, `right`), so side panes count as
/// inside; the caller classifies again.
pub fn mark_furniture_with_sides(html: &Html, cues: &mut [Cues], hints: &[Hint]) {
    mark_outside(html, cues, hints, NOT_BODY & !marks::ASIDE);
}

fn mark_outside(html: &Html, cues: &mut [Cues], hints: &[Hint], not_body: u32) {
    for (i, (c, h)) in cues.iter_mut().zip(hints).enumerate() {
        let linky = h.link_density() >= 0.5;
        let nearest = html
            .enclosing(i)
            .take(64)
            .map(|e| html.own_marks[e as usize])
            .find(|m| m & (not_body | marks::CONTENT) != 0)
            .unwrap_or(0);
        let outside = nearest & not_body != 0 && nearest & marks::CONTENT == 0;
        // a byline's outlet and share links make it link-heavy; its date and labels say what it is
        if (linky || outside) && !c.is_byline() {
            c.furniture = true;
            c.prose = false;
        }
    }
}

/// After the body search: a bracketed, labelled note at the body's start — `（原标题：…）`,
/// `（来源：…）` — is an editor's note about the article, not its first paragraph.
pub fn drop_leading_note(cues: &[Cues], layout: &mut Layout) {
    if layout.body.len() < 2 {
        return;
    }
    let first = layout.body[0];
    let t = cues[first].line.text;
    let bracketed = t.starts_with(['（', '(', '【', '[']) && t.ends_with(['）', ')', '】', ']']);
    if bracketed && labelled(&t[t.chars().next().map_or(0, char::len_utf8)..]) {
        layout.body.remove(0);
        layout.roles[first] = Role::Other;
    }
}

/// After the body search: a closing paragraph that opens with a notice label and a colon
/// ([`crate::lexicon::NOTICE_LABELS`]: 免责声明：…, 声明：…) is the site's notice, not the article's last paragraph.
pub fn drop_trailing_notice(cues: &[Cues], layout: &mut Layout) {
    while layout.body.len() >= 2 {
        let last = *layout.body.last().expect("a body block");
        let t = cues[last].line.text.trim_start_matches(['【', '[', '（', '(']);
        let notice = notice_label(t);
        if !notice {
            break;
        }
        layout.body.pop();
        layout.roles[last] = Role::Other;
    }
}

/// After the body search: the body lies in one container. The deepest element holding at least
/// six sevenths of the body's characters is the article's container; body blocks outside it (an
/// advertisement paragraph, a summary box, a "you may also like" list beside the text) are not body.
pub fn keep_body_in_container(html: &Html, cues: &[Cues], layout: &mut Layout) {
    const DEPTH: usize = 64;
    let total: usize = layout.body.iter().map(|&i| cues[i].chars as usize).sum();
    if layout.body.len() < 3 || total == 0 {
        return;
    }
    // each body block's enclosing elements, innermost first, walked as needed (not kept)
    let chain = |i: usize| html.enclosing(i).take(DEPTH);
    let mut held: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for &i in &layout.body {
        for e in chain(i) {
            *held.entry(e).or_insert(0) += cues[i].chars as usize;
        }
    }
    // the deepest qualifying element: the one appearing earliest in the chains (innermost first)
    let container = layout
        .body
        .iter()
        .flat_map(|&i| chain(i))
        .filter(|e| held[e] * 7 >= total * 6)
        .max_by_key(|e| html.depths[*e as usize]);
    let Some(container) = container else { return };
    layout.body.retain(|&i| {
        let inside = chain(i).any(|e| e == container);
        if !inside {
            layout.roles[i] = Role::Other;
        }
        inside
    });
}

/// After the body search: paragraphs that an advertisement or a "recommended" link list split off
/// from the body, inside the same content container (class/id content, article, text …), are body.
/// From the body's last block on, a prose block inside that container joins the body when link-heavy
/// or marked blocks stand between; a credit line, a heading, other text or the container's end stops.
pub fn bridge_body(html: &Html, cues: &[Cues], hints: &[Hint], layout: &mut Layout) {
    let Some(&first) = layout.body.first() else { return };
    // a salutation that opens a notice or a speech (各乡镇人民政府：, 女士们、先生们：) is the body's
    // first line when it stands right above the body in the same container
    if first > 0 {
        let c = &cues[first - 1];
        let same = html.blocks[first - 1].container.is_some()
            && html
                .ancestors(first - 1, 64)
                .get(1..)
                .unwrap_or(&[])
                .iter()
                .any(|e| html.ancestors(first, 64).contains(e));
        let salutation =
            c.line.text.ends_with(['：', ':']) && c.chars <= 30 && c.credits().is_empty() && c.dates().is_empty();
        if same && salutation && !c.furniture && layout.roles[first - 1] != Role::Title {
            layout.roles[first - 1] = Role::Body;
            layout.body.insert(0, first - 1);
            layout.header.retain(|&i| i != first - 1);
        }
    }
    let Some(&last) = layout.body.last() else { return };
    let ancestors = html.ancestors(last, 64);
    let Some(&content) = ancestors.iter().find(|&&e| html.own_marks[e as usize] & marks::CONTENT != 0) else {
        return;
    };
    // only across a gap of furniture: a block the classifier left out right after the body
    // (a disclaimer, a signature line) stays out
    let mut gap = false;
    for j in last + 1..cues.len() {
        if !html.enclosing(j).take(64).any(|e| e == content) {
            break;
        }
        let c = &cues[j];
        if c.is_byline() || c.heading().is_some() || c.footer || hints[j].has(marks::HEADING) {
            break;
        }
        if c.furniture {
            gap = true;
        } else if c.prose && gap && !labelled(c.line.text) {
            layout.roles[j] = Role::Body;
            layout.body.push(j);
            gap = false;
        } else {
            break;
        }
    }
}

/// A paragraph that opens with a short label and a colon (`声明：`, `免责声明：`, `注：`) is a
/// notice under the article, not a paragraph the furniture split off.
fn labelled(text: &str) -> bool {
    text.chars().take(6).position(|c| c == '：' || c == ':').is_some_and(|k| k >= 1)
}

/// The headline's block: see the module rules.
pub fn title_block(e: &Evidence, lines: &[Line], hints: &[Hint]) -> Option<usize> {
    // a line's text without white space, read as it is compared (no copy of every line)
    let normed = |i: usize| lines[i].text.chars().filter(|&c| !is_space(c));
    let h1 = |i: usize| hints[i].has(marks::H1);
    let plausible = |i: usize| (4..=100).contains(&normed(i).take(101).count()) && hints[i].link_density() < 0.5;
    for cand in e.titles.iter().map(|t| norm(t)).filter(|t| t.chars().count() >= 4) {
        let hit = |i: &usize| normed(*i).eq(cand.chars());
        let any = (0..lines.len()).filter(|&i| plausible(i));
        if let Some(i) = any.clone().filter(|&i| h1(i)).find(hit).or_else(|| any.clone().find(hit)) {
            return Some(i);
        }
    }
    let h1s: Vec<usize> = (0..lines.len()).filter(|&i| h1(i) && plausible(i)).collect();
    (h1s.len() == 1).then(|| h1s[0])
}

/// After the text extractors: let the markup fill or correct the fields (see the module rules).
/// `lines` are the blocks (index for index with `a.blocks`); `matched` says whether
/// [`title_block`] found the headline's block; `base` is what relative addresses resolve against
/// ([`base`]).
pub fn apply(e: &Evidence, lines: &[Line], matched: bool, base: Option<&str>, a: &mut Article) {
    if e.description.is_some() {
        a.description = e.description.clone();
    }
    if !e.tags.is_empty() {
        a.tags = e.tags.clone();
    }
    if e.category.is_some() {
        a.category = e.category.clone();
    }
    // the first canonical address that is absolute, or that the caller's URL resolves
    let page = a.url.clone();
    let canonical = e.urls.iter().find_map(|u| {
        if crate::url::is_absolute(u) {
            Some(u.clone())
        } else {
            page.as_deref().and_then(|p| crate::url::resolve(p, u))
        }
    });
    if canonical.is_some() {
        a.url = canonical;
        a.host = a.url.as_deref().and_then(crate::url::host);
    }
    if let Some((src, alt)) = &e.image {
        let src = base.and_then(|b| crate::url::resolve(b, src)).unwrap_or_else(|| src.trim().to_string());
        // the body's picture of the same address lends its text and caption
        let figure = a.figures.iter().find(|f| f.src.as_deref() == Some(src.as_str()));
        a.image = Some(Image {
            alt: alt.clone().or_else(|| figure.and_then(|f| f.alt.clone())),
            caption: figure.and_then(|f| f.caption.clone()),
            src,
        });
    }
    if let Some(t) = &e.title_tag {
        // no block matched the metadata, and the text's choice shares nothing with the <title>:
        // the headline is not in the markup's text (pages that render it with JavaScript)
        let unrelated = a.title.as_deref().map_or(true, |c| !shares_run(c, t, 4));
        if !matched && unrelated && t.chars().count() >= 10 {
            a.title = Some(t.clone());
            a.diagnostics.retain(|d| d.code != "no-title");
        }
    }
    match (&a.published, &e.published) {
        (None, Some(p)) => {
            a.published = Some(p.clone());
            a.diagnostics.retain(|d| d.code != "no-date");
            a.diagnostics.push(Diagnostic::new("date-from-markup", format!("publication time {p} from the markup")));
        }
        (Some(t), Some(p)) if !t.contains('T') && p.starts_with(t.as_str()) && p.len() > t.len() => {
            a.published = Some(p.clone());
        }
        (None, None) => {
            // a month and day without a year in the text (`发布时间：10-08 12:00`), confirmed by the
            // markup's modification stamp of that day, which supplies the year
            if let Some(m) = e.modified.as_deref().filter(|m| m.len() >= 10) {
                let (mo, d) = (&m[5..7], &m[8..10]);
                let short = format!("{mo}-{d}");
                let words = format!("{}月{}日", mo.trim_start_matches('0'), d.trim_start_matches('0'));
                if lines
                    .iter()
                    .any(|l| l.text.chars().count() <= 60 && (l.text.contains(&short) || l.text.contains(&words)))
                {
                    a.published = Some(m.to_string());
                    a.diagnostics.retain(|d| d.code != "no-date");
                    a.diagnostics.push(Diagnostic::new(
                        "date-from-markup",
                        format!(
                            "publication time {m}: the text shows {short} without a year; the markup's stamp gives it"
                        ),
                    ));
                }
            }
        }
        _ => {}
    }
    // persons named by metadata count when a byline shows them too (metadata author fields often
    // hold the site's or an editor's name)
    if a.authors.is_empty() {
        let bylines: Vec<&str> =
            a.blocks.iter().zip(lines).filter(|(b, _)| b.role == Role::Byline).map(|(_, l)| l.text).collect();
        a.authors = e.authors.iter().filter(|n| bylines.iter().any(|t| t.contains(n.as_str()))).cloned().collect();
    }
    if a.site.is_none() {
        a.site = e.site.clone();
    }
}

/// Whether `a` and `b` share a run of `n` characters.
fn shares_run(a: &str, b: &str, n: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    a.windows(n).any(|w| b.contains(&w.iter().collect::<String>()))
}

/// Make block `t` the headline in the layout; the byline is then the credit and date blocks
/// between it and the body (a few blocks at most), as on the text path.
pub fn set_title(layout: &mut Layout, cues: &[Cues], t: usize) {
    if layout.title != Some(t) {
        if let Some(old) = layout.title {
            if layout.roles[old] == Role::Title {
                layout.roles[old] = Role::Other;
            }
        }
        layout.roles[t] = Role::Title;
        layout.body.retain(|&i| i != t);
        layout.header.retain(|&i| i > t);
        layout.title = Some(t);
    }
    // the headline's lines are this block's (the text path may have found none, or another)
    if !layout.title_lines.contains(&t) {
        for &old in &layout.title_lines {
            if old != t && layout.roles[old] == Role::Title {
                layout.roles[old] = Role::Other;
            }
        }
        layout.title_lines = vec![t];
    }
    if layout.header.is_empty() {
        let body = layout.body.first().copied().unwrap_or(cues.len());
        if body > t {
            let end = body.min(t + 13);
            layout.header = (t + 1..end).filter(|&i| cues[i].is_byline() && layout.roles[i] != Role::Body).collect();
            for &i in &layout.header {
                layout.roles[i] = Role::Byline;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_in_china_time() {
        assert_eq!(iso_china("2019-12-10T07:57:40+08:00").as_deref(), Some("2019-12-10T07:57:40+08:00"));
        assert_eq!(iso_china("2019-12-09T23:57:00Z").as_deref(), Some("2019-12-10T07:57:00+08:00"), "should shift");
        assert_eq!(iso_china("2019/1/5").as_deref(), Some("2019-01-05"), "should pad a bare date");
        assert_eq!(iso_china("2019-12-10 07:57").as_deref(), Some("2019-12-10T07:57+08:00"), "should read local");
        assert_eq!(iso_china("2020-02-29T20:00:00.000-05:00").as_deref(), Some("2020-03-01T09:00:00+08:00"));
        assert_eq!(iso_china("yesterday"), None, "should reject words");
        assert_eq!(iso_china("2019-13-01"), None, "should reject month 13");
    }

    #[test]
    fn title_parts_drop_the_suffix() {
        assert_eq!(title_parts("某地召开会议_新闻频道_某某网"), ["某地召开会议", "新闻频道", "某某网"]);
        assert_eq!(title_parts("标题 - 某某网"), ["标题", "某某网"], "should split at a spaced dash");
        assert!(person_like("张冰明") && !person_like("人民网") && !person_like("新闻中心"), "should tell names");
    }
}
