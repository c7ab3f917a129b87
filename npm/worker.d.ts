// The messages of xinwen's Web Worker (worker.js). Article and Options are the generated types of xinwen.d.ts.
import type { Article, Options } from './xinwen.js';

/** What a page posts to the worker; `id` is echoed in the reply. */
export interface WorkerRequest {
  id: unknown;
  input: string | Uint8Array | ArrayBuffer | Blob;
  options?: Options;
}

/** The worker's one reply to a request: the article, or the error that `parse` threw. */
export type WorkerResponse =
  | { id: unknown; article: Article; error?: undefined }
  | { id: unknown; article?: undefined; error: { name: string; message: string } };

/** The package's version, the same as the xinwen crate's and the CLI's. */
export { version } from './xinwen.js';
