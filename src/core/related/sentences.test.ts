import { describe, expect, it } from 'vitest';
import { sentenceRanges } from './sentences';

const sentences = (text: string): string[] => sentenceRanges(text, { start: 0, end: text.length }).map((range) => text.slice(range.start, range.end));

describe('sentenceRanges', () => {
  it('cuts a paragraph after each sentence, keeping quotes that close it, a short sentence with the next', () => {
    const text =
      'The Taliban claimed a 90% reduction in IS-Khorasan attacks in 2023. Analysts doubt the figure, as “numbers are hard to verify.” (The UN agrees with them on this.) 2024 brought new attacks on the Shia community.';
    expect(sentences(text)).toEqual([
      'The Taliban claimed a 90% reduction in IS-Khorasan attacks in 2023.',
      'Analysts doubt the figure, as “numbers are hard to verify.”',
      '(The UN agrees with them on this.) 2024 brought new attacks on the Shia community.',
    ]);
  });

  it('keeps a short last sentence with the one before, and an abbreviation before a capital inside', () => {
    expect(sentences('Not so. The U.S. envoy said the group is still active in the east of the country.')).toEqual([
      'Not so. The U.S. envoy said the group is still active in the east of the country.',
    ]);
    expect(sentences('The first sentence is long enough to stand on its own, surely. Short end.')).toEqual([
      'The first sentence is long enough to stand on its own, surely. Short end.',
    ]);
    expect(sentences('Short start. Then a sentence that is long enough to be one. Then another one that is long enough to stand.')).toEqual([
      'Short start. Then a sentence that is long enough to be one.',
      'Then another one that is long enough to stand.',
    ]);
  });

  it('gives offsets in the whole text', () => {
    const text = 'Heading\nA sentence long enough to count as one sentence on its own. And another one that is long enough too.';
    const start = text.indexOf('A sentence');
    const ranges = sentenceRanges(text, { start, end: text.length });
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual([
      'A sentence long enough to count as one sentence on its own.',
      'And another one that is long enough too.',
    ]);
  });
});
