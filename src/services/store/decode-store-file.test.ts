import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeStoreFile, type StoreFileFormat } from './decode-store-file';

interface Counter {
  readonly schemaVersion: 2;
  readonly count: number;
}

const format: StoreFileFormat<Counter> = {
  version: 2,
  migrations: { 1: ({ n, ...rest }) => ({ ...rest, count: n }) },
  schema: z.object({ schemaVersion: z.literal(2), count: z.number().int() }).strict(),
};
const bytes = (text: string) => new TextEncoder().encode(text);
const damagedDetail = (input: Uint8Array) => {
  const decoded = decodeStoreFile(input, format);
  return decoded.ok === false && decoded.reason === 'damaged' ? decoded.detail : `not damaged: ${JSON.stringify(decoded)}`;
};

describe('decodeStoreFile', () => {
  it('returns current data as it is, and migrates older data', () => {
    expect(decodeStoreFile(bytes('{"schemaVersion":2,"count":3}'), format)).toEqual({ ok: true, data: { schemaVersion: 2, count: 3 } });
    expect(decodeStoreFile(bytes('{"schemaVersion":1,"n":4}'), format)).toEqual({ ok: true, data: { schemaVersion: 2, count: 4 } });
  });

  it('reports a file from a newer Notebook apart from damage', () => {
    expect(decodeStoreFile(bytes('{"schemaVersion":9,"anything":[]}'), format)).toEqual({ ok: false, reason: 'newer', version: 9 });
  });

  it('says where truncated JSON ends, in bytes', () => {
    const text = '{"schemaVersion":2,"note":"café","count":';
    expect(damagedDetail(bytes(text))).toBe(`Unexpected end of JSON input at byte ${Buffer.byteLength(text)}`);
  });

  it('gives the byte offset of a syntax error, not the UTF-16 index', () => {
    // "é" is one UTF-16 unit but two bytes, so the comma at index 27 is byte 28.
    expect(damagedDetail(bytes('{"schemaVersion":2,"a":"é",,}'))).toBe(`Expected double-quoted property name at byte 28`);
  });

  it('names empty, zero-filled and binary files as such', () => {
    expect(damagedDetail(new Uint8Array())).toBe('the file is empty');
    expect(damagedDetail(new Uint8Array(512))).toBe('the file holds only zero bytes (512), as a write cut short by a crash leaves it');
    expect(damagedDetail(Uint8Array.from([0x7b, 0xff, 0xfe, 0x00, 0x89]))).toBe('the file is not UTF-8 text');
  });

  it('lists what is wrong with the shape', () => {
    expect(damagedDetail(bytes('{"schemaVersion":2,"count":"three","extra":1}'))).toBe('wrong shape: count: expected number, received string; (input): Unrecognized key: "extra"');
    expect(damagedDetail(bytes('[1,2]'))).toBe('the file is JSON but not an object');
    expect(damagedDetail(bytes('{"count":1}'))).toBe('its schemaVersion is missing, not a whole number from 1');
  });
});
