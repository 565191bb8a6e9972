import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu';

const roles = (menu: MenuItemConstructorOptions | undefined): unknown[] =>
  Array.isArray(menu?.submenu) ? menu.submenu.map((item) => item.role ?? item.type ?? item.label) : [];

describe('menuTemplate', () => {
  it('gives Windows and Linux File, Edit, View and Window menus, Quit under File', () => {
    const menus = menuTemplate({ appName: 'Notebook', platform: 'linux', isPackaged: true, addSources: () => undefined });
    expect(menus.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Window']);
    expect(roles(menus[0])).toEqual(['Add sources…', 'separator', 'quit']);
    expect(roles(menus[1])).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll']);
  });

  it('puts the application menu first on macOS, with Quit in it', () => {
    const menus = menuTemplate({ appName: 'Notebook', platform: 'darwin', isPackaged: true, addSources: () => undefined });
    expect(menus.map((menu) => menu.label)).toEqual(['Notebook', 'File', 'Edit', 'View', 'Window']);
    expect(roles(menus[0])).toContain('quit');
    expect(roles(menus[1])).toEqual(['Add sources…', 'separator', 'close']);
  });

  it('File > Add sources… opens the file chooser, with Ctrl/Cmd+O', () => {
    let asked = 0;
    const file = menuTemplate({ appName: 'Notebook', platform: 'linux', isPackaged: true, addSources: () => asked++ })[0];
    const item = Array.isArray(file?.submenu) ? file.submenu[0] : undefined;
    expect(item).toMatchObject({ label: 'Add sources…', accelerator: 'CmdOrCtrl+O' });
    (item?.click as () => void)();
    expect(asked).toBe(1);
  });

  it('offers developer tools only when not packaged', () => {
    const view = (isPackaged: boolean) => roles(menuTemplate({ appName: 'Notebook', platform: 'linux', isPackaged, addSources: () => undefined }).find((menu) => menu.label === 'View'));
    expect(view(false)).toContain('toggleDevTools');
    expect(view(true)).not.toContain('toggleDevTools');
    expect(view(true)).toEqual(expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });
});
