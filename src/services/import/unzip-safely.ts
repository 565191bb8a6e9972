import { Inflate } from 'fflate';
import { ImportFailure } from '../../core/import/import-failure';
import type { ImportLimits } from '../../core/import/import-failure';

/**
 * The one zip reader of the import (DOCX, EPUB, and later REFI-QDA). It reads the central
 * directory itself so that it can refuse a zip bomb before inflating anything, inflates only the
 * entries asked for, and counts the bytes it actually gets while inflating, because the sizes a
 * zip declares are whatever its maker wrote.
 */

/** The bytes are not a zip Notebook can read; each converter words this for its own format. */
export class NotAZipError extends Error {
  override readonly name = 'NotAZipError';
}

export interface SafeZip {
  /** Entry names, in the order of the central directory. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The entry's inflated bytes, or null when there is no such entry. */
  read(name: string): Uint8Array | null;
}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The ratio check applies past this size: small entries (an empty XML part) pack tightly for no harm. */
const RATIO_FLOOR = 1024 * 1024;
/** Compressed bytes per step of inflation: deflate gives at most ~1032x, so one step stays under ~17 MB. */
const STEP = 16 * 1024;

export function openZipSafely(bytes: Uint8Array, limits: ImportLimits): SafeZip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(bytes, view, limits);
  let declared = 0;
  for (const entry of entries.values()) {
    declared += entry.size;
    if (declared > limits.maxInflatedBytes) throw bomb(`more than ${formatBytes(limits.maxInflatedBytes)}`);
    if (entry.size > RATIO_FLOOR && entry.size / Math.max(entry.compressedSize, 1) > limits.maxCompressionRatio) throw bomb(`more than ${limits.maxCompressionRatio} times its packed size`);
  }
  let inflated = 0;
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      const data = inflateEntry(bytes, view, entry, limits, limits.maxInflatedBytes - inflated);
      inflated += data.byteLength;
      return data;
    },
  };
}

function bomb(what: string): ImportFailure {
  return new ImportFailure(`The file unpacks to ${what} (a zip bomb?); nothing was imported.`);
}

function formatBytes(n: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (n >= size) return `${Math.round((n / size) * 10) / 10} ${unit}`;
  }
  return `${n} bytes`;
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new NotAZipError('it is not a zip archive');
}

function readCentralDirectory(bytes: Uint8Array, view: DataView, limits: ImportLimits): Map<string, Entry> {
  if (bytes.length < 22) throw new NotAZipError('it is not a zip archive');
  const eocd = findEndOfCentralDirectory(bytes, view);
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && view.getUint32(locator, true) === EOCD64_LOCATOR) {
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== EOCD64) throw new NotAZipError('it is damaged');
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  if (count > limits.maxZipEntries) throw bomb(`more than ${limits.maxZipEntries.toLocaleString('en-US')} files`);

  const entries = new Map<string, Entry>();
  const names = new TextDecoder('utf-8');
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new NotAZipError('it is damaged (its table of contents is cut short)');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    checkName(name);
    const zip64 = readZip64Extra(view, at + 46 + nameLength, extraLength, {
      size: view.getUint32(at + 24, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    if (!entries.has(name)) {
      entries.set(name, { name, method: view.getUint16(at + 10, true), encrypted: (view.getUint16(at + 8, true) & 1) === 1, ...zip64 });
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset past 4 GiB live in the ZIP64 extra field, in this order, only where the header holds 0xFFFFFFFF. */
function readZip64Extra(view: DataView, start: number, length: number, values: { size: number; compressedSize: number; localOffset: number }) {
  const result = { ...values };
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (result[key] !== 0xffffffff || field + 8 > at + 4 + size) continue;
        result[key] = Number(view.getBigUint64(field, true));
        field += 8;
      }
    }
    at += 4 + size;
  }
  return result;
}

/** Nothing is ever written to disk, but a name that climbs out of the archive is a crafted file. */
function checkName(name: string): void {
  const segments = name.split(/[\\/]/);
  if (/^[\\/]/.test(name) || /^[a-z]:/i.test(name) || segments.includes('..')) {
    throw new ImportFailure(`The file holds an entry named "${name}", which points outside the file (a crafted file?); nothing was imported.`);
  }
}

function inflateEntry(bytes: Uint8Array, view: DataView, entry: Entry, limits: ImportLimits, budget: number): Uint8Array {
  if (entry.encrypted) throw new NotAZipError('its contents are encrypted');
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw new NotAZipError(`it is damaged (entry "${entry.name}" is missing)`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new NotAZipError(`it is damaged (entry "${entry.name}" is cut short)`);
  const packed = bytes.subarray(start, end);
  const check = (size: number) => {
    if (size > budget) throw bomb(`more than ${formatBytes(limits.maxInflatedBytes)}`);
    if (size > RATIO_FLOOR && size / Math.max(packed.length, 1) > limits.maxCompressionRatio) throw bomb(`more than ${limits.maxCompressionRatio} times its packed size`);
  };
  if (entry.method === 0) {
    check(packed.length);
    return packed.slice();
  }
  if (entry.method !== 8) throw new NotAZipError(`it uses a kind of compression Notebook cannot unpack (method ${entry.method})`);

  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    chunks.push(chunk);
    size += chunk.length;
    done = final;
  });
  try {
    for (let at = 0; at < packed.length && !done; at += STEP) {
      inflater.push(packed.subarray(at, at + STEP), at + STEP >= packed.length);
      check(size);
    }
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    throw new NotAZipError(`it is damaged (entry "${entry.name}" does not unpack)`);
  }
  const data = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return data;
}
