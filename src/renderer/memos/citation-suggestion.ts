import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';

/** The `@` the cursor is typing after, and what follows it: the words to find a highlight by. */
export interface SuggestionQuery {
  /** Where the `@` is: the query's text runs from here to `to`, and a chosen citation replaces it. */
  readonly from: number;
  readonly to: number;
  readonly query: string;
}

/** Stands in for a citation (or any other leaf) in the text searched for a query, so a query never runs across one. */
const LEAF = '\ufffc';
const MAX_QUERY = 60;
/** `@` at the start of the text, after a citation, a space or an opening bracket or quote: so an e-mail address is not a query. */
const QUERY = new RegExp(`(?:^|[\\s(\\[“‘"'${LEAF}])@([^@\\n${LEAF}]{0,${MAX_QUERY}})$`);

/** The `@` query at the cursor, if it is in one. */
export function suggestionQuery(state: EditorState): SuggestionQuery | null {
  const { selection } = state;
  if (!selection.empty || !selection.$from.parent.isTextblock) return null;
  const { $from } = selection;
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, LEAF);
  const match = QUERY.exec(before);
  const query = match?.[1];
  if (query === undefined) return null;
  return { from: selection.from - query.length - 1, to: selection.from, query };
}

/** The keys the picker answers while it is open; it returns false for the editor to handle the key. */
export type SuggestionKey = 'ArrowDown' | 'ArrowUp' | 'Enter' | 'Tab' | 'Escape';

export interface CitationSuggestionOptions {
  /** Answers a key while the picker is shown; false lets the editor have it. */
  readonly onKey: (key: SuggestionKey) => boolean;
}

/**
 * Gives the `@` picker the keys it needs before the editor's own (Enter would otherwise split the
 * paragraph, or continue a list). The picker itself is React: it reads `suggestionQuery` on every
 * transaction.
 */
export const CitationSuggestion = Extension.create<CitationSuggestionOptions>({
  name: 'citationSuggestion',
  priority: 1000,

  addOptions() {
    return { onKey: () => false };
  },

  addKeyboardShortcuts() {
    const pass = (key: SuggestionKey) => () => this.options.onKey(key);
    return { ArrowDown: pass('ArrowDown'), ArrowUp: pass('ArrowUp'), Enter: pass('Enter'), Tab: pass('Tab'), Escape: pass('Escape') };
  },
});
