import type { ImportLimits } from '../../core/import/import-failure';
import type { SourceId } from '../../core/model/ids';
import type { ReplaceReport } from '../../shared/api-contract';
import { InvalidInputError, NotFoundError } from '../service-errors';
import type { ImportedSources } from '../sources/imported-sources';
import { anchoringReport, type ReplaceSourceParts } from '../sources/replace-source';
import type { Extraction } from './extraction-workers';
import type { ExtractorVersions } from './extractor-versions';

export interface ReextractParts extends ReplaceSourceParts {
  readonly imported: ImportedSources;
  readonly extraction: Extraction;
  readonly limits: ImportLimits;
  readonly extractorVersions: ExtractorVersions;
}

/**
 * sources.reextract: an imported source's original read again by the current converter, offered
 * when that converter is newer than the one that made the source's text. The new text replaces the
 * old (kept on disk) and the highlights are anchored in it, reported as sources.replace reports.
 */
export async function reextractSource(parts: ReextractParts, sourceId: SourceId): Promise<ReplaceReport> {
  const { library, imported, extraction, limits, extractorVersions, editor, store } = parts;
  const meta = await library.meta(sourceId);
  const record = imported.record(sourceId);
  if (record === undefined) throw new NotFoundError(`“${meta.title}” is a bundled source: it was not imported from a file, so there is nothing to extract again.`);
  const current = extractorVersions[record.format];
  if (record.extractorVersion >= current) {
    const issue = `sourceId: its text was made by the current converter (version ${current})`;
    throw new InvalidInputError(`“${meta.title}” was read by the current converter already; extracting it again would give the same text.`, [issue]);
  }
  const bytes = await imported.readOriginal(record);
  // Read outside the exclusive section: the file is read in a worker while the notebook stays usable.
  const extracted = await extraction.extract({ bytes, fileName: record.fileName, limits }, new AbortController().signal);
  return editor.exclusive(async () => {
    await store.load();
    const source = await library.replaceExtraction(sourceId, extracted.parsed, current);
    return anchoringReport(parts, source);
  });
}
