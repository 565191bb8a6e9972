import { describe, expect, it } from 'vitest';
import { bundledSources } from '../../../tests/unit/support/bundled-sources';
import { charOffset } from '../model/ids';
import type { Block } from '../model/source';
import { blockRole, roleAt } from './block-role';

const [report, , , capture] = bundledSources();

const blockAt = (blocks: readonly Block[], at: number): Block | undefined => blocks.find((b) => b.range.start <= at && at < b.range.end);

describe('blockRole on the bundled report', () => {
  const { text, blocks } = report!.parsed;

  it('calls the first “IS-Khorasan” a contents line, and the first in running prose body text', () => {
    const first = text.indexOf('IS-Khorasan');
    expect(roleAt(blocks, first)).toBe('contents');
    const inProse = text.indexOf('IS-Khorasan', text.indexOf('Since the fall of Kabul'));
    expect(roleAt(blocks, inProse)).toBe('body');
  });

  it('calls the section titles headings, and the notes and reference list references', () => {
    expect(blockRole(blockAt(blocks, text.indexOf('Executive Summary'))!)).toBe('heading');
    const notes = blocks.filter((b) => b.kind === 'note');
    const references = blocks.filter((b) => b.kind === 'reference');
    expect(notes.length).toBeGreaterThan(100);
    expect(references.length).toBeGreaterThan(10);
    expect(new Set([...notes, ...references].map(blockRole))).toEqual(new Set(['reference']));
  });

  it('finds most of the report’s words in its body', () => {
    const body = blocks.filter((b) => blockRole(b) === 'body').reduce((n, b) => n + b.range.end - b.range.start, 0);
    expect(body / text.length).toBeGreaterThan(0.4);
  });
});

describe('blockRole on a news capture', () => {
  it('sets the aggregator’s trailing links apart from the article, list items included', () => {
    const { blocks } = capture!.parsed;
    const trailer = blocks.filter((b) => b.trailer === true);
    expect(trailer.some((b) => b.kind === 'listItem')).toBe(true);
    expect(new Set(trailer.map(blockRole))).toEqual(new Set(['trailer']));
    expect(blockRole(blocks.find((b) => b.kind === 'paragraph' && b.trailer !== true)!)).toBe('body');
  });
});

describe('roleAt', () => {
  it('is body between blocks and past the last', () => {
    const blocks: Block[] = [{ kind: 'heading', level: 1, range: { start: charOffset(0), end: charOffset(5) }, marks: [] }];
    expect(roleAt(blocks, 2)).toBe('heading');
    expect(roleAt(blocks, 7)).toBe('body');
  });
});
