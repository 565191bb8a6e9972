import type { BackupSummary } from '../../shared/api-contract';

// Backups can be minutes apart, so their times are told to the second.
const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** When a backup was taken, as the person's locale writes it; the ISO text itself if it cannot be read. */
export function backupDate(takenAt: string): string {
  const time = new Date(takenAt);
  return Number.isNaN(time.getTime()) ? takenAt : format.format(time);
}

const REASONS: Record<BackupSummary['reason'], string> = {
  open: 'taken at start',
  hourly: 'hourly',
  'before-restore': 'the notebook just before a restore',
};

/** "12 files, 48.2 KB, taken at start" */
export function backupDetails({ files, bytes, reason }: Pick<BackupSummary, 'files' | 'bytes' | 'reason'>): string {
  return `${files === 1 ? '1 file' : `${files} files`}, ${formatBytes(bytes)}, ${REASONS[reason]}`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
