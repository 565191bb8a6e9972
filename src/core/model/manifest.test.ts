import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';

const valid = {
  id: 'fp-taliban-pledge-capture-1',
  file: '000_e96dcd9e244dc96f.txt',
  title: 'What Happened to the Taliban’s Pledge to Fight Terrorism?',
  author: null,
  publisher: 'Foreign Policy',
  date: 'January 13, 2025',
  isoDate: '2025-01-13',
  kind: 'news article',
  format: 'news-capture',
  link: 'https://foreignpolicy.com/',
  sha256: 'a'.repeat(64),
  note: null,
};

const problemsOf = (json: unknown): string[] => {
  const result = parseManifest(json);
  return result.ok ? [] : result.problems;
};

describe('parseManifest', () => {
  it('accepts the bundled manifest', () => {
    const bundled: unknown = JSON.parse(readFileSync(new URL('../../../resources/manifest.json', import.meta.url), 'utf8'));
    const result = parseManifest(bundled);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.value.length).toBe(5);
  });

  it('returns the entries as SourceMeta values', () => {
    expect(parseManifest([valid])).toEqual({ ok: true, value: [valid] });
  });

  it('accepts a month-only ISO date and a missing date', () => {
    expect(problemsOf([{ ...valid, date: 'January 2025', isoDate: '2025-01' }])).toEqual([]);
    expect(problemsOf([{ ...valid, date: null, isoDate: null }])).toEqual([]);
  });

  it('refuses anything but an array', () => {
    expect(problemsOf({ sources: [] })).toEqual(['The manifest must be a JSON array with one entry per source.']);
  });

  it('names the entry and the field of each problem, all at once', () => {
    const problems = problemsOf([valid, { ...valid, id: 'Bad Id', file: 'a/b.txt', kind: 'blog', sha256: 'XYZ', title: '' }]);
    expect(problems).toEqual([
      'Entry 2 ("Bad Id"): "id" must be a lower-case slug such as "fp-taliban-pledge-capture-1", not "Bad Id".',
      'Entry 2 ("Bad Id"): "file" must be a bare file name under resources/sources, not "a/b.txt".',
      'Entry 2 ("Bad Id"): "title" must be a non-empty string.',
      'Entry 2 ("Bad Id"): "kind" must be one of "news article", "report", "analysis".',
      'Entry 2 ("Bad Id"): "sha256" must be 64 lower-case hexadecimal digits, not "XYZ".',
    ]);
  });

  it('refuses missing and mistyped fields, and fields it does not know', () => {
    const { author: _author, ...withoutAuthor } = valid;
    expect(problemsOf([{ ...withoutAuthor, link: 42, extra: true, format: 'pdf' }])).toEqual([
      'Entry 1 ("fp-taliban-pledge-capture-1"): unknown field "extra" (expected only id, file, title, author, publisher, date, isoDate, kind, format, link, sha256, note).',
      'Entry 1 ("fp-taliban-pledge-capture-1"): "author" must be a string or null.',
      'Entry 1 ("fp-taliban-pledge-capture-1"): "format" must be one of "news-capture", "markdown".',
      'Entry 1 ("fp-taliban-pledge-capture-1"): "link" must be a string or null.',
    ]);
  });

  it('refuses impossible ISO dates, and an ISO date without the date it is read from', () => {
    expect(problemsOf([{ ...valid, isoDate: '2025-02-30' }])).toEqual([
      'Entry 1 ("fp-taliban-pledge-capture-1"): "isoDate" must be a real date as YYYY-MM or YYYY-MM-DD, not "2025-02-30".',
    ]);
    expect(problemsOf([{ ...valid, date: null }])).toEqual([
      'Entry 1 ("fp-taliban-pledge-capture-1"): "isoDate" must be null when "date" is null: it is read from the date the text gives.',
    ]);
  });

  it('refuses a link that is not an http(s) address', () => {
    expect(problemsOf([{ ...valid, link: 'javascript:alert(1)' }])).toEqual([
      'Entry 1 ("fp-taliban-pledge-capture-1"): "link" must be an http(s) address, not "javascript:alert(1)".',
    ]);
  });

  it('refuses entries that are not objects and repeated ids or files', () => {
    expect(problemsOf([valid, 'text', { ...valid, sha256: 'b'.repeat(64) }])).toEqual([
      'Entry 2: must be an object with the fields id, file, title, author, publisher, date, isoDate, kind, format, link, sha256, note.',
      'More than one entry has "id" "fp-taliban-pledge-capture-1"; each source must appear once.',
      'More than one entry has "file" "000_e96dcd9e244dc96f.txt"; each source must appear once.',
    ]);
  });
});
