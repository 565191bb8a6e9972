import type { SourceId } from '../../core/model/ids';
import type { Block } from '../../core/model/source';
import type { Mention, NotebookApi } from '../../shared/api-contract';
import { ok, type ApiResult } from '../../shared/api-result';

export interface MentionSource {
  readonly title: string;
  readonly text: string;
  readonly blocks: readonly Block[];
}

export interface MentionsFound {
  readonly mentions: readonly Mention[];
  /** The sources the mentions are in, to show and highlight each mention's sentence. */
  readonly sources: ReadonlyMap<SourceId, MentionSource>;
}

/**
 * Every mention no highlight accounts for yet, with the current texts of the sources they are in
 * (read each time: a source replaced by a new version has other sentences).
 */
export async function loadMentions(api: NotebookApi): Promise<ApiResult<MentionsFound>> {
  const found = await api.call('mentions.list', {});
  if (!found.ok) return found;
  const ids = [...new Set(found.value.map((m) => m.sourceId))];
  const loaded = await Promise.all(ids.map((sourceId) => api.call('sources.get', { sourceId })));
  const sources = new Map<SourceId, MentionSource>();
  for (const result of loaded) {
    if (!result.ok) return result;
    const { meta, text, blocks } = result.value;
    sources.set(meta.id, { title: meta.title, text, blocks });
  }
  return ok({ mentions: found.value, sources });
}
