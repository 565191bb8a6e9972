import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cite, contextOf, doc, heading, lastKnown, live, memo, paragraph, sourceMeta, text } from '../../../tests/unit/support/memo-builders';
import { highlightId } from '../model/ids';
import { memoToObsidian, type VaultHighlight, type VaultSource } from './memo-to-obsidian';

const report = sourceMeta('report', { title: 'Report: 2025?', author: 'A. Author', kind: 'report', link: 'https://example.org/r', reliability: 'C' });
const twin = sourceMeta('twin', { title: 'report 2025' });
const vaultHighlight = (id: string, quote: string, overrides: Partial<VaultHighlight> = {}): VaultHighlight => ({
  highlightId: highlightId(id),
  quote,
  location: 'Introduction, ¶ 2',
  review: false,
  tags: [],
  comment: '',
  grade: null,
  ...overrides,
});
const sources: VaultSource[] = [
  { meta: report, highlights: [vaultHighlight('aaaa1111-x', 'Cited $5 passage', { tags: ['Al Qaeda', 'R1 · Long-Term'], grade: 'C3', comment: 'Why it matters.\nSecond line.' }), vaultHighlight('bbbb2222-y', 'Lost one', { location: null })] },
  { meta: twin, highlights: [vaultHighlight('cccc3333-z', 'Twin words', { review: true })] },
];
const passages = [
  live('aaaa1111-x', 'Cited $5 passage', { source: report, sourceId: report.id, credibility: 3, tags: ['Al Qaeda'] }),
  live('cccc3333-z', 'Twin words', { source: twin, sourceId: twin.id, tags: ['Al Qaeda', 'ISKP'] }),
  lastKnown('gone', 'deleted', 'Old quote', { source: report, sourceId: report.id }),
];

describe('memoToObsidian', () => {
  const files = memoToObsidian(
    memo(doc(heading(1, text('On '), cite('cccc3333-z')), paragraph(text('See '), cite('aaaa1111-x'), text(' and '), cite('gone', 'block', 'Old quote', 'report'))), 'Brief: groups'),
    { passage: contextOf(passages).passage, sources },
  );
  const byPath = new Map(files.map((f) => [f.path, f.text]));

  it('writes the memo note and a uniquely named note per source, all in one folder named after the memo', () => {
    expect(files.map((f) => f.path)).toEqual(['Brief groups/Brief groups.md', 'Brief groups/Sources/Report 2025.md', 'Brief groups/Sources/report 2025 (2).md']);
  });

  it('gives the memo YAML front matter, callouts with block ids in order, and links to each highlight’s block', () => {
    const note = byPath.get('Brief groups/Brief groups.md') ?? '';
    const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(note) ?? [];
    expect(parse(yaml)).toEqual({
      title: 'Brief: groups',
      created: '2026-11-20T09:00:00.000Z',
      modified: '2026-11-22T17:30:00.000Z',
      tags: ['Al-Qaeda', 'ISKP'],
      sources: ['[[Sources/report 2025 (2)]]', '[[Sources/Report 2025]]'],
    });
    // A citation in a heading stays on its line, linking to its highlight.
    expect(body).toContain('# On “Twin words” [[Sources/report 2025 (2)#^h-cccc3333]]\n');
    expect(body).toContain(
      [
        'See',
        '',
        '> [!quote] Report: 2025?, Introduction, ¶ 2 \\[C3\\]',
        '> Cited \\$5 passage',
        '>',
        '> — [[Sources/Report 2025#^h-aaaa1111]]',
        '',
        '^c1',
        '',
        'and',
        '',
        '> [!quote] Report: 2025?',
        '> Old quote',
        '>',
        '> This passage is no longer highlighted; the quote is the one it last had.',
        '>',
        '> — [[Sources/Report 2025]]',
        '',
        '^c2',
      ].join('\n'),
    );
  });

  it('lists every highlight of a source with its place, grade, tags, comment and block id', () => {
    const note = byPath.get('Brief groups/Sources/Report 2025.md') ?? '';
    const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(note) ?? [];
    expect(parse(yaml)).toEqual({ title: 'Report: 2025?', author: 'A. Author', publisher: 'A Publisher', date: '2025-01', link: 'https://example.org/r', type: 'report' });
    expect(body).toBe(
      [
        '',
        '# Report: 2025?',
        '',
        '> [!quote] Introduction, ¶ 2 \\[C3\\]',
        '> Cited \\$5 passage',
        '>',
        '> #Al-Qaeda #R1-Long-Term',
        '>',
        '> **Comment:** Why it matters.\\',
        '> Second line.',
        '',
        '^h-aaaa1111',
        '',
        '> [!quote] Passage no longer found in the source; the quote it was made on',
        '> Lost one',
        '',
        '^h-bbbb2222',
        '',
      ].join('\n'),
    );
    expect(byPath.get('Brief groups/Sources/report 2025 (2).md')).toContain('> [!quote] Introduction, ¶ 2 (awaits review)\n> Twin words\n\n^h-cccc3333\n');
  });
});
