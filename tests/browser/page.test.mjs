// Browser tests of the web page (www/), in headless Debian chromium driven by playwright-core.
// Run: `www/serve --build-only && node --test tests/browser/page.test.mjs` (tests/run does this).
//
// What they guard: the seed-format sample renders every field; a GBK file dropped on the page is
// read right; input is shown as text and never executed; copy and download give exactly the
// CLI's JSON; a 5 MB paste is parsed off the main thread; English toggle; screenshots.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, open, paste, pasteInto, screenshot, settled, skipReason } from './harness.mjs';

const SAMPLES = join(ROOT, 'www', 'samples');
const seedText = readFileSync(join(SAMPLES, 'county-meeting.txt'), 'utf8');
const skip = skipReason ?? false;

const texts = (page, selector) => page.locator(selector).allTextContents();

test('the seed-format sample, pasted, shows every field', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    await paste(page, seedText);
    await settled(page);
    assert.equal(await page.locator('.headline').textContent(), '青山区:全力冲刺三季度目标任务', 'headline should be the title');
    const fields = await page.locator('.fields .field').evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.querySelector('dt').textContent, r.querySelector('dd').textContent])),
    );
    assert.equal(fields['作者'], '李晓东', 'authors should be listed');
    assert.equal(fields['来源'], '青山日报融媒体中心', 'source should be shown');
    assert.equal(fields['责任编辑'], '王建平', 'editors should be listed');
    assert.equal(await page.locator('time.published').getAttribute('datetime'), '2021-09-03', 'published should carry the ISO date');
    assert.equal(await page.locator('time.published').textContent(), '2021年9月3日', 'published should read as a local date');
    assert.deepEqual(await texts(page, '.crumbs li'), ['青山网', '区县'], 'breadcrumb should be a path');
    assert.equal(await page.locator('.body .para').count(), 4, 'four body paragraphs should show');
    assert.deepEqual(await texts(page, '.sec-heading'), ['相关阅读', '热点新闻', '最火资讯'], 'sections should be listed');
    assert.deepEqual(await texts(page, '.sec .tag'), ['东湖'], 'the item tag should show');
    assert.deepEqual(
      await texts(page, '.sec .item-title'),
      ['张明主持召开东湖镇防汛工作会议', '青山区举办首届农民丰收节', '城南街道开展老旧小区改造意见征集'],
      'item titles should show',
    );
    assert.equal(await page.locator('.sec .item-summary').count(), 2, 'both item summaries should show');

    // The annotated input: every block tinted, and hovering the headline lights its line.
    await page.click('#tab-annotated');
    const marks = await page.locator('#annotated mark.blk').count();
    assert.ok(marks >= 10, `the annotated input should tint every block (saw ${marks})`);
    assert.equal(await page.locator('#annotated').textContent(), seedText, 'the annotated input should be the input, verbatim');
    await page.hover('.headline');
    assert.deepEqual(await texts(page, '#annotated mark.hl'), ['青山区:全力冲刺三季度目标任务'], 'hovering the headline should light its line');
    await page.hover('.fields .chip >> text=王建平');
    const lit = await texts(page, '#annotated mark.hl');
    assert.ok(lit.length === 1 && lit[0].includes('责任编辑:王建平'), 'hovering an editor should light the byline it came from');
    assert.deepEqual(await texts(page, '#annotated .hl-sub'), ['王建平'], 'the name itself should be lit within its line');
    await page.hover('.headline');
    assert.equal(await page.locator('#annotated .hl-sub').count(), 0, 'moving on should restore the line');
    assert.equal(await page.locator('#annotated').textContent(), seedText, 'lighting should never change the text');
    await page.hover('.fields .chip >> text=王建平');
    assert.match(await page.locator('#stats').textContent(), /576 字符.*解析 .* 毫秒.*主线程/, 'stats should show size and time');

    await screenshot(page, 'wide-light');
    assert.deepEqual(s.errors, [], 'the page should log no errors');
    assert.deepEqual(s.foreign, [], 'nothing should load from another origin');
  } finally {
    await s.close();
  }
});

test('a phone-sized screen stacks input and result; dark mode follows the system', { skip }, async () => {
  const s = await open({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  try {
    const { page } = s;
    await page.click('[data-sample="portal-layout"]');
    await settled(page);
    const inputBox = await page.locator('.input-card').boundingBox();
    const outputBox = await page.locator('.output-card').boundingBox();
    assert.ok(outputBox.y >= inputBox.y + inputBox.height, 'on a phone the result should sit below the input');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 390, `the page should not scroll sideways on a phone (width ${scrollWidth})`);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(bg, 'rgb(246, 244, 240)', 'dark mode should change the background');
    await screenshot(page, 'phone-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'phone-light', { fullPage: true });
    assert.deepEqual(s.errors, [], 'the page should log no errors');
  } finally {
    await s.close();
  }
});

test('every sample loads with one click and has a headline', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const ids = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));
    assert.ok(ids.length >= 3, 'there should be at least three samples');
    for (const id of ids) {
      const button = page.locator(`[data-sample="${id}"]`);
      assert.equal(await button.count(), 1, `sample ${id} should have a button`);
      await button.click();
      await page.waitForFunction((n) => document.querySelector('#stats')?.textContent.includes(n), `${readFileSync(join(SAMPLES, `${id}.txt`), 'utf8').length} 字符`);
      await settled(page);
      const headline = await page.locator('.headline').textContent();
      assert.ok(headline && !(await page.locator('.headline.missing').count()), `sample ${id} should yield a headline`);
    }
    await page.click('[data-sample="portal-layout"]');
    await settled(page);
    await page.hover('.headline');
    await screenshot(page, 'wide-portal');
    // A sample's view has a link: opening it loads the sample.
    assert.equal(new URL(page.url()).hash, '#sample=portal-layout', 'the URL should name the sample');
    await page.goto(`${s.url}#sample=agency-dateline`);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-sample="agency-dateline"]')?.getAttribute('aria-pressed') === 'true');
    await settled(page);
    assert.equal(await page.locator('.headline').textContent(), '南湖流域生态补偿试点取得阶段性成效', 'a sample link should load the sample');
    // The README's picture (docs/screenshot.png is a copy of this one).
    await page.setViewportSize({ width: 1200, height: 760 });
    await page.click('[data-sample="county-meeting"]');
    await page.waitForFunction(() => document.querySelector('.headline')?.textContent.startsWith('青山区'));
    await page.hover('.fields .chip >> text=王建平');
    await page.waitForTimeout(200); // let the highlight's transition finish
    await screenshot(page, 'readme');
  } finally {
    await s.close();
  }
});

test('files opened with the button go to the parser as bytes (UTF-8, UTF-16 with BOM)', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const text = readFileSync(join(SAMPLES, 'portal-layout.txt'), 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    for (const [name, buffer] of [['portal.txt', Buffer.from(text, 'utf8')], ['portal-utf16.txt', utf16]]) {
      await page.setInputFiles('#file', { name, mimeType: 'text/plain', buffer });
      await page.waitForFunction((n) => document.querySelector('#stats')?.textContent.includes(n), name);
      await settled(page);
      const expected = JSON.parse(cliJson('-', null, text));
      assert.equal(await page.locator('.headline').textContent(), expected.title, `${name}: the headline should be the CLI title`);
      assert.equal(await page.locator('#annotated').textContent(), text, `${name}: the file should show decoded`);
      assert.equal(await page.locator('#annotated mark.blk').count(), expected.blocks.length, `${name}: every block should be tinted`);
    }
    assert.deepEqual(s.errors, [], 'the page should log no errors');
  } finally {
    await s.close();
  }
});

test('a GBK-encoded .html file dropped on the page shows its title', { skip }, async () => {
  const bytes = [...readFileSync(join(ROOT, 'tests', 'browser', 'fixtures', 'gbk-page.html'))];
  const s = await open();
  try {
    const { page } = s;
    const title = '东湖镇举行第三届农民趣味运动会';
    await page.locator('#input-area').evaluate((area, data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'gbk-page.html', { type: 'text/html' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        area.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, bytes);
    await page.waitForFunction(() => document.querySelector('#stats')?.textContent.includes('gbk-page.html'));
    await settled(page);
    assert.equal(await page.locator('.headline').textContent(), title, 'the GBK title should read right');
    assert.ok((await page.locator('#annotated').textContent()).includes(title), 'the file should show decoded');
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
    await page.click('#tab-annotated');
    await page.hover('.headline');
    for (const locator of await page.locator('[data-origin]').all()) await locator.hover();
    await page.click('#tab-json');
    await page.waitForTimeout(300); // give any injected handler (image error, iframe load) its chance
    const flags = await page.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__xss')));
    assert.deepEqual(flags, [], 'no payload should run');
    const injected = await page.evaluate(() => ({
      img: document.querySelectorAll('img:not(.logo)').length,
      script: [...document.scripts].filter((s) => !s.src.endsWith('/app.js')).length,
      svg: document.querySelectorAll('svg, iframe, b, a[href^="javascript"]').length,
    }));
    assert.deepEqual(injected, { img: 0, script: 0, svg: 0 }, 'no element should be created from the input');
    assert.equal(await page.locator('#annotated').textContent(), payload, 'the input should show literally');
    const article = JSON.parse(await page.locator('#json').textContent());
    await page.click('#tab-structure');
    if (article.title) assert.equal(await page.locator('.headline').textContent(), article.title, 'the headline should be the title, as text');
    assert.ok((await page.locator('#panel-structure').textContent()).includes('<img src=x onerror='), 'markup should appear as literal text');
    assert.deepEqual(s.errors.filter((e) => !/Content Security Policy/.test(e)), [], 'the page should log no errors');
  } finally {
    await s.close();
  }
});

/** The CLI's JSON for a file (or `-` and `input` for standard input). */
function cliJson(file, today, input) {
  const cli = join(ROOT, 'target', 'release', 'xinwen');
  if (!existsSync(cli)) execFileSync('cargo', ['build', '--quiet', '--release'], { cwd: ROOT, stdio: 'inherit' });
  const args = today ? ['--pretty', '--today', today, file] : [file];
  return execFileSync(cli, args, { encoding: 'utf8', input, maxBuffer: 1 << 30 });
}

test('Copy and Download give exactly the CLI JSON', { skip }, async () => {
  const s = await open();
  try {
    const { page, context, url } = s;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    for (const id of ['county-meeting', 'agency-dateline', 'portal-layout']) {
      const expected = cliJson(join(SAMPLES, `${id}.txt`), today);
      await page.click(`[data-sample="${id}"]`);
      await page.waitForFunction((n) => document.querySelector('#stats')?.textContent.includes(n), `${readFileSync(join(SAMPLES, `${id}.txt`), 'utf8').length} 字符`);
      await settled(page);
      await page.click('#tab-json');
      assert.equal(await page.locator('#json').textContent(), expected, `${id}: the JSON view should match the CLI`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      assert.equal(download.suggestedFilename(), `${id}.json`, 'the download should be named after the sample');
      const saved = readFileSync(await download.path(), 'utf8');
      assert.equal(saved, expected, `${id}: the download should be byte-for-byte the CLI output`);
      await page.click('#copy');
      await page.waitForFunction(() => document.querySelector('#json-note').textContent !== '');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, expected, `${id}: the copied text should be the CLI output`);
      await page.click('#tab-structure');
    }
  } finally {
    await s.close();
  }
});

test('a 5 MB paste is parsed in the worker while the page keeps handling input', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const paragraph = `${seedText.split('\n').find((l) => l.startsWith('9月2日'))}\n\n`;
    // Many paragraphs in the body, before the trailing sections.
    const cut = seedText.indexOf('相关阅读');
    const big = seedText.slice(0, cut) + paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length)) + seedText.slice(cut);
    await page.evaluate((text) => {
      window.__big = text;
    }, big);

    // Paste; once the parse has started, type in a separate task. Were the parse running on the
    // main thread, it would have finished before that task could run.
    const during = await page.locator('#input').evaluate(
      (area, pasteSource) =>
        new Promise((resolve) => {
          const pasteInto = new Function(`return (${pasteSource})`)();
          const watch = new MutationObserver(() => {
            if (document.body.dataset.state !== 'parsing') return;
            watch.disconnect();
            setTimeout(() => {
              const before = document.body.dataset.state;
              area.value += '新';
              area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '新' }));
              resolve({ before, stats: document.querySelector('#stats').textContent });
            }, 0);
          });
          watch.observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
          pasteInto(area, window.__big);
        }),
      pasteInto.toString(),
    );
    assert.equal(during.before, 'parsing', 'the input event should be handled while the parse is still running');
    assert.ok(during.stats.startsWith('1 字符'), `the input event should take effect at once (saw ${during.stats})`);
    await settled(page);
    assert.equal(await page.locator('#stats').textContent().then((t) => t.startsWith('1 字符')), true, 'the typed text should replace the large paste');

    // The large paste on its own: held outside the textarea, parsed in the worker, shown capped.
    await page.locator('#input').evaluate((area) => {
      area.value = '';
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    await page.locator('#input').evaluate((area) => {
      area.focus();
      const data = new DataTransfer();
      data.setData('text/plain', window.__big);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await settled(page);
    const stats = await page.locator('#stats').textContent();
    const n = new Intl.NumberFormat('zh-CN').format(big.length);
    assert.ok(stats.includes(`${n} 字符`) && stats.includes('后台线程'), `the result should come from the worker (saw ${stats})`);
    assert.equal(await page.locator('#input').inputValue(), '', 'megabytes should not go into the textarea');
    const expected = JSON.parse(cliJson('-', null, big));
    assert.equal(await page.locator('.headline').textContent(), expected.title ?? '（未找到标题）', 'the headline should be the CLI title');
    assert.equal(await page.locator('.body .para').count(), Math.min(expected.body.length, 300), 'the body should show (capped)');
    await page.click('#tab-annotated');
    assert.ok((await page.locator('#annotated').textContent()).length < big.length, 'the annotated view should be capped');
    console.log(`# 5 MB paste: ${stats}`);
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
    assert.deepEqual((await texts(page, '.fields dt')).slice(0, 3), ['Authors', 'Source', 'Published'], 'labels should be English');
    assert.equal(await page.locator('time.published').textContent(), '3 September 2021', 'the date should read in English');
    // Tabs work with the keyboard: focus the Structure tab, arrow to JSON.
    await page.focus('#tab-structure');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('#tab-json').getAttribute('aria-selected'), 'true', 'ArrowRight should select the JSON tab');
    assert.ok(await page.locator('#panel-json').isVisible(), 'the JSON panel should show');
    await page.keyboard.press('ArrowLeft');
    assert.ok(await page.locator('#panel-structure').isVisible(), 'ArrowLeft should go back to Structure');
    // Focusing a field (Tab) lights its origin, like hovering does.
    await page.click('#tab-annotated');
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
