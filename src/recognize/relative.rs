//! Dates that need today's date to mean a day: 昨天, 3小时前, `10-08 12:00`.
//!
//! In: one line of text, and [`Today`] when the caller passed `Options.today`. Out: a [`Relative`]
//! found in the line, and with a today, the [`DateMatch`] it stands for.
//! Feed and portal pages (account feeds, news apps, social reposts) print the time of recent posts
//! relative to the reader's day, and dates of the current year without the year. The core reads
//! no clock, so without `today` these stay unresolved (the caller gets a diagnostic, not a guess).
//! Forms, each standing alone or after a label or a name (`爱否科技 昨天`, `发布时间：10-0812:00`):
//! - 今天 / 昨天 / 前天, optionally with a time of day (`昨天 18:20`): that day;
//! - N天前: N days before today;
//! - 刚刚 / N分钟前 / N小时前: only when `today` carries the time of day (`2020-02-13T09:30`),
//!   since the day they fall on depends on it;
//! - `MM-DD HH:MM` (the time may be glued on: `10-0812:00`) or `M月D日` with no year: the latest
//!   such day not after today.

use super::date::{civil_from_days, days_from_civil, DateMatch};

/// Today as the caller gave it: `YYYY-MM-DD`, optionally `THH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Today {
    /// Days since 1970-01-01.
    days: i64,
    /// Minutes since midnight, when known.
    minutes: Option<i64>,
}

impl Today {
    /// Read `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` (a space may replace the `T`): a real day of
    /// the calendar and a real time, nothing after them.
    pub fn parse(s: &str) -> Option<Today> {
        let b = s.trim().as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let d = b.get(r)?;
            d.iter().all(u8::is_ascii_digit).then(|| d.iter().fold(0, |a, &c| a * 10 + i64::from(c - b'0')))
        };
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let days = days_from_civil(y, m, d);
        if !(1..=12).contains(&m) || civil_from_days(days) != (y, m, d) {
            return None; // 2026-13-01, 2026-02-30
        }
        let minutes = match b.get(10) {
            None => None,
            Some(b'T' | b' ') if b.get(13) == Some(&b':') && (b.len() == 16 || (b.len() == 19 && b[16] == b':')) => {
                let (h, mi) = (num(11..13)?, num(14..16)?);
                let sec = if b.len() == 19 { num(17..19)? } else { 0 };
                (h < 24 && mi < 60 && sec < 60).then_some(h * 60 + mi)
            }
            _ => return None,
        };
        if b.len() > 10 && minutes.is_none() {
            return None;
        }
        Some(Today { days, minutes })
    }
}

/// A relative date as the page writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relative {
    /// Byte range in the line.
    pub start: usize,
    pub end: usize,
    kind: Kind,
    /// The time of day shown beside it (`昨天 18:20`).
    time: Option<(u8, u8)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    DaysAgo(i64),
    MinutesAgo(i64),
    MonthDay(u8, u8),
}

/// The words for today, yesterday and the day before, with how many days back they are.
const DAY_WORDS: [(&str, i64); 3] = [("今天", 0), ("昨天", 1), ("前天", 2)];

/// Find the first relative date in `line`: it must be the line's last words or be followed by
/// white space, so that prose (`昨天下午，市里召开…`) does not count.
pub fn find(line: &str) -> Option<Relative> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let standalone = |end: usize| line[end..].chars().next().map_or(true, crate::blocks::is_space);
    let mut i = 0;
    while i < chars.len() {
        let here = &line[chars[i].0..];
        // a word must start the line or follow a space or a label's colon
        let opens = i == 0 || crate::blocks::is_space(chars[i - 1].1) || matches!(chars[i - 1].1, ':' | '：');
        if opens {
            for (w, back) in DAY_WORDS {
                if here.starts_with(w) {
                    let end = chars[i].0 + w.len();
                    let (time, end2) = time_after(line, end);
                    if standalone(end2) {
                        return Some(Relative { start: chars[i].0, end: end2, kind: Kind::DaysAgo(back), time });
                    }
                }
            }
            if here.starts_with("刚刚") && standalone(chars[i].0 + "刚刚".len()) {
                let end = chars[i].0 + "刚刚".len();
                return Some(Relative { start: chars[i].0, end, kind: Kind::MinutesAgo(0), time: None });
            }
            // `MM-DD HH:MM` ends in digits, so text may follow it (`09-3022:46青岛某某公司`)
            if let Some(r) = ago(line, &chars, i).or_else(|| month_day(line, &chars, i)) {
                if standalone(r.end) || (matches!(r.kind, Kind::MonthDay(..)) && r.time.is_some()) {
                    return Some(r);
                }
            }
        }
        i += 1;
    }
    None
}

/// `N天前`, `N小时前`, `N分钟前` starting at char `i`.
fn ago(line: &str, chars: &[(usize, char)], i: usize) -> Option<Relative> {
    let n_len = chars[i..].iter().take_while(|c| c.1.is_ascii_digit()).count();
    if !(1..=3).contains(&n_len) {
        return None;
    }
    let start = chars[i].0;
    let n: i64 = line[start..chars.get(i + n_len).map_or(line.len(), |c| c.0)].parse().ok()?;
    let rest = &line[chars.get(i + n_len)?.0..];
    let (unit, kind) =
        [("天前", Kind::DaysAgo(n)), ("小时前", Kind::MinutesAgo(n * 60)), ("分钟前", Kind::MinutesAgo(n))]
            .into_iter()
            .find(|(u, _)| rest.starts_with(u))?;
    let end = line.len() - rest.len() + unit.len();
    Some(Relative { start, end, kind, time: None })
}

/// `MM-DD` with a time of day (`10-08 12:00`, `10-0812:00`) or `M月D日` with no year before it.
fn month_day(line: &str, chars: &[(usize, char)], i: usize) -> Option<Relative> {
    let start = chars[i].0;
    let rest = &line[start..];
    let b = rest.as_bytes();
    let digits = |from: usize| b[from.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let m_len = digits(0);
    if !(1..=2).contains(&m_len) {
        return None;
    }
    let month: u8 = rest[..m_len].parse().ok()?;
    let (day, after) = match b.get(m_len) {
        // `10-08` needs a time after it: a bare `10-08` is too often something else (a score, a range)
        Some(b'-') if digits(m_len + 1) >= 2 => {
            let day: u8 = rest[m_len + 1..m_len + 3].parse().ok()?;
            let (time, end) = time_after(rest, m_len + 3);
            time?;
            return valid(month, day).then_some(Relative {
                start,
                end: start + end,
                kind: Kind::MonthDay(month, day),
                time,
            });
        }
        _ if rest[m_len..].starts_with('月') => {
            let from = m_len + '月'.len_utf8();
            let d_len = digits(from);
            if !(1..=2).contains(&d_len) || !rest[from + d_len..].starts_with('日') {
                return None;
            }
            (rest[from..from + d_len].parse().ok()?, from + d_len + '日'.len_utf8())
        }
        _ => return None,
    };
    let (time, end) = time_after(rest, after);
    valid(month, day).then_some(Relative { start, end: start + end, kind: Kind::MonthDay(month, day), time })
}

fn valid(month: u8, day: u8) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// A time of day `HH:MM` right after byte `from` (a space may come between): the time and the
/// byte where it ends, or `None` and `from`.
fn time_after(s: &str, from: usize) -> (Option<(u8, u8)>, usize) {
    let rest = &s[from..];
    let trimmed = rest.trim_start_matches([' ', '\u{3000}']);
    let skip = rest.len() - trimmed.len();
    let b = trimmed.as_bytes();
    let two = |i: usize| -> Option<u8> {
        let d = b.get(i..i + 2)?;
        d.iter().all(u8::is_ascii_digit).then(|| (d[0] - b'0') * 10 + (d[1] - b'0'))
    };
    let h_len = if b.get(1) == Some(&b':') { 1 } else { 2 };
    let h = if h_len == 1 { b.first().filter(|c| c.is_ascii_digit()).map(|c| c - b'0') } else { two(0) };
    match (h, b.get(h_len), two(h_len + 1)) {
        (Some(h), Some(b':'), Some(m))
            if h < 24 && m < 60 && b.get(h_len + 3).map_or(true, |c| !c.is_ascii_digit()) =>
        {
            (Some((h, m)), from + skip + h_len + 3)
        }
        _ => (None, from),
    }
}

impl Relative {
    /// The day (and time) this stands for, given today; `None` when today's time of day is needed
    /// and not known, or the day is not on the calendar.
    pub fn resolve(&self, today: Today) -> Option<DateMatch> {
        let (days, time) = match self.kind {
            Kind::DaysAgo(n) => (today.days - n, self.time),
            Kind::MinutesAgo(n) => {
                let now = today.days * 1440 + today.minutes?;
                let then = now - n;
                // 3小时前 says the hour, not the minute: keep the day only
                (then.div_euclid(1440), None)
            }
            Kind::MonthDay(m, d) => {
                let (ty, _, _) = civil_from_days(today.days);
                let this_year = days_from_civil(ty, i64::from(m), i64::from(d));
                let days = if this_year > today.days {
                    days_from_civil(ty - 1, i64::from(m), i64::from(d))
                } else {
                    this_year
                };
                // 02-30 rolls over in the arithmetic: not a day
                let (_, m2, d2) = civil_from_days(days);
                if (m2, d2) != (i64::from(m), i64::from(d)) {
                    return None;
                }
                (days, self.time)
            }
        };
        let (y, m, d) = civil_from_days(days);
        Some(DateMatch {
            start: self.start,
            end: self.end,
            year: u16::try_from(y).ok()?,
            month: m as u8,
            day: d as u8,
            time: time.map(|(h, mi)| (h, mi, None)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(line: &str, today: &str) -> Option<String> {
        find(line)?.resolve(Today::parse(today)?).map(|d| d.iso())
    }

    #[test]
    fn day_words_resolve_against_today() {
        assert_eq!(on("爱否科技 昨天", "2020-02-13").as_deref(), Some("2020-02-12"), "should go back one day");
        assert_eq!(on("前天", "2020-03-01").as_deref(), Some("2020-02-28"), "should cross a month");
        assert_eq!(on("今天 08:05", "2020-03-01").as_deref(), Some("2020-03-01T08:05+08:00"), "should keep the time");
        assert_eq!(on("3天前", "2021-01-02").as_deref(), Some("2020-12-30"), "should cross a year");
    }

    #[test]
    fn hours_need_the_time_of_day() {
        assert_eq!(on("5小时前", "2020-02-13").as_deref(), None, "should not guess the day without a time");
        assert_eq!(on("5小时前", "2020-02-13T03:00").as_deref(), Some("2020-02-12"), "should fall on yesterday");
        assert_eq!(on("来源：某某 20分钟前", "2020-02-13T09:00").as_deref(), Some("2020-02-13"), "should be today");
    }

    #[test]
    fn month_day_takes_the_latest_year_not_after_today() {
        assert_eq!(on("发布时间：10-0812:00", "2019-12-01").as_deref(), Some("2019-10-08T12:00+08:00"));
        assert_eq!(on("发布时间：12-30 09:10", "2020-01-05").as_deref(), Some("2019-12-30T09:10+08:00"));
        assert_eq!(on("3月5日", "2024-06-01").as_deref(), Some("2024-03-05"), "should read 月日");
        assert_eq!(on("02-29 10:00", "2023-03-01").as_deref(), None, "should not invent a leap day");
    }

    #[test]
    fn prose_is_not_a_date() {
        assert_eq!(find("昨天下午，市里召开了会议"), None, "should need the word to stand alone");
        assert_eq!(find("比分10-08"), None, "should need a time after MM-DD");
        assert_eq!(find("作者3天前写的"), None, "should need the word to open");
    }
}
