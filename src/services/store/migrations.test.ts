import { describe, expect, it } from 'vitest';
import { migrate, type MigrationTable } from './migrations';

/** A test-only history: v1 kept one "position" number, v2 split it into offset + updated, v3 renamed the map. */
const table: MigrationTable = {
  1: ({ position, ...rest }) => ({ ...rest, reading: { offset: position, updated: null } }),
  2: ({ reading, ...rest }) => ({ ...rest, readingPositions: { only: reading } }),
};

describe('migrate', () => {
  it('runs each step in turn from the file version up to the current one', () => {
    const outcome = migrate({ schemaVersion: 1, position: 42 }, table, 3);
    expect(outcome).toEqual({ kind: 'current', from: 1, data: { schemaVersion: 3, readingPositions: { only: { offset: 42, updated: null } } } });
  });

  it('starts from the middle of the table for a file of a middle version', () => {
    const outcome = migrate({ schemaVersion: 2, reading: { offset: 7, updated: 'x' } }, table, 3);
    expect(outcome).toEqual({ kind: 'current', from: 2, data: { schemaVersion: 3, readingPositions: { only: { offset: 7, updated: 'x' } } } });
  });

  it('leaves a file of the current version as it is', () => {
    const data = { schemaVersion: 3, readingPositions: {} };
    expect(migrate(data, table, 3)).toEqual({ kind: 'current', from: 3, data });
  });

  it('reports a file from a newer build without touching it', () => {
    const data = Object.freeze({ schemaVersion: 4, future: true });
    expect(migrate(data, table, 3)).toEqual({ kind: 'newer', version: 4 });
  });

  it.each([[{}], [{ schemaVersion: '1' }], [{ schemaVersion: 0 }], [{ schemaVersion: 1.5 }]])('calls %j unversioned', (data) => {
    expect(migrate(data, table, 3).kind).toBe('unversioned');
  });

  it('throws when the table has a gap (a bug of the build, not of the file)', () => {
    expect(() => migrate({ schemaVersion: 1 }, { 2: (d) => d }, 3)).toThrow('This build has no migration from schemaVersion 1 to 2.');
  });
});
