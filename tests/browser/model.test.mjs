// Tests of the web page's pure modules in Node (no browser): how times, durations and notes are
// written for people (i18n.js), and what the worker makes of an Article (model.js): the date's
// words, file names, exports with provenance, the content's blocks and their origins, links.
// Run: `node --test tests/browser/model.test.mjs`.
//
// Also a guard between the parser and the page: every diagnostic code the Rust core emits, and
// every reason its decoder gives for an encoding, has its words in both of the page's languages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

globalThis.document = { documentElement: {} }; // setLang writes the page's lang attribute
const { STRINGS, encodingText, formatDuration, formatPublished, noteText, setLang } = await import('../../www/i18n.js');
const { FORMATS, bodySlice, buildView, datePattern, fileStem, indexArticle, jsonLine, provenance, safeLink } = await import('../../www/model.js');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('a time is written as the page wrote it, its zone named when it is not China\'s', () => {
  setLang('zh');
  assert.equal(formatPublished('2021-01-29T13:18+08:00'), '2021年1月29日 13:18', 'China\'s time should show as written');
  assert.equal(formatPublished('2021-01-29T13:18:40+08:00'), '2021年1月29日 13:18:40', 'seconds should show when given');
  assert.equal(formatPublished('2021-01-29T13:18+09:00'), '2021年1月29日 13:18 UTC+09:00', 'another zone should be named');
  assert.equal(formatPublished('2021-01-29T05:18:00Z'), '2021年1月29日 05:18:00 UTC+00:00', 'UTC should be named');
  assert.equal(formatPublished('2021-01-29T13:18-05:00'), '2021年1月29日 13:18 UTC−05:00', 'a zone west of UTC should be named');
  assert.equal(formatPublished('2021-09-03'), '2021年9月3日', 'a date alone should be that day');
  assert.equal(formatPublished('2021-09'), '2021年9月', 'a month alone should be that month');
  assert.equal(formatPublished('not a date'), 'not a date', 'anything else should show as it is');
  setLang('en');
  assert.equal(formatPublished('2021-01-29T13:18+08:00'), '29 January 2021 at 13:18', 'English should read as English');
  setLang('zh');
});

test('durations are rounded to what a page can measure', () => {
  assert.equal(formatDuration(0.31), '<1 毫秒', 'under a millisecond should say so');
  assert.equal(formatDuration(12.4), '12 毫秒', 'whole milliseconds');
  assert.equal(formatDuration(234.9), '230 毫秒', 'tens of milliseconds from 100 ms');
  assert.equal(formatDuration(1530), '1.5 秒', 'tenths of a second from 1 s');
});

test('the date pattern finds the date as pages write it, and nothing else', () => {
  const re = datePattern('2021-01-29T13:18+08:00');
  for (const written of ['2021-1-29 13:18', '2021年01月29日 13:18', '2021/01/29', '2021.1.29 13：18', '2021年1月29日13时18分']) {
    assert.ok(re.exec(`发布时间：${written} 来源`)?.[0].startsWith('2021'), `should find ${written}`);
  }
  assert.equal(re.exec('2021-01-29 13:18')[0], '2021-01-29 13:18', 'should take the time with the date');
  assert.equal(re.exec('12021-1-29'), null, 'should not start inside a number');
  assert.equal(re.exec('2021-1-2'), null, 'should not take another day');
  assert.equal(datePattern('2021-01-29T13:18+08:00', false).exec('01-29 13:18')[0], '01-29 13:18', 'should find a date without its year');
  assert.equal(datePattern('2021-01', false), null, 'a month alone without its year is no pattern');
});

test('file names come from the date and the title', () => {
  assert.equal(fileStem({ title: '青山区:全力冲刺/三季度', published: '2021-09-03T10:00+08:00' }), '2021-09-03-青山区-全力冲刺-三季度', 'unsafe characters should go');
  assert.equal(fileStem({ title: '标题', published: null }), '标题', 'no date, the title alone');
  assert.equal(fileStem({ title: null }, 'page'), 'page', 'no title, the fallback');
  assert.equal(fileStem({ title: '长'.repeat(100), published: '2021-09-03' }).length, 11 + 60, 'a long title should be cut');
});

test('exports carry their provenance first; unknown entries are left out', () => {
  const article = { kind: 'article', title: '标题', blocks: [] };
  const json = FORMATS.json.write(article, { file: 'a.html', encoding: 'gb18030', version: '1.2.3' });
  assert.ok(json.startsWith('{\n  "provenance": {\n    "file": "a.html",\n    "encoding": "gb18030",\n    "xinwen": "1.2.3"\n  },\n  "kind"'), json);
  assert.ok(json.endsWith('}\n'), 'the file should end with a line end, as the CLI prints it');
  assert.equal(FORMATS.json.write(article, {}), `${JSON.stringify(article, null, 2)}\n`, 'nothing known, no provenance');
  assert.deepEqual(JSON.parse(jsonLine({ ...article, url: 'https://example.com/a' }, {})).provenance, { url: 'https://example.com/a' }, 'the URL when the Article gives one');
  assert.deepEqual(provenance({ file: '', encoding: null }), {}, 'empty entries should be left out');
});

test('the content\'s blocks come with the blocks they span; only http(s) addresses become links', () => {
  const text = '标题\n第一段正文。\n• 一\n• 二\n图为某地。\n';
  const at = (s) => [text.indexOf(s), text.indexOf(s) + s.length];
  const span = (s) => ({ start: at(s)[0], end: at(s)[1] });
  const article = {
    kind: 'article', title: '标题', authors: [], source: null, published: null, editors: [], site: null, breadcrumb: [],
    dateline: null, description: '摘要', tags: ['甲'], category: null, url: 'javascript:alert(1)', host: null, language: 'zh-Hans',
    image: { src: 'https://a.example/1.jpg', alt: null, caption: null }, body: ['第一段正文。', '• 一', '• 二'],
    content: [
      { type: 'paragraph', text: '第一段正文。', ...span('第一段正文。') },
      { type: 'list', ordered: false, items: ['一', '二'], start: at('• 一')[0], end: at('• 二')[1] },
      { type: 'figure', src: 'data:image/png;base64,AA', alt: null, caption: '图为某地。', ...span('图为某地。') },
    ],
    figures: [], sections: [], diagnostics: [],
    blocks: ['标题', '第一段正文。', '• 一', '• 二', '图为某地。'].map((s, i) => ({ role: i ? (i === 4 ? 'other' : 'body') : 'title', ...span(s) })),
  };
  const ix = indexArticle(article, text);
  const slice = bodySlice(ix, 0);
  assert.deepEqual(slice.map((b) => b.origin.blocks), [[1], [2, 3], [4]], 'each block of the content should light the lines it spans');
  assert.equal(slice[2].href, null, 'a data: address should not become a link');
  const view = buildView(ix);
  assert.equal(view.url.href, null, 'a javascript: address should not become a link');
  assert.equal(view.image.href, 'https://a.example/1.jpg', 'an https address should');
  assert.deepEqual(view.more, [], 'every field should be drawn');
  assert.equal(safeLink(' HTTP://a.example/x '), 'HTTP://a.example/x', 'http in any case, trimmed');
});

/** Every .rs file under src/. */
function sources(dir = join(ROOT, 'src')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.rs') ? [join(dir, e.name)] : [],
  );
}

test('every diagnostic code of the parser has words in Chinese and English', () => {
  const codes = new Set();
  for (const file of sources()) {
    for (const m of readFileSync(file, 'utf8').matchAll(/Diagnostic::new\(\s*"([a-z-]+)"/g)) codes.add(m[1]);
  }
  assert.ok(codes.size >= 10, `the scan should find the parser's codes (found ${[...codes]})`);
  codes.delete('encoding'); // said as a line of the figures, see below
  for (const lang of ['zh', 'en']) {
    for (const code of codes) assert.ok(STRINGS[lang].noteText[code], `${code} should have ${lang} words`);
  }
  setLang('zh');
  assert.equal(noteText({ code: 'encoding-errors', message: '12 undecodable byte sequence(s) in UTF-8 became U+FFFD' }).startsWith('有 12 处'), true, 'counts should carry over');
  assert.match(noteText({ code: 'date-relative', message: "the page dates the article 昨天 10:30: 2021-09-03T10:30+08:00 with today's date" }), /「昨天 10:30」/, 'the words of a relative date should carry over');
  assert.equal(noteText({ code: 'new-code', message: 'Something new.' }), 'Something new.', 'a code new to the page should show the parser\'s words');
});

test('every reason the decoder gives for an encoding is said in Chinese; both languages have every string', () => {
  const decode = readFileSync(join(ROOT, 'src', 'decode.rs'), 'utf8');
  const choose = decode.slice(decode.indexOf('fn choose('), decode.indexOf('\n}\n', decode.indexOf('fn choose(')));
  const reasons = [...choose.matchAll(/"([^"\\]*(?:\\.[^"\\]*)*)"/g)]
    .map((m) => m[1])
    .filter((r) => /[a-z] [a-z]/.test(r))
    .map((r) => r.replace('{label}', 'gbk').replace('{place}', '<meta charset>'));
  reasons.push(/const CHOSEN: &str = "([^"]+)"/.exec(decode)[1]);
  assert.ok(reasons.length >= 10, `the scan should find the decoder's reasons (found ${reasons.length})`);
  setLang('zh');
  for (const why of reasons) {
    assert.match(encodingText({ message: `decoded as GB18030: ${why}` }), /^编码 GB18030（[^a-z]*[\u4e00-\u9fff]/, `"${why}" should be said in Chinese`);
  }
  for (const table of ['encodingReasons', 'noteText', 'batchStatus', 'kinds', 'themes', 'roles']) {
    assert.deepEqual(Object.keys(STRINGS.en[table]).sort(), Object.keys(STRINGS.zh[table]).sort(), `${table} should have the same entries in English`);
  }
  assert.deepEqual(Object.keys(STRINGS.en).sort(), Object.keys(STRINGS.zh).sort(), 'every string should be in both languages');
  setLang('zh');
  assert.equal(encodingText({ message: 'decoded as GB18030: declared gb2312 in <meta charset>' }), '编码 GB18030（声明 gb2312）', 'a neutral line naming the encoding and the declaration');
});
