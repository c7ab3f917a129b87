//! Roles → fields: the Article's values from the lines the classifier marked.
//!
//! In: the lines' [`Cues`] and the [`Layout`]. Out: the finished [`Article`].
//! Rules: credits are read from the header, the lead and last paragraphs' brackets and the tail,
//! in that order, first value wins for the source; with no labelled author, a bracketed signature
//! closing the last paragraph (`(石晓峰)`) names one, else a feed's meta line under the headline
//! (`原创 作者 账号名 日期`); with no labelled source, an outlet alone between headline and byline
//! (`新华社`) or beside the header's date (`2019年11月25日 18:57 参考消息`) is the source — cut to
//! the outlet's own name when a channel link is glued before it and the page names the outlet alone
//! (`金融市场棱镜` beside `棱镜|…` or `对《棱镜》表示`), and never a blog's poster, followed by the
//! page's category (`2019年09月11日 某某传媒 时政新闻 1665 0`). The publication date is the first
//! date in the header, else in the tail, never one from a section, comment or footer nor a law's
//! adoption note (`（2007年6月29日…会议通过）`); with none, a relative date between headline and
//! body (昨天, `10-08 12:00`) resolved against `Options.today` (see [`relative`]). A badge glued
//! before the headline (原创) is dropped.

pub mod body;
pub mod content;
pub mod language;

use crate::article::{Article, Diagnostic, Image, Item, Kind, Section};
use crate::blocks::html::Html;
use crate::blocks::{char_count, is_cjk, is_space};
use crate::classify::{Cues, Layout};
use crate::lexicon::{
    find_word, scan_line, Field, ADOPTION_ENDINGS, BREADCRUMB_LEAVES, FOLLOW_BUTTONS, MEDIA_ENDINGS, NOT_NAMES,
    NOT_SIGNATURES, TITLE_BADGES,
};
use crate::options::Options;
use crate::recognize::credit as byline;
use crate::recognize::{breadcrumb, date, dateline, heading, kind, label, relative};

/// Below this many characters of body, the page is a listing or an index (`kind: other`).
const LISTING_BODY_CHARS: usize = 80;

/// What the extractors read beside the lines and their layout.
#[derive(Clone, Copy)]
pub struct Page<'a> {
    /// The caller's options.
    pub options: &'a Options,
    /// The markup, when the page is HTML: the structure of its content and its pictures.
    pub html: Option<&'a Html>,
    /// The address relative picture addresses resolve against (the page's, or its `<base>`).
    pub base: Option<&'a str>,
    /// The language the markup declares (`<html lang>` …).
    pub declared_language: Option<&'a str>,
    /// The encoding the page's bytes were decoded from (its WHATWG name), when it came as bytes.
    pub encoding: Option<&'a str>,
}

impl<'a> Page<'a> {
    /// A page of text given as text, read with `options`.
    pub fn text(options: &'a Options) -> Self {
        Page { options, html: None, base: options.url.as_deref(), declared_language: None, encoding: None }
    }
}

/// Build the Article, all but its blocks (the caller adds them from the front end's spans). In text
/// the content's spans are line indices until [`content::to_spans`] turns them into UTF-16 spans.
pub fn assemble(cues: &[Cues], layout: &Layout, page: &Page) -> Article {
    let options = page.options;
    let mut a = Article::default();
    let text = |i: usize| cues[i].line.text;

    // a badge glued before the headline by feed pages (`原创海边小城的清晨集市`) is not part of it
    // a headline broken over lines keeps its breaks
    let headline = layout.title_lines.iter().map(|&i| text(i)).collect::<Vec<_>>().join("\n");
    // a form-like page's label (`标  题：…`) is not part of it either
    a.title = (!headline.is_empty()).then(|| {
        let bare = TITLE_BADGES.iter().find_map(|b| headline.strip_prefix(b)).filter(|r| r.chars().count() >= 6);
        let bare = bare.unwrap_or(&headline);
        heading::title_label(bare).unwrap_or(bare).to_string()
    });
    let crumb = breadcrumb::join(layout.breadcrumb.iter().map(|&i| text(i)));
    if let Some(parts) = breadcrumb::parse(&crumb) {
        a.site = breadcrumb::site(parts[0]);
        a.breadcrumb = parts.iter().map(|p| p.to_string()).collect();
    }

    // credits: header first, then brackets in the first and last body paragraphs, then the tail
    let mut credit_lines: Vec<usize> = layout.header.clone();
    credit_lines.extend(layout.body.first());
    if layout.body.len() > 1 {
        credit_lines.extend(layout.body.last());
    }
    credit_lines.extend(&layout.tail);
    for &i in &credit_lines {
        let in_body = layout.body.contains(&i);
        for c in cues[i].credits() {
            // inside a paragraph only bracketed credits count: （记者唐霁） or (责编：…)
            if in_body && !c.bracketed {
                continue;
            }
            match c.field {
                Field::Author => push_all(&mut a.authors, byline::names(c.value)),
                Field::Editor => push_all(&mut a.editors, byline::names(c.value)),
                Field::Source => {
                    if a.source.is_none() {
                        a.source = byline::outlet(c.value);
                    }
                }
                Field::Date | Field::Other => {}
            }
        }
    }
    // a signature closing the last paragraph: `…预计年底前交付五百台。(石晓峰)`
    if a.authors.is_empty() {
        if let Some(&last) = layout.body.last() {
            a.authors = signature(text(last));
        }
    }
    // a feed's meta line under the headline: `原创 作者 账号名 日期` names the writer before the account
    if a.authors.is_empty() {
        if let Some(&t) = layout.title_lines.last() {
            a.authors = (t + 1..cues.len().min(t + 3))
                .find_map(|i| badge_author(&cues[i], cues.get(i + 1)))
                .into_iter()
                .collect();
        }
    }
    // an outlet alone on a line between the headline and the byline row (`新华社`, then the date):
    // reprints credit it so (below the byline such lines are share buttons: 开心网, 人人)
    if a.source.is_none() {
        if let (Some(&t), Some(&h)) = (layout.title_lines.last(), layout.header.first()) {
            a.source = (t + 1..h).map(text).find(|w| lone_outlet(w)).map(str::to_string);
        }
    }
    // the publishing account above its follow button (`海风旅行记` / `关注`), as feed pages show it
    if a.source.is_none() {
        if let (Some(&t), Some(&b0)) = (layout.title_lines.last(), layout.body.first()) {
            a.source = (t + 1..b0)
                .find(|&i| cues[i].chars <= 20 && FOLLOW_BUTTONS.contains(&text(i + 1)) && cues[i].credits().is_empty())
                .map(|i| text(i).to_string());
        }
    }
    // an unlabelled outlet beside the date in the header row: `2019年11月25日 18:57 参考消息`,
    // `中国网 2019-11-25 10:37:31`; never a name already credited as an author
    if a.source.is_none() {
        a.source = layout
            .header
            .iter()
            .find_map(|&i| unlabelled_source(&cues[i]).filter(|s| !poster(text(i), s, &a.breadcrumb)))
            .filter(|s| !a.authors.contains(s));
        // a channel link glued before the outlet (`金融市场棱镜2019-09-23 07:48`): the page names the
        // outlet alone elsewhere — the headline's column (`棱镜|…`), the text's citations (`对《棱镜》表示`)
        if let Some(s) = &mut a.source {
            let headline = layout.title_lines.first().map(|&t| text(t));
            let cited = headline.and_then(column).into_iter().chain(layout.body.iter().flat_map(|&i| cited(text(i))));
            if let Some(name) = cited.filter(|n| n.len() < s.len() && s.ends_with(n)).max_by_key(|n| n.len()) {
                *s = name.to_string();
            }
        }
    }

    // after the body only a labelled line or a bare date line (a notice's closing date) dates the
    // article; `网友甲 2024-04-21 08:12` heads a comment
    let closing = |i: &&usize| !cues[**i].credits().is_empty() || date_only(&cues[**i]);
    let date = layout
        .header
        .iter()
        .chain(layout.tail.iter().filter(closing))
        .find_map(|&i| dated(&cues[i]))
        .or_else(|| layout.title_lines.last().and_then(|t| cues.get(t + 1)).and_then(dated));
    // a relative date (昨天, 3小时前, `10-08 12:00`) between the headline and the body, as feed pages
    // print them: resolved only against the caller's today
    let mut relative = None;
    if date.is_none() {
        let from = layout.title_lines.last().map_or(0, |t| t + 1);
        let to = layout.body.first().copied().unwrap_or(from).max(from);
        let near = (from..to).chain(layout.header.iter().copied()).take(12);
        relative = near.filter_map(|i| relative::find(text(i)).map(|r| (i, r))).next();
    }
    let today = options.today.as_deref().and_then(relative::Today::parse);
    let resolved = relative.and_then(|(_, r)| r.resolve(today?));
    a.published = date.or(resolved.as_ref()).map(|d| d.iso());

    a.body = body::paragraphs(cues, &layout.body);
    (a.content, a.figures) = content::content(cues, layout, &a.body, page.html, page.base);
    a.image = a.figures.iter().find_map(|f| {
        let src = f.src.clone()?;
        Some(Image { src, alt: f.alt.clone(), caption: f.caption.clone() })
    });
    labelled_lines(cues, &mut a);
    if a.category.is_none() {
        a.category = category_of(&a.breadcrumb);
    }
    a.url = options.url.clone().filter(|u| !u.trim().is_empty());
    a.host = a.url.as_deref().and_then(crate::url::host);
    // the headline and the text; without a text, the lines
    a.language = if a.body.is_empty() {
        language::detect(
            a.title.iter().map(String::as_str).chain(cues.iter().map(|c| c.line.text)),
            page.declared_language,
            page.encoding,
        )
    } else {
        language::detect(a.title.iter().chain(&a.body).map(String::as_str), page.declared_language, page.encoding)
    };
    a.dateline = a.body.first().and_then(|lead| dateline::read(lead, date.or(resolved.as_ref())));
    // a page without a run of prose is a listing, an index or a stub, not an article; a short body
    // under a headline is still one (a gallery's caption, a brief)
    let body_chars: usize = a.body.iter().map(|p| char_count(p)).sum();
    let stub = a.body.is_empty() || (body_chars < LISTING_BODY_CHARS && a.title.is_none());
    a.kind = if stub { Kind::Other } else { Kind::Article };

    for (heading, items) in &layout.sections {
        let items = items
            .iter()
            .map(|&(t, s)| {
                let (tag, title) = heading::tag_and_title(text(t));
                Item { title: title.to_string(), tag: tag.map(str::to_string), summary: s.map(|s| text(s).to_string()) }
            })
            .collect();
        a.sections.push(Section { heading: heading.and_then(|h| cues[h].heading()).map(str::to_string), items });
    }

    diagnose(&mut a, date.or(resolved.as_ref()), options);
    if let Some((i, r)) = relative {
        let said = &text(i)[r.start..r.end];
        a.diagnostics.push(match &a.published {
            Some(p) => {
                Diagnostic::new("date-relative", format!("the page dates the article {said}: {p} with today's date"))
            }
            None => Diagnostic::new(
                "date-relative",
                format!("the page dates the article {said}: pass today's date (Options.today) to resolve it"),
            ),
        });
    }
    a
}

/// The description, tags and category that lines label (`摘要：…`, `关键词：…`, `栏目：…`): the
/// first line of each kind on the page.
fn labelled_lines(cues: &[Cues], a: &mut Article) {
    let mut labels = Vec::new();
    for c in cues.iter().filter(|c| c.kind & kind::LABELLED != 0) {
        let t = c.line.text;
        scan_line(t, &mut labels);
        match label::labelled(t, &labels) {
            Some((label::Label::Summary, v)) if a.description.is_none() => a.description = Some(v.to_string()),
            Some((label::Label::Tags, v)) if a.tags.is_empty() => a.tags = label::tags(v),
            Some((label::Label::Category, v)) if a.category.is_none() => a.category = Some(v.to_string()),
            _ => {}
        }
    }
}

/// The category a breadcrumb names: its last part below the site, or the part before a last part
/// that names the page itself (`正文`); none for a path of the site alone.
pub fn category_of(breadcrumb: &[String]) -> Option<String> {
    let mut parts = &breadcrumb[breadcrumb.len().min(1)..];
    if parts.last().is_some_and(|p| BREADCRUMB_LEAVES.contains(&p.as_str())) {
        parts = &parts[..parts.len() - 1];
    }
    parts.last().cloned()
}

fn push_all(into: &mut Vec<String>, names: Vec<String>) {
    for n in names {
        if !into.contains(&n) {
            into.push(n);
        }
    }
}

/// A short word beside the header's date that no label announces: the outlet on portal bylines,
/// after the date (`2019年11月25日 18:57 参考消息`, also before the credits that follow it:
/// `2019-03-18 23:59某某報 記者某某／台北報導`) or before it (`原创 某某晚报 2021-09-03 18:40`).
fn unlabelled_source(c: &Cues) -> Option<String> {
    let d = c.dates().first()?;
    // credits before the date or within it: the words beside it are their values
    let credited = c.credits().first().map_or(c.line.text.len(), |cr| cr.start);
    if credited < d.end {
        return None;
    }
    let after = c.line.text[d.end..credited].trim_matches(is_space);
    let before = c.line.text[..d.start].trim_matches(is_space);
    let before = before.rsplit(is_space).next().unwrap_or("");
    let plausible = |w: &String| {
        w.chars().count() >= 2
            && !NOT_NAMES.contains(&w.as_str())
            && w.chars().all(|ch| is_cjk(ch) || ch.is_alphanumeric() || "-·•".contains(ch))
    };
    byline::outlet(after)
        .filter(plausible)
        .or_else(|| (!before.is_empty()).then(|| byline::outlet(before)).flatten().filter(plausible))
}

/// Whether `word` beside the date on `line` is the poster of a blog theme's meta line (date, poster,
/// category, counters: `2019年09月11日 某某传媒 时政新闻 1665 0`), as small sites and content farms
/// print it: the word right after it is the page's category, a part of its breadcrumb. The poster is
/// the site's account, not the outlet the text comes from.
fn poster(line: &str, word: &str, breadcrumb: &[String]) -> bool {
    let Some(at) = find_word(line, word) else { return false };
    let next = line[at + word.len()..].split(is_space).find(|w| !w.is_empty());
    let categories = &breadcrumb[..breadcrumb.len().saturating_sub(1)];
    next.is_some_and(|n| categories.iter().any(|c| c == n))
}

/// The writer on an original-content meta line, as account feeds print it under the headline:
/// the 原创 badge, then the author, then the account, then the date or a relative time
/// (`原创 某某 某某读书会 2023-05-06`, `原创 某某 某某Code 前天`). With one name there is no author
/// (`原创 某某读书会 前天`: the account alone). The date may stand on the next line (HTML puts it in
/// an element of its own).
fn badge_author(c: &Cues, next: Option<&Cues>) -> Option<String> {
    let rest = c.line.text.strip_prefix("原创")?;
    if !rest.starts_with(is_space) || !c.credits().is_empty() {
        return None;
    }
    let offset = c.line.text.len() - rest.len();
    let alone = |n: &Cues| date_only(n) || relative::find(n.line.text).is_some_and(|r| r.start == 0);
    let when = match (c.dates().last(), relative::find(rest)) {
        (Some(d), _) => d.start,
        (None, Some(r)) => offset + r.start,
        (None, None) if next.is_some_and(alone) => c.line.text.len(),
        _ => return None,
    };
    let words: Vec<&str> = c.line.text["原创".len()..when].split(is_space).filter(|w| !w.is_empty()).collect();
    let [author, _account] = words[..] else { return None };
    let plausible = (2..=20).contains(&author.chars().count())
        && !NOT_NAMES.contains(&author)
        && author.chars().all(|ch| is_cjk(ch) || ch.is_alphanumeric() || "_-·•".contains(ch));
    plausible.then(|| author.to_string())
}

/// The first date of a line that may date the article: a law's or resolution's adoption note under
/// its headline dates the vote, not the page.
fn dated<'a>(c: &'a Cues) -> Option<&'a date::DateMatch> {
    c.dates().first().filter(|_| !adoption_note(c.line.text))
}

/// The note of adoption that laws, resolutions and regulations print in brackets under their
/// headline: `（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）`, `（…第三次修正）`.
fn adoption_note(line: &str) -> bool {
    let Some(inner) = line.trim().strip_prefix(['(', '（']).and_then(|r| r.strip_suffix([')', '）'])) else {
        return false;
    };
    ADOPTION_ENDINGS.iter().any(|e| inner.trim_end().ends_with(e))
}

/// A line that holds a date and nothing else but brackets and spaces: `2023年5月6日`, `（2023-05-06）`.
fn date_only(c: &Cues) -> bool {
    let t = c.line.text;
    c.dates().len() == 1 && {
        let d = &c.dates()[0];
        let rest = format!("{}{}", &t[..d.start], &t[d.end..]);
        rest.chars().all(|ch| is_space(ch) || "()（）[]【】".contains(ch))
    }
}

/// The column a headline opens with before a bar: `棱镜|数据业大整顿…` → `棱镜`.
fn column(headline: &str) -> Option<&str> {
    let (name, rest) = headline.split_once(['|', '丨', '｜'])?;
    let name = name.trim_matches(is_space);
    ((2..=10).contains(&name.chars().count()) && !rest.trim().is_empty()).then_some(name)
}

/// The titles a paragraph cites in 《》 of up to 10 characters: `对《棱镜》表示` → `棱镜`.
fn cited(paragraph: &str) -> impl Iterator<Item = &str> {
    paragraph.split('《').skip(1).filter_map(|s| s.split_once('》')).map(|(t, _)| t).filter(|t| {
        let n = t.chars().count();
        (2..=10).contains(&n)
    })
}

/// A line that is only an outlet's name: a few ideographs ending like a news outlet's (新华社, 中国青年报).
fn lone_outlet(line: &str) -> bool {
    (3..=12).contains(&line.chars().count())
        && line.chars().all(is_cjk)
        && MEDIA_ENDINGS.iter().any(|e| line.ends_with(e))
}

/// The names in brackets that close a paragraph, `（邵琪）`, `(石晓峰)` or `（王煌忠／台中報導）`: a
/// reporter's signature.
fn signature(paragraph: &str) -> Vec<String> {
    let Some(inner) = paragraph.strip_suffix([')', '）']) else { return Vec::new() };
    let Some(open) = inner.rfind(['(', '（']) else { return Vec::new() };
    let inner = inner[open..].trim_start_matches(['(', '（']);
    if NOT_SIGNATURES.contains(&inner) {
        return Vec::new();
    }
    let names = byline::names(inner);
    // names alone (`（邵琪）`), or names and where they filed from (`（王煌忠／台中報導）`)
    let all_names = !names.is_empty()
        && (byline::filed(inner)
            || (inner.chars().all(|c| is_cjk(c) || is_space(c) || c == '、')
                && names.iter().all(|n| (2..=4).contains(&n.chars().count()))));
    if all_names {
        names
    } else {
        Vec::new()
    }
}

fn diagnose(a: &mut Article, date: Option<&date::DateMatch>, options: &Options) {
    if a.title.is_none() {
        a.diagnostics.push(Diagnostic::new("no-title", "no line reads as a headline"));
    }
    match date {
        None => a.diagnostics.push(Diagnostic::new("no-date", "no publication date found near the headline")),
        Some(d) => {
            if let Some(today) = options.today.as_deref() {
                if d.day_string().as_str() > today {
                    a.diagnostics.push(Diagnostic::new(
                        "date-in-future",
                        format!("the publication date {} is after today ({today})", d.day_string()),
                    ));
                }
            }
        }
    }
    let body_chars: usize = a.body.iter().map(|p| char_count(p)).sum();
    if a.body.is_empty() {
        a.diagnostics.push(Diagnostic::new("no-body", "no run of prose found: the input may not be an article"));
    } else if body_chars < LISTING_BODY_CHARS {
        a.diagnostics.push(Diagnostic::new(
            "listing",
            "the body is very short: this looks like a listing or index, not an article",
        ));
    }
}
