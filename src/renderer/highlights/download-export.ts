import type { SourceId } from '../../core/model/ids';
import type { NotebookApi } from '../../shared/api-contract';

export type ExportFormat = 'w3c' | 'csv';

export const EXPORT_LABELS: Readonly<Record<ExportFormat, string>> = { w3c: 'W3C Web Annotation (JSON-LD)', csv: 'CSV' };

/**
 * Asks the notebook for the highlights of the sources named (all when none) in `format` and hands
 * the file to the browser as a download. Resolves with null, or with why it could not.
 */
export async function downloadExport(api: NotebookApi, format: ExportFormat, sourceIds?: readonly SourceId[]): Promise<string | null> {
  const result = await api.call('export.highlights', sourceIds ? { format, sourceIds: [...sourceIds] } : { format });
  if (!result.ok) return `The highlights could not be exported: ${result.error.message}`;
  const { fileName, mediaType, content } = result.value;
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, which starts the download from the URL.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return null;
}
