import type { Snippet } from '../../core/search/search-types';
import { snippetParts } from './snippet-parts';

/** A snippet with its hits marked. */
export function SnippetText({ snippet }: { readonly snippet: Snippet }) {
  return (
    <span className="snippet">
      {snippetParts(snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
