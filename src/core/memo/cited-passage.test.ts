import { describe, expect, it } from 'vitest';
import { cite, contextOf, doc, memo, paragraph, sourceMeta } from '../../../tests/unit/support/memo-builders';
import { readMarkdown } from '../../../tests/unit/support/read-markdown';
import { assembleSource } from '../../../tests/unit/support/sample-source';
import { charOffset, highlightId } from '../model/ids';
import type { ParsedSource } from '../model/source';
import { livePassage } from './cited-passage';
import { memoToMarkdown } from './memo-to-markdown';

const meta = sourceMeta('pdf', { author: 'A. Author', publisher: 'A Press', title: 'A Printed Report', kind: 'document', format: 'plain-text' });
const text = assembleSource([
  { kind: 'heading', level: 1, text: 'Introduction' },
  { kind: 'paragraph', text: 'The first paragraph ends on page twelve.' },
  { kind: 'paragraph', text: 'The second paragraph runs over the page break.' },
]);
const at = (needle: string): number => {
  const i = text.text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" is not in the sample`);
  return i;
};
// Page 12 ends inside the second paragraph, after "runs over"; page 13 holds the rest.
const pageBreak = at(' the page break');
const paginated: ParsedSource = {
  ...text,
  pages: [
    { index: 14, label: '12', range: { start: charOffset(0), end: charOffset(pageBreak) } },
    { index: 15, label: '13', range: { start: charOffset(pageBreak), end: charOffset(text.text.length) } },
  ],
};

/** The first paragraph of the only footnote of a memo citing the passage of `source` that is `quote` (the tests' formatter writes "Title, label locator[suffix]."). */
function footnoteOf(source: ParsedSource, quote: string): string | undefined {
  const start = at(quote);
  const passage = livePassage(highlightId('h'), meta, source, { start: charOffset(start), end: charOffset(start + quote.length) }, []);
  const file = memoToMarkdown(memo(doc(paragraph(cite('h')))), contextOf([passage]));
  return readMarkdown(file).blocks.find((b) => b.containers.includes('footnote'))?.text;
}

describe('livePassage: the footnote of a passage of a paginated source', () => {
  it('gives the printed page in place of the paragraph and section', () => {
    expect(footnoteOf(paginated, 'ends on page twelve')).toBe('A Printed Report, page 12.');
  });

  it('gives both pages of a passage across a page break, by their printed labels', () => {
    expect(footnoteOf(paginated, 'runs over the page break')).toBe('A Printed Report, page 12–13.');
  });

  it('keeps a passage ending at the page break on its page', () => {
    expect(footnoteOf(paginated, 'second paragraph runs over')).toBe('A Printed Report, page 12.');
  });

  it('gives the paragraph, as before, for a source without pages', () => {
    expect(footnoteOf(text, 'runs over the page break')).toBe('A Printed Report, paragraph 2, under “Introduction”.');
  });
});
