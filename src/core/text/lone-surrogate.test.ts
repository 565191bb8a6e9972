import { describe, expect, it } from 'vitest';
import { findLoneSurrogate } from './lone-surrogate';

describe('findLoneSurrogate', () => {
  it('accepts well-formed text, astral characters (emoji, pairs) included', () => {
    expect(findLoneSurrogate({ text: 'Kābul 🇦🇫 𝒳', list: ['ok', { deep: '😀' }] })).toBeNull();
  });

  it('finds a high surrogate alone, at the end or before another character', () => {
    expect(findLoneSurrogate({ text: 'abc\uD83D' })).toEqual({ path: 'text', index: 3 });
    expect(findLoneSurrogate({ text: 'a\uD83Dz' })).toEqual({ path: 'text', index: 1 });
  });

  it('finds a low surrogate alone, and names the path through arrays and objects', () => {
    const doc = { doc: { content: [{ text: 'fine' }, { content: [{ text: 'x\uDE00' }] }] } };
    expect(findLoneSurrogate(doc)).toEqual({ path: 'doc.content[1].content[0].text', index: 1 });
  });

  it('checks object keys and the bare value', () => {
    expect(findLoneSurrogate({ ratings: { 'e1:\uD800': 1 } })?.path).toBe('ratings.e1:\uD800 (the name)');
    expect(findLoneSurrogate('\uDC00')).toEqual({ path: '(input)', index: 0 });
  });

  it('skips file bytes, and walks nesting deeper than the stack would allow', () => {
    expect(findLoneSurrogate({ bytes: new Uint8Array([0xed, 0xa0, 0x80]) })).toBeNull();
    let deep: unknown = { text: '\uD800' };
    for (let i = 0; i < 100_000; i++) deep = { content: [deep] };
    expect(findLoneSurrogate(deep)?.index).toBe(0);
  });
});
