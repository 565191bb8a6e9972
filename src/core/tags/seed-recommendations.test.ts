import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../document/parse-source';
import type { Block } from '../model/source';
import { recommendationSeeds, RECOMMENDATIONS_SOURCE_FILE, type RecommendationSeed } from './seed-recommendations';

const raw = readFileSync(new URL(`../../../resources/sources/${RECOMMENDATIONS_SOURCE_FILE}`, import.meta.url), 'utf8');
const { text, blocks } = parseSource(raw, 'markdown');

const textOf = (b: Block): string => text.slice(b.range.start, b.range.end);

/** A block's text as a description quotes it: without footnote numbers or the closing ornament. */
function proseOf(b: Block): string {
  let out = '';
  let at = b.range.start;
  for (const mark of b.marks) {
    if (mark.kind !== 'footnoteRef') continue;
    out += text.slice(at, mark.range.start);
    at = mark.range.end;
  }
  return (out + text.slice(at, b.range.end)).replace(/\s*🌐$/u, '');
}

const indexOfHeading = (title: string, level: number): number =>
  blocks.findIndex((b) => b.kind === 'heading' && b.level === level && textOf(b) === title);

/** The blocks after heading number `at`, up to the next heading. */
function sectionAfter(at: number): Block[] {
  const rest = blocks.slice(at + 1);
  const end = rest.findIndex((b) => b.kind === 'heading');
  return end < 0 ? rest : rest.slice(0, end);
}

const recommendations = recommendationSeeds.filter((r) => r.kind === 'recommendation');
const waysForward = recommendationSeeds.filter((r) => r.kind === 'way-forward');

const within = (b: Block, start: number, end: number): boolean => b.range.start <= start && end <= b.range.end;

function statedIn(r: RecommendationSeed, section: readonly Block[]): boolean {
  const start = text.indexOf(r.statement);
  return section.some((b) => within(b, start, start + r.statement.length));
}

describe('recommendation seeds against the report’s canonical text', () => {
  it('hold the five numbered recommendations and the six ways forward, in order', () => {
    expect(recommendations.map((r) => r.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(waysForward.map((r) => r.code)).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6']);
    expect(recommendationSeeds.map((r) => r.key)).toEqual(recommendationSeeds.map((r) => r.code.toLowerCase()));
  });

  it.each(recommendationSeeds.map((r) => [r.code, r.statement] as const))('%s: the statement occurs exactly once', (_code, statement) => {
    expect(text.split(statement)).toHaveLength(2);
  });

  it('are the items of the numbered list under "Recommendations", word for word', () => {
    const heading = indexOfHeading('Recommendations', 1);
    expect(heading).toBeGreaterThan(0);
    const items = sectionAfter(heading).filter((b) => b.kind === 'listItem');
    expect(items.map((b) => b.marker)).toEqual(['1.', '2.', '3.', '4.', '5.']);
    recommendations.forEach((r, i) => {
      const item = items[i];
      if (!item) throw new Error(`no list item for ${r.code}`);
      expect(proseOf(item)).toBe(`${r.title}: ${r.paragraphs.join(' ')}`);
      expect(statedIn(r, [item]), r.code).toBe(true);
    });
  });

  it('are the sections under "Ways Forward", word for word', () => {
    const top = indexOfHeading('Ways Forward: A Strategic Approach to the Taliban', 1);
    expect(top).toBeGreaterThan(0);
    for (const w of waysForward) {
      const heading = indexOfHeading(`${w.title}:`, 2);
      expect(heading, w.code).toBeGreaterThan(top);
      const section = sectionAfter(heading).filter((b) => b.kind === 'paragraph');
      // The capture breaks one paragraph of W1 across a page; the description joins it again.
      const words = (s: string): string => s.replace(/\s+/g, ' ').trim();
      expect(w.paragraphs.join(' ')).toBe(words(section.map(proseOf).join(' ')));
      expect(statedIn(w, section), w.code).toBe(true);
    }
    const order = waysForward.map((w) => indexOfHeading(`${w.title}:`, 2));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it.each(recommendationSeeds.map((r) => [r.code, r] as const))('%s: the description is plain text', (_code, r) => {
    for (const paragraph of r.paragraphs) {
      expect(paragraph).not.toMatch(/\*\*|<\/?\w+>|^#|\s{2}|\n|^\s|\s$/);
    }
    expect(r.paragraphs.join(' ')).toContain(r.statement);
  });
});
