import { useCallback, useState } from 'react';
import type { BackupSummary, NotebookApi } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import { useApiResource } from '../app/use-api-resource';
import { Dialog } from '../controls/Dialog';
import { backupDate, backupDetails } from './describe-backup';
import { RestoreBackupConfirm } from './RestoreBackupConfirm';

interface BackupsDialogProps {
  readonly api: NotebookApi;
  readonly onClose: () => void;
}

/** The notebook's rolling backups, newest first, each one restorable after a confirmation. */
export function BackupsDialog({ api, onClose }: BackupsDialogProps) {
  const load = useCallback(() => api.call('backups.list', {}), [api]);
  const { resource, retry } = useApiResource(load);
  const [chosen, setChosen] = useState<BackupSummary | null>(null);

  return (
    <Dialog
      title="Backups"
      wide
      onCancel={onClose}
      actions={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      {resource.status === 'loading' && <p role="status">Reading the backups…</p>}
      {resource.status === 'failed' && <FailureNotice what="The backups could not be listed." error={resource.error} onRetry={retry} />}
      {resource.status === 'ready' && (
        <>
          <p className="dialog-body">
            Notebook backs itself up when it starts and every hour while in use, keeping the newest ten, in <code>{resource.value.folder}</code>.
          </p>
          {resource.value.backups.length === 0 ? (
            <p>There are no backups yet: the notebook had nothing in it when it last started.</p>
          ) : (
            <ul className="backup-list" aria-label="Backups, newest first">
              {resource.value.backups.map((backup) => (
                <li key={backup.id} className="backup-entry">
                  <div>
                    <time dateTime={backup.takenAt}>{backupDate(backup.takenAt)}</time>
                    <p className="backup-details">{backupDetails(backup)}</p>
                  </div>
                  <button type="button" className="button" aria-label={`Restore the backup from ${backupDate(backup.takenAt)}`} onClick={() => setChosen(backup)}>
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {chosen && <RestoreBackupConfirm api={api} backup={chosen} onCancel={() => setChosen(null)} />}
    </Dialog>
  );
}
