import type { SourceId } from '../../core/model/ids';
import type { NotebookApi } from '../../shared/api-contract';
import { downloadFile } from '../controls/download-file';

export type ExportFormat = 'w3c' | 'csv';

export const EXPORT_LABELS: Readonly<Record<ExportFormat, string>> = { w3c: 'W3C Web Annotation (JSON-LD)', csv: 'CSV' };

/**
 * Asks the notebook for the highlights of the sources named (all when none) in `format` and hands
 * the file to the browser as a download. Resolves with null, or with why it could not.
 */
export async function downloadExport(api: NotebookApi, format: ExportFormat, sourceIds?: readonly SourceId[]): Promise<string | null> {
  const result = await api.call('export.highlights', sourceIds ? { format, sourceIds: [...sourceIds] } : { format });
  if (!result.ok) return `The highlights could not be exported: ${result.error.message}`;
  downloadFile(result.value);
  return null;
}
