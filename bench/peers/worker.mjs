// @mozilla/readability on linkedom as a line-protocol worker for bench/peers/run.
// In:  stdin, one JSON object per line: {"html": "<decoded page>"}.
// Out: stdout, first {"ready": true, "version": ...}, then one line per request:
//      {"raw": {title, byline, publishedTime, siteName, textContent, excerpt, lang} or null, "ms": extraction wall time, "error"}.
// Rules: only parseHTML + Readability.parse() is timed; an exception becomes an error with raw null.
// Run: node bench/peers/worker.mjs target/peers-npm (the folder holding node_modules; the driver passes it).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const deps = resolve(process.argv[2] ?? 'target/peers-npm');
const require = createRequire(join(deps, 'package.json'));
const { Readability } = require('@mozilla/readability');
const { parseHTML } = require('linkedom');
const version = `${require('@mozilla/readability/package.json').version}, linkedom ${require('linkedom/package.json').version}`;

function extract(html) {
  const { document } = parseHTML(html);
  const a = new Readability(document).parse();
  if (!a) return null;
  return {
    title: a.title,
    byline: a.byline,
    publishedTime: a.publishedTime,
    siteName: a.siteName,
    textContent: a.textContent,
    excerpt: a.excerpt,
    lang: a.lang,
  };
}

// the tools' own console output must not reach the protocol stream
const write = (o) => process.stdout.write(JSON.stringify(o) + '\n');
console.log = console.warn = console.info = console.debug = (...args) => process.stderr.write(args.join(' ') + '\n');
try {
  extract('<html><head><title>t</title></head><body><h1>t</h1><p>' + '正文。'.repeat(50) + '</p></body></html>');
} catch {}
write({ ready: true, version });

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
for await (const line of rl) {
  const { html } = JSON.parse(line);
  let raw = null;
  let error = null;
  const t = process.hrtime.bigint();
  try {
    raw = extract(html);
  } catch (e) {
    error = String(e && e.stack ? e.message : e).slice(0, 300);
  }
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  write({ raw, ms, error });
}
