import type { ImportFormat } from '../../core/import/extracted-source';
import { ANY_GRADE, type GradeFilter } from '../../core/model/grade-filter';
import type { SourceId, TagId } from '../../core/model/ids';
import type { SourceKind } from '../../core/model/source';
import type { ApiInput } from '../../shared/api-contract';

/** The library's badge a source is filtered by: its kind when bundled, its file format when imported. */
export type FormatChoice = { readonly kind: SourceKind } | { readonly format: ImportFormat };

/** What the person asked for in the search panel or the search view. */
export interface SearchRequest {
  readonly query: string;
  readonly expandAliases: boolean;
  readonly disabledGroups: readonly TagId[];
  readonly highlightedOnly: boolean;
  readonly tagId: TagId | null;
  /** Only passages graded this well (see GradeFilter); any when both halves are null. */
  readonly grade: GradeFilter;
  readonly sourceId: SourceId | null;
  readonly format: FormatChoice | null;
  /** YYYY-MM-DD, or '' for no bound. */
  readonly from: string;
  readonly to: string;
}

export const EMPTY_REQUEST: SearchRequest = {
  query: '',
  expandAliases: true,
  disabledGroups: [],
  highlightedOnly: false,
  tagId: null,
  grade: ANY_GRADE,
  sourceId: null,
  format: null,
  from: '',
  to: '',
};

/** Whether any filter narrows the search (the query and the alias choices aside). */
export const isFiltered = (request: SearchRequest): boolean => searchFilter(request) !== undefined;

function searchFilter(request: SearchRequest): NonNullable<ApiInput<'search.query'>['filter']> | undefined {
  const { tagId, highlightedOnly, grade, sourceId, format, from, to } = request;
  const filter = {
    ...(tagId !== null ? { tagId } : highlightedOnly ? { highlighted: true } : {}),
    ...(grade.maxCredibility !== null ? { maxCredibility: grade.maxCredibility } : {}),
    ...(grade.minReliability !== null ? { minReliability: grade.minReliability } : {}),
    ...(sourceId !== null ? { sourceIds: [sourceId] } : {}),
    ...(format !== null ? ('kind' in format ? { kinds: [format.kind] } : { formats: [format.format] }) : {}),
    ...(from !== '' ? { from } : {}),
    ...(to !== '' ? { to } : {}),
  };
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/** The search.query input for a request; a page of its passages when `page` is given. */
export function searchInput(request: SearchRequest, page?: { readonly offset: number; readonly limit: number }): ApiInput<'search.query'> {
  const filter = searchFilter(request);
  return {
    query: request.query,
    expandAliases: request.expandAliases,
    disabledGroups: [...request.disabledGroups],
    ...(filter ? { filter } : {}),
    ...(page ?? {}),
  };
}
