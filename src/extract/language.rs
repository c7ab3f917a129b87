//! The page's language and script.
//!
//! In: a sample of the article's text (its headline and body), the language the markup declares
//! (`<html lang>`, `content-language`, `og:locale`) and the encoding its bytes came in. Out: a BCP 47
//! tag — `zh-Hans`, `zh-Hant`, `ja`, `ko`, or the declared tag of another language — or `None`.
//! Rules, on the first 240 characters of the sample (enough: the characters that tell the scripts
//! apart are among the most frequent):
//! - kana make up a tenth of the ideographs (and there are ten of them or more): `ja`; more Hangul
//!   syllables than ideographs (ten or more): `ko`;
//! - ten ideographs or more, and at least a quarter as many as Latin letters: Chinese. The script is
//!   the one whose own characters (those the two scripts write differently: [`SCRIPT_PAIRS`]) are more
//!   frequent; on a tie, the markup's tag (`zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant` are traditional), then
//!   the encoding (Big5 is traditional), else simplified;
//! - otherwise the markup's tag, if it declares one (a Chinese tag as above), else `None`.
//!
//! The characters outweigh the markup: templates declare `lang="en"` or `zh-CN` whatever the text.

use crate::blocks::is_cjk;
use crate::lexicon::SCRIPT_PAIRS;

/// Characters of the sample that are looked at.
const SAMPLE: usize = 240;

/// The block of ideographs [`SCRIPT_PAIRS`] lies in: U+4E00 to U+9FFF.
const FIRST: u32 = 0x4e00;
const WORDS: usize = (0xa000 - FIRST as usize) / 64;

/// The simplified and the traditional sides of [`SCRIPT_PAIRS`], as bit sets over [`FIRST`]…U+9FFF
/// (built when the crate is compiled): one look-up per ideograph.
static SIMPLIFIED: [u64; WORDS] = side(false);
static TRADITIONAL: [u64; WORDS] = side(true);

const fn side(traditional: bool) -> [u64; WORDS] {
    let mut set = [0u64; WORDS];
    let mut i = 0;
    while i < SCRIPT_PAIRS.len() {
        let c = (if traditional { SCRIPT_PAIRS[i].1 } else { SCRIPT_PAIRS[i].0 }) as u32;
        assert!(c >= FIRST && c < 0xa000, "a script pair should lie in U+4E00…U+9FFF");
        let k = (c - FIRST) as usize;
        set[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    set
}

/// Whether ideograph `c` (U+4E00…U+9FFF) is in `set`.
fn has(set: &[u64; WORDS], c: char) -> bool {
    let k = (c as u32).wrapping_sub(FIRST) as usize;
    k < WORDS * 64 && set[k / 64] & (1 << (k % 64)) != 0
}

/// The language of `sample` (see the module rules); `declared`: the markup's tag; `encoding`: the
/// WHATWG name of the encoding the page's bytes were decoded from.
pub fn detect<'a>(
    sample: impl Iterator<Item = &'a str>,
    declared: Option<&str>,
    encoding: Option<&str>,
) -> Option<String> {
    let (mut han, mut kana, mut hangul, mut latin, mut hans, mut hant) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let mut left = SAMPLE;
    // plain loops: an iterator of iterators costs more per character than the counting
    for text in sample {
        if left == 0 {
            break;
        }
        for c in text.chars() {
            if left == 0 {
                break;
            }
            left -= 1;
            if c.is_ascii() {
                latin += usize::from(c.is_ascii_alphabetic());
            } else if is_cjk(c) {
                han += 1;
                hans += usize::from(has(&SIMPLIFIED, c));
                hant += usize::from(has(&TRADITIONAL, c));
            } else if ('\u{3040}'..='\u{30ff}').contains(&c) {
                kana += 1;
            } else if ('\u{ac00}'..='\u{d7af}').contains(&c) {
                hangul += 1;
            }
        }
    }
    let declared = declared.map(str::trim).filter(|d| !d.is_empty());
    if kana >= 10 && kana * 10 >= han {
        return Some("ja".into());
    }
    if hangul >= 10 && hangul > han {
        return Some("ko".into());
    }
    if han >= 10 && han * 4 >= latin {
        let traditional = match hant.cmp(&hans) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => match declared.and_then(chinese) {
                Some(t) => t,
                None => encoding.is_some_and(|e| e.eq_ignore_ascii_case("big5")),
            },
        };
        return Some(if traditional { "zh-Hant" } else { "zh-Hans" }.into());
    }
    let declared = declared?;
    Some(match chinese(declared) {
        Some(true) => "zh-Hant".into(),
        Some(false) => "zh-Hans".into(),
        None => declared.replace('_', "-"),
    })
}

/// Whether a declared tag is Chinese: `Some(true)` in traditional script (`zh-TW`, `zh-HK`,
/// `zh-MO`, `zh-Hant…`), `Some(false)` in simplified (`zh`, `zh-CN`, `zh-Hans…`, `zh_SG`), `None`
/// for another language.
fn chinese(tag: &str) -> Option<bool> {
    let tag = tag.to_ascii_lowercase().replace('_', "-");
    let mut parts = tag.split('-');
    if !matches!(parts.next(), Some("zh" | "cn")) {
        return None;
    }
    Some(parts.any(|p| matches!(p, "tw" | "hk" | "mo" | "hant")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_characters_tell_the_script() {
        let hans = "记者从市体育局获悉，今年暑期全市将有十二座游泳场馆面向市民公益开放。";
        let hant = "記者從市體育局獲悉，今年暑期全市將有十二座游泳場館面向市民公益開放。";
        assert_eq!(detect([hans].into_iter(), Some("en"), None).as_deref(), Some("zh-Hans"), "should trust the text");
        assert_eq!(
            detect([hant].into_iter(), Some("zh-CN"), None).as_deref(),
            Some("zh-Hant"),
            "should see traditional"
        );
        let neutral = "今天上午，市民在江岸散步，天空晴朗，心情很好，大家都很高兴。";
        assert_eq!(detect([neutral].into_iter(), None, Some("Big5")).as_deref(), Some("zh-Hant"), "Big5 breaks a tie");
        assert_eq!(
            detect([neutral].into_iter(), Some("zh-TW"), None).as_deref(),
            Some("zh-Hant"),
            "zh-TW breaks a tie"
        );
        assert_eq!(detect([neutral].into_iter(), None, None).as_deref(), Some("zh-Hans"), "simplified by default");
    }

    #[test]
    fn other_languages() {
        let ja = "東京都は今日、新しい公園を開くと発表しました。多くの人が訪れる予定です。";
        assert_eq!(detect([ja].into_iter(), None, None).as_deref(), Some("ja"), "should see kana");
        let ko = "서울시는 오늘 새로운 공원을 연다고 발표했습니다. 많은 사람들이 방문할 예정입니다.";
        assert_eq!(detect([ko].into_iter(), None, None).as_deref(), Some("ko"), "should see Hangul");
        let en = "The city opened twelve public swimming pools for the summer holidays.";
        assert_eq!(detect([en].into_iter(), Some("en-US"), None).as_deref(), Some("en-US"), "should take the markup's");
        assert_eq!(detect([en].into_iter(), None, None), None, "should not guess a Latin language");
        assert_eq!(detect([""].into_iter(), Some("zh_TW"), None).as_deref(), Some("zh-Hant"), "should read og:locale");
    }

    #[test]
    fn the_pairs_differ() {
        for (s, t) in SCRIPT_PAIRS {
            assert_ne!(s, t, "a pair should hold two characters");
            assert!(has(&SIMPLIFIED, *s) && has(&TRADITIONAL, *t), "{s}/{t} should be in their sets");
            assert!(!has(&SIMPLIFIED, *t) && !has(&TRADITIONAL, *s), "{s}/{t} should belong to one script each");
        }
    }
}
