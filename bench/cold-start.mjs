// One fresh process's start, as a one-page-per-process user sees it (a CLI-style script, a serverless
// function): loads a parser, parses one page once, then 20 times more, then until V8 has tiered it up.
// Run by bench/node-bench.mjs, once per measurement (a benchmark, not a test; it asserts nothing).
//   node bench/cold-start.mjs xinwen|readability FILE text|html [seconds] [deps-dir] [pkg-dir]
// FILE is read (as UTF-8) before the clock starts. `xinwen` is the package's Node entry, inline.js, in
// pkg-dir (default pkg/; another build, such as an older one, to compare). `readability` is
// @mozilla/readability on linkedom, from deps-dir's node_modules (bench/node-bench.mjs installs them);
// it is given FILE as HTML.
// Prints one JSON line of milliseconds, each { wall, cpu } (cpu: the process's CPU time, V8's helper
// threads included, so TurboFan compiling in the background counts there and not in wall):
//   load    import of the package (xinwen: reads, compiles and instantiates the .wasm, then parses
//           two small pages so that V8 compiles the parser: npm/warm.js)
//   first   the first parse
//   next20  the median of the next 20 parses
//   steady  the fastest batch's mean parse, after a warm-up of at least a second (as node-bench times)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [tool, file, format, secondsArg, deps, pkg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 1);
const input = readFileSync(file, 'utf8');

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e3;
};
const clock = () => ({ wall: performance.now(), cpu: cpu() });
const since = (t) => {
  const now = clock();
  return { wall: now.wall - t.wall, cpu: now.cpu - t.cpu };
};

let t = clock();
let parse;
if (tool === 'xinwen') {
  const xinwen = await import(pkg ? pathToFileURL(resolve(pkg, 'inline.js')).href : '../pkg/inline.js');
  const options = { format };
  parse = () => xinwen.parse(input, options);
} else if (tool === 'readability') {
  const require = createRequire(join(deps, 'package.json'));
  const { Readability } = require('@mozilla/readability');
  const { parseHTML } = require('linkedom');
  parse = () => new Readability(parseHTML(input).document).parse();
} else {
  throw new Error(`cold-start: unknown tool ${tool}`);
}
const load = since(t);

t = clock();
parse();
const first = since(t);

const next = [];
for (let i = 0; i < 20; i++) {
  t = clock();
  parse();
  next.push(since(t));
}
const median = (xs) => xs.toSorted((a, b) => a - b)[xs.length >> 1];
const next20 = { wall: median(next.map((x) => x.wall)), cpu: median(next.map((x) => x.cpu)) };

// steady state: warm up for a second, then the fastest of ~10 batches over `seconds`
t = clock();
let runs = 0;
while (since(t).wall < 1000 || runs < 3) {
  parse();
  runs++;
}
const batch = Math.max(1, Math.round((runs / since(t).wall) * (seconds * 100)));
const steady = { wall: Infinity, cpu: Infinity };
const start = clock();
for (let batches = 0; batches < 2 || since(start).wall < seconds * 1000; batches++) {
  const b = clock();
  for (let i = 0; i < batch; i++) parse();
  const took = since(b);
  steady.wall = Math.min(steady.wall, took.wall / batch);
  steady.cpu = Math.min(steady.cpu, took.cpu / batch);
}
console.log(JSON.stringify({ load, first, next20, steady }));
