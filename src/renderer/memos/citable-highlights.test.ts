import { describe, expect, it } from 'vitest';
import { highlightId, sourceId } from '../../core/model/ids';
import { findCitable, type CitableHighlight } from './citable-highlights';

const citable = (id: string, quote: string, sourceTitle: string, tagNames: string[] = []): CitableHighlight => ({
  highlightId: highlightId(id),
  sourceId: sourceId(sourceTitle.toLowerCase().replace(/\W+/g, '-')),
  sourceTitle,
  quote,
  tagNames,
});

const candidates = [
  citable('a', 'The Taliban’s victory has attracted Al Qaeda personnel back to Afghanistan.', 'The New Jihadi Sphere', ['Al Qaeda']),
  citable('b', 'Officials discuss cooperation against ISIS-K.', 'US officials weigh cooperation', ['IS-Khorasan']),
  citable('c', 'Militants tried to eradicate cells of ISIS-Khorasan.', 'Duality of the Afghan Taliban'),
  citable('d', 'A passage that mentions nothing in particular.', 'Foreign Policy'),
];
const ids = (found: readonly CitableHighlight[]) => found.map((c) => c.highlightId);

describe('findCitable', () => {
  it('offers the first highlights as given when nothing is typed yet', () => {
    expect(ids(findCitable(candidates, '', 3))).toEqual(['a', 'b', 'c']);
    expect(ids(findCitable(candidates, '   ', 2))).toEqual(['a', 'b']);
  });

  it('finds a highlight by its words, folding case, accents, dashes and apostrophes', () => {
    expect(ids(findCitable(candidates, "taliban's VICTORY"))).toEqual(['a']);
    expect(ids(findCitable(candidates, 'isis‑k'))).toEqual(['b', 'c']);
    expect(ids(findCitable(candidates, 'erädicate'))).toEqual(['c']);
  });

  it('finds a highlight by a tag’s name, ranking tag matches first', () => {
    expect(ids(findCitable(candidates, 'khorasan'))).toEqual(['b', 'c']);
    expect(ids(findCitable(candidates, 'al qaeda'))).toEqual(['a']);
  });

  it('finds a highlight by its source’s title', () => {
    expect(ids(findCitable(candidates, 'foreign policy'))).toEqual(['d']);
    expect(ids(findCitable(candidates, 'duality cells'))).toEqual(['c']);
  });

  it('needs every word to match somewhere, and keeps to the limit', () => {
    expect(findCitable(candidates, 'taliban nonsense')).toEqual([]);
    expect(findCitable(candidates, 'a', 2)).toHaveLength(2);
  });
});
