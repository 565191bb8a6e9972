import type { SourceId } from '../../core/model/ids';
import { meetsSourceCriteria, type SourceCriteria } from '../../core/search/source-criteria';
import type { ApiParsedInput } from '../../shared/api-contract';
import type { SourceLibrary } from '../sources/source-library';

type SearchInput = ApiParsedInput<'search.query'>;

/** Passages returned when the query does not say how many. */
export const DEFAULT_PASSAGE_LIMIT = 50;

/** The sources the filter's source criteria (sources, kinds, formats, dates) admit; null when it has none. */
export async function admittedSources(library: SourceLibrary, filter: SearchInput['filter']): Promise<ReadonlySet<SourceId> | null> {
  if (filter === undefined) return null;
  const { sourceIds, kinds, formats, from, to } = filter;
  const criteria: SourceCriteria = {
    ...(sourceIds === undefined ? {} : { sourceIds }),
    ...(kinds === undefined ? {} : { kinds }),
    ...(formats === undefined ? {} : { formats }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
  if (Object.keys(criteria).length === 0) return null;
  const admitted = new Set<SourceId>();
  for (const summary of await library.list()) {
    const facts = { id: summary.id, kind: summary.kind, format: summary.imported?.format ?? null, isoDate: summary.isoDate };
    if (meetsSourceCriteria(facts, criteria)) admitted.add(summary.id);
  }
  return admitted;
}
