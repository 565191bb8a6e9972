import { describe, expect, it } from 'vitest';
import { fakeFormatter, lastKnown, live, sourceMeta } from '../../../tests/unit/support/memo-builders';
import type { CitationFormatter, NoteCitation } from '../export/citation-style';
import { sourceId } from '../model/ids';
import { citationNotes, passageLocator } from './citation-notes';
import type { LivePassage } from './cited-passage';
import type { Segment } from './inline-markdown';

const text = (segments: readonly Segment[]): string => segments.map((s) => (s.kind === 'text' ? (s.marks.length > 0 ? `*${s.text}*` : s.text) : s.kind === 'break' ? '\n' : s.markdown)).join('');

describe('passageLocator', () => {
  const report = sourceMeta('r', { title: 'The Report', kind: 'report' });
  const at = (location: LivePassage['location']) => passageLocator(live('h', 'q', { source: report, location }));

  it('gives the paragraph as the locator and the section after it', () => {
    expect(at({ heading: 'Recommendations:', paragraph: 3 })).toEqual({ locator: { label: 'paragraph', value: '3' }, suffix: ', under “Recommendations”' });
  });

  it('leaves out a section that is the source’s own title, or none', () => {
    expect(at({ heading: 'The Report', paragraph: 2 })).toEqual({ locator: { label: 'paragraph', value: '2' } });
    expect(at({ heading: null, paragraph: 1 })).toEqual({ locator: { label: 'paragraph', value: '1' } });
  });

  it('gives the printed pages alone for a paginated source', () => {
    expect(at({ heading: 'Findings', paragraph: 4, pages: 'p. xii' })).toEqual({ locator: { label: 'page', value: 'xii' } });
    expect(at({ heading: 'Findings', paragraph: 4, pages: 'pp. 12–13' })).toEqual({ locator: { label: 'page', value: '12–13' } });
  });

  it('names the heading a passage is in, with no paragraph', () => {
    expect(at({ heading: 'Findings', paragraph: 0 })).toEqual({ suffix: ', heading “Findings”' });
    expect(at({ heading: null, paragraph: 0 })).toEqual({});
  });
});

describe('citationNotes', () => {
  const a = sourceMeta('a', { title: 'Source A', kind: 'report', reliability: 'C' });
  const b = sourceMeta('b', { title: 'Source B' });
  const passages = [
    live('1', 'q1', { sourceId: a.id, source: a, credibility: 3, notes: [{ note: 7, text: 'A note of the source.' }] }),
    lastKnown('2', 'orphan', 'q2', { sourceId: b.id, source: b }),
    lastKnown('3', 'deleted', 'q3', { sourceId: sourceId('gone'), source: null }),
    live('4', 'q4', { sourceId: a.id, source: a, location: { heading: null, paragraph: 9 } }),
  ];

  it('gives a footnote per passage: the style’s note with the grade mark or what became of the passage, then the source’s notes', () => {
    const notes = citationNotes(passages, 'apa', fakeFormatter);
    expect(notes.footnotes.map((paragraphs) => paragraphs.map(text))).toEqual([
      ['*Source A*, paragraph 2, under “Introduction”. [C3]', 'Note 7 of the source: A note of the source.'],
      ['*Source B*. The passage is no longer found in the source’s current text; the quote is the one it last had.'],
      ['A source no longer in the library (“gone”). This passage is no longer highlighted; the quote is the one it last had.'],
      ['*Source A*, paragraph 9. [C–]'],
    ]);
    expect(notes.bibliography.map(text)).toEqual(['*Source A*.', '*Source B*.']);
    expect(notes.bibliographyHeading).toBe('References');
  });

  it('asks the formatter once, for the passages with a source, in order, with each source’s one CSL item', () => {
    const asked: NoteCitation[][] = [];
    const spy: CitationFormatter = { format: (citations, style) => (asked.push([...citations]), fakeFormatter.format(citations, style)) };
    citationNotes(passages, 'chicago-note', spy);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.map((c) => [c.item.id, c.locator?.value])).toEqual([
      ['a', '2'],
      ['b', undefined],
      ['a', '9'],
    ]);
    expect(asked[0]?.[0]?.item).toBe(asked[0]?.[2]?.item);
  });
});
