import { describe, expect, it } from 'vitest';
import { notebookFileKind } from './notebook-file';
import { decodeStoreFile } from './store/decode-store-file';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const position = { offset: 5000, updated: '2026-11-20T09:00:00.000Z' };
const version = { versionHash: 'a'.repeat(64), replacedAt: '2026-11-21T10:00:00.000Z' };
const layout = { first: { kind: 'source', sourceId: 'report', offset: 120 }, second: null, split: 0.5, focused: 'first' };

describe('notebook.json versions', () => {
  it('reads a version 2 file with a layout as version 3, keeping every field as it was', () => {
    const v2 = { schemaVersion: 2, readingPositions: { report: position }, sourceVersions: { report: version }, layout };
    expect(decodeStoreFile(bytes(v2), notebookFileKind)).toEqual({ ok: true, data: { ...v2, schemaVersion: 3 } });
  });

  it('reads a version 2 file without a layout as version 3 without one', () => {
    const v2 = { schemaVersion: 2, readingPositions: { report: position }, sourceVersions: {} };
    expect(decodeStoreFile(bytes(v2), notebookFileKind)).toEqual({ ok: true, data: { ...v2, schemaVersion: 3 } });
  });

  it('brings a version 1 file through both steps to version 3', () => {
    const v1 = { schemaVersion: 1, readingPositions: { report: position } };
    expect(decodeStoreFile(bytes(v1), notebookFileKind)).toEqual({ ok: true, data: { schemaVersion: 3, readingPositions: { report: position }, sourceVersions: {} } });
  });

  it('still calls a version 2 file with a malformed layout damaged', () => {
    const v2 = { schemaVersion: 2, readingPositions: {}, sourceVersions: {}, layout: { ...layout, split: 2 } };
    expect(decodeStoreFile(bytes(v2), notebookFileKind)).toMatchObject({ ok: false, reason: 'damaged', detail: expect.stringContaining('layout.split') });
  });

  it('makes a build that reads up to version 2 report a file with a layout as newer, not damaged', () => {
    const v3 = { schemaVersion: 3, readingPositions: {}, sourceVersions: {}, layout };
    const olderBuild = { ...notebookFileKind, version: 2 };
    expect(decodeStoreFile(bytes(v3), olderBuild)).toEqual({ ok: false, reason: 'newer', version: 3 });
  });
});
