// The page: input (typing, pasting, files, samples) → parser → views. It only forwards; the
// parser decides everything about the text.
//
// In: user actions. Out: the structured view, the annotated input, the JSON (copy / download),
// timings and size. Input-derived text is only ever inserted as text (see view.js).

import { applyStatic, currentLang, formatNumber, formatSize, sampleName, setLang, t } from './i18n.js';
import { decodeText, load, run, Superseded, WORKER_THRESHOLD } from './engine.js';
import { el, renderAnnotated, renderEmpty, renderJson, renderLegend, renderMessage, renderStructure } from './view.js';

/** The bundled samples (pages we wrote ourselves, in the styles news sites use). */
const SAMPLES = ['county-meeting', 'agency-dateline', 'portal-layout'];
/** The JSON view shows at most this many characters; copy and download always give everything. */
const MAX_JSON_VIEW = 400_000;
/**
 * Inputs longer than this (UTF-16 units) are held by the page but not put in the textarea: a
 * browser's textarea needs seconds to lay out and edit megabytes, which would freeze the page.
 */
const LARGE_INPUT = 500_000;

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
  jsonNote: $('json-note'),
  samples: $('samples'),
  file: $('file'),
  lang: $('lang'),
};

const state = {
  text: '', // what the annotated view and the origin links read (the textarea, or a file decoded for display)
  large: false, // true when `text` is too large for the textarea and is held here only
  file: null, // { name, size } when the input came from a file and has not been edited since
  article: null,
  jsonText: null,
  result: null, // { ms, where }
  origins: new Map(),
  blockEls: [],
  annotatedFresh: true, // whether the annotated view shows the current article
  generation: 0,
  timer: 0,
  inputView: 'edit',
  outputView: 'structure',
  baseName: 'xinwen',
};

// ---- parsing -------------------------------------------------------------------------------

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function setBusy(busy) {
  document.body.dataset.state = busy ? 'parsing' : state.article ? 'done' : 'empty';
  ui.structure.setAttribute('aria-busy', busy ? 'true' : 'false');
  ui.stats.querySelector('.busy')?.remove();
  if (busy) ui.stats.append(el('span', 'busy', t('parsing')));
}

/** A remark under the input (a file the page cannot show, a failed read); empty clears it. */
function remark(text) {
  ui.status.textContent = text;
}

async function parseNow(input) {
  const generation = ++state.generation;
  clearTimeout(state.timer);
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size === 0) {
    state.article = null;
    state.jsonText = null;
    state.result = null;
    setBusy(false);
    showResult();
    return;
  }
  setBusy(true);
  try {
    const { article, ms, where } = await run(input, { today: today() });
    if (generation !== state.generation) return;
    state.article = article;
    state.jsonText = null;
    state.result = { ms, where };
    setBusy(false);
    showResult();
  } catch (error) {
    if (error instanceof Superseded || generation !== state.generation) return;
    state.article = null;
    state.result = null;
    setBusy(false);
    renderMessage(ui.structure, t('parseFailed', { message: error?.message ?? String(error) }), 'error');
    document.body.dataset.state = 'error';
  }
}

function schedule() {
  clearTimeout(state.timer);
  const text = state.text;
  const delay = text.length > WORKER_THRESHOLD ? 400 : 160;
  state.timer = setTimeout(() => parseNow(text), delay);
}

// ---- showing ---------------------------------------------------------------------------------

function jsonText() {
  state.jsonText ??= `${JSON.stringify(state.article, null, 2)}\n`;
  return state.jsonText;
}

function showStats() {
  ui.stats.replaceChildren();
  const parts = [];
  if (state.file) parts.push(t('fileInfo', { name: state.file.name, size: formatSize(state.file.size) }));
  parts.push(t('chars', { n: formatNumber(state.text.length) }));
  if (state.article && state.result) {
    parts.push(t('parseMs', { ms: state.result.ms < 10 ? state.result.ms.toFixed(2) : Math.round(state.result.ms) }));
    parts.push(state.result.where === 'worker' ? t('inWorker') : t('onMain'));
    parts.push(t('blocksCount', { n: formatNumber(state.article.blocks?.length ?? 0) }));
  }
  parts.forEach((p, i) => {
    if (i) ui.stats.append(el('span', 'dot', '·'));
    ui.stats.append(el('span', 'stat', p));
  });
}

function showResult() {
  showStats();
  if (!state.article) {
    renderEmpty(ui.structure);
    ui.annotated.replaceChildren();
    state.blockEls = [];
    state.annotatedFresh = true;
    state.origins = new Map();
    ui.json.textContent = '';
    return;
  }
  state.origins = renderStructure(ui.structure, state.article, state.text);
  state.annotatedFresh = false;
  if (state.inputView === 'annotated') showAnnotated();
  if (state.outputView === 'json') showJson();
}

/** Draw the annotated input when it is on screen and out of date. */
function showAnnotated() {
  if (state.annotatedFresh) return;
  state.annotatedFresh = true;
  state.blockEls = state.article ? renderAnnotated(ui.annotated, state.text, state.article.blocks ?? []) : [];
}

function showJson() {
  if (!state.article) {
    ui.json.textContent = '';
    return;
  }
  const text = jsonText();
  if (text.length > MAX_JSON_VIEW) {
    ui.json.textContent = text.slice(0, MAX_JSON_VIEW);
    ui.json.append(el('span', 'capped', `\n${t('jsonCapped', { size: formatSize(MAX_JSON_VIEW) })}`));
  } else renderJson(ui.json, text);
}

// ---- where a field came from -----------------------------------------------------------------

let lit = []; // marks lit now; a mark split to light a value inside it is restored on the next call
function highlight(key) {
  for (const m of lit) {
    m.classList.remove('hl');
    if (m.childElementCount) m.replaceChildren(m.textContent);
  }
  lit = [];
  const found = key ? state.origins.get(key)?.() : null;
  for (const i of found?.blocks ?? []) {
    const m = state.blockEls[i];
    if (!m) continue;
    m.classList.add('hl');
    lit.push(m);
    const text = m.textContent;
    const at = found.needle ? text.indexOf(found.needle) : -1;
    if (at >= 0) {
      const end = at + found.needle.length;
      m.replaceChildren(text.slice(0, at), el('span', 'hl-sub', text.slice(at, end)), text.slice(end));
    }
  }
  if (lit.length && state.inputView === 'annotated') {
    const first = lit[0];
    const box = ui.annotated;
    const top = first.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 40) {
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    }
  }
}

function originOf(target) {
  return target instanceof Element ? target.closest('[data-origin]')?.dataset.origin : undefined;
}

ui.structure.addEventListener('pointerover', (e) => highlight(originOf(e.target)));
ui.structure.addEventListener('pointerleave', () => highlight(null));
ui.structure.addEventListener('focusin', (e) => highlight(originOf(e.target)));
ui.structure.addEventListener('focusout', () => highlight(null));

// ---- views (tabs) ----------------------------------------------------------------------------

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
      let next = null;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = tabs[(i + 1) % tabs.length];
      if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = tabs[(i + tabs.length - 1) % tabs.length];
      if (e.key === 'Home') next = tabs[0];
      if (e.key === 'End') next = tabs[tabs.length - 1];
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
  ui.input.hidden = view !== 'edit';
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
  unpressSamples();
  loadText(text, 'xinwen');
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

// ---- input -----------------------------------------------------------------------------------

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
  ui.input.placeholder = state.large
    ? t('largePlaceholder', { size: formatSize(state.file?.size ?? state.text.length * 2), n: formatNumber(state.text.length) })
    : t('placeholder');
}

ui.input.addEventListener('input', () => {
  unpressSamples();
  state.text = ui.input.value;
  state.file = null;
  state.baseName = 'xinwen';
  if (state.large) {
    state.large = false;
    showPlaceholder();
  }
  remark('');
  document.body.dataset.state = state.text ? 'pending' : 'empty';
  showStats();
  schedule();
});

// A paste too large for the textarea is taken whole, before the textarea lays it out.
ui.input.addEventListener('paste', (e) => {
  const text = e.clipboardData?.getData('text/plain') ?? '';
  if (text.length <= LARGE_INPUT) return;
  e.preventDefault();
  unpressSamples();
  loadText(text, 'xinwen');
});

function loadText(text, baseName) {
  remark('');
  state.file = null;
  holdText(text);
  state.baseName = baseName;
  showStats();
  return parseNow(text);
}

async function openFile(file) {
  if (!file) return;
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    remark(t('parseFailed', { message: error?.message ?? String(error) }));
    return;
  }
  let shown = null;
  try {
    shown = await decodeText(bytes);
  } catch {
    /* shown stays null: the parse below still runs and reports */
  }
  remark(shown === null ? t('notDecodable') : '');
  unpressSamples();
  state.file = { name: file.name, size: file.size };
  holdText(shown ?? '');
  state.baseName = file.name.replace(/\.[^.]+$/, '') || 'xinwen';
  showStats();
  await parseNow(bytes);
  if (state.article) setInputView('annotated');
}

ui.file.addEventListener('change', () => {
  openFile(ui.file.files?.[0]);
  ui.file.value = '';
});

let dragDepth = 0;
ui.area.addEventListener('dragenter', (e) => {
  if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
  e.preventDefault();
  dragDepth++;
  ui.area.classList.add('dragging');
});
ui.area.addEventListener('dragover', (e) => {
  if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
});
ui.area.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) ui.area.classList.remove('dragging');
});
ui.area.addEventListener('drop', (e) => {
  const file = e.dataTransfer?.files?.[0];
  dragDepth = 0;
  ui.area.classList.remove('dragging');
  if (!file) return;
  e.preventDefault();
  openFile(file);
});
// A file dropped elsewhere on the page must not navigate away from it.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

$('clear').addEventListener('click', () => {
  loadText('', 'xinwen');
  setInputView('edit');
  ui.input.focus();
});

async function loadSample(id, button) {
  for (const b of ui.samples.querySelectorAll('button')) b.setAttribute('aria-pressed', b === button ? 'true' : 'false');
  history.replaceState(null, '', `#sample=${id}`); // a link to this view (the input itself never goes in the URL)
  const response = await fetch(new URL(`samples/${id}.txt`, document.baseURI));
  // a sample is a file: parsed from its bytes, as the CLI reads a file, so its JSON is the CLI's
  const bytes = new Uint8Array(await response.arrayBuffer());
  remark('');
  state.file = null;
  holdText(await decodeText(bytes));
  state.baseName = id;
  showStats();
  await parseNow(bytes);
  if (state.article) setInputView('annotated');
}

function renderSamples() {
  const pressed = ui.samples.querySelector('[aria-pressed="true"]')?.dataset.sample;
  ui.samples.replaceChildren();
  for (const id of SAMPLES) {
    const b = el('button', 'btn chip-btn', sampleName(id));
    b.type = 'button';
    b.dataset.sample = id;
    b.setAttribute('aria-pressed', id === pressed ? 'true' : 'false');
    b.addEventListener('click', () => loadSample(id, b));
    ui.samples.append(b);
  }
}

// ---- JSON: copy and download -----------------------------------------------------------------

let noteTimer = 0;
function note(text) {
  ui.jsonNote.textContent = text;
  clearTimeout(noteTimer);
  noteTimer = setTimeout(() => (ui.jsonNote.textContent = ''), 3000);
}

$('copy').addEventListener('click', async () => {
  if (!state.article) return;
  try {
    await navigator.clipboard.writeText(jsonText());
    note(t('copied'));
  } catch {
    note(t('copyFailed'));
  }
});

$('download').addEventListener('click', () => {
  if (!state.article) return;
  const name = `${state.baseName}.json`;
  const url = URL.createObjectURL(new Blob([jsonText()], { type: 'application/json' }));
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  note(t('downloaded', { name }));
});

// ---- language ----------------------------------------------------------------------------------

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
  ui.legend.append(el('span', 'legend-hint', t('hoverHint')));
  renderSamples();
  showPlaceholder();
  if (state.article) showResult();
  else if (document.body.dataset.state !== 'error') renderEmpty(ui.structure);
  showStats();
}
ui.lang.addEventListener('click', () => applyLang(currentLang() === 'en' ? 'zh' : 'en'));

// ---- start ---------------------------------------------------------------------------------------

let saved = null;
try {
  saved = localStorage.getItem('xinwen.lang');
} catch {
  /* storage may be off */
}
applyLang(new URLSearchParams(location.search).get('lang') ?? saved ?? 'zh');
setInputView('edit');
renderMessage(ui.structure, t('loading'));
load().then(
  () => {
    document.body.dataset.ready = 'true';
    const linked = /^#sample=([\w-]+)$/.exec(location.hash)?.[1];
    const button = linked && ui.samples.querySelector(`[data-sample="${linked}"]`);
    if (SAMPLES.includes(linked) && button) loadSample(linked, button);
    else if (ui.input.value) {
      state.text = ui.input.value;
      parseNow(ui.input.value);
    } else renderEmpty(ui.structure);
  },
  (error) => {
    renderMessage(ui.structure, t('loadFailed', { message: error?.message ?? String(error) }), 'error');
    document.body.dataset.state = 'error';
  },
);
