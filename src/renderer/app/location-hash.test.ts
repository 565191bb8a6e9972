import { describe, expect, it } from 'vitest';
import { sourceId } from '../../core/model/ids';
import { hashForSource, sourceIdFromHash } from './location-hash';

describe('location hash', () => {
  it('round-trips a source id, including characters that need escaping', () => {
    for (const id of ['004_22ba044b9207139b', 'a b&c=d#e', 'Ünïcode']) {
      expect(sourceIdFromHash(hashForSource(sourceId(id)))).toBe(id);
    }
  });

  it('reads the id with or without the leading #', () => {
    expect(sourceIdFromHash('#source=abc')).toBe('abc');
    expect(sourceIdFromHash('source=abc')).toBe('abc');
  });

  it('is null when no source is named', () => {
    expect(sourceIdFromHash('')).toBeNull();
    expect(sourceIdFromHash('#')).toBeNull();
    expect(sourceIdFromHash('#source=')).toBeNull();
    expect(sourceIdFromHash('#other=1')).toBeNull();
  });
});
