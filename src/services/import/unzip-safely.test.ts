import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS, ImportFailure } from '../../core/import/import-failure';
import type { ImportLimits } from '../../core/import/import-failure';
import { makeZipBomb } from '../../../tests/fixtures/import/make-zip-bomb';
import { NotAZipError, openZipSafely } from './unzip-safely';

const MiB = 1024 * 1024;
const limits = (overrides: Partial<ImportLimits>): ImportLimits => ({ ...DEFAULT_IMPORT_LIMITS, ...overrides });
const bomb = makeZipBomb({ name: 'payload.xml', mebibytes: 20, others: { 'readme.txt': 'hello' } });
const lyingBomb = makeZipBomb({ name: 'payload.xml', mebibytes: 20, declaredSize: 1000 });

describe('openZipSafely', () => {
  it('reads the entries asked for, stored or deflated, and lists the names', () => {
    const zip = openZipSafely(zipSync({ 'a.txt': [strToU8('stored'), { level: 0 }], 'dir/b.xml': strToU8('<b>deflated</b>'.repeat(100)) }), DEFAULT_IMPORT_LIMITS);
    expect(zip.names).toEqual(['a.txt', 'dir/b.xml']);
    expect(strFromU8(zip.read('a.txt')!)).toBe('stored');
    expect(strFromU8(zip.read('dir/b.xml')!)).toBe('<b>deflated</b>'.repeat(100));
    expect(zip.has('missing')).toBe(false);
    expect(zip.read('missing')).toBeNull();
  });

  it('refuses, before inflating, a zip whose declared total passes maxInflatedBytes', () => {
    expect(() => openZipSafely(bomb, limits({ maxInflatedBytes: 8 * MiB }))).toThrow(
      new ImportFailure('The file unpacks to more than 8 MiB (a zip bomb?); nothing was imported.'),
    );
  });

  it('refuses, before inflating, an entry past 1 MiB packed tighter than maxCompressionRatio', () => {
    expect(() => openZipSafely(bomb, limits({ maxCompressionRatio: 200 }))).toThrow('The file unpacks to more than 200 times its packed size (a zip bomb?); nothing was imported.');
    expect(() => openZipSafely(zipSync({ 'small.xml': new Uint8Array(MiB) }), limits({ maxCompressionRatio: 200 }))).not.toThrow();
  });

  it('counts the bytes it inflates, whatever the central directory declares', () => {
    const zip = openZipSafely(lyingBomb, limits({ maxInflatedBytes: 8 * MiB, maxCompressionRatio: 100_000 }));
    expect(() => zip.read('payload.xml')).toThrow('The file unpacks to more than 8 MiB (a zip bomb?); nothing was imported.');
    const byRatio = openZipSafely(lyingBomb, limits({ maxCompressionRatio: 200 }));
    expect(() => byRatio.read('payload.xml')).toThrow('more than 200 times its packed size');
  });

  it('counts the total over every entry read', () => {
    const zip = openZipSafely(zipSync({ 'a.bin': [new Uint8Array(3 * MiB), { level: 0 }], 'b.bin': [new Uint8Array(3 * MiB), { level: 0 }] }), limits({ maxInflatedBytes: 7 * MiB }));
    expect(zip.read('a.bin')).toHaveLength(3 * MiB);
    expect(zip.read('b.bin')).toHaveLength(3 * MiB);
    const tight = openZipSafely(zipSync({ 'a.bin': [new Uint8Array(3 * MiB), { level: 0 }], 'b.bin': [new Uint8Array(3 * MiB), { level: 0 }] }), limits({ maxInflatedBytes: 7 * MiB }));
    tight.read('a.bin');
    tight.read('b.bin');
    expect(() => tight.read('a.bin')).toThrow('more than 7 MiB');
  });

  it('refuses more entries than maxZipEntries', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, strToU8('x')])));
    expect(() => openZipSafely(many, limits({ maxZipEntries: 20 }))).toThrow('The file unpacks to more than 20 files (a zip bomb?); nothing was imported.');
  });

  it('refuses entry names that climb out of the archive or are absolute', () => {
    for (const name of ['../evil.txt', 'a/../../evil.txt', '/etc/passwd', 'C:/evil.txt', 'a\\..\\..\\evil']) {
      expect(() => openZipSafely(zipSync({ [name]: strToU8('x') }), DEFAULT_IMPORT_LIMITS), name).toThrow(/points outside the file/);
    }
  });

  it('says when the bytes are not a zip, or a damaged one', () => {
    expect(() => openZipSafely(strToU8('just some text, not a zip at all'), DEFAULT_IMPORT_LIMITS)).toThrow(new NotAZipError('it is not a zip archive'));
    const zip = zipSync({ 'a.txt': strToU8('hello '.repeat(1000)) });
    const cut = zip.slice();
    cut.fill(0, 30, 60);
    expect(() => openZipSafely(cut, DEFAULT_IMPORT_LIMITS).read('a.txt')).toThrow(NotAZipError);
  });
});
