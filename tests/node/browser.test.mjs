// The package in a real browser (headless Debian chromium driven by playwright-core; nothing is
// downloaded): the ES module glue's init() fetches the .wasm, parse and parseFile give the CLI's JSON,
// and the Web Worker entry (worker.js) answers { id, input, options } with { id, article } or
// { id, error }. Skipped, saying why, when chromium is not installed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sample = join(root, 'www/samples/county-meeting.txt');
const which = (cmd) => {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
};
const CHROMIUM = process.env.CHROMIUM || which('chromium') || which('chromium-browser');
const skip = CHROMIUM ? false : 'chromium is not installed (tests/run installs it with apt-get when run as root)';
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8' };

let server;
let context;
let page;
let profile;

before(async () => {
  if (skip) return;
  // Serves pkg/ under /pkg/ and an empty page at /.
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end('<!doctype html><meta charset="utf-8"><title>xinwen package test</title>');
    }
    const file = normalize(join(root, path));
    if (!path.startsWith('/pkg/') || !file.startsWith(join(root, 'pkg')) || !existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { chromium } = await import('playwright-core');
  profile = mkdtempSync(join(tmpdir(), 'xinwen-pkg-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
});

after(async () => {
  await context?.close();
  if (server) await new Promise((ok) => server.close(ok));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** A string has no encoding: drops what decoding says about bytes (as in parity.test.mjs). */
const withoutDecodeDiagnostics = (json) => {
  const article = JSON.parse(json);
  article.diagnostics = article.diagnostics.filter((d) => !['encoding', 'encoding-errors', 'binary'].includes(d.code));
  return JSON.stringify(article);
};
const cliJson = (args) => execFileSync(join(root, 'target/release/xinwen'), args, { encoding: 'utf8' }).trim();

test('init() then parse and parseFile give the CLI JSON in the browser', { skip }, async () => {
  const text = readFileSync(sample, 'utf8');
  const got = await page.evaluate(async (text) => {
    const { default: init, parse, parseFile } = await import('/pkg/xinwen.js');
    await init();
    const bytes = new TextEncoder().encode(text);
    let misuse = null;
    try {
      parse(42);
    } catch (e) {
      misuse = e instanceof TypeError;
    }
    return {
      fromString: JSON.stringify(parse(text)),
      fromBytes: JSON.stringify(parse(bytes)),
      fromFile: JSON.stringify(await parseFile(new File([bytes], 'page.txt'))),
      misuse,
      after: parse(text).title,
    };
  }, text);
  const expected = cliJson([sample]);
  assert.equal(got.fromString, withoutDecodeDiagnostics(expected), 'a string should parse as with the CLI');
  assert.equal(got.fromBytes, expected, 'bytes should parse as with the CLI');
  assert.equal(got.fromFile, expected, 'a File should parse as with the CLI');
  assert.equal(got.misuse, true, 'parse(42) should throw a TypeError');
  assert.equal(got.after, JSON.parse(expected).title, 'parse should still work after misuse');
});

test('the worker answers each request with its id: an article or an error', { skip }, async () => {
  const text = readFileSync(sample, 'utf8');
  const replies = await page.evaluate(async (text) => {
    const worker = new Worker('/pkg/worker.js', { type: 'module' });
    const replies = new Map();
    const done = new Promise((resolve) => {
      worker.onmessage = ({ data }) => {
        replies.set(data.id, data);
        if (replies.size === 4) resolve();
      };
    });
    worker.postMessage({ id: 'text', input: text, options: { today: '2000-01-01' } });
    worker.postMessage({ id: 'blob', input: new Blob([text]) });
    worker.postMessage({ id: 'bad-input', input: 42 });
    worker.postMessage({ id: 'bad-option', input: text, options: { todya: 1 } });
    await done;
    worker.terminate();
    return Object.fromEntries([...replies].map(([id, r]) => [id, r.article ? JSON.stringify(r.article) : r.error]));
  }, text);
  assert.equal(replies.text, withoutDecodeDiagnostics(cliJson(['--today', '2000-01-01', sample])), 'a string with options should parse as with the CLI');
  assert.equal(replies.blob, cliJson([sample]), 'a Blob should parse as with the CLI');
  assert.equal(replies['bad-input'].name, 'TypeError', 'a number should come back as a TypeError');
  assert.match(replies['bad-option'].message, /todya/, 'an unknown option should be named');
});
