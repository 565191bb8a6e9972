import { describe, expect, it } from 'vitest';
import { trimRuns } from './trim-runs';

type Run = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'break' } | { readonly kind: 'footnote'; readonly n: number };
const text = (t: string): Run => ({ kind: 'text', text: t });
const br: Run = { kind: 'break' };

describe('trimRuns', () => {
  it('drops blank runs and line breaks at one end and trims the first run with words', () => {
    expect(trimRuns([br, text('  '), text('  two  words '), br], 'start')).toEqual([text('two  words '), br]);
    expect(trimRuns([text(' a '), text('b  '), br, text(' ')], 'end')).toEqual([text(' a '), text('b')]);
  });

  it('stops at an opaque run', () => {
    const footnote: Run = { kind: 'footnote', n: 1 };
    expect(trimRuns([footnote, text('  x')], 'start')).toEqual([footnote, text('  x')]);
    expect(trimRuns([text('x '), footnote], 'end')).toEqual([text('x '), footnote]);
  });
});
