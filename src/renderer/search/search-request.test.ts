import { describe, expect, it } from 'vitest';
import { sourceId, tagId } from '../../core/model/ids';
import { EMPTY_REQUEST, isFiltered, searchInput } from './search-request';

describe('searchInput', () => {
  it('sends the query alone when nothing narrows it', () => {
    expect(searchInput({ ...EMPTY_REQUEST, query: 'ISKP' })).toEqual({ query: 'ISKP', expandAliases: true, disabledGroups: [] });
    expect(isFiltered(EMPTY_REQUEST)).toBe(false);
  });

  it('turns every filter into the API’s, and asks for a page when given one', () => {
    const request = {
      ...EMPTY_REQUEST,
      query: 'ISKP',
      tagId: tagId('group:ttp'),
      highlightedOnly: true,
      grade: { maxCredibility: 2, minReliability: 'B' },
      sourceId: sourceId('report'),
      format: { format: 'pdf' },
      from: '2024-01-01',
    } as const;
    expect(searchInput(request, { offset: 50, limit: 50 })).toEqual({
      query: 'ISKP',
      expandAliases: true,
      disabledGroups: [],
      filter: { tagId: 'group:ttp', maxCredibility: 2, minReliability: 'B', sourceIds: ['report'], formats: ['pdf'], from: '2024-01-01' },
      offset: 50,
      limit: 50,
    });
    expect(searchInput({ ...EMPTY_REQUEST, highlightedOnly: true, format: { kind: 'report' }, to: '2025-01-31' }).filter).toEqual({ highlighted: true, kinds: ['report'], to: '2025-01-31' });
    expect(isFiltered({ ...EMPTY_REQUEST, to: '2025-01-31' })).toBe(true);
  });
});
