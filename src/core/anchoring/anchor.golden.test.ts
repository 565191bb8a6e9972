import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnchorStatus, TextPositionSelector, TextQuoteSelector } from '../model/highlight';
import { anchorAll, anchorHighlight } from './anchor';
import { describeRange } from './describe-range';

/**
 * Golden cases: tests/fixtures/anchoring/<family>.json. Each case gives the old text (inline, or a
 * bundled source by file name), the edits that make the new text, the target described on the old
 * text, and the expected status and range in the new text.
 */

type Edit = { find: string; replace: string } | { findFrom: string; replace: string };
interface Range {
  start: number;
  end: number;
}
interface GoldenCase {
  name: string;
  description: string;
  oldText: string | { source: string };
  newText: { edits: Edit[] };
  target: { quote: TextQuoteSelector; position: TextPositionSelector };
  expected: { status: AnchorStatus; range?: Range; text?: string; runnerUp?: Range; score?: number };
}
interface GoldenFamily {
  family: string;
  description: string;
  cases: GoldenCase[];
}

const fixturesDir = new URL('../../../tests/fixtures/anchoring/', import.meta.url);
const sourcesDir = new URL('../../../resources/sources/', import.meta.url);

/** The only place a string may be found for an edit to be unambiguous. */
function onlyIndex(text: string, needle: string, caseName: string): number {
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) {
    throw new Error(`${caseName}: the edit's text ${JSON.stringify(needle.slice(0, 50))} must occur exactly once`);
  }
  return at;
}

function applyEdits(text: string, edits: Edit[], caseName: string): string {
  return edits.reduce((current, edit) => {
    if ('findFrom' in edit) return current.slice(0, onlyIndex(current, edit.findFrom, caseName)) + edit.replace;
    const at = onlyIndex(current, edit.find, caseName);
    return current.slice(0, at) + edit.replace + current.slice(at + edit.find.length);
  }, text);
}

const oldTextOf = (c: GoldenCase): string =>
  typeof c.oldText === 'string' ? c.oldText : readFileSync(new URL(c.oldText.source, sourcesDir), 'utf8');

const families: GoldenFamily[] = readdirSync(fixturesDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, fixturesDir), 'utf8')) as GoldenFamily);

const byStart = (a: Range, b: Range): number => a.start - b.start;

describe('golden anchoring fixtures', () => {
  it('cover every case family the anchoring must handle', () => {
    expect(families.map((f) => f.family)).toEqual([
      'deleted', 'duplicated', 'edited', 'large-edit-end', 'look-alike', 'moved', 'multi-paragraph', 'quote-style', 'short-quotes', 'unchanged', 'whitespace',
    ]);
  });

  for (const family of families) {
    describe(family.family, () => {
      for (const c of family.cases) {
        it(c.name, () => {
          const oldText = oldTextOf(c);
          const newText = applyEdits(oldText, c.newText.edits, c.name);
          const described = describeRange(oldText, c.target.position.start, c.target.position.end);
          expect(described).toEqual({ ok: true, value: c.target });

          const result = anchorHighlight(newText, c.target);
          expect(result.status, result.reason).toBe(c.expected.status);
          if (c.expected.runnerUp && c.expected.range) {
            // Between rivals, which one is listed first carries no meaning.
            const found = [result.range, result.runnerUp?.range].filter((r) => r !== undefined).map((r) => ({ start: r.start, end: r.end }));
            expect(found.sort(byStart)).toEqual([c.expected.range, c.expected.runnerUp].sort(byStart));
          } else if (c.expected.range) {
            expect(result.range).toEqual(c.expected.range);
            expect(newText.slice(c.expected.range.start, c.expected.range.end)).toBe(c.expected.text);
          } else {
            expect(result.range).toBeUndefined();
          }
          if (c.expected.score !== undefined) expect(result.score).toBe(c.expected.score);
          if (result.status === 'exact' && result.range) expect(newText.slice(result.range.start, result.range.end)).toBe(c.target.quote.exact);
          expect(anchorAll(newText, [c.target])).toEqual([result]);
        });
      }
    });
  }
});
