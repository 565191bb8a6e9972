import { describe, expect, it } from 'vitest';
import type { Tag } from '../model/highlight';
import { familyId, tagId } from '../model/ids';
import { matchScore, searchTags } from './tag-search';

const tag = (id: string, name: string, aliases: string[] = []): Tag => ({
  id: tagId(id),
  familyId: familyId('family:groups'),
  name,
  color: '#000000',
  aliases,
  description: '',
  statedAt: null,
});

const tags = [
  tag('taliban', 'Taliban', ['Islamic Emirate']),
  tag('isk', 'IS-Khorasan', ['ISKP', 'ISIS-K', 'Islamic State Khorasan Province']),
  tag('is', 'Islamic State', ['ISIS', 'Daesh']),
  tag('ttp', 'Tehrik-e Taliban Pakistan', ['TTP', 'Pakistani Taliban']),
  tag('r2', 'R2 · Strategic Engagement'),
  tag('r3', 'R3 · Long-Term Strategy'),
];
const names = (query: string, mentioned: string[] = []) => searchTags(tags, query, mentioned.map(tagId)).map((m) => m.tag.name);

describe('matchScore', () => {
  it('ranks a whole name over a prefix, a word start, a substring and scattered letters', () => {
    const scores = ['taliban', 'tali', 'pak', 'liban', 'tlbn'].map((q) => matchScore('taliban pakistan', q));
    expect(matchScore('taliban', 'taliban')).toBeGreaterThan(scores[0] ?? 0);
    expect(scores[0]).toBeGreaterThan(scores[1] ?? 0);
    expect(scores[1]).toBeGreaterThan(scores[2] ?? 0);
    expect(scores[2]).toBeGreaterThan(scores[3] ?? 0);
    expect(scores[3]).toBeGreaterThan(scores[4] ?? 0);
    expect(scores[4]).toBeGreaterThan(0);
  });

  it('does not match letters out of order, or a lone letter scattered', () => {
    expect(matchScore('taliban', 'nabilat')).toBe(0);
    expect(matchScore('taliban', 'z')).toBe(0);
  });
});

describe('searchTags', () => {
  it('offers every tag for no query, the ones the selection mentions first', () => {
    expect(names('')).toEqual(tags.map((t) => t.name));
    expect(names('', ['ttp', 'isk'])).toEqual(['Tehrik-e Taliban Pakistan', 'IS-Khorasan', 'Taliban', 'Islamic State', 'R2 · Strategic Engagement', 'R3 · Long-Term Strategy']);
  });

  it('finds a tag by an alias, whatever its case, dashes or accents, and says which alias matched', () => {
    const [first] = searchTags(tags, 'iskp', []);
    expect(first).toEqual({ tag: tags[1], mentioned: false, via: 'ISKP' });
    expect(names('is‐khorāsān')).toEqual(['IS-Khorasan']);
    expect(searchTags(tags, 'daesh', [])[0]?.via).toBe('Daesh');
  });

  it('puts the best matches first and drops tags that do not match', () => {
    expect(names('strat')).toEqual(['R2 · Strategic Engagement', 'R3 · Long-Term Strategy']);
    expect(names('talib')).toEqual(['Taliban', 'Tehrik-e Taliban Pakistan']);
    expect(names('xyz')).toEqual([]);
  });

  it('keeps a mentioned tag first when it matches the query, and leaves it out when it does not', () => {
    expect(names('talib', ['ttp'])).toEqual(['Tehrik-e Taliban Pakistan', 'Taliban']);
    expect(searchTags(tags, 'talib', [tagId('ttp')])[0]?.mentioned).toBe(true);
    expect(names('strat', ['ttp'])).toEqual(['R2 · Strategic Engagement', 'R3 · Long-Term Strategy']);
  });

  it('matches letters in order across a name, fewer gaps first', () => {
    expect(names('rlts')).toEqual(['R3 · Long-Term Strategy']);
  });
});
