import type { HighlightId, SourceId } from '../../core/model/ids';
import type { RelatedPassage } from '../../core/related/related-types';
import type { SharedTextPair } from '../../core/shared-text/shared-text-types';
import type { AnchoredHighlight, ApiParsedInput } from '../../shared/api-contract';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightService } from '../highlights/highlight-service';
import type { HighlightStore } from '../highlights/highlight-store';
import { ConflictError, InvalidInputError, NotFoundError } from '../service-errors';
import type { SourceLibrary } from '../sources/source-library';
import type { TagSet } from '../tags/tag-set';
import { groupTags } from './group-tags';
import type { SharedTextIndexWorker } from './shared-text-index-worker';

export interface SharedTextServiceParts {
  readonly library: SourceLibrary;
  readonly tagSet: TagSet;
  readonly store: HighlightStore;
  readonly anchored: AnchoredHighlights;
  /** Copies go through the highlight service, so they are saved and undone like any highlight. */
  readonly highlights: HighlightService;
  /** Holds the shared-text and related-passages indexes, off the thread answering API calls. */
  readonly sharedTextIndex: SharedTextIndexWorker;
}

/** sources.twins, passages.related and highlights.copyToTwin: what sources share and what they say alike. */
export class SharedTextService {
  constructor(private readonly parts: SharedTextServiceParts) {}

  async twins({ sourceId }: ApiParsedInput<'sources.twins'>): Promise<SharedTextPair[]> {
    const { library, sharedTextIndex } = this.parts;
    if (sourceId === undefined) return sharedTextIndex.twins(library, null);
    await library.meta(sourceId);
    return sharedTextIndex.twins(library, sourceId);
  }

  async related({ sourceId, start, end, limit }: ApiParsedInput<'passages.related'>): Promise<RelatedPassage[]> {
    const { text, meta } = await this.parts.library.get(sourceId);
    if (start >= end || end > text.length) {
      const issue = `start, end: must be a range of at least one character within the ${text.length} characters of “${meta.title}”`;
      throw new InvalidInputError(`The input of passages.related is not valid: ${issue}.`, [issue]);
    }
    const { library, tagSet, sharedTextIndex } = this.parts;
    return sharedTextIndex.related(library, await groupTags(tagSet), sourceId, start, end, limit === undefined ? {} : { limit });
  }

  async copyToTwin({ highlightId, targetSourceId }: ApiParsedInput<'highlights.copyToTwin'>): Promise<AnchoredHighlight> {
    const { library, store, anchored, highlights } = this.parts;
    const placed = await this.#placed(highlightId);
    const from = placed.highlight.target.sourceId;
    const target = await library.meta(targetSourceId);
    if (targetSourceId === from) {
      const issue = 'targetSourceId: must be another source than the highlight’s own';
      throw new InvalidInputError(`The input of highlights.copyToTwin is not valid: ${issue}.`, [issue]);
    }
    if (placed.start === null || placed.end === null || placed.status === 'orphan') {
      throw new ConflictError(`The highlight “${placed.highlight.target.quote.exact}” is no longer found in its source; place it again before copying it.`);
    }
    const range = await this.parts.sharedTextIndex.twinRange(library, from, targetSourceId, { start: placed.start, end: placed.end });
    if (range === null) {
      throw new ConflictError(`“${target.title}” does not have the passage “${placed.highlight.target.quote.exact}”, so the highlight was not copied.`);
    }
    const targetSource = await library.get(targetSourceId);
    if (anchored.place(targetSource, store.of(targetSourceId)).some((a) => a.start === range.start && a.end === range.end)) {
      throw new ConflictError(`“${target.title}” already has a highlight on “${placed.highlight.target.quote.exact}”, so it was not copied again.`);
    }
    const { color, tags, comment } = placed.highlight;
    const copy = await highlights.create({ sourceId: targetSourceId, start: range.start, end: range.end, color, tags: [...tags], comment });
    return copy;
  }

  async #placed(id: HighlightId): Promise<AnchoredHighlight> {
    const { library, store, anchored } = this.parts;
    await store.load();
    const highlight = store.find(id);
    if (highlight === undefined) throw new NotFoundError(`There is no highlight with id “${id}”; it may have been deleted. Reload the source and try again.`);
    const sourceId: SourceId = highlight.target.sourceId;
    const placed = anchored.place(await library.get(sourceId), store.of(sourceId)).find((a) => a.highlight.id === id);
    if (placed === undefined) throw new Error(`Highlight ${id} is not among the saved highlights of its source.`);
    return placed;
  }
}
