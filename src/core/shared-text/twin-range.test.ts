import { describe, expect, it } from 'vitest';
import { charOffset } from '../model/ids';
import { alignWords, reverseRuns } from './align-words';
import { sourceWords } from './source-words';
import { twinRange } from './twin-range';

const first =
  'Thomas West said last year that “we are prepared to engage pragmatically with the Taliban regarding terrorism concerns,” and he named IS-Khorasan Province a common enemy of both.';
const second =
  'In Washington, Thomas West said last year that "we are prepared to engage pragmatically with the Taliban on terrorism concerns," and he named IS–Khorasan Province a common enemy of both.';

/** The twin, in `second`, of the first occurrence of `quote` in `first`. */
function twinOf(quote: string, from = first, to = second): string | null {
  const start = from.indexOf(quote);
  if (start < 0) throw new Error(`The test text has no "${quote}".`);
  const a = sourceWords(from);
  const b = sourceWords(to);
  const range = twinRange(a, b, alignWords(a, b), { start: charOffset(start), end: charOffset(start + quote.length) });
  return range && to.slice(range.start, range.end);
}

describe('twinRange', () => {
  it('maps words to the same words written with other quotes and dashes', () => {
    expect(twinOf('named IS-Khorasan Province')).toBe('named IS–Khorasan Province');
    expect(twinOf('Thomas West said last year')).toBe('Thomas West said last year');
  });

  it('takes the characters around the words along when the twin has the same ones', () => {
    expect(twinOf('common enemy of both.')).toBe('common enemy of both.');
    // The twin opens the quotation with a straight quote: the curly one is not there to take.
    expect(twinOf('“we are prepared to engage')).toBe('we are prepared to engage');
  });

  it('maps a passage with a word changed in its middle from its first word to its last', () => {
    expect(twinOf('pragmatically with the Taliban regarding terrorism concerns,” and he named IS-Khorasan')).toBe(
      'pragmatically with the Taliban on terrorism concerns," and he named IS–Khorasan',
    );
  });

  it('keeps a part of a word as a part of the twin word', () => {
    expect(twinOf('omas West said last year that')).toBe('omas West said last year that');
  });

  it('maps nothing when the words are not in the twin, or not in that order', () => {
    expect(twinOf('In Washington, Thomas West', second, first)).toBe(null);
    const a = sourceWords(first);
    const shuffled = sourceWords(`${first.slice(first.indexOf('and he named'))} ${first.slice(0, first.indexOf('and he named'))}`);
    const runs = alignWords(a, shuffled);
    expect(runs.length).toBe(2);
    const across = { start: charOffset(first.indexOf('Taliban regarding')), end: charOffset(first.indexOf('common enemy')) };
    expect(twinRange(a, shuffled, runs, across)).toBeNull();
    expect(twinRange(shuffled, a, reverseRuns(runs), { start: charOffset(0), end: charOffset(0) })).toBeNull();
  });
});
