//! The label words of Chinese news pages, in one place, as data.
//!
//! In: nothing. Out: word lists, and the automata the compiler computes from them (see [`dfa`]).
//! Every list names the pattern it serves; adding a word here is how the parser learns a new label.

pub mod dfa;

use dfa::Dfa;

/// What a byline label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Author,
    Source,
    Editor,
    Date,
    /// Other production roles (摄影, 监制, 审核 …): they end the value before them and credit nobody
    /// the Article names.
    Other,
}

/// Byline labels, each followed on the page by a colon or a space and a value.
/// Longer labels come first in meaning only; matching is leftmost-longest.
pub const LABELS: &[(&str, Field)] = &[
    // source: 来源 and its variants, on every kind of site
    ("来源", Field::Source),
    ("来源于", Field::Source),
    ("信息来源于", Field::Source),
    ("文章来源于", Field::Source),
    ("本文来源于", Field::Source),
    ("内容来源于", Field::Source),
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
    ("执笔", Field::Author),
    ("采写", Field::Author),
    ("采访", Field::Author),
    // editors: 责任编辑 closes most articles; 编辑 / 责编 are its short forms
    ("责任编辑", Field::Editor),
    ("编辑", Field::Editor),
    ("责编", Field::Editor),
    ("值班编辑", Field::Editor),
    ("本文编辑", Field::Editor),
    ("网络编辑", Field::Editor),
    ("编审", Field::Editor),
    // proofreaders close many articles beside the editor and count as editors
    ("校对", Field::Editor),
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
    ("发表于", Field::Date),
    // other production roles: photographers, producers, reviewers (`编辑：张三 审核：李四`)
    ("摄影", Field::Other),
    ("摄像", Field::Other),
    ("视频", Field::Other),
    ("监制", Field::Other),
    ("统筹", Field::Other),
    ("策划", Field::Other),
    ("出品", Field::Other),
    ("制作", Field::Other),
    ("设计", Field::Other),
    ("审核", Field::Other),
    ("审校", Field::Other),
    ("终审", Field::Other),
    ("主编", Field::Other),
    ("值班主任", Field::Other),
    // traditional forms: Big5 pages (Taiwan, Hong Kong) write the same labels in traditional script
    ("來源", Field::Source),
    ("來源於", Field::Source),
    ("稿件來源", Field::Source),
    ("文章來源", Field::Source),
    ("本文來源", Field::Source),
    ("新聞來源", Field::Source),
    ("消息來源", Field::Source),
    ("出處", Field::Source),
    ("記者", Field::Author),
    ("本報記者", Field::Author),
    ("本台記者", Field::Author),
    ("通訊員", Field::Author),
    ("執筆", Field::Author),
    ("採寫", Field::Author),
    ("採訪", Field::Author),
    ("責任編輯", Field::Editor),
    ("編輯", Field::Editor),
    ("責編", Field::Editor),
    ("值班編輯", Field::Editor),
    ("本文編輯", Field::Editor),
    ("網路編輯", Field::Editor),
    ("網絡編輯", Field::Editor),
    ("編審", Field::Editor),
    ("校對", Field::Editor),
    ("發布時間", Field::Date),
    ("發佈時間", Field::Date),
    ("發表時間", Field::Date),
    ("發稿時間", Field::Date),
    ("更新時間", Field::Date),
    ("出版時間", Field::Date),
    ("時間", Field::Date),
    ("發布日期", Field::Date),
    ("發佈日期", Field::Date),
    ("發表日期", Field::Date),
    ("發布於", Field::Date),
    ("發佈於", Field::Date),
    ("發表於", Field::Date),
    ("攝影", Field::Other),
    ("攝像", Field::Other),
    ("監製", Field::Other),
    ("統籌", Field::Other),
    ("策劃", Field::Other),
    ("製作", Field::Other),
    ("設計", Field::Other),
    ("審核", Field::Other),
    ("審校", Field::Other),
    ("終審", Field::Other),
    ("主編", Field::Other),
];

/// Labels that are also common words (in menus: `文字 图片 视频`): they count only before a colon or
/// a slash, never before a space.
pub const NEEDS_COLON: &[&str] =
    &["文", "文字", "时间", "日期", "整理", "采访", "口述", "出处", "稿源", "撰文", "時間", "採訪", "出處"];

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
    "您可能感兴趣的文章",
    "你可能感兴趣的文章",
    "您可能感兴趣",
    "你可能感兴趣",
    "可能感兴趣的文章",
];

/// Endings that mark a short line as a section heading when it follows the body
/// (…阅读, …新闻, …推荐, …排行: the same few words close section titles across sites).
pub const SECTION_HEADING_ENDINGS: &[&str] =
    &["阅读", "新闻", "推荐", "排行", "资讯", "热点", "要闻", "专题", "图集", "热文", "文章", "排行榜"];

/// Words that name a list of other articles in a heading (相关…, 热门…, 最新…, …推荐, …排行):
/// such a heading starts a trailing block wherever it stands, while a text's own subheadings name a
/// topic (国内资讯, 行业要闻).
pub const LIST_WORDS: &[&str] = &[
    "相关", "热", "最新", "最近", "近期", "推荐", "精彩", "更多", "延伸", "往期", "排行", "猜你", "为你", "为您",
    "点击", "阅读", "大家",
];

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
    "加载更多",
    "点击加载",
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

/// Openings of a line that notes the article's original headline (（原标题：…）, 本文原标题：《…》).
pub const ORIGINAL_TITLE: &[&str] = &["原标题", "本文原标题", "原文标题", "原题为", "原题：", "原题:"];

/// Endings of a photo credit line: the photographer (`林可摄`), the picture agency (`（视觉中国）`).
pub const PHOTO_ENDINGS: &[&str] =
    &["摄", "供图", "视觉中国", "资料图", "图片来源网络", "IC photo", "攝", "供圖", "視覺中國", "資料圖"];

/// Openings of a notice that closes an article however long it runs: disclaimers and reposting
/// rules (`声明：本站力求信息真实…`, `请支持独立网站，转发请注明本文链接…`).
pub const NOTICES: &[&str] = &[
    "声明：",
    "声明:",
    "免责声明",
    "特别声明",
    "版权声明",
    "风险提示：",
    "风险提示:",
    "请支持独立网站",
    "转载请注明",
    "转发请注明",
    "未经授权",
    "原文链接",
    "本文来自",
    "更多精彩内容",
    "本文链接",
    "摘要：",
    "摘要:",
    "【摘要】",
    "视频-",
    "视频：",
    "视频:",
];

/// Words that mark a line of up to 100 characters as furniture wherever they stand: reposting
/// rules, QR-code prompts, pagers and end-of-text markers
/// (`本文为某网原创文章，未经允许不得转载…`, `…扫描下方二维码关注…`, `【上一篇】…【下一篇】…`).
pub const NOTICE_WORDS: &[&str] = &[
    "不得转载",
    "禁止转载",
    "转载请",
    "请注明出处",
    "二维码",
    "正文已结束",
    "返回列表",
    "相关资讯请关注",
    // pagers and previous/next links, in their delimited forms (a paragraph may say 上一篇文章)
    "上一篇：",
    "上一篇:",
    "【上一篇】",
    "下一篇：",
    "下一篇:",
    "【下一篇】",
    "上一页",
    "下一页",
    "返回首页",
    "返回顶部",
    // promotions set between headline and text: `…火热进行中！【点击投票】…`, `…【下载地址】`
    "【点击",
    "【下载",
    "点击投票",
    "点击下载",
];

/// Endings of a photo caption or photo credit line (`…视频截图`, `（刘通摄）`, `…供图`): never a headline.
pub const CAPTION_ENDINGS: &[&str] = &[
    "摄",
    "供图",
    "截图",
    "资料图",
    "配图",
    "视觉中国",
    "资料照片",
    "攝",
    "供圖",
    "截圖",
    "資料圖",
    "配圖",
    "視覺中國",
    "資料照片",
];

/// Openings of a photo caption or photo credit (`图片来源：…`, `资料图：…`, `图为…`): its labels credit
/// a photographer or a picture agency, not the article.
pub const PHOTO_OPENINGS: &[&str] = &[
    "图片来源",
    "图片",
    "资料图",
    "图为",
    "图：",
    "图:",
    "摄影",
    "视频来源",
    "配图",
    "圖片來源",
    "圖片",
    "資料圖",
    "圖為",
    "圖：",
    "圖:",
    "圖／",
    "圖/",
    "攝影",
    "配圖",
];

/// Words of a salutation that opens a speech or a letter (`女士们、先生们：`, `亲爱的同学们：`).
/// Notices open with their addressees (`各乡镇（街道）、各有关单位：`).
pub const SALUTATION_WORDS: &[&str] =
    &["们", "亲爱的", "尊敬的", "各位", "同志", "朋友", "各有关", "单位", "各乡镇", "各部门"];

/// Badges that feed pages glue before a headline (`原创海边小城的清晨集市`).
pub const TITLE_BADGES: &[&str] = &["原创", "置顶"];

/// The formulas that close an official notice (`特此通告。`): its last line, short as it is.
pub const CLOSING_FORMULAS: &[&str] =
    &["特此通告", "特此公告", "特此通知", "特此函告", "特此说明", "特此通報", "特此公告周知"];

/// Labels that name the headline on a form-like page (`标  题：某某通告`), spaces inside removed.
pub const TITLE_LABELS: &[&str] = &["标题", "標題", "题目", "題目", "题名", "題名"];

/// The numerals that number a text's parts (`一、`, `（三）`): such a line is a subheading.
pub const PART_NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Keywords that open a line of program text in technical articles (`import json`, `return`).
pub const CODE_KEYWORDS: &[&str] = &[
    "import", "from", "def", "return", "class", "if", "elif", "else", "for", "while", "try", "except", "with", "print",
    "function", "var", "let", "const", "pass", "break", "continue", "yield", "async", "await",
];

/// Follow buttons printed after a publishing account's name on feed pages (`海风旅行记` / `关注`).
pub const FOLLOW_BUTTONS: &[&str] = &["关注", "+关注", "＋关注", "+ 关注", "订阅"];

/// Share and follow buttons that stand alone on a line (compared with the whole line: a headline
/// may well mention 朋友圈).
pub const SHARE_BUTTONS: &[&str] = &[
    "微信",
    "微博",
    "QQ空间",
    "QQ好友",
    "QQ",
    "新浪微博",
    "腾讯微博",
    "微信好友",
    "朋友圈",
    "易信",
    "更多",
    "豆瓣",
    "人人",
    "Facebook",
    "Twitter",
    "Qzone",
    "分享",
    "收藏",
    "评论",
    "点赞",
    "转发",
    "打赏",
];

/// Endings of a relative time as feeds print it (`20小时前`, `3分钟前`, `刚刚`): such a line is a
/// timestamp, not an item.
pub const RELATIVE_TIMES: &[&str] = &["刚刚", "分钟前", "小时前", "天前", "秒前", "昨天", "前天"];

/// Words that cannot end a headline, so a headline line ending in one runs on into the next line
/// (`关于批准财政部发行特别国债购买外汇及` / `调整…的决议`).
pub const HEADLINE_CONNECTIVES: &[&str] = &["及", "和", "与", "的", "暨", "并", "对", "关于", "在", "为", "以及"];

/// Endings of the bracketed note under a law's or resolution's headline that dates its adoption, not
/// the page (`（2007年6月29日…第二十八次会议通过）`, `（…第二次修正）`).
pub const ADOPTION_ENDINGS: &[&str] = &["通过", "批准", "修正", "修订"];

/// The kinds of official document that close a 关于… headline (`…的通知`, `…的决议`).
pub const DOCUMENT_KINDS: &[&str] = &[
    "通知", "决定", "决议", "意见", "办法", "方案", "规定", "公告", "通告", "批复", "报告", "函", "通报", "规划",
    "细则", "条例", "纪要", "公报",
];

/// Endings of an issuing body's name on the line above an official document's 关于… headline.
pub const ISSUER_ENDINGS: &[&str] =
    &["委员会", "人民政府", "政府", "办公厅", "办公室", "国务院", "部", "局", "委", "厅", "院", "中心"];

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
/// A prefix is matched up to its colon and may follow a few words (`您的当前位置：`, `您所在的位置：`).
pub const BREADCRUMB_PREFIXES: &[&str] = &["位置", "当前页面", "当前栏目", "所在栏目"];

/// Last parts of a breadcrumb that name the page, not its section (`首页 > 国内 > 正文`): the
/// category is the part before them.
pub const BREADCRUMB_LEAVES: &[&str] =
    &["正文", "内容", "详情", "正文内容", "详细内容", "内容页", "文章", "新闻详情", "阅读", "內容", "詳情", "文章內容"];

/// Breadcrumb roots that are not a site's name.
pub const GENERIC_ROOTS: &[&str] = &["首页", "主页", "网站首页", "Home", "home", "HOME"];

/// Values after a person label that name nobody: placeholders and the work done (`（记者陈智 整合）`,
/// `作者：网络整理`, `作者：未知`).
pub const NOT_NAMES: &[&str] = &[
    "未知",
    "佚名",
    "匿名",
    "网络",
    "本站",
    "网友",
    "整合",
    "整理",
    "综合",
    "编译",
    "报道",
    "摄",
    "图",
    "摄影",
    "供图",
    "网络整理",
    "本站整理",
    "综合整理",
    "原创",
    "本站原创",
    "见习记者",
    "实习记者",
    "特约记者",
    // traditional forms
    "網路",
    "網絡",
    "網友",
    "綜合",
    "編譯",
    "報導",
    "報道",
    "攝",
    "圖",
    "攝影",
    "供圖",
    "網路整理",
    "綜合整理",
    "原創",
    "本站原創",
    "見習記者",
    "實習記者",
    "特約記者",
];

/// Endings of an organisation's name: a credit such as `作者：药剂科党支部` names a body, not a person.
pub const ORG_ENDINGS: &[&str] = &[
    "党支部",
    "支部",
    "党委",
    "中心",
    "办公室",
    "委员会",
    "部",
    "科",
    "处",
    "局",
    "所",
    "院",
    "站",
    "社",
    "网",
    "报",
    "台",
    "公司",
    "集团",
    "协会",
    "学会",
    "大学",
    "学院",
    "小组",
    "工作室",
    "编辑部",
    "杂志",
    // traditional forms
    "黨支部",
    "黨委",
    "辦公室",
    "委員會",
    "處",
    "網",
    "報",
    "臺",
    "集團",
    "協會",
    "學會",
    "大學",
    "學院",
    "小組",
    "編輯部",
    "雜誌",
];

/// Endings of a news outlet's name (中国青年报, 澎湃新闻, 新华社, 南方周刊).
pub const MEDIA_ENDINGS: &[&str] = &[
    "报",
    "网",
    "社",
    "台",
    "刊",
    "新闻",
    "杂志",
    "传媒",
    "资讯",
    "客户端",
    "频道",
    "報",
    "網",
    "臺",
    "新聞",
    "雜誌",
    "傳媒",
    "資訊",
    "客戶端",
    "頻道",
];

/// Role words that end a descriptor standing before a name (`某网专栏作者 王某`, `某报记者 李某`).
pub const ROLE_ENDINGS: &[&str] = &[
    "作者",
    "记者",
    "通讯员",
    "编辑",
    "撰稿人",
    "评论员",
    "实习生",
    "特约撰稿",
    "见习",
    "实习",
    "特约",
    "首席",
    "記者",
    "通訊員",
    "編輯",
    "評論員",
    "實習生",
    "特約撰稿",
    "見習",
    "實習",
    "特約",
];

/// Role words glued before a name in a credit (`本报记者张三`, `記者王小明`): dropped from the name.
pub const NAME_PREFIXES: &[&str] = &[
    "本报记者",
    "本台记者",
    "特约记者",
    "实习生",
    "记者",
    "通讯员",
    "作者",
    "编辑",
    "本報記者",
    "本台記者",
    "特約記者",
    "實習生",
    "記者",
    "通訊員",
    "編輯",
];

/// Endings of the note of where a report was filed, after a reporter's name and a slash
/// (`記者王小明／台北報導`, `（王煌忠／台中報導）`, `记者彭冲 山东冠县报道`): a place, not a person.
pub const REPORT_ENDINGS: &[&str] = &["报道", "报导", "報導", "報道"];

/// Words in brackets that close a paragraph and are not a signature: `（完）`, `（待续）`.
pub const NOT_SIGNATURES: &[&str] =
    &["完", "待续", "未完待续", "全文完", "组图", "图", "视频", "图片", "资料图", "详见"];

/// Link words that end a byline value they are glued to (`作者：丙丁返回某网，查看更多`).
pub const VALUE_STOPS: &[&str] = &["返回", "查看更多", "点击", "阅读原文"];

/// Words that trail a byline value on the same line and are not part of it (buttons).
pub const TRAILING_BUTTONS: &[&str] = &[
    "举报",
    "分享",
    "收藏",
    "打印",
    "纠错",
    "字号",
    "评论",
    "关注",
    "分享到",
    "赞赏",
    "我要赞赏",
    "点赞",
    "我要",
    "我来说两句",
    "发表评论",
    "访问统计",
    "阅读全文",
    "出自",
];

/// Days of the week, which a byline row prints beside the date and the names (星期二, 周二, 週二).
pub const WEEKDAYS: &[&str] = &[
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "星期日",
    "星期天",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
    "週一",
    "週二",
    "週三",
    "週四",
    "週五",
    "週六",
    "週日",
    "礼拜天",
    "禮拜天",
];

/// What a word found in a line is, as bits: a word may belong to several lists (二维码 is
/// furniture and a notice word; 原标题 is furniture and an original-title opening).
pub mod word {
    /// A [`FURNITURE`](super::FURNITURE) word, anywhere in the line.
    pub const FURNITURE: u16 = 1;
    /// A [`NOTICE_WORDS`](super::NOTICE_WORDS) word, anywhere in the line.
    pub const NOTICE: u16 = 1 << 1;
    /// A [`FOOTER`](super::FOOTER) word, anywhere in the line.
    pub const FOOTER: u16 = 1 << 2;
    /// An [`ORIGINAL_TITLE`](super::ORIGINAL_TITLE) opening (counts where the line's text starts,
    /// after opening brackets).
    pub const ORIGINAL_TITLE: u16 = 1 << 3;
    /// A [`NOTICES`](super::NOTICES) opening (counts where the line's text starts, after opening brackets).
    pub const NOTICE_OPENING: u16 = 1 << 4;
    /// A [`PHOTO_OPENINGS`](super::PHOTO_OPENINGS) opening (counts at the line's start).
    pub const PHOTO_OPENING: u16 = 1 << 5;
    /// A [`PHOTO_ENDINGS`](super::PHOTO_ENDINGS) ending (counts at the line's end, before closing brackets).
    pub const PHOTO_ENDING: u16 = 1 << 6;
    /// A [`RELATIVE_TIMES`](super::RELATIVE_TIMES) word, anywhere in the line.
    pub const RELATIVE_TIME: u16 = 1 << 7;
}

/// One word of [`LINE_WORDS`]: the lists it belongs to ([`word`] bits) and, for a byline label,
/// its index in [`LABELS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineWord {
    /// [`word`] bits.
    pub lists: u16,
    /// The index in [`LABELS`] when the word is a byline label.
    pub label: Option<u16>,
}

/// Every word a line is searched for, in one automaton: the byline labels, furniture, notice and
/// footer words, relative times, and the openings and endings of original-title notes, notices and
/// photo credits.
/// One pass over a line reports every occurrence of every word (overlapping), so one scan serves
/// all the lists; the word's index is that of its [`LineWord`] in [`LINE_WORD_TABLE`]. The compiler
/// computes the automaton from the lists (see [`dfa`]): a first parse builds nothing.
pub static LINE_WORDS: Dfa<{ dfa::states(&LINE_WORD_LIST.words) }, { dfa::classes(&LINE_WORD_LIST.words).len }> =
    Dfa::new(&LINE_WORD_LIST.words);

/// The lists of [`LINE_WORDS`] besides the byline labels, with their [`word`] bits.
const LINE_LISTS: [(&[&str], u16); 8] = [
    (FURNITURE, word::FURNITURE),
    (NOTICE_WORDS, word::NOTICE),
    (FOOTER, word::FOOTER),
    (RELATIVE_TIMES, word::RELATIVE_TIME),
    (ORIGINAL_TITLE, word::ORIGINAL_TITLE),
    (NOTICES, word::NOTICE_OPENING),
    (PHOTO_OPENINGS, word::PHOTO_OPENING),
    (PHOTO_ENDINGS, word::PHOTO_ENDING),
];

/// The words of [`LINE_WORDS`], each once, and what each is.
pub static LINE_WORD_TABLE: [LineWord; LINE_WORD_COUNT] = LINE_WORD_LIST.table;

/// How many distinct words [`LINE_WORDS`] holds.
const LINE_WORD_COUNT: usize = line_words::<{ listed_line_words() }>().len;

/// The distinct words of [`LINE_WORDS`] and what each is.
const LINE_WORD_LIST: Words<LINE_WORD_COUNT> = line_words();

/// How many words the labels and [`LINE_LISTS`] list, counting repeats.
const fn listed_line_words() -> usize {
    let mut n = LABELS.len();
    let mut list = 0;
    while list < LINE_LISTS.len() {
        n += LINE_LISTS[list].0.len();
        list += 1;
    }
    n
}

/// The labels, then each of [`LINE_LISTS`] in turn, each word once (in the first `N` places; all of
/// them when `N` is at least [`listed_line_words`]).
const fn line_words<const N: usize>() -> Words<N> {
    let mut words = Words { words: [""; N], table: [LineWord { lists: 0, label: None }; N], len: 0 };
    let mut i = 0;
    while i < LABELS.len() {
        words = words.add(LABELS[i].0, 0, Some(i as u16));
        i += 1;
    }
    let mut list = 0;
    while list < LINE_LISTS.len() {
        let (each, bit) = LINE_LISTS[list];
        let mut i = 0;
        while i < each.len() {
            words = words.add(each[i], bit, None);
            i += 1;
        }
        list += 1;
    }
    words
}

/// Distinct words and what each is, as [`line_words`] gathers them at compile time.
struct Words<const N: usize> {
    words: [&'static str; N],
    table: [LineWord; N],
    /// How many distinct words were added (more than `N` when they did not fit).
    len: usize,
}

impl<const N: usize> Words<N> {
    /// `self` with `word` added, or with its lists and label added to its entry if it has one.
    const fn add(mut self, word: &'static str, lists: u16, label: Option<u16>) -> Self {
        let known = if self.len < N { self.len } else { N };
        let mut k = 0;
        while k < known && !same(self.words[k], word) {
            k += 1;
        }
        if k < known {
            self.table[k].lists |= lists;
            // a label listed twice keeps its first entry, as a leftmost-longest search reports it
            if self.table[k].label.is_none() {
                self.table[k].label = label;
            }
        } else {
            if self.len < N {
                self.words[self.len] = word;
                self.table[self.len] = LineWord { lists, label };
            }
            self.len += 1;
        }
        self
    }
}

/// Whether `a` and `b` are the same word (`==`, which const evaluation cannot call).
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() && a[i] == b[i] {
        i += 1;
    }
    i == a.len()
}

/// Openings of a caption line (after opening brackets): `图为…`, `图：…`, `资料图`, `（图片来源：…）`,
/// `（摄影：…）`. Such a line captions a picture the text does not hold.
pub const CAPTION_OPENINGS: &[&str] = &[
    "图为",
    "图：",
    "图:",
    "图/",
    "图／",
    "资料图",
    "配图",
    "图片来源",
    "图片提供",
    "图片由",
    "摄影：",
    "摄影:",
    "摄影 ",
    "圖為",
    "圖：",
    "圖:",
    "圖/",
    "圖／",
    "資料圖",
    "配圖",
    "圖片來源",
    "圖片提供",
    "圖片由",
    "攝影：",
    "攝影:",
    "攝影 ",
];

/// Labels of a line that gives the article's summary (`摘要：…`, `【导读】…`, `核心提示：…`).
pub const SUMMARY_LABELS: &[&str] = &[
    "摘要",
    "内容摘要",
    "文章摘要",
    "导读",
    "核心提示",
    "内容提要",
    "提要",
    "导语",
    "內容摘要",
    "導讀",
    "內容提要",
    "導語",
];

/// Labels of a line of keywords or tags (`关键词：…`, `标签 …`, `Tags: …`).
pub const TAG_LABELS: &[&str] = &[
    "关键词",
    "关键字",
    "标签",
    "本文标签",
    "文章标签",
    "Tags",
    "TAGS",
    "tags",
    "Tag",
    "TAG",
    "Keywords",
    "关 键 词",
    "關鍵詞",
    "關鍵字",
    "標籤",
    "本文標籤",
];

/// Labels of a line that names the section or channel the article is filed under (`栏目：国内新闻`).
pub const CATEGORY_LABELS: &[&str] =
    &["栏目", "所属栏目", "频道", "所属频道", "所属分类", "分类", "欄目", "所屬欄目", "頻道", "分類"];

/// What may follow a [`SUMMARY_LABELS`], [`TAG_LABELS`] or [`CATEGORY_LABELS`] label before its value:
/// a colon, a closing bracket, `>>`, a bar or a space (`关键词 >> 共享充电宝`, `【摘要】…`, `标签 苹果`).
pub const LABEL_SEPARATORS: &[char] = &['：', ':', '】', ']', '>', '＞', '»', '|', '｜', ' ', '　', '\t', '\u{a0}'];

/// Bullets that open a list item in text (`• 入场前须出示预约码`, `★11月17日…`, `- 第一项`).
pub const BULLETS: &[char] =
    &['•', '·', '●', '○', '■', '□', '◆', '◇', '▪', '▫', '▶', '►', '▸', '★', '☆', '✓', '√', '※', '・'];

/// Circled numbers that open an item of a numbered list (`①…`).
pub const CIRCLED_NUMBERS: &[char] =
    &['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩', '⑪', '⑫', '⑬', '⑭', '⑮', '⑯', '⑰', '⑱', '⑲', '⑳'];

/// Chinese numerals of section markers (`一、`, `（二）`, `第三部分`).
pub const CHINESE_NUMERALS: &[char] =
    &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '〇', '零', '两'];

/// Words that mark a picture in an article's text as page furniture when its address holds them:
/// logos, icons, QR codes, share buttons, avatars, spacers (`/images/logo.png`, `erweima.jpg`).
pub const IMAGE_FURNITURE: &[&str] = &[
    "logo",
    "icon",
    "qrcode",
    "qr_code",
    "qr-code",
    "erweima",
    "ewm",
    "share",
    "weixin",
    "weibo",
    "avatar",
    "blank.",
    "spacer",
    "loading",
    "placeholder",
    "btn",
    "button",
    "arrow",
    "/ad/",
    "banner",
    "pixel",
    "1x1",
];

/// Characters written one way in simplified and another in traditional Chinese, (simplified,
/// traditional): the frequent ones, enough to tell a page's script from a few sentences. A
/// character that both scripts use (后, 里, 台, 只, 范) is left out.
pub const SCRIPT_PAIRS: &[(char, char)] = &[
    ('这', '這'),
    ('们', '們'),
    ('个', '個'),
    ('来', '來'),
    ('时', '時'),
    ('说', '說'),
    ('为', '為'),
    ('国', '國'),
    ('会', '會'),
    ('对', '對'),
    ('发', '發'),
    ('与', '與'),
    ('经', '經'),
    ('过', '過'),
    ('动', '動'),
    ('还', '還'),
    ('进', '進'),
    ('么', '麼'),
    ('没', '沒'),
    ('开', '開'),
    ('关', '關'),
    ('长', '長'),
    ('现', '現'),
    ('样', '樣'),
    ('问', '問'),
    ('学', '學'),
    ('点', '點'),
    ('实', '實'),
    ('种', '種'),
    ('机', '機'),
    ('当', '當'),
    ('应', '應'),
    ('两', '兩'),
    ('体', '體'),
    ('从', '從'),
    ('业', '業'),
    ('东', '東'),
    ('门', '門'),
    ('见', '見'),
    ('车', '車'),
    ('电', '電'),
    ('书', '書'),
    ('话', '話'),
    ('间', '間'),
    ('认', '認'),
    ('让', '讓'),
    ('记', '記'),
    ('该', '該'),
    ('产', '產'),
    ('将', '將'),
    ('头', '頭'),
    ('无', '無'),
    ('气', '氣'),
    ('处', '處'),
    ('报', '報'),
    ('则', '則'),
    ('万', '萬'),
    ('众', '眾'),
    ('华', '華'),
    ('区', '區'),
    ('员', '員'),
    ('级', '級'),
    ('难', '難'),
    ('边', '邊'),
    ('总', '總'),
    ('变', '變'),
    ('场', '場'),
    ('设', '設'),
    ('议', '議'),
    ('显', '顯'),
    ('办', '辦'),
    ('义', '義'),
    ('组', '組'),
    ('观', '觀'),
    ('决', '決'),
    ('资', '資'),
    ('条', '條'),
    ('标', '標'),
    ('领', '領'),
    ('导', '導'),
    ('团', '團'),
    ('张', '張'),
    ('质', '質'),
    ('务', '務'),
    ('运', '運'),
    ('统', '統'),
    ('军', '軍'),
    ('单', '單'),
    ('际', '際'),
    ('战', '戰'),
    ('论', '論'),
    ('达', '達'),
    ('选', '選'),
    ('农', '農'),
    ('规', '規'),
    ('济', '濟'),
    ('营', '營'),
    ('权', '權'),
    ('队', '隊'),
    ('织', '織'),
    ('连', '連'),
    ('确', '確'),
    ('转', '轉'),
    ('术', '術'),
    ('调', '調'),
    ('专', '專'),
    ('画', '畫'),
    ('传', '傳'),
    ('网', '網'),
    ('数', '數'),
    ('图', '圖'),
    ('习', '習'),
    ('价', '價'),
    ('马', '馬'),
    ('乐', '樂'),
    ('号', '號'),
    ('节', '節'),
    ('广', '廣'),
    ('汉', '漢'),
    ('岁', '歲'),
    ('爱', '愛'),
    ('亲', '親'),
    ('热', '熱'),
    ('讲', '講'),
    ('语', '語'),
    ('读', '讀'),
    ('写', '寫'),
    ('听', '聽'),
    ('视', '視'),
    ('页', '頁'),
    ('题', '題'),
    ('类', '類'),
    ('项', '項'),
    ('飞', '飛'),
    ('红', '紅'),
    ('纪', '紀'),
    ('约', '約'),
    ('线', '線'),
    ('结', '結'),
    ('给', '給'),
    ('继', '繼'),
    ('续', '續'),
    ('维', '維'),
    ('编', '編'),
    ('职', '職'),
    ('联', '聯'),
    ('艺', '藝'),
    ('获', '獲'),
    ('虽', '雖'),
    ('觉', '覺'),
    ('计', '計'),
    ('讯', '訊'),
    ('访', '訪'),
    ('证', '證'),
    ('评', '評'),
    ('识', '識'),
    ('试', '試'),
    ('详', '詳'),
    ('请', '請'),
    ('谁', '誰'),
    ('谈', '談'),
    ('谢', '謝'),
    ('负', '負'),
    ('财', '財'),
    ('责', '責'),
    ('货', '貨'),
    ('购', '購'),
    ('贸', '貿'),
    ('费', '費'),
    ('赛', '賽'),
    ('轮', '輪'),
    ('输', '輸'),
    ('远', '遠'),
    ('违', '違'),
    ('钱', '錢'),
    ('铁', '鐵'),
    ('银', '銀'),
    ('闻', '聞'),
    ('阳', '陽'),
    ('陈', '陳'),
    ('险', '險'),
    ('随', '隨'),
    ('顺', '順'),
    ('须', '須'),
    ('预', '預'),
    ('频', '頻'),
    ('风', '風'),
    ('馆', '館'),
    ('验', '驗'),
    ('鸡', '雞'),
    ('齐', '齊'),
    ('龄', '齡'),
    ('园', '園'),
    ('举', '舉'),
    ('赏', '賞'),
    ('湾', '灣'),
    ('岛', '島'),
    ('陆', '陸'),
    ('厅', '廳'),
    ('码', '碼'),
    ('讨', '討'),
    ('医', '醫'),
    ('药', '藥'),
    ('卫', '衛'),
    ('护', '護'),
    ('灾', '災'),
    ('庆', '慶'),
    ('历', '歷'),
    ('络', '絡'),
    ('势', '勢'),
    ('击', '擊'),
    ('创', '創'),
    ('仅', '僅'),
];

/// The labels of the Markdown export's line of metadata (`作者：… · 来源：… · 2024-06-20 · 某某网`).
pub const MARKDOWN_AUTHORS: &str = "作者";
pub const MARKDOWN_SOURCE: &str = "来源";

/// Labels of the notices that sites print under an article's last paragraph (免责声明：本文来自…),
/// each followed by a colon: a closing paragraph that opens with one is a notice, not text.
pub const NOTICE_LABELS: &[&str] =
    &["声明", "免责声明", "特别声明", "版权声明", "郑重声明", "风险提示", "Notice", "NOTICE"];

/// The first characters of [`NOTICE_LABELS`] (built when the crate is compiled).
static NOTICE_FIRSTS: CharFilter = CharFilter::new(&[], &[NOTICE_LABELS]);

/// Whether `text` opens with a notice label and a colon (`免责声明：…`, `Notice: …`). Most lines
/// are answered by their first character.
pub fn notice_label(text: &str) -> bool {
    let Some(first) = text.chars().next() else { return false };
    NOTICE_FIRSTS.may_hold(first)
        && NOTICE_LABELS.iter().any(|l| text.strip_prefix(l).is_some_and(|r| r.starts_with(['：', ':'])))
}

/// A quick test of a line's first character: a set of characters kept as 4,096 bits, one for each
/// value of a character's low 12 bits. It may say yes for a character not in the set (the caller
/// then looks closer), never no for one in it; most characters are answered in a few instructions.
pub struct CharFilter([u64; 64]);

impl CharFilter {
    /// The set of `chars` and of the first characters of `words` (built when the crate is compiled).
    pub const fn new(chars: &[&[char]], words: &[&[&str]]) -> Self {
        let mut bits = [0u64; 64];
        let mut l = 0;
        while l < chars.len() {
            let mut i = 0;
            while i < chars[l].len() {
                let k = chars[l][i] as usize & 0xFFF;
                bits[k / 64] |= 1 << (k % 64);
                i += 1;
            }
            l += 1;
        }
        let mut l = 0;
        while l < words.len() {
            let mut i = 0;
            while i < words[l].len() {
                let k = char_at(words[l][i], 0).0 as usize & 0xFFF;
                bits[k / 64] |= 1 << (k % 64);
                i += 1;
            }
            l += 1;
        }
        CharFilter(bits)
    }

    /// Whether `c` may be in the set.
    pub fn may_hold(&self, c: char) -> bool {
        let k = c as usize & 0xFFF;
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// The first (`last` false) or last characters of the words of `lists`, sorted, each once: the
/// first `.1` of `.0` (`N` is at least the number of words). A line that holds none of them at that
/// end holds none of the words there, which is all most lines are asked. Built when the crate is
/// compiled.
pub const fn edge_chars<const N: usize>(lists: &[&[&str]], last: bool) -> ([char; N], usize) {
    let mut out = ['\0'; N];
    let mut n = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            // insert in order, once
            let c = edge_char(lists[l][i], last);
            let mut k = 0;
            while k < n && (out[k] as u32) < (c as u32) {
                k += 1;
            }
            if k == n || out[k] != c {
                let mut j = n;
                while j > k {
                    out[j] = out[j - 1];
                    j -= 1;
                }
                out[k] = c;
                n += 1;
            }
            i += 1;
        }
        l += 1;
    }
    (out, n)
}

/// The first (`last` false) or last character of a non-empty word, decoded from its UTF-8 bytes in
/// a constant.
pub const fn edge_char(w: &str, last: bool) -> char {
    let b = w.as_bytes();
    let mut i = if last { b.len() - 1 } else { 0 };
    while b[i] & 0xC0 == 0x80 {
        i -= 1;
    }
    char_at(w, i).0
}

/// The character that starts at byte `i` of `w` and its length in bytes, in a constant.
pub const fn char_at(w: &str, i: usize) -> (char, usize) {
    let b = w.as_bytes();
    let (mut code, len) = match b[i] {
        0x00..=0x7F => (b[i] as u32, 1),
        0xC0..=0xDF => ((b[i] & 0x1F) as u32, 2),
        0xE0..=0xEF => ((b[i] & 0x0F) as u32, 3),
        _ => ((b[i] & 0x07) as u32, 4),
    };
    let mut k = 1;
    while k < len {
        code = (code << 6) | (b[i + k] & 0x3F) as u32;
        k += 1;
    }
    match char::from_u32(code) {
        Some(c) => (c, len),
        None => panic!("a lexicon word should be UTF-8"),
    }
}

/// A byline label found in a line: its byte range and its index in [`LABELS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelMatch {
    /// Byte offset of the label in the line.
    pub start: usize,
    /// Byte offset after the label.
    pub end: usize,
    /// Index in [`LABELS`].
    pub label: usize,
}

/// Search `line` once for every word of [`LINE_WORDS`]. Returns the [`word`] bits of the lists
/// found where each counts: anywhere for furniture, notice and footer words; where the text starts
/// after opening brackets (`（原标题：…`) for original-title notes and notices; at the line's start
/// for photo openings; at its end, before closing brackets (`…（林可摄）`), for photo endings.
/// Fills `labels` (cleared first) with the byline labels as a leftmost-longest search finds them:
/// from left to right, at each start the longest, none overlapping.
pub fn scan_line(line: &str, labels: &mut Vec<LabelMatch>) -> u16 {
    // where the text starts after opening brackets, and ends before closing ones: found at the
    // first word, as most lines hold none
    let mut bounds = None;
    let mut bounds = || {
        *bounds.get_or_insert_with(|| {
            let opening = line.len() - line.trim_start_matches(['(', '（', '【', '[']).len();
            (opening, line.trim_end_matches([')', '）']).len())
        })
    };
    labels.clear();
    let mut found = 0;
    LINE_WORDS.for_each_match(line.as_bytes(), |start, end, id| {
        let w = LINE_WORD_TABLE[id];
        let (opening, ending) = bounds();
        let mut lists = w.lists & (word::FURNITURE | word::NOTICE | word::FOOTER | word::RELATIVE_TIME);
        if start == opening {
            lists |= w.lists & (word::ORIGINAL_TITLE | word::NOTICE_OPENING);
        }
        if start == 0 {
            lists |= w.lists & word::PHOTO_OPENING;
        }
        if end == ending {
            lists |= w.lists & word::PHOTO_ENDING;
        }
        found |= lists;
        if let Some(label) = w.label {
            labels.push(LabelMatch { start, end, label: label as usize });
        }
    });
    // overlapping matches come in order of their ends: keep the leftmost-longest ones
    if labels.len() > 1 {
        labels.sort_unstable_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut reach = 0;
        labels.retain(|m| {
            let keep = m.start >= reach;
            if keep {
                reach = m.end;
            }
            keep
        });
    }
    found
}

/// Where `word` first occurs in `text` (a byte offset), as `text.find(word)` answers: for a short
/// word (a lexicon word, a separator) in a line, where building a searcher — which `str::find` and
/// `memchr::memmem::find` do on every call, and which in wasm has no SIMD to pay it back — costs more
/// than the search. Finds each candidate end by the word's last byte (`memchr`; in Chinese text the
/// last byte of a character varies far more than its lead byte) and compares the rest; cost at most
/// the text's length times the word's. `text` may be a line's bytes cut anywhere.
pub fn find_word<T: AsRef<[u8]> + ?Sized>(text: &T, word: &str) -> Option<usize> {
    let (t, w) = (text.as_ref(), word.as_bytes());
    let Some((&last, head)) = w.split_last() else { return Some(0) };
    // candidate ends, left to right: the first match found is the leftmost
    let mut at = head.len();
    while let Some(i) = memchr::memchr(last, t.get(at..)?) {
        let start = at + i - head.len();
        if &t[start..at + i] == head {
            return Some(start);
        }
        at += i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    #[test]
    fn find_word_answers_as_str_find() {
        let texts = ["", "a", "返回", "点击返回首页，查看更多>>", "首页 / 要闻 ／ 国内", "返返回回", "xx返", "。返回"];
        let words = ["返回", "查看更多", " / ", " ／ ", "回", "返", "x", "首页 / 要闻 ／ 国内 ", ""];
        for t in texts {
            for w in words {
                assert_eq!(find_word(t, w), t.find(w), "should find {w:?} in {t:?} where str::find does");
            }
        }
    }

    /// What [`scan_line`] stands for, list by list: a leftmost-longest search for the labels, a
    /// search per list, and prefix and suffix tests.
    fn reference(line: &str) -> (u16, Vec<(usize, usize, usize)>) {
        let labels = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(LABELS.iter().map(|(w, _)| w))
            .unwrap()
            .find_iter(line)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        let any = |list: &[&str]| AhoCorasick::new(list).unwrap().is_match(line);
        let opening = line.trim_start_matches(['(', '（', '【', '[']);
        let ending = line.trim_end_matches([')', '）']);
        let bits = [
            (any(FURNITURE), word::FURNITURE),
            (any(NOTICE_WORDS), word::NOTICE),
            (any(FOOTER), word::FOOTER),
            (any(RELATIVE_TIMES), word::RELATIVE_TIME),
            (ORIGINAL_TITLE.iter().any(|p| opening.starts_with(p)), word::ORIGINAL_TITLE),
            (NOTICES.iter().any(|p| opening.starts_with(p)), word::NOTICE_OPENING),
            (PHOTO_OPENINGS.iter().any(|p| line.starts_with(p)), word::PHOTO_OPENING),
            (PHOTO_ENDINGS.iter().any(|e| ending.ends_with(e)), word::PHOTO_ENDING),
        ];
        (bits.iter().filter(|(on, _)| *on).fold(0, |b, (_, bit)| b | bit), labels)
    }

    /// Every word of every list, and pieces around them.
    fn pieces() -> Vec<&'static str> {
        let mut all: Vec<&str> = LABELS.iter().map(|(w, _)| *w).collect();
        for list in
            [FURNITURE, NOTICE_WORDS, FOOTER, ORIGINAL_TITLE, NOTICES, PHOTO_OPENINGS, PHOTO_ENDINGS, RELATIVE_TIMES]
        {
            all.extend(list);
        }
        all.extend(["（", "(", "【", "[", ")", "）", "：", " ", "张三", "本", "文", "编", "辑", "，", "。"]);
        all
    }

    #[test]
    fn one_scan_finds_what_the_separate_searches_find() {
        for line in
            ["", "作者：张三 来源：本报 责任编辑：李四", "（原标题：某某）", "图片来源网络）", "本文来源于某某网"]
        {
            let mut labels = Vec::new();
            let bits = scan_line(line, &mut labels);
            let got: Vec<_> = labels.iter().map(|m| (m.start, m.end, m.label)).collect();
            assert_eq!((bits, got), reference(line), "should find in {line:?} what the separate searches find");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn any_mix_of_words_scans_as_the_separate_searches(picks in proptest::collection::vec(0..1000usize, 0..12)) {
            let pieces = pieces();
            let line: String = picks.iter().map(|&i| pieces[i % pieces.len()]).collect();
            let mut labels = Vec::new();
            let bits = scan_line(&line, &mut labels);
            let got: Vec<_> = labels.iter().map(|m| (m.start, m.end, m.label)).collect();
            prop_assert_eq!((bits, got), reference(&line), "should find what the separate searches find");
        }
    }
}
