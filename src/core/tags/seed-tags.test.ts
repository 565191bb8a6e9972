import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../document/parse-source';
import { sourceId } from '../model/ids';
import { RECOMMENDATIONS_SOURCE_FILE } from './seed-recommendations';
import { GROUPS_FAMILY_ID, RECOMMENDATIONS_FAMILY_ID, seedTags, statedAtIn } from './seed-tags';

const seed = seedTags();
const report = sourceId('report');

describe('seedTags', () => {
  it('makes a Groups and a Recommendations family', () => {
    expect(seed.families).toEqual([
      { id: 'family:groups', name: 'Groups', kind: 'groups' },
      { id: 'family:recommendations', name: 'Recommendations', kind: 'recommendations' },
    ]);
  });

  it('makes the same tags, with the same ids, every time', () => {
    expect(seedTags()).toEqual(seed);
    const ids = seed.tags.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('group:is-khorasan');
    expect(ids).toContain('group:ttp');
    expect(ids).toContain('rec:r1');
    expect(ids).toContain('rec:w6');
  });

  it('puts groups and recommendations in their families, with ids that say which', () => {
    const groups = seed.tags.filter((t) => t.familyId === GROUPS_FAMILY_ID);
    const recommendations = seed.tags.filter((t) => t.familyId === RECOMMENDATIONS_FAMILY_ID);
    expect(groups.length + recommendations.length).toBe(seed.tags.length);
    expect(groups.length).toBeGreaterThanOrEqual(15);
    for (const g of groups) {
      expect(g.id).toMatch(/^group:/);
      expect(g.description).toBe('');
    }
    expect(recommendations.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6'].map((k) => `rec:${k}`));
    for (const r of recommendations) expect(r.aliases).toEqual([]);
    expect(seed.tags.every((t) => t.statedAt === null)).toBe(true);
  });

  it('names recommendations by code and short title, and describes them in full', () => {
    const byId = new Map(seed.tags.map((t) => [t.id as string, t]));
    expect(byId.get('rec:r1')?.name).toBe('R1 · Enhanced Intelligence and Monitoring');
    expect(byId.get('rec:w4')?.name).toBe('W4 · Strengthen International Monitoring');
    expect(byId.get('rec:w1')?.description.split('\n\n')).toHaveLength(2);
    expect(byId.get('rec:w1')?.description).toMatch(/^Understanding the nuanced relationships.*safe haven for terrorism\.$/s);
  });

  it('says where each recommendation is stated, and statedAtIn finds it in the report', () => {
    const raw = readFileSync(new URL(`../../../resources/sources/${RECOMMENDATIONS_SOURCE_FILE}`, import.meta.url), 'utf8');
    const readerText = parseSource(raw, 'markdown').text;
    expect(seed.statements.map((s) => s.tagId)).toEqual(seed.tags.filter((t) => t.familyId === RECOMMENDATIONS_FAMILY_ID).map((t) => t.id));
    for (const s of seed.statements) {
      expect(s.file).toBe(RECOMMENDATIONS_SOURCE_FILE);
      const at = statedAtIn(readerText, report, s.quote);
      expect(at, s.tagId).not.toBeNull();
      expect(readerText.slice(at?.start, at?.end)).toBe(s.quote);
      expect(at?.sourceId).toBe('report');
    }
  });
});

describe('statedAtIn', () => {
  it('gives the range of a quote that occurs once', () => {
    expect(statedAtIn('a b c', report, 'b')).toEqual({ sourceId: 'report', start: 2, end: 3 });
  });

  it('gives null for a missing, an empty or an ambiguous quote', () => {
    expect(statedAtIn('a b c', report, 'd')).toBeNull();
    expect(statedAtIn('a b c', report, '')).toBeNull();
    expect(statedAtIn('a b a', report, 'a')).toBeNull();
    expect(statedAtIn('aaa', report, 'aa')).toBeNull();
  });
});
