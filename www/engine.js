// Runs the parser: the wasm package on the main thread for ordinary pages, its Web Worker for
// large inputs so the page never freezes. The page only forwards: every decision about the text
// is the package's.
//
// In: the input (a string, or a file's bytes as a Uint8Array) and options. Out: { article, ms,
// where } where `where` is 'main' or 'worker' and `ms` the time the parse took as the page saw it.
// A newer request supersedes an older one: a worker still busy with stale input is stopped.

import init, { parse, decode } from './pkg/xinwen.js';

/** Inputs longer than this (UTF-16 units or bytes) are parsed in the worker. */
export const WORKER_THRESHOLD = 200_000;

/** Rejection reason for a request overtaken by a newer one. */
export class Superseded extends Error {
  constructor() {
    super('superseded by newer input');
    this.name = 'Superseded';
  }
}

let ready = null;
let worker = null;
let inFlight = null; // { id, resolve, reject, started }
let nextId = 1;

/** Load the wasm module once; resolves when `parse` can run on the main thread. */
export function load() {
  ready ??= init();
  return ready;
}

function spawn() {
  const w = new Worker(new URL('./pkg/worker.js', import.meta.url), { type: 'module' });
  w.onmessage = (event) => {
    const { id, article, error } = event.data || {};
    if (!inFlight || inFlight.id !== id) return;
    const { resolve, reject, started } = inFlight;
    inFlight = null;
    if (error !== undefined) reject(new Error(typeof error === 'string' ? error : error?.message ?? String(error)));
    else resolve({ article, ms: performance.now() - started, where: 'worker' });
  };
  w.onerror = (event) => {
    if (!inFlight) return;
    const { reject } = inFlight;
    inFlight = null;
    event.preventDefault?.();
    reject(new Error(event.message || 'worker failed'));
    w.terminate();
    if (worker === w) worker = null;
  };
  return w;
}

/** Stop whatever is in flight (its promise rejects with Superseded). */
export function cancel() {
  if (!inFlight) return;
  const { reject } = inFlight;
  inFlight = null;
  worker?.terminate();
  worker = null;
  reject(new Superseded());
}

/** The text of a file's bytes exactly as the parser decodes them, so the Article's spans index it. */
export async function decodeText(bytes) {
  await load();
  return decode(bytes).text;
}

/** Parse `input` (string or Uint8Array) with `options`. */
export async function run(input, options) {
  cancel();
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size <= WORKER_THRESHOLD) {
    await load();
    const started = performance.now();
    const article = parse(input, options);
    return { article, ms: performance.now() - started, where: 'main' };
  }
  worker ??= spawn();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    inFlight = { id, resolve, reject, started: performance.now() };
    worker.postMessage({ id, input, options });
  });
}
