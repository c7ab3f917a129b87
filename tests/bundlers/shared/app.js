// The browser application most projects build: the package's default entry after init(), and a
// worker of the application's own that becomes xinwen's worker by importing it.
import init, { parse, version } from 'xinwen';
import { askWorker, show } from './page.js';

show(async (text) => {
  await init();
  const worker = new Worker(new URL('./parse-worker.js', import.meta.url), { type: 'module' });
  return { title: parse(text).title, version, workerTitle: await askWorker(worker, text) };
});
