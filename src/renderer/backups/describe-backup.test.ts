import { describe, expect, it } from 'vitest';
import { backupDate, backupDetails } from './describe-backup';

describe('describing a backup', () => {
  it('counts files and sizes the way people read them', () => {
    expect(backupDetails({ files: 1, bytes: 812, reason: 'open' })).toBe('1 file, 812 bytes, taken at start');
    expect(backupDetails({ files: 12, bytes: 48_230, reason: 'hourly' })).toBe('12 files, 48.2 KB, hourly');
    expect(backupDetails({ files: 300, bytes: 2_500_000, reason: 'before-restore' })).toBe('300 files, 2.5 MB, the notebook just before a restore');
  });

  it('tells apart backups taken seconds apart, and keeps a time it cannot read as it is', () => {
    expect(backupDate('2026-05-01T10:20:30.000Z')).not.toBe(backupDate('2026-05-01T10:20:45.000Z'));
    expect(backupDate('not a time')).toBe('not a time');
  });
});
