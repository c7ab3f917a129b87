// Interface text, Chinese first, with English. In: a key (and values to fill in). Out: the string
// in the current language. Static elements name their key in data-i18n (text),
// data-i18n-placeholder, data-i18n-aria (aria-label) and data-i18n-title; `applyStatic` fills them
// in. Also here: the parser's diagnostics and decoding notes said in either language, and times,
// durations and sizes written for people.

import { ROLES } from './model.js';

export { ROLES };

/** The interface strings, by language. */
export const STRINGS = {
  zh: {
    appName: '新闻结构',
    tagline: '粘贴或拖入一篇新闻网页，看清它的结构，把数据带走。',
    skip: '跳到主要内容',
    input: '输入',
    inputView: '输入视图',
    edit: '编辑',
    annotated: '标注',
    samples: '示例',
    open: '打开文件',
    openFolder: '打开文件夹',
    clear: '清空',
    inputLabel: '新闻网页的文本或 HTML',
    placeholder: '在这里粘贴新闻网页的文本或 HTML，或把 .txt / .html 文件（可以多个）拖进来……',
    annotatedLabel: '按角色着色的原文',
    largePlaceholder: '已载入 {n} 个字符的文本：太大，这里不显示全文，请在「标注」中查看。在这里输入或粘贴将替换它。',
    dropHere: '松开即可打开文件',
    legendLabel: '颜色图例',
    encodingMenu: '编码',
    encodingAuto: '自动识别',
    encodingAutoWas: '自动识别（{name}）',
    encodingHint: '只对打开的文件有效',
    htmlSource: '显示网页源码',
    htmlText: '只看文字',
    htmlTextNote: '只显示解析器读到的文字；网页源码中的其余部分已省略。',
    result: '结果',
    resultView: '结果视图',
    structure: '结构',
    copy: '复制 JSON',
    download: '下载 JSON',
    copyMarkdown: '复制 Markdown',
    downloadMarkdown: '下载 .md',
    copiedMarkdown: 'Markdown 已复制到剪贴板',
    copyLink: '复制分享链接',
    copied: '已复制到剪贴板',
    copyFailed: '复制失败，请改用下载',
    downloaded: '已下载 {name}',
    linkCopied: '链接已复制：文本在链接的 # 之后，不会发给任何服务器。',
    linkTooLong: '这段文本太长，放不进链接。',
    privacy: '全部在你的浏览器里运行：不上传、不联网。',
    switchLang: 'Switch to English',
    otherLang: 'English',
    theme: '配色',
    themes: { auto: '配色：跟随系统', light: '配色：浅色', dark: '配色：深色' },
    emptyTitle: '从一篇新闻开始',
    emptyText: '在左侧粘贴新闻网页的文字（从浏览器复制即可）或 HTML，或者点一个示例。',
    loading: '正在加载解析器……',
    loadFailed: '解析器加载失败：{message}',
    parseFailed: '无法解析：{message}',
    parsing: '正在解析 {size}……',
    cancel: '取消',
    cancelled: '已取消解析。输入还在，可以修改后重试。',
    notText: '这不是文本或网页文件。',
    notTextPasted: '粘贴的内容不是文本，无法解析。',
    emptyFile: '文件是空的。',
    nothingToParse: '没有可解析的内容：输入里只有空白。',
    resultReady: '已解析：{title}',
    headline: '标题',
    noTitle: '（未找到标题）',
    kind: '类型',
    kinds: { article: '文章', other: '不是单篇文章（列表、索引或其他）' },
    authors: '作者',
    source: '来源',
    published: '发布时间',
    editors: '责任编辑',
    site: '网站',
    category: '栏目',
    tags: '标签',
    description: '摘要',
    leadImage: '题图',
    url: '网址',
    language: '语言',
    languages: { 'zh-Hans': '中文（简体）', 'zh-Hant': '中文（繁体）', ja: '日文', ko: '韩文', en: '英文' },
    figure: '图',
    figures: '{n} 幅图',
    breadcrumb: '位置',
    dateline: '电头',
    datelineParts: '（{parts}）',
    body: '正文',
    paragraphs: '{n} 段',
    sections: '相关板块',
    sectionsCount: '{n} 个',
    untitledSection: '（无标题列表）',
    noItems: '没有条目',
    notes: '提示',
    moreFields: '其他字段：{names}（见 JSON）',
    showMoreParagraphs: '再显示 {n} 段（共 {total} 段）',
    showMoreSections: '再显示 {n} 个板块（共 {total} 个）',
    showMoreItems: '再显示 {n} 条（共 {total} 条）',
    chars: '{n} 字符',
    waited: '用时 {time}',
    parseShare: '其中解析 {time}',
    blocksCount: '{n} 个块',
    fileInfo: '文件 {name}（{size}）',
    encodingLine: '编码 {name}',
    encodingWhy: '编码 {name}（{why}）',
    annotatedCapped: '……标注视图只显示前 {n} 个字符。',
    originHint: '提示：把鼠标移到或点按右侧的字段，左侧「标注」中会标出它在原文中的出处。',
    originHelp: '聚焦、点按或按回车键，会在左侧原文中标出出处；用上下方向键移到上一项或下一项。',
    originOutside: '出处在标注视图显示的范围之外。',
    jsonBuilding: '正在生成 JSON……',
    jsonCapped: '（为保持流畅，这里只显示前 {size}；下载得到完整 JSON。）',
    undo: '撤销',
    clearedToast: '已清空输入。',
    replacedToast: '已替换输入。',
    restoredToast: '已恢复。',
    batchTitle: '文件：{done} / {n}',
    batchDownload: '全部下载（JSON Lines）',
    batchStatus: { waiting: '等待中', parsing: '解析中', ok: '完成', other: '不是文章', binary: '不是文本', empty: '空文件', failed: '失败', cancelled: '已取消' },
    batchOpen: '打开 {name}',
    version: 'xinwen {version}',
    roles: {
      navigation: '导航',
      breadcrumb: '位置路径',
      title: '标题',
      byline: '署名行',
      body: '正文',
      sectionHeading: '板块标题',
      itemTitle: '条目标题',
      itemSummary: '条目摘要',
      footer: '页脚',
      other: '其他',
    },
    // The parser's diagnostic codes, said in Chinese (its own messages are English). {n} and
    // {said} come from the message where it gives them.
    noteText: {
      'no-title': '没有哪一行像是标题。',
      'no-date': '标题附近没有找到发布时间。',
      'date-in-future': '发布时间晚于今天，请核对。',
      'date-relative': '页面写的是相对时间（「{said}」），已按今天的日期换算。',
      'date-relative-unresolved': '页面写的是相对时间（「{said}」），没有今天的日期，无法换算。',
      'date-from-markup': '发布时间取自网页的标记（meta 或结构化数据）。',
      'no-body': '没有找到成段的正文：这也许不是一篇文章。',
      listing: '正文很短：这更像列表页或目录页，而不是文章。',
      'encoding-errors': '有 {n} 处字节无法按这个编码解码，已替换为 �。可以在「编码」中换一种试试。',
      'encoding-unsupported': '这个编码在这里无法解码。',
      binary: '输入里大多是无法解码的字节或控制字符：这不是文本或网页。',
      'binary-nul': '输入里有空字节（NUL）：它可能不是网页。',
    },
    // Why the parser chose the encoding (the part of its `encoding` note after the colon).
    encodingReasons: {
      bom: '字节顺序标记',
      declared: '声明 {label}',
      declaredButUtf8: '声明 {label}，但内容是有效的 UTF-8',
      declaredUtf16: '声明 {label}，没有字节顺序标记，按 UTF-8 读',
      declaredButNotUtf8: '声明 {label}，但内容不是 UTF-8，自动识别',
      ascii: '纯 ASCII',
      utf8: '内容是有效的 UTF-8',
      detected: '未声明，自动识别',
      doubleByte: '未声明，按双字节字符判断',
      utf16: '没有字节顺序标记，按空字节的位置判断',
      binary: '含空字节，按二进制数据读',
      chosen: '手动选择',
    },
    sampleNames: {
      'county-meeting': '县区会议',
      'agency-dateline': '通讯社电头',
      'portal-layout': '门户网站',
    },
    units: { ms: '{n} 毫秒', s: '{n} 秒', underMs: '<1 毫秒' },
  },
  en: {
    appName: 'News structure',
    tagline: 'Paste or drop a Chinese news page, see its structure, take the data away.',
    skip: 'Skip to the main content',
    input: 'Input',
    inputView: 'Input view',
    edit: 'Edit',
    annotated: 'Annotated',
    samples: 'Samples',
    open: 'Open files',
    openFolder: 'Open folder',
    clear: 'Clear',
    inputLabel: 'Text or HTML of a news page',
    placeholder: 'Paste the text or HTML of a news page here, or drop .txt / .html files…',
    annotatedLabel: 'The input, tinted by role',
    largePlaceholder: 'Holding {n} characters of text: too large to show here; see “Annotated”. Typing or pasting here replaces it.',
    dropHere: 'Drop to open the files',
    legendLabel: 'Colour legend',
    encodingMenu: 'Encoding',
    encodingAuto: 'Detect',
    encodingAutoWas: 'Detect ({name})',
    encodingHint: 'applies to opened files',
    htmlSource: 'Show the page source',
    htmlText: 'Text only',
    htmlTextNote: 'Only the text the parser read; the rest of the page source is left out.',
    result: 'Result',
    resultView: 'Result view',
    structure: 'Structure',
    copy: 'Copy JSON',
    download: 'Download JSON',
    copyMarkdown: 'Copy Markdown',
    downloadMarkdown: 'Download .md',
    copiedMarkdown: 'Markdown copied to the clipboard',
    copyLink: 'Copy a share link',
    copied: 'Copied to the clipboard',
    copyFailed: 'Could not copy; download instead',
    downloaded: 'Downloaded {name}',
    linkCopied: 'Link copied: the text is after the # and is never sent to any server.',
    linkTooLong: 'This text is too long to fit in a link.',
    privacy: 'Runs entirely in your browser: nothing is uploaded, nothing is fetched from elsewhere.',
    switchLang: '切换到中文',
    otherLang: '中文',
    theme: 'Colours',
    themes: { auto: 'Colours: system', light: 'Colours: light', dark: 'Colours: dark' },
    emptyTitle: 'Start with a news page',
    emptyText: 'Paste the text of a news page (as the browser copies it) or its HTML on the left, or pick a sample.',
    loading: 'Loading the parser…',
    loadFailed: 'The parser failed to load: {message}',
    parseFailed: 'Could not parse: {message}',
    parsing: 'Parsing {size}…',
    cancel: 'Cancel',
    cancelled: 'Parsing cancelled. The input is still here to change and try again.',
    notText: 'This is not a text or HTML file.',
    notTextPasted: 'What was pasted is not text; there is nothing to parse.',
    emptyFile: 'The file is empty.',
    nothingToParse: 'Nothing to parse: the input is only white space.',
    resultReady: 'Parsed: {title}',
    headline: 'Headline',
    noTitle: '(no headline found)',
    kind: 'Kind',
    kinds: { article: 'Article', other: 'Not a single article (a listing, an index or other)' },
    authors: 'Authors',
    source: 'Source',
    published: 'Published',
    editors: 'Editors',
    site: 'Site',
    category: 'Category',
    tags: 'Tags',
    description: 'Description',
    leadImage: 'Lead image',
    url: 'URL',
    language: 'Language',
    languages: { 'zh-Hans': 'Chinese (simplified)', 'zh-Hant': 'Chinese (traditional)', ja: 'Japanese', ko: 'Korean', en: 'English' },
    figure: 'Figure',
    figures: '{n} figures',
    breadcrumb: 'Path',
    dateline: 'Dateline',
    datelineParts: ' ({parts})',
    body: 'Body',
    paragraphs: '{n} paragraphs',
    sections: 'Sections',
    sectionsCount: '{n}',
    untitledSection: '(untitled list)',
    noItems: 'no items',
    notes: 'Notes',
    moreFields: 'Other fields: {names} (see the JSON)',
    showMoreParagraphs: 'Show {n} more paragraphs (of {total})',
    showMoreSections: 'Show {n} more sections (of {total})',
    showMoreItems: 'Show {n} more items (of {total})',
    chars: '{n} characters',
    waited: 'took {time}',
    parseShare: 'parsing {time} of it',
    blocksCount: '{n} blocks',
    fileInfo: 'file {name} ({size})',
    encodingLine: 'encoding {name}',
    encodingWhy: 'encoding {name} ({why})',
    annotatedCapped: '… the annotated view shows the first {n} characters only.',
    originHint: 'Tip: hover or tap a field on the right, and “Annotated” marks where it came from.',
    originHelp: 'Focus, tap or press Enter to mark where this came from in the input; the arrow keys move up and down the fields.',
    originOutside: 'It came from beyond the part the annotated view shows.',
    jsonBuilding: 'Writing the JSON…',
    jsonCapped: '(Only the first {size} is shown here to stay fast; Download gives the full JSON.)',
    undo: 'Undo',
    clearedToast: 'Input cleared.',
    replacedToast: 'Input replaced.',
    restoredToast: 'Restored.',
    batchTitle: 'Files: {done} / {n}',
    batchDownload: 'Download all (JSON Lines)',
    batchStatus: { waiting: 'waiting', parsing: 'parsing', ok: 'done', other: 'not an article', binary: 'not text', empty: 'empty', failed: 'failed', cancelled: 'cancelled' },
    batchOpen: 'Open {name}',
    version: 'xinwen {version}',
    roles: {
      navigation: 'Navigation',
      breadcrumb: 'Breadcrumb',
      title: 'Headline',
      byline: 'Byline',
      body: 'Body',
      sectionHeading: 'Section heading',
      itemTitle: 'Item title',
      itemSummary: 'Item summary',
      footer: 'Footer',
      other: 'Other',
    },
    noteText: {
      'no-title': 'No line reads as a headline.',
      'no-date': 'No publication date found near the headline.',
      'date-in-future': 'The publication date is after today: check it.',
      'date-relative': 'The page gives a relative date (“{said}”), counted from today’s date.',
      'date-relative-unresolved': 'The page gives a relative date (“{said}”); without today’s date it stays unresolved.',
      'date-from-markup': 'The publication time comes from the page’s markup (meta tags or structured data).',
      'no-body': 'No run of prose found: this may not be an article.',
      listing: 'The body is very short: this looks like a listing or an index, not an article.',
      'encoding-errors': '{n} byte sequences could not be read in this encoding and became �. Try another under “Encoding”.',
      'encoding-unsupported': 'This encoding cannot be decoded here.',
      binary: 'The input is mostly undecodable bytes or control characters: it is not text or HTML.',
      'binary-nul': 'The input holds NUL bytes: it may not be a page.',
    },
    encodingReasons: {
      bom: 'byte-order mark',
      declared: 'declared {label}',
      declaredButUtf8: 'declared {label}, but the bytes are valid UTF-8',
      declaredUtf16: 'declared {label}, read as UTF-8 without a byte-order mark',
      declaredButNotUtf8: 'declared {label}, but the bytes are not UTF-8; detected',
      ascii: 'ASCII only',
      utf8: 'valid UTF-8',
      detected: 'not declared; detected',
      doubleByte: 'not declared; told by its double-byte characters',
      utf16: 'no byte-order mark; told by where its NUL bytes are',
      binary: 'NUL bytes: read as binary data',
      chosen: 'chosen by you',
    },
    sampleNames: {
      'county-meeting': 'County meeting',
      'agency-dateline': 'Agency dateline',
      'portal-layout': 'Portal page',
    },
    units: { ms: '{n} ms', s: '{n} s', underMs: '<1 ms' },
  },
};

let lang = 'zh';

/** The current language: 'zh' or 'en'. */
export function currentLang() {
  return lang;
}

/** Choose the language ('zh' or 'en'; anything else means 'zh'). */
export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

function fill(raw, values) {
  return String(raw).replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : `{${name}}`));
}

/** The string for `key`, with `{name}` placeholders filled from `values`. */
export function t(key, values = {}) {
  return fill(STRINGS[lang][key] ?? STRINGS.zh[key] ?? key, values);
}

/** An entry of a nested table (`t2('kinds', 'article')`). */
export function t2(table, key, values = {}) {
  return fill(STRINGS[lang][table]?.[key] ?? key, values);
}

/** The name of a language for its BCP 47 tag (`zh-Hans`): by its primary tag when the region differs, else the tag. */
export function languageName(tag) {
  const names = STRINGS[lang].languages;
  return names[tag] ?? names[String(tag).split('-')[0]] ?? tag;
}

/** The name of a block role. */
export function roleName(role) {
  return STRINGS[lang].roles[role] ?? role;
}

/**
 * A diagnostic for people: the interface language's sentence for its code, filled with what the
 * parser's message gives (a count, the words of a relative date); the parser's own message when
 * the code is new to the page.
 */
export function noteText(diagnostic) {
  const { code, message } = diagnostic;
  const table = STRINGS[lang].noteText;
  if (code === 'date-relative') {
    const said = /dates the article (.+?): (?:\d{4}-|pass today)/.exec(message)?.[1] ?? '';
    return fill(table[/pass today/.test(message) ? 'date-relative-unresolved' : 'date-relative'], { said });
  }
  if (code === 'binary' && /NUL bytes/.test(message)) return table['binary-nul'];
  if (code === 'encoding-errors') return fill(table[code], { n: formatNumber(Number(/^(\d+)/.exec(message)?.[1] ?? 0)) });
  return table[code] ?? message;
}

/** The patterns of the parser's `encoding` note ("decoded as NAME: WHY"), with their reasons. */
const ENCODING_WHY = [
  [/^byte-order mark$/, 'bom'],
  [/^declared (\S+) in .+?, but the bytes are valid UTF-8$/, 'declaredButUtf8'],
  [/^declared (\S+) in .+?, read as UTF-8 without a byte-order mark$/, 'declaredUtf16'],
  [/^declared (\S+) in .+?, but the bytes are not UTF-8; detected by chardetng$/, 'declaredButNotUtf8'],
  [/^declared (\S+) in .+$/, 'declared'],
  [/^the bytes are ASCII$/, 'ascii'],
  [/^the bytes are valid UTF-8$/, 'utf8'],
  [/^no declaration; detected by chardetng$/, 'detected'],
  [/^no declaration, not UTF-8; chosen by its double-byte characters$/, 'doubleByte'],
  [/^no byte-order mark, but NUL bytes where UTF-16 puts them$/, 'utf16'],
  [/^no declaration, and NUL bytes: binary data/, 'binary'],
  [/^chosen by the caller$/, 'chosen'],
];

/** The decoding as one neutral line: 编码 GB18030（声明 gb2312）. `note` is the `encoding` diagnostic. */
export function encodingText(note) {
  const m = /^decoded as ([^:]+): (.*)$/.exec(note?.message ?? '');
  if (!m) return note?.message ?? '';
  const [, name, why] = m;
  for (const [re, key] of ENCODING_WHY) {
    const hit = re.exec(why);
    if (hit) return t('encodingWhy', { name, why: t2('encodingReasons', key, { label: hit[1] }) });
  }
  return t('encodingWhy', { name, why });
}

/** The display name of a bundled sample. */
export function sampleName(id) {
  return STRINGS[lang].sampleNames[id] ?? id;
}

/** Fill every element under `root` that names a string key. */
export function applyStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  document.title = `${t('appName')} · xinwen`;
}

/** A number with the language's digit grouping. */
export function formatNumber(n) {
  return new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN').format(n);
}

/** A size in bytes, readable: 980 B, 12.3 KB, 4.8 MB. */
export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A duration as a person waited it, to the precision a page's clock and frames give: whole
 * milliseconds (under 1 ms said so), tens of milliseconds from 100 ms, tenths of a second from 1 s.
 */
export function formatDuration(ms) {
  const u = STRINGS[lang].units;
  if (ms < 1) return u.underMs;
  if (ms < 100) return fill(u.ms, { n: Math.round(ms) });
  if (ms < 1000) return fill(u.ms, { n: Math.round(ms / 10) * 10 });
  return fill(u.s, { n: (ms / 1000).toFixed(1) });
}

/**
 * An ISO 8601 publication time as the page wrote it: its own wall-clock time, never moved into
 * the reader's time zone. The zone is named when it is not China's (+08:00); a date alone is that
 * calendar day; a year and month alone are that month.
 */
export function formatPublished(iso) {
  const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?)?$/.exec(iso ?? '');
  if (!m) return iso ?? '';
  const [, y, mo, d, h, mi, s, zone] = m;
  const wall = new Date(Date.UTC(+y, +mo - 1, +(d ?? 1), +(h ?? 0), +(mi ?? 0), +(s ?? 0)));
  if (!d) return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(wall);
  const date = { dateStyle: 'long', timeZone: 'UTC' };
  if (h === undefined) return new Intl.DateTimeFormat(locale, date).format(wall);
  const shown = new Intl.DateTimeFormat(locale, { ...date, timeStyle: s === undefined ? 'short' : 'medium' }).format(wall);
  const offset = zone === 'Z' ? '+00:00' : zone?.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return !offset || offset === '+08:00' ? shown : `${shown} UTC${offset.replace('-', '−')}`;
}
