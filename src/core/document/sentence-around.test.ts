import { describe, expect, it } from 'vitest';
import { assembleSource } from '../../../tests/unit/support/sample-source';
import { sentenceAround } from './sentence-around';

const source = assembleSource([
  { kind: 'heading', text: 'IS-Khorasan in 2024' },
  { kind: 'paragraph', text: 'The Taliban fought ISKP. Yet “IS-Khorasan grew!” Analysts (e.g. the UN) disagree. The TTP stayed.' },
  { kind: 'paragraph', text: `${'word '.repeat(200)}the TTP ${'more '.repeat(200)}end.` },
]);
const { text, blocks } = source;

const around = (needle: string, from = 0) => {
  const start = text.indexOf(needle, from);
  const range = sentenceAround(text, blocks, start, start + needle.length);
  return text.slice(range.start, range.end);
};

describe('sentenceAround', () => {
  it('is the sentence holding the mention, with its closing quote', () => {
    expect(around('ISKP')).toBe('The Taliban fought ISKP.');
    expect(around('IS-Khorasan grew')).toBe('Yet “IS-Khorasan grew!”');
    expect(around('TTP stayed')).toBe('The TTP stayed.');
  });

  it('keeps within the block: a heading without a full stop is one sentence', () => {
    expect(around('IS-Khorasan')).toBe('IS-Khorasan in 2024');
  });

  it('takes words around the mention from a very long sentence', () => {
    const passage = around('the TTP');
    expect(passage).toContain('the TTP');
    expect(passage.length).toBeLessThan(500);
    expect(passage.startsWith('word')).toBe(true);
  });

  it('is the mention itself outside every block', () => {
    expect(sentenceAround('a\n\nb', [], 0, 1)).toEqual({ start: 0, end: 1 });
  });
});
