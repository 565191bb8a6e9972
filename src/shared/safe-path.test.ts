import { describe, expect, it } from 'vitest';
import { safePathSegments } from './safe-path';

describe('safePathSegments', () => {
  it('decodes the segments of an ordinary path', () => {
    expect(safePathSegments('/')).toEqual([]);
    expect(safePathSegments('/assets/index-C8pf.js')).toEqual(['assets', 'index-C8pf.js']);
    expect(safePathSegments('/fonts/Noto%20Serif.woff2')).toEqual(['fonts', 'Noto Serif.woff2']);
    expect(safePathSegments('//assets//a.css')).toEqual(['assets', 'a.css']);
  });

  it.each([
    ['/../package.json'],
    ['/assets/../../package.json'],
    ['/%2e%2e/package.json'],
    ['/%2E%2E/package.json'],
    ['/.%2e/package.json'],
    ['/./index.html'],
    ['/assets%2f..%2f..%2fpackage.json'],
    ['/..%5cpackage.json'],
    ['/index.html%00.js'],
    ['/%E0%A4%A'],
    ['relative/path'],
  ])('refuses %s', (path) => {
    expect(safePathSegments(path)).toBeNull();
  });
});
