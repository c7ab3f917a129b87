// Benchmark (not a test): the npm package's parse() in Node, as a user first meets it and once warmed up,
// beside @mozilla/readability on linkedom in the same run. Numbers only; nothing is asserted.
//   scripts/build-wasm && node bench/node-bench.mjs [corpus-dev-dir] [seconds-per-case] [--no-native] [--no-peers]
//     [--cold-runs=5] [--cold-page=gne-thepaper-1] [--cold-only] [--pkg=pkg]
// --pkg: the built package to measure (default pkg/; another build, such as an older one, to compare).
//
// 1. Cold start (what a one-page-per-process user sees: a CLI-style script, a serverless function):
//    bench/cold-start.mjs in a fresh process per run loads the package (the import, which ends with the
//    package's warm-up: two small parses that make V8 compile the parser), parses one page once, 20 times
//    more, then until V8 has tiered the wasm up; the same for Readability + linkedom. The pages: our
//    seed sample (www/samples/county-meeting.txt; xinwen reads it as text, Readability as one <p> per
//    line) and one corpus page's page.html (--cold-page). Prints the median over --cold-runs processes
//    of the load (import), the first parse, the median of the next 20 and the steady state, in wall
//    time (what the user waits) with the process's CPU time beside it (V8's background compiler
//    threads included), the load and first parse together (what a one-page process waits for), and
//    the ratios: first / steady (target <= 5x), next 20 / steady (<= 2x), Readability's first parse
//    / xinwen's (>= 20x).
// 2. Warmed up (best batch): the dev corpus pages (page.txt as text, page.html as HTML, both as bytes
//    and as strings), beside the native build on the same pages and, over the same page.html files,
//    Readability on linkedom and dom-smoothie-js (Rust readability in wasm; skipped if it does not
//    install), one thread at a time. Prints pages/s, MB/s and the ratios, among them native / wasm
//    (target: wasm within 2x of native).
// Warm times: CPU time of the process (process.cpuUsage: the main thread and V8's helper threads, GC
// included), fastest of ~10 batches after a warm-up long enough for V8 to tier the wasm up to its
// optimizing compiler, as examples/bench.rs times the native build (CPU time of its thread, fastest
// of ~10 batches). MB/s count the pages' text in UTF-8 (decoded beforehand for the string cases), as
// examples/bench.rs does. The native figures come from running examples/bench.rs's corpus part
// (`cargo build --release --example bench`, then the binary, stopped before its scaling part).
// The peers are installed on first run into target/bench-node/ (a throwaway folder), where the cold
// start's inputs are written too.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { coldPages, deps, installReadability, medians, root } from './shared.mjs';

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dev = args[0] ?? join(root, '../shared/corpus/dev');
const seconds = Number(args[1] ?? 3);
const withNative = !flags.includes('--no-native');
const withPeers = !flags.includes('--no-peers');
const option = (name, fallback) => flags.find((f) => f.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const pkg = resolve(option('pkg', join(root, 'pkg')));
const { decode, parse } = await import(pathToFileURL(join(pkg, 'inline.js')).href);
const coldRuns = Number(option('cold-runs', 5));
const coldPage = option('cold-page', 'gne-thepaper-1');
const coldOnly = flags.includes('--cold-only');
const SMOOTHIE = 'dom-smoothie-js@0.16.0';

if (!existsSync(dev)) {
  console.error(`node-bench: no corpus at ${dev}`);
  process.exit(1);
}

/** The page files named `name` in the corpus, in folder order (the set examples/bench.rs reads). */
function corpus(name) {
  const files = readdirSync(dev)
    .sort()
    .map((id) => join(dev, id, name))
    .filter((f) => existsSync(f));
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  // the pages as text, decoded once (legacy encodings too) by the package: what a caller holding strings passes
  const text = bytes.map((b) => decode(b).text);
  const mb = text.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  return { bytes, text, mb };
}
const txt = corpus('page.txt');
const html = corpus('page.html');

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** The CPU seconds of one `pass` (one pass over a set of pages): the fastest batch's mean, after a
 * warm-up of at least a second and three passes. Batches last about `seconds`/10; at least two run. */
function time(pass) {
  let start = cpu();
  pass();
  const once = Math.max(cpu() - start, 1e-6);
  for (let warm = 1; warm < 3 || cpu() - start < 1; warm++) pass();
  const batch = Math.max(1, Math.round(seconds / 10 / once));
  let best = Infinity;
  start = cpu();
  for (let batches = 0; batches < 2 || cpu() - start < seconds; batches++) {
    const t = cpu();
    for (let i = 0; i < batch; i++) pass();
    best = Math.min(best, (cpu() - t) / batch);
  }
  return best;
}

/** examples/bench.rs's corpus figures: `{ 'page.txt': { pps, mbps, jsonPps, jsonMbps }, … }`. */
async function native() {
  execFileSync('cargo', ['build', '--quiet', '--release', '--example', 'bench'], { cwd: root, stdio: 'inherit' });
  const child = spawn(join(root, 'target/release/examples/bench'), [dev], { stdio: ['ignore', 'pipe', 'inherit'] });
  const rows = {};
  let out = '';
  for await (const chunk of child.stdout) {
    out += chunk;
    if (out.includes('== scaling')) break;
  }
  child.kill();
  for (const line of out.split('\n')) {
    const m = line.match(/^(page\.\S+)\s+(\d+)\s+([\d.]+)\s+(\d+)\s+([\d.]+)\s+(\d+)\s+([\d.]+)\s*$/);
    if (m) rows[m[1]] = { pages: +m[2], pps: +m[4], mbps: +m[5], jsonPps: +m[6], jsonMbps: +m[7] };
  }
  if (!rows['page.txt'] || !rows['page.html']) throw new Error(`node-bench: no corpus figures from examples/bench.rs:\n${out}`);
  return rows;
}

let peers = [];
if (withPeers) {
  installReadability([SMOOTHIE]);
  const require = createRequire(join(deps, 'package.json'));
  const { Readability } = require('@mozilla/readability');
  const { parseHTML } = require('linkedom');
  peers.push(['readability + linkedom', (h) => new Readability(parseHTML(h).document).parse()]);
  try {
    const smoothie = require('dom-smoothie-js');
    peers.push(['dom-smoothie-js', (h) => new smoothie.Readability(h, null, null).parse()]);
  } catch {
    // not installed
  }
}

function swallow(f) {
  try {
    return f();
  } catch {
    return null; // a peer that throws on a page still spent its time
  }
}


/** One fresh process of bench/cold-start.mjs: its figures. */
function coldStart(tool, file, format) {
  const out = execFileSync(process.execPath, [join(root, 'bench/cold-start.mjs'), tool, file, format, '1', deps, pkg], { encoding: 'utf8' });
  const figures = JSON.parse(out.trim().split('\n').pop());
  // what a one-page process waits for: the import and the first parse
  figures.start = { wall: figures.load.wall + figures.first.wall, cpu: figures.load.cpu + figures.first.cpu };
  return figures;
}

/** The cold-start table: each page, each parser, the median of `coldRuns` fresh processes (alternating). */
function cold() {
  const dir = join(deps, 'cold');
  mkdirSync(dir, { recursive: true });
  const cell = (x) => `${x.wall.toFixed(x.wall < 1 ? 3 : 1)} (${x.cpu.toFixed(x.cpu < 1 ? 3 : 1)})`.padStart(16);
  console.log(`== cold start: a fresh process per run, median of ${coldRuns} runs; wall ms (process CPU ms)`);
  console.log(
    `${'page'.padEnd(36)} ${'parser'.padEnd(24)} ${'load'.padStart(16)} ${'first parse'.padStart(16)} ${'load + first'.padStart(16)} ${'next 20, median'.padStart(16)} ${'steady'.padStart(16)}  first/steady  next20/steady`,
  );
  const summary = [];
  coldPages(dev, coldPage, decode).forEach((page, i) => {
    // the inputs as files, read by each process before its clock starts
    const mine = join(dir, `${i}.xinwen`);
    const theirs = join(dir, `${i}.html`);
    writeFileSync(mine, page.xinwen.input);
    writeFileSync(theirs, page.readability);
    const runs = { xinwen: [], readability: [] };
    for (let r = 0; r < coldRuns; r++) {
      runs.xinwen.push(coldStart('xinwen', mine, page.xinwen.format));
      if (withPeers) runs.readability.push(coldStart('readability', theirs, 'html'));
    }
    const figures = {};
    for (const [tool, label] of [['xinwen', 'xinwen'], ['readability', 'readability + linkedom']]) {
      if (!runs[tool].length) continue;
      const m = (figures[tool] = medians(runs[tool]));
      const ratio = (a, b) => `${(a.wall / b.wall).toFixed(1)}x`.padStart(12);
      console.log(
        `${page.name.padEnd(36)} ${label.padEnd(24)} ${cell(m.load)} ${cell(m.first)} ${cell(m.start)} ${cell(m.next20)} ${cell(m.steady)}  ${ratio(m.first, m.steady)}  ${ratio(m.next20, m.steady)}`,
      );
    }
    if (figures.readability) {
      const [x, p] = [figures.xinwen.first, figures.readability.first];
      const [xs, ps] = [figures.xinwen.start, figures.readability.start];
      summary.push(`${page.name}: ${(p.wall / x.wall).toFixed(1)}x (CPU ${(p.cpu / x.cpu).toFixed(1)}x), load + first ${(ps.wall / xs.wall).toFixed(1)}x`);
    }
  });
  if (summary.length) console.log(`readability + linkedom's first parse / xinwen's: ${summary.join('; ')}`);
  console.log('');
}

const TEXT = { format: 'text' };
const HTML = { format: 'html' };
if (coldRuns > 0) cold();
if (coldOnly) process.exit(0);
console.log(`== warmed up: best batch`);
console.log(`${txt.text.length} page.txt (${txt.mb.toFixed(2)} MB), ${html.text.length} page.html (${html.mb.toFixed(2)} MB) from ${dev}`);
console.log(`node ${process.version}; CPU time, fastest of ~10 batches of ~${seconds / 10}s; MB/s of the pages' text in UTF-8\n`);

// the first pass after the import (and its warm-up), while V8 runs the baseline compiler's code
let t = cpu();
txt.text.forEach((s) => parse(s, TEXT));
const firstPass = cpu() - t;

const nativeRows = withNative ? await native() : null;
const cases = [
  ['wasm, page.txt string', txt, () => txt.text.forEach((s) => parse(s, TEXT))],
  ['wasm, page.txt bytes', txt, () => txt.bytes.forEach((b) => parse(b, TEXT))],
  ['wasm, page.html string', html, () => html.text.forEach((s) => parse(s, HTML))],
  ['wasm, page.html bytes', html, () => html.bytes.forEach((b) => parse(b, HTML))],
  ...peers.map(([name, f]) => [`${name}, page.html`, html, () => html.text.forEach((h) => swallow(() => f(h)))]),
];
const row = (name, pps, mbps) => console.log(`${name.padEnd(36)} ${pps.toFixed(1).padStart(8)} pages/s ${mbps.toFixed(1).padStart(7)} MB/s`);
if (nativeRows) {
  for (const [file, r] of Object.entries(nativeRows)) {
    row(`native, ${file}`, r.pps, r.mbps);
    row(`native, ${file} + JSON`, r.jsonPps, r.jsonMbps);
  }
}
const rates = {};
for (const [name, set, pass] of cases) {
  const s = time(pass);
  rates[name] = set.mb / s;
  row(name, set.text.length / s, set.mb / s);
}
console.log(`\nfirst pass over page.txt after the import (before V8 tiers the wasm up): ${(txt.mb / firstPass).toFixed(1)} MB/s`);
if (nativeRows) {
  for (const [file, wasm] of [['page.txt', 'wasm, page.txt string'], ['page.html', 'wasm, page.html string']]) {
    const n = nativeRows[file];
    console.log(
      `native / wasm, ${file}: ${(n.mbps / rates[wasm]).toFixed(2)}x (parse), ${(n.jsonMbps / rates[wasm]).toFixed(2)}x (native parse + JSON text)`,
    );
  }
}
for (const [peer] of peers) {
  const ratio = rates['wasm, page.html string'] / rates[`${peer}, page.html`];
  console.log(`wasm on page.html / ${peer}: ${ratio.toFixed(1)}x`);
}
