import type { ExportFile } from '../../shared/api-contract';

/**
 * Hands a file to the browser as a download (in Electron too, whose window downloads the same
 * way), under the name the notebook gave it. The content is a string, which a Blob always stores
 * as UTF-8, so the media type says so.
 */
export function downloadFile({ fileName, mediaType, content }: ExportFile): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click has been handled, which starts the download from the URL.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
