import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, parseQuery, type ParsedQuery } from './parse-query';

/** Clauses as readable strings: alternatives joined by |, phrases in quotes, prefixes with *. */
function shape(query: ParsedQuery): { clauses: string[]; excluded: string[]; warnings: string[] } {
  const phrase = (p: { terms: readonly string[]; prefix: boolean }): string => {
    const text = `${p.terms.join(' ')}${p.prefix ? '*' : ''}`;
    return p.terms.length > 1 ? `"${text}"` : text;
  };
  return {
    clauses: query.clauses.map((clause) => clause.alternatives.map(phrase).join('|')),
    excluded: query.excluded.map(phrase),
    warnings: query.warnings.map((warning) => warning.code),
  };
}

const exact = (query: string): ReturnType<typeof shape> => shape(parseQuery(query, { prefixLastWord: false }));

describe('parseQuery', () => {
  it('reads words as clauses that must all match, folded like the text', () => {
    expect(exact('Taliban  Kābul')).toEqual({ clauses: ['taliban', 'kabul'], excluded: [], warnings: [] });
  });

  it('reads quoted text, and a hyphenated word, as a phrase', () => {
    expect(exact('"al Qaeda" leader IS-K “Doha Agreement”').clauses).toEqual(['"al qaeda"', 'leader', '"is k"', '"doha agreement"']);
  });

  it('joins the words on each side of OR', () => {
    expect(exact('TTP OR Tehreek OR "Pakistani Taliban" attacks').clauses).toEqual(['ttp|tehreek|"pakistani taliban"', 'attacks']);
    expect(exact('a or b').clauses).toEqual(['a', 'or', 'b']);
  });

  it('reads AND as joining words, and NOT as leaving the next word or phrase out', () => {
    expect(exact('taliban AND kabul')).toEqual({ clauses: ['taliban', 'kabul'], excluded: [], warnings: [] });
    expect(exact('ISKP OR "IS-K" AND attack NOT "al qaeda" NOT Pakistan')).toEqual({
      clauses: ['iskp|"is k"', 'attack'],
      excluded: ['"al qaeda"', 'pakistan'],
      warnings: [],
    });
    expect(exact('taliban and not kabul').clauses).toEqual(['taliban', 'and', 'not', 'kabul']);
    expect(shape(parseQuery('taliban NOT khor')).excluded).toEqual(['khor']);
  });

  it('ignores, with a warning, an AND or NOT without a word to act on', () => {
    expect(exact('AND taliban AND')).toEqual({ clauses: ['taliban'], excluded: [], warnings: ['dangling-and', 'dangling-and'] });
    expect(exact('taliban NOT')).toEqual({ clauses: ['taliban'], excluded: [], warnings: ['dangling-not'] });
    expect(exact('taliban NOT OR kabul')).toEqual({ clauses: ['taliban|kabul'], excluded: [], warnings: ['dangling-not'] });
    expect(exact('taliban OR NOT kabul')).toEqual({ clauses: ['taliban'], excluded: ['kabul'], warnings: ['dangling-or'] });
  });

  it('reads a leading minus as an exclusion, a hyphen inside a word as part of it', () => {
    expect(exact('taliban -pakistan -"al qaeda" ISIS-K')).toEqual({
      clauses: ['taliban', '"isis k"'],
      excluded: ['pakistan', '"al qaeda"'],
      warnings: [],
    });
  });

  it('matches a word ending in * as a prefix', () => {
    expect(exact('khor* a*').clauses).toEqual(['khor*', 'a*']);
    expect(exact('"al qa"*').clauses).toEqual(['"al qa*"']);
  });

  it('matches the last word as a prefix while it is being typed, from three letters on', () => {
    expect(shape(parseQuery('taliban khor')).clauses).toEqual(['taliban', 'khor*']);
    expect(shape(parseQuery('taliban kh')).clauses).toEqual(['taliban', 'kh']);
    expect(shape(parseQuery('taliban khor ')).clauses).toEqual(['taliban', 'khor']);
    expect(shape(parseQuery('"islamic state khor')).clauses).toEqual(['"islamic state khor*"']);
    expect(shape(parseQuery('"islamic state"')).clauses).toEqual(['"islamic state"']);
    expect(shape(parseQuery('taliban -khor')).excluded).toEqual(['khor']);
    expect(shape(parseQuery('khor', { prefixLastWord: false })).clauses).toEqual(['khor']);
  });

  it('reads an unclosed quote as a phrase to the end, with a warning', () => {
    const parsed = parseQuery('taliban "islamic state', { prefixLastWord: false });
    expect(shape(parsed)).toEqual({ clauses: ['taliban', '"islamic state"'], excluded: [], warnings: ['unclosed-quote'] });
    expect(parsed.warnings[0]?.message).toContain('islamic state');
  });

  it('ignores, with a warning, a dangling OR, an empty phrase and a word without letters', () => {
    expect(exact('OR taliban OR')).toEqual({ clauses: ['taliban'], excluded: [], warnings: ['dangling-or', 'dangling-or'] });
    expect(exact('taliban ""')).toEqual({ clauses: ['taliban'], excluded: [], warnings: ['empty-phrase'] });
    expect(exact('taliban & kabul')).toEqual({ clauses: ['taliban', 'kabul'], excluded: [], warnings: ['no-letters'] });
    expect(exact('taliban OR -kabul')).toEqual({ clauses: ['taliban'], excluded: ['kabul'], warnings: ['dangling-or'] });
  });

  it('warns when a query only excludes', () => {
    expect(exact('-taliban').warnings).toEqual(['only-exclusions']);
  });

  it('returns nothing, and no warning, for an empty query', () => {
    expect(exact('   ')).toEqual({ clauses: [], excluded: [], warnings: [] });
  });

  it('searches only the first characters of an over-long query', () => {
    const parsed = parseQuery('word '.repeat(MAX_QUERY_CHARS / 2.5), { prefixLastWord: false });
    expect(parsed.clauses.length).toBe(MAX_QUERY_CHARS / 5);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['query-truncated']);
  });
});
