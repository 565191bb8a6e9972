import { meetsCredibility, meetsReliability } from '../../core/model/grades';
import type { Highlight } from '../../core/model/highlight';
import type { SourceMeta } from '../../core/model/source';
import { createSearchIndex, type SearchIndex } from '../../core/search/search-index';
import type { SearchOptions, SearchResult } from '../../core/search/search-types';
import type { ApiParsedInput } from '../../shared/api-contract';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightStore } from '../highlights/highlight-store';
import { NotFoundError } from '../service-errors';
import type { SourceLibrary } from '../sources/source-library';
import type { TagSet } from '../tags/tag-set';
import { groupTags } from './group-tags';
import { highlightedHits } from './highlighted-ranges';
import { LibraryIndex } from './library-index';

export interface SearchServiceParts {
  readonly library: SourceLibrary;
  readonly tagSet: TagSet;
  readonly store: HighlightStore;
  readonly anchored: AnchoredHighlights;
}

/**
 * search.query over every source. The index lives in this process and is built at the first
 * query: the bundled sources are read and indexed in some 30 ms, so it stays on the main thread.
 * A 100 MB library takes seconds (bench/search.bench.ts), which would call for a worker thread.
 * A group tag's name and aliases, as the tag set has them when the query runs, form its alias group.
 */
export class SearchService {
  readonly #index: LibraryIndex<SearchIndex>;

  constructor(private readonly parts: SearchServiceParts) {
    this.#index = new LibraryIndex(parts.library, createSearchIndex());
  }

  async query(input: ApiParsedInput<'search.query'>): Promise<SearchResult> {
    const [index, groups] = await Promise.all([this.#index.current(), groupTags(this.parts.tagSet)]);
    const options: SearchOptions = {
      aliasGroups: groups.map((tag) => ({ id: tag.id, aliases: [tag.name, ...tag.aliases] })),
      expandAliases: input.expandAliases ?? true,
      disabledAliasGroups: new Set(input.disabledGroups ?? []),
      ...(input.limit === undefined ? {} : { limit: input.limit }),
    };
    const tagId = input.filter?.tagId ?? null;
    if (tagId !== null && !this.parts.tagSet.tagsById().has(tagId)) {
      throw new NotFoundError(`There is no tag with id “${tagId}” to filter by; it may have been deleted. Choose another tag or clear the filter.`);
    }
    const maxCredibility = input.filter?.maxCredibility ?? null;
    const minReliability = input.filter?.minReliability ?? null;
    const onHighlights = tagId !== null || maxCredibility !== null || input.filter?.highlighted === true;
    if (!onHighlights && minReliability === null) return index.search(input.query, options);
    const carries = (highlight: Highlight): boolean =>
      (tagId === null || highlight.tags.some((tag) => tag.tagId === tagId)) && (maxCredibility === null || meetsCredibility(highlight.credibility, maxCredibility));
    const admits = (source: SourceMeta): boolean => minReliability === null || meetsReliability(source.reliability, minReliability);
    return index.search(input.query, { ...options, filter: await highlightedHits(this.parts, { carries: onHighlights ? carries : null, admits }) });
  }
}
