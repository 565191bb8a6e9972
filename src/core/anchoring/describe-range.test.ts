import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange } from './describe-range';

const text = 'Since the fall of Kabul to the Taliban in August 2021, Afghanistan has become a safe-haven for various terrorist organizations such as Al Qaeda.';

describe('describeRange', () => {
  it('records the quote, exactly 32 units of context on each side, and the position', () => {
    const start = text.indexOf('Afghanistan has become');
    const end = start + 'Afghanistan has become a safe-haven'.length;
    const described = describeRange(text, start, end);
    expect(described).toEqual({
      ok: true,
      value: {
        quote: {
          type: 'TextQuoteSelector',
          exact: 'Afghanistan has become a safe-haven',
          prefix: text.slice(start - CONTEXT_LENGTH, start),
          suffix: text.slice(end, end + CONTEXT_LENGTH),
        },
        position: { type: 'TextPositionSelector', start, end },
      },
    });
    if (described.ok) {
      expect(described.value.quote.prefix).toHaveLength(32);
      expect(described.value.quote.suffix).toHaveLength(32);
    }
  });

  it('keeps fewer units of context at the edges of the text', () => {
    const described = describeRange(text, 0, 5);
    expect(described.ok && described.value.quote.prefix).toBe('');
    const atEnd = describeRange(text, text.length - 9, text.length);
    expect(atEnd.ok && atEnd.value.quote.suffix).toBe('');
    const nearStart = describeRange(text, 10, 14);
    expect(nearStart.ok && nearStart.value.quote.prefix).toBe(text.slice(0, 10));
  });

  it('never splits a surrogate pair at the far end of the context', () => {
    // The 32nd unit before the quote is the second half of an emoji: the prefix keeps 31 units.
    const emoji = 'x🌐' + 'a'.repeat(31) + 'QUOTE' + 'b'.repeat(31) + '🌐y';
    const start = emoji.indexOf('QUOTE');
    const described = describeRange(emoji, start, start + 5);
    expect(described.ok).toBe(true);
    if (!described.ok) return;
    expect(described.value.quote.prefix).toBe('a'.repeat(31));
    expect(described.value.quote.suffix).toBe('b'.repeat(31));
    // With one more unit of room, the whole emoji fits.
    const roomy = describeRange(emoji, start - 1, start + 5);
    expect(roomy.ok && roomy.value.quote.prefix).toBe('🌐' + 'a'.repeat(30));
  });

  it('describes quotes in Arabic script and with emoji', () => {
    const pashto = 'د طالبانو واکمني 🌐 او د القاعدې اړیکې';
    const start = pashto.indexOf('🌐');
    const described = describeRange(pashto, start, start + 2);
    expect(described.ok && described.value.quote.exact).toBe('🌐');
  });

  it('refuses a range outside the text, reversed, or not in whole units', () => {
    for (const [s, e] of [[-1, 3], [0, text.length + 1], [10, 5], [1.5, 4]] as const) {
      const described = describeRange(text, s, e);
      expect(described.ok).toBe(false);
      if (!described.ok) {
        expect(described.error.code).toBe('out-of-range');
        expect(described.error.message).toMatch(/not inside the text/);
      }
    }
  });

  it('refuses an empty selection', () => {
    expect(describeRange(text, 4, 4)).toEqual({ ok: false, error: { code: 'empty-range', message: expect.stringMatching(/empty/) } });
  });

  it('refuses a selection of only whitespace', () => {
    const spaced = 'one \n\u00a0 two';
    expect(describeRange(spaced, 3, 7)).toEqual({ ok: false, error: { code: 'whitespace-only', message: expect.stringMatching(/only spaces/) } });
  });

  it('widens a selection that starts or ends inside a character to the whole character', () => {
    const emoji = 'see 🌐 here';
    const at = emoji.indexOf('🌐');
    const ends = describeRange(emoji, 0, at + 1);
    expect(ends.ok && ends.value.quote.exact).toBe('see 🌐');
    expect(ends.ok && ends.value.position).toEqual({ type: 'TextPositionSelector', start: 0, end: at + 2 });
    const accent = 'Ka\u0301bul';
    const starts = describeRange(accent, 2, 6);
    expect(starts.ok && starts.value.quote.exact).toBe('a\u0301bul');
    expect(starts.ok && starts.value.position.start).toBe(1);
  });
});
