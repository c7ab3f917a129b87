// The page: input (typing, pasting, files, folders, samples, a shared link) → the parser in a
// worker → the views. It only forwards; the parser decides everything about the text.
//
// In: user actions. Out: the structured view (bounded; more on request), the annotated input, the
// JSON (copy, download, a view of bounded size), a batch list with a JSON Lines download, times
// and sizes. Input-derived text is only ever inserted as text (see view.js).

import {
  applyStatic, currentLang, encodingText, formatDuration, formatNumber, formatPublished, formatSize, sampleName, setLang, t, t2,
} from './i18n.js';
import { Engine, Superseded, version } from './engine.js';
import { LIMITS } from './model.js';
import {
  appendItems, appendParagraphs, appendSections, el, renderAnnotated, renderEmpty, renderJson, renderLegend, renderMessage,
  renderStructure,
} from './view.js';

/** The bundled samples (pages we wrote ourselves, in the styles news sites use). */
const SAMPLES = ['county-meeting', 'agency-dateline', 'portal-layout'];
/** The JSON view shows at most this many bytes of JSON; Download always gives everything. */
const MAX_JSON_VIEW = 400_000;
/**
 * Inputs longer than this (UTF-16 units) are held by the page but not put in the textarea: a
 * browser's textarea needs seconds to lay out and edit megabytes, which would freeze the page.
 */
const LARGE_INPUT = 500_000;
/** Typing is parsed once it pauses this long (longer for long texts); a paste or a file at once. */
const TYPING_PAUSE = 160;
const TYPING_PAUSE_LONG = 400;
const LONG_TEXT = 200_000;
/** A share link carries the text, compressed, in its fragment, up to this many characters. */
const MAX_SHARE = 16_000;
/** Files a folder or a drop may bring at most; only these kinds are read from folders. */
const MAX_FILES = 2_000;
const PAGE_FILE = /\.(txt|html?|shtml|xhtml)$/i;

const $ = (id) => document.getElementById(id);
const ui = {
  input: $('input'),
  annotated: $('annotated'),
  area: $('input-area'),
  legend: $('legend'),
  status: $('status'),
  stats: $('stats'),
  structure: $('panel-structure'),
  jsonPanel: $('panel-json'),
  json: $('json'),
  note: $('note'),
  samples: $('samples'),
  file: $('file'),
  folder: $('folder'),
  encoding: $('encoding'),
  htmlMode: $('html-mode'),
  lang: $('lang'),
  theme: $('theme'),
  busyText: $('busy-text'),
  output: $('output'),
  toast: $('toast'),
  toastText: $('toast-text'),
  announce: $('announce'),
  batch: $('batch'),
  batchTitle: $('batch-title'),
  batchList: $('batch-list'),
  batchCancel: $('batch-cancel'),
  batchDownload: $('batch-download'),
  version: $('version'),
};

/** The worker for what is shown, and the one for batches of files. */
const viewer = new Engine();
const batcher = new Engine();

const state = {
  /** The input: { kind: 'text' } (the textarea, or a large paste held here), or { kind: 'file', name, size, bytes, sample }. */
  input: { kind: 'text' },
  text: '', // what the blocks index: the text typed or pasted, or a file as decoded
  large: false, // `text` is too large for the textarea and is held here only
  encoding: 'auto',
  result: null, // the worker's reply for the input shown, with waitedMs
  origins: new Map(),
  serial: 0,
  marks: new Map(),
  annotating: null, // the annotated view being built (renderAnnotated)
  jsonView: null, // the JSON view being built (renderJson)
  annotatedFresh: true,
  htmlMode: 'text', // for HTML input: the text the parser read, or the page source
  pinned: null,
  generation: 0,
  timer: 0,
  inputView: 'edit',
  outputView: 'structure',
  json: null, // { generation, promise of { blob, stem } }
  undo: null,
  batch: null,
};

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** After the browser has drawn what the page just built. */
function painted() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** A remark under the input; empty clears it. */
function remark(text) {
  ui.status.textContent = text;
}

// ---- parsing -------------------------------------------------------------------------------------

function setState(name) {
  document.body.dataset.state = name;
  ui.structure.setAttribute('aria-busy', name === 'parsing' ? 'true' : 'false');
  const ready = name === 'done';
  for (const id of ['copy', 'download', 'copy-md', 'download-md']) $(id).disabled = !ready;
  $('share').disabled = !(ready && state.input.kind === 'text');
}

/** Forget the shown result (its origins, marks and JSON). */
function dropResult() {
  state.result = null;
  state.origins = new Map();
  state.marks = new Map();
  state.annotatedFresh = true;
  state.pinned = null;
  state.json = null;
  state.annotating?.stop();
  state.annotating = null;
  state.jsonView?.stop();
  state.jsonView = null;
  ui.annotated.replaceChildren();
  ui.json.replaceChildren();
}

/**
 * Parse the current input. `startedAt`: when the reader acted (a paste, a drop, a click, the last
 * key typed), so that the time shown is the time they waited: reading, parsing and drawing.
 */
async function submit(startedAt = performance.now(), { after } = {}) {
  const generation = ++state.generation;
  clearTimeout(state.timer);
  const file = state.input.kind === 'file' ? state.input : null;
  if (!file && !state.text) {
    viewer.cancel();
    dropResult();
    showStats();
    renderEmpty(ui.structure);
    setState('empty');
    return;
  }
  if (file && !file.size) {
    viewer.cancel();
    dropResult();
    showStats();
    renderMessage(ui.structure, t('emptyFile'));
    setState('nothing');
    return;
  }
  ui.busyText.textContent = t('parsing', { size: file ? formatSize(file.size) : t('chars', { n: formatNumber(state.text.length) }) });
  ui.stats.replaceChildren();
  setState('parsing');
  let reply;
  try {
    const options = { today: today() };
    if (file) options.encoding = state.encoding;
    reply = await viewer.parse(file ? file.bytes.slice() : state.text, options);
  } catch (error) {
    if (error instanceof Superseded || generation !== state.generation) return;
    dropResult();
    renderMessage(ui.structure, t('parseFailed', { message: error?.message ?? String(error) }), 'error');
    setState('error');
    return;
  }
  if (generation !== state.generation) return;
  // when the worker replied, in this page's time line (the long-task test measures from there)
  document.body.dataset.returned = String(Math.round(reply.postedAt - performance.timeOrigin));
  dropResult();
  state.result = reply;
  if (reply.binary) {
    if (file) holdText(''); // a file's garbage is not shown; a paste stays, to be edited
    renderMessage(ui.structure, file ? t('notText') : t('notTextPasted'), 'refusal');
    remark(file ? t('notText') : t('notTextPasted'));
    showStats();
    setState('refused');
    return;
  }
  if (reply.text !== null) holdText(reply.text);
  if (reply.empty) {
    renderMessage(ui.structure, t('nothingToParse'));
    showStats();
    setState('nothing');
    return;
  }
  showResult();
  after?.();
  await painted();
  if (generation !== state.generation) return;
  reply.waitedMs = performance.now() - startedAt;
  showStats();
  setState('done');
  if (state.outputView === 'json') showJson();
}

function scheduleTyping(startedAt) {
  clearTimeout(state.timer);
  const pause = state.text.length > LONG_TEXT ? TYPING_PAUSE_LONG : TYPING_PAUSE;
  state.timer = setTimeout(() => submit(startedAt), pause);
}

$('cancel').addEventListener('click', () => {
  if (!viewer.cancel()) return;
  state.generation++;
  dropResult();
  showStats();
  renderMessage(ui.structure, t('cancelled'));
  setState('cancelled');
  ui.input.focus();
});

// ---- showing ---------------------------------------------------------------------------------------

function register(origin) {
  const key = `o${state.serial++}`;
  state.origins.set(key, origin);
  return key;
}

const STEPS = { body: LIMITS.body, sections: LIMITS.sections, items: LIMITS.items };

function showStats() {
  ui.stats.replaceChildren();
  const r = state.result;
  const parts = [];
  if (state.input.kind === 'file') {
    const { name, size } = state.input;
    parts.push(t('fileInfo', { name, size: formatSize(size) }));
    if (r?.encodingNote) parts.push(encodingText(r.encodingNote));
  }
  if (r && !r.binary && state.text) parts.push(t('chars', { n: formatNumber(state.text.length) }));
  if (r?.waitedMs !== undefined) {
    parts.push(t('waited', { time: formatDuration(r.waitedMs) }), t('parseShare', { time: formatDuration(r.parseMs) }));
    parts.push(t('blocksCount', { n: formatNumber(r.view.counts.blocks) }));
  }
  parts.forEach((p, i) => {
    if (i) ui.stats.append(el('span', 'dot', '·'));
    ui.stats.append(el('span', 'stat', p));
  });
}

function showResult() {
  const r = state.result;
  renderStructure(ui.structure, r.view, register, STEPS);
  ui.structure.querySelector('[data-origin]')?.setAttribute('tabindex', '0');
  ui.htmlMode.hidden = r.format !== 'html';
  ui.htmlMode.textContent = state.htmlMode === 'text' ? t('htmlSource') : t('htmlText');
  state.annotatedFresh = false;
  if (state.inputView === 'annotated') showAnnotated();
  syncEncodingMenu();
}

/** Draw the annotated input when it is out of date. */
function showAnnotated() {
  if (state.annotatedFresh || !state.result || state.result.binary) return;
  state.annotatedFresh = true;
  const mode = state.result.format === 'html' && state.htmlMode === 'text' ? 'text' : 'verbatim';
  state.annotating?.stop();
  state.annotating = renderAnnotated(ui.annotated, state.text, state.result.blocks, mode);
  state.marks = state.annotating.marks;
  // an HTML page's source opens on its first block, not on its head
  if (state.result.format === 'html' && mode === 'verbatim') {
    const first = state.marks.values().next().value;
    if (first) ui.annotated.scrollTop = Math.max(0, topIn(ui.annotated, first) - 16);
  } else if (ui.annotated.scrollTop) ui.annotated.scrollTop = 0;
  if (state.pinned) light(state.pinned);
}

ui.htmlMode.addEventListener('click', () => {
  state.htmlMode = state.htmlMode === 'text' ? 'source' : 'text';
  ui.htmlMode.textContent = state.htmlMode === 'text' ? t('htmlSource') : t('htmlText');
  state.annotatedFresh = false;
  setInputView('annotated');
});

/** The JSON view: written by the worker, shown up to MAX_JSON_VIEW bytes. */
function exported() {
  if (!state.json || state.json.generation !== state.generation) {
    state.json = { generation: state.generation, promise: viewer.exportFile('json', exportOrigin()) };
  }
  return state.json.promise;
}

/** Where an export came from: the encoding, and the file's name for a file. */
function exportOrigin() {
  const origin = { encoding: state.result?.encoding ?? undefined };
  if (state.input.kind === 'file') origin.file = state.input.name;
  return origin;
}

async function showJson() {
  if (!state.result || document.body.dataset.state !== 'done') {
    ui.json.replaceChildren();
    return;
  }
  const generation = state.generation;
  ui.json.textContent = t('jsonBuilding');
  try {
    const { blob } = await exported();
    const capped = blob.size > MAX_JSON_VIEW;
    const text = await (capped ? blob.slice(0, MAX_JSON_VIEW) : blob).text();
    if (generation !== state.generation) return;
    state.jsonView?.stop();
    const note = capped ? el('p', 'capped', t('jsonCapped', { size: formatSize(MAX_JSON_VIEW) })) : null;
    state.jsonView = renderJson(ui.json, text, note);
  } catch (error) {
    if (!(error instanceof Superseded)) ui.json.textContent = t('parseFailed', { message: error?.message ?? String(error) });
  }
}

// ---- "show more" -----------------------------------------------------------------------------------

ui.structure.addEventListener('click', async (e) => {
  const button = e.target instanceof Element ? e.target.closest('.more-btn') : null;
  if (!button) return;
  const generation = state.generation;
  const { more: what, from, section } = button.dataset;
  button.disabled = true;
  const slice = await viewer.more({ what, from: Number(from), section: Number(section) }).catch(() => null);
  if (!slice || generation !== state.generation) return;
  const counts = state.result.view.counts;
  const before = ui.structure.querySelectorAll('[data-origin]').length;
  if (what === 'body') appendParagraphs(button.parentElement, slice, counts.content, STEPS.body, register);
  else if (what === 'sections') appendSections(button.parentElement, slice, counts.sections, STEPS, register);
  else appendItems(button.parentElement, slice, Number(button.parentElement.dataset.items), STEPS.items, register);
  // the reader goes on from the first new field
  const first = ui.structure.querySelectorAll('[data-origin]')[before];
  if (first) rove(first);
});

// ---- where a field came from ---------------------------------------------------------------------------

let lit = []; // marks lit now; a mark split to light a value inside it is restored on the next call
function unlight() {
  for (const m of lit) {
    m.classList.remove('hl');
    if (m.childElementCount) m.replaceChildren(m.textContent);
  }
  lit = [];
}

function light(key) {
  unlight();
  const origin = key ? state.origins.get(key) : null;
  if (!origin) return;
  for (const i of origin.blocks) {
    const m = state.marks.get(i);
    if (!m) continue;
    m.classList.add('hl');
    lit.push(m);
    const text = m.textContent;
    const at = origin.needle ? text.indexOf(origin.needle) : -1;
    if (at >= 0) {
      const end = at + origin.needle.length;
      m.replaceChildren(text.slice(0, at), el('span', 'hl-sub', text.slice(at, end)), text.slice(end));
    }
  }
  remark(origin.blocks.length && !lit.length && state.inputView === 'annotated' ? t('originOutside') : '');
  if (lit.length && state.inputView === 'annotated') {
    const box = ui.annotated;
    const top = topIn(box, lit[0]);
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 40) {
      const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: smooth ? 'smooth' : 'auto' });
    }
  }
}

/**
 * Where `node` sits in the scrolling `box`, from the top of its content. Its chunk of the annotated
 * view is laid out first (chunks off screen are not, see view.js), so that the place is real.
 */
function topIn(box, node) {
  node.closest('.chunk')?.classList.add('shown');
  return node.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
}

function originOf(target) {
  return target instanceof Element ? target.closest('[data-origin]')?.dataset.origin : undefined;
}

/** Pin a field's origin (a tap, a click, Enter): lit until another is pinned; shown in the annotated view. */
function pin(key) {
  state.pinned = state.pinned === key ? null : key;
  for (const node of ui.structure.querySelectorAll('[data-origin].pinned')) node.classList.remove('pinned');
  if (state.pinned) ui.structure.querySelector(`[data-origin="${state.pinned}"]`)?.classList.add('pinned');
  if (state.pinned && state.inputView !== 'annotated') setInputView('annotated');
  light(state.pinned);
}

ui.structure.addEventListener('pointerover', (e) => {
  const key = originOf(e.target);
  if (key) light(key);
});
ui.structure.addEventListener('pointerleave', () => light(state.pinned));
ui.structure.addEventListener('click', (e) => {
  const key = originOf(e.target);
  if (!key) return;
  rove(e.target.closest('[data-origin]'), false);
  pin(key);
});
ui.structure.addEventListener('focusin', (e) => {
  const key = originOf(e.target);
  if (key) light(key);
});
ui.structure.addEventListener('focusout', () => light(state.pinned));

/** Move the one tab stop among the fields to `node` (and focus it). */
function rove(node, focus = true) {
  for (const other of ui.structure.querySelectorAll('[data-origin][tabindex="0"]')) other.tabIndex = -1;
  node.tabIndex = 0;
  if (focus) node.focus();
}

/** Arrow keys, Home and End move along a list of items that share one tab stop. */
function roving(container, selector, { onEnter } = {}) {
  container.addEventListener('keydown', (e) => {
    const current = e.target instanceof Element ? e.target.closest(selector) : null;
    if (!current) return;
    if ((e.key === 'Enter' || e.key === ' ') && onEnter) {
      e.preventDefault();
      onEnter(current);
      return;
    }
    const all = [...container.querySelectorAll(selector)];
    const i = all.indexOf(current);
    const next = { ArrowDown: all[i + 1], ArrowUp: all[i - 1], Home: all[0], End: all.at(-1) }[e.key];
    if (!next) return;
    e.preventDefault();
    for (const other of all) other.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
}
roving(ui.structure, '[data-origin]', { onEnter: (node) => pin(node.dataset.origin) });

// ---- views (tabs) -------------------------------------------------------------------------------------

function selectTab(tabs, chosen) {
  for (const tab of tabs) {
    const on = tab === chosen;
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
  }
}

function arrowKeys(tabs, choose) {
  for (const tab of tabs) {
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const next = {
        ArrowRight: tabs[(i + 1) % tabs.length],
        ArrowDown: tabs[(i + 1) % tabs.length],
        ArrowLeft: tabs[(i + tabs.length - 1) % tabs.length],
        ArrowUp: tabs[(i + tabs.length - 1) % tabs.length],
        Home: tabs[0],
        End: tabs.at(-1),
      }[e.key];
      if (next) {
        e.preventDefault();
        choose(next);
        next.focus();
      }
    });
  }
}

const inputTabs = [$('tab-edit'), $('tab-annotated')];
function setInputView(view) {
  state.inputView = view;
  selectTab(inputTabs, view === 'edit' ? inputTabs[0] : inputTabs[1]);
  $('panel-edit').hidden = view !== 'edit';
  ui.annotated.hidden = view === 'edit';
  ui.area.dataset.view = view;
  if (view === 'annotated') showAnnotated();
}
inputTabs[0].addEventListener('click', () => setInputView('edit'));
inputTabs[1].addEventListener('click', () => setInputView('annotated'));
arrowKeys(inputTabs, (tab) => setInputView(tab === inputTabs[0] ? 'edit' : 'annotated'));
// A double click or Enter on the annotated text goes back to editing; a paste there replaces the input.
function backToEdit() {
  setInputView('edit');
  ui.input.focus();
}
ui.annotated.addEventListener('dblclick', backToEdit);
ui.annotated.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    backToEdit();
  }
});
ui.annotated.addEventListener('paste', (e) => {
  const text = e.clipboardData?.getData('text/plain');
  if (!text) return;
  e.preventDefault();
  loadText(text, e.timeStamp);
});

const outputTabs = [$('tab-structure'), $('tab-json')];
function setOutputView(view) {
  state.outputView = view;
  selectTab(outputTabs, view === 'json' ? outputTabs[1] : outputTabs[0]);
  ui.structure.hidden = view === 'json';
  ui.jsonPanel.hidden = view !== 'json';
  if (view === 'json') showJson();
}
outputTabs[0].addEventListener('click', () => setOutputView('structure'));
outputTabs[1].addEventListener('click', () => setOutputView('json'));
arrowKeys(outputTabs, (tab) => setOutputView(tab === outputTabs[1] ? 'json' : 'structure'));

// ---- input ----------------------------------------------------------------------------------------------

function unpressSamples() {
  for (const b of ui.samples.querySelectorAll('[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
}

/** Put `text` in the textarea, or hold it outside when it is too large to edit there. */
function holdText(text) {
  state.large = text.length > LARGE_INPUT;
  ui.input.value = state.large ? '' : text;
  state.text = text;
  showPlaceholder();
}

function showPlaceholder() {
  ui.input.placeholder = state.large ? t('largePlaceholder', { n: formatNumber(state.text.length) }) : t('placeholder');
}

function syncEncodingMenu() {
  const file = state.input.kind === 'file';
  ui.encoding.disabled = !file;
  ui.encoding.value = file ? state.encoding : 'auto';
  const auto = ui.encoding.querySelector('option[value="auto"]');
  const used = state.result?.encoding;
  auto.textContent = file && state.encoding === 'auto' && used ? t('encodingAutoWas', { name: used }) : t('encodingAuto');
}

/**
 * Keep one step of undo before the input is replaced by something the reader cannot get back
 * (their own text, or a file they opened), and offer it in a toast.
 */
function keepUndo(message) {
  const own = state.input.kind === 'file' ? !state.input.sample : state.text.length > 0;
  if (!own) return;
  state.undo = { input: state.input, text: state.text, encoding: state.encoding };
  toast(message);
}

let toastTimer = 0;
function toast(message) {
  ui.toastText.textContent = message;
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    ui.toast.hidden = true;
  }, 10_000);
}

function undo() {
  const saved = state.undo;
  if (!saved) return false;
  state.undo = null;
  ui.toast.hidden = true;
  unpressSamples();
  state.input = saved.input;
  state.encoding = saved.encoding;
  holdText(saved.text);
  remark(t('restoredToast'));
  submit(performance.now(), { after: afterInput });
  return true;
}
$('toast-undo').addEventListener('click', undo);
document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && state.undo) {
    // the textarea's own undo first, while it has something to undo
    if (document.activeElement === ui.input && ui.input.value) return;
    e.preventDefault();
    undo();
  }
});

/** After a paste, a file or a sample: show where the fields came from, and on a phone, the result. */
function afterInput() {
  setInputView('annotated');
  const title = state.result?.view.title;
  ui.announce.textContent = t('resultReady', { title: title ?? t('noTitle') });
  if (matchMedia('(max-width: 900px)').matches) {
    const top = ui.output.getBoundingClientRect().top;
    if (top > innerHeight * 0.6 || top < 0) {
      ui.output.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    }
  }
}

ui.input.addEventListener('input', (e) => {
  unpressSamples();
  state.input = { kind: 'text' };
  state.text = ui.input.value;
  if (state.large) {
    state.large = false;
    showPlaceholder();
  }
  remark('');
  syncEncodingMenu();
  if (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop') submit(e.timeStamp, { after: afterInput });
  else if (!state.text) submit(e.timeStamp);
  else scheduleTyping(e.timeStamp);
});

// A paste too large for the textarea is taken whole, before the textarea lays it out.
ui.input.addEventListener('paste', (e) => {
  const text = e.clipboardData?.getData('text/plain') ?? '';
  if (text.length <= LARGE_INPUT) return;
  e.preventDefault();
  loadText(text, e.timeStamp);
});

function loadText(text, startedAt) {
  unpressSamples();
  remark('');
  state.input = { kind: 'text' };
  holdText(text);
  syncEncodingMenu();
  return submit(startedAt, { after: afterInput });
}

/** Open one file: its bytes go to the parser, which decodes them. */
async function openFile(file, startedAt = performance.now(), sample = null) {
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    remark(t('parseFailed', { message: error?.message ?? String(error) }));
    return;
  }
  if (!sample) {
    keepUndo(t('replacedToast'));
    unpressSamples();
  }
  remark('');
  state.input = { kind: 'file', name: file.name, size: bytes.byteLength, bytes, sample };
  state.encoding = 'auto';
  holdText('');
  syncEncodingMenu();
  await submit(startedAt, { after: afterInput });
}

ui.encoding.addEventListener('change', () => {
  if (state.input.kind !== 'file') return;
  state.encoding = ui.encoding.value;
  submit(performance.now(), { after: afterInput });
});

/** Several files: a list with each one's title, date and status, and all of them as JSON Lines. */
async function openFiles(files, startedAt = performance.now()) {
  if (!files.length) return;
  if (files.length === 1) {
    closeBatch();
    await openFile(files[0], startedAt);
    return;
  }
  batcher.cancel();
  const batch = { items: files.slice(0, MAX_FILES).map((file) => ({ file, status: 'waiting' })), done: 0 };
  state.batch = batch;
  ui.batch.hidden = false;
  ui.batchCancel.hidden = false;
  ui.batchDownload.disabled = true;
  drawBatch();
  for (const item of batch.items) {
    if (state.batch !== batch) return;
    item.status = 'parsing';
    drawRow(item);
    try {
      const bytes = new Uint8Array(await item.file.arrayBuffer());
      const r = bytes.byteLength
        ? await batcher.line(bytes, { today: today() }, { file: item.file.webkitRelativePath || item.file.name })
        : { empty: true };
      Object.assign(item, r, { status: r.binary ? 'binary' : r.empty ? 'empty' : r.kind === 'other' ? 'other' : 'ok' });
    } catch (error) {
      if (error instanceof Superseded) {
        for (const rest of batch.items) if (rest.status === 'waiting' || rest.status === 'parsing') rest.status = 'cancelled';
        drawBatch();
        break;
      }
      item.status = 'failed';
    }
    batch.done++;
    drawRow(item);
    ui.batchTitle.textContent = t('batchTitle', { done: formatNumber(batch.done), n: formatNumber(batch.items.length) });
    ui.batchDownload.disabled = !batch.items.some((i) => i.line);
  }
  ui.batchCancel.hidden = true;
}

function closeBatch() {
  if (!state.batch) return;
  batcher.cancel();
  state.batch = null;
  ui.batch.hidden = true;
  ui.batchList.replaceChildren();
}

function drawRow(item) {
  const row = item.row ?? el('li', 'batch-item');
  item.row = row;
  row.dataset.status = item.status;
  const button = row.querySelector('button') ?? el('button', 'batch-row');
  button.type = 'button';
  if (!button.isConnected) {
    button.tabIndex = state.batch.items[0] === item ? 0 : -1;
    button.addEventListener('click', () => openFile(item.file));
    row.append(button);
  }
  const name = item.file.webkitRelativePath || item.file.name;
  button.title = t('batchOpen', { name });
  const title = zhSpan('batch-name', item.title ?? name);
  button.replaceChildren(
    el('span', `batch-status status-${item.status}`, t2('batchStatus', item.status)),
    title,
    el('span', 'batch-date', item.published ? formatPublished(item.published) : ''),
    el('span', 'batch-file', item.title ? name : ''),
  );
  if (!row.isConnected) ui.batchList.append(row);
}

function zhSpan(className, text) {
  const s = el('span', className, text);
  s.lang = 'zh-CN';
  return s;
}

function drawBatch() {
  ui.batchList.replaceChildren();
  for (const item of state.batch.items) {
    item.row = null;
    drawRow(item);
  }
  ui.batchTitle.textContent = t('batchTitle', { done: formatNumber(state.batch.done), n: formatNumber(state.batch.items.length) });
}
roving(ui.batchList, '.batch-row');

ui.batchCancel.addEventListener('click', () => batcher.cancel());
ui.batchDownload.addEventListener('click', () => {
  const lines = state.batch?.items.filter((i) => i.line).map((i) => i.line) ?? [];
  if (!lines.length) return;
  save(new Blob(lines, { type: 'application/x-ndjson' }), `xinwen-${today()}.jsonl`);
});

function pickFiles(input, folder) {
  const files = [...(input.files ?? [])].filter((f) => !folder || PAGE_FILE.test(f.name));
  input.value = '';
  openFiles(files);
}
ui.file.addEventListener('change', () => pickFiles(ui.file, false));
ui.folder.addEventListener('change', () => pickFiles(ui.folder, true));

/** The files of a drop, folders read through (only page files from folders). */
async function droppedFiles(transfer) {
  const entries = [...(transfer.items ?? [])].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.some((e) => e.isDirectory)) return [...(transfer.files ?? [])];
  const files = [];
  const walk = async (entry, fromFolder) => {
    if (files.length >= MAX_FILES) return;
    if (entry.isFile) {
      if (fromFolder && !PAGE_FILE.test(entry.name)) return;
      files.push(await new Promise((ok, fail) => entry.file(ok, fail)));
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
        if (!batch.length) break;
        for (const child of batch) await walk(child, true);
      }
    }
  };
  for (const entry of entries) await walk(entry, false);
  return files;
}

let dragDepth = 0;
const carriesFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
ui.area.addEventListener('dragenter', (e) => {
  if (!carriesFiles(e)) return;
  e.preventDefault();
  dragDepth++;
  ui.area.classList.add('dragging');
});
ui.area.addEventListener('dragover', (e) => {
  if (!carriesFiles(e)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
});
ui.area.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) ui.area.classList.remove('dragging');
});
ui.area.addEventListener('drop', async (e) => {
  dragDepth = 0;
  ui.area.classList.remove('dragging');
  if (!e.dataTransfer?.files?.length) return;
  e.preventDefault();
  const startedAt = e.timeStamp;
  openFiles(await droppedFiles(e.dataTransfer), startedAt);
});
// A file dropped elsewhere on the page must not navigate away from it.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

$('clear').addEventListener('click', (e) => {
  keepUndo(t('clearedToast'));
  closeBatch();
  unpressSamples();
  remark('');
  state.input = { kind: 'text' };
  holdText('');
  syncEncodingMenu();
  submit(e.timeStamp);
  setInputView('edit');
  ui.input.focus();
});

async function loadSample(id, button, startedAt = performance.now()) {
  keepUndo(t('replacedToast'));
  closeBatch();
  for (const b of ui.samples.querySelectorAll('button')) b.setAttribute('aria-pressed', b === button ? 'true' : 'false');
  history.replaceState(null, '', `#sample=${id}`); // a link to this view
  const response = await fetch(new URL(`samples/${id}.txt`, document.baseURI));
  // a sample is a file: parsed from its bytes, as the command line reads a file
  await openFile(new File([await response.arrayBuffer()], `${id}.txt`, { type: 'text/plain' }), startedAt, id);
}

function renderSamples() {
  const pressed = ui.samples.querySelector('[aria-pressed="true"]')?.dataset.sample;
  ui.samples.replaceChildren();
  for (const id of SAMPLES) {
    const b = el('button', 'btn chip-btn', sampleName(id));
    b.type = 'button';
    b.dataset.sample = id;
    b.setAttribute('aria-pressed', id === pressed ? 'true' : 'false');
    b.addEventListener('click', (e) => loadSample(id, b, e.timeStamp));
    ui.samples.append(b);
  }
}

// ---- copy, download, share -----------------------------------------------------------------------------

let noteTimer = 0;
function note(text) {
  ui.note.textContent = text;
  clearTimeout(noteTimer);
  noteTimer = setTimeout(() => (ui.note.textContent = ''), 4000);
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  note(t('downloaded', { name }));
}

/** The file name an export gets: the article's date and title, else the file's or the sample's name. */
function stemFallback() {
  return state.input.kind === 'file' ? state.input.name.replace(/\.[^.]+$/, '') || 'xinwen' : 'xinwen';
}

$('download').addEventListener('click', async () => {
  if (!state.result) return;
  const { blob, stem } = await exported();
  save(blob, `${stem || stemFallback()}.json`);
});

$('copy').addEventListener('click', async () => {
  if (!state.result) return;
  try {
    const { blob } = await exported();
    // the clipboard takes the Blob as it is: no string of the whole JSON on this thread
    await navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([blob], { type: 'text/plain' }) })]);
    note(t('copied'));
  } catch {
    note(t('copyFailed'));
  }
});

$('download-md').addEventListener('click', async () => {
  if (!state.result) return;
  const { blob, stem } = await viewer.exportFile('markdown', exportOrigin());
  save(blob, `${stem || stemFallback()}.md`);
});

$('copy-md').addEventListener('click', async () => {
  if (!state.result) return;
  try {
    const { blob } = await viewer.exportFile('markdown', exportOrigin());
    await navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([blob], { type: 'text/plain' }) })]);
    note(t('copiedMarkdown'));
  } catch {
    note(t('copyFailed'));
  }
});

/** Text in a link's fragment: deflated and base64url-encoded (the fragment never leaves the browser). */
async function packText(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function unpackText(packed) {
  const binary = atob(packed.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

$('share').addEventListener('click', async () => {
  if (state.input.kind !== 'text' || !state.text) return;
  const packed = await packText(state.text);
  if (packed.length > MAX_SHARE) {
    note(t('linkTooLong'));
    return;
  }
  const link = `${location.origin}${location.pathname}${location.search}#text=${packed}`;
  history.replaceState(null, '', `#text=${packed}`);
  try {
    await navigator.clipboard.writeText(link);
    note(t('linkCopied'));
  } catch {
    note(t('copyFailed'));
  }
});

// ---- language, colours, version -----------------------------------------------------------------------

function applyLang(lang) {
  setLang(lang);
  try {
    localStorage.setItem('xinwen.lang', currentLang());
  } catch {
    /* storage may be off */
  }
  applyStatic();
  ui.lang.textContent = t('otherLang');
  ui.lang.lang = currentLang() === 'en' ? 'zh-CN' : 'en';
  ui.lang.setAttribute('aria-label', t('switchLang'));
  renderLegend(ui.legend);
  ui.legend.append(el('span', 'legend-hint', t('originHint')));
  renderSamples();
  showPlaceholder();
  applyTheme(document.documentElement.dataset.theme ?? 'auto');
  showVersion();
  if (state.result && document.body.dataset.state === 'done') {
    state.origins = new Map();
    state.annotatedFresh = false;
    showResult();
    if (state.outputView === 'json') showJson();
  } else if (document.body.dataset.state === 'empty') renderEmpty(ui.structure);
  syncEncodingMenu();
  showStats();
  if (state.batch) drawBatch();
}
ui.lang.addEventListener('click', () => applyLang(currentLang() === 'en' ? 'zh' : 'en'));

const THEMES = ['auto', 'light', 'dark'];
function applyTheme(theme) {
  const chosen = THEMES.includes(theme) ? theme : 'auto';
  document.documentElement.dataset.theme = chosen;
  ui.theme.textContent = t2('themes', chosen);
  try {
    localStorage.setItem('xinwen.theme', chosen);
  } catch {
    /* storage may be off */
  }
}
ui.theme.addEventListener('click', () => {
  const now = document.documentElement.dataset.theme ?? 'auto';
  applyTheme(THEMES[(THEMES.indexOf(now) + 1) % THEMES.length]);
});

/** xinwen's version in the footer, when the package tells it. */
function showVersion() {
  ui.version.hidden = !version;
  if (version) ui.version.textContent = t('version', { version });
}

// ---- start ------------------------------------------------------------------------------------------------

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

applyTheme(stored('xinwen.theme') ?? 'auto');
applyLang(new URLSearchParams(location.search).get('lang') ?? stored('xinwen.lang') ?? 'zh');
setInputView('edit');
renderMessage(ui.structure, t('loading'));
viewer.start().then(
  async () => {
    document.body.dataset.ready = 'true';
    showVersion();
    const hash = location.hash;
    const linked = /^#sample=([\w-]+)$/.exec(hash)?.[1];
    const button = linked && ui.samples.querySelector(`[data-sample="${linked}"]`);
    if (SAMPLES.includes(linked) && button) loadSample(linked, button);
    else if (hash.startsWith('#text=')) {
      const text = await unpackText(hash.slice(6)).catch(() => '');
      if (text) loadText(text, performance.now());
      else renderEmpty(ui.structure);
    } else if (ui.input.value) {
      state.text = ui.input.value;
      submit();
    } else renderEmpty(ui.structure);
  },
  (error) => {
    renderMessage(ui.structure, t('loadFailed', { message: error?.message ?? String(error) }), 'error');
    setState('error');
  },
);
