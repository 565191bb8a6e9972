import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededRandom, type SeededRandom } from '../../../tests/support/seeded-random';
import { sourceId, type SourceId } from '../model/ids';
import { createSearchIndex, type SearchIndex, type SearchIndexStats } from './search-index';
import type { SearchOptions } from './search-types';

const directory = new URL('../../../resources/sources/', import.meta.url);
const originals = readdirSync(directory)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => readFileSync(new URL(file, directory), 'utf8'));
const words = [...new Set(originals.join(' ').split(/\s+/).filter((word) => word.length > 0))];

const options: SearchOptions = {
  aliasGroups: [{ id: 'isk', aliases: ['IS-Khorasan', 'ISKP', 'ISIS-K', 'IS-K'] }],
  limit: 20,
};
const queries = ['taliban', 'ISKP', '"al qaeda"', 'pakistan -taliban', 'ttp OR tehreek', 'kho', 'the', 'doha agree', 'zz*'];

/** A random edit of the kind a new version of a source brings. */
function edit(text: string, random: SeededRandom): string {
  const at = random.below(text.length + 1);
  const span = random.below(400);
  switch (random.below(5)) {
    case 0:
      return text.slice(0, at) + text.slice(at + span);
    case 1:
      return `${text.slice(0, at)} ${Array.from({ length: 1 + random.below(30) }, () => random.pick(words)).join(' ')} ${text.slice(at)}`;
    case 2:
      return `${text.slice(0, at)}\n\n${text.slice(at, at + span)}\n${text.slice(at)}`;
    case 3:
      return text.slice(0, at) + text.slice(at, at + span).toUpperCase() + text.slice(at + span);
    default:
      return `${text.slice(0, at)} zz${random.below(50)}-Qa’eda’s “IS–K” ${text.slice(at)}`;
  }
}

function freshIndex(sources: readonly { id: SourceId; text: string }[]): SearchIndex {
  const index = createSearchIndex();
  for (const source of sources) index.addSource(source.id, source.text);
  return index;
}

describe('incremental updates', () => {
  it('give the same index as building afresh, over random edits, removals and additions', () => {
    const random = seededRandom(20250113);
    // The sources in index order, as the incremental index should hold them.
    const sources = originals.map((text, i) => ({ id: sourceId(`s${i}`), text }));
    const live = freshIndex(sources);
    let next = sources.length;
    let removals = 0;
    for (let step = 1; step <= 60; step++) {
      const choice = random.below(20);
      if (choice < 14 || (choice < 17 && sources.length <= 3)) {
        const source = random.pick(sources);
        source.text = edit(source.text, random);
        live.replaceSource(source.id, source.text);
      } else if (choice < 17) {
        const [removed] = sources.splice(random.below(sources.length), 1);
        if (removed) expect(live.removeSource(removed.id)).toBe(true);
        removals++;
      } else {
        const added = { id: sourceId(`s${next++}`), text: edit(random.pick(originals), random) };
        sources.push(added);
        live.addSource(added.id, added.text);
      }
      if (step % 6 !== 0) continue;
      const fresh = freshIndex(sources);
      // The same sizes, except the dictionary estimate (freed term ids still count there).
      const sizes = (stats: SearchIndexStats): unknown => ({ ...stats, bytes: { ...stats.bytes, dictionary: 0 } });
      expect(sizes(live.stats()), `step ${step}`).toEqual(sizes(fresh.stats()));
      for (const query of queries) expect(live.search(query, options), `step ${step}: ${query}`).toEqual(fresh.search(query, options));
    }
    // The run did add and remove sources along the way, not only edit them.
    expect(next).toBeGreaterThan(originals.length);
    expect(removals).toBeGreaterThan(0);
  });
});
