// Browser tests of the web page's input: what is refused, what is empty, what can be undone, the
// encoding menu, several files at once, a link that carries the text, times and notes as people
// read them. Headless Debian chromium driven by playwright-core.
// Run: `www/serve --build-only && node --test tests/browser/input.test.mjs` (tests/run does this).
//
// What they guard: a JPEG (opened, or dropped as a .png) is refused in one sentence; empty input
// says so; Clear and the samples can be undone once; the encoding menu re-decodes a Big5 .txt;
// several files give a list and a JSON Lines download; a share link carries small pasted text in
// its fragment and never sends it; a time shows as the page wrote it in a browser set to UTC;
// every note is in Chinese, and the decoding is a neutral line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, drop, jpegBytes, open, paste, settled, skipReason } from './harness.mjs';

const FIXTURES = join(ROOT, 'tests', 'browser', 'fixtures');
const seedText = readFileSync(join(ROOT, 'www', 'samples', 'county-meeting.txt'), 'utf8');
const skip = skipReason ?? false;

const state = (page) => page.evaluate(() => document.body.dataset.state);
const until = (page, name) => page.waitForFunction((n) => document.body.dataset.state === n, name);

test('a JPEG is refused in one sentence, opened or dropped under a page\'s name', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    await page.setInputFiles('#file', { name: 'photo.html', mimeType: 'text/html', buffer: jpegBytes() });
    await until(page, 'refused');
    assert.equal(await page.locator('#panel-structure').textContent(), '这不是文本或网页文件。', 'the result should be one clear sentence');
    assert.equal(await page.locator('.para').count(), 0, 'no paragraph of garbage should show');
    assert.equal(await page.locator('#input').inputValue(), '', 'the garbage should not fill the input');
    assert.equal(await page.locator('#copy').isDisabled(), true, 'nothing should be offered for copying');
    await page.click('[data-sample="county-meeting"]');
    await settled(page);
    await drop(page, [{ name: 'photo.png', type: 'image/png', bytes: [...jpegBytes(8_000)] }]);
    await until(page, 'refused');
    assert.match(await page.locator('#status').textContent(), /这不是文本或网页文件/, 'a dropped image should be refused too');
    assert.deepEqual(s.errors, [], 'the page should log no errors');
  } finally {
    await s.close();
  }
});

test('empty input says there is nothing to parse', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    assert.equal(await page.locator('#stats').textContent(), '', 'before any input there should be no figures');
    await paste(page, '   \n\u3000\n\t ');
    await until(page, 'nothing');
    assert.match(await page.locator('#panel-structure').textContent(), /没有可解析的内容/, 'white space should be nothing to parse');
    assert.equal(await page.locator('.note').count(), 0, 'white space should give no warnings');
    await page.setInputFiles('#file', { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await page.waitForFunction(() => document.querySelector('#panel-structure').textContent.includes('文件是空的'));
    assert.equal(await state(page), 'nothing', 'an empty file should say so');
  } finally {
    await s.close();
  }
});

test('Clear and a sample can be undone once, from a toast or with Ctrl+Z', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const mine = seedText.replace('青山区', '白沙区');
    await paste(page, mine);
    await settled(page);
    await page.click('#clear');
    await until(page, 'empty');
    assert.equal(await page.locator('#input').inputValue(), '', 'Clear should empty the input');
    assert.match(await page.locator('#toast-text').textContent(), /已清空/, 'a toast should say what happened');
    await page.click('#toast-undo');
    await settled(page);
    assert.equal(await page.locator('#input').inputValue(), mine, 'Undo should bring the text back');
    assert.match(await page.locator('.headline').textContent(), /^白沙区/, 'and its result');
    await page.click('[data-sample="agency-dateline"]');
    await settled(page);
    assert.ok(await page.locator('#toast').isVisible(), 'replacing the input should offer undo');
    await page.locator('#tab-structure').focus();
    await page.keyboard.press('Control+z');
    await settled(page);
    assert.equal(await page.locator('#input').inputValue(), mine, 'Ctrl+Z should bring the text back');
    assert.equal(await page.locator('[data-sample][aria-pressed="true"]').count(), 0, 'no sample should look chosen');
  } finally {
    await s.close();
  }
});

test('the encoding menu re-decodes a Big5 .txt', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const title = '海濱市第十屆春季書展開幕';
    assert.ok(await page.locator('#encoding').isDisabled(), 'the menu should wait for a file');
    await page.setInputFiles('#file', { name: 'big5-page.txt', mimeType: 'text/plain', buffer: readFileSync(join(FIXTURES, 'big5-page.txt')) });
    await settled(page);
    assert.equal(await page.locator('.headline').textContent(), title, 'undeclared Big5 should be recognised');
    assert.match(await page.locator('#stats').textContent(), /编码 Big5（未声明，按双字节字符判断）/, 'the stats should say how');
    assert.equal(await page.locator('#encoding option[value="auto"]').textContent(), '自动识别（Big5）', 'the menu should say what auto chose');
    await page.selectOption('#encoding', 'gb18030');
    await page.waitForFunction(() => document.querySelector('#stats').textContent.includes('手动选择'));
    await settled(page);
    assert.notEqual(await page.locator('.headline').textContent(), title, 'GB18030 should read it otherwise');
    assert.match(await page.locator('#stats').textContent(), /编码 GB18030（手动选择）/, 'the stats should say it was chosen');
    await page.selectOption('#encoding', 'big5');
    await page.waitForFunction(() => document.querySelector('#stats').textContent.includes('Big5（手动选择）'));
    await settled(page);
    assert.equal(await page.locator('.headline').textContent(), title, 'choosing Big5 should read the title');
    assert.ok((await page.locator('#input').inputValue()).startsWith('海濱網'), 'the input should show the text decoded anew');
  } finally {
    await s.close();
  }
});

test('several files give a list with titles, dates and status, and a JSON Lines download', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const samples = join(ROOT, 'www', 'samples');
    await page.setInputFiles('#file', [
      { name: 'county-meeting.txt', mimeType: 'text/plain', buffer: readFileSync(join(samples, 'county-meeting.txt')) },
      { name: 'river-page.html', mimeType: 'text/html', buffer: readFileSync(join(FIXTURES, 'river-page.html')) },
      { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpegBytes(4_000) },
      { name: 'big5-page.txt', mimeType: 'text/plain', buffer: readFileSync(join(FIXTURES, 'big5-page.txt')) },
    ]);
    await page.waitForFunction(() => document.querySelector('#batch-title').textContent.startsWith('文件：4 / 4'));
    const rows = await page.locator('.batch-row').evaluateAll((nodes) => nodes.map((n) => [n.querySelector('.batch-status').textContent, n.querySelector('.batch-name').textContent]));
    assert.deepEqual(rows, [
      ['完成', '青山区:全力冲刺三季度目标任务'],
      ['完成', '南湖新区启动滨河步道二期工程'],
      ['不是文本', 'photo.jpg'],
      ['完成', '海濱市第十屆春季書展開幕'],
    ], 'each file should show its title (or name) and status');
    assert.equal(await page.locator('.batch-row[tabindex="0"]').count(), 1, 'the list should make one tab stop');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#batch-download')]);
    assert.match(download.suggestedFilename(), /^xinwen-\d{4}-\d{2}-\d{2}\.jsonl$/, 'the download should be JSON Lines');
    const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.provenance.file), ['county-meeting.txt', 'river-page.html', 'photo.jpg', 'big5-page.txt'], 'one line per file, in order, named');
    assert.deepEqual(lines.map((l) => l.provenance.encoding), ['UTF-8', 'UTF-8', 'UTF-8', 'Big5'], 'each line should give its encoding');
    assert.equal(lines[2].kind, 'other', 'the JPEG\'s line should say it is no article');
    // a row opens its file in the main view
    await page.click('.batch-row >> nth=1');
    await page.waitForFunction(() => document.querySelector('#stats').textContent.includes('river-page.html'));
    await settled(page);
    assert.equal(await page.locator('.headline').textContent(), '南湖新区启动滨河步道二期工程', 'a row should open its file');

    // a folder: its page files only, named by their path in it
    const folder = mkdtempSync(join(tmpdir(), 'xinwen-folder-'));
    try {
      mkdirSync(join(folder, 'news'));
      writeFileSync(join(folder, 'news', 'a.txt'), readFileSync(join(samples, 'agency-dateline.txt')));
      writeFileSync(join(folder, 'news', 'b.html'), readFileSync(join(FIXTURES, 'river-page.html')));
      writeFileSync(join(folder, 'news', 'logo.png'), jpegBytes(2_000));
      await page.setInputFiles('#folder', join(folder, 'news'));
      await page.waitForFunction(() => document.querySelector('#batch-title').textContent.startsWith('文件：2 / 2'));
      const names = await page.locator('.batch-row').evaluateAll((nodes) => nodes.map((n) => n.querySelector('.batch-file').textContent));
      assert.deepEqual(names.sort(), ['news/a.txt', 'news/b.html'], 'only the folder\'s page files should be read');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  } finally {
    await s.close();
  }
});

test('a share link carries small pasted text in its fragment, never sent to the server', { skip }, async () => {
  const s = await open();
  try {
    const { page, context, url } = s;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
    await paste(page, seedText);
    await settled(page);
    await page.click('#share');
    await page.waitForFunction(() => document.querySelector('#note').textContent.startsWith('链接已复制'));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${url}#text=`), `the link should carry the text in its fragment (${link.slice(0, 60)}…)`);
    assert.ok(link.length < 2_000, 'the text should be compressed');
    const other = await context.newPage();
    await other.goto(link);
    await other.waitForFunction(() => document.body.dataset.state === 'done', null, { timeout: 30_000 });
    assert.equal(await other.locator('.headline').textContent(), '青山区:全力冲刺三季度目标任务', 'the link should open the same text');
    assert.equal(await other.locator('#input').inputValue(), seedText, 'the text should come back whole');
    assert.ok(s.requests.every((r) => !r.includes('text=') && !r.includes('#')), 'no request should carry the text');
  } finally {
    await s.close();
  }
});

test('a time shows as the page wrote it, in a browser set to another zone', { skip }, async () => {
  const s = await open({ timezoneId: 'UTC' });
  try {
    const { page } = s;
    await paste(page, '青山区召开三季度重点工作推进会\n发布: 2021-1-29 13:18  来源:青山日报\n\n1月28日,青山区召开三季度重点工作推进会,通报前八个月经济运行情况,部署下一阶段重点任务,确保全年目标顺利完成。\n');
    await settled(page);
    assert.equal(await page.locator('time.published').getAttribute('datetime'), '2021-01-29T13:18+08:00', 'the parser should give China\'s time');
    assert.equal(await page.locator('time.published').textContent(), '2021年1月29日 13:18', 'the page should show 13:18, not 05:18');
    await page.hover('time.published');
    assert.deepEqual(await page.locator('#annotated .hl-sub').allTextContents(), ['2021-1-29 13:18'], 'the date\'s words should be lit');
  } finally {
    await s.close();
  }
});

test('every note is in Chinese; the decoding is a neutral line', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const inputs = [
      ['首页\n新闻\n体育\n', 'paste'],
      ['青山区召开三季度重点工作推进会\n昨天 10:30  来源:青山日报\n\n9月2日,青山区召开三季度重点工作推进会,通报前八个月经济运行情况,部署下一阶段重点任务,确保全年目标顺利完成。区委书记陈立新强调,要咬定目标不放松。\n', 'paste'],
      ['青山区召开三季度重点工作推进会\n发布时间:2099年09月03日\n\n9月2日,青山区召开三季度重点工作推进会,通报前八个月经济运行情况,部署下一阶段重点任务,确保全年目标顺利完成。区委书记陈立新强调,要咬定目标不放松。\n', 'paste'],
      [Buffer.concat([
        Buffer.from('<html><head><meta charset="utf-8"><meta property="article:published_time" content="2021-01-29T13:18:00+08:00"></head><body><h1>青山区召开三季度重点工作推进会</h1><p>来源:青山日报</p><p>9月2日,青山区召开三季度重点工作推进会,通报前八个月经济运行情况,部署下一阶段重点任务。'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('区委书记陈立新强调,要咬定目标不放松,紧盯项目建设。</p></body></html>'),
      ]), 'file'],
    ];
    const seen = new Set();
    for (const [input, how] of inputs) {
      if (how === 'paste') await paste(page, input);
      else await page.setInputFiles('#file', { name: 'notes.html', mimeType: 'text/html', buffer: input });
      await settled(page);
      for (const note of await page.locator('.note').all()) {
        const code = await note.locator('.note-code').textContent();
        const text = await note.locator('.note-text').textContent();
        seen.add(code);
        assert.match(text, /[\u4e00-\u9fff]/, `${code} should be said in Chinese: ${text}`);
        assert.doesNotMatch(text, /\b(the|page|date|found|bytes?)\b/i, `${code} should not be English: ${text}`);
      }
      assert.ok(!(await page.locator('.note-code', { hasText: /^encoding$/ }).count()), 'the decoding should not be a note');
    }
    for (const code of ['no-title', 'no-date', 'no-body', 'listing', 'date-relative', 'date-in-future', 'encoding-errors', 'date-from-markup']) {
      assert.ok(seen.has(code), `the inputs should have shown ${code} (saw ${[...seen]})`);
    }
    assert.match(await page.locator('#stats').textContent(), /编码 UTF-8（声明 utf-8）/, 'the decoding should be a line of the figures, in Chinese');
  } finally {
    await s.close();
  }
});
