import type { StoreNotice } from '../../shared/api-contract';
import { fail } from '../../shared/api-result';
import type { Dispatch } from '../dispatch';
import type { BackupActions } from './backup-handlers';
import type { BackupOffers } from './backup-offers';
import { backupTime, RestoreInterruptedError, type Backups } from './backups';
import { CallGate } from './call-gate';
import type { NotebookWrites } from './notebook-writes';

/** The store opened and the API wired to it: what a restore throws away and opens again. */
export interface NotebookSession {
  readonly dispatch: Dispatch;
  /** Resolves when every write queued so far has been answered. */
  settled(): Promise<void>;
}

export interface BackedUpSessionOptions {
  readonly backups: Backups;
  /** The changes made to the notebook's files, through the file system the store is opened with. */
  readonly writes: NotebookWrites;
  readonly offers: BackupOffers;
  /** The run's notices; a failed backup is reported here (one notice, the latest). */
  readonly notices: StoreNotice[];
  /** Opens the store and wires the API to it, with `actions` behind the backup methods. */
  readonly open: (actions: BackupActions) => Promise<NotebookSession>;
}

export interface BackedUpSession {
  readonly dispatch: Dispatch;
  /** Waits for a backup in progress and for every queued write. */
  close(): Promise<void>;
}

/** Methods that replace the store under every other call. */
const EXCLUSIVE_METHODS: ReadonlySet<string> = new Set(['backups.restore']);
/** Methods that tell of the backups: they wait for the one taken at start, so as to tell of it too. */
const AFTER_START_BACKUP: ReadonlySet<string> = new Set(['backups.list', 'notebook.status']);

/**
 * Opens the session and keeps the notebook backed up: once at start (unless a file had to be
 * quarantined, so that the backups offered are not pushed out by the damaged state), then at most
 * hourly after a call. The backup at start is taken beside the first calls, never before them, so
 * that a large notebook's backup does not delay the first source shown. A restore waits for the
 * calls running, swaps the store, and opens it again.
 */
export async function openBackedUpSession({ backups, writes, offers, notices, open }: BackedUpSessionOptions): Promise<BackedUpSession> {
  const gate = new CallGate();
  /** Set when a restore stopped part-way: nothing may write until the next start finishes it. */
  let halted: string | null = null;
  let hourly: Promise<void> | null = null;
  let atStart: Promise<void> | null = null;

  const backUp = async (take: () => Promise<unknown>): Promise<void> => {
    const earlier = notices.findIndex((notice) => notice.kind === 'backup-failed');
    if (earlier !== -1) notices.splice(earlier, 1);
    try {
      await take();
    } catch (error) {
      const message = `${error instanceof Error ? error.message : String(error)} The notebook itself is unaffected; Notebook tries again in an hour.`;
      notices.push({ kind: 'backup-failed', message, path: backups.folder });
    }
  };

  const actions: BackupActions = {
    list: async () => ({ folder: backups.folder, backups: await backups.list() }),
    restore: async (backupId) => {
      await session.settled();
      let report;
      try {
        report = await backups.restore(backupId);
      } catch (error) {
        if (error instanceof RestoreInterruptedError) halted = error.message;
        throw error;
      }
      try {
        session = await open(actions);
      } catch (error) {
        halted = `The backup of ${backupTime(report.restored.takenAt)} was restored, but the notebook could not be opened again: ${error instanceof Error ? error.message : String(error)} Close Notebook and start it again.`;
        throw error;
      }
      await offers.settled();
      return report;
    },
  };

  /**
   * Read between the calls and kept if no file changed meanwhile; a notebook written to at every
   * attempt is backed up as the hourly backup is, holding the calls back.
   */
  const backUpAtStart = async (): Promise<void> => {
    let gaveUp = false;
    await backUp(async () => {
      gaveUp = !(await backups.takeBesideCalls('open', () => gate.quiet(), writes));
    });
    if (gaveUp) {
      await gate.exclusive(async () => {
        await session.settled();
        await backUp(() => backups.take('open'));
      });
    }
  };

  let session = await open(actions);
  await offers.settled();
  // Counted as attempted from now, so that the first calls do not start an hourly backup beside it.
  backups.skipUntilDue();
  if (!notices.some((notice) => notice.kind === 'quarantined')) {
    atStart = backUpAtStart().finally(() => {
      atStart = null;
    });
  }

  return {
    dispatch: async (method, input) => {
      if (AFTER_START_BACKUP.has(method)) await atStart;
      if (halted !== null) return fail('storage-failed', halted);
      const call = () => session.dispatch(method, input);
      const result = await (EXCLUSIVE_METHODS.has(method) ? gate.exclusive(call) : gate.shared(call));
      await offers.settled();
      if (hourly === null && halted === null && backups.due) {
        hourly = gate
          .exclusive(async () => {
            await session.settled();
            await backUp(() => backups.take('hourly'));
          })
          .finally(() => {
            hourly = null;
          });
      }
      return result;
    },
    close: async () => {
      await atStart;
      await hourly;
      await session.settled();
    },
  };
}
