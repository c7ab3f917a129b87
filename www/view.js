// Draws an Article: the structured view, the input tinted by block role, the legend, and the link
// from a field back to the blocks it came from.
//
// In: the Article (and the input text its spans point into). Out: DOM nodes. Rule: text that
// comes from the input is only ever inserted as text (textContent / text nodes), never as markup.

import { ROLES, t, roleName, noteText, formatNumber, formatPublished, formatSize } from './i18n.js';

/** At most this many body paragraphs are drawn (the JSON always has all). */
export const MAX_PARAGRAPHS = 300;
/** At most this many items per section are drawn. */
export const MAX_ITEMS = 200;
/** The annotated view draws the input up to this many UTF-16 units. */
export const MAX_ANNOTATED = 200_000;

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

/** The legend: one swatch per role. */
export function renderLegend(container) {
  container.replaceChildren();
  for (const role of ROLES) {
    const item = el('span', `legend-item role-${role}`);
    item.append(el('span', 'swatch'), document.createTextNode(roleName(role)));
    container.append(item);
  }
}

/**
 * The input with every block wrapped in a <mark> tinted by its role. Returns the block elements by
 * block index (undefined past the drawn part).
 */
export function renderAnnotated(container, input, blocks) {
  container.replaceChildren();
  const byIndex = [];
  const fragment = document.createDocumentFragment();
  const limit = Math.min(input.length, MAX_ANNOTATED);
  let at = 0;
  for (let i = 0; i < blocks.length; i++) {
    const { role, start, end } = blocks[i];
    if (start < at || end < start || end > input.length) continue;
    if (start >= limit) break;
    if (start > at) fragment.append(document.createTextNode(input.slice(at, start)));
    const mark = el('mark', `blk role-${role}`, input.slice(start, end));
    mark.dataset.block = String(i);
    mark.title = roleName(role);
    fragment.append(mark);
    byIndex[i] = mark;
    at = end;
  }
  if (at < limit) fragment.append(document.createTextNode(input.slice(at, limit)));
  if (limit < input.length) fragment.append(el('span', 'capped', `\n${t('annotatedCapped', { size: formatSize(limit * 2) })}`));
  container.append(fragment);
  return byIndex;
}

/**
 * Where a field came from: indices of blocks. `find(kind, value)` looks for blocks of the
 * preferred roles containing the value's text, then any block containing it, then all blocks of
 * the first preferred role.
 */
export function makeOrigins(input, blocks) {
  const text = (i) => input.slice(blocks[i].start, blocks[i].end);
  let byRole = null; // built on the first look-up: large inputs have hundreds of thousands of blocks
  const ofRoles = (roles) => {
    if (!byRole) {
      byRole = new Map();
      blocks.forEach((b, i) => {
        if (!byRole.has(b.role)) byRole.set(b.role, []);
        byRole.get(b.role).push(i);
      });
    }
    return roles.flatMap((r) => byRole.get(r) ?? []).sort((a, b) => a - b);
  };
  const probe = (value) => String(value ?? '').trim().slice(0, 24);

  return function find(roles, value) {
    const candidates = ofRoles(roles);
    const needle = probe(value);
    if (needle) {
      const hits = candidates.filter((i) => text(i).includes(needle));
      if (hits.length) return hits;
      const anywhere = blocks.findIndex((_, i) => text(i).includes(needle));
      if (anywhere >= 0) return [anywhere];
    }
    return value === undefined ? candidates : ofRoles(roles.slice(0, 1));
  };
}

/** The year of an ISO date, as the page shows it (2021): enough to find the date's line. */
export function dateProbe(iso) {
  return /^\d{4}/.exec(iso ?? '')?.[0] ?? '';
}

function field(dl, label, value, origin) {
  const row = el('div', 'field');
  const dt = el('dt', null, label);
  const dd = zh(el('dd'));
  if (Array.isArray(value)) {
    for (const v of value) {
      const chip = el('span', 'chip', v.text);
      chip.tabIndex = 0;
      chip.dataset.origin = v.origin;
      dd.append(chip);
    }
  } else {
    dd.append(value);
    if (origin) {
      dd.tabIndex = 0;
      dd.dataset.origin = origin;
    }
  }
  row.append(dt, dd);
  dl.append(row);
}

/**
 * The structured view of `article`. Elements that stand for a field carry data-origin, a key into
 * the returned map; each entry gives { blocks (indices), needle (text to light within them, or null) }.
 */
export function renderStructure(container, article, input) {
  container.replaceChildren();
  const blocks = Array.isArray(article.blocks) ? article.blocks : [];
  const find = makeOrigins(input ?? '', blocks);
  const origins = new Map();
  let serial = 0;
  // `exact`: the value appears verbatim in its line (a name, an outlet), so it can be lit within it.
  const origin = (roles, value, exact = false) => {
    const key = `o${serial++}`;
    origins.set(key, () => ({ blocks: find(roles, value), needle: exact ? String(value) : null }));
    return key;
  };

  const head = el('div', 'headline-wrap');
  const h = el('h3', 'headline', article.title ?? t('noTitle'));
  if (!article.title) h.classList.add('missing');
  else {
    zh(h);
    h.tabIndex = 0;
    h.dataset.origin = origin(['title']);
  }
  head.append(h);
  container.append(head);

  const dl = el('dl', 'fields');
  if (article.authors?.length) {
    field(dl, t('authors'), article.authors.map((a) => ({ text: a, origin: origin(['byline', 'body'], a, true) })));
  }
  if (article.source) field(dl, t('source'), document.createTextNode(article.source), origin(['byline', 'body', 'footer'], article.source, true));
  if (article.published) {
    const time = el('time', 'published', formatPublished(article.published));
    time.dateTime = article.published;
    const iso = el('span', 'iso', article.published);
    const wrap = document.createDocumentFragment();
    wrap.append(time, iso);
    field(dl, t('published'), wrap, origin(['byline', 'title', 'other'], dateProbe(article.published)));
  }
  if (article.editors?.length) {
    field(dl, t('editors'), article.editors.map((e) => ({ text: e, origin: origin(['byline', 'footer', 'other', 'body'], e, true) })));
  }
  if (article.site) field(dl, t('site'), document.createTextNode(article.site), origin(['breadcrumb', 'navigation'], article.site, true));
  if (dl.childElementCount) container.append(dl);

  if (article.breadcrumb?.length) {
    const nav = el('nav', 'crumbs');
    nav.setAttribute('aria-label', t('breadcrumb'));
    nav.dataset.origin = origin(['breadcrumb']);
    nav.tabIndex = 0;
    const label = el('span', 'crumbs-label', t('breadcrumb'));
    const ol = zh(el('ol'));
    for (const part of article.breadcrumb) ol.append(el('li', null, part));
    nav.append(label, ol);
    container.append(nav);
  }

  if (article.body?.length) {
    const sec = el('section', 'body');
    const h4 = el('h4', 'group-heading', t('body'));
    h4.append(el('span', 'count', t('paragraphs', { n: formatNumber(article.body.length) })));
    sec.append(h4);
    for (const p of article.body.slice(0, MAX_PARAGRAPHS)) {
      const para = zh(el('p', 'para', p));
      para.dataset.origin = origin(['body'], p);
      sec.append(para);
    }
    if (article.body.length > MAX_PARAGRAPHS) {
      sec.append(el('p', 'more', t('moreParagraphs', { n: formatNumber(article.body.length - MAX_PARAGRAPHS) })));
    }
    container.append(sec);
  }

  if (article.sections?.length) {
    const wrap = el('section', 'sections');
    wrap.append(el('h4', 'group-heading', t('sections')));
    for (const s of article.sections) {
      const box = el('section', 'sec');
      const title = el('h5', 'sec-heading', s.heading ?? t('untitledSection'));
      if (s.heading) {
        zh(title);
        title.tabIndex = 0;
        title.dataset.origin = origin(['sectionHeading'], s.heading);
      } else title.classList.add('missing');
      box.append(title);
      if (!s.items?.length) box.append(el('p', 'more', t('noItems')));
      else {
        const ul = zh(el('ul', 'items'));
        for (const item of s.items.slice(0, MAX_ITEMS)) {
          const li = el('li', 'item');
          const line = el('div', 'item-line');
          line.tabIndex = 0;
          line.dataset.origin = origin(['itemTitle'], item.title);
          if (item.tag) line.append(el('span', 'tag', item.tag));
          line.append(el('span', 'item-title', item.title));
          li.append(line);
          if (item.summary) {
            const sum = el('p', 'item-summary', item.summary);
            sum.dataset.origin = origin(['itemSummary'], item.summary);
            li.append(sum);
          }
          ul.append(li);
        }
        box.append(ul);
        if (s.items.length > MAX_ITEMS) box.append(el('p', 'more', t('moreItems', { n: formatNumber(s.items.length - MAX_ITEMS) })));
      }
      wrap.append(box);
    }
    container.append(wrap);
  }

  if (article.diagnostics?.length) {
    const notes = el('aside', 'notes');
    notes.append(el('h4', 'group-heading', t('notes')));
    const ul = el('ul');
    for (const d of article.diagnostics) {
      const li = el('li', 'note');
      const text = el('span', 'note-text', noteText(d));
      if (text.textContent !== d.message) text.title = d.message;
      li.append(text, el('code', 'note-code', d.code));
      ul.append(li);
    }
    notes.append(ul);
    container.append(notes);
  }

  return origins;
}

/** The empty state, shown before there is any input. */
export function renderEmpty(container) {
  container.replaceChildren();
  const box = el('div', 'empty');
  box.append(el('p', 'empty-title', t('emptyTitle')), el('p', 'empty-text', t('emptyText')));
  container.append(box);
}

/** A short message in place of the structure (loading, failure). */
export function renderMessage(container, text, kind = 'info') {
  container.replaceChildren(el('p', `message ${kind}`, text));
}

/** JSON longer than this is shown plain (colouring would cost more than it helps). */
export const MAX_JSON_COLOURED = 150_000;

/**
 * Pretty JSON text into `pre`, keys, strings, numbers and literals coloured. Every token goes in
 * as text; the concatenation of the pieces is exactly `text`.
 */
export function renderJson(pre, text) {
  pre.replaceChildren();
  if (text.length > MAX_JSON_COLOURED) {
    pre.textContent = text;
    return;
  }
  const fragment = document.createDocumentFragment();
  const token = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
  let at = 0;
  for (const m of text.matchAll(token)) {
    if (m.index > at) fragment.append(document.createTextNode(text.slice(at, m.index)));
    if (m[1] !== undefined) {
      fragment.append(el('span', m[2] ? 'j-key' : 'j-str', m[1]));
      if (m[2]) fragment.append(document.createTextNode(m[2]));
    } else fragment.append(el('span', m[3] ? 'j-lit' : 'j-num', m[0]));
    at = m.index + m[0].length;
  }
  if (at < text.length) fragment.append(document.createTextNode(text.slice(at)));
  pre.append(fragment);
}
