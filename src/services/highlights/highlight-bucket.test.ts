import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { highlightId } from '../../core/model/ids';
import { BUCKET_COUNT, BUCKET_NAMES, bucketOf } from './highlight-bucket';

describe('bucketOf', () => {
  it('names one of the 64 bucket files, the same for an id every time', () => {
    // Values computed independently (FNV-1a in Python): a highlight is found again only if every
    // build computes the same bucket.
    expect(bucketOf(highlightId('3b241101-e2bb-4255-8caf-4136c566a962'))).toBe('34');
    expect(bucketOf(highlightId('h-1'))).toBe('2d');
    expect(bucketOf(highlightId(''))).toBe('05');
  });

  it('has 64 two-digit hexadecimal bucket names', () => {
    expect(BUCKET_NAMES.size).toBe(64);
    expect([...BUCKET_NAMES].every((b) => /^[0-3][0-9a-f]$/.test(b))).toBe(true);
  });

  it('spreads random ids evenly over the buckets', () => {
    const counts = new Map<string, number>();
    const ids = 64_000;
    for (let i = 0; i < ids; i++) {
      const bucket = bucketOf(highlightId(randomUUID()));
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    }
    expect([...counts.keys()].every((b) => BUCKET_NAMES.has(b))).toBe(true);
    expect(counts.size).toBe(BUCKET_COUNT);
    // 1,000 expected per bucket; a spread beyond ±20% would mean a biased hash (about 6 sigma).
    expect(Math.min(...counts.values())).toBeGreaterThan(800);
    expect(Math.max(...counts.values())).toBeLessThan(1200);
  });
});
