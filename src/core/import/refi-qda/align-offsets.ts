/**
 * Offsets of a text as written mapped onto the canonical text made from it. Making the canonical
 * text (core/import/decode-text, plain-text-source, finish-extraction) only removes characters
 * (CR of CRLF, control characters, trailing spaces, surplus blank lines) or replaces one unit with
 * one (a lone CR by LF, a lone surrogate by U+FFFD), so every kept character is found by walking
 * both texts once.
 */
export interface OffsetMap {
  /** Where a range [start, end) of the text as written lies in the canonical text; null when nothing of it was kept. */
  range(start: number, end: number): { start: number; end: number } | null;
}

const isLoneSurrogate = (text: string, i: number): boolean => {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff) return !((text.charCodeAt(i + 1) & 0xfc00) === 0xdc00);
  if (unit >= 0xdc00 && unit <= 0xdfff) return !((text.charCodeAt(i - 1) & 0xfc00) === 0xd800);
  return false;
};

function keeps(written: string, i: number, canonical: string, j: number): boolean {
  const w = written[i];
  const c = canonical[j];
  if (c === undefined) return false;
  if (w === c) return !(w === '\r' && written[i + 1] === '\n');
  if (w === '\r' && c === '\n') return written[i + 1] !== '\n';
  return c === '\ufffd' && isLoneSurrogate(written, i);
}

/** null when the canonical text is not made from `written` by removals alone (then offsets cannot be carried over). */
export function alignOffsets(written: string, canonical: string): OffsetMap | null {
  // kept[i]: the canonical offset of written character i, or -1 when it was removed.
  const kept = new Int32Array(written.length);
  let j = 0;
  for (let i = 0; i < written.length; i += 1) {
    if (keeps(written, i, canonical, j)) kept[i] = j++;
    else kept[i] = -1;
  }
  if (j !== canonical.length) return null;
  return {
    range(start, end) {
      let first = -1;
      let last = -1;
      for (let i = Math.max(0, start); i < Math.min(end, written.length); i += 1) {
        const at = kept[i]!;
        if (at < 0) continue;
        if (first < 0) first = at;
        last = at;
      }
      return first < 0 ? null : { start: first, end: last + 1 };
    },
  };
}
