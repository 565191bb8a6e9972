import { charOffset } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';

const SPACE = /\s/;

/**
 * A selection without the spaces and line breaks at its ends (a double-click or a drag to the end
 * of a line picks them up), or null when nothing else is selected.
 */
export function trimRange(text: string, range: TextRange): TextRange | null {
  let start: number = range.start;
  let end: number = Math.min(range.end, text.length);
  while (start < end && SPACE.test(text.charAt(start))) start += 1;
  while (end > start && SPACE.test(text.charAt(end - 1))) end -= 1;
  return start < end ? { start: charOffset(start), end: charOffset(end) } : null;
}
