import type { Snippet } from '../../core/search/search-types';

export interface SnippetPart {
  readonly text: string;
  /** A hit, shown as <mark>. */
  readonly hit: boolean;
}

/** A snippet cut into plain text and hits, with an ellipsis where the passage goes on. */
export function snippetParts(snippet: Snippet): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (text !== '') parts.push({ text, hit });
  };
  let at = 0;
  for (const [from, to] of snippet.highlights) {
    push(snippet.text.slice(at, from), false);
    push(snippet.text.slice(from, to), true);
    at = to;
  }
  push(snippet.text.slice(at), false);
  if (snippet.clippedStart) parts.unshift({ text: '… ', hit: false });
  if (snippet.clippedEnd) parts.push({ text: ' …', hit: false });
  return parts;
}
