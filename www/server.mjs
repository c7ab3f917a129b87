// A small static file server for the web page: serves one folder on 127.0.0.1 with correct MIME
// types (application/wasm for the module, text/javascript for ES modules). No dependencies.
//
// In: a folder and a port. Out: an http.Server; GET/HEAD only, no directory listings, no paths
// outside the folder. Run directly (`node www/server.mjs [dir]`) it listens on $PORT or 8080
// and prints the URL; the browser tests import `startServer` and listen on a free port.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** MIME types by file extension; anything else is served as application/octet-stream. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Resolve a request path inside `root`, or null when it would leave the folder. */
function locate(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const full = normalize(join(root, path));
  return full === root || full.startsWith(root + sep) ? full : null;
}

/** Serve `dir` on `host`:`port` (0 picks a free port). Resolves to the listening server. */
export function startServer({ dir, port = 8080, host = '127.0.0.1' }) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file = locate(root, req.url || '/');
    try {
      if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
      const info = file && (await stat(file));
      if (!info || !info.isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'Content-Type': MIME[extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 not found\n');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || fileURLToPath(new URL('.', import.meta.url));
  const port = Number(process.env.PORT || 8080);
  const server = await startServer({ dir, port }).catch((e) => {
    console.error(`www/server.mjs: cannot listen on 127.0.0.1:${port}: ${e.message}`);
    process.exit(1);
  });
  console.log(`xinwen web page: http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
}
