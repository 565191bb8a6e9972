/**
 * Positional postings, stored as the gaps between successive positions in 7-bit variable-length
 * bytes: frequent terms have small gaps that take one byte, so a posting costs one to two bytes
 * instead of the four of a plain Uint32Array.
 */

/** Bytes the encoding of `positions` (ascending) will take. */
export function encodedLength(positions: ArrayLike<number>, from: number, to: number): number {
  let bytes = 0;
  let previous = 0;
  for (let i = from; i < to; i++) {
    let gap = (positions[i] ?? 0) - previous;
    previous = positions[i] ?? 0;
    bytes++;
    while (gap >= 0x80) {
      gap = Math.floor(gap / 0x80);
      bytes++;
    }
  }
  return bytes;
}

/** Writes positions[from, to) (ascending) at out[at...] and returns the offset after them. */
export function encodePositions(positions: ArrayLike<number>, from: number, to: number, out: Uint8Array, at: number): number {
  let o = at;
  let previous = 0;
  for (let i = from; i < to; i++) {
    const position = positions[i] ?? 0;
    let gap = position - previous;
    previous = position;
    while (gap >= 0x80) {
      out[o++] = (gap & 0x7f) | 0x80;
      gap = Math.floor(gap / 0x80);
    }
    out[o++] = gap;
  }
  return o;
}

/** Reads `count` positions from bytes[at...] into out[0, count). */
export function decodePositions(bytes: Uint8Array, at: number, count: number, out: Uint32Array): void {
  let o = at;
  let position = 0;
  for (let k = 0; k < count; k++) {
    let byte = bytes[o++] ?? 0;
    if (byte < 0x80) {
      // Most gaps fit in one byte.
      position += byte;
      out[k] = position;
      continue;
    }
    let gap = 0;
    let scale = 1;
    while (byte >= 0x80) {
      gap += (byte & 0x7f) * scale;
      scale *= 0x80;
      byte = bytes[o++] ?? 0;
    }
    position += gap + byte * scale;
    out[k] = position;
  }
}
