import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnchorStatus } from '../model/highlight';
import { anchorAll, anchorHighlight, type AnchorResult } from './anchor';
import { describeRange } from './describe-range';

/**
 * Revised editions: tests/fixtures/anchoring-editions/<edition>.json. Each gives a bundled source,
 * the edits that make its revised edition (a passage moved elsewhere, or text replaced), and many
 * highlights made on the old text, each with its expected outcome in the new one. Unlike the
 * single-highlight goldens (anchor.golden.test.ts), the highlights are anchored together, as a
 * notebook's are, so that where their neighbours moved shapes where each is looked for.
 */

type Edit = { find: string; replace: string } | { move: string; until: string; before: string };
interface EditionHighlight {
  name: string;
  /** The quote in the old text; `copy` picks among several (0-based, in text order). */
  quote: string;
  copy?: number;
  expected: { status: AnchorStatus; text?: string; copy?: number };
}
interface Edition {
  edition: string;
  description: string;
  oldText: { source: string };
  edits: Edit[];
  highlights: EditionHighlight[];
}

const fixturesDir = new URL('../../../tests/fixtures/anchoring-editions/', import.meta.url);
const sourcesDir = new URL('../../../resources/sources/', import.meta.url);

function onlyIndex(text: string, needle: string, where: string): number {
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`${where}: ${JSON.stringify(needle.slice(0, 50))} must occur exactly once`);
  return at;
}

/** Where the copy-th occurrence of `needle` starts. */
function nthIndex(text: string, needle: string, copy: number, where: string): number {
  let at = -1;
  for (let n = 0; n <= copy; n++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${where}: ${JSON.stringify(needle.slice(0, 50))} does not occur ${copy + 1} times`);
  }
  return at;
}

function applyEdit(text: string, edit: Edit, where: string): string {
  if ('find' in edit) {
    const at = onlyIndex(text, edit.find, where);
    return text.slice(0, at) + edit.replace + text.slice(at + edit.find.length);
  }
  // A move: [move, until) is cut out and put back just before `before`.
  const from = onlyIndex(text, edit.move, where);
  const until = onlyIndex(text, edit.until, where);
  const moved = text.slice(from, until);
  const rest = text.slice(0, from) + text.slice(until);
  const to = onlyIndex(rest, edit.before, where);
  return rest.slice(0, to) + moved + rest.slice(to);
}

const RANK: Record<AnchorStatus, number> = { exact: 0, fuzzy: 1, review: 2, orphan: 3 };
const textOf = (text: string, result: AnchorResult | undefined): string | undefined => (result?.range ? text.slice(result.range.start, result.range.end) : undefined);

const editions: Edition[] = readdirSync(fixturesDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, fixturesDir), 'utf8')) as Edition);

describe('re-anchoring a notebook on a revised edition', () => {
  it('has editions to check', () => {
    expect(editions.map((e) => e.edition)).toEqual(['paragraph-moved', 'section-moved']);
  });

  for (const edition of editions) {
    describe(edition.edition, () => {
      const oldText = readFileSync(new URL(edition.oldText.source, sourcesDir), 'utf8');
      const newText = edition.edits.reduce((text, edit) => applyEdit(text, edit, edition.edition), oldText);
      const targets = edition.highlights.map((h) => {
        const at = nthIndex(oldText, h.quote, h.copy ?? 0, h.name);
        const described = describeRange(oldText, at, at + h.quote.length);
        if (!described.ok) throw new Error(`${h.name}: ${described.error.message}`);
        return described.value;
      });
      const together = anchorAll(newText, targets);

      edition.highlights.forEach((h, i) => {
        it(h.name, () => {
          const result = together[i];
          expect(result?.status, result?.reason).toBe(h.expected.status);
          if (h.expected.text === undefined) {
            expect(result?.range).toBeUndefined();
            return;
          }
          const start = nthIndex(newText, h.expected.text, h.expected.copy ?? 0, h.name);
          expect(result?.range).toEqual({ start, end: start + h.expected.text.length });
          if (result?.status === 'exact') expect(textOf(newText, result)).toBe(h.quote);
        });
      });

      it('gives no highlight a worse outcome than it gets alone', () => {
        // Neighbours may choose among equally good places, never make a highlight lose its passage.
        const worse = targets
          .map((target, i) => ({ name: edition.highlights[i]?.name, alone: anchorHighlight(newText, target), together: together[i] }))
          .filter(({ alone, together: withOthers }) => withOthers !== undefined && RANK[withOthers.status] > RANK[alone.status]);
        expect(worse.map((w) => `${w.name}: ${w.together?.status} together, ${w.alone.status} alone`)).toEqual([]);
      });
    });
  }
});
