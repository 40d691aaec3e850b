import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** Origin plus base, ending in `/`, e.g. `http://127.0.0.1:40123/sub/`. */
  url: string;
  origin: string;
  /** Paths requested so far, for tests that check what the browser fetched. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * The path of a request target, percent-decoded once; `null` when the target
 * is not a path (`*`, `http://…`), its encoding is malformed, or it names a
 * NUL byte, which no file name holds.
 */
function requestPath(target: string): string | null {
  // The target is read as written: `new URL('//host/x', …)` would take `host` for a host name.
  const raw = target.split(/[?#]/, 1)[0]!;
  if (!raw.startsWith('/')) return null;
  try {
    const path = decodeURIComponent(raw);
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

/** The file `path` names inside `root` (absolute), or `null` when it would leave `root`. */
function fileInside(root: string, path: string): string | null {
  const file = resolve(root, `.${sep}${path}`);
  return file === root || file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`) ? file : null;
}

/**
 * Serves a built site on loopback the way a static host does: `base` maps to
 * `root`, folders serve `index.html`, a missing file gets `404.html` with
 * status 404. Only files inside `root` are served, a malformed path gets 400,
 * and the one redirect (a folder without its trailing `/`) stays on the origin.
 * `pages` are HTML served at exact request paths (`/search/`) in place of
 * whatever the site has there: the benchmark's own versions of a page.
 */
export async function serveStatic(root: string, base = '/', pages: ReadonlyMap<string, string> = new Map()): Promise<StaticServer> {
  const requests: string[] = [];
  const rootDir = resolve(root);
  const server: Server = createServer(async (req, res) => {
    const path = requestPath(req.url ?? '/');
    if (path === null) {
      res.writeHead(400, { 'content-type': TYPES['.txt']! });
      return res.end('Bad request');
    }
    requests.push(path);
    const page = pages.get(path);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'content-length': Buffer.byteLength(page) });
      return res.end(page);
    }
    const notFound = async () => {
      const page = join(rootDir, '404.html');
      const exists = await stat(page).catch(() => null);
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      if (exists) createReadStream(page).pipe(res);
      else res.end('Not found');
    };
    if (!path.startsWith(base)) return notFound();
    let file = fileInside(rootDir, path.slice(base.length));
    if (file === null) return notFound();
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!path.endsWith('/')) {
        // The request's own (still encoded) path with one leading `/`: `//host/…` or `/\host/…` would send the browser to another origin.
        const target = (req.url ?? '/').split(/[?#]/, 1)[0]!.replace(/^[/\\]+/, '');
        res.writeHead(301, { location: `/${target}/` });
        return res.end();
      }
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return notFound();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${base}`,
    origin,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
