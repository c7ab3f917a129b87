// Interface text, Chinese first, with English. In: a key (and values to fill in). Out: the string
// in the current language. Static elements name their key in data-i18n (text),
// data-i18n-placeholder and data-i18n-aria (aria-label); `applyStatic` fills them in.

/** The interface strings, by language. */
export const STRINGS = {
  zh: {
    appName: '新闻结构',
    tagline: '粘贴或拖入一篇新闻网页，看清它的结构，把数据带走。',
    skip: '跳到输入框',
    input: '输入',
    inputView: '输入视图',
    edit: '编辑',
    annotated: '标注',
    samples: '示例',
    open: '打开文件',
    clear: '清空',
    inputLabel: '新闻网页的文本或 HTML',
    placeholder: '在这里粘贴新闻网页的文本或 HTML，或把 .txt / .html 文件拖进来……',
    annotatedLabel: '按角色着色的原文',
    largePlaceholder: '已载入 {size} 的文本（{n} 字符）：太大，这里不显示全文，请在「标注」中查看。在这里输入或粘贴将替换它。',
    dropHere: '松开即可打开文件',
    legendLabel: '颜色图例',
    result: '结果',
    resultView: '结果视图',
    structure: '结构',
    copy: '复制',
    download: '下载 .json',
    copied: '已复制到剪贴板',
    copyFailed: '复制失败，请在下方手动选择',
    downloaded: '已下载 {name}',
    privacy: '全部在你的浏览器里运行：不上传、不联网。',
    switchLang: 'Switch to English',
    otherLang: 'English',
    emptyTitle: '从一篇新闻开始',
    emptyText: '在左侧粘贴新闻网页的文字（从浏览器复制即可）或 HTML，或者点一个示例。',
    loading: '正在加载解析器……',
    loadFailed: '解析器加载失败：{message}',
    parseFailed: '无法解析：{message}',
    parsing: '解析中……',
    headline: '标题',
    noTitle: '（未找到标题）',
    authors: '作者',
    source: '来源',
    published: '发布时间',
    editors: '责任编辑',
    site: '网站',
    breadcrumb: '位置',
    body: '正文',
    paragraphs: '{n} 段',
    sections: '相关板块',
    untitledSection: '（无标题列表）',
    noItems: '（没有条目）',
    notes: '提示',
    moreParagraphs: '另有 {n} 段未显示（完整内容见 JSON）。',
    moreItems: '另有 {n} 条未显示。',
    chars: '{n} 字符',
    parseMs: '解析 {ms} 毫秒',
    inWorker: '后台线程',
    onMain: '主线程',
    blocksCount: '{n} 个块',
    fileInfo: '文件 {name}（{size}）',
    annotatedCapped: '……标注视图只显示前 {size}，其余部分请在「编辑」中查看。',
    hoverHint: '提示：切换到「标注」，把鼠标移到右侧字段上，即可看到它在原文中的出处。',
    jsonCapped: '（为保持流畅，这里只显示前 {size}；复制和下载得到完整 JSON。）',
    notDecodable: '这个文件的编码无法在页面里显示，结果仍按解析器的解码给出。',
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
    // The parser's diagnostic codes, said in Chinese (its own messages are English).
    noteText: {
      'no-title': '没有哪一行像是标题。',
      'no-date': '标题附近没有找到发布时间。',
      'date-in-future': '发布时间晚于今天，请核对。',
      'no-body': '没有找到成段的正文：这也许不是一篇文章。',
      listing: '正文很短：这更像列表页或目录页，而不是文章。',
    },
    sampleNames: {
      'county-meeting': '县区会议',
      'agency-dateline': '通讯社电头',
      'portal-layout': '门户网站',
    },
  },
  en: {
    appName: 'News structure',
    tagline: 'Paste or drop a Chinese news page, see its structure, take the data away.',
    skip: 'Skip to the input',
    input: 'Input',
    inputView: 'Input view',
    edit: 'Edit',
    annotated: 'Annotated',
    samples: 'Samples',
    open: 'Open file',
    clear: 'Clear',
    inputLabel: 'Text or HTML of a news page',
    placeholder: 'Paste the text or HTML of a news page here, or drop a .txt / .html file…',
    annotatedLabel: 'The input, tinted by role',
    largePlaceholder: 'Holding {size} of text ({n} characters): too large to show here; see “Annotated”. Typing or pasting here replaces it.',
    dropHere: 'Drop to open the file',
    legendLabel: 'Colour legend',
    result: 'Result',
    resultView: 'Result view',
    structure: 'Structure',
    copy: 'Copy',
    download: 'Download .json',
    copied: 'Copied to the clipboard',
    copyFailed: 'Could not copy; select the text below instead',
    downloaded: 'Downloaded {name}',
    privacy: 'Runs entirely in your browser: nothing is uploaded, nothing is fetched from elsewhere.',
    switchLang: '切换到中文',
    otherLang: '中文',
    emptyTitle: 'Start with a news page',
    emptyText: 'Paste the text of a news page (as the browser copies it) or its HTML on the left, or pick a sample.',
    loading: 'Loading the parser…',
    loadFailed: 'The parser failed to load: {message}',
    parseFailed: 'Could not parse: {message}',
    parsing: 'Parsing…',
    headline: 'Headline',
    noTitle: '(no headline found)',
    authors: 'Authors',
    source: 'Source',
    published: 'Published',
    editors: 'Editors',
    site: 'Site',
    breadcrumb: 'Path',
    body: 'Body',
    paragraphs: '{n} paragraphs',
    sections: 'Sections',
    untitledSection: '(untitled list)',
    noItems: '(no items)',
    notes: 'Notes',
    moreParagraphs: '{n} more paragraphs not shown (the JSON has them all).',
    moreItems: '{n} more items not shown.',
    chars: '{n} characters',
    parseMs: 'parsed in {ms} ms',
    inWorker: 'in a worker',
    onMain: 'on the main thread',
    blocksCount: '{n} blocks',
    fileInfo: 'file {name} ({size})',
    annotatedCapped: '… the annotated view shows the first {size} only; see the rest under “Edit”.',
    hoverHint: 'Tip: switch to “Annotated” and hover a field on the right to see where it came from.',
    jsonCapped: '(Only the first {size} is shown here to stay fast; Copy and Download give the full JSON.)',
    notDecodable: 'This file’s encoding cannot be shown here; the result still uses the parser’s decoding.',
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
    sampleNames: {
      'county-meeting': 'County meeting',
      'agency-dateline': 'Agency dateline',
      'portal-layout': 'Portal page',
    },
  },
};

/** The roles of blocks, in reading order (the legend's order). */
export const ROLES = [
  'navigation', 'breadcrumb', 'title', 'byline', 'body',
  'sectionHeading', 'itemTitle', 'itemSummary', 'footer', 'other',
];

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

/** The string for `key`, with `{name}` placeholders filled from `values`. */
export function t(key, values = {}) {
  const raw = STRINGS[lang][key] ?? STRINGS.zh[key] ?? key;
  return String(raw).replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : `{${name}}`));
}

/** The name of a block role. */
export function roleName(role) {
  return STRINGS[lang].roles[role] ?? role;
}

/** A diagnostic for people: the interface language's sentence for its code, else the parser's message. */
export function noteText(diagnostic) {
  return STRINGS[lang].noteText?.[diagnostic.code] ?? diagnostic.message;
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
 * An ISO 8601 publication time, readable in the current language. A date alone is shown as that
 * calendar date (no time-zone shift); a date with a time is shown in the reader's local time.
 */
export function formatPublished(iso) {
  const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) {
    const d = new Date(Date.UTC(+dateOnly[1], +dateOnly[2] - 1, +dateOnly[3]));
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  }
  const yearMonth = /^(\d{4})-(\d{2})$/.exec(iso);
  if (yearMonth) {
    const d = new Date(Date.UTC(+yearMonth[1], +yearMonth[2] - 1, 1));
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(d);
}
