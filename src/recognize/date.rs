//! Dates and times as Chinese pages write them.
//!
//! In: one line of text. Out: every [`DateMatch`] in it, left to right, none overlapping.
//! Forms, with ASCII or full-width digits and separators (NFKC folds full-width forms, browsers keep
//! them: both arrive):
//! - year first, in digits: `2017年07月26日` (号 may close the day), `2017-07-26`, `2005-9-7`,
//!   `2017/7/26`, `2005.09.07`;
//! - month, day, year: `7/5/2005`, as servers with a US locale print it — the month first, unless the
//!   first number cannot be a month (`25/12/2005` is 25 December);
//! - a two-digit year: `05-09-07` or `05.09.07`, only where a time stands beside it (`05-09-07 09:23`,
//!   `09:23 05-09-07`: a score, a range or a code has none) or a date label announces it
//!   ([`short_date`]: `发布时间：21-06-0509:40`). 90–99 are 1990–1999, 00–89 are 2000–2089. `05/09/07`
//!   is read only after a label: US pages write month/day/year in that shape;
//! - Chinese numerals: `二〇〇五年九月七日`, `二〇一九年十二月三十一日` (〇, ○ or 零 for zero; 十, 二十,
//!   廿, 三十, 卅 in months and days), as official documents and their reprints date themselves; a
//!   year alone (`到二〇三五年`) is no date;
//! - a time after the date: `10:23`, `10:23:45`, `10时23分`, glued on (`2019年06月15日08:18`), after a
//!   weekday (`2019年12月10日 星期二 07:57`, `（周二）`, `週一`), in 12-hour form (`下午2:05`,
//!   `9:23:57 PM`), or after ISO 8601's `T` with a zone (`2019-12-10T07:57:40+08:00`, `…Z`), which
//!   is turned into China time. Minutes and seconds are two digits: a digit after them starts the
//!   next word (`04:29:4439健康网`);
//! - a time before the date, when the date shows none of its own: `09:23 2005-09-07`,
//!   `10:30　2019年12月10日` (the clock's minutes in two digits, then white space).
//!
//! A year is four digits from 1990 to 2099 that no digit touches; month, day and time are
//! range-checked, and the day must be on the calendar. A match spans the date, its weekday and its
//! time. Output: ISO 8601 as precise as the page, `2017-07-26` or `2017-07-26T10:23:45+08:00`.
//! Cost: each place where digits start (or a 年 follows four numerals) is read with a bounded look,
//! so a line costs time linear in its length and no memory beyond the matches.
//! References: ISO 8601 and GB/T 7408 (date and time notation); GB/T 15835-2011 (numbers in
//! publications: dates in Chinese numerals with 〇); the date forms htmldate reads (Barbaresi,
//! *htmldate*, JOSS 2020).

use crate::blocks::is_space;
use crate::lexicon::find_word;

/// Hour, minute and (if shown) second.
pub type Time = (u8, u8, Option<u8>);

/// A date found in a line, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub year: u16,
    pub month: u8,
    pub day: u8,
    /// Hour, minute and (if shown) second.
    pub time: Option<Time>,
}

impl DateMatch {
    /// ISO 8601: the date alone, or the date and the local time in UTC+8 (China Standard Time).
    pub fn iso(&self) -> String {
        let mut s = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m, sec)) = self.time {
            s.push_str(&format!("T{h:02}:{m:02}"));
            if let Some(sec) = sec {
                s.push_str(&format!(":{sec:02}"));
            }
            s.push_str("+08:00");
        }
        s
    }

    /// The date as a `YYYY-MM-DD` string, for comparisons.
    pub fn day_string(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year-month-day` is a day of the calendar (2021-02-31 is not; 2024-02-29 is).
fn real_day(year: u32, month: u32, day: u32) -> bool {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// The value of an ASCII or full-width digit.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A cursor over the characters of a line, at a byte offset.
struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.i..].chars().next()
    }
    /// The character after the next one.
    fn peek_second(&self) -> Option<char> {
        self.s[self.i..].chars().nth(1)
    }
    fn bump(&mut self) {
        self.i += self.peek().map_or(0, char::len_utf8);
    }
    /// Read 1..=max digits; `None` if there are none or more than `max`.
    fn number(&mut self, max: usize) -> Option<u32> {
        let begin = self.i;
        let (mut v, mut n) = (0, 0);
        while let Some(d) = self.peek().and_then(digit) {
            if n == max {
                self.i = begin;
                return None;
            }
            v = v * 10 + d;
            n += 1;
            self.bump();
        }
        (n > 0).then_some(v)
    }
    /// Read exactly `n` digits, whatever follows them.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let begin = self.i;
        let mut v = 0;
        for _ in 0..n {
            let Some(d) = self.peek().and_then(digit) else {
                self.i = begin;
                return None;
            };
            v = v * 10 + d;
            self.bump();
        }
        Some(v)
    }
    /// A clock's minutes or seconds: two digits when there are two or more (a digit after them
    /// starts the next word: `04:29:4439健康网`), else one.
    fn clock_field(&mut self) -> Option<u32> {
        self.digits(2).or_else(|| self.number(1))
    }
    fn eat(&mut self, set: &[char]) -> Option<char> {
        let c = self.peek().filter(|c| set.contains(c))?;
        self.bump();
        Some(c)
    }
    /// Consume `word` if the line continues with it.
    fn eat_word(&mut self, word: &str) -> bool {
        let here = self.s[self.i..].starts_with(word);
        if here {
            self.i += word.len();
        }
        here
    }
    fn skip_spaces(&mut self, max: usize) {
        let mut n = 0;
        while n < max && self.peek().is_some_and(is_space) {
            self.bump();
            n += 1;
        }
    }
}

/// Separators of a date's parts; `∕` is what Big5's full-width slash decodes to.
const DATE_SEPS: &[char] = &['-', '/', '.', '－', '／', '．', '∕'];
const COLONS: &[char] = &[':', '：'];

/// Find every date in `line`.
///
/// Every run of digits is a place where a date may start, by what follows it: four digits are a
/// year; one or two before a slash a month (`7/5/2005`); two before a dash or a dot a two-digit year;
/// one or two before a colon a time that a date may follow. Each place is read with a bounded look
/// (a date form is a few dozen characters), so memory stays small however long the line (one line
/// of a 25 MB page once took 16 bytes per character here). Dates in Chinese numerals are found by
/// their 年 and merged in.
pub fn find_dates(line: &str) -> Vec<DateMatch> {
    let mut out = Vec::new();
    let mut after_last = 0; // dates do not overlap: the next one starts after the last
    for run in digit_runs(line.as_bytes()) {
        if run.start < after_last {
            continue;
        }
        if let Some(m) = shape(line, &run).and_then(|shape| read(line, run.start, shape)) {
            after_last = m.end;
            out.push(m);
        }
    }
    let numerals = numeral_dates(line);
    if !numerals.is_empty() {
        merge(&mut out, numerals);
    }
    out
}

/// A maximal run of digits (ASCII or full-width): its byte range and how many digits it holds.
struct Run {
    start: usize,
    end: usize,
    digits: usize,
}

/// The runs of digits in `bytes`, left to right: one step per character, no decoding. A full-width
/// digit `０`…`９` is `EF BC 90`…`EF BC 99`.
fn digit_runs(bytes: &[u8]) -> impl Iterator<Item = Run> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let mut run: Option<Run> = None;
        while i < bytes.len() {
            let b = bytes[i];
            let (digit, width) = match b {
                0..=0x7F => (b.is_ascii_digit(), 1),
                0xEF => {
                    (bytes.get(i + 1) == Some(&0xBC) && bytes.get(i + 2).is_some_and(|b| (0x90..=0x99).contains(b)), 3)
                }
                0xF0.. => (false, 4),
                0xE0.. => (false, 3),
                _ => (false, 2),
            };
            match (&mut run, digit) {
                (Some(r), true) => {
                    r.end = i + width;
                    r.digits += 1;
                }
                (None, true) => run = Some(Run { start: i, end: i + width, digits: 1 }),
                (Some(_), false) => return run,
                (None, false) => {}
            }
            i += width;
        }
        run.take()
    })
}

/// How a run of digits may start a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A year, then the month and day: `2017-07-26`, `2017年7月26日`.
    YearFirst,
    /// Month, day, year: `7/5/2005`.
    MonthFirst,
    /// A two-digit year: `05-09-07`.
    ShortYear,
    /// A time, then the date: `09:23 2005-09-07`.
    TimeFirst,
}

/// The shape a date starting at `run` may have, from the run's length and the characters around it;
/// `None` where no date starts.
fn shape(line: &str, run: &Run) -> Option<Shape> {
    if run.digits == 4 {
        return Some(Shape::YearFirst);
    }
    if run.digits > 2 {
        return None;
    }
    // a number inside a longer one (`1.2.05-09-07`, a path `/12/05/2019`) starts nothing
    let before = line[..run.start].chars().next_back();
    if before.is_some_and(|c| DATE_SEPS.contains(&c) || COLONS.contains(&c)) {
        return None;
    }
    let mut rest = line[run.end..].chars();
    match rest.next()? {
        '/' | '／' | '∕' => Some(Shape::MonthFirst),
        '-' | '.' | '－' | '．' if run.digits == 2 => Some(Shape::ShortYear),
        // a clock before a date shows its minutes in two digits
        ':' | '：' if rest.clone().take(2).filter(|&c| digit(c).is_some()).count() == 2 => Some(Shape::TimeFirst),
        _ => None,
    }
}

/// A day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Day {
    year: u32,
    month: u32,
    day: u32,
}

/// The date starting at byte `at` of `line` in the given shape.
fn read(line: &str, at: usize, shape: Shape) -> Option<DateMatch> {
    let mut c = Cursor { s: line, i: at };
    if shape == Shape::TimeFirst {
        let time = parse_time(&mut c)?;
        let gap = c.i;
        c.skip_spaces(3);
        if c.i == gap {
            return None;
        }
        // the date after the time, which shows no time of its own
        let shape = date_shape(&c)?;
        let (day, iso) = calendar(&mut c, shape)?;
        let after = after_date(&c, iso);
        return after.time.is_none().then(|| matched(at, after.end, day, Some(time)));
    }
    let (day, iso) = calendar(&mut c, shape)?;
    let after = after_date(&c, iso);
    if shape == Shape::ShortYear && after.time.is_none() {
        return None;
    }
    let (day, time) = match (after.time, after.offset) {
        (Some(t), Some(offset)) => to_china(day, t, offset)?,
        (time, _) => (day, time),
    };
    Some(matched(at, after.end, day, time))
}

fn matched(start: usize, end: usize, day: Day, time: Option<Time>) -> DateMatch {
    DateMatch { start, end, year: day.year as u16, month: day.month as u8, day: day.day as u8, time }
}

/// The shape of the date the cursor stands at (after a time): a year, a month before a slash, or a
/// two-digit year.
fn date_shape(c: &Cursor) -> Option<Shape> {
    let rest = &c.s[c.i..];
    let run = digit_runs(rest.as_bytes()).next().filter(|r| r.start == 0)?;
    let next = rest[run.end..].chars().next()?;
    match (run.digits, next) {
        (4, _) => Some(Shape::YearFirst),
        (1 | 2, '/' | '／' | '∕') => Some(Shape::MonthFirst),
        (2, '-' | '.' | '－' | '．') => Some(Shape::ShortYear),
        _ => None,
    }
}

/// Read the date itself in `shape`, leaving the cursor after it; with it, whether it is written as
/// ISO 8601 writes dates (`2019-12-10`), after which a `T` may bring the time.
fn calendar(c: &mut Cursor, shape: Shape) -> Option<(Day, bool)> {
    match shape {
        Shape::YearFirst => year_first(c),
        Shape::MonthFirst => month_first(c).map(|d| (d, false)),
        Shape::ShortYear => short_year(c).map(|d| (d, false)),
        Shape::TimeFirst => None,
    }
}

/// `2017-07-26`, `2017/7/26`, `2017.07.26`, `2017年7月26日`.
fn year_first(c: &mut Cursor) -> Option<(Day, bool)> {
    let year = c.digits(4)?;
    if c.peek().and_then(digit).is_some() || !(1990..=2099).contains(&year) {
        return None;
    }
    let chinese = c.eat(&['年']).is_some();
    let sep = if chinese { '年' } else { c.eat(DATE_SEPS)? };
    let month = c.number(2)?;
    if chinese {
        c.eat(&['月'])?;
    } else {
        let s2 = c.eat(DATE_SEPS)?;
        // the same separator twice: 2017-07-26, not 2017-07/26 (full-width and ASCII forms are the same)
        if fold(s2) != fold(sep) {
            return None;
        }
    }
    let day = c.number(2)?;
    if chinese {
        c.eat(&['日', '号']);
    }
    if !real_day(year, month, day) || (!chinese && versioned(c)) {
        return None;
    }
    Some((Day { year, month, day }, sep == '-'))
}

/// `7/5/2005`: month, day and a four-digit year, the same slash twice; `25/12/2005`, whose first
/// number cannot be a month, is day first.
fn month_first(c: &mut Cursor) -> Option<Day> {
    let first = c.number(2)?;
    let sep = c.eat(&['/', '／', '∕'])?;
    let second = c.number(2)?;
    c.eat(&[sep])?;
    let year = c.digits(4)?;
    if c.peek().and_then(digit).is_some() || !(1990..=2099).contains(&year) || versioned(c) {
        return None;
    }
    let (month, day) = if first > 12 && second <= 12 { (second, first) } else { (first, second) };
    real_day(year, month, day).then_some(Day { year, month, day })
}

/// `05-09-07`, `05.09.07`: two digits each, the same separator twice.
fn short_year(c: &mut Cursor) -> Option<Day> {
    let y = c.digits(2)?;
    let sep = c.eat(&['-', '.', '－', '．'])?;
    let month = c.digits(2)?;
    c.eat(&[sep])?;
    let day = c.digits(2)?;
    if c.peek().and_then(digit).is_some() || versioned(c) {
        return None;
    }
    let year = century(y);
    real_day(year, month, day).then_some(Day { year, month, day })
}

/// The year of a two-digit year: 90–99 are 1990–1999, 00–89 are 2000–2089.
fn century(y: u32) -> u32 {
    if y >= 90 {
        1900 + y
    } else {
        2000 + y
    }
}

/// Whether a version number or a decimal goes on after a date (`2017.07.26.1`): not a date.
fn versioned(c: &Cursor) -> bool {
    c.peek().is_some_and(|ch| DATE_SEPS.contains(&ch)) && c.peek_second().and_then(digit).is_some()
}

/// What follows a date: the time, its zone (ISO 8601's form only), and the byte where the match ends.
struct After {
    time: Option<Time>,
    /// Minutes east of UTC.
    offset: Option<i64>,
    end: usize,
}

/// The time after a date at the cursor: after up to three spaces and perhaps a weekday
/// (`2019年12月10日 星期二 07:57`), or, when `iso`, after a `T` and with a zone
/// (`2019-12-10T07:57:40+08:00`). The match ends after the time, else after the weekday, else at
/// the cursor.
fn after_date(c: &Cursor, iso: bool) -> After {
    let mut t = Cursor { s: c.s, i: c.i };
    if iso && t.peek() == Some('T') && t.peek_second().and_then(digit).is_some() {
        t.bump();
        if let Some(time) = clock(&mut t) {
            // a fraction of the second
            if time.2.is_some() && t.peek() == Some('.') && t.peek_second().and_then(digit).is_some() {
                t.bump();
                while t.peek().and_then(digit).is_some() {
                    t.bump();
                }
            }
            let offset = zone(&mut t);
            return After { time: Some(time), offset, end: t.i };
        }
        return After { time: None, offset: None, end: c.i };
    }
    t.skip_spaces(3);
    let mut end = c.i;
    if weekday(&mut t) {
        end = t.i;
        t.skip_spaces(3);
    }
    match parse_time(&mut t) {
        Some(time) => After { time: Some(time), offset: None, end: t.i },
        None => After { time: None, offset: None, end },
    }
}

/// A weekday: `星期二`, `周二`, `週一`, `礼拜天`, `禮拜日`, alone or in brackets (`（星期二）`).
fn weekday(c: &mut Cursor) -> bool {
    const WORDS: [&str; 5] = ["星期", "礼拜", "禮拜", "周", "週"];
    const DAYS: [char; 8] = ['一', '二', '三', '四', '五', '六', '日', '天'];
    if !matches!(c.peek(), Some('(' | '（' | '星' | '礼' | '禮' | '周' | '週')) {
        return false;
    }
    let start = c.i;
    let open = c.eat(&['(', '（']);
    let named = WORDS.iter().any(|w| c.eat_word(w)) && c.eat(&DAYS).is_some();
    let closed = match open {
        Some('(') => c.eat(&[')']).is_some(),
        Some(_) => c.eat(&['）']).is_some(),
        None => true,
    };
    if !(named && closed) {
        c.i = start;
    }
    named && closed
}

/// ISO 8601's zone after a time: `Z`, `+08:00`, `+0800`, `-05`; minutes east of UTC.
fn zone(c: &mut Cursor) -> Option<i64> {
    let start = c.i;
    let sign = match c.peek()? {
        'Z' => {
            c.bump();
            return Some(0);
        }
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    c.bump();
    let hours = c.digits(2);
    c.eat(&[':']);
    let minutes = c.digits(2).unwrap_or(0);
    match hours {
        Some(h) if h <= 14 && minutes <= 59 => Some(sign * i64::from(h * 60 + minutes)),
        _ => {
            c.i = start;
            None
        }
    }
}

/// A day and time given in the zone `offset` (minutes east of UTC), in China time (UTC+8).
fn to_china(day: Day, (h, m, s): Time, offset: i64) -> Option<(Day, Option<Time>)> {
    let days = days_from_civil(i64::from(day.year), i64::from(day.month), i64::from(day.day));
    let total = days * 1440 + i64::from(h) * 60 + i64::from(m) - offset + 8 * 60;
    let (y, mo, d) = civil_from_days(total.div_euclid(1440));
    let minutes = total.rem_euclid(1440);
    let year = u32::try_from(y).ok().filter(|y| (1990..=2099).contains(y))?;
    let time = ((minutes / 60) as u8, (minutes % 60) as u8, s);
    Some((Day { year, month: mo as u32, day: d as u32 }, Some(time)))
}

/// A date with a two-digit year, `21-06-05 09:40` or `21-06-0509:40` (feed pages glue the time on),
/// read only from a value a date label announces (发布时间：21-06-0509:40); see [`century`] for the
/// year.
pub fn short_date(value: &str) -> Option<DateMatch> {
    let mut c = Cursor { s: value, i: 0 };
    let y = c.number(2).filter(|_| c.i == 2)?;
    c.eat(DATE_SEPS)?;
    let m = c.number(2).filter(|_| c.i == 5)?;
    c.eat(DATE_SEPS)?;
    // the day is two digits; a time may follow at once
    let d = c.digits(2)?;
    let year = century(y);
    if !real_day(year, m, d) {
        return None;
    }
    let end = c.i;
    c.skip_spaces(2);
    let time = parse_time(&mut c);
    let end = if time.is_some() { c.i } else { end };
    Some(matched(0, end, Day { year, month: m, day: d }, time))
}

/// A date broken over lines, as feed pages print it: the year on one line, `09/07` on the next,
/// and perhaps `19:02` on the third. The match spans the year's line.
pub fn split_date(year: &str, month_day: &str, time: Option<&str>) -> Option<DateMatch> {
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| digit(c).is_some());
    let number = |s: &str| s.chars().try_fold(0u32, |v, c| digit(c).map(|d| v * 10 + d));
    if year.chars().count() != 4 || !all_digits(year) {
        return None;
    }
    let y = number(year)?;
    let (m, d) = month_day.split_once(['/', '-', '／', '－', '.', '∕'])?;
    if !(all_digits(m) && all_digits(d) && m.chars().count() <= 2 && d.chars().count() <= 2) {
        return None;
    }
    let (m, d) = (number(m)?, number(d)?);
    if !(1990..=2099).contains(&y) || !real_day(y, m, d) {
        return None;
    }
    let time = time.and_then(|t| {
        let mut c = Cursor { s: t, i: 0 };
        parse_time(&mut c).filter(|_| c.i == t.len())
    });
    Some(DateMatch { start: 0, end: year.len(), year: y as u16, month: m as u8, day: d as u8, time })
}

fn fold(c: char) -> char {
    match c {
        '－' => '-',
        '／' | '∕' => '/',
        '．' => '.',
        _ => c,
    }
}

/// Which half of the day a 12-hour time is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Half {
    Morning,
    Afternoon,
    /// 中午: 12:30 is half past noon, 1:30 half past one in the afternoon.
    Noon,
}

/// The words for parts of the day that come before a 12-hour time (`下午2:05`).
const PERIODS: [(&str, Half); 9] = [
    ("上午", Half::Morning),
    ("早上", Half::Morning),
    ("早晨", Half::Morning),
    ("凌晨", Half::Morning),
    ("下午", Half::Afternoon),
    ("晚上", Half::Afternoon),
    ("傍晚", Half::Afternoon),
    ("晚间", Half::Afternoon),
    ("中午", Half::Noon),
];

/// A time of day: `10:23`, `10:23:45`, `10时23分`, `10点23分`, in 12-hour form after a part of the
/// day (`下午2:05`, `上午 9:30`) or before AM or PM (`9:23:57 PM`). The cursor moves only over a time.
fn parse_time(c: &mut Cursor) -> Option<Time> {
    let start = c.i;
    // the words' first characters, tested before the words
    let period = matches!(c.peek(), Some('上' | '早' | '凌' | '下' | '晚' | '傍' | '中'));
    let half = if period { PERIODS.iter().find(|(w, _)| c.eat_word(w)).map(|&(_, h)| h) } else { None };
    if half.is_some() {
        c.skip_spaces(1);
    }
    let time = clock(c).and_then(|t| {
        let half = half.or_else(|| am_pm(c));
        twelve_hour(t, half)
    });
    if time.is_none() {
        c.i = start;
    }
    time
}

/// `AM`, `PM`, `a.m.`, `p.m.` after a time (a space may come between), not followed by a letter.
fn am_pm(c: &mut Cursor) -> Option<Half> {
    let start = c.i;
    c.skip_spaces(1);
    if !matches!(c.peek(), Some('A' | 'a' | 'P' | 'p')) {
        c.i = start;
        return None;
    }
    let half = [("AM", Half::Morning), ("am", Half::Morning), ("A.M.", Half::Morning), ("a.m.", Half::Morning)]
        .into_iter()
        .chain([("PM", Half::Afternoon), ("pm", Half::Afternoon), ("P.M.", Half::Afternoon), ("p.m.", Half::Afternoon)])
        .find(|(w, _)| {
            c.s[c.i..].starts_with(w) && !c.s[c.i + w.len()..].starts_with(|ch: char| ch.is_ascii_alphabetic())
        });
    match half {
        Some((w, h)) => {
            c.i += w.len();
            Some(h)
        }
        None => {
            c.i = start;
            None
        }
    }
}

/// A clock time read in its half of the day: 9 PM is 21; 12 AM is 0; a 24-hour time after 下午
/// (`下午14:30`) stays as it is; a morning time past 12 is no time.
fn twelve_hour((h, m, s): Time, half: Option<Half>) -> Option<Time> {
    let h = match half {
        None => h,
        Some(Half::Morning) if h == 12 => 0,
        Some(Half::Morning) if h > 12 => return None,
        Some(Half::Morning) => h,
        Some(Half::Afternoon) if h < 12 => h + 12,
        Some(Half::Afternoon) => h,
        Some(Half::Noon) if (1..=3).contains(&h) => h + 12,
        Some(Half::Noon) => h,
    };
    Some((h, m, s))
}

/// `10:23`, `10:23:45`, `10时23分`, `10点23分`, `10时23分45秒`: a 24-hour clock.
fn clock(c: &mut Cursor) -> Option<Time> {
    let start = c.i;
    let time = clock_fields(c);
    if time.is_none() {
        c.i = start;
    }
    time
}

fn clock_fields(c: &mut Cursor) -> Option<Time> {
    let h = c.number(2)?;
    let chinese = if c.eat(COLONS).is_some() {
        false
    } else {
        c.eat(&['时', '点'])?;
        true
    };
    let m = if chinese { c.number(2)? } else { c.clock_field()? };
    if chinese {
        c.eat(&['分']);
    }
    let save = c.i;
    let s = if !chinese && c.eat(COLONS).is_some() {
        c.clock_field()
    } else if chinese {
        c.number(2).filter(|_| c.eat(&['秒']).is_some())
    } else {
        None
    };
    if s.is_none() {
        c.i = save;
    }
    if h > 23 || m > 59 || s.is_some_and(|s| s > 59) {
        return None;
    }
    Some((h as u8, m as u8, s.map(|s| s as u8)))
}

/// The value of a Chinese numeral digit in a year (〇, ○ or 零 for zero).
fn numeral_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        _ => numeral_unit(c)?,
    })
}

/// 一 to 九.
fn numeral_unit(c: char) -> Option<u32> {
    let k = ['一', '二', '三', '四', '五', '六', '七', '八', '九'].iter().position(|&u| u == c)?;
    Some(k as u32 + 1)
}

/// A month or day in Chinese numerals: 一 … 九, 十, 十一 …, 二十, 二十一 …, 三十一, 廿三, 卅.
fn small_numeral(c: &mut Cursor) -> Option<u32> {
    let unit = |c: &mut Cursor| {
        let u = c.peek().and_then(numeral_unit)?;
        c.bump();
        Some(u)
    };
    // the tens: 十 (10), 廿 (20), 卅 (30), or a unit before 十 (二十, 三十); else a unit alone
    let tens = match c.peek()? {
        '十' => 1,
        '廿' => 2,
        '卅' => 3,
        _ => {
            let u = unit(c)?;
            if c.eat(&['十']).is_none() {
                return Some(u);
            }
            return Some(u * 10 + unit(c).unwrap_or(0));
        }
    };
    c.bump();
    Some(tens * 10 + unit(c).unwrap_or(0))
}

/// The fewest bytes a date in Chinese numerals takes: `二〇一九年一月一日`, nine characters of three.
const NUMERAL_DATE_BYTES: usize = 27;

/// Dates in Chinese numerals, `二〇一九年十二月三十一日`: four numerals, 年, a month, 月, a day, 日 or
/// 号, and perhaps a time after them. (A line with fewer than four digits can hold no other date:
/// [`find_dates`] finds these and the rest.)
pub fn numeral_dates(line: &str) -> Vec<DateMatch> {
    let mut out = Vec::new();
    if line.len() < NUMERAL_DATE_BYTES {
        return out;
    }
    let mut from = 0;
    while let Some(k) = find_word(&line.as_bytes()[from..], "年") {
        let at = from + k;
        from = at + "年".len();
        if let Some(m) = numeral_date(line, at) {
            if out.last().map_or(true, |l: &DateMatch| m.start >= l.end) {
                from = from.max(m.end);
                out.push(m);
            }
        }
    }
    out
}

/// The date in Chinese numerals whose 年 stands at byte `at`.
fn numeral_date(line: &str, at: usize) -> Option<DateMatch> {
    let mut before = line[..at].char_indices().rev();
    let mut year = 0;
    let mut start = at;
    for place in [1, 10, 100, 1000] {
        let (b, ch) = before.next()?;
        year += numeral_digit(ch)? * place;
        start = b;
    }
    // a fifth numeral before them: not a year
    if before.next().is_some_and(|(_, ch)| numeral_digit(ch).is_some()) || !(1990..=2099).contains(&year) {
        return None;
    }
    let mut c = Cursor { s: line, i: at + "年".len() };
    let month = small_numeral(&mut c)?;
    c.eat(&['月'])?;
    let day = small_numeral(&mut c)?;
    c.eat(&['日', '号'])?;
    if !real_day(year, month, day) {
        return None;
    }
    let after = after_date(&c, false);
    Some(matched(start, after.end, Day { year, month, day }, after.time))
}

/// Two lists of matches, each in order and without overlaps, as one in `a`: where two overlap, the
/// one that starts first stays. In place: a long line's matches are not copied.
fn merge(a: &mut Vec<DateMatch>, b: Vec<DateMatch>) {
    a.extend(b);
    // no two matches start at the same byte: a digit and a numeral are different characters
    a.sort_unstable_by_key(|m| m.start);
    let mut reach = 0;
    a.retain(|m| {
        let keep = m.start >= reach;
        if keep {
            reach = m.end;
        }
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Vec<String> {
        find_dates(s).iter().map(DateMatch::iso).collect()
    }

    #[test]
    fn reads_every_common_form() {
        assert_eq!(iso("发布时间:2017年07月26日"), ["2017-07-26"], "should read 年月日");
        assert_eq!(iso("2017年7月26日 10:23"), ["2017-07-26T10:23+08:00"], "should read a time after a space");
        assert_eq!(iso("2017-07-26 10:23:45 来源"), ["2017-07-26T10:23:45+08:00"], "should read seconds");
        assert_eq!(iso("2017/7/26"), ["2017-07-26"], "should read slashes");
        assert_eq!(iso("2017.07.26"), ["2017-07-26"], "should read dots");
        assert_eq!(iso("２０１７年７月２６日"), ["2017-07-26"], "should read full-width digits");
        assert_eq!(iso("2019年06月15日08:18  来源"), ["2019-06-15T08:18+08:00"], "should read a glued time");
        assert_eq!(iso("2019年06月15日 08时18分"), ["2019-06-15T08:18+08:00"], "should read 时分");
    }

    #[test]
    fn reads_a_two_digit_year_after_a_label() {
        let d = short_date("21-06-0509:40").map(|d| d.iso());
        assert_eq!(d.as_deref(), Some("2021-06-05T09:40+08:00"), "should read a glued time");
        assert_eq!(short_date("18-03-08").map(|d| d.iso()).as_deref(), Some("2018-03-08"), "should read the date");
        assert_eq!(short_date("05/09/07").map(|d| d.iso()).as_deref(), Some("2005-09-07"), "should read slashes");
        assert_eq!(short_date("97-07-01").map(|d| d.iso()).as_deref(), Some("1997-07-01"), "should read 97 as 1997");
        assert!(short_date("06-0509:40").is_none(), "should not read a month and day without a year");
    }

    #[test]
    fn reads_a_date_broken_over_lines() {
        let d = split_date("2019", "09/07", Some("19:02")).map(|d| d.iso());
        assert_eq!(d.as_deref(), Some("2019-09-07T19:02+08:00"), "should join year, day and time lines");
        assert!(split_date("1204", "09/07", None).is_none(), "should reject a year out of range");
        assert!(split_date("2019", "第9期", None).is_none(), "should reject a line that is not a day");
    }

    #[test]
    fn finds_digit_runs_as_characters_do() {
        // the byte scan against the same question asked of characters: where do runs of digits
        // start and end, and how many digits do they hold?
        let by_chars = |s: &str| -> Vec<(usize, usize, usize)> {
            let mut runs: Vec<(usize, usize, usize)> = Vec::new();
            let mut last_end = usize::MAX;
            for (b, c) in s.char_indices() {
                if digit(c).is_none() {
                    continue;
                }
                match runs.last_mut() {
                    Some(r) if r.1 == b && last_end == b => {
                        r.1 = b + c.len_utf8();
                        r.2 += 1;
                    }
                    _ => runs.push((b, b + c.len_utf8(), 1)),
                }
                last_end = b + c.len_utf8();
            }
            runs
        };
        for s in [
            "于2017年",
            "２０１７年",
            "20１7",
            "201 7",
            "约３００人",
            "，。",
            "",
            "𠀀1234",
            "ａ12３",
            "12345",
            "x９９９９",
            "7/5/2005 9:23:57 PM",
            "2017-07-26 2018年1月2日 12 3456",
        ] {
            let runs: Vec<_> = digit_runs(s.as_bytes()).map(|r| (r.start, r.end, r.digits)).collect();
            assert_eq!(runs, by_chars(s), "should agree on {s:?}");
        }
    }

    #[test]
    fn reads_month_day_year_with_a_twelve_hour_time() {
        assert_eq!(iso("发布日期： 7/5/2005 9:23:57 PM"), ["2005-07-05T21:23:57+08:00"], "should read M/D/YYYY and PM");
        assert_eq!(iso("12/31/2019 12:05 AM"), ["2019-12-31T00:05+08:00"], "should read 12 AM as midnight");
        assert_eq!(iso("9/7/2005 11:30 am"), ["2005-09-07T11:30+08:00"], "should read lower-case am");
        assert_eq!(iso("25/12/2005"), ["2005-12-25"], "should read the day first when the first number is no month");
        assert_eq!(iso("7/5/2005"), ["2005-07-05"], "should read the date without a time");
        assert_eq!(iso("７/５/２００５"), ["2005-07-05"], "should read full-width digits");
        assert!(iso("版本 1/2/2005/3").is_empty(), "should not read a path or version as a date");
        assert!(iso("13/13/2005").is_empty(), "should reject a month and a day out of range");
        assert!(iso("路径 x/12/05/2005").is_empty(), "should not start inside a path");
        assert_eq!(iso("9:05 PMS 7/5/2005"), ["2005-07-05"], "should not read PM out of a word");
    }

    #[test]
    fn reads_years_first_with_single_digit_months_and_days() {
        assert_eq!(iso("2005-9-7"), ["2005-09-07"], "should read 2005-9-7");
        assert_eq!(iso("2005-9-7 9:05"), ["2005-09-07T09:05+08:00"], "should read a one-digit hour");
        assert_eq!(iso("2005.09.07"), ["2005-09-07"], "should read 2005.09.07");
        assert_eq!(iso("2019/12/10"), ["2019-12-10"], "should read 2019/12/10");
        assert_eq!(
            iso("２０１９／１２／１０　０７：５７"),
            ["2019-12-10T07:57+08:00"],
            "should read a full-width date and time"
        );
    }

    #[test]
    fn reads_a_two_digit_year_beside_a_time() {
        assert_eq!(iso("05-09-07 09:23"), ["2005-09-07T09:23+08:00"], "should read YY-MM-DD before a time");
        assert_eq!(iso("05.09.07 09:23:10"), ["2005-09-07T09:23:10+08:00"], "should read YY.MM.DD");
        assert_eq!(iso("09:23 05-09-07"), ["2005-09-07T09:23+08:00"], "should read a time before YY-MM-DD");
        assert_eq!(iso("98-05-07 18:00"), ["1998-05-07T18:00+08:00"], "should read 98 as 1998");
        assert!(iso("比分 05-09-07").is_empty(), "should not read YY-MM-DD without a time or a label");
        assert!(iso("05/09/07 09:23").is_empty(), "should leave YY/MM/DD to a label: US pages write MM/DD/YY");
        assert!(iso("05-09-7 09:23").is_empty(), "should need two digits in each field");
        assert!(iso("1.05-09-07 09:23").is_empty(), "should not start inside a number");
    }

    #[test]
    fn reads_dates_in_chinese_numerals() {
        assert_eq!(iso("二〇〇五年九月七日"), ["2005-09-07"], "should read 〇 years");
        assert_eq!(iso("二〇一九年十二月三十一日"), ["2019-12-31"], "should read 十二 and 三十一");
        assert_eq!(iso("二〇二〇年十月十日"), ["2020-10-10"], "should read 十 alone");
        assert_eq!(iso("二〇二〇年二月二十日"), ["2020-02-20"], "should read 二十");
        assert_eq!(iso("二〇二〇年一月十五号"), ["2020-01-15"], "should read 十五 and 号");
        assert_eq!(iso("二○一八年六月廿三日"), ["2018-06-23"], "should read ○ and 廿");
        assert_eq!(iso("一九九八年五月四日"), ["1998-05-04"], "should read a year of the 1990s");
        assert_eq!(iso("二零零五年九月七日 10:30"), ["2005-09-07T10:30+08:00"], "should read 零 and a time after");
        assert_eq!(iso("某某局\n二〇一九年十二月三十一日印发"), ["2019-12-31"], "should stop at 日");
        assert!(iso("到二〇三五年基本实现").is_empty(), "should not read a year alone");
        assert!(iso("二〇一九年二月三十日").is_empty(), "should reject a day off the calendar");
        assert!(iso("一二〇一九年九月七日").is_empty(), "should not read five numerals as a year");
        assert_eq!(
            iso("2017年7月26日，二〇一九年九月七日"),
            ["2017-07-26", "2019-09-07"],
            "should merge digit and numeral dates in order"
        );
    }

    #[test]
    fn reads_a_time_before_the_date() {
        assert_eq!(iso("09:23 2005-09-07"), ["2005-09-07T09:23+08:00"], "should take the time before");
        assert_eq!(iso("10:30\u{3000}2019年12月10日"), ["2019-12-10T10:30+08:00"], "should cross an ideographic space");
        assert_eq!(iso("10:30:15 7/5/2005"), ["2005-07-05T10:30:15+08:00"], "should take seconds");
        assert_eq!(
            iso("10:30 2019-12-10 08:00"),
            ["2019-12-10T08:00+08:00"],
            "should keep the date's own time when it shows one"
        );
        assert!(iso("3:1 2019年").is_empty(), "should need a day after the time");
        assert_eq!(iso("比分3:1 2019年12月10日"), ["2019-12-10"], "should need two-digit minutes before a date");
        let m = find_dates("更新 09:23 2005-09-07");
        assert_eq!(m[0].start, "更新 ".len(), "should start the match at the time");
    }

    #[test]
    fn reads_a_weekday_and_a_part_of_the_day() {
        assert_eq!(iso("2019年12月10日 星期二 07:57"), ["2019-12-10T07:57+08:00"], "should pass a weekday");
        assert_eq!(iso("2019-12-10（周二）07:57"), ["2019-12-10T07:57+08:00"], "should pass a bracketed weekday");
        assert_eq!(iso("2024年5月20日週一 下午2:05"), ["2024-05-20T14:05+08:00"], "should read 週一 and 下午");
        assert_eq!(iso("2019年12月10日 上午9:30"), ["2019-12-10T09:30+08:00"], "should read 上午");
        assert_eq!(iso("2019年12月10日 下午14:30"), ["2019-12-10T14:30+08:00"], "should keep a 24-hour time");
        assert_eq!(iso("2019年12月10日 中午12:30"), ["2019-12-10T12:30+08:00"], "should read 中午 12:30");
        assert_eq!(iso("2019年12月10日 晚上8点30分"), ["2019-12-10T20:30+08:00"], "should read 晚上 with 点分");
        let line = "2019年12月10日 星期二 人民日报";
        let m = find_dates(line);
        assert_eq!(&line[m[0].start..m[0].end], "2019年12月10日 星期二", "should span the weekday");
        let line = "2019年12月10日 下午 来源";
        let m = find_dates(line);
        assert_eq!(&line[m[0].start..m[0].end], "2019年12月10日", "should not span a part of the day with no time");
    }

    #[test]
    fn reads_iso_8601_with_its_zone_in_china_time() {
        assert_eq!(iso("2019-12-10T07:57:40+08:00"), ["2019-12-10T07:57:40+08:00"], "should read T and +08:00");
        assert_eq!(iso("2019-12-09T23:57:00Z"), ["2019-12-10T07:57:00+08:00"], "should shift Z to China time");
        assert_eq!(iso("2020-02-29T20:00:00.000-05:00"), ["2020-03-01T09:00:00+08:00"], "should shift across a day");
        assert_eq!(iso("2019-12-10T07:57"), ["2019-12-10T07:57+08:00"], "should take a time without a zone as local");
        assert_eq!(iso("2019-12-10 14:00-16:00"), ["2019-12-10T14:00+08:00"], "should not read a range as a zone");
    }

    #[test]
    fn takes_two_digits_of_a_clock_field() {
        assert_eq!(
            iso("2021-01-20 04:29:4439健康网"),
            ["2021-01-20T04:29:44+08:00"],
            "should leave the next word's digits"
        );
        let line = "2021-01-20 04:29:4439健康网";
        let m = find_dates(line);
        assert_eq!(&line[m[0].end..], "39健康网", "should end the match after the seconds");
    }

    /// Pieces of every date form, and what stands around dates.
    const PIECES: &[&str] = &[
        "2019",
        "05",
        "7",
        "12",
        "31",
        "-",
        "/",
        "／",
        "∕",
        ".",
        "年",
        "月",
        "日",
        "号",
        " ",
        "\u{3000}",
        ":",
        "：",
        "T",
        "Z",
        "+08:00",
        "-05",
        "PM",
        "am",
        "下午",
        "中午",
        "星期二",
        "（周二）",
        "二〇",
        "一九",
        "十二",
        "三十一",
        "廿",
        "〇",
        "九",
        "２０１９",
        "１２",
        "时",
        "分",
        "秒",
        "𠮷",
        "，",
        "版本",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn any_mix_of_date_pieces_reads_in_order(picks in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let line: String = picks.iter().map(|&i| PIECES[i]).collect();
            let mut reach = 0;
            for m in find_dates(&line) {
                proptest::prop_assert!(m.start >= reach && m.start < m.end && m.end <= line.len(), "should not overlap");
                proptest::prop_assert!(line.is_char_boundary(m.start) && line.is_char_boundary(m.end), "should span characters");
                proptest::prop_assert!(real_day(u32::from(m.year), u32::from(m.month), u32::from(m.day)), "should be a day");
                proptest::prop_assert!((1990..=2099).contains(&m.year), "should be in the years read");
                proptest::prop_assert!(m.time.map_or(true, |(h, mi, s)| h < 24 && mi < 60 && s.map_or(true, |s| s < 60)));
                reach = m.end;
            }
        }
    }

    #[test]
    fn a_long_line_of_dates_finds_them_all() {
        let line = "2017年7月26日，".repeat(10_000);
        assert_eq!(find_dates(&line).len(), 10_000, "should find every date on a long line");
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        assert!(iso("电话 12017-07-26").is_empty(), "should not start a year inside a number");
        assert!(iso("2017-13-01").is_empty(), "should reject month 13");
        assert!(iso("版本 2017.07.26.1").is_empty(), "should reject a version number");
        assert!(iso("2017-07/26").is_empty(), "should reject mixed separators");
        assert_eq!(iso("2017-07-26 25:00"), ["2017-07-26"], "should drop an impossible time");
    }
}
