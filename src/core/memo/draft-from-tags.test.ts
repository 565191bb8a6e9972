import { describe, expect, it } from 'vitest';
import { sampleHighlight } from '../../../tests/unit/support/sample-highlight';
import type { Highlight, Stance, Tag } from '../model/highlight';
import { charOffset, familyId, sourceId, tagId } from '../model/ids';
import { draftMemoFromTags, draftTitle, type PlacedHighlight } from './draft-from-tags';
import { checkMemoDoc, memoCitations } from './memo-schema';

const ttp: Tag = { id: tagId('group-ttp'), familyId: familyId('groups'), name: 'TTP', color: '#c33', aliases: [], description: '', statedAt: null };
const rec3: Tag = { id: tagId('rec-3'), familyId: familyId('recommendations'), name: 'Long-Term Strategy', color: '#36c', aliases: [], description: 'Adopt a long-term strategy.', statedAt: null };
const empty: Tag = { ...ttp, id: tagId('group-imu'), name: 'IMU' };

const report = sourceId('report');
const article = sourceId('article');
const placed = (source: typeof report, n: number, start: number | null, stance?: Stance): PlacedHighlight => {
  const h = sampleHighlight(source, n);
  const highlight: Highlight = stance ? { ...h, tags: [{ tagId: ttp.id }, { tagId: rec3.id, stance }] } : h;
  return { highlight, start: start === null ? null : charOffset(start) };
};

describe('draftMemoFromTags', () => {
  const a1 = placed(report, 1, 500, 'supports');
  const a2 = placed(report, 2, 100, 'contradicts');
  const orphan = placed(report, 3, null, 'context');
  const b1 = placed(article, 4, 50);
  const doc = draftMemoFromTags([
    { tag: ttp, recommendation: false, sources: [{ sourceId: report, title: 'The report', highlights: [a1, a2] }, { sourceId: article, title: 'The article', highlights: [b1] }] },
    { tag: rec3, recommendation: true, sources: [{ sourceId: report, title: 'The report', highlights: [orphan, a1, a2] }] },
    { tag: empty, recommendation: false, sources: [{ sourceId: report, title: 'The report', highlights: [] }] },
  ]);

  it('is a memo the editor accepts', () => {
    expect(checkMemoDoc(doc)).toEqual([]);
  });

  it('has a section per tag, a subsection per source, a block citation per passage in text order (orphans last)', () => {
    const outline = (doc.content ?? []).map((node) => {
      if (node.type === 'heading') return `h${String(node.attrs?.['level'])} ${node.content?.[0]?.text ?? ''}`;
      const child = node.content?.[0];
      if (child?.type === 'citation') return `cite ${String(child.attrs?.['highlightId'])} ${String(child.attrs?.['display'])}`;
      return `p ${child?.text ?? ''}${child?.marks?.[0]?.type === 'bold' ? ' (bold)' : ''}`;
    });
    expect(outline).toEqual([
      'h2 TTP',
      'h3 The report',
      `cite ${a2.highlight.id} block`,
      `cite ${a1.highlight.id} block`,
      'h3 The article',
      `cite ${b1.highlight.id} block`,
      'h2 Long-Term Strategy',
      'p Adopt a long-term strategy.',
      'h3 The report',
      'p Contradicts: (bold)',
      `cite ${a2.highlight.id} block`,
      'p Supports: (bold)',
      `cite ${a1.highlight.id} block`,
      'p Context: (bold)',
      `cite ${orphan.highlight.id} block`,
      'h2 IMU',
      'p No passages are tagged “IMU” yet.',
    ]);
  });

  it('gives each citation the highlight’s quote and source, so it still shows them if the highlight goes', () => {
    expect(memoCitations(doc)[0]).toEqual({ highlightId: a2.highlight.id, display: 'block', quote: a2.highlight.target.quote.exact, sourceId: report });
  });
});

describe('draftTitle', () => {
  it('names the tags', () => {
    expect(draftTitle([ttp])).toBe('Memo from tag: TTP');
    expect(draftTitle([ttp, rec3])).toBe('Memo from tags: TTP, Long-Term Strategy');
  });
});
