import { describe, expect, it } from 'vitest';
import { familyId, tagId } from '../model/ids';
import { scanTokens } from '../search/tokenize';
import { createMentionMatcher } from '../tags/find-mentions';
import { emptyWords, groupMentions } from './group-words';

const matcher = createMentionMatcher([
  { id: tagId('group:is-khorasan'), familyId: familyId('family:groups'), name: 'IS-Khorasan', color: '#000000', aliases: ['ISKP', 'ISIS-K', 'Islamic State Khorasan Province'], description: '', statedAt: null },
  { id: tagId('group:islamic-state'), familyId: familyId('family:groups'), name: 'Islamic State', color: '#000000', aliases: ['IS'], description: '', statedAt: null },
]);

/** Each word of text[from, to) as its term, and the group words as "term=text". */
function grouped(text: string, from = 0, to = text.length): string[] {
  const words = emptyWords();
  scanTokens(text, from, to, (term, start, end) => {
    words.terms.push(term);
    words.starts.push(start);
    words.ends.push(end);
  });
  groupMentions(words, matcher.findMentions(text));
  return words.terms.map((term, i) => (term.startsWith('tag:') ? `${term}=${text.slice(words.starts[i], words.ends[i])}` : term));
}

describe('groupMentions', () => {
  it('makes each mention of a group one word, whichever of its names the text uses', () => {
    expect(grouped('ISIS-K and the Islamic State Khorasan Province, or ISKP, claimed it.')).toEqual([
      'tag:group:is-khorasan=ISIS-K',
      'and',
      'the',
      'tag:group:is-khorasan=Islamic State Khorasan Province',
      'or',
      'tag:group:is-khorasan=ISKP',
      'claimed',
      'it',
    ]);
  });

  it('leaves words that only look like an acronym alone', () => {
    expect(grouped('This is IS, that is all.')).toEqual(['this', 'is', 'tag:group:islamic-state=IS', 'that', 'is', 'all']);
  });

  it('takes a mention the stretch cuts into as the group, and skips mentions of the text before it', () => {
    const text = 'ISKP first. Then the Islamic State Khorasan Province again.';
    expect(grouped(text, text.indexOf('State'))).toEqual(['tag:group:is-khorasan=State Khorasan Province', 'again']);
  });

  it('keeps the words as they are when no group is mentioned', () => {
    expect(grouped('Rain fell on Kabul.')).toEqual(['rain', 'fell', 'on', 'kabul']);
  });
});
