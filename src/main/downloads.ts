import { app, type Session } from 'electron';
import { join } from 'node:path';

/**
 * Exports (Markdown memos, W3C JSON-LD, CSV) leave the renderer as ordinary downloads, the same way
 * in both shells. In Electron, a download with no save path set makes Electron show the native
 * Save dialog; this only proposes the export's own file name in the person's Documents folder.
 */
export function saveDownloadsWithDialog(session: Session): void {
  session.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({
      title: 'Save export',
      defaultPath: join(app.getPath('documents'), item.getFilename()),
    });
  });
}
