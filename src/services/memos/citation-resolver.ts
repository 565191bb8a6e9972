import { createPassageLocator, locatePassage } from '../../core/document/locate-passage';
import { livePassage, type CitedPassage } from '../../core/memo/cited-passage';
import { describeLocation } from '../../core/memo/describe-location';
import type { VaultSource } from '../../core/memo/memo-to-obsidian';
import { gradeMark, type Reliability } from '../../core/model/grades';
import type { Highlight } from '../../core/model/highlight';
import type { HighlightId, SourceId } from '../../core/model/ids';
import type { CitationAttrs } from '../../core/model/memo';
import type { AnchoredHighlight, LoadedSource, ResolvedCitation } from '../../shared/api-contract';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightStore } from '../highlights/highlight-store';
import type { SourceLibrary } from '../sources/source-library';
import type { TagSet } from '../tags/tag-set';

export interface CitationResolverParts {
  readonly library: SourceLibrary;
  readonly tagSet: TagSet;
  readonly store: HighlightStore;
  readonly anchored: AnchoredHighlights;
}

/** A cited highlight whose source was removed from the library. */
interface Removed {
  readonly highlight: Highlight;
  readonly title: string | null;
  readonly reliability: Reliability | null;
}

/** A cited highlight that still exists, where it stands in its source's current text. */
interface Found {
  readonly anchored: AnchoredHighlight;
  readonly source: LoadedSource;
}

/**
 * What citations refer to now: each cited highlight looked up and anchored against its source's
 * current text exactly as the highlights list anchors it, so a citation shows what the reader shows.
 */
export class CitationResolver {
  constructor(private readonly parts: CitationResolverParts) {}

  /** One ResolvedCitation per id, in the order given. */
  async resolve(ids: readonly HighlightId[]): Promise<ResolvedCitation[]> {
    const { found, removed } = await this.#find(ids);
    return ids.map((id) => {
      const hit = found.get(id);
      const gone = removed.get(id);
      if (gone !== undefined) {
        const { highlight, title, reliability } = gone;
        const grade = gradeMark(reliability, highlight.credibility);
        return { highlightId: id, state: 'source-removed', quote: highlight.target.quote.exact, sourceId: highlight.target.sourceId, sourceTitle: title, start: null, end: null, location: null, grade };
      }
      if (hit === undefined) return { highlightId: id, state: 'deleted', quote: null, sourceId: null, sourceTitle: null, start: null, end: null, location: null, grade: null };
      const { anchored, source } = hit;
      const { meta, text } = source;
      const grade = gradeMark(meta.reliability, anchored.highlight.credibility);
      if (anchored.start === null || anchored.end === null || anchored.status === 'orphan') {
        return { highlightId: id, state: 'orphan', quote: null, sourceId: meta.id, sourceTitle: meta.title, start: null, end: null, location: null, grade };
      }
      return {
        highlightId: id,
        state: anchored.status === 'review' ? 'review' : 'live',
        quote: text.slice(anchored.start, anchored.end),
        sourceId: meta.id,
        sourceTitle: meta.title,
        start: anchored.start,
        end: anchored.end,
        location: describeLocation(locatePassage(source, anchored.start, anchored.end), meta.title),
        grade,
      };
    });
  }

  /**
   * The passage of each citation, for the Markdown export: quoted from the current text when its
   * highlight anchors there; otherwise the last quote known (the highlight's own for one that needs
   * review or is orphaned, the citation's for one deleted).
   */
  async passages(citations: readonly CitationAttrs[]): Promise<(citation: CitationAttrs) => CitedPassage> {
    const { library, tagSet } = this.parts;
    const [{ found, removed }] = await Promise.all([this.#find(citations.map((c) => c.highlightId)), tagSet.ready()]);
    const manifest = await library.everySource();
    const tagsById = tagSet.tagsById();
    const tagNames = (highlight: Highlight): string[] => highlight.tags.flatMap((t) => tagsById.get(t.tagId)?.name ?? []);
    return (citation) => {
      const hit = found.get(citation.highlightId);
      const gone = removed.get(citation.highlightId);
      if (gone !== undefined) {
        const source = manifest.find((meta) => meta.id === gone.highlight.target.sourceId) ?? null;
        return { state: 'source-removed', highlightId: citation.highlightId, sourceId: gone.highlight.target.sourceId, source, quote: gone.highlight.target.quote.exact, tags: tagNames(gone.highlight) };
      }
      if (hit === undefined) {
        const source = manifest.find((meta) => meta.id === citation.sourceId) ?? null;
        return { state: 'deleted', highlightId: citation.highlightId, sourceId: citation.sourceId, source, quote: citation.quote, tags: [] };
      }
      const { anchored, source } = hit;
      const { highlight, status, start, end } = anchored;
      const tags = tagNames(highlight);
      if ((status === 'exact' || status === 'fuzzy') && start !== null && end !== null) {
        return livePassage(highlight.id, source.meta, source, { start, end }, tags, highlight.credibility);
      }
      const state = status === 'review' ? 'review' : 'orphan';
      return { state, highlightId: highlight.id, sourceId: source.meta.id, source: source.meta, quote: highlight.target.quote.exact, tags };
    };
  }

  /**
   * Each source named that the library still lists, with every one of its highlights in text order
   * (for the Obsidian export's source notes): the passage as it stands now, or the quote it was
   * made on when it is no longer found, with its location, tags, comment and grade.
   */
  async vaultSources(sourceIds: readonly SourceId[]): Promise<VaultSource[]> {
    const { library, tagSet, store, anchored } = this.parts;
    await Promise.all([store.load(), tagSet.ready()]);
    const tagsById = tagSet.tagsById();
    const listed = new Set((await library.manifest()).map((meta) => meta.id));
    const sources: VaultSource[] = [];
    for (const sourceId of new Set(sourceIds)) {
      if (!listed.has(sourceId)) continue;
      const source = await library.get(sourceId);
      const locate = createPassageLocator(source);
      const highlights = anchored.inTextOrder(source, store.of(sourceId)).map(({ highlight, status, start, end }) => {
        const found = status !== 'orphan' && start !== null && end !== null;
        return {
          highlightId: highlight.id,
          // A passage awaiting review is quoted as it was confirmed, not from a candidate nobody confirmed.
          quote: found && status !== 'review' ? source.text.slice(start, end) : highlight.target.quote.exact,
          location: found ? describeLocation(locate(start, end), source.meta.title) : null,
          review: status === 'review',
          tags: highlight.tags.flatMap((t) => tagsById.get(t.tagId)?.name ?? []),
          comment: highlight.comment,
          grade: gradeMark(source.meta.reliability, highlight.credibility),
        };
      });
      sources.push({ meta: source.meta, highlights });
    }
    return sources;
  }

  /**
   * The cited highlights that still exist, each anchored with the rest of its source; apart, those
   * whose source was removed from the library (with its last title).
   */
  async #find(ids: readonly HighlightId[]): Promise<{ found: Map<HighlightId, Found>; removed: Map<HighlightId, Removed> }> {
    const { library, store, anchored } = this.parts;
    await store.load();
    const wanted = new Set(ids);
    const sourceIds = new Set<SourceId>();
    for (const id of wanted) {
      const highlight = store.find(id);
      if (highlight !== undefined) sourceIds.add(highlight.target.sourceId);
    }
    const found = new Map<HighlightId, Found>();
    const removed = new Map<HighlightId, Removed>();
    const everySource = await library.everySource();
    const listed = new Set((await library.manifest()).map((meta) => meta.id));
    for (const sourceId of sourceIds) {
      if (!listed.has(sourceId)) {
        const last = everySource.find((meta) => meta.id === sourceId);
        const title = last?.title ?? null;
        const reliability = last?.reliability ?? null;
        for (const highlight of store.of(sourceId)) if (wanted.has(highlight.id)) removed.set(highlight.id, { highlight, title, reliability });
        continue;
      }
      const source = await library.get(sourceId);
      for (const placed of anchored.place(source, store.of(sourceId))) {
        if (wanted.has(placed.highlight.id)) found.set(placed.highlight.id, { anchored: placed, source });
      }
    }
    return { found, removed };
  }
}
