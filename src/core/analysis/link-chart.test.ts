import { describe, expect, it } from 'vitest';
import { highlightId, relationId, tagId } from '../model/ids';
import { linkChart } from './link-chart';
import type { Relation } from './relation';
import { passage, tag } from './test-passages';

const A = tag('group:taliban', 'Taliban');
const B = tag('group:al-qaeda', 'Al Qaeda');
const C = tag('group:ttp', 'TTP');
const D = tag('group:hamas', 'Hamas');
const E = tag('group:houthis', 'Houthis');

const passages = [
  passage('h1', { source: 's1', at: [0, 10], blocks: [0], tags: ['group:taliban', 'group:al-qaeda'], reliability: 'B', credibility: 2 }),
  passage('h2', { source: 's1', at: [5, 15], blocks: [0], tags: ['group:ttp'] }),
  passage('h3', { source: 's1', at: [20, 30], blocks: [1], tags: ['group:taliban'], credibility: 3 }),
  passage('h4', { source: 's1', at: [30, 40], blocks: [1], tags: ['group:al-qaeda'] }),
  passage('h5', { source: 's2', at: [0, 10], blocks: [2], tags: ['group:taliban'] }),
];

function relation(id: string, from: string, to: string, type: string, ids: string[]): Relation {
  const stamp = '2026-01-01T00:00:00.000Z';
  return { id: relationId(id), fromTagId: tagId(from), toTagId: tagId(to), type, highlightIds: ids.map(highlightId), note: '', created: stamp, modified: stamp };
}

describe('linkChart', () => {
  const relations = [
    relation('r1', 'group:taliban', 'group:al-qaeda', 'hosts', ['h3', 'deleted-one']),
    relation('r2', 'group:hamas', 'group:al-qaeda', 'rival of', ['h4']),
    relation('r3', 'group:taliban', 'tag:no-longer-a-group', 'allied with', ['h1']),
  ];
  const chart = linkChart([A, B, C, D, E], passages, relations);

  it('has a node per group with passages or a relation, sized by its passages', () => {
    expect(chart.nodes.map((n) => [n.name, n.passages])).toEqual([
      ['Taliban', 3],
      ['Al Qaeda', 2],
      ['TTP', 1],
      ['Hamas', 0],
    ]);
  });

  it('links groups tagged in the same paragraph, with the passages and their grade marks', () => {
    const co = chart.edges.filter((e) => e.kind === 'co-occurrence');
    expect(co.map((e) => [e.id, e.count, e.passages.map((p) => `${p.highlightId}:${p.mark ?? '·'}`).join(' ')])).toEqual([
      ['co:group:taliban|group:al-qaeda', 2, 'h1:B2 h3:–3 h4:·'],
      ['co:group:taliban|group:ttp', 1, 'h1:B2 h2:·'],
      ['co:group:al-qaeda|group:ttp', 1, 'h1:B2 h2:·'],
    ]);
  });

  it('draws the relations between groups, without passages that are gone, and not those to a tag that is no group', () => {
    const drawn = chart.edges.filter((e) => e.kind === 'relation');
    expect(drawn).toEqual([
      { kind: 'relation', id: 'r1', fromTagId: 'group:taliban', toTagId: 'group:al-qaeda', type: 'hosts', note: '', passages: [{ highlightId: 'h3', mark: '–3' }] },
      { kind: 'relation', id: 'r2', fromTagId: 'group:hamas', toTagId: 'group:al-qaeda', type: 'rival of', note: '', passages: [{ highlightId: 'h4', mark: null }] },
    ]);
  });
});
