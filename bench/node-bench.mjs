// Benchmark (not a test): the npm package's parse() in Node over the dev corpus pages (page.txt as
// text, page.html as HTML, both as bytes and as strings), beside the native build on the same pages
// and, over the same page.html files, @mozilla/readability on linkedom and dom-smoothie-js (Rust
// readability in wasm; skipped if it does not install), in one run, one thread at a time. Prints
// pages/s, MB/s and the ratios, among them native / wasm (target: wasm within 2x of native).
// Numbers only; nothing is asserted.
//   scripts/build-wasm && node bench/node-bench.mjs [corpus-dev-dir] [seconds-per-case] [--no-native] [--no-peers]
// Times: CPU time of the process (process.cpuUsage: the main thread and V8's helper threads, GC
// included), fastest of ~10 batches after a warm-up long enough for V8 to tier the wasm up to its
// optimizing compiler, as examples/bench.rs times the native build (CPU time of its thread, fastest
// of ~10 batches). MB/s count the pages' text in UTF-8 (decoded beforehand for the string cases), as
// examples/bench.rs does. The native figures come from running examples/bench.rs's corpus part
// (`cargo build --release --example bench`, then the binary, stopped before its scaling part).
// The peers are installed on first run into target/bench-node/ (a throwaway folder).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, parse } from '../pkg/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dev = args[0] ?? join(root, '../shared/corpus/dev');
const seconds = Number(args[1] ?? 3);
const withNative = !flags.includes('--no-native');
const withPeers = !flags.includes('--no-peers');
const deps = join(root, 'target/bench-node');
const VERSIONS = ['@mozilla/readability@0.6.0', 'linkedom@0.18.15'];
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
  if (!existsSync(join(deps, 'node_modules/linkedom')) || !existsSync(join(deps, 'node_modules/@mozilla/readability'))) {
    console.error(`node-bench: installing ${VERSIONS.join(', ')} into ${deps}`);
    execFileSync('npm', ['install', '--prefix', deps, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...VERSIONS], { stdio: 'inherit' });
  }
  if (!existsSync(join(deps, 'node_modules/dom-smoothie-js'))) {
    try {
      execFileSync('npm', ['install', '--prefix', deps, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...VERSIONS, SMOOTHIE], { stdio: 'inherit' });
    } catch {
      console.error(`node-bench: ${SMOOTHIE} did not install; skipping it`);
    }
  }
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

const TEXT = { format: 'text' };
const HTML = { format: 'html' };
console.log(`${txt.text.length} page.txt (${txt.mb.toFixed(2)} MB), ${html.text.length} page.html (${html.mb.toFixed(2)} MB) from ${dev}`);
console.log(`node ${process.version}; CPU time, fastest of ~10 batches of ~${seconds / 10}s; MB/s of the pages' text in UTF-8\n`);

// the first pass right after instantiation, while V8 runs the baseline compiler's code (what one parse in a fresh process costs)
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
console.log(`\nfirst pass over page.txt after instantiation (before V8 tiers the wasm up): ${(txt.mb / firstPass).toFixed(1)} MB/s`);
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
