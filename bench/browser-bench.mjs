// Benchmark (not a test): the npm package in headless Chromium as the web page's user first meets it,
// beside @mozilla/readability on linkedom (and on the browser's own DOMParser) in the same run.
// Numbers only; nothing is asserted.
//   scripts/build-wasm && node bench/browser-bench.mjs [corpus-dev-dir] [--runs=5] [--page=gne-thepaper-1]
//     [--js-flags='--liftoff-only ...']   (V8 flags for Chromium, to see what each tier costs)
//     [--pkg=pkg]                         (the built package to measure; another build to compare)
//
// Every run opens a fresh browser context (its own HTTP and code caches: a first visit) on a page
// served from 127.0.0.1 (cross-origin isolated, so performance.now() counts in 5 µs steps), and times
// with performance.now() (wall time: what the user waits):
// - xinwen: the glue's import (load), init() (fetch, WebAssembly.compileStreaming, instantiate, and
//   the package's warm-up: two small parses that make V8 compile the parser, npm/warm.js), the two
//   together (ready: what a user waits before a parse can start), the first parse, init() through
//   the first Article, the import through the first Article (load+first), the median of the next 20
//   parses, and the steady state (the fastest batch's mean after a second's warm-up), for our seed
//   sample (as text) and a corpus page's page.html (--page; skipped without the corpus);
// - the module's compile time alone: WebAssembly.compile of the .wasm's bytes, already fetched, as V8
//   does it (lazily: it validates the module and compiles each function on its first call), and, in
//   a second browser started with --no-wasm-lazy-compilation, with every function compiled (what
//   lazy compilation spreads over the first calls);
// - Readability on linkedom (its ES module build, linkedom/worker.js) and on DOMParser: the scripts'
//   load (= ready), the first parse, the two together, the next 20 and the steady state, for the
//   same pages (the seed as one <p> per line).
// Prints the median of --runs runs of each, and the ratios the targets name: init() through the
// first Article against a warmed-up parse plus the compile time (target <= 3x; against both compile
// times), first / steady (<= 5x), next 20 / steady (<= 2x), Readability's first parse / xinwen's
// (>= 20x), and Readability's load and first parse together / xinwen's.
// Needs chromium (`command -v chromium`; scripts/env.sh's ensure_chromium installs it as root) and
// pkg/ (scripts/build-wasm). The peers are installed on first use into target/bench-node/.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { coldPages, deps, installReadability, medians, root } from './shared.mjs';
import { CHROMIUM, CHROMIUM_FLAGS } from '../scripts/chromium.mjs';

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const option = (name, fallback) => flags.find((f) => f.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const pkg = resolve(option('pkg', join(root, 'pkg')));
const dev = args[0] ?? join(root, '../shared/corpus/dev');
const runs = Number(option('runs', 5));
const pageId = option('page', 'gne-thepaper-1');
const jsFlags = flags.find((f) => f.startsWith('--js-flags='));

const chromium = CHROMIUM;
if (!chromium) {
  console.error('browser-bench: chromium is not installed (scripts/env.sh ensure_chromium installs it as root); skipped');
  process.exit(0);
}
if (!existsSync(join(pkg, 'xinwen_bg.wasm'))) {
  console.error(`browser-bench: no ${pkg}/xinwen_bg.wasm; run scripts/build-wasm first`);
  process.exit(1);
}
installReadability();
const { decode } = await import(pathToFileURL(join(pkg, 'inline.js')).href);

const pages = coldPages(dev, pageId, decode);

// the files the page loads; everything else is 404
const files = {
  '/pkg/xinwen.js': join(pkg, 'xinwen.js'),
  '/pkg/xinwen_bg.wasm': join(pkg, 'xinwen_bg.wasm'),
  '/peers/linkedom.js': join(deps, 'node_modules/linkedom/worker.js'),
  '/peers/Readability.js': join(deps, 'node_modules/@mozilla/readability/Readability.js'),
};
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8', '.json': 'application/json' };
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const headers = {
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  };
  if (path === '/') {
    res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] });
    return res.end('<!doctype html><meta charset="utf-8"><title>xinwen browser benchmark</title>');
  }
  if (path === '/pages.json') {
    res.writeHead(200, { ...headers, 'content-type': TYPES['.json'] });
    return res.end(JSON.stringify({ pages }));
  }
  const file = files[path] && normalize(files[path]);
  if (!file || !existsSync(file)) {
    res.writeHead(404, headers);
    return res.end();
  }
  res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const { chromium: driver } = await import('playwright-core');
/** A headless Chromium, with `js` (V8 flags, `--js-flags=…`) when given. */
const launch = (js) =>
  driver.launch({
    executablePath: chromium,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(js ? [js] : [])],
  });
let browser = await launch(jsFlags);
const version = browser.version();

// In the page. `steady` runs `f` for a second, then keeps the fastest of ~10 batches' means over a second.
const HELPERS = `
  const median = (xs) => xs.toSorted((a, b) => a - b)[xs.length >> 1];
  const next20 = (f) => { const ts = []; for (let i = 0; i < 20; i++) { const t = performance.now(); f(); ts.push(performance.now() - t); } return median(ts); };
  const steady = (f) => {
    let t = performance.now(), n = 0;
    while (performance.now() - t < 1000 || n < 3) { f(); n++; }
    const batch = Math.max(1, Math.round(n / 10));
    let best = Infinity;
    const start = performance.now();
    for (let b = 0; b < 2 || performance.now() - start < 1000; b++) {
      t = performance.now();
      for (let i = 0; i < batch; i++) f();
      best = Math.min(best, (performance.now() - t) / batch);
    }
    return best;
  };
  const { pages } = await (await fetch('/pages.json')).json();
`;

/** Runs `body` (an async function body, with HELPERS in scope and `which`, the page's index) in a fresh context. */
async function fresh(body, which) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  const fn = new Function('which', `return (async () => { ${HELPERS} ${body} })();`);
  try {
    return await page.evaluate(fn, which);
  } finally {
    await context.close();
  }
}

const XINWEN = `
  const { input, format } = pages[which].xinwen;
  let t = performance.now();
  const xinwen = await import('/pkg/xinwen.js');
  const load = performance.now() - t;
  t = performance.now();
  await xinwen.default();
  const init = performance.now() - t;
  t = performance.now();
  const article = xinwen.parse(input, { format });
  const first = performance.now() - t;
  if (!article.body.length) throw new Error('xinwen should find a body');
  const parse = () => xinwen.parse(input, { format });
  return { load, init, ready: load + init, first, toArticle: init + first, start: load + init + first, next20: next20(parse), steady: steady(parse) };
`;
const COMPILE = `
  const bytes = await (await fetch('/pkg/xinwen_bg.wasm')).arrayBuffer();
  const t = performance.now();
  await WebAssembly.compile(bytes);
  return { compile: performance.now() - t };
`;
const readability = (dom) => `
  const html = pages[which].readability;
  let t = performance.now();
  ${dom === 'linkedom' ? "const { parseHTML } = await import('/peers/linkedom.js');" : ''}
  await new Promise((ok, fail) => {
    const s = document.createElement('script');
    s.src = '/peers/Readability.js';
    s.onload = ok;
    s.onerror = fail;
    document.head.append(s);
  });
  const load = performance.now() - t;
  const parse = () => new Readability(${
    dom === 'linkedom' ? 'parseHTML(html).document' : "new DOMParser().parseFromString(html, 'text/html')"
  }).parse();
  t = performance.now();
  const article = parse();
  const first = performance.now() - t;
  if (!article) throw new Error('Readability should find an article');
  return { load, ready: load, first, start: load + first, next20: next20(parse), steady: steady(parse) };
`;

const ms = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(1)).padStart(10);
const cell = (x) => (x === undefined ? ''.padStart(10) : ms(x));
console.log(`Chromium ${version}, headless${jsFlags ? `, ${jsFlags}` : ''}; a fresh context per run, median of ${runs} runs; wall ms`);
/** The median of `runs` compiles of the .wasm in fresh contexts of the current browser. */
const compileTime = async () => {
  const compiles = [];
  for (let r = 0; r < runs; r++) compiles.push(await fresh(COMPILE, 0));
  return medians(compiles).compile;
};
const size = `${(readFileSync(files['/pkg/xinwen_bg.wasm']).length / 1024).toFixed(0)} KB`;
const compile = await compileTime();
console.log(`WebAssembly.compile of the package's .wasm (${size}): ${ms(compile).trim()} ms (V8 compiles lazily: validation only)`);
let eager = null;
if (!jsFlags) {
  // every function compiled at once: what lazy compilation spreads over the first calls
  await browser.close();
  browser = await launch('--js-flags=--no-wasm-lazy-compilation');
  eager = await compileTime();
  await browser.close();
  browser = await launch(jsFlags);
  console.log(`the same with every function compiled (--js-flags=--no-wasm-lazy-compilation): ${ms(eager).trim()} ms`);
}
console.log(
  `\n${'page'.padEnd(36)} ${'parser'.padEnd(26)} ${'load'.padStart(10)} ${'init()'.padStart(10)} ${'ready'.padStart(10)} ${'first'.padStart(10)} ${'to Article'.padStart(10)} ${'load+first'.padStart(10)} ${'next 20'.padStart(10)} ${'steady'.padStart(10)}  first/steady  next20/steady`,
);
const notes = [];
for (const [which, page] of pages.entries()) {
  const rows = { xinwen: [], linkedom: [], dom: [] };
  for (let r = 0; r < runs; r++) {
    rows.xinwen.push(await fresh(XINWEN, which));
    rows.linkedom.push(await fresh(readability('linkedom'), which));
    rows.dom.push(await fresh(readability('dom'), which));
  }
  const m = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, medians(v)]));
  const row = (label, x) =>
    console.log(
      `${page.name.padEnd(36)} ${label.padEnd(26)} ${ms(x.load)} ${cell(x.init)} ${ms(x.ready)} ${ms(x.first)} ${cell(x.toArticle)} ${ms(x.start)} ${ms(x.next20)} ${ms(x.steady)}  ${`${(x.first / x.steady).toFixed(1)}x`.padStart(12)}  ${`${(x.next20 / x.steady).toFixed(1)}x`.padStart(13)}`,
    );
  row('xinwen', m.xinwen);
  row('readability + linkedom', m.linkedom);
  row('readability + DOMParser', m.dom);
  const x = m.xinwen;
  const against = (c) => `${(x.toArticle / (x.steady + c)).toFixed(1)}x`;
  notes.push(
    `${page.name}: init() through the first Article ${x.toArticle.toFixed(1)} ms = ${against(compile)} (steady parse + compile)` +
      `${eager === null ? '' : `, ${against(eager)} (steady parse + compile of every function)`}; ` +
      `readability + linkedom's first parse / xinwen's ${(m.linkedom.first / x.first).toFixed(1)}x, load + first ${(m.linkedom.start / x.start).toFixed(1)}x`,
  );
}
console.log(`\n${notes.join('\n')}`);
await browser.close();
server.close();
