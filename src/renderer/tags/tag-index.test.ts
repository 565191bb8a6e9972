import { describe, expect, it } from 'vitest';
import type { Tag } from '../../core/model/highlight';
import { familyId, sourceId, tagId } from '../../core/model/ids';
import { sampleHighlight } from '../../../tests/unit/support/sample-highlight';
import { highlightColor, UNTAGGED_COLOR } from '../highlights/highlight-color';
import { indexTags } from './tag-index';

const groups = familyId('family:groups');
const recs = familyId('family:recommendations');
const tag = (id: string, family: typeof groups, name: string, color: string): Tag => ({ id: tagId(id), familyId: family, name, color, aliases: [], description: '', statedAt: null });

const index = indexTags({
  families: [
    { id: groups, name: 'Groups', kind: 'groups' },
    { id: recs, name: 'Recommendations', kind: 'recommendations' },
  ],
  tags: [tag('group-ttp', groups, 'Tehrik-e Taliban Pakistan', '#aa0000'), tag('rec-3', recs, 'R3 · Long-Term Strategy', '#1392d4'), tag('group-isk', groups, 'IS-Khorasan', '#333333')],
  usage: { 'group-ttp': 4 },
});

describe('indexTags', () => {
  it('finds tags and families by id, and a family’s tags in order', () => {
    expect(index.tag(tagId('rec-3'))?.name).toBe('R3 · Long-Term Strategy');
    expect(index.tag(tagId('gone'))).toBeUndefined();
    expect(index.family(recs)?.kind).toBe('recommendations');
    expect(index.tagsOf(groups).map((t) => t.id)).toEqual(['group-ttp', 'group-isk']);
    expect(index.tagsOf(familyId('none'))).toEqual([]);
  });

  it('knows which tags are recommendations and how often each is used', () => {
    expect(index.isRecommendation(tagId('rec-3'))).toBe(true);
    expect(index.isRecommendation(tagId('group-ttp'))).toBe(false);
    expect(index.isRecommendation(tagId('gone'))).toBe(false);
    expect(index.usage(tagId('group-ttp'))).toBe(4);
    expect(index.usage(tagId('group-isk'))).toBe(0);
  });
});

describe('highlightColor', () => {
  const highlight = sampleHighlight(sourceId('004'), 1);

  it('follows the first tag that still exists unless the highlight has its own colour', () => {
    expect(highlightColor(highlight, index)).toBe('#aa0000');
    expect(highlightColor({ ...highlight, tags: [{ tagId: tagId('gone') }, { tagId: tagId('rec-3'), stance: 'supports' }] }, index)).toBe('#1392d4');
    expect(highlightColor({ ...highlight, color: '#00ff00' }, index)).toBe('#00ff00');
  });

  it('has a colour of its own when untagged, or before the tags are known', () => {
    expect(highlightColor({ ...highlight, tags: [] }, index)).toBe(UNTAGGED_COLOR);
    expect(highlightColor(highlight, null)).toBe(UNTAGGED_COLOR);
  });
});
