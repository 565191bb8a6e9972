/** How a source's kind and file decide its CSL type, and authors that are organisations: checked by hand against CSL 1.0.2's item types. */
import { describe, expect, it } from 'vitest';
import { sourceMeta } from '../../../tests/unit/support/memo-builders';
import { cslNames, sourceCslItem } from './source-csl';

const document = sourceMeta('doc', { kind: 'document', format: 'plain-text', title: 'A file', publisher: 'A Publisher', author: 'Jane Doe', date: 'March 3, 2024', isoDate: '2024-03-03' });

describe('sourceCslItem: types', () => {
  it('cites an imported PDF or Word file as a report, an e-book as a book, a web page as a web page, text or Markdown as a document', () => {
    const typeOf = (importedFormat?: 'pdf' | 'docx' | 'epub' | 'html' | 'markdown' | 'text') => sourceCslItem({ meta: document, importedFormat }, 'k').type;
    expect([typeOf('pdf'), typeOf('docx'), typeOf('epub'), typeOf('html'), typeOf('markdown'), typeOf('text'), typeOf()]).toEqual([
      'report',
      'report',
      'book',
      'webpage',
      'document',
      'document',
      'document',
    ]);
  });

  it('cites the bundled report and analysis as reports, a news capture as a newspaper article', () => {
    expect(sourceCslItem({ meta: { ...document, kind: 'report' } }, 'k').type).toBe('report');
    expect(sourceCslItem({ meta: { ...document, kind: 'analysis' } }, 'k').type).toBe('report');
    expect(sourceCslItem({ meta: { ...document, kind: 'news article' } }, 'k').type).toBe('article-newspaper');
  });

  it('files the publisher of a web page as its site (container), of a report or book as its publisher', () => {
    expect(sourceCslItem({ meta: document, importedFormat: 'html' }, 'k')).toEqual({
      id: 'doc',
      type: 'webpage',
      'citation-key': 'k',
      title: 'A file',
      author: [{ family: 'Doe', given: 'Jane' }],
      'container-title': 'A Publisher',
      issued: { 'date-parts': [[2024, 3, 3]] },
    });
    expect(sourceCslItem({ meta: document, importedFormat: 'epub' }, 'k')).toMatchObject({ type: 'book', publisher: 'A Publisher' });
  });
});

describe('cslNames: organisations', () => {
  it('keeps an organisation’s name whole, even with "and" in it', () => {
    expect(cslNames('Institute for Peace and Conflict Studies')).toEqual([{ literal: 'Institute for Peace and Conflict Studies' }]);
    expect(cslNames('Foreign Policy')).toEqual([{ literal: 'Foreign Policy' }]);
    expect(cslNames('UN Security Council')).toEqual([{ literal: 'UN Security Council' }]);
  });

  it('still splits people', () => {
    expect(cslNames('Jane Doe and Ali Khan')).toEqual([
      { family: 'Doe', given: 'Jane' },
      { family: 'Khan', given: 'Ali' },
    ]);
  });
});
