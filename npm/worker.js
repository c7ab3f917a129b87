// The Web Worker entry of the xinwen package: parses off the main thread.
//   const worker = new Worker(new URL('xinwen/worker', import.meta.url), { type: 'module' });
//   worker.postMessage({ id: 1, input: text /* string | Uint8Array | ArrayBuffer | Blob */, options: { today: '2026-11-27' } });
//   worker.onmessage = ({ data }) => data.error ? fail(data.error.message) : show(data.article);
// Each request { id, input, options } gets exactly one reply: { id, article } or
// { id, error: { name, message } } (name is 'TypeError' for misuse, 'Error' for unreadable bytes).
// A worker file of your own may `import 'xinwen/worker'` to become this worker. Imported outside a
// worker (for `version`), it does nothing.
import init, { parse, parseFile } from './xinwen.js';

export { version } from './xinwen.js';

if (typeof WorkerGlobalScope === 'function' && self instanceof WorkerGlobalScope) {
  const ready = init();
  self.onmessage = async ({ data }) => {
    const { id, input, options } = data ?? {};
    try {
      await ready;
      const article = typeof Blob !== 'undefined' && input instanceof Blob ? await parseFile(input, options) : parse(input, options);
      self.postMessage({ id, article });
    } catch (e) {
      self.postMessage({ id, error: { name: e?.name ?? 'Error', message: e?.message ?? String(e) } });
    }
  };
}
