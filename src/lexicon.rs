//! The label words of Chinese news pages, in one place, as data.
//!
//! In: nothing. Out: word lists and the automata built from them once.
//! Every list names the pattern it serves; adding a word here is how the parser learns a new label.

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// What a byline label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Author,
    Source,
    Editor,
    Date,
}

/// Byline labels, each followed on the page by a colon or a space and a value.
/// Longer labels come first in meaning only; matching is leftmost-longest.
pub const LABELS: &[(&str, Field)] = &[
    // source: 来源 and its variants, on every kind of site
    ("来源", Field::Source),
    ("来源于", Field::Source),
    ("稿件来源", Field::Source),
    ("文章来源", Field::Source),
    ("本文来源", Field::Source),
    ("新闻来源", Field::Source),
    ("消息来源", Field::Source),
    ("信息来源", Field::Source),
    ("出处", Field::Source),
    ("稿源", Field::Source),
    // persons: reporters, writers, correspondents
    ("作者", Field::Author),
    ("记者", Field::Author),
    ("本报记者", Field::Author),
    ("本台记者", Field::Author),
    ("撰稿", Field::Author),
    ("撰文", Field::Author),
    ("撰稿人", Field::Author),
    ("通讯员", Field::Author),
    ("文", Field::Author),
    ("文字", Field::Author),
    ("口述", Field::Author),
    ("整理", Field::Author),
    // editors: 责任编辑 closes most articles; 编辑 / 责编 are its short forms
    ("责任编辑", Field::Editor),
    ("编辑", Field::Editor),
    ("责编", Field::Editor),
    ("值班编辑", Field::Editor),
    ("本文编辑", Field::Editor),
    ("网络编辑", Field::Editor),
    ("编审", Field::Editor),
    // dates
    ("发布时间", Field::Date),
    ("发表时间", Field::Date),
    ("发稿时间", Field::Date),
    ("更新时间", Field::Date),
    ("时间", Field::Date),
    ("日期", Field::Date),
    ("发布日期", Field::Date),
    ("发表日期", Field::Date),
    ("发布于", Field::Date),
    // traditional forms: Big5 pages (Taiwan, Hong Kong) write the same labels in traditional script
    ("來源", Field::Source),
    ("稿件來源", Field::Source),
    ("文章來源", Field::Source),
    ("記者", Field::Author),
    ("本報記者", Field::Author),
    ("責任編輯", Field::Editor),
    ("編輯", Field::Editor),
    ("責編", Field::Editor),
    ("發布時間", Field::Date),
    ("發佈時間", Field::Date),
    ("發表時間", Field::Date),
    ("時間", Field::Date),
];

/// Headings of the trailing blocks that follow an article (related links, hot lists, rankings).
pub const SECTION_HEADINGS: &[&str] = &[
    "相关阅读",
    "相关新闻",
    "相关文章",
    "相关推荐",
    "相关链接",
    "相关报道",
    "相关内容",
    "延伸阅读",
    "推荐阅读",
    "热点新闻",
    "热门新闻",
    "热门推荐",
    "热门文章",
    "热点推荐",
    "最新新闻",
    "最新文章",
    "精彩推荐",
    "编辑推荐",
    "今日推荐",
    "猜你喜欢",
    "为你推荐",
    "为您推荐",
    "大家都在看",
    "热文排行",
    "排行榜",
    "新闻排行",
    "点击排行",
    "阅读排行",
    "图片新闻",
    "热点专题",
    "最火资讯",
    "热门资讯",
    "更多精彩",
    "热点资讯",
    "最新资讯",
    "相关专题",
    "往期回顾",
    "24小时热文",
    "今日热点",
    "精彩图片",
];

/// Endings that mark a short line as a section heading when it follows the body
/// (…阅读, …新闻, …推荐, …排行: the same few words close section titles across sites).
pub const SECTION_HEADING_ENDINGS: &[&str] =
    &["阅读", "新闻", "推荐", "排行", "资讯", "热点", "要闻", "专题", "图集", "热文", "文章", "排行榜"];

/// Lines that are page furniture wherever they stand: share bars, font-size buttons,
/// print links, "original title" notes, comment prompts.
pub const FURNITURE: &[&str] = &[
    "分享到",
    "分享至",
    "分享给",
    "扫一扫",
    "扫码",
    "二维码",
    "字号",
    "打印",
    "关闭窗口",
    "收藏本文",
    "原标题",
    "点击进入",
    "点击查看",
    "点击图片",
    "查看原文",
    "阅读原文",
    "阅读全文",
    "展开全文",
    "举报",
    "纠错",
    "返回顶部",
    "上一篇",
    "下一篇",
    "我要评论",
    "发表评论",
    "条评论",
    "跟贴",
    "网友评论",
    "热门评论",
    "查看更多评论",
    "参与评论",
    "声明：",
    "免责声明",
    "版权声明",
    "转载请注明",
    "未经授权",
    "本文为",
    "特别声明",
    "【纠错】",
    "小字号",
    "大字号",
    "放大字体",
    "缩小字体",
];

/// Markers of the page footer: copyright and registration lines close every Chinese site.
pub const FOOTER: &[&str] = &[
    "版权所有",
    "Copyright",
    "copyright",
    "COPYRIGHT",
    "©",
    "ICP备",
    "ICP证",
    "公网安备",
    "网安备",
    "关于我们",
    "联系我们",
    "广告服务",
    "网站地图",
    "违法和不良信息",
    "举报电话",
    "许可证",
    "All Rights Reserved",
    "All rights reserved",
];

/// Prefixes of a breadcrumb line ("当前位置：首页 > 新闻").
pub const BREADCRUMB_PREFIXES: &[&str] =
    &["当前位置", "您的位置", "你的位置", "您现在的位置", "你现在的位置", "所在位置", "位置"];

/// Breadcrumb roots that are not a site's name.
pub const GENERIC_ROOTS: &[&str] = &["首页", "主页", "网站首页", "Home", "home", "HOME"];

/// Words that trail a byline value on the same line and are not part of it (buttons).
pub const TRAILING_BUTTONS: &[&str] = &["举报", "分享", "收藏", "打印", "纠错", "字号", "评论", "关注"];

/// A leftmost-longest automaton over the byline labels; the pattern id indexes [`LABELS`].
pub static LABEL_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(LABELS.iter().map(|(w, _)| w))
        .expect("the label lexicon is a valid automaton")
});

/// An automaton over [`FURNITURE`].
pub static FURNITURE_MATCHER: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(FURNITURE).expect("the furniture lexicon is a valid automaton"));

/// An automaton over [`FOOTER`].
pub static FOOTER_MATCHER: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(FOOTER).expect("the footer lexicon is a valid automaton"));

/// Labels of the notices that sites print under an article's last paragraph (免责声明：本文来自…),
/// each followed by a colon: a closing paragraph that opens with one is a notice, not text.
pub const NOTICE_LABELS: &[&str] = &["声明", "免责声明", "特别声明", "版权声明", "郑重声明", "风险提示"];
