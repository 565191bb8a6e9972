import { describe, expect, it } from 'vitest';
import { charOffset } from '../model/ids';
import { emptyMetadata, type ExtractedSource } from './extracted-source';
import { finishExtraction, titleFromFileName } from './finish-extraction';

const extracted = (text: string, extra: Partial<ExtractedSource> = {}): ExtractedSource => ({
  format: 'text',
  parsed: { text, blocks: [{ kind: 'paragraph', range: { start: charOffset(0), end: charOffset(text.length) }, marks: [] }] },
  metadata: emptyMetadata,
  warnings: [],
  ...extra,
});

describe('finishExtraction', () => {
  it('refuses a file with no text', () => {
    expect(() => finishExtraction(extracted(' \n '), 'blank.txt')).toThrow('“blank.txt” holds no text to read.');
  });

  it('replaces lone surrogates one for one, so offsets stay', () => {
    const finished = finishExtraction(extracted('a\ud800b\udc00c😀'), 'x.txt');
    expect(finished.parsed.text).toBe('a\ufffdb\ufffdc😀');
  });

  it('rejects pages that do not tile the text in order', () => {
    const page = (index: number, start: number, end: number) => ({ index, label: String(index), range: { start: charOffset(start), end: charOffset(end) } });
    const bad = extracted('abcdef', { parsed: { text: 'abcdef', blocks: [], pages: [page(1, 0, 4), page(2, 3, 6)] } });
    expect(() => finishExtraction(bad, 'x.pdf')).toThrow(/page 2/);
  });

  it('shows a machine timestamp as its day, and keeps dates written for people', () => {
    const dated = (date: string) => finishExtraction(extracted('x', { metadata: { ...emptyMetadata, date } }), 'x').metadata.date;
    expect(dated('2024-03-05T09:30:00Z')).toBe('2024-03-05');
    expect(dated('2024-03-05T09:30:00+01:00')).toBe('2024-03-05');
    expect(dated('March 5, 2024')).toBe('March 5, 2024');
    expect(dated('  ')).toBeNull();
  });

  it('tidies the title and drops an empty one', () => {
    expect(finishExtraction(extracted('x', { metadata: { ...emptyMetadata, title: '  Two\n words ' } }), 'x').metadata.title).toBe('Two words');
    expect(finishExtraction(extracted('x', { metadata: { ...emptyMetadata, title: ' ' } }), 'x').metadata.title).toBeNull();
  });
});

describe('titleFromFileName', () => {
  it('makes a title of a file name', () => {
    expect(titleFromFileName('Annual_report-2024 (final).pdf')).toBe('Annual report-2024 (final)');
    expect(titleFromFileName('.pdf')).toBe('.pdf');
    expect(titleFromFileName('dir/notes')).toBe('notes');
  });
});
