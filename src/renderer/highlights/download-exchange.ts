import type { MemoId } from '../../core/model/ids';
import type { ApiInput, NotebookApi } from '../../shared/api-contract';
import { downloadFile } from '../controls/download-file';

export type BibliographyFormat = ApiInput<'export.bibliography'>['format'];

/** The bibliography formats, as the "Download bibliography" menus name them. */
export const BIBLIOGRAPHY_LABELS: Readonly<Record<BibliographyFormat, string>> = { 'csl-json': 'CSL-JSON', ris: 'RIS', bibtex: 'BibTeX' };

/** What became of a download: why it could not be made, or what the file could not carry. */
export type DownloadOutcome = { readonly problem: string } | { readonly warnings: readonly string[] };

/** Downloads a bibliography of the library's sources, or of the sources a memo cites. */
export async function downloadBibliography(api: NotebookApi, format: BibliographyFormat, memoId?: MemoId): Promise<DownloadOutcome> {
  const result = await api.call('export.bibliography', memoId === undefined ? { format } : { format, memoId });
  if (!result.ok) return { problem: `The bibliography could not be exported: ${result.error.message}` };
  downloadFile(result.value);
  return { warnings: [] };
}

/** Downloads the notebook as a REFI-QDA project (.qdpx), with what it could not carry. */
export async function downloadRefiQdaProject(api: NotebookApi): Promise<DownloadOutcome> {
  const result = await api.call('export.refiQdaProject', {});
  if (!result.ok) return { problem: `The REFI-QDA project could not be exported: ${result.error.message}` };
  downloadFile(result.value);
  return { warnings: result.value.warnings };
}

/** Downloads the tags as a REFI-QDA codebook (.qdc). */
export async function downloadRefiQdaCodebook(api: NotebookApi): Promise<DownloadOutcome> {
  const result = await api.call('export.refiQdaCodebook', {});
  if (!result.ok) return { problem: `The codebook could not be exported: ${result.error.message}` };
  downloadFile(result.value);
  return { warnings: [] };
}
