/**
 * How far either side of an offset to look for the cluster around it. Real clusters are a few
 * units (an emoji with modifiers is under 30); a pathological run of combining marks longer than
 * this is cut, which is still never worse than the offset as given.
 */
const WINDOW = 128;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * [start, end) widened to whole user-perceived characters (grapheme clusters): an offset inside
 * "é" written as e + U+0301, inside a flag or an emoji with a skin tone, or between the halves of
 * a surrogate pair moves out to the cluster's edge. A highlight that kept half a cluster would quote
 * a different character from the one the analyst saw.
 */
export function snapToGraphemes(text: string, start: number, end: number): { readonly start: number; readonly end: number } {
  return { start: clusterStart(text, start), end: clusterEnd(text, end) };
}

/** The start of the cluster holding offset `i` (i itself when a cluster starts there). */
function clusterStart(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return i;
  const from = Math.max(0, i - WINDOW);
  let boundary = from;
  for (const { index } of segmenter.segment(text.slice(from, Math.min(text.length, i + WINDOW)))) {
    if (from + index > i) break;
    boundary = from + index;
  }
  return boundary;
}

/** The end of the cluster holding the unit before `i` (i itself when a cluster ends there). */
function clusterEnd(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return i;
  const from = Math.max(0, i - WINDOW);
  for (const { index, segment } of segmenter.segment(text.slice(from, Math.min(text.length, i + WINDOW)))) {
    const segmentEnd = from + index + segment.length;
    if (segmentEnd >= i) return segmentEnd;
  }
  return i;
}
