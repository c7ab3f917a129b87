// Benchmark (not a test): the npm package's parse() in Node over the dev corpus pages, beside
// @mozilla/readability on linkedom over the same page.html files, in one run. Prints pages/s, MB/s
// (of input) and the ratio. Numbers only; nothing is asserted.
//   scripts/build-wasm && node bench/node-bench.mjs [corpus-dev-dir] [seconds-per-case]
// Readability and linkedom are installed on first run into target/bench-node/ (a throwaway folder).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../pkg/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dev = process.argv[2] ?? join(root, '../shared/corpus/dev');
const seconds = Number(process.argv[3] ?? 3);
const deps = join(root, 'target/bench-node');
const VERSIONS = ['@mozilla/readability@0.6.0', 'linkedom@0.18.15'];

if (!existsSync(dev)) {
  console.error(`node-bench: no corpus at ${dev}`);
  process.exit(1);
}
if (!existsSync(join(deps, 'node_modules/linkedom')) || !existsSync(join(deps, 'node_modules/@mozilla/readability'))) {
  console.error(`node-bench: installing ${VERSIONS.join(', ')} into ${deps}`);
  execFileSync('npm', ['install', '--prefix', deps, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...VERSIONS], { stdio: 'inherit' });
}
const require = createRequire(join(deps, 'package.json'));
const { Readability } = require('@mozilla/readability');
const { parseHTML } = require('linkedom');

const pages = readdirSync(dev)
  .sort()
  .map((id) => join(dev, id))
  .filter((d) => existsSync(join(d, 'page.html')) && existsSync(join(d, 'page.txt')))
  .map((d) => ({ html: readFileSync(join(d, 'page.html')), txt: readFileSync(join(d, 'page.txt')) }));
const htmlText = pages.map((p) => p.html.toString('utf8'));

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
    return null; // bytes that are not UTF-8 (until the HTML front end decodes them) still cost their time
  }
}

const cases = [
  ['xinwen wasm, page.txt bytes', pages.reduce((n, p) => n + p.txt.length, 0), () => pages.forEach((p) => parse(new Uint8Array(p.txt)))],
  ['xinwen wasm, page.html bytes', pages.reduce((n, p) => n + p.html.length, 0), () => pages.forEach((p) => swallow(() => parse(new Uint8Array(p.html))))],
  ['readability + linkedom, page.html', pages.reduce((n, p) => n + p.html.length, 0), () => htmlText.forEach((h) => new Readability(parseHTML(h).document).parse())],
];

const undecodable = pages.filter((p) => swallow(() => parse(new Uint8Array(p.html))) === null).length;
console.log(`${pages.length} pages from ${dev}, node ${process.version}, ${seconds}s per case`);
console.log(`(${undecodable} page.html files are not UTF-8: xinwen refuses them after decoding, until the HTML front end lands)`);
const rates = {};
for (const [name, bytes, pass] of cases) {
  const passesPerSecond = time(pass);
  rates[name] = passesPerSecond * pages.length;
  const mbps = (passesPerSecond * bytes) / 1e6;
  console.log(`${name.padEnd(36)} ${rates[name].toFixed(1).padStart(8)} pages/s ${mbps.toFixed(1).padStart(7)} MB/s`);
}
const ratio = rates['xinwen wasm, page.html bytes'] / rates['readability + linkedom, page.html'];
console.log(`ratio (xinwen on page.html / readability + linkedom): ${ratio.toFixed(1)}x`);
