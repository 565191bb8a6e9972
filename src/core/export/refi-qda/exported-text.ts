/**
 * A source's text as REFI-QDA carries it: a UTF-8 file with LF line ends, in which a selection's
 * positions count Unicode code points from 0 (an emoji counts 1, where the canonical text's
 * offsets count UTF-16 units and count it 2).
 */
export interface ExportedText {
  readonly text: string;
  /** The code point position in `text` of each UTF-16 offset of the canonical text asked for. */
  readonly positions: ReadonlyMap<number, number>;
}

/**
 * The text with CRLF and lone CR as LF, and the code point positions of `offsets` in it. An offset
 * between the CR and LF of a line end stands where the LF now is; one inside a surrogate pair
 * (which no highlight makes) stands after its code point.
 */
export function exportedText(canonical: string, offsets: Iterable<number>): ExportedText {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const positions = new Map<number, number>();
  let next = 0;
  let position = 0;
  for (let i = 0; i <= canonical.length && next < wanted.length; i++) {
    while (wanted[next] === i) {
      positions.set(i, position);
      next++;
    }
    const unit = canonical.charCodeAt(i);
    const crBeforeLf = unit === 0x0d && canonical.charCodeAt(i + 1) === 0x0a;
    const lowSurrogate = unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHighSurrogate(canonical.charCodeAt(i - 1));
    if (!crBeforeLf && !lowSurrogate) position++;
  }
  return { text: canonical.replace(/\r\n?/gu, '\n'), positions };
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

