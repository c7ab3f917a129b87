// The package as a user gets it: `npm pack` pkg/, install the tarball into a fresh project, then
// `import { parse } from 'xinwen'` and `require('xinwen')` work in Node with no init() call (and with
// one, as code shared with browsers makes it), every entry exports the crate's `version` and compiles
// the parser when it loads (not in the first parse), the manifest declares the modules that act on
// import, the types compile under TypeScript's node16 resolution with the DOM library and in a
// Node-only project without it, and publint and arethetypeswrong find nothing to report. Real
// bundlers: tests/bundlers/.
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
const EXPECTED = ['经开区召开工作讲评会', '2017-07-26'];
const cargoVersion = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
let dir;
let tarball;

/** The output of a command; throws with its output when it fails. */
const run = (cmd, args, options = {}) => {
  try {
    return execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe', ...options });
  } catch (e) {
    e.message += `\n${e.stdout ?? ''}${e.stderr ?? ''}`;
    throw e;
  }
};
const node = (args) => run(process.execPath, args);
/** The output of a tool that should fail, or '' when it succeeded. */
const failure = (cmd, args) => {
  try {
    run(cmd, args);
    return '';
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  }
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'xinwen-pack-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: join(root, 'pkg') }));
  tarball = packed[0];
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(join(dir, 'page.txt'), PAGE);
  run('npm', ['install', '--no-audit', '--no-fund', '--offline', '--loglevel=error', join(dir, tarball.filename)]);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the tarball holds the glues, the .wasm, the entries, the types and the licences', () => {
  const files = tarball.files.map((f) => f.path).sort();
  const expected = ['LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'inline.d.ts', 'inline.js', 'package.json', 'worker.d.ts',
    'worker.js', 'xinwen.cjs', 'xinwen.d.cts', 'xinwen.d.ts', 'xinwen.js', 'xinwen_bg.wasm'];
  assert.deepEqual(files, expected, 'the tarball should hold exactly the package\'s files');
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/xinwen/package.json'), 'utf8'));
  assert.equal(manifest.version, cargoVersion, 'the package version should be the crate version');
  assert.equal(manifest.type, 'module', 'the package should be ESM');
  // a bundler drops the body of a module that is not listed here when nothing it exports is used
  assert.deepEqual(manifest.sideEffects, ['./inline.js', './xinwen.cjs', './worker.js'], 'the modules that act on import should be declared');
});

test('every entry exports the crate\'s version, as the CLI prints it', () => {
  const cli = execFileSync(join(root, 'target/release/xinwen'), ['--version'], { encoding: 'utf8' }).trim();
  assert.equal(cli, `xinwen ${cargoVersion}`, 'the CLI should print the crate version');
  const esm = node(['--input-type=module', '-e', `
    const versions = await Promise.all(['xinwen', 'xinwen/inline', 'xinwen/worker', 'xinwen/worker.js'].map(async (e) => (await import(e)).version));
    console.log(JSON.stringify(versions));`]);
  assert.deepEqual(JSON.parse(esm), Array(4).fill(cargoVersion), 'each ES module entry should export version');
  const cjs = node(['-e', "console.log(JSON.stringify([require('xinwen').version, require('xinwen/inline').version]))"]);
  assert.deepEqual(JSON.parse(cjs), [cargoVersion, cargoVersion], 'each CommonJS entry should export version');
});

test('import { parse } from "xinwen" works in Node without init(), and with it', () => {
  const script = `import init, { parse, initSync } from 'xinwen'; import { readFileSync } from 'node:fs';
    const first = parse(readFileSync('page.txt', 'utf8'));
    await init(); initSync();
    const second = parse(readFileSync('page.txt'));
    console.log(JSON.stringify([first.title, first.published, second.title, second.published]));`;
  const out = node(['--input-type=module', '-e', script]);
  assert.deepEqual(JSON.parse(out), [...EXPECTED, ...EXPECTED], 'should parse after a plain import, and after init() too');
});

test('require("xinwen") works in Node, also where the global scope lacks TextDecoder (Jest\'s jsdom)', () => {
  const script = `const { parse } = require('xinwen'); const a = parse(require('fs').readFileSync('page.txt'));
    console.log(JSON.stringify([a.title, a.published]));`;
  assert.deepEqual(JSON.parse(node(['-e', script])), EXPECTED, 'should parse after a require');
  const bare = `delete globalThis.TextDecoder; delete globalThis.TextEncoder; ${script}`;
  assert.deepEqual(JSON.parse(node(['-e', bare])), EXPECTED, 'should load and parse bytes without the globals');
});

test('import and require in one process each work (two instances of the module)', () => {
  const script = `import { createRequire } from 'node:module'; import { parse } from 'xinwen';
    const cjs = createRequire(import.meta.url)('xinwen');
    console.log(JSON.stringify([parse(${JSON.stringify(PAGE)}).title, cjs.parse(${JSON.stringify(PAGE)}).title, cjs.parse === parse]));`;
  assert.deepEqual(JSON.parse(node(['--input-type=module', '-e', script])), [EXPECTED[0], EXPECTED[0], false], 'both should parse');
});

test('each entry compiles the parser when it loads, not in the first parse (npm/warm.js)', () => {
  // V8 compiles a WebAssembly function on its first call and, with --trace-wasm-compilation-times,
  // prints a line for each. Counted in two processes per entry: the load alone, and the load with a
  // first parse of a text page and of an HTML page's bytes (ours, not the warm-up's pages).
  const html = join(root, 'tests/html/digest-list-breadcrumb.html');
  const entries = {
    'import "xinwen"': ["const x = await import('xinwen');"],
    'require("xinwen")': ["const x = (await import('node:module')).createRequire(import.meta.url)('xinwen');"],
    'xinwen.js, initSync()': [
      "const x = await import('./node_modules/xinwen/xinwen.js');",
      "x.initSync({ module: (await import('node:fs')).readFileSync('node_modules/xinwen/xinwen_bg.wasm') });",
    ],
  };
  const compiled = (lines) => {
    const out = node(['--trace-wasm-compilation-times', '--input-type=module', '-e', lines.join('\n')]);
    return out.split('\n').filter((l) => l.includes('using Liftoff')).length;
  };
  for (const [entry, load] of Object.entries(entries)) {
    const atLoad = compiled(load);
    const first = compiled([...load, "x.parse((await import('node:fs')).readFileSync('page.txt', 'utf8'));",
      `x.parse((await import('node:fs')).readFileSync(${JSON.stringify(html)}));`]) - atLoad;
    assert.ok(atLoad >= 100, `${entry}: the load should compile the parser's functions, not ${atLoad}`);
    assert.ok(first <= atLoad / 10, `${entry}: the first parses should compile few functions more, not ${first} (load: ${atLoad})`);
  }
});

const tsc = join(root, 'node_modules/typescript/bin/tsc');

test('the installed types compile for ESM and CommonJS consumers (tsc, node16, with the DOM library)', () => {
  writeFileSync(join(dir, 'esm.mts'), `import { parse, parseFile, version, type Article, type Options } from 'xinwen';
    import { parse as parseInline } from 'xinwen/inline';
    import type { WorkerRequest, WorkerResponse } from 'xinwen/worker';
    const options: Options = { today: '2026-11-27' };
    const a: Article = parse('text', options);
    const b: Article = parseInline(new ArrayBuffer(0));
    const p: Promise<Article> = parseFile(new Blob(['x']));
    const t: string | null = a.title;
    const v: string = version;
    const req: WorkerRequest = { id: 1, input: new Uint8Array(0) };
    const res = {} as WorkerResponse;
    if (res.error) { const m: string = res.error.message; } else { const body: string[] = res.article.body; }
    export { b, p, t, v, req };\n`);
  writeFileSync(join(dir, 'cjs.cts'), `import xinwen = require('xinwen');
    const a: xinwen.Article = xinwen.parse(new Uint8Array(0));
    const v: string = xinwen.version;
    export = [v, ...a.diagnostics.map((d) => d.code)];\n`);
  const args = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022', '--lib', 'es2022,dom'];
  node([tsc, ...args, 'esm.mts', 'cjs.cts']); // throws, with tsc's report, if they do not compile
  writeFileSync(join(dir, 'wrong.mts'), `import { parse } from 'xinwen';\nparse('text', { todya: '2026-11-27' });\nparse(42);\n`);
  const report = failure(process.execPath, [tsc, ...args, 'wrong.mts']);
  assert.match(report, /todya/, 'tsc should refuse an unknown option');
  assert.match(report, /'number' is not assignable/, 'tsc should refuse a number as input');
});

test('the types compile in a Node-only project: no DOM library, Node\'s types, no skipLibCheck', () => {
  writeFileSync(join(dir, 'node.mts'), `import init, { parse, parseFile, version, type Article } from 'xinwen';
    import { parse as parseInline } from 'xinwen/inline';
    import { readFileSync } from 'node:fs';
    await init();
    const a: Article = parse(readFileSync('page.txt'));
    const b: Article = parseInline(readFileSync('page.txt', 'utf8'));
    const c: Promise<Article> = parseFile(new Blob([readFileSync('page.txt')]));
    export { a, b, c, version };\n`);
  writeFileSync(join(dir, 'node.cts'), `import xinwen = require('xinwen');
    export = xinwen.parse(require('node:fs').readFileSync('page.txt')).title;\n`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'es2022', module: 'node16', moduleResolution: 'node16', lib: ['es2022'],
      types: ['node'], typeRoots: [join(root, 'node_modules/@types')], skipLibCheck: false,
    },
    files: ['node.mts', 'node.cts'],
  }));
  node([tsc, '-p', 'tsconfig.json']); // throws, with tsc's report (DOM names such as RequestInfo), if they do not compile
});

test('publint and arethetypeswrong find nothing to report in the tarball', () => {
  const publint = node([join(root, 'node_modules/publint/src/cli.js'), '--strict', join(dir, 'node_modules/xinwen')]);
  assert.match(publint, /All good!/, `publint should report nothing:\n${publint}`);
  const attw = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  const tgz = join(dir, tarball.filename);
  // the worker is a module worker's script (new Worker(url, { type: 'module' })), never require()d:
  // checked as ES-module-only; the .wasm is a file to fetch, not a module
  node([attw, tgz, '--no-color', '--exclude-entrypoints', './worker', './worker.js', './xinwen_bg.wasm']);
  node([attw, tgz, '--no-color', '--profile', 'esm-only', '--entrypoints', './worker', './worker.js']);
});
