//! Picture captions and picture credits in text.
//!
//! In: one line and the lexicon words found in it. Out: whether it captions a picture
//! ([`caption`]), and whether it is only the picture's credit ([`credit_only`]), which joins the
//! caption above it.
//! Rules: a caption opens, after any opening bracket, with a caption word (`图为…`, `图：…`,
//! `资料图`, `（图片来源：…）`, `（摄影：…）`: [`CAPTION_OPENINGS`]), or is a line of at most 80
//! characters that ends, before any closing bracket, with a picture credit (`…（林可摄）`, `…供图`,
//! `视觉中国`: the photo endings the lexicon scan found). A credit alone is bracketed or short —
//! at most 24 characters — and names the photographer or the picture's source (`（新华社记者 张三 摄）`,
//! `（图片来源：网络）`). Where a caption stands (in the body or not) is the classifier's question.
//! References: the openings and endings are those portals and newspapers print under pictures;
//! the word lists are in [`crate::lexicon`].

use crate::lexicon::{word, CAPTION_OPENINGS};

/// The first characters of the caption openings ([`CAPTION_OPENINGS`]).
pub const CAPTION_FIRSTS: &[char] = &['图', '圖', '资', '資', '配', '摄', '攝'];

/// The longest line that a picture credit at its end makes a caption (a paragraph may end with
/// a photographer's name too, in a sentence about the picture).
const ENDING_CHARS: u32 = 80;

/// The longest line a caption opening makes a caption.
const OPENING_CHARS: u32 = 200;

/// Whether `text`, a line of `chars` characters in which the lexicon scan found `words`, captions a
/// picture.
pub fn caption(text: &str, chars: u32, words: u16) -> bool {
    if chars > OPENING_CHARS {
        return false;
    }
    let bare = text.trim_start_matches(['(', '（', '【', '[']);
    // every opening starts with one of these: most lines are rejected by their first character
    let may_open = bare.starts_with(CAPTION_FIRSTS);
    (may_open && CAPTION_OPENINGS.iter().any(|w| bare.starts_with(w)))
        || (chars <= ENDING_CHARS && words & word::PHOTO_ENDING != 0 && !text.ends_with(['。', '！', '？']))
}

/// Whether a caption line is only a picture's credit: bracketed whole, or at most 24 characters
/// (`（新华社记者 张三 摄）`, `图片来源：网络`), so that it joins a caption line above it.
pub fn credit_only(text: &str, chars: u32) -> bool {
    let bracketed = text.starts_with(['(', '（']) && text.ends_with([')', '）']);
    let sentence = text.contains(['。', '！', '？']);
    !sentence && (bracketed || chars <= 24)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::char_count;
    use crate::lexicon::scan_line;

    fn is_caption(text: &str) -> bool {
        caption(text, char_count(text) as u32, scan_line(text, &mut Vec::new()))
    }

    #[test]
    fn the_first_characters_are_the_openings() {
        for w in CAPTION_OPENINGS {
            assert!(w.starts_with(CAPTION_FIRSTS), "{w} should open with one of CAPTION_FIRSTS");
        }
    }

    #[test]
    fn captions_open_or_end_with_picture_words() {
        for line in [
            "图为山西品牌丝路行（南美站）启动仪式。（刘通摄）",
            "资料图",
            "资料图：市民在寒冷天气中出行。中新社记者 贾天勇 摄",
            "（图片来源：青川市体育局）",
            "（摄影：王小明）",
            "市民在江边晨练。（林可摄）",
            "图：东湖社区游泳池",
        ] {
            assert!(is_caption(line), "should read {line:?} as a caption");
        }
        for line in [
            "记者从市体育局获悉，今年暑期全市将有十二座游泳场馆面向市民公益开放。",
            "图书馆今年新增藏书三万册，市民可凭借书证免费借阅。",
            "他说，这些照片都是他亲自拍摄。",
        ] {
            assert!(!is_caption(line), "should not read {line:?} as a caption");
        }
    }

    #[test]
    fn a_credit_alone_joins_its_caption() {
        assert!(credit_only("（新华社记者 张三 摄）", 11), "a bracketed credit should be a credit");
        assert!(!credit_only("图为山西品牌丝路行启动仪式。（刘通摄）", 20), "a caption sentence should not be");
    }
}
