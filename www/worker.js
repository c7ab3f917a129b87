// The page's worker: every parse runs here, so the page never freezes and Cancel can stop it
// (engine.js terminates this worker). It keeps the last Article whole and sends the page a bounded
// view of it (model.js); the page asks for more slices and for the exports, which are written here.
//
// Messages in: { id, type, … } with type
//   init   { module }                   instantiate the compiled module; the package's init() then
//                                        parses two small pages (text and HTML), so that the first
//                                        real parse finds the parser compiled
//   parse  { input, options, origin }   input: a string, or a file's bytes (Uint8Array)
//   more   { what, from, section }      the next slice: what = body (the content) | sections | items
//   export { format, origin }           the last Article as a file (a Blob): format = json | markdown
//   line   { input, options, origin }   parse without keeping: a summary and a JSON Lines line
// Messages out: { id, … } for each, or { id, error }.

import init, * as xinwen from './pkg/xinwen.js';
import {
  FORMATS, bodySlice, buildView, fileStem, indexArticle, isBinary, isEmpty, itemSlice, jsonLine, packBlocks, sectionSlice,
} from './model.js';

let ready = null;
let last = null; // { ix, format }

/** xinwen's version, when the package exports it (a string or a function giving one). */
function version() {
  const v = xinwen.version;
  return typeof v === 'function' ? v() : typeof v === 'string' ? v : null;
}

async function start(module) {
  await init({ module_or_path: module });
  return { version: version() };
}

/** Decode (bytes only) and parse; the text is what the Article's spans index. */
function read(input, options) {
  if (typeof input === 'string') return { text: input, encoding: null, article: xinwen.parse(input, options) };
  const decoded = xinwen.decode(input, options);
  return { text: decoded.text, encoding: decoded.encoding, article: xinwen.parse(input, options) };
}

function parse({ input, options }) {
  const started = performance.now();
  const { text, encoding, article } = read(input, options);
  const parseMs = performance.now() - started;
  const binary = isBinary(article);
  const format = binary ? 'text' : xinwen.formatOf(text);
  const ix = indexArticle(article, text);
  last = { ix, format };
  const blocks = packBlocks(article.blocks);
  const reply = {
    view: buildView(ix),
    blocks,
    encoding,
    format,
    parseMs,
    binary,
    empty: isEmpty(article),
    encodingNote: article.diagnostics.find((d) => d.code === 'encoding') ?? null,
    // the text goes back only when the page does not have it (a file's bytes were sent)
    text: typeof input === 'string' || binary ? null : text,
    postedAt: performance.timeOrigin + performance.now(),
  };
  return [reply, [blocks.buffer]];
}

function more({ what, from, section }) {
  if (!last) throw new Error('nothing parsed yet');
  if (what === 'body') return bodySlice(last.ix, from);
  if (what === 'sections') return sectionSlice(last.ix, from);
  if (what === 'items') return itemSlice(last.ix, section, from);
  throw new Error(`unknown slice: ${what}`);
}

function exported({ format, origin }) {
  if (!last) throw new Error('nothing parsed yet');
  const { article } = last.ix;
  const f = FORMATS[format];
  if (!f) throw new Error(`unknown format: ${format}`);
  const text = f.write(article, { ...origin, version: version() }, xinwen);
  return { blob: new Blob([text], { type: f.type }), stem: fileStem(article, ''), extension: f.extension };
}

/** One file of a batch: parsed, summed up, and its JSON Lines line; nothing kept. */
function line({ input, options, origin }) {
  const { encoding, article } = read(input, options);
  return {
    title: article.title,
    published: article.published,
    kind: article.kind,
    binary: isBinary(article),
    empty: isEmpty(article),
    line: jsonLine(article, { ...origin, encoding, version: version() }),
  };
}

self.onmessage = async ({ data }) => {
  const { id, type } = data ?? {};
  try {
    if (type === 'init') {
      ready = start(data.module);
      self.postMessage({ id, ...(await ready) });
      return;
    }
    await ready;
    if (type === 'parse') {
      const [reply, transfer] = parse(data);
      self.postMessage({ id, ...reply }, transfer);
    } else if (type === 'more') self.postMessage({ id, slice: more(data) });
    else if (type === 'export') self.postMessage({ id, ...exported(data) });
    else if (type === 'line') self.postMessage({ id, ...line(data) });
    else throw new Error(`unknown request: ${type}`);
  } catch (e) {
    self.postMessage({ id, error: e?.message ?? String(e) });
  }
};
