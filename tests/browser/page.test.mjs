// Browser tests of the web page (www/): the fields, the link from a field to its origin, files,
// safety, exports. Headless Debian chromium driven by playwright-core.
// Run: `www/serve --build-only && node --test tests/browser/page.test.mjs` (tests/run does this).
//
// What they guard: the seed-format sample renders every field (kind and dateline too) and every
// field lights its origin, the date's own words included, by hover, focus and tap, after a paste
// as after a file; files go to the parser as bytes; a GBK file dropped on the page reads right;
// input is shown as text and never executed; copy and download give the CLI's JSON with its
// provenance, under a name made of the date and the title; a page with pictures shows its lead
// image as a link (never drawn), its tags, figures and subheadings, and gives the CLI's Markdown;
// English and the keyboard.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, annotated, drop, open, paste, screenshot, settled, skipReason } from './harness.mjs';

const SAMPLES = join(ROOT, 'www', 'samples');
const FIXTURES = join(ROOT, 'tests', 'browser', 'fixtures');
const seedText = readFileSync(join(SAMPLES, 'county-meeting.txt'), 'utf8');
const skip = skipReason ?? false;

const texts = (page, selector) => page.locator(selector).allTextContents();

/** The CLI's JSON for a file (or `-` and `input` for standard input). */
export function cliJson(file, today, input) {
  const cli = join(ROOT, 'target', 'release', 'xinwen');
  if (!existsSync(cli)) execFileSync('cargo', ['build', '--quiet', '--release'], { cwd: ROOT, stdio: 'inherit' });
  const args = today ? ['--pretty', '--today', today, file] : [file];
  return execFileSync(cli, args, { encoding: 'utf8', input, maxBuffer: 1 << 30 });
}

test('the seed-format page, pasted, shows every field and where each came from', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    await paste(page, seedText);
    await settled(page);
    assert.equal(await page.locator('.headline').textContent(), '青山区:全力冲刺三季度目标任务', 'headline should be the title');
    const fields = await page.locator('.fields .field').evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.querySelector('dt').textContent, r.querySelector('dd').textContent])),
    );
    assert.equal(fields['类型'], '文章', 'the kind should show');
    assert.equal(fields['作者'], '李晓东', 'authors should be listed');
    assert.equal(fields['来源'], '青山日报融媒体中心', 'source should be shown');
    assert.equal(fields['责任编辑'], '王建平', 'editors should be listed');
    assert.match(fields['电头'], /^9月2日/, 'the dateline should show');
    assert.equal(await page.locator('time.published').getAttribute('datetime'), '2021-09-03', 'published should carry the ISO date');
    assert.equal(await page.locator('time.published').textContent(), '2021年9月3日', 'published should read as a date');
    assert.deepEqual(await texts(page, '.crumbs li'), ['青山网', '区县'], 'breadcrumb should be a path');
    assert.equal(await page.locator('.body .para').count(), 4, 'four body paragraphs should show');
    const headings = await page.locator('.sec-heading').evaluateAll((nodes) => nodes.map((n) => n.firstChild.textContent));
    assert.deepEqual(headings, ['相关阅读', '热点新闻', '最火资讯'], 'sections should be listed');
    assert.deepEqual(await texts(page, '.sec .tag'), ['东湖'], 'the item tag should show');
    assert.deepEqual(
      await texts(page, '.sec .item-title'),
      ['张明主持召开东湖镇防汛工作会议', '青山区举办首届农民丰收节', '城南街道开展老旧小区改造意见征集'],
      'item titles should show',
    );
    assert.equal(await page.locator('.sec .item-summary').count(), 2, 'both item summaries should show');

    // a paste opens the annotated input, where every block is tinted and every field lights its origin
    assert.equal(await page.locator('#tab-annotated').getAttribute('aria-selected'), 'true', 'a paste should show the annotated input');
    await annotated(page);
    assert.ok((await page.locator('#annotated mark.blk').count()) >= 10, 'the annotated input should tint every block');
    assert.equal(await page.locator('#annotated').textContent(), seedText, 'the annotated input should be the input, verbatim');
    await page.hover('.headline');
    assert.deepEqual(await texts(page, '#annotated mark.hl'), ['青山区:全力冲刺三季度目标任务'], 'hovering the headline should light its line');
    await page.hover('.fields .chip >> text=王建平');
    const lit = await texts(page, '#annotated mark.hl');
    assert.ok(lit.length === 1 && lit[0].includes('责任编辑:王建平'), 'hovering an editor should light the byline it came from');
    assert.deepEqual(await texts(page, '#annotated .hl-sub'), ['王建平'], 'the name itself should be lit within its line');
    await page.hover('time.published');
    assert.deepEqual(await texts(page, '#annotated .hl-sub'), ['2021年09月03日'], 'the date should be lit as the page writes it');
    await page.hover('.body .para >> nth=1');
    assert.deepEqual(await texts(page, '#annotated mark.hl'), [seedText.split('\n').find((l) => l.startsWith('陈立新'))], 'a paragraph should light its line');
    await page.hover('.headline');
    assert.equal(await page.locator('#annotated .hl-sub').count(), 0, 'moving on should restore the line');
    assert.equal(await page.locator('#annotated').textContent(), seedText, 'lighting should never change the text');
    assert.match(await page.locator('#stats').textContent(), /576 字符.*用时 (\d+ 毫秒|<1 毫秒|\d+\.\d 秒).*其中解析/, 'stats should show size and the time waited');
    assert.doesNotMatch(await page.locator('#stats').textContent(), /\d\.\d\d/, 'times should not claim hundredths');

    await screenshot(page, 'wide-light');
    assert.deepEqual(s.errors, [], 'the page should log no errors');
    assert.deepEqual(s.foreign, [], 'nothing should load from another origin');
  } finally {
    await s.close();
  }
});

test('a tap links a field to its origin from the edit view too; fields share one tab stop', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    // typed, not pasted: the edit view stays
    await page.locator('#input').fill(seedText);
    await settled(page);
    assert.equal(await page.locator('#tab-edit').getAttribute('aria-selected'), 'true', 'typing should keep the edit view');
    await page.click('.body .para >> nth=0');
    assert.equal(await page.locator('#tab-annotated').getAttribute('aria-selected'), 'true', 'a tap should open the annotated view');
    await annotated(page);
    assert.match((await texts(page, '#annotated mark.hl'))[0] ?? '', /^9月2日/, 'the tapped paragraph should be lit');
    await page.mouse.move(5, 5);
    assert.match((await texts(page, '#annotated mark.hl'))[0] ?? '', /^9月2日/, 'a tapped field should stay lit when the pointer leaves');
    // one tab stop: Tab from the Structure tab reaches the first field, arrows move on
    const stops = await page.locator('#panel-structure [data-origin][tabindex="0"]').count();
    assert.equal(stops, 1, 'the fields should make one tab stop');
    const described = await page.locator('#panel-structure [data-origin]').evaluateAll((nodes) => nodes.every((n) => n.getAttribute('aria-describedby') === 'origin-help'));
    assert.ok(described, 'every field should say what focusing it does');
    await page.locator('.headline').focus();
    let focused = '';
    for (let i = 0; i < 15 && focused !== 'para'; i++) {
      await page.keyboard.press('ArrowDown');
      focused = await page.evaluate(() => document.activeElement.className);
    }
    assert.equal(focused, 'para', 'arrow keys should reach the paragraphs, which take focus');
    assert.equal(await page.locator('#panel-structure [data-origin][tabindex="0"]').count(), 1, 'the tab stop should move along');
    assert.equal(await page.locator('#annotated mark.hl').count(), 1, 'a focused paragraph should light its line');
    await page.keyboard.press('Enter');
    assert.ok(await page.locator('.para.pinned').count(), 'Enter should pin the paragraph');
  } finally {
    await s.close();
  }
});

test('every sample loads with one click and has a headline', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    for (const id of ['county-meeting', 'agency-dateline', 'portal-layout']) {
      await page.click(`[data-sample="${id}"]`);
      await page.waitForFunction((n) => document.querySelector('#stats')?.textContent.includes(n), `${id}.txt`);
      await settled(page);
      assert.ok(!(await page.locator('.headline.missing').count()), `sample ${id} should yield a headline`);
    }
    await page.hover('.headline');
    await screenshot(page, 'wide-portal');
    assert.equal(new URL(page.url()).hash, '#sample=portal-layout', 'the URL should name the sample');
    await page.goto(`${s.url}#sample=agency-dateline`);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-sample="agency-dateline"]')?.getAttribute('aria-pressed') === 'true');
    await settled(page);
    assert.equal(await page.locator('.headline').textContent(), '南湖流域生态补偿试点取得阶段性成效', 'a sample link should load the sample');
  } finally {
    await s.close();
  }
});

test('files go to the parser as bytes (UTF-8, UTF-16 with and without BOM); a GBK file dropped reads right', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const text = readFileSync(join(SAMPLES, 'portal-layout.txt'), 'utf8');
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const expected = JSON.parse(cliJson('-', null, text));
    for (const [name, buffer] of [['portal.txt', Buffer.from(text)], ['portal-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), le])], ['portal-be.txt', be]]) {
      await page.setInputFiles('#file', { name, mimeType: 'text/plain', buffer });
      await page.waitForFunction((n) => document.querySelector('#stats')?.textContent.includes(n), name);
      await settled(page);
      await annotated(page);
      assert.equal(await page.locator('.headline').textContent(), expected.title, `${name}: the headline should be the CLI title`);
      assert.equal(await page.locator('#annotated').textContent(), text, `${name}: the file should show decoded`);
      assert.equal(await page.locator('#annotated mark.blk').count(), expected.blocks.length, `${name}: every block should be tinted`);
    }
    assert.match(await page.locator('#stats').textContent(), /编码 UTF-16BE（没有字节顺序标记/, 'UTF-16BE without a BOM should be recognised');

    const title = '东湖镇举行第三届农民趣味运动会';
    await drop(page, [{ name: 'gbk-page.html', type: 'text/html', bytes: [...readFileSync(join(FIXTURES, 'gbk-page.html'))] }]);
    await page.waitForFunction(() => document.querySelector('#stats')?.textContent.includes('gbk-page.html'));
    await settled(page);
    assert.equal(await page.locator('.headline').textContent(), title, 'the GBK title should read right');
    assert.match(await page.locator('#stats').textContent(), /编码 GB18030（声明 gbk）/, 'the decoding should show as a neutral line');
    assert.equal(await page.locator('.note-code', { hasText: /^encoding$/ }).count(), 0, 'the decoding should not be a warning');
    assert.deepEqual(s.errors, [], 'the page should log no errors');
  } finally {
    await s.close();
  }
});

test('an HTML file opens on the text the parser read; the markup is one click away', { skip }, async () => {
  const s = await open({ viewport: { width: 1200, height: 760 } });
  try {
    const { page } = s;
    await page.setInputFiles('#file', { name: 'river-page.html', mimeType: 'text/html', buffer: readFileSync(join(FIXTURES, 'river-page.html')) });
    await settled(page);
    await annotated(page);
    const shown = await page.locator('#annotated').textContent();
    assert.ok(!shown.includes('<') && !shown.includes('&nbsp;'), 'the text view should show no markup');
    assert.ok(shown.includes('发布时间：2021-01-29 13:18'), 'the text view should show the text as a reader sees it');
    await page.hover('time.published');
    assert.deepEqual(await texts(page, '#annotated .hl-sub'), ['2021-01-29 13:18'], 'the date should be lit in the text view');
    assert.equal(await page.locator('time.published').textContent(), '2021年1月29日 13:18', 'the time should be the one the page wrote');
    await page.hover('.headline');
    await page.waitForTimeout(200);
    await screenshot(page, 'html-annotated');

    await page.click('#html-mode');
    await annotated(page);
    assert.ok((await page.locator('#annotated').textContent()).startsWith('<!DOCTYPE html>'), 'one click should show the page source');
    const place = await page.locator('#annotated').evaluate((box) => {
      const first = box.querySelector('mark.blk');
      return first.getBoundingClientRect().top - box.getBoundingClientRect().top;
    });
    assert.ok(place >= 0 && place < 100, `the source should open on its first block (it sits ${place}px down)`);
    assert.equal(await page.locator('#html-mode').textContent(), '只看文字', 'the button should lead back to the text');
  } finally {
    await s.close();
  }
});

test('markup in the input is shown as text and never runs', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const payload = [
      '<img src=x onerror="window.__xss_img=1">青山区召开<script>window.__xss_script=1</script>推进会',
      '作者:<svg onload="window.__xss_svg=1">李晓东    来源:<iframe src="javascript:parent.__xss_iframe=1"></iframe>    发布时间:2021年09月03日',
      '',
      '9月2日,青山区召开三季度重点工作推进会<img src=x onerror=window.__xss_body=1>,通报前八个月经济运行情况,部署下一阶段重点任务,确保全年目标顺利完成。',
      '相关阅读',
      '[<b onmouseover="window.__xss_tag=1">东湖</b>]<a href="javascript:window.__xss_a=1">张明主持召开会议</a>',
      '',
    ].join('\n');
    await paste(page, payload);
    await settled(page);
    await annotated(page);
    for (const locator of await page.locator('[data-origin]').all()) await locator.hover();
    if (await page.locator('#html-mode').isVisible()) {
      await page.click('#html-mode');
      await annotated(page);
    }
    await page.click('#tab-json');
    await page.waitForFunction(() => document.querySelector('#json .j-key'));
    await page.waitForTimeout(300); // give any injected handler (image error, iframe load) its chance
    const flags = await page.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__xss')));
    assert.deepEqual(flags, [], 'no payload should run');
    const injected = await page.evaluate(() => ({
      img: document.querySelectorAll('img:not(.logo)').length,
      script: [...document.scripts].filter((s) => !s.src.endsWith('/app.js')).length,
      svg: document.querySelectorAll('svg, iframe, b, a[href^="javascript"]').length,
    }));
    assert.deepEqual(injected, { img: 0, script: 0, svg: 0 }, 'no element should be created from the input');
    await page.click('#tab-structure');
    assert.ok((await page.locator('#panel-structure').textContent()).includes('<'), 'markup should appear as literal text');
    assert.deepEqual(s.errors.filter((e) => !/Content Security Policy/.test(e)), [], 'the page should log no errors');
  } finally {
    await s.close();
  }
});

test('Copy and Download give the CLI JSON with its provenance, named by date and title', { skip }, async () => {
  const s = await open();
  try {
    const { page, context, url } = s;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    const version = await page.evaluate(() => document.querySelector('#version').textContent || null);
    for (const id of ['county-meeting', 'agency-dateline']) {
      const expected = cliJson(join(SAMPLES, `${id}.txt`), today);
      const article = JSON.parse(expected);
      await page.click(`[data-sample="${id}"]`);
      await page.waitForFunction((n) => document.querySelector('#stats')?.textContent.includes(n), `${id}.txt`);
      await settled(page);
      // from the structure view, without opening the JSON
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      const stem = `${article.published.slice(0, 10)}-${article.title.replace(/[\\/:*?"<>|]+/g, '-')}`;
      assert.equal(download.suggestedFilename(), `${stem}.json`, 'the download should be named by the date and the title');
      const saved = readFileSync(await download.path(), 'utf8');
      const { provenance, ...rest } = JSON.parse(saved);
      assert.equal(`${JSON.stringify(rest, null, 2)}\n`, expected, `${id}: the download should be the CLI output`);
      assert.ok(saved.startsWith('{\n  "provenance": {'), 'the provenance should come first');
      assert.equal(provenance.file, `${id}.txt`, 'the provenance should name the file');
      assert.equal(provenance.encoding, 'UTF-8', 'the provenance should name the encoding');
      if (version) assert.equal(`xinwen ${provenance.xinwen}`, version, 'the provenance should give the version');
      else assert.equal(provenance.xinwen, undefined, 'no version should be made up');
      await page.click('#copy');
      await page.waitForFunction(() => document.querySelector('#note').textContent === '已复制到剪贴板');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), saved, `${id}: Copy should give what Download gives`);
      await page.click('#tab-json');
      await page.waitForFunction(() => document.querySelector('#json .j-key'));
      assert.equal(await page.locator('#json').textContent(), saved, `${id}: the JSON view should show the same`);
      await page.click('#tab-structure');
    }
  } finally {
    await s.close();
  }
});

test('a page with pictures: the lead image as a link, tags, figures and subheadings; Markdown copied and downloaded as the CLI writes it', { skip }, async () => {
  const s = await open();
  try {
    const { page, context, url, foreign } = s;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
    const file = join(ROOT, 'tests', 'html', 'figures-and-metadata.html');
    await drop(page, [{ name: 'figures-and-metadata.html', type: 'text/html', bytes: [...readFileSync(file)] }]);
    await settled(page);
    const fields = await page.locator('.fields .field').evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.querySelector('dt').textContent, r.querySelector('dd')])),
    );
    assert.ok(fields['题图'] && fields['标签'] && fields['摘要'] && fields['栏目'] && fields['语言'], 'the new fields should show');
    const lead = page.locator('.fields a.picture-link');
    assert.equal(await lead.getAttribute('href'), 'https://static.yuanchuan-tech.example/news/2024/05/yuntu-cover.png', 'the lead image should be a link to its address');
    assert.equal(await lead.textContent(), 'yuntu-cover.png', 'a lead image without alternative text should show its file name');
    assert.equal(await lead.getAttribute('rel'), 'noopener noreferrer nofollow', 'the link should carry nothing to the other site');
    const chips = await page.locator('.field').filter({ hasText: '标签' }).locator('.chip').allTextContents();
    assert.deepEqual(chips, ['开源', '气象数据', '云图'], 'the tags should show as chips');
    assert.match(await page.locator('.field').filter({ hasText: '语言' }).textContent(), /中文（简体）\s*zh-Hans/, 'the language should show');
    const figure = page.locator('.body .content-figure');
    assert.equal(await figure.count(), 1, 'the body should show its figure');
    assert.equal(await figure.locator('a.picture-link').textContent(), '云图2.0按网格读取数据的示意图', 'the figure should link its picture by its alternative text');
    assert.equal(await figure.locator('figcaption').textContent(), '云图2.0按网格读取卫星数据的示意图。', 'the figure should show its caption');
    assert.deepEqual(await page.locator('.body .subheading').allTextContents(), ['新版本的三项改进'], 'the subheading should show');
    assert.equal(await page.locator('.body ol.content-list li').count(), 3, 'the numbered list should show its items');
    assert.equal(await page.locator('#panel-structure img').count(), 0, 'no picture should be drawn: nothing is fetched from the other site');
    assert.deepEqual(foreign, [], 'nothing should be loaded from another origin');
    assert.doesNotMatch(await page.locator('.more-fields').count() ? await page.locator('.more-fields').textContent() : '', /image|tags|figures|content/, 'the new fields should not be listed as undrawn');

    const expected = execFileSync(join(ROOT, 'target', 'release', 'xinwen'), ['--output', 'markdown', file], { encoding: 'utf8' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-md')]);
    assert.equal(download.suggestedFilename(), '2024-05-16-开源气象数据工具“云图”发布2.0版本.md', 'the .md should be named by the date and the title');
    assert.equal(readFileSync(await download.path(), 'utf8'), expected, 'Download .md should give the CLI\'s Markdown');
    await page.click('#copy-md');
    await page.waitForFunction(() => document.querySelector('#note').textContent === 'Markdown 已复制到剪贴板');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected, 'Copy Markdown should give the same');
    await screenshot(page, 'fields');
  } finally {
    await s.close();
  }
});

test('English toggle and keyboard use', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    await page.click('[data-sample="county-meeting"]');
    await settled(page);
    await page.click('#lang');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the page language should switch');
    assert.deepEqual((await texts(page, '.fields dt')).slice(0, 4), ['Kind', 'Authors', 'Source', 'Published'], 'labels should be English');
    assert.equal(await page.locator('time.published').textContent(), '3 September 2021', 'the date should read in English');
    const clear = await page.locator('#clear').boundingBox();
    const open = await page.locator('label[for="file"]').boundingBox();
    assert.ok(Math.abs(clear.y - open.y) < 4, 'Clear should sit on the row of the file buttons');
    await page.focus('#tab-structure');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('#tab-json').getAttribute('aria-selected'), 'true', 'ArrowRight should select the JSON tab');
    assert.ok(await page.locator('#panel-json').isVisible(), 'the JSON panel should show');
    await page.keyboard.press('ArrowLeft');
    assert.ok(await page.locator('#panel-structure').isVisible(), 'ArrowLeft should go back to Structure');
    await page.focus('.headline');
    assert.equal(await page.locator('#annotated mark.hl').count(), 1, 'focusing the headline should light its line');
    await screenshot(page, 'wide-english');
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    assert.equal(await page.locator('#lang').textContent(), '中文', 'the language choice should be remembered');
  } finally {
    await s.close();
  }
});
