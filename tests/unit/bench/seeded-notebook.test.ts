import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/core/document/parse-source';
import { sourceId, textHash } from '../../../src/core/model/ids';
import type { SourceMeta } from '../../../src/core/model/source';
import { seedTags } from '../../../src/core/tags/seed-tags';
import { seededHighlights, zipfShares } from '../../../bench/seeded-notebook';

describe('zipfShares', () => {
  it('splits the total exactly, in falling shares of about total / (i + 1) / H(n)', () => {
    for (const [total, count] of [
      [100, 5],
      [5_000, 200],
      [50_000, 1_000],
    ] as const) {
      const shares = zipfShares(total, count);
      expect(shares).toHaveLength(count);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      expect(shares.every((share, i) => i === 0 || share <= (shares[i - 1] ?? 0))).toBe(true);
      const harmonic = Array.from({ length: count }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
      expect(Math.abs((shares[0] ?? 0) - total / harmonic)).toBeLessThan(1);
    }
  });
});

describe('seededHighlights', () => {
  const file = new URL('../../../resources/sources/004_22ba044b9207139b.txt', import.meta.url);
  const { text } = parseSource(readFileSync(file, 'utf8'), 'markdown');
  const meta = { id: sourceId('andiana-new-jihadi-sphere-2025'), format: 'markdown' } as SourceMeta;

  it('makes the same highlights every time, each quoting the text at its position', () => {
    const made = seededHighlights(meta, 0, text, 300);
    expect(made).toEqual(seededHighlights(meta, 0, text, 300));
    expect(new Set(made.map((h) => h.id)).size).toBe(300);
    for (const { target } of made) {
      expect(text.slice(target.position.start, target.position.end)).toBe(target.quote.exact);
      expect(target.sourceId).toBe(meta.id);
    }
  });

  it('records the SHA-256 of the canonical text, as the services compute it, and tags from the seeded tag set', () => {
    const seeded = new Set(seedTags().tags.map((tag) => tag.id));
    for (const highlight of seededHighlights(meta, 3, text, 20)) {
      expect(highlight.target.textHash).toBe(textHash(createHash('sha256').update(text).digest('hex')));
      expect(highlight.tags.length).toBeGreaterThan(0);
      for (const { tagId } of highlight.tags) expect(seeded.has(tagId)).toBe(true);
    }
  });
});
