// Static checks of the web page's sources (no browser needed): input-derived text must never be
// inserted as markup, and the page must carry its Content-Security-Policy.
// Run: `node --test tests/browser/static.test.mjs`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'www');
const EVAL = /\beval\s*\(|\bnew\s+Function\s*\(|\bset(Timeout|Interval)\s*\(\s*['"`]/;
const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|createContextualFragment|srcdoc)\b/;

// Every script of the page, in www/ and any folder under it, except the built package (www/pkg/).
function pageScripts() {
  return readdirSync(WWW, { recursive: true })
    .filter((f) => /\.m?js$/.test(f) && !/^pkg(\/|$)/.test(f));
}

test('the page scripts never insert markup nor evaluate strings', () => {
  const scripts = pageScripts();
  assert.ok(scripts.includes('app.js') && scripts.includes('view.js'), 'the scan should see the page\'s scripts');
  assert.ok(scripts.length >= 3, 'the page should have its scripts in www/');
  for (const file of scripts) {
    readFileSync(join(WWW, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        assert.doesNotMatch(line, SINKS, `${file}:${i + 1} should not use an HTML sink`);
        assert.doesNotMatch(line, EVAL, `${file}:${i + 1} should not evaluate a string as code`);
      });
  }
});

test('the page allows only its own origin (and wasm compilation)', () => {
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.ok(csp, 'index.html should carry a Content-Security-Policy meta tag');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'self'"], 'default-src should be self only');
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'scripts: self and wasm only');
  assert.deepEqual(directives['object-src'], ["'none'"], 'no plugins');
  for (const [name, sources] of Object.entries(directives)) {
    for (const source of sources) {
      assert.match(source, /^'(self|none|wasm-unsafe-eval)'$/, `${name} should allow no other origin (${source})`);
    }
  }
  assert.doesNotMatch(html, /\sstyle=|\son\w+=|<script>(?!<)/, 'index.html should have no inline styles, handlers or scripts');
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'index.html should load nothing from another origin');
});

test('the static server sends the right MIME types and stays inside its folder', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { startServer } = await import('../../www/server.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'xinwen-www-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'm.js'), 'export {};');
  writeFileSync(join(dir, 'm_bg.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(join(dir, '页.txt'), '新闻');
  const server = await startServer({ dir, port: 0 });
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const type = async (path) => (await fetch(base + path)).headers.get('content-type');
    assert.equal(await type('/'), 'text/html; charset=utf-8', '/ should serve index.html');
    assert.equal(await type('/m.js'), 'text/javascript; charset=utf-8', 'modules should be JavaScript');
    assert.equal(await type('/m_bg.wasm'), 'application/wasm', 'wasm should be application/wasm');
    assert.equal(await (await fetch(`${base}/${encodeURIComponent('页.txt')}`)).text(), '新闻', 'names should be decoded');
    assert.equal((await fetch(`${base}/missing.js`)).status, 404, 'a missing file should be 404');
    assert.equal((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status, 404, 'paths should not leave the folder');
    assert.equal((await fetch(base + '/', { method: 'POST' })).status, 405, 'only GET and HEAD should be served');
  } finally {
    await new Promise((ok) => server.close(ok));
    rmSync(dir, { recursive: true, force: true });
  }
});
