// A typed usage example of the npm package, compiled by tests/run (`tsc -p tests/types`) against the
// committed generated types npm/xinwen.d.ts: if the API's types change, this stops compiling.
import init, { initSync, parse, parseFile, toMarkdown } from 'xinwen';
import type { Article, Block, Content, Dateline, Diagnostic, Figure, Image, Item, Kind, Options, Role, Section } from 'xinwen';
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

/** The fields beside the body: pictures, summary, tags, address, language, and the content by type. */
export function fields(html: string): string[] {
  const article: Article = parse(html, { url: 'https://news.example.com/a/1.html', format: 'html' });
  const lead: Image | null = article.image;
  const figures: Figure[] = article.figures;
  const captions: (string | null)[] = figures.map((f) => f.caption);
  const meta: (string | null)[] = [article.description, article.category, article.url, article.host, article.language];
  const keywords: string[] = article.tags;
  const content: Content[] = article.content;
  const texts: string[] = content.flatMap((c): string[] => {
    switch (c.type) {
      case 'paragraph':
      case 'subheading':
      case 'quote':
      case 'code':
        return [c.text];
      case 'list':
        return c.ordered ? c.items.map((i, k) => `${k + 1}. ${i}`) : c.items;
      case 'table':
        return c.rows.map((r) => r.join(' | '));
      case 'figure':
        return [c.src ?? '', c.alt ?? '', c.caption ?? ''];
    }
  });
  const spans: number[] = content.map((c) => c.end - c.start);
  const markdown: string = toMarkdown(article);
  return [lead?.src ?? '', ...captions.map(String), ...meta.map(String), ...keywords, ...texts, ...spans.map(String), markdown];
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
