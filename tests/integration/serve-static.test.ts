import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve-static.ts';

/**
 * The static server of the tests, `npm run bench` and `npm run eval:search`
 * answers only from its folder, whatever a request's path holds.
 */

interface Answer {
  status: number;
  location: string | undefined;
  body: string;
}

/** Sends `path` as the request target exactly as written (no URL normalisation on the way). */
function request(server: StaticServer, path: string): Promise<Answer> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((done, fail) => {
    const req = get({ hostname, port, path, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${path}`)));
    req.on('error', fail);
  });
}

describe.each(['/', '/sub/'])('serving a folder under %s', (base) => {
  let work: string;
  let server: StaticServer;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'arkhiv-serve-'));
    await mkdir(join(work, 'site/sub'), { recursive: true });
    await mkdir(join(work, 'site-secret'), { recursive: true });
    await writeFile(join(work, 'site/index.html'), 'home');
    await writeFile(join(work, 'site/sub/index.html'), 'sub');
    await writeFile(join(work, 'site/404.html'), 'not found');
    await writeFile(join(work, 'site-secret/x'), 'secret');
    server = await serveStatic(join(work, 'site'), base);
  });

  afterAll(async () => {
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  test('serves files and folders of the root', async () => {
    expect(await request(server, base)).toMatchObject({ status: 200, body: 'home' });
    expect(await request(server, `${base}sub/`)).toMatchObject({ status: 200, body: 'sub' });
    expect(await request(server, `${base}sub`)).toMatchObject({ status: 301, location: `${base}sub/` });
  });

  test.each(['..%2fsite-secret/x', '..%2F..%2Fsite-secret%2Fx', '%2e%2e/site-secret/x', 'sub/..%2f..%2fsite-secret/x'])(
    'never serves a sibling folder: %s',
    async (path) => {
      const answer = await request(server, `${base}${path}`);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('secret');
    },
  );

  test.each(['%E0%A4%A', '%', '%zz', 'a%00b'])('answers a malformed path with 400 and keeps running: %s', async (path) => {
    expect((await request(server, `${base}${path}`)).status).toBe(400);
    expect(await request(server, base)).toMatchObject({ status: 200, body: 'home' });
  });

  test.each(['%2fevil.example%2f..%2fsub', '%5cevil.example%2f..%2fsub', '/evil.example/../sub', '\\evil.example/../sub'])(
    'redirects only to a path of its own origin: %s',
    async (path) => {
      const answer = await request(server, `${base}${path}`);
      if (answer.status === 301) {
        expect(answer.location).toMatch(/^\/(?![/\\])/);
        expect(new URL(answer.location!, server.origin).origin).toBe(server.origin);
      } else {
        expect(answer.status).toBe(404);
      }
    },
  );
});

test('serves the pages it is given in place of the folder’s files, at their exact paths', async () => {
  const work = await mkdtemp(join(tmpdir(), 'arkhiv-serve-'));
  try {
    await mkdir(join(work, 'search'), { recursive: true });
    await writeFile(join(work, 'search/index.html'), 'site');
    await writeFile(join(work, '404.html'), 'not found');
    const server = await serveStatic(
      work,
      '/',
      new Map([
        ['/search/', 'replaced'],
        ['/extra/', 'added'],
      ]),
    );
    try {
      expect(await request(server, '/search/?q=x')).toMatchObject({ status: 200, body: 'replaced' });
      expect(await request(server, '/extra/')).toMatchObject({ status: 200, body: 'added' });
      expect(await request(server, '/search/index.html')).toMatchObject({ status: 200, body: 'site' });
      expect(await request(server, '/extra')).toMatchObject({ status: 404 });
    } finally {
      await server.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
