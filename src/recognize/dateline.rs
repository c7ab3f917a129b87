//! The dateline that opens a news story: 新华社巴黎12月9日电, 长江网10月4日讯, 本报讯, 7月25日，.
//!
//! In: the lead paragraph and the publication date (for the dateline's year). Out: a [`Dateline`]
//! with the agency, the place and the day, or `None` when the lead does not open with one.
//! Forms (wire and newspaper stories across Chinese outlets open so):
//! - `AGENCY[PLACE]M月D日电` / `…讯` / `…消息`: 新华社北京2月29日电, 中新网上海3月1日电, 长江网10月4日讯,
//!   某某之家9月30日消息. The agency is the words up to an outlet ending (社, 网, 报 …, see
//!   [`MEDIA_ENDINGS`]) when two to six ideographs follow it before the date (the place), else all of them;
//! - `AGENCY讯` / `AGENCY快讯` with no date: 新京报讯, 本站讯, 某某网讯; a date right after the marker and
//!   any bracketed credit (`新京报讯（记者 某某）11月25日，`) is the dateline's day;
//! - `AGENCY[PLACE]D日电` with the day alone, as agencies date the day's stories: 中新网北京9日电,
//!   法新社巴黎21日電 (the day then takes the publication's month);
//! - a reporter's credit between agency and place, as Taiwan's agency files: 中央社記者王小明台北10日電
//!   (agency 中央社, place 台北; the names are the credit's, see [`credit`](super::credit));
//! - `AGENCY讯` / `AGENCY快讯` with no date: 新京报讯, 本站讯, 某某网讯; a date right after the marker and
//!   any bracketed credit (`新京报讯（记者 某某）11月25日，`) is the dateline's day;
//! - a lead that opens with the day: `7月25日，` or `2014年8月22日，` (no agency, no place).
//!
//! Traditional forms (電, 訊, 快訊, 據) read as the simplified ones; a dateline in brackets at the
//! lead's head (`（法新社巴黎21日電）`) reads as one without. `据某某网9月9日报道` cites another outlet:
//! no dateline.
//! The day has no year in most datelines: it takes the publication's year, or the year before when
//! the day would fall after the publication (a story dated 12月31日 published on 1 January); a day
//! alone takes the publication's month, or the month before when it would fall after it.
//! References: the dateline conventions of wire services (新华社, 中国新闻社, 中央社; the AP
//! Stylebook's "datelines" for the form in English).

use super::date::DateMatch;
use crate::article::Dateline;
use crate::blocks::is_cjk;
use crate::lexicon::{find_word, MEDIA_ENDINGS};

/// Read the dateline opening `lead`, dating it with `published`.
pub fn read(lead: &str, published: Option<&DateMatch>) -> Option<Dateline> {
    // `据某某网9月9日报道` / `据某社…消息` cites another outlet: not this story's dateline
    if lead.starts_with(['据', '據']) {
        return None;
    }
    // a dateline in brackets at the lead's head: （法新社巴黎21日電）
    let lead = lead.strip_prefix(['（', '(']).unwrap_or(lead);
    // the agency and place: up to 16 characters of words before the date or the marker
    let head: String = lead.chars().take_while(|&c| is_cjk(c) || c.is_ascii_alphanumeric() || c == '-').collect();
    let head = &lead[..head.len()];
    if let Some(d) = day_at(lead, 0).filter(|d| d.month.is_some()) {
        // a lead that opens with the day
        let said = &lead[..d.end];
        return Some(Dateline { agency: None, place: None, date: d.resolve(published), text: said.to_string() });
    }
    // find where a date or a marker starts within the head
    for (at, _) in head.char_indices().skip(2).take(16) {
        if let Some(d) = day_at(lead, at) {
            let rest = &lead[d.end..];
            let mark = ["电", "電", "讯", "訊", "消息"].into_iter().find(|m| rest.starts_with(m))?;
            let (agency, place) = split_agency(&lead[..at], lead);
            // a day alone (`北京9日电`) is a wire agency's dateline only
            if d.month.is_none() && !(matches!(mark, "电" | "電") && ends_as_outlet(agency)) {
                return None;
            }
            let text = &lead[..d.end + mark.len()];
            return Some(Dateline {
                agency: Some(agency.to_string()),
                place: place.map(str::to_string),
                date: d.resolve(published),
                text: text.to_string(),
            });
        }
        let rest = &lead[at..];
        if let Some(mark) = ["快讯", "快訊", "讯", "訊"].into_iter().find(|m| rest.starts_with(m)) {
            let agency = &lead[..at];
            if !ends_as_outlet(agency) && !agency.starts_with('本') {
                return None;
            }
            let end = at + mark.len();
            // a bracketed credit and then the day: 新京报讯（记者 某某）11月25日，
            let after = lead[end..].trim_start_matches([' ', '\u{3000}']);
            let after = match after.strip_prefix(['（', '(']) {
                Some(inner) => inner.find(['）', ')']).map_or(after, |c| {
                    let close = inner[c..].chars().next().map_or(0, char::len_utf8);
                    &inner[c + close..]
                }),
                None => after,
            };
            let day = day_at(after, 0).filter(|d| d.month.is_some()).and_then(|d| d.resolve(published));
            return Some(Dateline {
                agency: Some(agency.to_string()),
                place: None,
                date: day,
                text: lead[..end].to_string(),
            });
        }
    }
    None
}

/// `新华社北京` → (`新华社`, `北京`); `长江网` → (`长江网`, none); `中央社記者王小明台北` → (`中央社`,
/// `台北`). `words` opens `lead`, where the reporter's names are read up to the day and 電.
fn split_agency<'a>(words: &'a str, lead: &str) -> (&'a str, Option<&'a str>) {
    for label in ["记者", "記者"] {
        let Some(k) = find_word(words, label) else { continue };
        let from = k + label.len();
        let names = super::credit::dateline_names(&lead[from..]).filter(|n| from + n < words.len());
        if let Some(n) = names {
            let (agency, place) = (&words[..k], &words[from + n..]);
            if ends_as_outlet(agency) && place.chars().all(is_cjk) {
                return (agency, Some(place));
            }
        }
    }
    for (at, c) in words.char_indices().skip(1) {
        let agency = &words[..at + c.len_utf8()];
        let place = &words[agency.len()..];
        let n = place.chars().count();
        if ends_as_outlet(agency) && (2..=6).contains(&n) && place.chars().all(is_cjk) {
            return (agency, Some(place));
        }
    }
    (words, None)
}

fn ends_as_outlet(words: &str) -> bool {
    words.chars().count() >= 2 && MEDIA_ENDINGS.iter().any(|e| words.ends_with(e))
}

/// A day written `M月D日` (or `YYYY年M月D日`, or `D日` alone) starting at byte `at`.
struct Day {
    end: usize,
    year: Option<u16>,
    /// `None` for a day alone (`9日`).
    month: Option<u8>,
    day: u8,
}

impl Day {
    fn resolve(&self, published: Option<&DateMatch>) -> Option<String> {
        let (year, month) = match (self.year, self.month) {
            (Some(y), Some(m)) => (y, m),
            (None, Some(m)) => {
                let p = published?;
                (if (m, self.day) > (p.month, p.day) { p.year - 1 } else { p.year }, m)
            }
            (_, None) => {
                let p = published?;
                match (self.day > p.day, p.month) {
                    (false, m) => (p.year, m),
                    (true, 1) => (p.year - 1, 12),
                    (true, m) => (p.year, m - 1),
                }
            }
        };
        Some(format!("{year:04}-{month:02}-{:02}", self.day))
    }
}

fn day_at(s: &str, at: usize) -> Option<Day> {
    let b = s.as_bytes();
    let digits = |from: usize| b[from.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let num = |from: usize, len: usize| s[from..from + len].parse::<u16>().ok();
    let mut i = at;
    let mut year = None;
    let n = digits(i);
    if n == 4 && s[i + 4..].starts_with('年') {
        year = num(i, 4).filter(|y| (1990..=2099).contains(y));
        year?;
        i += 4 + '年'.len_utf8();
    }
    let m = digits(i);
    if !(1..=2).contains(&m) {
        return None;
    }
    let month = if s[i + m..].starts_with('月') {
        let month = num(i, m)? as u8;
        i += m + '月'.len_utf8();
        Some(month)
    } else if year.is_none() && s[i + m..].starts_with('日') {
        None
    } else {
        return None;
    };
    let d = digits(i);
    if !(1..=2).contains(&d) || !s[i + d..].starts_with('日') {
        return None;
    }
    let day = num(i, d)? as u8;
    i += d + '日'.len_utf8();
    (month.map_or(true, |m| (1..=12).contains(&m)) && (1..=31).contains(&day)).then_some(Day {
        end: i,
        year,
        month,
        day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(y: u16, m: u8, d: u8) -> DateMatch {
        DateMatch { start: 0, end: 0, year: y, month: m, day: d, time: None }
    }

    type Parts = (Option<String>, Option<String>, Option<String>, String);

    fn get(lead: &str) -> Option<Parts> {
        read(lead, Some(&published(2019, 12, 10))).map(|d| (d.agency, d.place, d.date, d.text))
    }

    #[test]
    fn wire_datelines() {
        let d = get("新华社巴黎12月9日电（记者某某）法国9日再次举行全国性罢工。").expect("should read it");
        assert_eq!(d.0.as_deref(), Some("新华社"), "should name the agency");
        assert_eq!(d.1.as_deref(), Some("巴黎"), "should name the place");
        assert_eq!(d.2.as_deref(), Some("2019-12-09"), "should date it with the publication's year");
        assert_eq!(d.3, "新华社巴黎12月9日电", "should keep the words");
        let d = get("江城网10月4日讯 国庆长假过半").expect("should read it");
        assert_eq!((d.0.as_deref(), d.1.as_deref()), (Some("江城网"), None), "should see no place");
        assert_eq!(d.2.as_deref(), Some("2019-10-04"), "should date it");
    }

    #[test]
    fn a_day_after_publication_is_last_year() {
        let d = read("新华社北京12月31日电 某某", Some(&published(2020, 1, 1))).expect("should read it");
        assert_eq!(d.date.as_deref(), Some("2019-12-31"), "should go back a year");
    }

    #[test]
    fn newspaper_and_day_leads() {
        let d = get("某某报讯（记者 某某）11月25日，记者登录某平台").expect("should read it");
        assert_eq!((d.0.as_deref(), d.2.as_deref()), (Some("某某报"), Some("2019-11-25")));
        assert_eq!(d.3, "某某报讯");
        let d = get("本站讯（通讯员 某某）为深入推进工作").expect("should read it");
        assert_eq!((d.0.as_deref(), d.2), (Some("本站"), None));
        let d = get("7月25日，经开区召开会议").expect("should read a leading day");
        assert_eq!((d.0, d.2.as_deref()), (None, Some("2019-07-25")));
        assert_eq!(get("据某某网9月9日报道，某公司"), None, "a citation is not a dateline");
        assert_eq!(get("据某某社9月26日消息，今日"), None, "a citation is not a dateline");
        assert_eq!(get("资讯很多，大家都在看"), None, "should need an outlet before 讯");
        assert_eq!(get("国庆中秋长假过半"), None);
    }

    #[test]
    fn day_alone_and_traditional_datelines() {
        let d = get("中新网北京9日电 某某").expect("should read a day alone");
        assert_eq!((d.0.as_deref(), d.1.as_deref()), (Some("中新网"), Some("北京")), "should split agency and place");
        assert_eq!(d.2.as_deref(), Some("2019-12-09"), "should take the publication's month");
        let d = get("中央社記者王小明台北10日電）今天").expect("should read an agency reporter's dateline");
        assert_eq!((d.0.as_deref(), d.1.as_deref()), (Some("中央社"), Some("台北")), "should leave the reporter out");
        assert_eq!((d.2.as_deref(), d.3.as_str()), (Some("2019-12-10"), "中央社記者王小明台北10日電"));
        let d = get("（法新社巴黎21日電） 網球名將").expect("should read a bracketed dateline");
        assert_eq!((d.0.as_deref(), d.1.as_deref()), (Some("法新社"), Some("巴黎")));
        assert_eq!(d.2.as_deref(), Some("2019-11-21"), "should fall in the month before the publication");
        let d = get("某某報訊（記者 某某）今天").expect("should read 訊");
        assert_eq!(d.0.as_deref(), Some("某某報"), "should read a traditional outlet");
        assert_eq!(get("據某某網9月9日報導，某公司"), None, "a citation is not a dateline");
        assert_eq!(get("10日，市政府召开会议"), None, "a lead opening with a day alone has no dateline");
        assert_eq!(get("他们10日到达北京电视台"), None, "a day alone needs an agency and 电");
        let jan = read("新华社北京31日电 某某", Some(&published(2020, 1, 5))).expect("should read it");
        assert_eq!(jan.date.as_deref(), Some("2019-12-31"), "should go back across a year");
    }
}
