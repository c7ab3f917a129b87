//! Dates and times as Chinese pages write them.
//!
//! In: one line of text. Out: every [`DateMatch`] in it, left to right.
//! Forms: `2017年07月26日`, `2017年7月26日 10:23`, `2017-07-26 10:23:45`, `2017/7/26`, `2017.07.26`,
//! `2019年06月15日08:18` (no space before the time), `10时23分`, with ASCII or full-width digits and
//! separators (NFKC folds full-width forms, browsers keep them: both arrive). A year is four digits
//! from 1990 to 2099 that no digit touches; month, day and time are range-checked.
//! Output: ISO 8601 as precise as the page, `2017-07-26` or `2017-07-26T10:23:45+08:00`.

/// A date found in a line, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub year: u16,
    pub month: u8,
    pub day: u8,
    /// Hour, minute and (if shown) second.
    pub time: Option<(u8, u8, Option<u8>)>,
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

/// A cursor over the characters of a line.
struct Cursor<'a> {
    chars: &'a [(usize, char)],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).map(|&(_, c)| c)
    }
    /// Read 1..=max digits; `None` if there are none or more than `max`.
    fn number(&mut self, max: usize) -> Option<u32> {
        let begin = self.i;
        let mut v = 0;
        while let Some(d) = self.peek().and_then(digit) {
            if self.i - begin == max {
                return None;
            }
            v = v * 10 + d;
            self.i += 1;
        }
        (self.i > begin).then_some(v)
    }
    fn eat(&mut self, set: &[char]) -> Option<char> {
        let c = self.peek().filter(|c| set.contains(c))?;
        self.i += 1;
        Some(c)
    }
    fn skip_spaces(&mut self, max: usize) {
        let mut n = 0;
        while n < max && self.peek().is_some_and(crate::blocks::is_space) {
            self.i += 1;
            n += 1;
        }
    }
    fn byte_pos(&self, end: usize) -> usize {
        self.chars.get(self.i).map_or(end, |&(b, _)| b)
    }
}

const DATE_SEPS: &[char] = &['-', '/', '.', '－', '／', '．'];
const COLONS: &[char] = &[':', '：'];

/// Find every date in `line`.
///
/// A date starts where a run of four digits starts (a year); each such place is read from a window
/// of [`REACH`] characters, so memory stays small however long the line (one line of a 25 MB page
/// once took 16 bytes per character here).
pub fn find_dates(line: &str) -> Vec<DateMatch> {
    let mut out = Vec::new();
    let mut window: Vec<(usize, char)> = Vec::new();
    let mut after_last = 0; // dates do not overlap: the next one starts after the last
    for start in year_starts(line.as_bytes()) {
        if start < after_last {
            continue;
        }
        window.clear();
        window.extend(line[start..].char_indices().take(REACH).map(|(b, c)| (start + b, c)));
        let end = window.last().map_or(line.len(), |&(b, c)| b + c.len_utf8());
        if let Some((m, _)) = parse_at(&window, 0, end) {
            after_last = m.end;
            out.push(m);
        }
    }
    out
}

/// The longest date form in characters, with room to spare: `２０１７年１２月３１日   23时59分59秒` is 23.
const REACH: usize = 64;

/// Byte offsets where a run of four or more digits starts (ASCII or full-width `０`…`９`, which are
/// `EF BC 90`…`EF BC 99`): one step per character, no decoding.
fn year_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let (mut run, mut run_start, mut i) = (0, 0, 0);
    std::iter::from_fn(move || {
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
            if digit {
                if run == 0 {
                    run_start = i;
                }
                run += 1;
            } else {
                run = 0;
            }
            i += width;
            if run == 4 {
                return Some(run_start);
            }
        }
        None
    })
}

/// Parse a date starting at character `i`; returns it and the character index after it.
fn parse_at(chars: &[(usize, char)], i: usize, len: usize) -> Option<(DateMatch, usize)> {
    let mut c = Cursor { chars, i };
    let year = c.number(4)?;
    if c.i - i != 4 || !(1990..=2099).contains(&year) {
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
    if !real_day(year, month, day) {
        return None;
    }
    let mut end = c.i;
    // a version number or a decimal (2017.07.26.1) is not a date
    if !chinese && c.peek().is_some_and(|ch| digit(ch).is_some() || DATE_SEPS.contains(&ch)) {
        let after = c.i + 1;
        if chars.get(after).is_some_and(|&(_, ch)| digit(ch).is_some()) {
            return None;
        }
    }
    let time = {
        let mut t = Cursor { chars, i: c.i };
        t.skip_spaces(3);
        parse_time(&mut t).inspect(|_| end = t.i)
    };
    let m = DateMatch {
        start: chars[i].0,
        end: Cursor { chars, i: end }.byte_pos(len),
        year: year as u16,
        month: month as u8,
        day: day as u8,
        time,
    };
    Some((m, end))
}

/// A date with a two-digit year, `21-06-05 09:40` or `21-06-0509:40` (feed pages glue the time on),
/// read only from a value a date label announces (发布时间：21-06-0509:40): the year is 20YY.
pub fn short_date(value: &str) -> Option<DateMatch> {
    let chars: Vec<(usize, char)> = value.char_indices().collect();
    let mut c = Cursor { chars: &chars, i: 0 };
    let y = c.number(2).filter(|_| c.i == 2)?;
    c.eat(&['-', '/', '.', '－', '／', '．'])?;
    let m = c.number(2).filter(|_| c.i == 5)?;
    c.eat(&['-', '/', '.', '－', '／', '．'])?;
    // the day is two digits; a time may follow at once
    let d = {
        let start = c.i;
        let mut v = 0;
        while c.i < start + 2 {
            v = v * 10 + c.peek().and_then(digit)?;
            c.i += 1;
        }
        v
    };
    if !real_day(2000 + y, m, d) {
        return None;
    }
    let end = c.i;
    c.skip_spaces(2);
    let time = parse_time(&mut c);
    Some(DateMatch {
        start: 0,
        end: if time.is_some() {
            c.byte_pos(value.len())
        } else {
            Cursor { chars: &chars, i: end }.byte_pos(value.len())
        },
        year: 2000 + y as u16,
        month: m as u8,
        day: d as u8,
        time,
    })
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
    let (m, d) = month_day.split_once(['/', '-', '／', '－', '.'])?;
    if !(all_digits(m) && all_digits(d) && m.chars().count() <= 2 && d.chars().count() <= 2) {
        return None;
    }
    let (m, d) = (number(m)?, number(d)?);
    if !(1990..=2099).contains(&y) || !real_day(y, m, d) {
        return None;
    }
    let time = time.and_then(|t| {
        let chars: Vec<(usize, char)> = t.char_indices().collect();
        let mut c = Cursor { chars: &chars, i: 0 };
        parse_time(&mut c).filter(|_| c.i == chars.len())
    });
    Some(DateMatch { start: 0, end: year.len(), year: y as u16, month: m as u8, day: d as u8, time })
}

fn fold(c: char) -> char {
    match c {
        '－' => '-',
        '／' => '/',
        '．' => '.',
        _ => c,
    }
}

/// `10:23`, `10:23:45`, `10时23分`, `10点23分`.
fn parse_time(c: &mut Cursor) -> Option<(u8, u8, Option<u8>)> {
    let h = c.number(2)?;
    let chinese = if c.eat(COLONS).is_some() {
        false
    } else {
        c.eat(&['时', '点'])?;
        true
    };
    let m = c.number(2)?;
    if chinese {
        c.eat(&['分']);
    }
    let save = c.i;
    let s = if !chinese && c.eat(COLONS).is_some() {
        c.number(2)
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
    fn finds_year_starts_as_characters_do() {
        // the byte scan against the same question asked of characters: where do runs of 4+ digits start?
        let by_chars = |s: &str| -> Vec<usize> {
            let chars: Vec<(usize, char)> = s.char_indices().collect();
            (0..chars.len())
                .filter(|&i| i == 0 || digit(chars[i - 1].1).is_none())
                .filter(|&i| chars[i..].iter().take(4).filter(|&&(_, c)| digit(c).is_some()).count() == 4)
                .filter(|&i| chars.len() >= i + 4)
                .map(|i| chars[i].0)
                .collect()
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
            "2017-07-26 2018年1月2日 12 3456",
        ] {
            assert_eq!(year_starts(s.as_bytes()).collect::<Vec<_>>(), by_chars(s), "should agree on {s:?}");
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
