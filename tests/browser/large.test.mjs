// Browser tests of the web page with large input, and of its busy state: a 20 MB paste, Cancel,
// input that supersedes input. Headless Debian chromium driven by playwright-core.
// Run: `www/serve --build-only && node --test tests/browser/large.test.mjs` (tests/run does this).
//
// What they guard: once the worker has returned a 20 MB page's Article, no task on the main thread
// takes 200 ms or more (drawing, hovering fields, opening the JSON), measured with a
// PerformanceObserver for long tasks; what is drawn is bounded and "show more" adds to it; Cancel
// terminates the worker and says so; new input supersedes old at once and the figures shown are
// always the shown result's; a paste or a file is parsed at once, typing after a pause.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, annotated, open, settled, skipReason } from './harness.mjs';

const seedText = readFileSync(join(ROOT, 'www', 'samples', 'county-meeting.txt'), 'utf8');
const skip = skipReason ?? false;

/** In the page: start recording long tasks (50 ms or more) on the main thread. */
function recordLongTasks() {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
}

/** Wait up to 5 s for `ok()` to hold (the browser reports a worker's end after it happens). */
async function until(ok) {
  for (let i = 0; i < 50 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
}

/** The longest main-thread task that ended after `since` (page time, ms). */
async function longestSince(page, since) {
  await page.waitForTimeout(300); // entries arrive after their task
  return page.evaluate((t) => Math.max(0, ...window.__long.filter((e) => e.start + e.duration > t).map((e) => e.duration)), since);
}

test('a 20 MB paste keeps every main-thread task under 200 ms once the worker has returned', { skip, timeout: 240_000 }, async () => {
  const s = await open();
  try {
    const { page } = s;
    // a page whose trailing blocks run on for 20 MB: hundreds of thousands of sections and items
    // (a page merely repeated is not that: its later copies are navigation, one section list)
    const lines = seedText.split('\n');
    const head = lines.slice(0, lines.indexOf('相关阅读')).join('\n') + '\n';
    const tail = lines.slice(lines.indexOf('相关阅读')).filter((l) => l !== '').join('\n') + '\n';
    const chars = await page.evaluate(([h, t]) => {
      window.__big = h + t.repeat(Math.ceil((20_000_000 - h.length) / t.length));
      return window.__big.length;
    }, [head, tail]);
    await page.evaluate(recordLongTasks);
    // the page reports the worker's reply time (the worker's clock, in the page's time line)
    const returned = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const area = document.querySelector('#input');
          const data = new DataTransfer();
          data.setData('text/plain', window.__big);
          area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
          const done = () => (document.body.dataset.state === 'done' ? resolve(Number(document.body.dataset.returned)) : setTimeout(done, 20));
          done();
        }),
    );
    assert.ok(Number.isFinite(returned) && returned > 0, `the page should say when the worker replied (${returned})`);
    const stats = await page.locator('#stats').textContent();
    assert.ok(stats.includes(`${chars.toLocaleString('en-US')} 字符`), `the whole paste (${chars} characters) should be parsed (saw ${stats})`);
    await annotated(page);
    const afterReturn = await longestSince(page, returned);
    assert.ok(afterReturn < 200, `drawing should take no task of 200 ms or more (longest ${Math.round(afterReturn)} ms)`);

    // what is drawn is bounded: a capped count of sections and items, the rest behind "show more"
    const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
    assert.ok(nodes < 20_000, `the page should hold a bounded number of elements (saw ${nodes})`);
    const sections = await page.locator('.sections > [data-section]').count();
    assert.ok(sections > 0 && sections <= 20, `a bounded number of sections should be drawn (saw ${sections})`);
    await page.locator('.sections > .more-btn').click();
    await page.waitForFunction((n) => document.querySelectorAll('.sections > [data-section]').length > n, sections);
    assert.equal(await page.locator('[data-origin]:focus').count(), 1, 'focus should move to what was added');

    // hovering fields and opening the JSON stay quick too
    const before = await page.evaluate(() => performance.now());
    for (const selector of ['.headline', '.fields .chip >> nth=0', 'time.published', '.body .para >> nth=0', '.item-line >> nth=0']) {
      await page.hover(selector);
    }
    await page.click('#tab-json');
    await page.waitForFunction(() => document.querySelector('#json .capped'));
    const later = await longestSince(page, before);
    assert.ok(later < 200, `hovering and the JSON view should take no task of 200 ms or more (longest ${Math.round(later)} ms)`);
    assert.ok((await page.locator('#json').textContent()).length < 500_000, 'the JSON view should be capped');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    assert.ok(statSync(await download.path()).size > 20_000_000, 'the download should hold the whole JSON');
    const all = await page.evaluate(() => window.__long.map((e) => Math.round(e.duration)));
    console.log(`# 20 MB paste: ${stats}; long tasks (ms) ${all.join(', ')}; longest after the worker replied ${Math.round(afterReturn)} ms, while hovering and opening the JSON ${Math.round(later)} ms`);
    assert.deepEqual(s.errors, [], 'the page should log no errors');
  } finally {
    await s.close();
  }
});

test('Cancel terminates the worker; new input supersedes old at once', { skip, timeout: 120_000 }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const closed = [];
    const track = (w) => w.on('close', () => closed.push(w.url()));
    page.workers().forEach(track);
    page.on('worker', track);
    await page.click('[data-sample="county-meeting"]');
    await settled(page);
    await page.evaluate((seed) => {
      window.__big = seed.repeat(Math.ceil(8_000_000 / seed.length));
    }, seedText);
    await page.locator('#input').evaluate((area) => {
      const data = new DataTransfer();
      data.setData('text/plain', window.__big);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'parsing', 'a paste should start parsing at once');
    assert.equal(await page.locator('#stats').textContent(), '', 'the old figures should not stay beside the busy state');
    await page.locator('#cancel').waitFor({ state: 'visible' });
    assert.match(await page.locator('#busy-text').textContent(), /正在解析/, 'the busy state should say what is happening');
    await page.click('#cancel');
    await page.waitForFunction(() => document.body.dataset.state === 'cancelled');
    await until(() => closed.length > 0);
    assert.ok(closed.some((u) => u.endsWith('/worker.js')), 'Cancel should terminate the worker');
    assert.match(await page.locator('#panel-structure').textContent(), /已取消/, 'the result area should say it was cancelled');
    // a fresh worker is ready: a sample parses
    await page.click('[data-sample="agency-dateline"]');
    await settled(page);
    assert.equal(await page.locator('.headline').textContent(), '南湖流域生态补偿试点取得阶段性成效', 'parsing should work after a cancel');

    // a click on a sample during a long parse takes effect at once
    await page.locator('#input').evaluate((area) => {
      const data = new DataTransfer();
      data.setData('text/plain', window.__big);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const closedBefore = closed.length;
    await page.click('[data-sample="portal-layout"]');
    await settled(page);
    await until(() => closed.length > closedBefore);
    assert.ok(closed.length > closedBefore, 'new input should stop the busy worker');
    assert.match(await page.locator('#stats').textContent(), /portal-layout\.txt/, 'the figures should be the new input\'s');
    // Clear stops the worker too
    await page.locator('#input').evaluate((area) => {
      const data = new DataTransfer();
      data.setData('text/plain', window.__big);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const closedBeforeClear = closed.length;
    await page.click('#clear');
    await page.waitForFunction(() => document.body.dataset.state === 'empty');
    await until(() => closed.length > closedBeforeClear);
    assert.ok(closed.length > closedBeforeClear, 'Clear should stop the busy worker');
    assert.equal(await page.locator('#stats').textContent(), '', 'with no input there should be no figures');
  } finally {
    await s.close();
  }
});

test('a paste is parsed at once, typing after a pause', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const states = await page.locator('#input').evaluate((area, text) => {
      area.value = text.slice(0, 20);
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
      const typed = document.body.dataset.state;
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      return { typed, pasted: document.body.dataset.state };
    }, seedText);
    assert.notEqual(states.typed, 'parsing', 'typing should wait for a pause');
    assert.equal(states.pasted, 'parsing', 'a paste should be parsed at once');
    await settled(page);
  } finally {
    await s.close();
  }
});

test('"show more" adds the next paragraphs and items, each linked to its line', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const head = seedText.slice(0, seedText.indexOf('9月2日'));
    const paragraphs = Array.from({ length: 150 }, (_, i) => `第${i + 1}段,青山区召开三季度重点工作推进会,通报前八个月经济运行情况,部署下一阶段重点任务,确保全年目标顺利完成。区委书记强调第${i + 1}项工作要落实到位。`);
    const items = Array.from({ length: 20 }, (_, i) => `东湖镇第${i + 1}次防汛工作会议召开`);
    await page.locator('#input').evaluate((area, text) => {
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, `${head}${paragraphs.join('\n\n')}\n\n最火资讯\n${items.join('\n')}\n`);
    await settled(page);
    const count = (selector) => page.locator(selector).count();
    const total = Number((await page.locator('.body .count').textContent()).replace(/\D/g, ''));
    assert.ok(total > 120, `the page should have many paragraphs (${total})`);
    assert.equal(await count('.body .para'), 60, 'the first 60 paragraphs should be drawn');
    await page.click('.body > .more-btn');
    await page.waitForFunction(() => document.querySelectorAll('.body .para').length === 120);
    await page.click('.body > .more-btn');
    await page.waitForFunction((n) => document.querySelectorAll('.body .para').length === n, total);
    assert.equal(await count('.body > .more-btn'), 0, 'with all drawn there should be no button');
    await annotated(page);
    const last = page.locator('.body .para').last();
    await last.hover();
    assert.deepEqual(await page.locator('#annotated mark.hl').allTextContents(), [await last.textContent()], 'an added paragraph should light its line');
    assert.equal(await count('.sec .item'), 8, 'the first 8 items should be drawn');
    await page.click('.sec > .more-btn');
    await page.waitForFunction(() => document.querySelectorAll('.sec .item').length === 16);
    await page.click('.sec > .more-btn');
    await page.waitForFunction(() => document.querySelectorAll('.sec .item').length === 20);
    await page.locator('.sec .item-line').last().hover();
    assert.deepEqual(await page.locator('#annotated mark.hl').allTextContents(), [items[19]], 'an added item should light its line');
  } finally {
    await s.close();
  }
});
