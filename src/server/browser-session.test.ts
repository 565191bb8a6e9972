import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../tests/unit/support/temp-dir';
import { loadBrowserSession, saveBrowserSession } from './browser-session';

const dir = useTempDir('browser-session');

describe('the browser session kept between runs', () => {
  it('starts with a fresh token and no port, then gives back what was saved', async () => {
    const first = await loadBrowserSession(join(dir(), 'profile'));
    expect(first.token).toMatch(/^[\w-]{43}$/);
    expect(first.port).toBeNull();
    await saveBrowserSession(join(dir(), 'profile'), { token: first.token, port: 41234 });
    expect(await loadBrowserSession(join(dir(), 'profile'))).toEqual({ token: first.token, port: 41234 });
    expect(await readdir(join(dir(), 'profile'))).toEqual(['browser-session.json']);
  });

  it('is readable by its owner only', async () => {
    await saveBrowserSession(dir(), { token: 'a'.repeat(43), port: null });
    expect((await stat(join(dir(), 'browser-session.json'))).mode & 0o777).toBe(0o600);
  });

  it('makes a new token when the file is damaged or holds a token of the wrong shape', async () => {
    for (const content of ['{', '{"token":"short","port":80}', '[]', 'null']) {
      await writeFile(join(dir(), 'browser-session.json'), content);
      const session = await loadBrowserSession(dir());
      expect(session.token).toMatch(/^[\w-]{43}$/);
      expect(session.port).toBeNull();
    }
  });
});
