import type { ImportFormat } from '../import/extracted-source';
import type { SourceId } from '../model/ids';
import type { SourceKind } from '../model/source';

/**
 * Which sources a search looks in: chosen ones, of some kinds or file formats, dated within a
 * range. Every criterion left out admits every source.
 */
export interface SourceCriteria {
  readonly sourceIds?: readonly SourceId[];
  /** The kind the library shows for a bundled source (report, news article…). */
  readonly kinds?: readonly SourceKind[];
  /** The file an imported source came from (PDF, Word…); bundled sources have none. */
  readonly formats?: readonly ImportFormat[];
  /** ISO dates (YYYY, YYYY-MM or YYYY-MM-DD), inclusive; a source without a date is left out once either is set. */
  readonly from?: string;
  readonly to?: string;
}

export interface SourceFacts {
  readonly id: SourceId;
  readonly kind: SourceKind;
  readonly format: ImportFormat | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the source's date could not be read. */
  readonly isoDate: string | null;
}

/** The first and last day a date as precise as it is names ("2025-01": all of January). */
function period(date: string): readonly [string, string] {
  const [year = '', month, day] = date.split('-');
  if (day !== undefined) return [date, date];
  if (month !== undefined) return [`${year}-${month}-01`, `${year}-${month}-31`];
  return [`${year}-01-01`, `${year}-12-31`];
}

export function meetsSourceCriteria(source: SourceFacts, criteria: SourceCriteria): boolean {
  if (criteria.sourceIds !== undefined && !criteria.sourceIds.includes(source.id)) return false;
  if (criteria.kinds !== undefined && !criteria.kinds.includes(source.kind)) return false;
  if (criteria.formats !== undefined && (source.format === null || !criteria.formats.includes(source.format))) return false;
  if (criteria.from === undefined && criteria.to === undefined) return true;
  if (source.isoDate === null) return false;
  const [first, last] = period(source.isoDate);
  // The source's date, as precise as it is, overlaps the range.
  return (criteria.from === undefined || last >= period(criteria.from)[0]) && (criteria.to === undefined || first <= period(criteria.to)[1]);
}
