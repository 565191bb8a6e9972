import { useCallback, useState } from 'react';
import type { NotebookApi, StoreNotice } from '../../shared/api-contract';
import { backupDate } from '../backups/describe-backup';
import { RestoreBackupConfirm } from '../backups/RestoreBackupConfirm';
import { FailureNotice } from './FailureNotice';
import { useApiResource } from './use-api-resource';

/**
 * What the notebook must tell the person on start, e.g. that a damaged store file was moved aside
 * and where its bytes were kept, with the backup that can bring it back. Shown until dismissed.
 */
export function StoreNotices({ api }: { readonly api: NotebookApi }) {
  const load = useCallback(() => api.call('notebook.status', {}), [api]);
  const { resource, retry } = useApiResource(load);
  const [dismissed, setDismissed] = useState(false);
  const [restoring, setRestoring] = useState<NonNullable<StoreNotice['backup']> | null>(null);

  if (dismissed || resource.status === 'loading') return null;
  if (resource.status === 'failed') {
    return (
      <div className="notices">
        <FailureNotice what="Notebook could not report on its store." error={resource.error} onRetry={retry} />
      </div>
    );
  }
  const { notices } = resource.value;
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      <ul className="notice-list">
        {notices.map((notice) => (
          <li key={`${notice.kind}:${notice.path}`}>
            <p className="notice-message">{notice.message}</p>
            <p className="notice-path">
              <code>{notice.path}</code>
            </p>
            {notice.backup && (
              <div className="notice-actions">
                <button type="button" className="button button-primary" onClick={() => setRestoring(notice.backup ?? null)}>
                  Restore backup from {backupDate(notice.backup.takenAt)}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
      {restoring && <RestoreBackupConfirm api={api} backup={restoring} onCancel={() => setRestoring(null)} />}
    </div>
  );
}
