import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/support/seeded-random';
import { compareTerms, TermDictionary } from './term-dictionary';

describe('TermDictionary', () => {
  it('counts passages per term and forgets a term when its last source goes', () => {
    const dictionary = new TermDictionary();
    const id = dictionary.add('taliban', 3);
    expect(dictionary.add('taliban', 2)).toBe(id);
    expect(dictionary.passageFrequency(id)).toBe(5);
    dictionary.release(id, 3);
    expect(dictionary.lookup('taliban')).toBe(id);
    expect(dictionary.passageFrequency(id)).toBe(2);
    dictionary.release(id, 2);
    expect(dictionary.lookup('taliban')).toBeUndefined();
    expect(dictionary.withPrefix('tal')).toEqual([]);
  });

  it('finds terms by prefix in code-unit order through many additions, removals and merges', () => {
    const random = seededRandom(7);
    const dictionary = new TermDictionary();
    const live = new Map<string, number>();
    const letters = 'abcdeé';
    for (let step = 0; step < 20_000; step++) {
      const term = Array.from({ length: 1 + random.below(4) }, () => random.pick([...letters])).join('');
      const sources = live.get(term) ?? 0;
      if (sources > 0 && random.next() < 0.45) {
        dictionary.release(dictionary.lookup(term) ?? -1, 1);
        if (sources === 1) live.delete(term);
        else live.set(term, sources - 1);
      } else {
        dictionary.add(term, 1);
        live.set(term, sources + 1);
      }
      if (step % 997 === 0 || step === 19_999) {
        for (const prefix of ['', 'a', 'é', 'ab', 'cée']) {
          const expected = [...live.keys()].filter((t) => t.startsWith(prefix)).sort(compareTerms);
          expect(dictionary.withPrefix(prefix).map((id) => dictionary.term(id))).toEqual(expected);
        }
      }
    }
    expect(dictionary.size).toBe(live.size);
    for (const [term, sources] of live) expect(dictionary.passageFrequency(dictionary.lookup(term) ?? -1)).toBe(sources);
  });
});
