import type { ParsedQuery, QueryClause, QueryPhrase } from './parse-query';
import type { AliasExpansion, AliasGroup } from './search-types';
import { tokenize } from './tokenize';

/**
 * Alias expansion: the sources name one group many ways ("IS-Khorasan", "ISKP", "ISIS-K" ...).
 * When a word, a phrase, or a run of plain words of the query folds to the same terms as an alias
 * of a group, it becomes an OR over every alias of that group, each searched as a phrase. Matches
 * of switched-off groups are still reported (applied: false), so the person can switch them on.
 */

interface Alias {
  readonly group: number;
  readonly phrase: QueryPhrase;
}

const keyOf = (terms: readonly string[]): string => terms.join(' ');

/** One alternative per sequence of terms; a prefix one covers the exact one, so it is kept. */
function dedupe(phrases: readonly QueryPhrase[]): QueryPhrase[] {
  const kept: QueryPhrase[] = [];
  const at = new Map<string, number>();
  for (const phrase of phrases) {
    const key = keyOf(phrase.terms);
    const index = at.get(key);
    if (index === undefined) {
      at.set(key, kept.length);
      kept.push(phrase);
    } else if (phrase.prefix && !kept[index]?.prefix) {
      kept[index] = phrase;
    }
  }
  return kept;
}

export interface ExpandedQuery {
  readonly query: ParsedQuery;
  readonly expansions: readonly AliasExpansion[];
}

export function expandAliases(query: ParsedQuery, groups: readonly AliasGroup[], isEnabled: (groupId: string) => boolean): ExpandedQuery {
  const byKey = new Map<string, Alias>();
  const phrasesOf: QueryPhrase[][] = groups.map(() => []);
  let longest = 0;
  groups.forEach((group, index) => {
    for (const alias of group.aliases) {
      const terms = tokenize(alias).map((token) => token.term);
      if (terms.length === 0) continue;
      const phrase: QueryPhrase = { terms, prefix: false, text: alias, quoted: true };
      phrasesOf[index]?.push(phrase);
      // When two groups share an alias, the first group listed takes it.
      if (!byKey.has(keyOf(terms))) byKey.set(keyOf(terms), { group: index, phrase });
      longest = Math.max(longest, terms.length);
    }
  });

  const expansions = new Map<string, AliasExpansion>();
  /** The group's aliases to add when it is switched on, else nothing (the match is still reported). */
  const aliasesFor = (terms: readonly string[], matched: string): readonly QueryPhrase[] => {
    const alias = byKey.get(keyOf(terms));
    const group = alias ? groups[alias.group] : undefined;
    if (!alias || !group) return [];
    const applied = isEnabled(group.id);
    if (!expansions.has(group.id)) expansions.set(group.id, { groupId: group.id, matched, aliases: group.aliases, applied });
    return applied ? (phrasesOf[alias.group] ?? []) : [];
  };

  const plainWord = (clause: QueryClause | undefined): QueryPhrase | undefined => {
    const only = clause?.alternatives.length === 1 ? clause.alternatives[0] : undefined;
    return only && !only.quoted ? only : undefined;
  };

  const clauses: QueryClause[] = [];
  for (let i = 0; i < query.clauses.length; i++) {
    const clause = query.clauses[i];
    if (!clause) continue;
    // Plain words next to each other ("islamic state khorasan province") may spell a
    // multi-word alias; the longest run that does wins.
    let run: QueryPhrase[] = [];
    let expanded: readonly QueryPhrase[] = [];
    for (let j = i; j < query.clauses.length; j++) {
      const word = plainWord(query.clauses[j]);
      if (!word) break;
      const candidate = [...run, word];
      if (candidate.flatMap((phrase) => phrase.terms).length > longest) break;
      run = candidate;
    }
    for (; run.length >= 2; run = run.slice(0, -1)) {
      const terms = run.flatMap((phrase) => phrase.terms);
      const lastWord = run[run.length - 1];
      const text = run.map((phrase) => phrase.text).join(' ');
      expanded = aliasesFor(terms, text);
      if (expanded.length > 0) {
        const typed: QueryPhrase = { terms, prefix: lastWord?.prefix ?? false, text, quoted: false };
        clauses.push({ alternatives: dedupe([typed, ...expanded]) });
        i += run.length - 1;
        break;
      }
    }
    if (expanded.length > 0) continue;
    const alternatives = clause.alternatives.flatMap((phrase) => [phrase, ...aliasesFor(phrase.terms, phrase.text)]);
    clauses.push({ alternatives: dedupe(alternatives) });
  }
  const excluded = dedupe(query.excluded.flatMap((phrase) => [phrase, ...aliasesFor(phrase.terms, phrase.text)]));
  return { query: { clauses, excluded, warnings: query.warnings }, expansions: [...expansions.values()] };
}
