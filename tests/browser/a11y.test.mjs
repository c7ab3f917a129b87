// Browser tests of the web page's accessibility and of how it looks on phones and in the dark:
// axe-core (the pinned npm devDependency, injected into the page) in light and dark, touch
// targets, the skip link, the colour toggle, the version in the footer, and the pictures in docs/.
// Headless Debian chromium driven by playwright-core.
// Run: `www/serve --build-only && node --test tests/browser/a11y.test.mjs` (tests/run does this).
//
// The screenshots go to tests/screenshots/ (git-ignored); docs/screenshot*.png are copies of the
// docs-*.png ones.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, annotated, open, paste, screenshot, settled, skipReason } from './harness.mjs';

const FIXTURES = join(ROOT, 'tests', 'browser', 'fixtures');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const seedText = readFileSync(join(ROOT, 'www', 'samples', 'county-meeting.txt'), 'utf8');
const skip = skipReason ?? false;

/** axe-core's violations on the page as it is now, one line each. */
async function violations(page) {
  await page.waitForTimeout(300); // colours that are still changing (transitions of 0.15 s) are not the page's
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const found = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations));
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}${v.nodes.length > 4 ? ' …' : ''}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations (${colorScheme})`, { skip, timeout: 120_000 }, async () => {
    const s = await open({ colorScheme });
    try {
      const { page } = s;
      const states = {};
      states.start = await violations(page);
      await page.click('[data-sample="county-meeting"]');
      await settled(page);
      await annotated(page);
      await page.hover('.fields .chip >> nth=0');
      states.structure = await violations(page);
      await page.click('#tab-json');
      await page.waitForFunction(() => document.querySelector('#json .j-key'));
      states.json = await violations(page);
      await page.click('#tab-structure');
      await page.setInputFiles('#file', [
        { name: 'river-page.html', mimeType: 'text/html', buffer: readFileSync(join(FIXTURES, 'river-page.html')) },
        { name: 'big5-page.txt', mimeType: 'text/plain', buffer: readFileSync(join(FIXTURES, 'big5-page.txt')) },
      ]);
      await page.waitForFunction(() => document.querySelector('#batch-title').textContent.startsWith('文件：2 / 2'));
      await page.click('.batch-row >> nth=0');
      await settled(page);
      await annotated(page);
      states.batchAndHtml = await violations(page);
      await page.click('#clear');
      await page.locator('#toast').waitFor();
      states.toast = await violations(page);
      await page.click('#lang');
      states.english = await violations(page);
      for (const [name, list] of Object.entries(states)) assert.deepEqual(list, [], `${colorScheme}, ${name}: axe-core should find no violations`);
    } finally {
      await s.close();
    }
  });
}

test('on a phone the result comes into view after a paste, and every target is 44 px', { skip }, async () => {
  const s = await open({ viewport: { width: 390, height: 844 } });
  try {
    const { page } = s;
    await paste(page, seedText);
    await settled(page);
    await page.waitForTimeout(600); // the scroll to the result
    const top = await page.locator('#output').evaluate((n) => n.getBoundingClientRect().top);
    assert.ok(top >= -1 && top < 200, `the result should be scrolled into view (its top at ${Math.round(top)})`);
    assert.equal(await page.locator('#announce').textContent(), '已解析：青山区:全力冲刺三季度目标任务', 'the result should be announced');
    await screenshot(page, 'docs-phone');
    const inputBox = await page.locator('.input-card').boundingBox();
    const outputBox = await page.locator('.output-card').boundingBox();
    assert.ok(outputBox.y >= inputBox.y + inputBox.height, 'on a phone the result should sit below the input');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 390, `the page should not scroll sideways on a phone (width ${scrollWidth})`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, [role="tab"], select, label.btn, .chip')]
        .filter((n) => n.getClientRects().length && getComputedStyle(n).visibility !== 'hidden')
        .map((n) => [n.id || n.className || n.textContent, Math.round(n.getBoundingClientRect().height)])
        .filter(([, h]) => h < 44),
    );
    assert.deepEqual(small, [], 'every button, tab, menu and chip should be at least 44 px tall');
    const skipTarget = await page.evaluate(() => document.querySelector(document.querySelector('.skip').getAttribute('href')));
    assert.ok(skipTarget, 'the skip link should point at an element');
    await page.focus('.skip');
    assert.ok((await page.locator('.skip').boundingBox()).y >= 0, 'the focused skip link should be on screen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'the skip link should reach the main content');
  } finally {
    await s.close();
  }
});

test('the colour toggle overrides the system, and is remembered', { skip }, async () => {
  const s = await open({ colorScheme: 'light' });
  try {
    const { page } = s;
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    assert.equal(await page.locator('#theme').textContent(), '配色：跟随系统', 'the system should decide at first');
    await page.click('#theme');
    assert.equal(await background(), light, 'light should stay light');
    await page.click('#theme');
    assert.equal(await page.locator('#theme').textContent(), '配色：深色', 'the toggle should say dark');
    assert.notEqual(await background(), light, 'dark should change the background');
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    assert.notEqual(await background(), light, 'the choice should be remembered');
  } finally {
    await s.close();
  }
});

test('the footer shows the version when the package exports it', { skip }, async () => {
  const s = await open();
  try {
    const { page } = s;
    const glue = readFileSync(join(ROOT, 'www', 'pkg', 'xinwen.js'), 'utf8');
    const exported = /export (function|const|let) version\b/.test(glue);
    const footer = page.locator('#version');
    if (exported) assert.match(await footer.textContent(), /^xinwen \d+\.\d+\.\d+/, 'the version should show');
    else assert.equal(await footer.isVisible(), false, 'without a version nothing should show');
  } finally {
    await s.close();
  }
});

test('the pictures in docs/: desktop, phone (above), dark, an HTML file annotated', { skip }, async () => {
  const s = await open({ viewport: { width: 1200, height: 760 } });
  try {
    const { page } = s;
    await page.click('[data-sample="county-meeting"]');
    await settled(page);
    await annotated(page);
    await page.hover('.fields .chip >> text=王建平');
    await page.waitForTimeout(200); // the highlight's transition
    await screenshot(page, 'docs-desktop');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.hover('time.published');
    await page.waitForTimeout(200);
    await screenshot(page, 'docs-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setInputFiles('#file', { name: 'river-page.html', mimeType: 'text/html', buffer: readFileSync(join(FIXTURES, 'river-page.html')) });
    await settled(page);
    await annotated(page);
    await page.hover('time.published');
    await page.waitForTimeout(200);
    await screenshot(page, 'docs-html');
    assert.deepEqual(s.errors, [], 'the page should log no errors');
  } finally {
    await s.close();
  }
});
