// What bench/node-bench.mjs and bench/browser-bench.mjs share: the JavaScript peer (@mozilla/readability
// on linkedom, pinned; installed on first use into target/bench-node/, a throwaway folder) and the
// pages of the cold-start figures.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
/** Where the peers are installed. */
export const deps = join(root, 'target/bench-node');
/** The peer every benchmark runs beside xinwen, pinned. */
export const READABILITY = ['@mozilla/readability@0.6.0', 'linkedom@0.18.15'];

/** Installs {@link READABILITY} (and `more` packages) into {@link deps} unless it is there. */
export function installReadability(more = []) {
  if (!existsSync(join(deps, 'node_modules/linkedom')) || !existsSync(join(deps, 'node_modules/@mozilla/readability'))) {
    console.error(`installing ${READABILITY.join(', ')} into ${deps}`);
    npmInstall(READABILITY);
  }
  for (const spec of more) {
    const name = spec.slice(0, spec.lastIndexOf('@'));
    if (existsSync(join(deps, 'node_modules', name))) continue;
    try {
      npmInstall([...READABILITY, spec]);
    } catch {
      console.error(`${spec} did not install; skipping it`);
    }
  }
}

function npmInstall(specs) {
  execFileSync('npm', ['install', '--prefix', deps, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...specs], {
    stdio: 'inherit',
  });
}

/**
 * The cold-start pages: our seed sample (www/samples/county-meeting.txt: xinwen reads it as text,
 * Readability as a minimal document with one escaped <p> per non-blank line, as bench/peers gives it text
 * pages) and, when the corpus has it, the corpus page `id`'s page.html, decoded once by `decode` (the
 * package's: the page may be in a legacy encoding) so that both parsers read the same string.
 * Returns [{ name, xinwen: { input, format }, readability: html }].
 */
export function coldPages(dev, id, decode) {
  const text = readFileSync(join(root, 'www/samples/county-meeting.txt'), 'utf8');
  const escape = (line) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${escape(l)}</p>`);
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body>${paragraphs.join('\n')}</body></html>`;
  const pages = [{ name: `seed sample (text, ${kb(Buffer.byteLength(text))})`, xinwen: { input: text, format: 'text' }, readability: html }];
  const file = join(dev, id, 'page.html');
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    const page = decode(new Uint8Array(bytes)).text;
    pages.push({ name: `${id} page.html (${kb(bytes.length)})`, xinwen: { input: page, format: 'html' }, readability: page });
  } else {
    console.error(`no ${file}: the cold start covers the seed sample only`);
  }
  return pages;
}

const kb = (n) => `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;

/** The median of each figure of `runs` (objects whose values are numbers or objects of numbers). */
export function medians(runs) {
  const median = (xs) => xs.toSorted((a, b) => a - b)[xs.length >> 1];
  const out = {};
  for (const [key, value] of Object.entries(runs[0])) {
    out[key] =
      typeof value === 'number'
        ? median(runs.map((r) => r[key]))
        : Object.fromEntries(Object.keys(value).map((k) => [k, median(runs.map((r) => r[key][k]))]));
  }
  return out;
}
