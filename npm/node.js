// The Node entry of the xinwen package (`import { parse } from 'xinwen'` in Node): instantiates the
// WebAssembly module synchronously from the file beside this one, so no `init()` call is needed.
import { readFileSync } from 'node:fs';
import { initSync } from './xinwen.js';

initSync({ module: readFileSync(new URL('./xinwen_bg.wasm', import.meta.url)) });

export { parse, parseFile, decode, initSync } from './xinwen.js';
export { default } from './xinwen.js';
