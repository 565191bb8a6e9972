import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { openNotebook, type Notebook } from '../../src/services/open-notebook';
import type { ApiResult } from '../../src/shared/api-result';
import { TOKEN_HEADER } from '../../src/shared/transport';
import { writeTinyLibrary } from '../unit/support/tiny-library';
import { rawRequest, type RawResponse } from './support/raw-http';

type HostCase = '127.0.0.1' | 'localhost' | '[::1]' | 'another port' | 'evil.example';
type TokenCase = 'none' | 'wrong' | 'right';
type OriginCase = 'none' | 'same' | 'foreign' | 'null';

const HOSTS: readonly HostCase[] = ['127.0.0.1', 'localhost', '[::1]', 'another port', 'evil.example'];
const TOKENS: readonly TokenCase[] = ['none', 'wrong', 'right'];
const ORIGINS: readonly OriginCase[] = ['none', 'same', 'foreign', 'null'];
const API_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'];
const PAGES = ['/', '/assets/app.js'];

let root: string;
let notebook: Notebook;
let server: RunningServer;
let port: number;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'notebook-request-matrix-'));
  await writeTinyLibrary(join(root, 'resources'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Notebook</title><script type="module" src="/assets/app.js"></script>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'export {};');
  notebook = await openNotebook({ dataDir: join(root, 'data'), resourcesDir: join(root, 'resources'), shell: 'browser' });
  server = await startServer({ notebook, rendererDir, port: 0 });
  port = server.address.port;
});

afterAll(async () => {
  await server.close();
  await notebook.close();
  await rm(root, { recursive: true, force: true });
});

const hostHeader = (host: HostCase): string => (host === 'evil.example' ? 'evil.example' : host === 'another port' ? `127.0.0.1:${port === 1 ? 2 : 1}` : `${host}:${port}`);

/**
 * The rules, written out independently of the server's code: a foreign Host (DNS rebinding) or a
 * foreign or opaque Origin (another page) is refused before anything else; /api takes only POST,
 * then needs the launch token (none: 401, wrong: 403); the pages are readable without it.
 */
function expectedStatus(host: HostCase, token: TokenCase, origin: OriginCase, method: string, path: string): number {
  if (host === 'evil.example' || host === 'another port') return 403;
  if (origin === 'foreign' || origin === 'null') return 403;
  if (path !== '/api') return method === 'GET' ? 200 : 405;
  if (method !== 'POST') return 405;
  if (token === 'none') return 401;
  return token === 'wrong' ? 403 : 200;
}

function headersFor(host: HostCase, token: TokenCase, origin: OriginCase): Record<string, string> {
  const headers: Record<string, string> = { Host: hostHeader(host) };
  if (token !== 'none') headers[TOKEN_HEADER] = token === 'right' ? server.token : `${server.token.slice(0, -2)}xx`;
  if (origin === 'same') headers['Origin'] = `http://${hostHeader(host)}`;
  if (origin === 'foreign') headers['Origin'] = 'http://evil.example';
  if (origin === 'null') headers['Origin'] = 'null';
  return headers;
}

/** What is wrong with a response beyond its status, or null. */
function headerProblem(response: RawResponse, path: string): string | null {
  const cors = Object.keys(response.headers).filter((name) => name.startsWith('access-control-'));
  if (cors.length > 0) return `it carries ${cors.join(', ')}`;
  if (response.headers['x-content-type-options'] !== 'nosniff' || response.headers['content-security-policy'] === undefined) return 'it lacks the security headers';
  if (response.status === 405 && response.headers['allow'] !== (path === '/api' ? 'POST' : 'GET, HEAD')) return `its Allow header is ${String(response.headers['allow'])}`;
  return null;
}

describe('the browser-mode request matrix', () => {
  it('answers every combination of Host, launch token, Origin and method as the rules say, with no CORS header', async () => {
    const cases: { host: HostCase; token: TokenCase; origin: OriginCase; method: string; path: string }[] = [];
    for (const host of HOSTS) {
      for (const token of TOKENS) {
        for (const origin of ORIGINS) {
          for (const method of API_METHODS) cases.push({ host, token, origin, method, path: '/api' });
          for (const path of PAGES) cases.push({ host, token, origin, method: 'GET', path });
        }
      }
    }
    const problems: string[] = [];
    const statuses: Record<number, number> = {};
    for (const { host, token, origin, method, path } of cases) {
      const body = method === 'GET' || method === 'OPTIONS' ? undefined : JSON.stringify({ method: 'notebook.status', input: {} });
      const response = await rawRequest({ port, method, path, headers: { ...headersFor(host, token, origin), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, body });
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const what = `${method} ${path} (Host ${host}, token ${token}, Origin ${origin})`;
      const expected = expectedStatus(host, token, origin, method, path);
      if (response.status !== expected) problems.push(`${what}: ${response.status}, expected ${expected}: ${response.body.slice(0, 160)}`);
      const problem = headerProblem(response, path);
      if (problem !== null) problems.push(`${what}: ${problem}`);
      if (path === '/api' || response.status === 403) {
        const result = JSON.parse(response.body) as ApiResult<unknown>;
        const code = response.status === 200 ? null : response.status === 405 ? 'invalid-input' : 'forbidden';
        if (code === null ? !result.ok : result.ok || result.error.code !== code) problems.push(`${what}: answered ${response.body.slice(0, 160)}`);
      }
    }
    console.info(`request matrix: ${cases.length} requests over HTTP, by status ${JSON.stringify(statuses)}, ${problems.length} problems`);
    expect(problems).toEqual([]);
    expect(cases).toHaveLength(HOSTS.length * TOKENS.length * ORIGINS.length * (API_METHODS.length + PAGES.length));
  });

  it('listens on 127.0.0.1 only: neither IPv6 loopback nor any other address of this machine connects', async () => {
    expect(server.address.address).toBe('127.0.0.1');
    const others = Object.values(networkInterfaces())
      .flat()
      .flatMap((info) => (info === undefined || info.internal ? [] : [info.address]));
    const refused = async (address: string): Promise<string> =>
      new Promise((resolve) => {
        const socket = connect({ host: address, port, timeout: 2_000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('timeout', () => {
          socket.destroy();
          resolve('timed out');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
    const outcomes = await Promise.all(['::1', ...others].map(async (address) => [address, await refused(address)] as const));
    console.info(`request matrix: connections to ${outcomes.map(([a, o]) => `${a} ${o}`).join(', ')}`);
    for (const [address, outcome] of outcomes) expect(outcome, address).not.toBe('connected');
  });
});
