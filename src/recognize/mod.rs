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
//! - [`dateline`]: the dateline that opens a story (新华社北京2月29日电, 中央社記者王小明台北10日電);
//! - [`item`]: what opens a line (a bullet, a number, a section marker) and tabs that divide it into cells;
//! - [`caption`]: picture captions and credits (图为…, 资料图, `（林可摄）`);
//! - [`label`]: lines that label the article as a whole (摘要：…, 关键词：…, 栏目：…) and tags split.
//!
//! Gates: a heading is looked for on lines of at most 16 characters, a date in digits on lines with
//! four digits or more (every form holds that many); on the others only a date in Chinese numerals
//! (二〇一九年…), found by its 年.
//! The label words are data in [`crate::lexicon`]; the line is searched for all of them in one pass.
//!
//! References: the per-line recognizers feed one decision of roles over the page, as in line-based
//! extractors that weigh per-line evidence (Kohlschütter, Fankhauser and Nejdl, *Boilerplate Detection
//! using Shallow Text Features*, WSDM 2010); date candidates are scored by label and place as htmldate
//! does (Barbaresi, *htmldate*, JOSS 2020).

pub mod breadcrumb;
pub mod caption;
pub mod credit;
pub mod date;
pub mod dateline;
pub mod heading;
pub mod item;
pub mod label;
pub mod relative;

use crate::lexicon::{scan_line, word, CharFilter, Field, LabelMatch, CATEGORY_LABELS, SUMMARY_LABELS, TAG_LABELS};
use caption::CAPTION_FIRSTS;
use credit::{credits_at, Credit};
use date::{find_dates, numeral_dates, short_date, DateMatch};

/// The characters that may open an item, a section marker, a caption or a labelled line (and the
/// brackets before them): the first look [`line`] takes at a line.
static OPENERS: CharFilter = CharFilter::new(
    &[
        item::OPENING_CHARS[0],
        item::OPENING_CHARS[1],
        item::OPENING_CHARS[2],
        item::OPENING_CHARS[3],
        CAPTION_FIRSTS,
        &['(', '（', '【', '['],
    ],
    &[SUMMARY_LABELS, TAG_LABELS, CATEGORY_LABELS],
);

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
    /// The line's [`kind`] bits: its shape, and whether it is a caption or a labelled line.
    pub kind: u8,
}

/// What a line is besides its matches, as bits: the [`item`] shape (bits 0–3) and the rest.
pub mod kind {
    pub use super::item::shape::{BULLET, CELLS, NUMBER, SECTION};
    /// A picture caption or credit ([`super::caption`]).
    pub const CAPTION: u8 = 1 << 4;
    /// A summary line (摘要：…).
    pub const SUMMARY: u8 = 1 << 5;
    /// A tag line (关键词：…).
    pub const TAGS: u8 = 1 << 6;
    /// A category line (栏目：…).
    pub const CATEGORY: u8 = 1 << 7;
    /// A list item's opening: a bullet or a number.
    pub const ITEM: u8 = BULLET | NUMBER;
    /// A line that labels the article as a whole.
    pub const LABELLED: u8 = SUMMARY | TAGS | CATEGORY;
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
/// (ASCII and full-width), a tab if `tab`. `labels` is a buffer for the lexicon's label matches,
/// reused from line to line.
pub fn line<'a>(text: &'a str, chars: u32, digits: u32, tab: bool, labels: &mut Vec<LabelMatch>) -> Recognized<'a> {
    // one search of the line for every lexicon word (see `lexicon::scan_line`)
    let words = scan_line(text, labels);
    // a heading is the line without a "more" link after it: a prefix of at most 16 characters
    let heading = if chars <= 16 { heading::heading(text) } else { None };
    debug_assert!(heading.map_or(true, |h| text.starts_with(h) && h.len() <= 64), "a heading should start its line");
    // what opens the line: most lines open with a character that opens no item, caption or label
    // line, and are spared those recognizers' closer looks
    let opens = text.chars().next().is_some_and(|c| OPENERS.may_hold(c));
    // a photo caption's labels credit the picture, not the article (`（图片来源：…）`)
    let captions = (opens || words & word::PHOTO_ENDING != 0) && caption::caption(text, chars, words);
    let credits = if is_photo(words) || captions { Vec::new() } else { credits_at(text, labels) };
    // every date in digits holds four or more; with fewer, only one in Chinese numerals is there
    let mut dates = if digits >= 4 { find_dates(text) } else { numeral_dates(text) };
    if dates.is_empty() {
        // a labelled date with a two-digit year: `发布时间：21-06-0509:40`
        dates.extend(credits.iter().filter(|c| c.field == Field::Date).find_map(|c| {
            let at = c.value.as_ptr() as usize - text.as_ptr() as usize;
            short_date(c.value).map(|d| DateMatch { start: d.start + at, end: d.end + at, ..d })
        }));
    }
    let mut kind = if opens || tab { item::shape(text, tab) } else { 0 };
    if captions {
        kind |= kind::CAPTION;
    }
    kind |= match if opens { label::labelled(text, labels) } else { None } {
        Some((label::Label::Summary, _)) => kind::SUMMARY,
        Some((label::Label::Tags, _)) => kind::TAGS,
        Some((label::Label::Category, _)) => kind::CATEGORY,
        None => 0,
    };
    Recognized { words, heading, matches: Matches::boxed(credits, dates), kind }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::char_count;

    /// What [`line`] finds on `text`, its counts taken as the classifier takes them.
    fn on(text: &str) -> Recognized<'_> {
        let digits = text.chars().filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count();
        line(text, char_count(text) as u32, digits as u32, text.contains('\t'), &mut Vec::new())
    }

    fn dates(r: &Recognized) -> Vec<String> {
        r.matches.as_ref().map_or(Vec::new(), |m| m.dates().iter().map(DateMatch::iso).collect())
    }

    #[test]
    fn finds_credits_dates_and_headings_on_a_line() {
        let r = on("作者：张冰明 来源：岳阳日报 发布时间：2017年07月26日");
        let fields: Vec<Field> =
            r.matches.as_ref().map_or(Vec::new(), |m| m.credits().iter().map(|c| c.field).collect());
        assert_eq!(fields, [Field::Author, Field::Source, Field::Date], "should find the credits");
        assert_eq!(dates(&r), ["2017-07-26"], "should find the date");
        assert_eq!(on("相关阅读 更多>>").heading, Some("相关阅读"), "should find a heading");
        assert!(on("今天天气很好，我们去公园散步。").matches.is_none(), "should box nothing for a plain line");
    }

    #[test]
    fn reads_a_date_in_numerals_on_a_line_without_digits() {
        assert_eq!(dates(&on("二〇一九年十二月三十一日")), ["2019-12-31"], "should pass the gate on its 年");
        assert_eq!(
            dates(&on("发布时间：21-06-0509:40")),
            ["2021-06-05T09:40+08:00"],
            "should read a labelled short year"
        );
    }

    #[test]
    fn a_photo_credit_credits_no_one() {
        let r = on("图片来源：记者 张三 摄");
        assert!(r.photo(), "should know a photo credit");
        assert!(r.matches.is_none(), "should take none of its labels as the article's credits");
    }
}
