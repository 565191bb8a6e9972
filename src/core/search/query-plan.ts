import type { ParsedQuery, QueryPhrase } from './parse-query';
import { inverseFrequency } from './rank';
import type { SearchWarning } from './search-types';
import { compareTerms, type TermDictionary } from './term-dictionary';

/**
 * A parsed query resolved against the dictionary: each phrase becomes a list of slots, one per
 * token, holding the term ids that may stand there (one for a word, several for a prefix).
 */

/** More words than this for one prefix would make a query slow and its results meaningless. */
export const MAX_PREFIX_TERMS = 200;
/** A longer word found by a prefix ranks below the word exactly as typed. */
const PREFIX_EXTENSION_WEIGHT = 0.7;

export interface PlanSlot {
  /** Term ids, in code-unit order of their terms. */
  readonly ids: readonly number[];
  /** weights[i] scales each occurrence of ids[i]. */
  readonly weights: readonly number[];
}

export interface PlanPhrase {
  readonly slots: readonly PlanSlot[];
  /** A phrase is as telling as all its words together, so its hits outrank single words. */
  readonly idf: number;
}

export interface PlanClause {
  readonly phrases: readonly PlanPhrase[];
}

export interface QueryPlan {
  readonly clauses: readonly PlanClause[];
  readonly excluded: readonly PlanPhrase[];
  /** Some clause names only words no source contains. */
  readonly matchesNothing: boolean;
  readonly warnings: readonly SearchWarning[];
}

function prefixSlot(prefix: string, dictionary: TermDictionary, warnings: SearchWarning[]): PlanSlot {
  let ids = dictionary.withPrefix(prefix);
  if (ids.length > MAX_PREFIX_TERMS) {
    const total = ids.length;
    ids = [...ids]
      .sort((a, b) => dictionary.passageFrequency(b) - dictionary.passageFrequency(a) || compareTerms(dictionary.term(a), dictionary.term(b)))
      .slice(0, MAX_PREFIX_TERMS)
      .sort((a, b) => compareTerms(dictionary.term(a), dictionary.term(b)));
    warnings.push({
      code: 'prefix-capped',
      message: `“${prefix}*” matches ${total} words; only the ${MAX_PREFIX_TERMS} most frequent were searched. Type more letters to narrow it.`,
    });
  }
  return { ids, weights: ids.map((id) => (dictionary.term(id) === prefix ? 1 : PREFIX_EXTENSION_WEIGHT)) };
}

function planPhrase(phrase: QueryPhrase, dictionary: TermDictionary, passageTotal: number, warnings: SearchWarning[]): PlanPhrase | null {
  const slots: PlanSlot[] = [];
  let idf = 0;
  for (let i = 0; i < phrase.terms.length; i++) {
    const term = phrase.terms[i] ?? '';
    let slot: PlanSlot;
    if (phrase.prefix && i === phrase.terms.length - 1) {
      slot = prefixSlot(term, dictionary, warnings);
    } else {
      const id = dictionary.lookup(term);
      slot = id === undefined ? { ids: [], weights: [] } : { ids: [id], weights: [1] };
    }
    if (slot.ids.length === 0) return null;
    const frequency = slot.ids.reduce((sum, id) => sum + dictionary.passageFrequency(id), 0);
    idf += inverseFrequency(Math.min(frequency, passageTotal), passageTotal);
    slots.push(slot);
  }
  return { slots, idf };
}

export function planQuery(query: ParsedQuery, dictionary: TermDictionary, passageTotal: number): QueryPlan {
  const warnings = [...query.warnings];
  const plan = (phrase: QueryPhrase): PlanPhrase[] => {
    const planned = planPhrase(phrase, dictionary, passageTotal, warnings);
    return planned ? [planned] : [];
  };
  const clauses = query.clauses.map((clause) => ({ phrases: clause.alternatives.flatMap(plan) }));
  const excluded = query.excluded.flatMap(plan);
  const matchesNothing = clauses.length === 0 || clauses.some((clause) => clause.phrases.length === 0);
  return { clauses, excluded, matchesNothing, warnings };
}
