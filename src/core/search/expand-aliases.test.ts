import { describe, expect, it } from 'vitest';
import { expandAliases } from './expand-aliases';
import { parseQuery } from './parse-query';
import type { AliasGroup } from './search-types';

const groups: AliasGroup[] = [
  { id: 'iskp', aliases: ['IS-Khorasan', 'ISKP', 'ISIS-K', 'IS-K', 'Islamic State Khorasan Province'] },
  { id: 'ttp', aliases: ['TTP', 'Tehrik-e-Taliban Pakistan', 'Tehreek-e-Taliban Pakistan', 'Pakistani Taliban'] },
];
const all = (): boolean => true;

const alternatives = (query: string, enabled: (id: string) => boolean = all): string[][] =>
  expandAliases(parseQuery(query, { prefixLastWord: false }), groups, enabled).query.clauses.map((clause) =>
    clause.alternatives.map((phrase) => phrase.terms.join(' ')),
  );

describe('expandAliases', () => {
  it('expands a word that is an alias to every alias of its group, each as a phrase', () => {
    expect(alternatives('ISKP attacks')).toEqual([
      ['iskp', 'is khorasan', 'isis k', 'is k', 'islamic state khorasan province'],
      ['attacks'],
    ]);
  });

  it('matches phrases and hyphenated words by their folded terms', () => {
    expect(alternatives('is-k')[0]).toContain('islamic state khorasan province');
    expect(alternatives('"pakistani taliban"')[0]).toEqual(['pakistani taliban', 'ttp', 'tehrik e taliban pakistan', 'tehreek e taliban pakistan']);
  });

  it('matches a run of plain words that spells a multi-word alias', () => {
    expect(alternatives('attacks islamic state khorasan province')).toEqual([
      ['attacks'],
      ['islamic state khorasan province', 'is khorasan', 'iskp', 'isis k', 'is k'],
    ]);
  });

  it('reports the expansions applied, once per group', () => {
    const { expansions } = expandAliases(parseQuery('ISKP OR IS-K TTP'), groups, all);
    expect(expansions).toEqual([
      { groupId: 'iskp', matched: 'ISKP', aliases: groups[0]?.aliases, applied: true },
      { groupId: 'ttp', matched: 'TTP', aliases: groups[1]?.aliases, applied: true },
    ]);
  });

  it('leaves a switched-off group alone but still reports the match', () => {
    const enabled = (id: string): boolean => id !== 'iskp';
    expect(alternatives('ISKP TTP', enabled)).toEqual([['iskp'], ['ttp', 'tehrik e taliban pakistan', 'tehreek e taliban pakistan', 'pakistani taliban']]);
    const { expansions } = expandAliases(parseQuery('ISKP'), groups, enabled);
    expect(expansions.map((e) => [e.groupId, e.applied])).toEqual([['iskp', false]]);
  });

  it('expands exclusions too', () => {
    const { query } = expandAliases(parseQuery('taliban -TTP', { prefixLastWord: false }), groups, all);
    expect(query.excluded.map((phrase) => phrase.terms.join(' '))).toEqual(['ttp', 'tehrik e taliban pakistan', 'tehreek e taliban pakistan', 'pakistani taliban']);
  });

  it('keeps the prefix of a word being typed when it expands, in place of the same alias', () => {
    const { query } = expandAliases(parseQuery('iskp'), groups, all);
    expect(query.clauses[0]?.alternatives.map((phrase) => `${phrase.terms.join(' ')}${phrase.prefix ? '*' : ''}`)).toEqual([
      'iskp*',
      'is khorasan',
      'isis k',
      'is k',
      'islamic state khorasan province',
    ]);
  });

  it('does not expand words that are no alias', () => {
    expect(alternatives('taliban khorasan')).toEqual([['taliban'], ['khorasan']]);
  });
});
