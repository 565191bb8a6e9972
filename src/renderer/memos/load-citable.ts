import type { HighlightId } from '../../core/model/ids';
import type { CitationAttrs, CitationDisplay } from '../../core/model/memo';
import type { NotebookApi } from '../../shared/api-contract';
import { fail, ok, type ApiResult } from '../../shared/api-result';
import type { CitableHighlight } from './citable-highlights';

/** Every highlight of the library, in library order and then text order, as the `@` picker offers them. */
export async function loadCitable(api: NotebookApi): Promise<ApiResult<CitableHighlight[]>> {
  const [sources, tags] = await Promise.all([api.call('sources.list', {}), api.call('tags.list', {})]);
  if (!sources.ok) return sources;
  if (!tags.ok) return tags;
  const tagNames = new Map(tags.value.tags.map((tag) => [tag.id, tag.name]));
  const lists = await Promise.all(sources.value.map(async (source) => ({ source, list: await api.call('highlights.list', { sourceId: source.id }) })));
  const citable: CitableHighlight[] = [];
  for (const { source, list } of lists) {
    if (!list.ok) return list;
    for (const { highlight } of list.value) {
      citable.push({
        highlightId: highlight.id,
        sourceId: source.id,
        sourceTitle: source.title,
        quote: highlight.target.quote.exact,
        tagNames: highlight.tags.flatMap((t) => tagNames.get(t.tagId) ?? []),
      });
    }
  }
  return ok(citable);
}

/**
 * A citation of a highlight known only by its id (a card's "Cite in memo", a card dropped into the
 * memo): its passage as the source now has it, or, for one with no place in the text, its quote.
 */
export async function citationOf(api: NotebookApi, highlightId: HighlightId, display: CitationDisplay): Promise<ApiResult<CitationAttrs>> {
  const resolved = await api.call('citations.resolve', { highlightIds: [highlightId] });
  if (!resolved.ok) return resolved;
  const current = resolved.value[0];
  if (current === undefined || current.sourceId === null) return fail('not-found', 'That highlight no longer exists; it may have just been deleted.');
  if (current.quote !== null) return ok({ highlightId, display, quote: current.quote, sourceId: current.sourceId });
  const list = await api.call('highlights.list', { sourceId: current.sourceId });
  if (!list.ok) return list;
  const found = list.value.find((a) => a.highlight.id === highlightId);
  if (found === undefined) return fail('not-found', 'That highlight no longer exists; it may have just been deleted.');
  return ok({ highlightId, display, quote: found.highlight.target.quote.exact, sourceId: current.sourceId });
}
