//! Lines → matches: what each line says in forms the parser knows — dates, credits, paths, headings.
//!
//! In: one line's text (from [`crate::blocks`]) and two of its counts. Out: a [`Recognized`] — the
//! lexicon words found in it, the section heading it opens with, and its labelled credits and dates
//! ([`Matches`], boxed: most lines have neither).
//! Rules: every recognizer here is pure and reads one line (a date broken over lines reads three:
//! [`date::split_date`]); none knows where the line stands on the page or what role it plays. The
//! classifier reads these matches as cues beside its own (length, punctuation, position) and decides
//! the roles; the extractors turn the matches of the lines given a role into field values. One file
//! per family:
//! - [`date`]: dates and times in every form the pages print (`2017年07月26日 10:23`, `7/5/2005 9:23:57 PM`,
//!   `二〇一九年十二月三十一日`, a time before its date …), as [`date::DateMatch`]es;
//! - [`relative`]: dates that need today's date to mean a day (昨天, 3小时前, `10-08 12:00`);
//! - [`credit`]: labelled credits (作者, 来源, 责任编辑, 記者…／…報導 …) and the names and outlets in them;
//! - [`breadcrumb`]: the "you are here" path (`首页 > 新闻 > 正文`);
//! - [`heading`]: the headings of trailing sections (相关阅读 更多>>) and the tags of their items;
//! - [`dateline`]: the dateline that opens a story (新华社北京2月29日电, 中央社記者王小明台北10日電).
//!
//! Gates: a heading is looked for on lines of at most 16 characters, a date of digits on lines with
//! four digits or more; a date written in Chinese numerals (二〇一九年…) is found by its 年.
//! The label words are data in [`crate::lexicon`]; the line is searched for all of them in one pass.
//!
//! References: the per-line recognizers feed one decision of roles over the page, as in line-based
//! extractors that weigh per-line evidence (Kohlschütter, Fankhauser and Nejdl, *Boilerplate Detection
//! using Shallow Text Features*, WSDM 2010); date candidates are scored by label and place as htmldate
//! does (Barbaresi, *htmldate*, JOSS 2020).

pub mod breadcrumb;
pub mod credit;
pub mod date;
pub mod dateline;
pub mod heading;
pub mod relative;

use crate::lexicon::{scan_line, word, Field, LabelMatch};
use credit::{credits_at, Credit};
use date::{find_dates, short_date, DateMatch};

/// What the recognizers found on one line.
#[derive(Debug)]
pub struct Recognized<'a> {
    /// The [`word`] bits of the lexicon lists found in the line (furniture, notice and footer words,
    /// the openings and endings of notes, notices and photo credits).
    pub words: u16,
    /// The section heading the line opens with (`相关阅读` from `相关阅读 更多>>`).
    pub heading: Option<&'a str>,
    /// The line's labelled credits and dates, or `None` for a line with neither.
    pub matches: Option<Box<Matches<'a>>>,
}

impl Recognized<'_> {
    /// A photo caption or photo credit (`图片来源：…`, `…（林可摄）`): its labels credit the picture.
    pub fn photo(&self) -> bool {
        is_photo(self.words)
    }
}

fn is_photo(words: u16) -> bool {
    words & (word::PHOTO_OPENING | word::PHOTO_ENDING) != 0
}

/// The matches few lines hold: labelled credits and dates, in line order.
#[derive(Debug)]
pub struct Matches<'a> {
    credits: Box<[Credit<'a>]>,
    dates: Box<[DateMatch]>,
}

impl<'a> Matches<'a> {
    /// The credits and dates in their box, or none for a line without either.
    pub fn boxed(credits: Vec<Credit<'a>>, dates: Vec<DateMatch>) -> Option<Box<Self>> {
        (!credits.is_empty() || !dates.is_empty())
            .then(|| Box::new(Matches { credits: credits.into_boxed_slice(), dates: dates.into_boxed_slice() }))
    }

    /// The labelled credits (作者：…, 来源：…, 发布时间：…), in order.
    pub fn credits(&self) -> &[Credit<'a>] {
        &self.credits
    }

    /// The dates, in order.
    pub fn dates(&self) -> &[DateMatch] {
        &self.dates
    }

    /// Both, taken out of the box.
    pub fn into_parts(self) -> (Vec<Credit<'a>>, Vec<DateMatch>) {
        (self.credits.into_vec(), self.dates.into_vec())
    }
}

/// Run every per-line recognizer on `text`, a line of `chars` characters holding `digits` digits
/// (ASCII and full-width). `labels` is a buffer for the lexicon's label matches, reused from line to
/// line.
pub fn line<'a>(text: &'a str, chars: u32, digits: u32, labels: &mut Vec<LabelMatch>) -> Recognized<'a> {
    // one search of the line for every lexicon word (see `lexicon::scan_line`)
    let words = scan_line(text, labels);
    // a heading is the line without a "more" link after it: a prefix of at most 16 characters
    let heading = if chars <= 16 { heading::heading(text) } else { None };
    debug_assert!(heading.map_or(true, |h| text.starts_with(h) && h.len() <= 64), "a heading should start its line");
    // a photo caption's labels credit the picture, not the article
    let credits = if is_photo(words) { Vec::new() } else { credits_at(text, labels) };
    // a date starts with four digits in a row
    let mut dates = if digits >= 4 { find_dates(text) } else { Vec::new() };
    if dates.is_empty() {
        // a labelled date with a two-digit year: `发布时间：21-06-0509:40`
        dates.extend(credits.iter().filter(|c| c.field == Field::Date).find_map(|c| {
            let at = c.value.as_ptr() as usize - text.as_ptr() as usize;
            short_date(c.value).map(|d| DateMatch { start: d.start + at, end: d.end + at, ..d })
        }));
    }
    Recognized { words, heading, matches: Matches::boxed(credits, dates) }
}
