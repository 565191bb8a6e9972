import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../tests/unit/support/temp-dir';
import { serveStaticFile } from './static-files';

const dir = useTempDir('static-files');
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** The build folder `out/renderer` with a page and an asset, next to a secret outside it. */
async function serve(): Promise<{ get: (path: string) => Promise<{ status: number; body: string }>; build: string; outside: string }> {
  const build = join(dir(), 'renderer');
  const outside = join(dir(), 'secret');
  await mkdir(join(build, 'assets'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(build, 'index.html'), '<!doctype html><title>Notebook</title>');
  await writeFile(join(build, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(outside, 'token.txt'), 'do not serve');
  const server = createServer((req, res) => void serveStaticFile(req, res, build));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: await response.text() };
  };
  return { get, build, outside };
}

describe('serveStaticFile', () => {
  it('serves the page and the build’s assets', async () => {
    const { get } = await serve();
    expect(await get('/')).toEqual({ status: 200, body: '<!doctype html><title>Notebook</title>' });
    expect((await get('/assets/app.js')).body).toBe('console.log(1)');
  });

  it('does not follow a symlink planted in the build folder out of it, to a file or a folder', async () => {
    const { get, build, outside } = await serve();
    await symlink(join(outside, 'token.txt'), join(build, 'assets', 'planted.txt'));
    await symlink(outside, join(build, 'planted-folder'));
    expect(await get('/assets/planted.txt')).toEqual({ status: 404, body: 'Notebook has no page at that address.' });
    expect((await get('/planted-folder/token.txt')).status).toBe(404);
  });

  it('still serves a link that stays inside the build folder', async () => {
    const { get, build } = await serve();
    await symlink(join(build, 'assets', 'app.js'), join(build, 'assets', 'alias.js'));
    expect((await get('/assets/alias.js')).body).toBe('console.log(1)');
  });
});
