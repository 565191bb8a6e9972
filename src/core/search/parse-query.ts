import type { SearchWarning } from './search-types';
import { tokenize } from './tokenize';

/**
 * The query language:
 *   words            every word must occur in the passage (AND); "IS-K" is the phrase "is k"
 *   "a phrase"       the words in this order, next to each other (also “curly” or «angled» quotes)
 *   word*            words that start with "word"
 *   a OR b           either (OR in capitals; a lower-case "or" is a word)
 *   a AND b          the same as "a b" (written out for those used to Boolean search)
 *   -word, -"a b"    passages containing it are left out; NOT word, NOT "a b" the same
 * OR binds tighter than AND, as in most search boxes: "a OR b c" is (a OR b) AND c. There are no
 * parentheses: every query is a list of clauses that must all match, so (a b) OR c cannot be said.
 * Words are folded like the text (case, diacritics), so "kabul" finds "Kābul".
 *
 * Search-as-you-type: unless the query ends in a space, its last word also matches as a prefix
 * once it has MIN_AUTO_PREFIX letters ("khor" finds "Khorasan"), so results follow the typing
 * without flooding on one or two letters. Closing a quote or typing a space makes it exact.
 *
 * Nothing here throws: an unbalanced quote, a dangling OR or a word without letters is read the
 * sensible way and reported as a warning.
 */

export interface QueryPhrase {
  /** Folded terms, in order. */
  readonly terms: readonly string[];
  /** The last term also matches longer words. */
  readonly prefix: boolean;
  /** As typed (without quotes, minus sign or star), for messages. */
  readonly text: string;
  /** Written in quotes: never merged with neighbouring words to match a multi-word alias. */
  readonly quoted: boolean;
}

/** Passages match a clause when they contain any of its alternatives. */
export interface QueryClause {
  readonly alternatives: readonly QueryPhrase[];
}

export interface ParsedQuery {
  /** All must match. */
  readonly clauses: readonly QueryClause[];
  /** None may occur. */
  readonly excluded: readonly QueryPhrase[];
  readonly warnings: readonly SearchWarning[];
}

export interface ParseQueryOptions {
  /** See the search-as-you-type rule above (default true). */
  readonly prefixLastWord?: boolean;
}

const MIN_AUTO_PREFIX = 3;
export const MAX_QUERY_CHARS = 1000;

const QUOTES = '"“”„«»';
const isSpace = (ch: string): boolean => /\s/.test(ch);

interface Item {
  readonly kind: 'phrase' | 'or' | 'and';
  readonly text: string;
  readonly negated: boolean;
  readonly quoted: boolean;
  /** An opening quote without its closing one. */
  readonly open: boolean;
  readonly star: boolean;
}

const danglingNot = (): SearchWarning => ({ code: 'dangling-not', message: 'NOT needs a word or "a phrase" after it; it was ignored.' });

function scan(query: string, warnings: SearchWarning[]): Item[] {
  const items: Item[] = [];
  const n = query.length;
  let i = 0;
  // A NOT waiting for the word it leaves out.
  let not = false;
  while (i < n) {
    if (isSpace(query.charAt(i))) {
      i++;
      continue;
    }
    let negated = not;
    not = false;
    if (query.charAt(i) === '-' && i + 1 < n && !isSpace(query.charAt(i + 1))) {
      negated = true;
      i++;
    }
    if (QUOTES.includes(query.charAt(i))) {
      let close = i + 1;
      while (close < n && !QUOTES.includes(query.charAt(close))) close++;
      const open = close >= n;
      const text = query.slice(i + 1, close);
      i = open ? n : close + 1;
      const star = !open && query.charAt(i) === '*';
      if (star) i++;
      if (open) {
        warnings.push({ code: 'unclosed-quote', message: `The quote before “${text.trim()}” is not closed; those words were searched as a phrase.` });
      }
      items.push({ kind: 'phrase', text, negated, quoted: true, open, star });
      continue;
    }
    let end = i;
    while (end < n && !isSpace(query.charAt(end)) && !QUOTES.includes(query.charAt(end))) end++;
    const word = query.slice(i, end);
    i = end;
    if ((word === 'OR' || word === 'AND' || word === 'NOT') && negated) {
      // "NOT OR", "NOT NOT": the first NOT has nothing to leave out. ("-OR" stays a word.)
      if (query.charAt(i - word.length - 1) !== '-') {
        warnings.push(danglingNot());
        negated = false;
      }
    }
    if (word === 'NOT' && !negated) {
      not = true;
      continue;
    }
    if ((word === 'OR' || word === 'AND') && !negated) {
      items.push({ kind: word === 'OR' ? 'or' : 'and', text: word, negated, quoted: false, open: false, star: false });
      continue;
    }
    const star = word.endsWith('*');
    items.push({ kind: 'phrase', text: star ? word.replace(/\*+$/, '') : word, negated, quoted: false, open: false, star });
  }
  if (not) warnings.push(danglingNot());
  return items;
}

export function parseQuery(input: string, options: ParseQueryOptions = {}): ParsedQuery {
  const warnings: SearchWarning[] = [];
  let query = input;
  if (query.length > MAX_QUERY_CHARS) {
    query = query.slice(0, MAX_QUERY_CHARS);
    warnings.push({ code: 'query-truncated', message: `Only the first ${MAX_QUERY_CHARS} characters of the query were searched.` });
  }
  const typingLastWord = (options.prefixLastWord ?? true) && query.length > 0 && !isSpace(query.charAt(query.length - 1));

  const items = scan(query, warnings);
  const phrases = new Map<Item, QueryPhrase>();
  items.forEach((item, index) => {
    if (item.kind !== 'phrase') return;
    const terms = tokenize(item.text).map((token) => token.term);
    if (terms.length === 0) {
      if (item.quoted && !item.open) warnings.push({ code: 'empty-phrase', message: 'An empty phrase ("") was left out.' });
      else if (!item.quoted && item.text !== '') warnings.push({ code: 'no-letters', message: `“${item.text}” has no letters or digits and was left out.` });
      return;
    }
    const last = terms[terms.length - 1] ?? '';
    const isLast = index === items.length - 1;
    const autoPrefix = typingLastWord && isLast && !item.negated && (!item.quoted || item.open) && last.length >= MIN_AUTO_PREFIX;
    phrases.set(item, { terms, prefix: item.star || autoPrefix, text: item.text.trim(), quoted: item.quoted });
  });

  const clauses: QueryPhrase[][] = [];
  const excluded: QueryPhrase[] = [];
  const kept = items.filter((item) => item.kind !== 'phrase' || phrases.has(item));
  let previousPositive = false;
  let joinNext = false;
  kept.forEach((item, index) => {
    if (item.kind === 'and') {
      // Words are joined by AND anyway; it only has to stand between two of them.
      const previous = kept[index - 1];
      const next = kept[index + 1];
      if (previous?.kind !== 'phrase' || next?.kind !== 'phrase') {
        warnings.push({ code: 'dangling-and', message: 'AND needs something to search for on each side; it was ignored.' });
      }
      previousPositive = false;
      joinNext = false;
      return;
    }
    if (item.kind === 'or') {
      const next = kept[index + 1];
      if (previousPositive && next !== undefined && next.kind === 'phrase' && !next.negated) {
        joinNext = true;
      } else {
        warnings.push({ code: 'dangling-or', message: 'OR needs something to search for on each side; it was ignored.' });
      }
      return;
    }
    const phrase = phrases.get(item);
    if (phrase === undefined) return;
    if (item.negated) {
      excluded.push(phrase);
      previousPositive = false;
      return;
    }
    const previous = clauses[clauses.length - 1];
    if (joinNext && previous) previous.push(phrase);
    else clauses.push([phrase]);
    joinNext = false;
    previousPositive = true;
  });

  if (clauses.length === 0 && excluded.length > 0) {
    warnings.push({ code: 'only-exclusions', message: 'Add a word to search for: exclusions alone match nothing.' });
  }
  return { clauses: clauses.map((alternatives) => ({ alternatives })), excluded, warnings };
}
