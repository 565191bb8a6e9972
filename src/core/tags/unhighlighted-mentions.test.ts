import { describe, expect, it } from 'vitest';
import { charOffset, tagId, type TagId } from '../model/ids';
import type { TextRange } from '../model/source';
import { createMentionMatcher, type Mention } from './find-mentions';
import { GROUPS_FAMILY_ID, seedTags } from './seed-tags';
import { unhighlightedMentions } from './unhighlighted-mentions';

const matcher = createMentionMatcher(seedTags().tags.filter((t) => t.familyId === GROUPS_FAMILY_ID));
const TALIBAN = tagId('group:taliban');
const AL_QAEDA = tagId('group:al-qaeda');
const TTP = tagId('group:ttp');

const text =
  'The Taliban’s support for and alignment with Al Qaeda and TTP are rooted in their common ideological foundations. The Taliban views Al Qaeda members as Mujahideen.';
const mentions = matcher.findMentions(text);

const range = (quote: string, from = 0): TextRange => {
  const start = text.indexOf(quote, from);
  return { start: charOffset(start), end: charOffset(start + quote.length) };
};
const describeAll = (ms: readonly Mention[]): string[] => ms.map((m) => `${m.tagId}@${m.start}`);
const ranges = (entries: [TagId, TextRange[]][]): ReadonlyMap<TagId, readonly TextRange[]> => new Map(entries);

describe('unhighlightedMentions', () => {
  it('keeps every mention when nothing is highlighted', () => {
    expect(mentions).toHaveLength(5);
    expect(unhighlightedMentions(mentions, new Map())).toEqual(mentions);
  });

  it('drops mentions inside a highlight carrying the mentioned group', () => {
    const sentence = range('The Taliban’s support for and alignment with Al Qaeda and TTP are rooted');
    const left = unhighlightedMentions(mentions, ranges([[TALIBAN, [sentence]], [AL_QAEDA, [sentence]]]));
    expect(describeAll(left)).toEqual(describeAll(mentions.filter((m) => m.tagId === TTP || m.start > sentence.end)));
  });

  it('keeps a mention inside a highlight that carries only other groups', () => {
    const left = unhighlightedMentions(mentions, ranges([[TTP, [range('Al Qaeda and TTP')]]]));
    expect(left.map((m) => text.slice(m.start, m.end))).toEqual(['Taliban', 'Al Qaeda', 'Taliban', 'Al Qaeda']);
  });

  it('counts a highlight exactly around the mention, and not one that only cuts into it', () => {
    const exact = unhighlightedMentions(mentions, ranges([[TTP, [range('TTP')]]]));
    expect(exact.some((m) => m.tagId === TTP)).toBe(false);
    const cut = range('Qaeda and TT');
    const partial = unhighlightedMentions(mentions, ranges([[TTP, [cut]], [AL_QAEDA, [cut]]]));
    expect(partial.filter((m) => m.tagId !== TALIBAN).map((m) => text.slice(m.start, m.end))).toEqual(['Al Qaeda', 'TTP', 'Al Qaeda']);
  });

  it('looks through every highlight of a tag, in any order and overlapping', () => {
    const second = text.indexOf('The Taliban views');
    const highlights = [range('Al Qaeda members', second), range('The Taliban views Al', second), range('alignment'), range('The Taliban’s support')];
    const left = unhighlightedMentions(mentions, ranges([[TALIBAN, highlights], [AL_QAEDA, highlights]]));
    expect(left.map((m) => text.slice(m.start, m.end))).toEqual(['Al Qaeda', 'TTP']);
  });

  it('keeps mentions before every highlight and after a long one that ends too early', () => {
    const long = range('support for and alignment with Al Qaeda and TTP are rooted in their common');
    const left = unhighlightedMentions(mentions, ranges([[TALIBAN, [long]]]));
    expect(left.filter((m) => m.tagId === TALIBAN)).toHaveLength(2);
  });
});
