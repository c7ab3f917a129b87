// The npm package in real projects: packs pkg/ (built by scripts/build-wasm), installs the tarball as
// a user would into a temporary folder holding a copy of each project, then builds each project with
// its tool and runs the result: Node bundles in Node, from a folder with nothing else in it; browser
// builds and dev servers in headless Chromium. The pinned tools of package.json are installed once
// (`npm ci`) into target/bundler-tools/, whose node_modules the projects find from the temporary
// folder inside it, and kept there for later runs until package-lock.json changes.
// Every project parses the seed page (www/samples/county-meeting.txt) and must show the title the
// CLI gives it, and the crate's version. Prints each step's time.
//
//   node tests/bundlers/run.mjs [name …]     all projects, or those named (see CASES)
//   XINWEN_KEEP=1 node tests/bundlers/run.mjs   keeps the temporary folder, to look at the builds
//
// Needs the npm registry for the first install of the tools and, for the browser checks, Debian's
// chromium: without the registry (and no tools installed) everything is skipped, without chromium the
// browser checks, each saying so.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../scripts/chromium.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');
const SEED = join(root, 'www/samples/county-meeting.txt');
const only = process.argv.slice(2);
const started = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1) + ' s';
const log = (line) => console.log(line);

/** Runs a command; returns its stdout, or throws with its output. */
function sh(cmd, args, { cwd, env, timeout = 600_000 } = {}) {
  try {
    return execFileSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: 'pipe', timeout, maxBuffer: 64 << 20 });
  } catch (e) {
    const why = e.stdout || e.stderr ? `${e.stdout ?? ''}${e.stderr ?? ''}` : e.message;
    throw new Error(`${cmd} ${args.join(' ')} failed (${e.signal ?? `exit ${e.status}`}):\n${why}`);
  }
}

// --- what every project must show ---
if (!existsSync(join(root, 'pkg/package.json'))) throw new Error('pkg/ is not built: run scripts/build-wasm first');
const cli = join(root, 'target/release/xinwen');
if (!existsSync(cli)) throw new Error('target/release/xinwen is not built: run cargo build --release first');
const EXPECTED = {
  title: JSON.parse(sh(cli, [SEED])).title,
  version: JSON.parse(readFileSync(join(root, 'pkg/package.json'), 'utf8')).version,
};
if (!EXPECTED.title) throw new Error(`the CLI finds no title in ${SEED}`);

/** Fails unless `got` shows the seed page's title and the version (and the worker's title when asked). */
function check(got, { worker = false } = {}) {
  if (got?.error) throw new Error(`the project reported: ${got.error}`);
  const want = worker ? { ...EXPECTED, workerTitle: EXPECTED.title } : EXPECTED;
  for (const [key, value] of Object.entries(want)) {
    if (got?.[key] !== value) throw new Error(`${key} should be ${JSON.stringify(value)}, got ${JSON.stringify(got)}`);
  }
}

// --- the browser ---
let browser;
let profile;
async function chromium() {
  if (!browser) {
    const { chromium: playwright } = await import(join(root, 'node_modules/playwright-core/index.mjs'));
    profile = mkdtempSync(join(tmpdir(), 'xinwen-bundlers-chromium-'));
    browser = await playwright.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
  }
  return browser;
}

/** Opens `url` in Chromium and returns the JSON the page writes into <output id="out">. */
async function inChromium(url) {
  const page = await (await chromium()).newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  try {
    await page.goto(url);
    // a dev server may reload the page once after optimising dependencies: wait across reloads
    const deadline = Date.now() + 90_000;
    for (;;) {
      try {
        const text = await page.locator('#out').textContent({ timeout: 5_000 });
        if (text) return JSON.parse(text);
      } catch {
        // not there yet, or the page is reloading
      }
      if (Date.now() > deadline) throw new Error(`nothing in #out after 90 s at ${url}\n${problems.join('\n')}`);
      await page.waitForTimeout(250);
    }
  } finally {
    await page.close();
  }
}

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.css': 'text/css', '.json': 'application/json' };

/** Serves the first of `dirs` that has the file asked for (a build's output, then its project). */
async function serve(dirs, run) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const dir of dirs) {
      const file = normalize(join(dir, path === '/' ? 'index.html' : path));
      if (file.startsWith(dir) && existsSync(file) && !file.endsWith('/')) {
        try {
          const body = readFileSync(file);
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
          return res.end(body);
        } catch {
          // a folder: try the next
        }
      }
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  try {
    return await run(`http://127.0.0.1:${server.address().port}/`);
  } finally {
    // Chromium keeps sockets open (and opens some ahead of requests): close() alone waits for them
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }
}

const freePort = () =>
  new Promise((ok) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/** Starts a server process (its own process group), waits until `url` answers, runs `run`, stops it. */
async function withServer(cmd, args, { cwd, env, url }, run) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${cmd} ${args.join(' ')} exited:\n${output}`);
      const up = await fetch(url).then(() => true, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`${url} did not answer within 120 s:\n${output}`);
      await new Promise((ok) => setTimeout(ok, 250));
    }
    return await run();
  } catch (e) {
    e.message += `\n--- server output ---\n${output}`;
    throw e;
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

// --- the projects ---
const tools = join(root, 'target/bundler-tools'); // package.json, package-lock.json, node_modules
let tmp; // the temporary folder inside it: the installed package and a copy of each project
const bin = (path) => join(tools, 'node_modules', path);
const node = (args, options = {}) => sh(process.execPath, args, { cwd: tmp, ...options });

/** Copies the bundle folder `dist` alone into a fresh folder, runs `file` there on the seed page. */
function runAlone(dist, file) {
  const alone = mkdtempSync(join(tmpdir(), 'xinwen-alone-'));
  try {
    cpSync(dist, alone, { recursive: true });
    return JSON.parse(sh(process.execPath, [join(alone, file), SEED], { cwd: alone }));
  } finally {
    rmSync(alone, { recursive: true, force: true });
  }
}

const browserBuild = (project, dist = 'dist') => async () =>
  serve([join(tmp, project, dist), join(tmp, project)], (url) => inChromium(url));

/** Each case: a name, whether it needs Chromium, the rows of the README's table it stands for (by
 * their start), and what it does (throws on failure). */
const CASES = [
  {
    name: 'webpack-node', readme: ['webpack 5, `target: \'node\'`'], what: "webpack 5 target 'node', ESM and CommonJS output, run alone in Node",
    run() {
      node([bin('webpack-cli/bin/cli.js'), '--config', 'webpack-node/webpack.config.js']);
      check(runAlone(join(tmp, 'webpack-node/dist/esm'), 'main.mjs'));
      check(runAlone(join(tmp, 'webpack-node/dist/cjs'), 'main.cjs'));
    },
  },
  {
    name: 'esbuild-node', readme: ['esbuild, `--platform=node`'], what: 'esbuild --platform=node, ESM and CommonJS output, run alone in Node',
    run() {
      for (const [format, file] of [['esm', 'main.mjs'], ['cjs', 'main.cjs']]) {
        sh(bin('.bin/esbuild'), ['shared/node-app.js', '--bundle', '--platform=node', `--format=${format}`,
          `--outfile=esbuild-node/dist/${file}`, '--log-level=warning'], { cwd: tmp });
        check(runAlone(join(tmp, 'esbuild-node/dist'), file));
      }
    },
  },
  {
    name: 'vite-ssr', readme: ['Vite 8 SSR build'], what: 'Vite 8 SSR build with ssr.noExternal, run alone in Node',
    run() {
      node([bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: join(tmp, 'vite-ssr') });
      check(runAlone(join(tmp, 'vite-ssr/dist'), 'main.mjs'));
    },
  },
  {
    name: 'jest', readme: ['Jest 30'], what: "Jest 30, jsdom environment, require('xinwen')",
    run() {
      sh(process.execPath, [bin('jest/bin/jest.js'), '--ci', '--silent'], {
        cwd: join(tmp, 'jest'),
        env: { XINWEN_PAGE: SEED, XINWEN_TITLE: EXPECTED.title, XINWEN_VERSION: EXPECTED.version },
      });
    },
  },
  {
    name: 'vite', browser: true, readme: ['Vite 8', 'a worker of your own'], what: 'Vite 8 build and dev server, default entry with init() and a worker importing xinwen/worker',
    async run() {
      node([bin('vite/bin/vite.js'), 'build', 'vite', '--logLevel', 'warn']);
      check(await browserBuild('vite')(), { worker: true });
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/`;
      await withServer(process.execPath, [bin('vite/bin/vite.js'), '--host', '127.0.0.1', '--port', port, '--strictPort'],
        { cwd: join(tmp, 'vite'), url }, async () => check(await inChromium(url), { worker: true }));
    },
  },
  {
    name: 'vite5', browser: true, readme: ['Vite 5–7 dev server'], what: "Vite 5 dev server: default entry with optimizeDeps.exclude; xinwen/inline with no configuration",
    async run() {
      for (const project of ['vite5', 'vite5-inline']) {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}/`;
        await withServer(process.execPath, [bin('vite5/bin/vite.js'), '--host', '127.0.0.1', '--port', port, '--strictPort'],
          { cwd: join(tmp, project), url }, async () => check(await inChromium(url), { worker: project === 'vite5' }));
      }
    },
  },
  {
    name: 'webpack-web', browser: true, readme: ['webpack 5 for the browser', 'a worker of your own'], what: 'webpack 5 for the browser, default entry with init() and a worker importing xinwen/worker',
    async run() {
      node([bin('webpack-cli/bin/cli.js'), '--config', 'webpack-web/webpack.config.js']);
      check(await browserBuild('webpack-web')(), { worker: true });
    },
  },
  {
    name: 'esbuild-web', browser: true, readme: ['esbuild for the browser'], what: 'esbuild for the browser, xinwen/inline',
    async run() {
      sh(bin('.bin/esbuild'), ['esbuild-web/main.js', '--bundle', '--format=esm', '--outfile=esbuild-web/dist/main.js', '--log-level=warning'], { cwd: tmp });
      check(await browserBuild('esbuild-web')());
    },
  },
  {
    name: 'rollup', browser: true, readme: ['Rollup 4'], what: 'Rollup 4 with node-resolve for the browser, xinwen/inline',
    async run() {
      sh(process.execPath, [bin('rollup/dist/bin/rollup'), '-c', 'rollup.config.js', '--silent'], { cwd: join(tmp, 'rollup') });
      check(await browserBuild('rollup')());
    },
  },
  {
    name: 'next', readme: ['Next.js 16'], what: 'Next.js 16, Turbopack and webpack builds: route handler and Server Component; Client Component in Chromium',
    async run() {
      const env = { NEXT_TELEMETRY_DISABLED: '1' };
      const next = bin('next/dist/bin/next');
      for (const build of [['build'], ['build', '--webpack']]) {
        node([next, ...build], { cwd: join(tmp, 'next'), env });
        const port = await freePort();
        const url = `http://127.0.0.1:${port}/`;
        await withServer(process.execPath, [next, 'start', '--hostname', '127.0.0.1', '--port', port], { cwd: join(tmp, 'next'), env, url }, async () => {
          check(await (await fetch(`${url}api/title`)).json());
          const html = await (await fetch(url)).text();
          const out = html.match(/<output id="out">(.*?)<\/output>/)?.[1] ?? '';
          check(JSON.parse(out.replaceAll('&quot;', '"').replaceAll('&amp;', '&')));
          if (CHROMIUM) check(await inChromium(`${url}client`));
        });
      }
      if (!CHROMIUM) log('      (the Client Component in Chromium was skipped: chromium is not installed)');
    },
  },
];

// --- the README's table of bundlers and runtimes: each row is one of these projects' (or, for Node
// itself, tests/node/package.test.mjs's), and each project has its row ---
const ROWS_TESTED_ELSEWHERE = ['Node 20'];
const readme = readFileSync(join(root, 'npm/README.md'), 'utf8');
const table = readme.split('## Bundlers and runtimes')[1]?.split('\n## ')[0] ?? '';
const rows = table.split('\n').filter((line) => line.startsWith('| ') && !/^\| setup \|/.test(line)).map((line) => line.slice(2));
for (const row of rows) {
  const claimed = [...CASES.flatMap((c) => c.readme), ...ROWS_TESTED_ELSEWHERE].some((start) => row.startsWith(start));
  if (!claimed) throw new Error(`npm/README.md's table has a row no project tests: | ${row}`);
}
for (const c of CASES) {
  for (const start of c.readme) {
    if (!rows.some((row) => row.startsWith(start))) throw new Error(`npm/README.md's table should have a row for ${c.name}: | ${start} …`);
  }
}

// --- run ---
const chosen = CASES.filter((c) => only.length === 0 || only.includes(c.name));
if (only.some((name) => !CASES.some((c) => c.name === name))) throw new Error(`unknown project; these exist: ${CASES.map((c) => c.name).join(', ')}`);

let since;
if (!CHROMIUM) log('note: chromium is not installed: the browser checks are skipped (tests/run installs it with apt-get as root)');

/** Installs the tools of package.json into target/bundler-tools/ unless the same lock is installed
 * there; says how they came, or returns null when they are not there and the registry does not answer. */
function installTools() {
  const manifests = ['package.json', 'package-lock.json'].map((f) => readFileSync(join(here, f)));
  const lock = createHash('sha256').update(Buffer.concat(manifests)).digest('hex');
  const marker = join(tools, '.installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === lock) return 'kept from an earlier run';
  try {
    sh('npm', ['ping', '--loglevel=error'], { timeout: 30_000 });
  } catch {
    return null;
  }
  rmSync(tools, { recursive: true, force: true });
  mkdirSync(tools, { recursive: true });
  manifests.forEach((text, i) => writeFileSync(join(tools, ['package.json', 'package-lock.json'][i]), text));
  sh('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tools });
  writeFileSync(marker, lock);
  return 'npm ci';
}

since = Date.now();
const installed = installTools();
if (!installed) {
  log('SKIPPED: the npm registry does not answer (npm ping), and the projects\' tools are not installed yet');
  process.exit(0);
}
log(`ok    the tools in target/bundler-tools: ${installed}   ${seconds(since)}`);
tmp = mkdtempSync(join(tools, 'run-'));
const failures = [];
try {
  since = Date.now();
  writeFileSync(join(tmp, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  const [{ filename }] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: join(root, 'pkg') }));
  sh('npm', ['install', '--no-save', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(tmp, filename)], { cwd: tmp });
  for (const entry of readdirSync(here, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    cpSync(join(here, entry.name), join(tmp, entry.name), { recursive: true });
    // each project serves the seed page beside its index.html (Next.js from public/)
    cpSync(SEED, join(tmp, entry.name, entry.name === 'next' ? 'public/page.txt' : 'page.txt'));
    if (!existsSync(join(tmp, entry.name, 'index.html')) && existsSync(join(tmp, entry.name, 'main.js'))) {
      cpSync(join(here, 'shared/index.html'), join(tmp, entry.name, 'index.html'));
    }
  }
  log(`ok    install: the packed ${filename}, and the projects   ${seconds(since)}`);
  if (CHROMIUM) {
    since = Date.now();
    await chromium();
    log(`ok    chromium started   ${seconds(since)}`);
  }

  for (const c of chosen) {
    since = Date.now();
    if (c.browser && !CHROMIUM) {
      log(`skip  ${c.name}: ${c.what} (chromium is not installed)`);
      continue;
    }
    try {
      await c.run();
      log(`ok    ${c.name}: ${c.what}   ${seconds(since)}`);
    } catch (e) {
      failures.push(c.name);
      log(`FAIL  ${c.name}: ${c.what}   ${seconds(since)}\n${String(e.stack ?? e).replace(/^/gm, '      ')}`);
    }
  }
} finally {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (process.env.XINWEN_KEEP) log(`kept ${tmp} (XINWEN_KEEP)`);
  else rmSync(tmp, { recursive: true, force: true });
}
const skipped = CHROMIUM ? 0 : chosen.filter((c) => c.browser).length;
log(`bundler projects: ${chosen.length - failures.length - skipped} passed, ${failures.length} failed, ${skipped} skipped, ${seconds(started)} in all`);
if (failures.length) {
  log(`failed: ${failures.join(', ')}`);
  process.exit(1);
}
