// Runs the parser in the page's workers (worker.js). The module is fetched and compiled once, when
// the page opens (WebAssembly.compileStreaming, or compile when a host serves .wasm under another
// type), and handed to each worker, which instantiates it and parses a small page before it
// reports ready: the reader's first parse is a warm one.
//
// In: requests (parse, more, export, line). Out: promises of the worker's replies. A new parse
// supersedes whatever is in flight: the busy worker is terminated (its promises reject with
// Superseded) and a fresh one starts from the compiled module. `cancel()` does the same on demand.

/** Rejection reason for a request overtaken by a newer one, or cancelled. */
export class Superseded extends Error {
  constructor() {
    super('superseded by newer input');
    this.name = 'Superseded';
  }
}

const WASM = new URL('./pkg/xinwen_bg.wasm', import.meta.url);
const compiled = WebAssembly.compileStreaming(fetch(WASM)).catch(() =>
  fetch(WASM)
    .then((r) => r.arrayBuffer())
    .then((bytes) => WebAssembly.compile(bytes)),
);

/** xinwen's version, once a worker has told it (null when the package does not export it). */
export let version = null;

/** One worker and its requests. The page has two: one for what is shown, one for batches of files. */
export class Engine {
  #worker = null;
  #ready = null;
  #pending = new Map(); // id → { resolve, reject }
  #nextId = 1;

  #settle(id, fn) {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    fn(p);
  }

  #rejectAll(error) {
    for (const id of [...this.#pending.keys()]) this.#settle(id, (p) => p.reject(error));
  }

  #call(type, payload = {}, transfer = []) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, type, ...payload }, transfer);
    });
  }

  #spawn() {
    const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }) =>
      this.#settle(data.id, (p) => (data.error !== undefined ? p.reject(new Error(data.error)) : p.resolve(data)));
    w.onerror = (event) => {
      event.preventDefault?.();
      if (this.#worker !== w) return;
      this.#rejectAll(new Error(event.message || 'the parser stopped'));
      w.terminate();
      this.#worker = null;
    };
    this.#worker = w;
    this.#ready = compiled
      .then((module) => this.#call('init', { module }))
      .then((reply) => {
        version = reply.version ?? null;
      });
    return this.#ready;
  }

  /** Start the worker; resolves when it can parse. */
  start() {
    if (!this.#worker) this.#spawn();
    return this.#ready;
  }

  /** Whether a request is in flight. */
  get busy() {
    return this.#pending.size > 0;
  }

  /** Stop whatever is in flight: terminate the worker and start a fresh one. Returns whether anything was stopped. */
  cancel() {
    if (!this.#worker || !this.#pending.size) return false;
    this.#worker.terminate();
    this.#worker = null;
    this.#rejectAll(new Superseded());
    this.#spawn().catch(() => {}); // a failure shows on the next request
    return true;
  }

  /**
   * Parse `input` (a string, or a file's bytes) with `options`, superseding anything in flight.
   * The reply: { view, blocks (role, start, end triples), text (for bytes: the decoded text),
   * encoding, encodingNote, format, parseMs, binary, empty, postedAt }. Bytes are handed over, not
   * copied: pass a copy to keep them.
   */
  async parse(input, options) {
    this.cancel();
    await this.start();
    return this.#call('parse', { input, options }, typeof input === 'string' ? [] : [input.buffer]);
  }

  /** The next slice of the last Article: { what: 'body' | 'sections' | 'items', from, section }. */
  more(request) {
    return this.#call('more', request).then((r) => r.slice);
  }

  /** The last Article as a file: { blob, stem }. `origin`: { file, encoding }. */
  exportFile(format, origin) {
    return this.#call('export', { format, origin });
  }

  /** Parse one file of a batch without keeping it: { title, published, kind, binary, empty, line }. */
  async line(input, options, origin) {
    await this.start();
    return this.#call('line', { input, options, origin }, [input.buffer]);
  }
}
