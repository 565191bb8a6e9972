import type { CharOffset, SourceId } from '../../core/model/ids';
import type { LoadedSource, NotebookApi } from '../../shared/api-contract';
import { ok, type ApiResult } from '../../shared/api-result';

/** A source ready for the reader, with where the person last was in it. */
export interface OpenedSource {
  readonly source: LoadedSource;
  /** Null when the source was never opened, or its position could not be read. */
  readonly position: CharOffset | null;
  /** Why the position could not be read; the source still opens, at the top. */
  readonly positionProblem: string | null;
}

/**
 * Fetches a source and its reading position together, so the reader renders once, already
 * knowing where to scroll (and whether the position lies in a section it must first expand).
 */
export async function openSource(api: NotebookApi, id: SourceId): Promise<ApiResult<OpenedSource>> {
  const [source, position] = await Promise.all([api.call('sources.get', { sourceId: id }), api.call('reading.get', { sourceId: id })]);
  if (!source.ok) return source;
  if (!position.ok) return ok({ source: source.value, position: null, positionProblem: position.error.message });
  const offset = position.value?.offset ?? null;
  // A position beyond the text (the source changed since) would point nowhere; start at the top.
  const usable = offset !== null && offset <= source.value.text.length ? offset : null;
  return ok({ source: source.value, position: usable, positionProblem: null });
}
