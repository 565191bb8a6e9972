import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { createApiClient } from '../../src/renderer/api/create-api-client';
import { openNotebook, type Notebook } from '../../src/services/open-notebook';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

interface Call {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

const resourcesDir = join(import.meta.dirname, '..', '..', 'resources');

let notebook: Notebook;
let server: RunningServer;
let root: string;
let dataDir: string;
let port: number;
/** Methods that reached the notebook, to prove refused requests never do. */
const dispatched: string[] = [];

/** Raw HTTP, so that Host and Origin can be set to anything a browser or an attacker might send. */
function send(call: Call): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: call.method ?? 'GET', path: call.path ?? '/', headers: { Host: `127.0.0.1:${port}`, ...call.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    // A server may answer and close before an oversized body is fully sent; the answer still counts.
    req.on('error', reject);
    req.end(call.body);
  });
}

const apiCall = (headers: Record<string, string>, body = JSON.stringify({ method: 'notebook.status', input: {} })): Promise<Answer> =>
  send({ method: 'POST', path: '/api', headers: { 'Content-Type': 'application/json', ...headers }, body });

const withToken = (headers: Record<string, string> = {}): Record<string, string> => ({ 'X-Notebook-Token': server.token, ...headers });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'notebook-server-security-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Notebook</title><script type="module" src="/assets/app.js"></script>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'export {};');
  await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(join(root, 'package.json'), '{"name":"secret-outside-the-renderer"}');
  dataDir = join(root, 'data');
  notebook = await openNotebook({ dataDir, resourcesDir, shell: 'browser' });
  const recording: Notebook = {
    dataDir: notebook.dataDir,
    dispatch: (method, input) => {
      dispatched.push(method);
      return notebook.dispatch(method, input);
    },
    close: () => notebook.close(),
  };
  server = await startServer({ notebook: recording, rendererDir, port: 0 });
  port = server.address.port;
});

afterAll(async () => {
  await server?.close();
  await notebook?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the listener', () => {
  it('is bound to 127.0.0.1 on the port the system chose, and its URL carries a fresh token', () => {
    expect(server.address.address).toBe('127.0.0.1');
    expect(server.address.port).toBeGreaterThan(0);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.url).toBe(`http://127.0.0.1:${port}/?token=${server.token}`);
  });
});

describe('the launch token', () => {
  it('is required: none is 401, a wrong one 403, both as forbidden results', async () => {
    const before = dispatched.length;
    const none = await apiCall({});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = await apiCall({ 'X-Notebook-Token': server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A') });
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const short = await apiCall({ 'X-Notebook-Token': 'x' });
    expect(short.status).toBe(403);
    expect(dispatched.length).toBe(before);
  });

  it('lets the call through when right, answering 200 with the ApiResult', async () => {
    const answer = await apiCall(withToken());
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { dataDir } });
    expect(dispatched.at(-1)).toBe('notebook.status');
  });

  it('answers 200 with the typed error when the method itself fails', async () => {
    const unknown = await apiCall(withToken(), JSON.stringify({ method: 'no.such.method', input: {} }));
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const invalid = await apiCall(withToken(), JSON.stringify({ method: 'notebook.status', input: { extra: 1 } }));
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('the launch link the browser is opened with', () => {
  it('carries a one-time code, not the token, and trades it once for the page with the token', async () => {
    const launch = server.launchUrl();
    expect(launch).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/launch\\?code=[\\w-]{32}$`));
    expect(launch).not.toContain(server.token);
    const first = await fetch(launch, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/?token=${server.token}`);
    const again = await fetch(launch, { redirect: 'manual' });
    expect(again.status).toBe(403);
    expect(await again.text()).toMatch(/^This link to open Notebook has been used already or has expired\./);
  });

  it('refuses a made-up code', async () => {
    const made = await fetch(`http://127.0.0.1:${port}/launch?code=${'a'.repeat(32)}`, { redirect: 'manual' });
    expect(made.status).toBe(403);
    expect(made.headers.get('location')).toBeNull();
  });
});

describe('the Host header (DNS rebinding)', () => {
  it.each([['127.0.0.1'], ['localhost'], ['LOCALHOST'], ['[::1]']])('accepts %s with this port', async (host) => {
    expect((await apiCall(withToken({ Host: `${host}:${port}` }))).status).toBe(200);
    expect((await send({ headers: { Host: `${host}:${port}` } })).status).toBe(200);
  });

  it.each([['evil.example:PORT'], ['127.0.0.1'], ['127.0.0.1:1'], ['localhost.evil.example:PORT'], ['127.0.0.2:PORT']])(
    'refuses %s with 403, for the API and for static files',
    async (host) => {
      const headers = { Host: host.replace('PORT', String(port)) };
      const api = await apiCall(withToken(headers));
      expect(api.status).toBe(403);
      expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('127.0.0.1') } });
      const page = await send({ headers });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain('<title>Notebook</title>');
    },
  );
});

describe('the Origin header (cross-site requests)', () => {
  it('accepts no Origin and this server’s own origin', async () => {
    expect((await apiCall(withToken())).status).toBe(200);
    expect((await apiCall(withToken({ Origin: `http://127.0.0.1:${port}` }))).status).toBe(200);
    expect((await apiCall(withToken({ Host: `localhost:${port}`, Origin: `http://localhost:${port}` }))).status).toBe(200);
  });

  it.each([['https://evil.example'], ['null'], ['http://127.0.0.1:1'], ['https://127.0.0.1:PORT'], ['http://localhost:PORT']])(
    'refuses %s with 403 even with the right token',
    async (origin) => {
      const answer = await apiCall(withToken({ Origin: origin.replace('PORT', String(port)) }));
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    },
  );
});

describe('malformed API requests', () => {
  it('answers GET on /api with 405 and the allowed method', async () => {
    const answer = await send({ path: '/api', headers: withToken() });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('POST');
  });

  it('refuses a body over 8 MiB with 413, declared or not', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024 + 1, 0x20);
    const declared = await apiCall(withToken({ 'Content-Length': String(big.length) }), big.toString());
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { message: expect.stringContaining('8 MiB') } });
    const chunked = await apiCall(withToken({ 'Transfer-Encoding': 'chunked' }), big.toString());
    expect(chunked.status).toBe(413);
  });

  it.each([['{"method":'], ['not json'], ['[]'], ['{"input":{}}'], ['{"method":7}']])('refuses the body %s with 400', async (body) => {
    const answer = await apiCall(withToken(), body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('static files', () => {
  it('serves index.html for / without caching, and assets with their MIME types', async () => {
    const page = await send({ path: `/?token=${server.token}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<title>Notebook</title>');
    expect((await send({ path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send({ path: '/assets/app.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send({ path: '/missing.js' })).status).toBe(404);
    expect((await send({ path: '/assets' })).status).toBe(404);
  });

  it.each([['/../package.json'], ['/assets/../../package.json'], ['/%2e%2e/package.json'], ['/%2e%2e%2fpackage.json'], ['/assets/..%5c..%5cpackage.json']])(
    'refuses the traversal %s',
    async (path) => {
      const answer = await send({ path });
      expect([400, 404]).toContain(answer.status);
      expect(answer.body).not.toContain('secret-outside-the-renderer');
    },
  );

  it('refuses to be written to', async () => {
    expect((await send({ method: 'PUT', path: '/index.html', body: 'x' })).status).toBe(405);
  });
});

describe('headers on every response', () => {
  const everyKind = (): Promise<Answer>[] => [
    send({ path: '/' }),
    send({ path: '/assets/app.js' }),
    send({ path: '/missing' }),
    send({ path: '/%2e%2e/package.json' }),
    send({ headers: { Host: 'evil.example' } }),
    apiCall(withToken()),
    apiCall({}),
    apiCall(withToken({ Origin: 'https://evil.example' })),
    apiCall(withToken(), 'not json'),
    send({ path: '/api' }),
    send({ method: 'OPTIONS', path: '/api', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } }),
  ];

  it('carries the CSP and nosniff, and never a CORS header', async () => {
    const answers = await Promise.all(everyKind());
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('the renderer’s client against this server', () => {
  const clientAt = (pageUrl: URL) =>
    createApiClient({ location: { search: pageUrl.search }, fetch: (path, init) => fetch(new URL(String(path), pageUrl), init) });

  it('reaches the notebook with the token from the page URL', async () => {
    expect(await clientAt(new URL(server.url)).call('notebook.status', {})).toMatchObject({ ok: true, value: { dataDir } });
  });

  it('gets a stale token’s refusal as a typed error with the server’s sentence', async () => {
    const stale = new URL(server.url);
    stale.searchParams.set('token', 'from-an-earlier-launch');
    expect(await clientAt(stale).call('notebook.status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('does not match this run') },
    });
  });
});
