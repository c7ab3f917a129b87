// Draws what the worker sent: the structured view (bounded slices, more on request), the input
// tinted by block role, the legend, the coloured JSON.
//
// In: the view (see model.js), the text the blocks index and the blocks as (role, start, end)
// triples. Out: DOM nodes. Rules: text that comes from the input is only ever inserted as text
// (textContent, text nodes), never as markup; every element that stands for a field carries
// data-origin, a key that `register` gave for the field's origin ({ blocks, needle }), takes focus
// by script (tabIndex -1; the page keeps one of them in the tab order) and says what focusing does.

import { ROLES } from './model.js';
import { t, t2, roleName, noteText, formatNumber, formatPublished, languageName } from './i18n.js';

/** The annotated view draws the input up to this many UTF-16 units (text only: this many characters). */
export const MAX_ANNOTATED = 200_000;
/** JSON longer than this is shown plain (colouring would cost more than it helps). */
export const MAX_JSON_COLOURED = 150_000;

/** Create an element with a class and optional text (set as text, never parsed). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** Mark a node as holding Chinese page text (whatever the interface language), for fonts and screen readers. */
function zh(node) {
  node.lang = 'zh-CN';
  return node;
}

/** Make `node` stand for a field whose origin is `origin`. */
function linked(node, origin, register) {
  if (!origin) return node;
  node.dataset.origin = register(origin);
  node.tabIndex = -1;
  node.setAttribute('aria-describedby', 'origin-help');
  return node;
}

/** The legend: one swatch per role. */
export function renderLegend(container) {
  container.replaceChildren();
  for (const role of ROLES) {
    const item = el('span', `legend-item role-${role}`);
    item.append(el('span', 'swatch'), document.createTextNode(roleName(role)));
    container.append(item);
  }
}

// ---- the annotated input ------------------------------------------------------------------------

const ENTITIES = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", middot: '·', mdash: '—', hellip: '…', ldquo: '“', rdquo: '”' };

/** A stretch of HTML as a reader sees its text: tags left out, common entities as characters, no control characters. */
function readable(html) {
  return html
    .replace(/<!--[\s\S]*?-->|<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** The annotated view is made of chunks of about this many characters, laid out only when on screen. */
const CHUNK = 3_000;
/** Characters drawn per step: the first step at once, the others in later tasks. */
const STEP = 24_000;

/**
 * The input with every block in a <mark> tinted by its role. `mode`: 'verbatim' draws the input
 * as it is (up to MAX_ANNOTATED units); 'text' draws only the blocks, one a line, as a reader sees
 * their text (an HTML page without its markup). The drawing is cut into chunks at line ends; a
 * chunk off screen is not laid out (content-visibility). It is built in steps: the first screens
 * at once, the rest in later tasks, so that a long view never holds the page up; the container's
 * data-complete turns "true" at the end. Returns the marks by block index (filled as the steps
 * go) and `stop()`, which ends the building early.
 */
export function renderAnnotated(container, text, blocks, mode = 'verbatim') {
  container.replaceChildren();
  container.dataset.complete = 'false';
  const marks = new Map();
  const count = blocks.length / 3;
  const limit = Math.min(text.length, MAX_ANNOTATED);
  let chunk = null;
  let size = 0;
  let drawn = 0; // characters drawn so far
  let i = 0; // the next block
  let at = 0; // verbatim: where the text drawn so far ends
  let stopped = false;

  const newChunk = () => {
    chunk = el('div', 'chunk');
    container.append(chunk);
    size = 0;
  };
  /** Add text between blocks; past a chunk's size, a new chunk starts after its last line end. */
  const gap = (s) => {
    drawn += s.length;
    const cut = size > CHUNK ? s.lastIndexOf('\n') : -1;
    if (cut < 0) {
      chunk.append(s);
      size += s.length;
      return;
    }
    chunk.append(s.slice(0, cut + 1));
    newChunk();
    if (cut + 1 < s.length) chunk.append(s.slice(cut + 1));
  };
  const mark = (b, content) => {
    const role = ROLES[blocks[3 * b]];
    const m = el('mark', `blk role-${role}`, content);
    m.title = roleName(role);
    marks.set(b, m);
    chunk.append(m);
    size += content.length;
    drawn += content.length;
  };
  const finish = (capped) => {
    if (capped) chunk.append(el('span', 'capped', `\n${t('annotatedCapped', { n: formatNumber(MAX_ANNOTATED) })}`));
    container.dataset.complete = 'true';
  };

  const step = () => {
    if (stopped) return;
    const until = drawn + STEP;
    if (mode === 'text') {
      for (; i < count && drawn < until; i++) {
        if (drawn > MAX_ANNOTATED) return finish(true);
        const shown = readable(text.slice(blocks[3 * i + 1], blocks[3 * i + 2])).trim();
        if (!shown) continue;
        mark(i, shown);
        gap('\n');
      }
      if (i >= count) return finish(false);
    } else {
      for (; i < count && drawn < until; i++) {
        const start = blocks[3 * i + 1];
        const end = blocks[3 * i + 2];
        if (start >= limit) break;
        if (start < at || end < start || end > text.length) continue;
        if (start > at) gap(text.slice(at, start));
        mark(i, text.slice(start, end));
        at = end;
      }
      if (i >= count || blocks[3 * i + 1] >= limit) {
        if (at < limit) gap(text.slice(at, limit));
        return finish(limit < text.length);
      }
    }
    setTimeout(step, 0);
  };

  newChunk();
  if (mode === 'text') chunk.append(el('span', 'annotated-note', `${t('htmlTextNote')}\n\n`));
  step();
  return {
    marks,
    stop() {
      stopped = true;
    },
  };
}

// ---- the structured view --------------------------------------------------------------------------

function field(dl, label, value, origin, register) {
  const row = el('div', 'field');
  const dd = zh(el('dd'));
  if (Array.isArray(value)) {
    for (const v of value) dd.append(linked(el('span', 'chip', v.text), v.origin, register));
  } else {
    dd.append(value);
    linked(dd, origin, register);
  }
  row.append(el('dt', null, label), dd);
  dl.append(row);
}

function moreButton(kind, shown, total, step, extra = {}) {
  const key = { body: 'showMoreParagraphs', sections: 'showMoreSections', items: 'showMoreItems' }[kind];
  const b = el('button', 'btn more-btn', t(key, { n: formatNumber(Math.min(step, total - shown)), total: formatNumber(total) }));
  b.type = 'button';
  b.dataset.more = kind;
  b.dataset.from = String(shown);
  for (const [k, v] of Object.entries(extra)) b.dataset[k] = String(v);
  return b;
}

/**
 * A link to an address from the input, drawn as text: it opens only when the reader follows it (the
 * page loads nothing from other origins, so no picture is fetched). `href` is an http(s) address
 * or null (then the text alone).
 */
function outLink(href, text, className) {
  if (!href) return el('span', className, text);
  const a = el('a', className, text);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer nofollow';
  a.referrerPolicy = 'no-referrer';
  return a;
}

/** A picture as a link with its alternative text (or its file's name), never as an image. */
function pictureLink(src, href, alt) {
  const name = alt || decodeURIComponent(String(src).split(/[?#]/)[0].split('/').pop() || '') || src;
  const link = outLink(href, name, 'picture-link');
  if (href) link.title = src;
  return link;
}

/** One block of the content (see model.js bodySlice) as its element. */
function contentBlock(b) {
  switch (b.type) {
    case 'subheading':
      return zh(el('h5', 'subheading', b.text));
    case 'list': {
      const list = zh(el(b.ordered ? 'ol' : 'ul', 'content-list'));
      for (const item of b.items) list.append(el('li', null, item));
      return list;
    }
    case 'quote':
      return zh(el('blockquote', 'content-quote', b.text));
    case 'code':
      return el('pre', 'content-code', b.text);
    case 'table': {
      const table = zh(el('table', 'content-table'));
      b.rows.forEach((row, k) => {
        const tr = el('tr');
        for (const cell of row) tr.append(el(k === 0 ? 'th' : 'td', null, cell));
        table.append(tr);
      });
      const wrap = el('div', 'table-wrap');
      wrap.append(table);
      return wrap;
    }
    case 'figure': {
      const figure = zh(el('figure', 'content-figure'));
      const mark = el('span', 'figure-mark', t('figure'));
      mark.setAttribute('aria-hidden', 'true');
      figure.append(mark);
      if (b.src) figure.append(pictureLink(b.src, b.href, b.alt));
      if (b.caption) figure.append(el('figcaption', null, b.caption));
      return figure;
    }
    default:
      return zh(el('p', 'para', b.text));
  }
}

/** Append blocks of the content to the body section (before its "show more" button, which is replaced). */
export function appendParagraphs(section, slice, total, step, register) {
  section.querySelector(':scope > .more-btn')?.remove();
  for (const b of slice) {
    const node = linked(contentBlock(b), b.origin?.blocks.length ? b.origin : null, register);
    node.dataset.block = b.type;
    section.append(node);
  }
  const shown = section.querySelectorAll(':scope > [data-block]').length;
  if (shown < total) section.append(moreButton('body', shown, total, step));
}

/** Append items to a section's list. */
export function appendItems(box, slice, total, step, register) {
  box.querySelector(':scope > .more-btn')?.remove();
  let ul = box.querySelector(':scope > ul.items');
  if (!ul) {
    ul = zh(el('ul', 'items'));
    box.append(ul);
  }
  for (const item of slice) {
    const li = el('li', 'item');
    const line = linked(el('div', 'item-line'), item.origin, register);
    if (item.tag) line.append(el('span', 'tag', item.tag));
    line.append(el('span', 'item-title', item.title));
    li.append(line);
    if (item.summary) li.append(linked(el('p', 'item-summary', item.summary), item.summaryOrigin, register));
    ul.append(li);
  }
  const shown = ul.childElementCount;
  if (shown < total) box.append(moreButton('items', shown, total, step, { section: box.dataset.section }));
}

/** Append sections to the sections group; a section without items is one line, not a box. */
export function appendSections(wrap, slice, total, steps, register) {
  wrap.querySelector(':scope > .more-btn')?.remove();
  for (const s of slice) {
    const heading = s.heading ? linked(zh(el('h5', 'sec-heading', s.heading)), s.origin, register) : el('h5', 'sec-heading missing', t('untitledSection'));
    if (!s.itemCount) {
      const line = el('div', 'sec-empty');
      line.dataset.section = String(s.index);
      line.append(heading, el('span', 'count', t('noItems')));
      wrap.append(line);
      continue;
    }
    const box = el('section', 'sec');
    box.dataset.section = String(s.index);
    box.dataset.items = String(s.itemCount);
    heading.append(el('span', 'count', formatNumber(s.itemCount)));
    box.append(heading);
    wrap.append(box);
    appendItems(box, s.items, s.itemCount, steps.items, register);
  }
  const shown = wrap.querySelectorAll(':scope > [data-section]').length;
  if (shown < total) wrap.append(moreButton('sections', shown, total, steps.sections));
}

/**
 * The structured view of `view` (see model.js buildView). `register(origin)` gives the key that
 * data-origin carries; `steps` says how many paragraphs, sections and items "show more" adds.
 */
export function renderStructure(container, view, register, steps) {
  container.replaceChildren();
  const head = el('div', 'headline-wrap');
  const h = el('h3', 'headline', view.title ?? t('noTitle'));
  if (!view.title) h.classList.add('missing');
  else linked(zh(h), view.origins.title, register);
  head.append(h);
  container.append(head);

  const dl = el('dl', 'fields');
  field(dl, t('kind'), document.createTextNode(t2('kinds', view.kind)), null, register);
  if (view.authors.length) field(dl, t('authors'), view.authors, null, register);
  if (view.source) field(dl, t('source'), document.createTextNode(view.source.text), view.source.origin, register);
  if (view.published) {
    const time = el('time', 'published', formatPublished(view.published.text));
    time.dateTime = view.published.text;
    const wrap = document.createDocumentFragment();
    wrap.append(time, el('span', 'iso', view.published.text));
    field(dl, t('published'), wrap, view.published.origin, register);
  }
  if (view.dateline) {
    const d = view.dateline;
    const wrap = document.createDocumentFragment();
    wrap.append(el('span', 'dateline-text', d.text));
    const parts = [d.agency, d.place, d.date].filter(Boolean).join(' · ');
    if (parts) wrap.append(el('span', 'iso', t('datelineParts', { parts })));
    field(dl, t('dateline'), wrap, d.origin, register);
  }
  if (view.editors.length) field(dl, t('editors'), view.editors, null, register);
  if (view.site) field(dl, t('site'), document.createTextNode(view.site.text), view.site.origin, register);
  if (view.category) field(dl, t('category'), document.createTextNode(view.category.text), view.category.origin, register);
  if (view.tags.length) field(dl, t('tags'), view.tags, null, register);
  if (view.description) field(dl, t('description'), document.createTextNode(view.description.text), view.description.origin, register);
  if (view.image) {
    const wrap = document.createDocumentFragment();
    wrap.append(pictureLink(view.image.src, view.image.href, view.image.alt));
    if (view.image.caption) wrap.append(el('span', 'iso', view.image.caption));
    field(dl, t('leadImage'), wrap, null, register);
  }
  if (view.url) {
    const wrap = document.createDocumentFragment();
    wrap.append(outLink(view.url.href, view.url.text, 'url-link'));
    field(dl, t('url'), wrap, null, register);
  }
  if (view.language) {
    const wrap = document.createDocumentFragment();
    wrap.append(languageName(view.language), el('span', 'iso', view.language));
    field(dl, t('language'), wrap, null, register);
  }
  container.append(dl);

  if (view.breadcrumb.length) {
    const nav = linked(el('nav', 'crumbs'), view.origins.breadcrumb, register);
    nav.setAttribute('aria-label', t('breadcrumb'));
    const ol = zh(el('ol'));
    for (const part of view.breadcrumb) ol.append(el('li', null, part));
    nav.append(el('span', 'crumbs-label', t('breadcrumb')), ol);
    container.append(nav);
  }

  if (view.counts.content) {
    const sec = el('section', 'body');
    const h4 = el('h4', 'group-heading', t('body'));
    const counted = t('paragraphs', { n: formatNumber(view.counts.body) });
    const figures = view.counts.figures ? ` · ${t('figures', { n: formatNumber(view.counts.figures) })}` : '';
    h4.append(el('span', 'count', counted + figures));
    sec.append(h4);
    appendParagraphs(sec, view.body, view.counts.content, steps.body, register);
    container.append(sec);
  }

  if (view.counts.sections) {
    const wrap = el('section', 'sections');
    const h4 = el('h4', 'group-heading', t('sections'));
    h4.append(el('span', 'count', t('sectionsCount', { n: formatNumber(view.counts.sections) })));
    wrap.append(h4);
    appendSections(wrap, view.sections, view.counts.sections, steps, register);
    container.append(wrap);
  }

  if (view.more.length) container.append(el('p', 'more-fields', t('moreFields', { names: view.more.join(', ') })));

  const notes = view.diagnostics.filter((d) => d.code !== 'encoding');
  if (notes.length) {
    const aside = el('aside', 'notes');
    aside.setAttribute('aria-label', t('notes'));
    aside.append(el('h4', 'group-heading', t('notes')));
    const ul = el('ul');
    for (const d of notes) {
      const li = el('li', 'note');
      const text = el('span', 'note-text', noteText(d));
      if (text.textContent !== d.message) text.title = d.message;
      li.append(text, el('code', 'note-code', d.code));
      ul.append(li);
    }
    aside.append(ul);
    container.append(aside);
  }
}

/** The empty state, shown before there is any input. */
export function renderEmpty(container) {
  container.replaceChildren();
  const box = el('div', 'empty');
  box.append(el('p', 'empty-title', t('emptyTitle')), el('p', 'empty-text', t('emptyText')));
  container.append(box);
}

/** A short message in place of the structure (loading, a refusal, a failure). */
export function renderMessage(container, text, kind = 'info') {
  container.replaceChildren(el('p', `message ${kind}`, text));
}

/**
 * Pretty JSON text into `container`: keys, strings, numbers and literals coloured (up to
 * MAX_JSON_COLOURED characters; plain beyond), in chunks of lines laid out only when on screen,
 * built in steps like the annotated view (data-complete turns "true" at the end). Every token goes
 * in as text; the concatenation of the pieces is exactly `text`. Returns `stop()`.
 */
export function renderJson(container, text, after = null) {
  container.replaceChildren();
  container.dataset.complete = 'false';
  const colour = text.length <= MAX_JSON_COLOURED;
  const token = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
  const piece = (part) => {
    const chunk = el('div', 'chunk');
    if (!colour) {
      chunk.textContent = part;
      return chunk;
    }
    let at = 0;
    for (const m of part.matchAll(token)) {
      if (m.index > at) chunk.append(part.slice(at, m.index));
      if (m[1] !== undefined) {
        chunk.append(el('span', m[2] ? 'j-key' : 'j-str', m[1]));
        if (m[2]) chunk.append(m[2]);
      } else chunk.append(el('span', m[3] ? 'j-lit' : 'j-num', m[0]));
      at = m.index + m[0].length;
    }
    if (at < part.length) chunk.append(part.slice(at));
    return chunk;
  };
  let at = 0;
  let stopped = false;
  const step = () => {
    if (stopped) return;
    const until = at + STEP;
    while (at < text.length && at < until) {
      // a chunk ends at a line end: pretty JSON never breaks a token over lines
      const cut = text.indexOf('\n', at + CHUNK);
      const end = cut < 0 ? text.length : cut + 1;
      container.append(piece(text.slice(at, end)));
      at = end;
    }
    if (at < text.length) setTimeout(step, 0);
    else {
      if (after) container.append(after);
      container.dataset.complete = 'true';
    }
  };
  step();
  return {
    stop() {
      stopped = true;
    },
  };
}
