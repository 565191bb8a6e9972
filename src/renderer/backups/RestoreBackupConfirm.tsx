import { useState } from 'react';
import type { BackupId } from '../../core/model/ids';
import type { NotebookApi } from '../../shared/api-contract';
import { ConfirmDialog } from '../controls/ConfirmDialog';
import { backupDate } from './describe-backup';

interface RestoreBackupConfirmProps {
  readonly api: NotebookApi;
  readonly backup: { readonly id: BackupId; readonly takenAt: string };
  readonly onCancel: () => void;
}

/**
 * Asks before replacing the whole notebook with a backup, then restores it and reloads the window,
 * since every part of it (sources, highlights, tags, memos) may have changed.
 */
export function RestoreBackupConfirm({ api, backup, onCancel }: RestoreBackupConfirmProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const date = backupDate(backup.takenAt);

  const restore = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api.call('backups.restore', { backupId: backup.id });
    if (result.ok) {
      window.location.reload();
      return;
    }
    setBusy(false);
    setProblem(result.error.message);
  };

  return (
    <ConfirmDialog title={`Restore the backup from ${date}?`} choices={[{ label: busy ? 'Restoring…' : 'Restore', onChoose: () => void restore() }]} onCancel={onCancel}>
      <p>
        The whole notebook — highlights, tags, memos, reading positions — becomes as it was on {date}. A safety backup of the notebook as it is now is taken
        first, so restoring that one undoes this.
      </p>
      {problem && (
        <p className="dialog-problem" role="alert">
          The backup was not restored: {problem}
        </p>
      )}
    </ConfirmDialog>
  );
}
