import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, rendererFile } from './app-origin';

const rendererDir = join('/opt', 'notebook', 'out', 'renderer');

describe('isAppUrl', () => {
  it('accepts the app’s own pages only', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://notebook/assets/index.js?x=1#y')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://notebook/index.html')).toBe(false);
    expect(isAppUrl('file:///opt/notebook/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('rendererFile', () => {
  it('maps app URLs to files of the renderer folder, / to index.html', () => {
    expect(rendererFile(rendererDir, 'app://notebook/')).toBe(join(rendererDir, 'index.html'));
    expect(rendererFile(rendererDir, 'app://notebook/assets/index-C8pf.js?v=2')).toBe(join(rendererDir, 'assets', 'index-C8pf.js'));
  });

  it('refuses other origins and encoded ways out of the folder', () => {
    expect(rendererFile(rendererDir, 'app://elsewhere/index.html')).toBeNull();
    expect(rendererFile(rendererDir, 'app://notebook/%2e%2e%2f%2e%2e%2fpackage.json')).toBeNull();
    expect(rendererFile(rendererDir, 'app://notebook/..%5c..%5cpackage.json')).toBeNull();
  });
});
