// The package as a user gets it: `npm pack` pkg/, install the tarball into a fresh project, then
// `import { parse } from 'xinwen'` and `require('xinwen')` work in Node with no init() call, and the
// exports map's types compile under TypeScript's node16 resolution (ESM and CommonJS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PAGE = '经开区召开工作讲评会\n作者:张冰明    来源:岳阳日报    发布时间:2017年07月26日\n\n' +
  '7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作,确保全面完成全年目标任务。\n';
let dir;
let tarball;

const run = (cmd, args, options = {}) => execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', ...options });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'xinwen-pack-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: join(root, 'pkg') }));
  tarball = packed[0];
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(join(dir, 'page.txt'), PAGE);
  run('npm', ['install', '--no-audit', '--no-fund', '--offline', '--loglevel=error', join(dir, tarball.filename)]);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the tarball holds the glue, the .wasm, the entries and the types', () => {
  const files = tarball.files.map((f) => f.path).sort();
  for (const f of ['package.json', 'xinwen.js', 'xinwen_bg.wasm', 'xinwen.d.ts', 'xinwen.cjs', 'xinwen.d.cts', 'node.js', 'worker.js', 'worker.d.ts', 'README.md']) {
    assert.ok(files.includes(f), `the tarball should contain ${f}`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/xinwen/package.json'), 'utf8'));
  const cargoVersion = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
  assert.equal(manifest.version, cargoVersion, 'the package version should be the crate version');
  assert.equal(manifest.type, 'module', 'the package should be ESM');
  assert.equal(manifest.sideEffects, false, 'the package should declare no side effects');
});

test('import { parse } from "xinwen" works in Node without init()', () => {
  const script = `import { parse } from 'xinwen'; import { readFileSync } from 'node:fs';
    const a = parse(readFileSync('page.txt', 'utf8')); console.log(JSON.stringify([a.title, a.published]));`;
  const out = run(process.execPath, ['--input-type=module', '-e', script]);
  assert.deepEqual(JSON.parse(out), ['经开区召开工作讲评会', '2017-07-26'], 'should parse after a plain import');
});

test('require("xinwen") works in Node', () => {
  const script = `const { parse } = require('xinwen'); const a = parse(require('fs').readFileSync('page.txt'));
    console.log(JSON.stringify([a.title, a.published]));`;
  const out = run(process.execPath, ['-e', script]);
  assert.deepEqual(JSON.parse(out), ['经开区召开工作讲评会', '2017-07-26'], 'should parse after a require');
});

test('the installed types compile for ESM and CommonJS consumers (tsc, node16)', () => {
  writeFileSync(join(dir, 'esm.mts'), `import { parse, parseFile, type Article, type Options } from 'xinwen';
    import type { WorkerRequest, WorkerResponse } from 'xinwen/worker.js';
    const options: Options = { today: '2026-11-27' };
    const a: Article = parse('text', options);
    const p: Promise<Article> = parseFile(new Blob(['x']));
    const t: string | null = a.title;
    const req: WorkerRequest = { id: 1, input: new Uint8Array(0) };
    const res = {} as WorkerResponse;
    if (res.error) { const m: string = res.error.message; } else { const b: string[] = res.article.body; }
    export { p, t, req };\n`);
  writeFileSync(join(dir, 'cjs.cts'), `import xinwen = require('xinwen');
    const a: xinwen.Article = xinwen.parse(new Uint8Array(0));
    export = a.diagnostics.map((d) => d.code);\n`);
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const args = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022', '--lib', 'es2022,dom', 'esm.mts', 'cjs.cts'];
  run(process.execPath, [tsc, ...args]); // throws, with tsc's report, if they do not compile
  writeFileSync(join(dir, 'wrong.mts'), `import { parse } from 'xinwen';\nparse('text', { todya: '2026-11-27' });\nparse(42);\n`);
  const wrong = args.filter((a) => !a.endsWith('ts')).concat('wrong.mts');
  const report = (() => {
    try {
      run(process.execPath, [tsc, ...wrong]);
      return '';
    } catch (e) {
      return e.stdout;
    }
  })();
  assert.match(report, /todya/, 'tsc should refuse an unknown option');
  assert.match(report, /'number' is not assignable/, 'tsc should refuse a number as input');
});
