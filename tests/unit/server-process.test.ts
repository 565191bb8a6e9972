import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { READY_LINE } from '../support/server-ready-line';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const serverScript = join(repoRoot, 'out', 'main', 'server.js');

interface Launched {
  readonly child: ChildProcess;
  /** The first line of stdout, or null if the process ended without printing one. */
  readonly firstLine: Promise<string | null>;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly stderr: () => string;
}

const running = new Set<ChildProcess>();
let dataDir: string;

/** Runs the built server as a person would, never opening a browser. */
function launch(...args: string[]): Launched {
  const child = spawn(process.execPath, [serverScript, '--port', '0', '--data-dir', dataDir, '--no-open', ...args], {
    cwd: repoRoot,
    // Where the server keeps its token and port between runs: this test's, not the person's.
    env: { ...process.env, XDG_CACHE_HOME: `${dataDir}-cache` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      done({ code, signal });
    }),
  );
  const lines = createInterface({ input: child.stdout! });
  const firstLine = new Promise<string | null>((done) => {
    lines.once('line', done);
    lines.once('close', () => done(null));
  });
  return { child, firstLine, exit, stderr: () => stderr };
}

/** Builds out/ from the current sources when it is missing or stale, so the test runs today's code. */
function buildIfStale(): Promise<void> {
  return new Promise((done, failed) => {
    const build = spawn(process.execPath, [join(repoRoot, 'scripts', 'build-if-stale.mjs')], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    build.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    build.on('exit', (code) => (code === 0 ? done() : failed(new Error(`The build failed:\n${output}`))));
  });
}

beforeAll(async () => {
  await buildIfStale();
  dataDir = await mkdtemp(join(tmpdir(), 'notebook-server-process-'));
}, 180_000);

// A failed assertion must not leave a server holding the data folder for the next test.
afterEach(async () => {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}-cache`, { recursive: true, force: true });
});

describe('the built browser-mode server', () => {
  it('prints exactly the ready line first, then serves the renderer and the real API at that address', async () => {
    const server = launch();
    const line = await server.firstLine;
    expect(line, server.stderr()).toMatch(READY_LINE);
    const url = new URL(READY_LINE.exec(line ?? '')?.[1] ?? '');
    const token = url.searchParams.get('token') ?? '';

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const answer = await fetch(new URL('/api', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Notebook-Token': token },
      body: JSON.stringify({ method: 'sources.list', input: {} }),
    });
    expect(answer.status).toBe(200);
    const result = (await answer.json()) as { ok: boolean; value: unknown[] };
    expect(result.ok).toBe(true);
    expect(result.value).toHaveLength(5);

    server.child.kill('SIGTERM');
    expect(await server.exit).toEqual({ code: 0, signal: null });
  });

  it('refuses a second server on the same data folder with exit code 3, naming the process that holds it', async () => {
    const first = launch();
    expect(await first.firstLine).toMatch(READY_LINE);

    const second = launch();
    expect(await second.exit).toEqual({ code: 3, signal: null });
    expect(await second.firstLine).toBeNull();
    const message = second.stderr();
    expect(message).toContain(String(first.child.pid));
    expect(message).not.toMatch(/\n\s+at /);

    first.child.kill('SIGTERM');
    expect(await first.exit).toEqual({ code: 0, signal: null });
  });

  it('releases the data folder on SIGTERM, so the next server can open it', async () => {
    const first = launch();
    expect(await first.firstLine).toMatch(READY_LINE);
    first.child.kill('SIGTERM');
    expect(await first.exit).toEqual({ code: 0, signal: null });

    const next = launch();
    expect(await next.firstLine, next.stderr()).toMatch(READY_LINE);
    next.child.kill('SIGINT');
    expect(await next.exit).toEqual({ code: 0, signal: null });
  });

  it('comes back at the same address after being killed, so a tab left open reconnects with its token', async () => {
    const first = launch();
    const before = await first.firstLine;
    expect(before, first.stderr()).toMatch(READY_LINE);
    first.child.kill('SIGKILL');
    await first.exit;

    const again = launch();
    const after = await again.firstLine;
    expect(after, again.stderr()).toBe(before);
    const url = new URL(READY_LINE.exec(after ?? '')?.[1] ?? '');
    const answer = await fetch(new URL('/api', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Notebook-Token': url.searchParams.get('token') ?? '' },
      body: JSON.stringify({ method: 'sources.list', input: {} }),
    });
    expect(((await answer.json()) as { ok: boolean }).ok).toBe(true);
    again.child.kill('SIGTERM');
    await again.exit;
  });

  it('explains a bad command line and exits with code 2', async () => {
    const server = launch('--port', 'eighty');
    expect(await server.exit).toEqual({ code: 2, signal: null });
    expect(server.stderr()).toContain('--port needs a whole number');
  });
});
