import { randomUUID } from 'node:crypto';
import { createPassageLocator } from '../../core/document/locate-passage';
import type { ExportResult } from '../../core/export/export-result';
import { toHighlightsCsv, type HighlightLocation } from '../../core/export/highlights-csv';
import { toAnnotationCollection } from '../../core/export/w3c-annotations';
import type { Highlight } from '../../core/model/highlight';
import type { HighlightId, SourceId } from '../../core/model/ids';
import type { AnchoredHighlight, ExportFile, LoadedSource } from '../../shared/api-contract';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightStore } from '../highlights/highlight-store';
import { ConflictError } from '../service-errors';
import type { SourceLibrary } from '../sources/source-library';
import type { TagSet } from '../tags/tag-set';

export interface ExportServiceParts {
  readonly library: SourceLibrary;
  readonly tagSet: TagSet;
  readonly store: HighlightStore;
  readonly anchored: AnchoredHighlights;
  readonly now: () => Date;
}

export type HighlightExportFormat = 'w3c' | 'csv';

interface ExportedSource {
  readonly source: LoadedSource;
  /** The source's highlights in text order, each with where it now stands. */
  readonly highlights: readonly AnchoredHighlight[];
}

/** "2026-11-22": the day of the export where the person is, for the file name. */
export function localDay(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/**
 * export.highlights: the highlights of every source (or the ones named), source by source in
 * library order and each source's in text order, as they are stored: a highlight awaiting review
 * is exported with the quote it was made on, never with a passage it was not confirmed on.
 */
export class ExportService {
  constructor(private readonly parts: ExportServiceParts) {}

  async highlights(format: HighlightExportFormat, sourceIds?: readonly SourceId[]): Promise<ExportFile> {
    const { library, tagSet, store, anchored, now } = this.parts;
    await Promise.all([tagSet.ready(), store.load()]);
    const chosen = sourceIds === undefined ? (await library.manifest()).map((m) => m.id) : [...new Set(sourceIds)];
    const sources: ExportedSource[] = [];
    for (const id of chosen) {
      const source = await library.get(id);
      sources.push({ source, highlights: anchored.inTextOrder(source, store.of(id)) });
    }
    const highlights = sources.flatMap((s) => s.highlights.map((a) => a.highlight));
    const at = now();
    const fileName = `notebook-highlights-${localDay(at)}`;
    if (format === 'csv') {
      const csv = toHighlightsCsv(highlights, { sources: sources.map((s) => s.source.meta), tags: tagSet.tags, locate: locator(sources) });
      return { fileName: `${fileName}.csv`, mediaType: 'text/csv', content: exportedValue(csv) };
    }
    const collection = toAnnotationCollection(highlights, {
      sources: sources.map((s) => s.source),
      tags: tagSet.tags,
      families: tagSet.families,
      exportedAt: at.toISOString(),
      baseIri: `urn:notebook:export:${randomUUID()}`,
    });
    return { fileName: `${fileName}.jsonld`, mediaType: 'application/ld+json', content: `${JSON.stringify(exportedValue(collection), null, 2)}\n` };
  }
}

/**
 * Where each highlight is, by section and paragraph (or printed pages) of its source's current
 * text. The stored position may point elsewhere after a replaced text, so the highlight is
 * located where it now stands, start to end; an orphan has no location.
 */
function locator(sources: readonly ExportedSource[]): (highlight: Highlight) => HighlightLocation | null {
  const located = new Map<HighlightId, HighlightLocation | null>();
  for (const { source, highlights } of sources) {
    const locate = createPassageLocator(source);
    for (const { highlight, start, end } of highlights) located.set(highlight.id, start === null || end === null ? null : locate(start, end));
  }
  return (highlight) => located.get(highlight.id) ?? null;
}

/** The export, or the failure as an error whose sentence says what to fix. */
function exportedValue<T>(result: ExportResult<T>): T {
  if (result.ok) return result.value;
  // A highlight naming a tag that is gone is the notebook's state, which the person can fix;
  // anything else (a malformed date or name) is a bug of this build.
  if (result.error.code === 'unknown-tag') throw new ConflictError(result.error.message);
  throw new Error(result.error.message);
}
