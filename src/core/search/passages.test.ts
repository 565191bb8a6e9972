import { describe, expect, it } from 'vitest';
import { charOffset } from '../model/ids';
import type { Block } from '../model/source';
import { MAX_PASSAGE_CHARS, passageRanges } from './passages';

const texts = (text: string, blocks?: readonly Block[]): string[] => passageRanges(text, blocks).map((r) => text.slice(r.start, r.end));
const paragraph = (start: number, end: number): Block => ({ kind: 'paragraph', range: { start: charOffset(start), end: charOffset(end) }, marks: [] });

describe('passageRanges', () => {
  it('uses the lines of an unparsed source, skipping blank ones', () => {
    expect(texts('First line.\n\n  \nSecond line.\r\nThird')).toEqual(['First line.', 'Second line.', 'Third']);
  });

  it('uses the blocks of a parsed source, and keeps text outside them searchable', () => {
    const text = 'Title\nBody text here.\nTrailer';
    expect(texts(text, [paragraph(6, 21), paragraph(0, 5)])).toEqual(['Title', 'Body text here.', 'Trailer']);
  });

  it('clips overlapping blocks so passages never overlap', () => {
    const text = 'alpha beta gamma';
    expect(texts(text, [paragraph(0, 10), paragraph(6, 16)])).toEqual(['alpha beta', 'gamma']);
  });

  it('cuts a long passage after a sentence, between words, with no text lost', () => {
    const sentence = 'The Taliban claim to fight IS-K in Afghanistan. ';
    const text = sentence.repeat(120);
    const ranges = passageRanges(text);
    expect(ranges.length).toBeGreaterThan(2);
    for (const range of ranges) {
      expect(range.end - range.start).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(text.slice(range.start, range.end).endsWith('Afghanistan.')).toBe(true);
    }
    expect(ranges.map((r) => text.slice(r.start, r.end)).join(' ')).toBe(text.trim());
  });

  it('cuts a passage without sentences at a space, and never inside a word', () => {
    const text = Array.from({ length: 900 }, (_, i) => `w${i}`).join(' ');
    const ranges = passageRanges(text);
    expect(ranges.length).toBeGreaterThan(1);
    for (const range of ranges) {
      expect(range.end - range.start).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(/\s/.test(text.charAt(range.end)) || range.end === text.length).toBe(true);
    }
  });
});
