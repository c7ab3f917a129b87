// What each browser project does with the package: fetches the seed page (page.txt, served beside
// index.html), runs `work(text)` and writes its result, or the error, as JSON into <output id="out">,
// where tests/bundlers/run.mjs reads it.
export async function show(work) {
  const out = document.getElementById('out');
  try {
    const text = await (await fetch('./page.txt')).text();
    out.textContent = JSON.stringify(await work(text));
  } catch (e) {
    out.textContent = JSON.stringify({ error: String(e?.stack ?? e) });
  }
}

/** The title a worker that answers as xinwen/worker does gives for `text`. */
export function askWorker(worker, text) {
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.error ? reject(new Error(data.error.message)) : resolve(data.article.title));
    worker.onerror = (e) => reject(new Error(`the worker failed: ${e.message}`));
    setTimeout(() => reject(new Error('the worker did not reply within 20 s')), 20000);
    worker.postMessage({ id: 1, input: text });
  });
}
