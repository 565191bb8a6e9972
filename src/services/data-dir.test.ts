import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

const linux = { platform: 'linux', home: '/home/ana', env: {} } as const;

describe('resolveDataDir', () => {
  it('takes the --data-dir flag first', () => {
    expect(resolveDataDir({ ...linux, flag: '/mnt/case-7', env: { NOTEBOOK_DATA_DIR: '/srv/nb' } })).toBe('/mnt/case-7');
  });

  it('falls back on NOTEBOOK_DATA_DIR', () => {
    expect(resolveDataDir({ ...linux, flag: null, env: { NOTEBOOK_DATA_DIR: '/srv/nb' } })).toBe('/srv/nb');
  });

  it('treats blank values as not given', () => {
    expect(resolveDataDir({ ...linux, flag: '  ', env: { NOTEBOOK_DATA_DIR: '' } })).toBe('/home/ana/.config/Notebook');
  });

  it('uses $XDG_CONFIG_HOME/Notebook, else ~/.config/Notebook, on Linux', () => {
    expect(resolveDataDir({ ...linux, env: { XDG_CONFIG_HOME: '/home/ana/.xdg' } })).toBe('/home/ana/.xdg/Notebook');
    expect(resolveDataDir(linux)).toBe('/home/ana/.config/Notebook');
  });

  it('uses ~/Library/Application Support/Notebook on macOS', () => {
    expect(resolveDataDir({ platform: 'darwin', home: '/Users/ana', env: { XDG_CONFIG_HOME: '/ignored' } })).toBe('/Users/ana/Library/Application Support/Notebook');
  });

  it('uses %APPDATA%\\Notebook on Windows, with backslashes', () => {
    expect(resolveDataDir({ platform: 'win32', home: 'C:\\Users\\ana', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' } })).toBe('C:\\Users\\ana\\AppData\\Roaming\\Notebook');
    expect(resolveDataDir({ platform: 'win32', home: 'C:\\Users\\ana', env: {} })).toBe('C:\\Users\\ana\\AppData\\Roaming\\Notebook');
  });

  it("prefers Electron's own appData folder when the shell passes it", () => {
    expect(resolveDataDir({ ...linux, env: { XDG_CONFIG_HOME: '/elsewhere' }, appData: '/home/ana/.config' })).toBe('/home/ana/.config/Notebook');
  });
});
