// Benchmark (not a test): the npm package's parse() in Node over the dev corpus pages (page.txt as
// text, page.html as HTML, both as bytes and as strings), beside @mozilla/readability on linkedom
// and dom-smoothie-js (Rust readability in wasm; skipped if it does not install) over the same
// page.html files, in one run, on one thread. Prints pages/s, MB/s (of input) and ratios; compare
// the MB/s with the native figures of `cargo run --release --example bench` (target: wasm within
// 2x of native). Numbers only; nothing is asserted.
//   scripts/build-wasm && node bench/node-bench.mjs [corpus-dev-dir] [seconds-per-case]
// The peers are installed on first run into target/bench-node/ (a throwaway folder).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, parse } from '../pkg/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dev = process.argv[2] ?? join(root, '../shared/corpus/dev');
const seconds = Number(process.argv[3] ?? 3);
const deps = join(root, 'target/bench-node');
const VERSIONS = ['@mozilla/readability@0.6.0', 'linkedom@0.18.15'];
const SMOOTHIE = 'dom-smoothie-js@0.16.0';

if (!existsSync(dev)) {
  console.error(`node-bench: no corpus at ${dev}`);
  process.exit(1);
}
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
let smoothie = null;
try {
  smoothie = require('dom-smoothie-js');
} catch {
  smoothie = null;
}

const pages = readdirSync(dev)
  .sort()
  .map((id) => join(dev, id))
  .filter((d) => existsSync(join(d, 'page.html')) && existsSync(join(d, 'page.txt')))
  .map((d) => ({ html: readFileSync(join(d, 'page.html')), txt: readFileSync(join(d, 'page.txt')) }));
// the pages as text, decoded once (legacy encodings too) by the package: what a caller holding strings passes
const txtText = pages.map((p) => decode(new Uint8Array(p.txt)).text);
const htmlText = pages.map((p) => decode(new Uint8Array(p.html)).text);
const sum = (xs) => xs.reduce((n, x) => n + x.length, 0);
const txtBytes = sum(pages.map((p) => p.txt));
const htmlBytes = sum(pages.map((p) => p.html));

/** Runs `pass` (one pass over all pages) until `seconds` have passed; returns passes per second. */
function time(pass) {
  pass(); // warm up (JIT, wasm tier-up)
  let passes = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    pass();
    passes += 1;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return passes / elapsed;
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
const cases = [
  ['xinwen wasm, page.txt bytes', txtBytes, () => pages.forEach((p) => parse(new Uint8Array(p.txt), TEXT))],
  ['xinwen wasm, page.txt string', txtBytes, () => txtText.forEach((t) => parse(t, TEXT))],
  ['xinwen wasm, page.html bytes', htmlBytes, () => pages.forEach((p) => parse(new Uint8Array(p.html), HTML))],
  ['xinwen wasm, page.html string', htmlBytes, () => htmlText.forEach((h) => parse(h, HTML))],
  ['readability + linkedom, page.html', htmlBytes, () => htmlText.forEach((h) => swallow(() => new Readability(parseHTML(h).document).parse()))],
];
if (smoothie) {
  cases.push(['dom-smoothie-js, page.html', htmlBytes, () => htmlText.forEach((h) => swallow(() => new smoothie.Readability(h, null, null).parse()))]);
}

console.log(`${pages.length} pages from ${dev}, node ${process.version}, ${seconds}s per case; MB/s of the files' bytes`);
const rates = {};
for (const [name, bytes, pass] of cases) {
  const passesPerSecond = time(pass);
  rates[name] = passesPerSecond * pages.length;
  const mbps = (passesPerSecond * bytes) / 1e6;
  console.log(`${name.padEnd(36)} ${rates[name].toFixed(1).padStart(8)} pages/s ${mbps.toFixed(1).padStart(7)} MB/s`);
}
for (const peer of ['readability + linkedom, page.html', 'dom-smoothie-js, page.html']) {
  if (rates[peer]) {
    const ratio = rates['xinwen wasm, page.html string'] / rates[peer];
    console.log(`ratio (xinwen on page.html / ${peer.replace(', page.html', '')}): ${ratio.toFixed(1)}x`);
  }
}
