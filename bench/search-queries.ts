import { tokenize } from '../src/core/search/tokenize';

export interface SearchQueries {
  /** Terms of four letters or more, from the most frequent in the bundled sources to the rarest. */
  readonly single: readonly string[];
  /** Quoted pairs of words that follow each other in the bundled sources. */
  readonly phrase: readonly string[];
  /** The first four letters of each single term, with `*`. */
  readonly prefix: readonly string[];
}

/** `count` queries of each kind, all taken from the real sources' text, spread evenly over its lists. */
export function searchQueries(texts: readonly string[], count: number): SearchQueries {
  const frequency = new Map<string, number>();
  const stream: string[] = [];
  for (const text of texts) {
    for (const token of tokenize(text)) {
      stream.push(token.term);
      frequency.set(token.term, (frequency.get(token.term) ?? 0) + 1);
    }
  }
  const ranked = [...frequency.entries()]
    .filter(([term]) => /^\p{L}{4,}$/u.test(term))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([term]) => term);
  const spreadOver = <T>(items: readonly T[]): T[] => Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);
  const single = spreadOver(ranked);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < stream.length; i++) {
    const [a, b] = [stream[i] ?? '', stream[i + 1] ?? ''];
    if (a.length >= 3 && b.length >= 3 && /^\p{L}+$/u.test(a + b)) pairs.push(`"${a} ${b}"`);
  }
  return { single, phrase: spreadOver(pairs), prefix: single.map((term) => `${term.slice(0, 4)}*`) };
}
