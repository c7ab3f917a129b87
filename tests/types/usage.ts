// A typed usage example of the npm package, compiled by tests/run (`tsc -p tests/types`) against the
// committed generated types npm/xinwen.d.ts: if the API's types change, this stops compiling.
import init, { initSync, parse, parseFile } from 'xinwen';
import type { Article, Block, Dateline, Diagnostic, Item, Kind, Options, Role, Section } from 'xinwen';
import type { WorkerRequest, WorkerResponse } from 'xinwen/worker.js';

export async function show(text: string, file: File, wasm: ArrayBuffer): Promise<string[]> {
  await init(); // browsers: fetch and instantiate xinwen_bg.wasm beside the glue
  initSync({ module: wasm }); // or synchronously from bytes already at hand
  const options: Options = { today: '2026-11-27' };
  const article: Article = parse(text, options);
  const fromBytes: Article = parse(new TextEncoder().encode(text));
  const fromFile: Article = await parseFile(file, {});
  const title: string | null = article.title;
  const published: string | null = fromBytes.published;
  const authors: string[] = fromFile.authors;
  const sections: Section[] = article.sections;
  const items: Item[] = sections.flatMap((s) => s.items);
  const tags: (string | null)[] = items.map((i) => i.tag);
  const bodyLines: Block[] = article.blocks.filter((b) => b.role === 'body');
  const role: Role = bodyLines[0]?.role ?? 'other';
  const codes: string[] = article.diagnostics.map((d: Diagnostic) => d.code);
  const kind: Kind = article.kind; // 'article' | 'other'
  const dateline: Dateline | null = article.dateline;
  const filed: (string | null)[] = [dateline?.agency ?? null, dateline?.place ?? null, dateline?.date ?? null];
  const lines = bodyLines.map((b) => text.slice(b.start, b.end));
  return [title ?? '', published ?? '', ...authors, ...tags.map(String), role, kind, ...filed.map(String), ...codes, ...lines];
}

export function ask(worker: Worker, id: number, input: string | Uint8Array | Blob): Promise<Article> {
  const request: WorkerRequest = { id, input, options: { today: '2026-11-27' } };
  worker.postMessage(request);
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', ({ data }: MessageEvent<WorkerResponse>) => {
      if (data.id !== id) return;
      if (data.error) reject(new Error(`${data.error.name}: ${data.error.message}`));
      else resolve(data.article);
    });
  });
}
