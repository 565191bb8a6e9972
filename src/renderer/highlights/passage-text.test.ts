import { describe, expect, it } from 'vitest';
import { charOffset, sourceId } from '../../core/model/ids';
import { sampleHighlight } from '../../../tests/unit/support/sample-highlight';
import { passageText, shortQuote } from './passage-text';

const highlight = sampleHighlight(sourceId('004'), 2);
const text = 'abcdefghij'.repeat(100);

describe('passageText', () => {
  it('is the current text where the highlight anchors', () => {
    expect(passageText({ highlight, status: 'fuzzy', start: charOffset(3), end: charOffset(7) }, text)).toBe('defg');
    expect(passageText({ highlight, status: 'review', start: charOffset(0), end: charOffset(2) }, text)).toBe('ab');
  });

  it('is the quote the highlight was made on when orphaned or without the text', () => {
    expect(passageText({ highlight, status: 'orphan', start: null, end: null }, text)).toBe(highlight.target.quote.exact);
    expect(passageText({ highlight, status: 'exact', start: charOffset(3), end: charOffset(7) }, null)).toBe(highlight.target.quote.exact);
  });
});

describe('shortQuote', () => {
  it('keeps a short quote whole, with its spaces and line breaks made single', () => {
    expect(shortQuote('  The Taliban\n\nhave not  severed ties. ')).toBe('The Taliban have not severed ties.');
  });

  it('cuts a long quote after a whole word', () => {
    expect(shortQuote('The Taliban have not severed ties with al-Qaeda, and passage shows how', 30)).toBe('The Taliban have not severed…');
  });

  it('cuts a long word where it must', () => {
    expect(shortQuote('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
