import type { StoreNotice } from '../../shared/api-contract';
import type { MovedStoreFile, StoreNoticeListener } from '../store/json-document';
import { backupTime, type Backups } from './backups';

/**
 * Collects the notices of a run into `notices`, and to each file moved aside adds the newest backup
 * holding a usable copy of it, so the person is offered to restore it. The look-up reads the
 * backups, so it finishes after the notice is given: `settled` waits for it.
 */
export class BackupOffers {
  readonly #pending = new Set<Promise<void>>();

  constructor(
    private readonly backups: Backups,
    private readonly notices: StoreNotice[],
  ) {}

  readonly listener: StoreNoticeListener = (notice, moved) => {
    this.notices.push(notice);
    if (moved !== undefined) this.#offer(notice, moved);
  };

  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  #offer(notice: StoreNotice, moved: MovedStoreFile): void {
    const lookup = this.backups.usableCopy(moved).then((backup) => {
      const at = this.notices.indexOf(notice);
      if (backup === null || at === -1) return;
      this.notices[at] = {
        ...notice,
        message: `${notice.message} The backup of ${backupTime(backup.takenAt)} has a readable copy of ${moved.file}: restoring it brings the whole notebook back to that time.`,
        backup: { id: backup.id, takenAt: backup.takenAt },
      };
    });
    this.#pending.add(lookup);
    void lookup.finally(() => this.#pending.delete(lookup));
  }
}
