// The npm package (pkg/, built by scripts/build-wasm) against the native CLI (target/release/xinwen):
// for every page file we have, parse() in Node should give byte-for-byte the JSON the CLI prints,
// and toMarkdown() the Markdown it prints with --output markdown.
// Pages: www/samples/*.txt, tests/fixtures/*.txt, and the dev corpus's page.txt and page.nfkc.txt
// when ../shared/corpus is present (read in place, never copied).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseFile, toMarkdown } from '../../pkg/inline.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'target/release/xinwen');

function txtFiles(dir) {
  const d = join(root, dir);
  return existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => join(d, f)) : [];
}

function corpusFiles() {
  const dev = join(root, '../shared/corpus/dev');
  if (!existsSync(dev)) return [];
  return readdirSync(dev)
    .sort()
    .flatMap((id) => ['page.txt', 'page.nfkc.txt'].map((f) => join(dev, id, f)))
    .filter((f) => existsSync(f));
}

/** A string has no encoding: what decoding says about bytes (`encoding`, `encoding-errors`, `binary`)
 * is left out when a string's Article is compared with the CLI's for the file's bytes. */
function withoutDecodeDiagnostics(json) {
  const article = JSON.parse(json);
  article.diagnostics = article.diagnostics.filter((d) => !['encoding', 'encoding-errors', 'binary'].includes(d.code));
  return JSON.stringify(article);
}

/** The CLI's output, one JSON line per file, in order. */
function cliLines(files) {
  const out = execFileSync(cli, files, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const lines = out.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, files.length, 'the CLI should print one line per file');
  return lines;
}

function compare(files) {
  const lines = cliLines(files);
  files.forEach((file, i) => {
    const bytes = readFileSync(file);
    const fromBytes = JSON.stringify(parse(new Uint8Array(bytes)));
    if (fromBytes !== lines[i]) assert.deepEqual(JSON.parse(fromBytes), JSON.parse(lines[i]), `${file}: bytes should parse as the CLI does`);
    assert.equal(fromBytes, lines[i], `${file}: the JSON text should be identical to the CLI's`);
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    assert.equal(JSON.stringify(parse(text)), withoutDecodeDiagnostics(lines[i]), `${file}: the text should parse as its bytes do`);
  });
}

test('samples and fixtures parse in wasm exactly as with the CLI', () => {
  const files = [...txtFiles('www/samples'), ...txtFiles('tests/fixtures')];
  assert.ok(files.length > 0, 'there should be at least one sample page');
  compare(files);
});

test('dev corpus pages parse in wasm exactly as with the CLI', (t) => {
  const files = corpusFiles();
  if (files.length === 0) return t.skip('no ../shared/corpus here');
  compare(files);
});

test('options reach the core: today flags a future date as the CLI does', () => {
  const file = txtFiles('www/samples')[0];
  const [line] = execFileSync(cli, ['--today', '2000-01-01', file], { encoding: 'utf8' }).split('\n');
  assert.match(line, /date-in-future/, 'the CLI should flag the sample\'s date as in the future of 2000-01-01');
  assert.equal(JSON.stringify(parse(new Uint8Array(readFileSync(file)), { today: '2000-01-01' })), line, 'should equal the CLI with --today');
});

test('parseFile reads a Blob like parse reads its bytes', async () => {
  const file = txtFiles('www/samples')[0];
  const bytes = readFileSync(file);
  const article = await parseFile(new Blob([bytes]));
  assert.deepEqual(article, parse(new Uint8Array(bytes)), 'should equal parse of the same bytes');
});

test('toMarkdown gives the Markdown the CLI prints, from the Article parse gives', () => {
  const files = [...txtFiles('www/samples'), ...txtFiles('tests/fixtures')];
  for (const file of files) {
    const md = execFileSync(cli, ['--output', 'markdown', file], { encoding: 'utf8' });
    assert.equal(toMarkdown(parse(new Uint8Array(readFileSync(file)))), md, `${file}: the Markdown should be the CLI's`);
  }
  // an Article that went through JSON (a worker's message, a file) gives the same
  const article = parse(new Uint8Array(readFileSync(files[0])));
  assert.equal(toMarkdown(JSON.parse(JSON.stringify(article))), toMarkdown(article), 'should read an Article from JSON');
});
