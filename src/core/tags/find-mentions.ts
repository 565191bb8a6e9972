import type { Tag } from '../model/highlight';
import { charOffset, type CharOffset, type TagId } from '../model/ids';
import { foldString, foldText, isDash, originalEnd, type FoldOptions } from '../text/fold-text';
import { buildTermAutomaton } from './term-automaton';

/** A place where a text names a tag (by its name or one of its aliases). */
export interface Mention {
  readonly tagId: TagId;
  readonly start: CharOffset;
  readonly end: CharOffset;
  /** The name or alias, as the tag stores it, that the text matched. */
  readonly alias: string;
}

/** A name that more than one tag claims; mentions of it go to the first of `tagIds`. */
export interface AliasConflict {
  readonly alias: string;
  readonly tagIds: readonly TagId[];
}

export interface MentionMatcher {
  /** Every mention in `text`, in text order, none overlapping; where names overlap the longest wins. */
  findMentions(text: string): readonly Mention[];
  /**
   * The tags mentioned by the stretch [start, end) of `text` (ends in either order; a mention the
   * stretch only cuts into counts; an empty stretch mentions nothing), each once, in order of first
   * mention. Repeated calls on the same text reuse one scan of it.
   */
  mentionsInRange(text: string, start: CharOffset, end: CharOffset): readonly TagId[];
  readonly conflicts: readonly AliasConflict[];
}

interface Term {
  readonly tagId: TagId;
  readonly alias: string;
  /** Acronyms must match in their own case ("TIP", not "tip"); names match in any case. */
  readonly caseSensitive: boolean;
  /** The alias folded but for case, to compare with the text when case matters. */
  readonly exact: string;
  /** The code unit a stretch of text must start with to match in case, or -1 if several fold to it. */
  readonly lead: number;
}

/** Names match whatever their case, spacing, apostrophes and dashes ("IS–K’s" is "is-k's"). */
export const NAME_FOLD: FoldOptions = { case: true, diacritics: false, collapseSpaces: true };
/** Acronyms are then compared in their own case. */
export const CASE_FOLD: FoldOptions = { ...NAME_FOLD, case: false };

/** An alias with no two lower-case letters in a row is an acronym: "TTP", "ISKP", "IS-K", "MaK". */
const isAcronym = (alias: string): boolean => !/\p{Ll}\p{Ll}/u.test(alias);

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

function isWordCode(c: number, text: string, index: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index) ?? c));
}

const isWordCharAt = (text: string, index: number): boolean =>
  index < text.length && isWordCode(text.charCodeAt(index), text, index);

function isWordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const c = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const pair = c >= 0xdc00 && c <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return isWordCode(c, text, pair ? index - 2 : index - 1);
}

/** A dash at the end of a line breaks a word across lines ("hereafter IS-" / "Khorasan"), so the word goes on. */
function continuesOnNextLine(text: string, index: number): boolean {
  if (index >= text.length || !isDash(text.charCodeAt(index))) return false;
  const rest = /^[ \t]*(\r?\n|$)/.exec(text.slice(index + 1, index + 64));
  return rest !== null && rest[1] !== '';
}

const URL_SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const URL_END = /[\s<>()[\]{}"]/;

/**
 * Marks the web addresses in `text` as taken: they are not mentions, though "al-qaeda" and
 * "taliban" occur in many of them. Looking for "://" and "www." first keeps this cheap on long texts.
 */
function markAddresses(text: string, taken: Uint8Array): void {
  for (const marker of ['://', 'www.']) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      let start = at;
      if (marker === '://') while (start > 0 && URL_SCHEME_CHAR.test(text.charAt(start - 1))) start--;
      let end = at + marker.length;
      while (end < text.length && !URL_END.test(text.charAt(end))) end++;
      taken.fill(1, start, end);
      at = end - 1;
    }
  }
}

/** The first of `terms` (all spelling the same name) whose case rule accepts text[start, end). */
function termInCase(terms: readonly Term[], text: string, start: number, end: number): Term | undefined {
  let exact: string | undefined;
  for (const term of terms) {
    if (!term.caseSensitive) return term;
    // Settles most cases cheaply: "is" and "tip" are frequent words, "IS" and "TIP" acronyms.
    if (term.lead >= 0 && text.charCodeAt(start) !== term.lead) continue;
    exact ??= foldString(text.slice(start, end), CASE_FOLD);
    if (exact === term.exact) return term;
  }
  return undefined;
}

/** True when text[start, end) is not part of a longer word: "Taliban" in "Talibanwe" is not a mention. */
function standsAlone(text: string, start: number, end: number): boolean {
  if (isWordCharAt(text, start) && isWordCharBefore(text, start)) return false;
  return !(isWordCharBefore(text, end) && (isWordCharAt(text, end) || continuesOnNextLine(text, end)));
}

interface Candidate {
  readonly term: Term;
  readonly start: number;
  readonly end: number;
}

export function createMentionMatcher(tags: readonly Tag[]): MentionMatcher {
  const keys: string[] = [];
  const termsByKey = new Map<string, Term[]>();
  for (const tag of tags) {
    for (const raw of [tag.name, ...tag.aliases]) {
      const alias = raw.trim();
      const key = foldString(alias, NAME_FOLD);
      if (key === '') continue;
      const exact = foldString(alias, CASE_FOLD);
      const first = exact.charAt(0);
      const lead = first === ' ' || first === "'" || first === '-' ? -1 : exact.charCodeAt(0);
      const term: Term = { tagId: tag.id, alias, caseSensitive: isAcronym(alias), exact, lead };
      const same = termsByKey.get(key);
      if (!same) {
        keys.push(key);
        termsByKey.set(key, [term]);
      } else if (!same.some((t) => t.tagId === term.tagId && t.exact === term.exact)) {
        same.push(term);
      }
    }
  }
  const termLists = keys.map((k) => termsByKey.get(k) ?? []);
  const automaton = buildTermAutomaton(keys);

  const conflicts: AliasConflict[] = [];
  for (const list of termLists) {
    const tagIds = [...new Set(list.map((t) => t.tagId))];
    const first = list[0];
    if (tagIds.length > 1 && first) conflicts.push({ alias: first.alias, tagIds });
  }

  function findMentions(text: string): readonly Mention[] {
    const folded = foldText(text, NAME_FOLD);
    const candidates: Candidate[] = [];
    automaton.search(folded.units, folded.length, (index, foldedStart, foldedEnd) => {
      const start = folded.origin[foldedStart] ?? 0;
      const end = originalEnd(folded, foldedEnd);
      const term = termInCase(termLists[index] ?? [], text, start, end);
      if (term && standsAlone(text, start, end)) candidates.push({ term, start, end });
    });

    const taken = new Uint8Array(text.length);
    markAddresses(text, taken);
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const mentions: Mention[] = [];
    for (const c of candidates) {
      if (taken.subarray(c.start, c.end).includes(1)) continue;
      taken.fill(1, c.start, c.end);
      mentions.push({ tagId: c.term.tagId, start: charOffset(c.start), end: charOffset(c.end), alias: c.term.alias });
    }
    return mentions.sort((a, b) => a.start - b.start);
  }

  let scanned: { readonly text: string; readonly mentions: readonly Mention[] } | null = null;

  function mentionsInRange(text: string, from: CharOffset, to: CharOffset): readonly TagId[] {
    const start = Math.min(from, to);
    const end = Math.max(from, to);
    if (start === end) return [];
    if (scanned?.text !== text) scanned = { text, mentions: findMentions(text) };
    const { mentions } = scanned;
    // Mentions do not overlap, so their ends rise with their starts: find the first ending after `start`.
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((mentions[mid]?.end ?? 0) <= start) lo = mid + 1;
      else hi = mid;
    }
    const found = new Set<TagId>();
    for (let i = lo; i < mentions.length; i++) {
      const m = mentions[i];
      if (!m || m.start >= end) break;
      found.add(m.tagId);
    }
    return [...found];
  }

  return { findMentions, mentionsInRange, conflicts };
}
