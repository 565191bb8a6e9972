/**
 * Where a REFI-QDA selection lies in its source's text. The specification counts Unicode code points
 * from 0, end exclusive, in the text file as written; tools also count UTF-16 units (so an emoji is
 * two), an inclusive end, or a CRLF as one character. The selection's name is usually the selected
 * text, so each reading is checked against it; when none agrees the name is looked for in the text.
 */

export interface SelectionToPlace {
  readonly name: string;
  readonly startPosition: number;
  readonly endPosition: number;
}

/** [start, end) in UTF-16 units of the text as written, or why the selection cannot be placed. */
export type Placement =
  | { readonly ok: true; readonly start: number; readonly end: number; readonly by: 'positions' | 'quote' }
  | { readonly ok: false; readonly reason: string };

interface Reading {
  /** The text the positions count in: as written, or with each CRLF as one character. */
  readonly lineEnds: 'as written' | 'CRLF as one';
  readonly units: 'code points' | 'UTF-16 units';
  readonly end: 'exclusive' | 'inclusive';
}

/** The specification's reading first: it wins whenever several agree with the name. */
const READINGS: readonly Reading[] = (['code points', 'UTF-16 units'] as const).flatMap((units) =>
  (['as written', 'CRLF as one'] as const).flatMap((lineEnds) => (['exclusive', 'inclusive'] as const).map((end) => ({ lineEnds, units, end }))),
);

/** Whitespace runs as one space, line ends alike: how a name and the text it quotes are compared. */
export const comparable = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Offsets of code points in UTF-16 units: entry i is where code point i starts; the last is the length. */
function codePointStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    starts.push(i);
    if (pair) i += 1;
  }
  starts.push(text.length);
  return starts;
}

/** The text with CRLF as LF, and for each of its offsets (and its end) the offset in the text as written. */
function crlfAsOne(text: string): { text: string; written: number[] } {
  let joined = '';
  const written: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    written.push(i);
    joined += text[i];
  }
  written.push(text.length);
  return { text: joined, written };
}

/** The name agrees with the selected text: the same, or the start of it when the name was cut short. */
function agrees(name: string, selected: string): boolean {
  const quote = comparable(selected);
  if (quote === '' || name === '') return false;
  if (quote === name) return true;
  const cut = name.replace(/\s*(?:…|\.\.\.)$/, '');
  return (cut !== name || cut.length >= 20) && cut.length >= 10 && quote.startsWith(cut);
}

/**
 * Places the selections of one text. What the readings need of the text (where each code point
 * starts, the text with CRLF as one) is worked out once, not once per selection: a project may
 * hold thousands of selections on a long text.
 */
export function selectionPlacer(text: string): (selection: SelectionToPlace) => Placement {
  const joined = text.includes('\r\n') ? crlfAsOne(text) : null;
  const starts = { 'as written': codePointStarts(text), 'CRLF as one': joined === null ? null : codePointStarts(joined.text) };
  return (selection) => {
    const { startPosition: start, endPosition: end } = selection;
    const name = comparable(selection.name);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      return placeByName(text, name, null) ?? { ok: false, reason: `its positions (${selection.startPosition}–${selection.endPosition}) are not a range of the text` };
    }
    if (start === end) return placeByName(text, name, start) ?? { ok: false, reason: `it selects nothing (it starts and ends at ${start})` };
    const candidates: { start: number; end: number }[] = [];
    for (const reading of READINGS) {
      const counted = reading.lineEnds === 'as written' ? text : joined?.text;
      const codePoints = starts[reading.lineEnds];
      if (counted === undefined || codePoints === null) continue;
      const last = reading.end === 'inclusive' ? end + 1 : end;
      const unitStart = reading.units === 'code points' ? codePoints[start] : start;
      const unitEnd = reading.units === 'code points' ? codePoints[last] : last;
      if (unitStart === undefined || unitEnd === undefined || unitEnd > counted.length || unitEnd <= unitStart) continue;
      const range = joined === null || reading.lineEnds === 'as written' ? { start: unitStart, end: unitEnd } : { start: joined.written[unitStart]!, end: joined.written[unitEnd]! };
      candidates.push(range);
      if (agrees(name, text.slice(range.start, range.end))) return { ok: true, ...range, by: 'positions' };
    }
    const byName = placeByName(text, name, start);
    if (byName !== null) return byName;
    // A name that is not in the text is a label ("Segment 3"), not a quote: the positions are all there is.
    const standard = candidates[0];
    if (standard !== undefined && !looksQuoted(name)) return { ok: true, ...standard, by: 'positions' };
    const length = starts['as written'].length - 1;
    return {
      ok: false,
      reason:
        standard === undefined
          ? `its positions (${start}–${end}) lie outside the text of ${length} characters${name === '' ? '' : ', and its text is not in the source'}`
          : 'neither its positions nor its text match the source',
    };
  };
}

/**
 * A name that reads like a passage (several words) but is found nowhere in the text means the
 * positions point at something else: placing it there would put the coding on the wrong words.
 */
const looksQuoted = (name: string): boolean => name.split(' ').length >= 4;

/** The occurrence of the name in the text nearest to where the selection said it was. */
function placeByName(text: string, name: string, near: number | null): Placement | null {
  if (name === '') return null;
  const pattern = new RegExp(name.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gu');
  let best: { start: number; end: number } | null = null;
  for (const match of text.matchAll(pattern)) {
    const found = { start: match.index, end: match.index + match[0].length };
    if (best === null || (near !== null && Math.abs(found.start - near) < Math.abs(best.start - near))) best = found;
  }
  return best === null ? null : { ok: true, ...best, by: 'quote' };
}
