// The page's reading of an Article, made in the worker (worker.js) beside the whole Article: what
// the structured view draws first (bounded, however large the page), the next slices when the
// reader asks for more, which blocks each drawn field came from, and the exports (JSON with its
// provenance, JSON Lines). Pure functions of the Article and the text its spans index; no DOM.
//
// Where a field came from: the content's blocks (paragraphs, subheadings, lists, tables, figures …)
// carry their spans, and come from the blocks inside them; item titles, item summaries and section
// headings each have one block of their role, in order (the parser keeps that promise; when the
// counts differ, the block is looked up by its text instead). Names, the outlet, the site, the
// date and the tags are looked up by their text in the blocks of the roles they come from, a
// bounded number of blocks each; what the markup alone gives (a description, a picture's address)
// has no block.

/** The roles of blocks, in reading order (the legend's order); blocks travel as indices into it. */
export const ROLES = [
  'navigation', 'breadcrumb', 'title', 'byline', 'body',
  'sectionHeading', 'itemTitle', 'itemSummary', 'footer', 'other',
];
const ROLE_INDEX = Object.fromEntries(ROLES.map((r, i) => [r, i]));

/** How much is drawn at first and per "show more", and how far the origin look-ups reach. */
export const LIMITS = {
  body: 60, // blocks of the content (paragraphs, lists, figures …)
  sections: 12,
  items: 8, // per section
  hits: 12, // blocks lit for one field at most
  scan: 5000, // blocks read for one look-up at most
};

/** The blocks as one array of (role index, start, end) triples, to transfer without copying. */
export function packBlocks(blocks) {
  const packed = new Uint32Array(blocks.length * 3);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    packed[3 * i] = ROLE_INDEX[b.role] ?? ROLE_INDEX.other;
    packed[3 * i + 1] = b.start;
    packed[3 * i + 2] = b.end;
  }
  return packed;
}

/** Whether the parser found no text at all (blocks are its non-blank lines). */
export function isEmpty(article) {
  return !article.blocks?.length;
}

/**
 * Whether the parser says the input is no page: kind "other" with a `binary` diagnostic (mostly
 * undecodable or control characters, or NUL bytes and nothing an article is made of).
 */
export function isBinary(article) {
  return article.kind === 'other' && article.diagnostics.some((d) => d.code === 'binary');
}

/** What the look-ups need, computed once per Article. */
export function indexArticle(article, text) {
  const { blocks, sections } = article;
  const byRole = Object.fromEntries(ROLES.map((r) => [r, []]));
  for (let i = 0; i < blocks.length; i++) (byRole[blocks[i].role] ?? byRole.other).push(i);
  // the ordinal of each section's first item, first summary and heading among all of them
  const firstItem = [];
  const firstSummary = [];
  const headingOrdinal = [];
  let items = 0;
  let summaries = 0;
  let headings = 0;
  for (const s of sections) {
    firstItem.push(items);
    firstSummary.push(summaries);
    headingOrdinal.push(s.heading ? headings++ : -1);
    items += s.items.length;
    for (const item of s.items) if (item.summary) summaries++;
  }
  return {
    article,
    text,
    byRole,
    firstItem,
    firstSummary,
    headingOrdinal,
    items,
    ordinal: {
      itemTitle: byRole.itemTitle.length === items,
      itemSummary: byRole.itemSummary.length === summaries,
      sectionHeading: byRole.sectionHeading.length === headings,
    },
  };
}

function blockText(ix, i) {
  const b = ix.article.blocks[i];
  return ix.text.slice(b.start, b.end);
}

/** Blocks of `roles` (in that order of preference) whose text holds `needle`, bounded. */
function find(ix, roles, needle) {
  const hits = [];
  let scanned = 0;
  for (const role of roles) {
    for (const i of ix.byRole[role]) {
      if (++scanned > LIMITS.scan || hits.length >= LIMITS.hits) break;
      if (blockText(ix, i).includes(needle)) hits.push(i);
    }
  }
  return hits.sort((a, b) => a - b);
}

/** The origin of a value that appears in its line as it is (a name, an outlet). */
function exact(ix, roles, value) {
  const blocks = find(ix, roles, value);
  return { blocks: blocks.length ? blocks : find(ix, ROLES, value).slice(0, 1), needle: value };
}

/**
 * The origin of a value a labelled line gives (摘要：…, 关键词：…, 栏目：…), or the markup alone
 * (`<meta>`: then no block): the lines outside the text that hold it, and `roles` first.
 */
function labelled(ix, value, roles = []) {
  const blocks = find(ix, [...roles, 'other', 'navigation', 'footer'], value).slice(0, 1);
  return { blocks, needle: blocks.length ? value : null };
}

/** The origin of the n-th block of `role`, or the block holding the start of `value`. */
function nth(ix, role, n, value) {
  if (ix.ordinal[role] && n >= 0) return { blocks: [ix.byRole[role][n]], needle: null };
  const probe = String(value ?? '').trim().slice(0, 24);
  return { blocks: probe ? find(ix, [role], probe).slice(0, 1) : [], needle: null };
}

/**
 * The date as the page may write it: the ISO value's numbers with any of the separators pages
 * use (2021-1-29, 2021年01月29日, 2021/1/29 13:18, 01-29 13:18 without the year).
 */
export function datePattern(iso, withYear = true) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(iso ?? '');
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  const n = (s) => `0?${Number(s)}`;
  let src = withYear ? `${y}\\s*[-/.年]\\s*${n(mo)}` : n(mo);
  if (d) src += `\\s*[-/.月]\\s*${n(d)}(?!\\d)(?:\\s*日)?`;
  else if (!withYear) return null;
  if (h) src += `(?:[\\sT,，]*${n(h)}\\s*[:：时]\\s*${mi}(?:\\s*[:：分]\\s*\\d{1,2}\\s*秒?)?)?`;
  return new RegExp(`(?<!\\d)${src}`);
}

/** The origin of the publication date: the line that writes it, and the words that do. */
function dateOrigin(ix, iso) {
  const roles = ['byline', 'title', 'other', 'body', 'navigation', 'footer'];
  for (const withYear of [true, false]) {
    const re = datePattern(iso, withYear);
    if (!re) continue;
    let scanned = 0;
    for (const role of roles) {
      for (const i of ix.byRole[role]) {
        if (++scanned > LIMITS.scan) break;
        const m = re.exec(blockText(ix, i));
        if (m) return { blocks: [i], needle: m[0] };
      }
    }
  }
  return { blocks: ix.byRole.byline.slice(0, 1), needle: null };
}

/** The blocks whose spans lie within [start, end), at most LIMITS.hits (the blocks are in order). */
function within(ix, start, end) {
  const blocks = ix.article.blocks;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const hits = [];
  for (let i = lo; i < blocks.length && blocks[i].start < end && hits.length < LIMITS.hits; i++) {
    if (blocks[i].end <= end) hits.push(i);
  }
  return hits;
}

/**
 * The content's blocks from `from`, at most `count`, each with its origin: { type, text } for a
 * paragraph, a subheading, a quote or code; { type, ordered, items } for a list; { type, rows } for
 * a table; { type, src, alt, caption } for a figure (`src` null for a caption in text).
 */
export function bodySlice(ix, from, count = LIMITS.body) {
  return ix.article.content.slice(from, from + count).map((c) => {
    const { start, end, ...block } = c;
    if (block.type === 'figure') block.href = safeLink(block.src);
    return { ...block, origin: { blocks: within(ix, start, end), needle: null } };
  });
}

/** The link a page may draw for an address from the input: only http(s), else none. */
export function safeLink(address) {
  return typeof address === 'string' && /^https?:\/\//i.test(address.trim()) ? address.trim() : null;
}

/** Items of section `s` from `from`, at most `count`, with their origins. */
export function itemSlice(ix, s, from, count = LIMITS.items) {
  const items = ix.article.sections[s].items;
  let summary = ix.firstSummary[s];
  for (const item of items.slice(0, from)) if (item.summary) summary++;
  return items.slice(from, from + count).map((item, k) => ({
    title: item.title,
    tag: item.tag,
    summary: item.summary,
    origin: nth(ix, 'itemTitle', ix.firstItem[s] + from + k, item.title),
    summaryOrigin: item.summary ? nth(ix, 'itemSummary', summary++, item.summary) : null,
  }));
}

/** Sections from `from`, at most `count`, each with its first items. */
export function sectionSlice(ix, from, count = LIMITS.sections, items = LIMITS.items) {
  return ix.article.sections.slice(from, from + count).map((section, k) => {
    const s = from + k;
    return {
      index: s,
      heading: section.heading,
      origin: section.heading ? nth(ix, 'sectionHeading', ix.headingOrdinal[s], section.heading) : null,
      itemCount: section.items.length,
      items: itemSlice(ix, s, 0, items),
    };
  });
}

/** What the structured view draws first: every field, and bounded slices of the long lists. */
export function buildView(ix) {
  const a = ix.article;
  const capped = (list) => ({ blocks: list.slice(0, LIMITS.hits), needle: null });
  return {
    kind: a.kind,
    title: a.title,
    authors: a.authors.map((name) => ({ text: name, origin: exact(ix, ['byline', 'body', 'title', 'other'], name) })),
    source: a.source && { text: a.source, origin: exact(ix, ['byline', 'body', 'footer', 'other'], a.source) },
    published: a.published && { text: a.published, origin: dateOrigin(ix, a.published) },
    editors: a.editors.map((name) => ({ text: name, origin: exact(ix, ['byline', 'footer', 'other', 'body'], name) })),
    site: a.site && { text: a.site, origin: exact(ix, ['breadcrumb', 'navigation', 'title', 'other'], a.site) },
    breadcrumb: a.breadcrumb,
    dateline: a.dateline && { ...a.dateline, origin: exact(ix, ['body', 'byline'], a.dateline.text) },
    description: a.description && { text: a.description, origin: labelled(ix, a.description.slice(0, 24)) },
    tags: a.tags.map((tag) => ({ text: tag, origin: labelled(ix, tag) })),
    category: a.category && { text: a.category, origin: labelled(ix, a.category, ['breadcrumb']) },
    language: a.language,
    url: a.url && { text: a.url, href: safeLink(a.url), host: a.host },
    image: a.image && { ...a.image, href: safeLink(a.image.src) },
    diagnostics: a.diagnostics,
    origins: { title: capped(ix.byRole.title), breadcrumb: capped(ix.byRole.breadcrumb) },
    counts: {
      body: a.body.length,
      content: a.content.length,
      figures: a.figures.length,
      sections: a.sections.length,
      items: ix.items,
      blocks: a.blocks.length,
    },
    body: bodySlice(ix, 0),
    sections: sectionSlice(ix, 0),
    // the place for the fields the package adds later (images, tags …): everything the view does
    // not draw above is listed by name here, so that a new field shows up rather than vanishes
    more: Object.keys(a).filter((k) => !DRAWN.has(k) && a[k] !== null && !(Array.isArray(a[k]) && !a[k].length)),
  };
}

/** The Article's keys the structured view draws (the rest are named under "more fields"). */
const DRAWN = new Set([
  'kind', 'title', 'description', 'authors', 'source', 'published', 'editors', 'site', 'url', 'host', 'language',
  'category', 'tags', 'breadcrumb', 'dateline', 'image', 'body', 'content', 'figures', 'sections', 'blocks',
  'diagnostics',
]);

// ---- exports ------------------------------------------------------------------------------------

/**
 * Where an export came from: the file's name, the encoding it was read in, the page's URL when
 * the Article gives one, and xinwen's version when the package tells it. Unknown entries are left out.
 */
export function provenance({ file, encoding, url, version }) {
  const p = {};
  if (file) p.file = file;
  if (encoding) p.encoding = encoding;
  if (typeof url === 'string' && url) p.url = url;
  if (version) p.xinwen = version;
  return p;
}

/**
 * The export formats, by the name the page offers them under; each gives the file's text from the
 * Article, its origin and the parser (`xinwen`, the package's module, for what the core writes).
 */
export const FORMATS = {
  json: {
    extension: 'json',
    type: 'application/json',
    /** The Article as the command line prints it with --pretty, its provenance first. */
    write: (article, origin) => `${JSON.stringify(withProvenance(article, origin), null, 2)}\n`,
  },
  markdown: {
    extension: 'md',
    type: 'text/markdown',
    /** The article as Markdown, as the command line prints it with --output markdown. */
    write: (article, origin, xinwen) => xinwen.toMarkdown(article),
  },
};

/** One line of a JSON Lines export: the Article, its provenance first. */
export function jsonLine(article, origin) {
  return `${JSON.stringify(withProvenance(article, origin))}\n`;
}

function withProvenance(article, origin) {
  const p = provenance({ ...origin, url: article.url });
  return Object.keys(p).length ? { provenance: p, ...article } : article;
}

/**
 * A file name from the article's date and title (`2021-09-03-青山区全力冲刺三季度目标任务`), or
 * `fallback` without a title. Characters file systems refuse become `-`; at most 60 characters.
 */
export function fileStem(article, fallback = 'xinwen') {
  const title = String(article?.title ?? '')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .replace(/^[.\s-]+|[.\s-]+$/g, '');
  if (!title) return fallback;
  const date = /^\d{4}-\d{2}-\d{2}/.exec(article.published ?? '')?.[0];
  return date ? `${date}-${title}` : title;
}
