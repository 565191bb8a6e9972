import type { DraftBlock } from './draft-block';
import { normaliseHeading } from './report-apparatus';

/**
 * Points each table-of-contents entry at its heading. Entries follow the document's order, so each
 * one is looked for after the previous one's heading. The report's table does not always spell a
 * heading as the heading does ("Executive Summmary", "A Way Forward" for "Ways Forward", a comma
 * for a colon), so after an exact match of the normalised text, the closest heading within a few
 * edits is taken; an entry with no such heading gets no target rather than a wrong one.
 */
export function resolveTocTargets(blocks: readonly DraftBlock[]): DraftBlock[] {
  const headings = blocks.flatMap((block, index) => (block.kind === 'heading' ? [{ index, name: normaliseHeading(block.text) }] : []));
  let after = -1;
  return blocks.map((block, index) => {
    if (block.kind !== 'tocEntry') return block;
    if (blocks[index - 1]?.kind !== 'tocEntry') after = index;
    const target = findHeading(headings, normaliseHeading(block.text), after);
    if (target === null) return block;
    after = target;
    return { ...block, target };
  });
}

interface NamedHeading {
  readonly index: number;
  readonly name: string;
}

function findHeading(headings: readonly NamedHeading[], name: string, after: number): number | null {
  const candidates = headings.filter((heading) => heading.index > after);
  const exact = candidates.find((heading) => heading.name === name);
  if (exact) return exact.index;
  let best: { readonly index: number; readonly distance: number } | null = null;
  for (const heading of candidates) {
    const allowed = Math.max(1, Math.floor(0.2 * Math.max(name.length, heading.name.length)));
    const distance = editDistance(name, heading.name, allowed);
    if (distance <= allowed && (best === null || distance < best.distance)) best = { index: heading.index, distance };
  }
  return best?.index ?? null;
}

/** Levenshtein distance, giving up (returning limit + 1) as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
