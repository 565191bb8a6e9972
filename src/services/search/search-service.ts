import { meetsCredibility, meetsReliability } from '../../core/model/grades';
import type { Highlight } from '../../core/model/highlight';
import type { SourceMeta } from '../../core/model/source';
import type { SearchOptions, SearchResult } from '../../core/search/search-types';
import type { ApiParsedInput } from '../../shared/api-contract';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightStore } from '../highlights/highlight-store';
import { NotFoundError } from '../service-errors';
import type { SourceLibrary } from '../sources/source-library';
import type { TagSet } from '../tags/tag-set';
import { groupTags } from './group-tags';
import { highlightedHits } from './highlighted-ranges';
import type { SearchIndexWorker } from './search-index-worker';
import { admittedSources, DEFAULT_PASSAGE_LIMIT } from './search-listing';

export interface SearchServiceParts {
  readonly library: SourceLibrary;
  readonly tagSet: TagSet;
  readonly store: HighlightStore;
  readonly anchored: AnchoredHighlights;
  /** Holds the index, in a worker thread. */
  readonly searchIndex: SearchIndexWorker;
}

/**
 * search.query over every source. The index lives in a worker thread (search-index-worker.ts),
 * saved under the data folder and updated source by source as texts are added, replaced or
 * removed; while it is being built a query answers from what is indexed and names the rest.
 * A group tag's name and aliases, as the tag set has them when the query runs, form its alias group.
 */
export class SearchService {
  constructor(private readonly parts: SearchServiceParts) {}

  async query(input: ApiParsedInput<'search.query'>): Promise<SearchResult> {
    const groups = await groupTags(this.parts.tagSet);
    const options: Omit<SearchOptions, 'filter'> = {
      aliasGroups: groups.map((tag) => ({ id: tag.id, aliases: [tag.name, ...tag.aliases] })),
      expandAliases: input.expandAliases ?? true,
      disabledAliasGroups: new Set(input.disabledGroups ?? []),
      // The worker ranks and pages (arrange-results.ts), so only the page's passages get snippets.
      limit: input.limit ?? DEFAULT_PASSAGE_LIMIT,
      page: input.offset === undefined ? {} : { offset: input.offset },
    };
    const tagId = input.filter?.tagId ?? null;
    if (tagId !== null && !this.parts.tagSet.tagsById().has(tagId)) {
      throw new NotFoundError(`There is no tag with id “${tagId}” to filter by; it may have been deleted. Choose another tag or clear the filter.`);
    }
    const maxCredibility = input.filter?.maxCredibility ?? null;
    const minReliability = input.filter?.minReliability ?? null;
    const onHighlights = tagId !== null || maxCredibility !== null || input.filter?.highlighted === true;
    const admitted = await admittedSources(this.parts.library, input.filter);
    if (!onHighlights && minReliability === null && admitted === null) return this.parts.searchIndex.search(this.parts.library, input.query, options, null);
    const carries = (highlight: Highlight): boolean =>
      (tagId === null || highlight.tags.some((tag) => tag.tagId === tagId)) && (maxCredibility === null || meetsCredibility(highlight.credibility, maxCredibility));
    const admits = (source: SourceMeta): boolean =>
      (minReliability === null || meetsReliability(source.reliability, minReliability)) && (admitted === null || admitted.has(source.id));
    const hitRanges = await highlightedHits(this.parts, { carries: onHighlights ? carries : null, admits });
    return this.parts.searchIndex.search(this.parts.library, input.query, options, hitRanges);
  }
}
