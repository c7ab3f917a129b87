// Shared setup for the browser tests: serves www/ on a free port of 127.0.0.1 and drives the
// system's Debian chromium (headless) with playwright-core. No browser is downloaded.
//
// In: nothing (www/pkg must exist: `www/serve --build-only` makes it). Out: `open()` gives
// { browser, page, url, close }; `available` says whether the tests can run at all.

import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../www/server.mjs';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../scripts/chromium.mjs';

/** The repository's root folder. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where screenshots go (git-ignored). */
export const SCREENSHOTS = join(ROOT, 'tests', 'screenshots');

/** The chromium executable, or null. */
export { CHROMIUM };

/** Why the browser tests cannot run here, or null when they can. */
export const skipReason = !CHROMIUM
  ? 'chromium is not installed (tests/run installs it with apt-get when run as root)'
  : !existsSync(join(ROOT, 'www', 'pkg', 'xinwen.js'))
    ? 'www/pkg is missing: run `www/serve --build-only` first'
    : null;

const ARGS = ['--headless', ...CHROMIUM_FLAGS];

/**
 * Serve www/, start chromium with a fresh profile and open the page.
 * `viewport` defaults to a wide desktop; `errors` collects page errors and console errors.
 */
export async function open({
  viewport = { width: 1440, height: 900 },
  colorScheme = 'light',
  query = '',
  timezoneId = 'Asia/Shanghai',
} = {}) {
  const server = await startServer({ dir: join(ROOT, 'www'), port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const profile = mkdtempSync(join(tmpdir(), 'xinwen-chromium-'));
  const downloads = mkdtempSync(join(tmpdir(), 'xinwen-downloads-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    colorScheme,
    acceptDownloads: true,
    downloadsPath: downloads,
    locale: 'zh-CN',
    timezoneId,
  });
  const errors = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  // Nothing may be loaded from another origin.
  const foreign = [];
  const requests = [];
  const onRequest = (r) => {
    const u = r.url();
    requests.push(u);
    if (!u.startsWith(url) && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u);
  };
  context.on('request', onRequest);
  await page.goto(url + query);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30_000 });
  return {
    context,
    page,
    url,
    errors,
    foreign,
    requests,
    async close() {
      await context.close();
      await new Promise((ok) => server.close(ok));
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Save a screenshot to tests/screenshots/<name>.png. */
export async function screenshot(page, name, options = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, ...options });
  return path;
}

/**
 * Paste `text` into the empty input as the browser would: a paste event carrying the text; unless
 * the page takes it (preventDefault), the text lands in the textarea and an input event follows.
 */
export async function paste(page, text) {
  await page.locator('#input').evaluate(pasteInto, text);
}

/** The in-page half of `paste` (also usable inside a test's own evaluate). */
export function pasteInto(area, value) {
  area.focus();
  const data = new DataTransfer();
  data.setData('text/plain', value);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  if (area.dispatchEvent(event)) {
    area.value = value;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }
}

/** Wait until the page has shown the result of the latest input. */
export async function settled(page) {
  await page.waitForFunction(() => document.body.dataset.state === 'done', null, { timeout: 60_000 });
}

/** Wait until the annotated view is drawn to its end (it is built in steps). */
export async function annotated(page) {
  await page.waitForFunction(() => document.querySelector('#annotated')?.dataset.complete === 'true', null, { timeout: 30_000 });
}

/** Drop `files` ([{ name, type, bytes: number[] }]) on the input area, as a person drags them there. */
export async function drop(page, files) {
  await page.locator('#input-area').evaluate((area, list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      area.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, files);
}

/** A JPEG as a camera writes one: its header, then bytes that look random (a fixed sequence). */
export function jpegBytes(size = 30_000) {
  const head = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  let x = 20240521;
  const body = Array.from({ length: size }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 16) & 0xff;
  });
  return Buffer.from([...head, ...body, 0xff, 0xd9]);
}
