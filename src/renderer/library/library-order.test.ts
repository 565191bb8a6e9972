import { describe, expect, it } from 'vitest';
import { sourceId, textHash } from '../../core/model/ids';
import type { SourceSummary } from '../../shared/api-contract';
import { orderLibrary } from './library-order';

const source = (id: string, title: string, extra: Partial<SourceSummary> = {}): SourceSummary => ({
  id: sourceId(id),
  file: `${id}.txt`,
  title,
  author: null,
  publisher: null,
  date: null,
  isoDate: null,
  kind: 'document',
  format: 'plain-text',
  link: null,
  sha256: textHash('0'.repeat(64)),
  note: null,
  length: 10,
  ...extra,
});

const imported = (addedAt: string, fileName = 'x.pdf') => ({ imported: { format: 'pdf' as const, fileName, addedAt, bytes: 1, extractorVersion: 1, currentExtractorVersion: 1 } });

const library = [
  source('a', 'Zeta report', { isoDate: '2023-05', publisher: 'Andiana Foundation', kind: 'report' }),
  source('b', 'Émigré networks', { ...imported('2026-12-01T10:00:00.000Z', 'emigre.pdf'), isoDate: '2025-01-13' }),
  source('c', 'alpha notes', imported('2026-12-02T10:00:00.000Z', 'notes.txt')),
];

describe('orderLibrary', () => {
  it('filters by every word, folding case and accents, over title, publisher, file name and format', () => {
    expect(orderLibrary(library, 'emigre', 'library').map((s) => s.id)).toEqual(['b']);
    expect(orderLibrary(library, 'andiana report', 'library').map((s) => s.id)).toEqual(['a']);
    expect(orderLibrary(library, 'pdf', 'library').map((s) => s.id)).toEqual(['b', 'c']);
    expect(orderLibrary(library, 'notes.txt', 'library').map((s) => s.id)).toEqual(['c']);
  });

  it('sorts by title, by date added and by the source’s date, newest first, missing dates last', () => {
    expect(orderLibrary(library, '', 'title').map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(orderLibrary(library, '', 'added').map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(orderLibrary(library, '', 'date').map((s) => s.id)).toEqual(['b', 'a', 'c']);
    expect(orderLibrary(library, '  ', 'library').map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});
