import type { ExportFile } from '../../shared/api-contract';

/**
 * Hands a file to the browser as a download (in Electron too, whose window downloads the same
 * way), under the name the notebook gave it. Text content is stored by a Blob as UTF-8, so the
 * media type says so; base64 content (an original file) is handed over byte for byte.
 */
export function downloadFile({ fileName, mediaType, content, encoding }: ExportFile): void {
  const blob =
    encoding === 'base64'
      ? new Blob([Uint8Array.from(atob(content), (c) => c.charCodeAt(0))], { type: mediaType })
      : new Blob([content], { type: `${mediaType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click has been handled, which starts the download from the URL.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
