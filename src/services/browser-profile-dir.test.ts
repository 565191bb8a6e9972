import { describe, expect, it } from 'vitest';
import { browserProfileDir } from './browser-profile-dir';

const home = '/home/ana';

describe('browserProfileDir', () => {
  it('puts the profile in the Linux cache folder, one folder per notebook', () => {
    const first = browserProfileDir({ dataDir: '/home/ana/.config/Notebook', env: {}, platform: 'linux', home });
    const second = browserProfileDir({ dataDir: '/home/ana/cases/kabul', env: {}, platform: 'linux', home });
    expect(first).toMatch(/^\/home\/ana\/\.cache\/Notebook\/profiles\/[0-9a-f]{16}$/);
    expect(second).not.toBe(first);
    expect(browserProfileDir({ dataDir: '/home/ana/cases/kabul/', env: {}, platform: 'linux', home })).toBe(second);
    expect(browserProfileDir({ dataDir: '/d', env: { XDG_CACHE_HOME: '/var/cache/ana' }, platform: 'linux', home })).toMatch(/^\/var\/cache\/ana\/Notebook\/profiles\//);
  });

  it('uses ~/Library/Caches on macOS and %LOCALAPPDATA% on Windows', () => {
    expect(browserProfileDir({ dataDir: '/Users/ana/N', env: {}, platform: 'darwin', home: '/Users/ana' })).toMatch(/^\/Users\/ana\/Library\/Caches\/Notebook\/profiles\//);
    expect(browserProfileDir({ dataDir: 'C:\\N', env: { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, platform: 'win32', home: 'C:\\Users\\ana' })).toMatch(
      /^C:\\Users\\ana\\AppData\\Local\\Notebook\\profiles\\[0-9a-f]{16}$/,
    );
  });

  it('is never inside the data directory, even one chosen inside the cache folder', () => {
    const dataDir = '/home/ana/.cache';
    const profile = browserProfileDir({ dataDir, env: {}, platform: 'linux', home });
    expect(profile).toBe('/home/ana/.cache-browser-profile');
  });
});
