import type { BackupId } from '../../core/model/ids';
import type { BackupList, RestoreReport } from '../../shared/api-contract';
import type { ApiHandlers } from '../dispatch';

/** What the backup methods do; a restore also reopens the store, so openNotebook provides it. */
export interface BackupActions {
  list(): Promise<BackupList>;
  restore(backupId: BackupId): Promise<RestoreReport>;
}

export function createBackupHandlers(actions: BackupActions): Pick<ApiHandlers, 'backups.list' | 'backups.restore'> {
  return {
    'backups.list': () => actions.list(),
    'backups.restore': ({ backupId }) => actions.restore(backupId),
  };
}
