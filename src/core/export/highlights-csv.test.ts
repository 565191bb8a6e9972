import { describe, expect, it } from 'vitest';
import type { Highlight, Tag } from '../model/highlight';
import { charOffset, familyId, highlightId, sourceId, tagId, textHash, type SourceId } from '../model/ids';
import type { SourceMeta } from '../model/source';
import { CSV_COLUMNS, toHighlightsCsv, type CsvExportOptions, type HighlightLocation } from './highlights-csv';

/** An RFC 4180 reader, to check the export cell by cell: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      [row, field] = [[], ''];
      i++;
    } else {
      if (ch === '\n' || ch === '\r' || ch === '"') throw new Error(`Unquoted ${JSON.stringify(ch)} at ${i}`);
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('The last record does not end with CRLF');
  return rows;
}

const REPORT = sourceId('004_22ba044b9207139b');
const NEWS = sourceId('002_9354d1a30852f093');
const source = (id: SourceId, title: string): SourceMeta => ({
  id,
  file: `${id}.txt`,
  title,
  author: null,
  publisher: null,
  date: null,
  isoDate: null,
  kind: 'report',
  format: 'markdown',
  link: null,
  sha256: textHash('0'.repeat(64)),
  note: null,
});
const tag = (id: string, name: string, family: string): Tag => ({ id: tagId(id), familyId: familyId(family), name, color: '#888888', aliases: [], description: '', statedAt: null });
const TAGS = [
  tag('group:ttp', 'Tehrik-e Taliban Pakistan (تحریک طالبان پاکستان)', 'groups'),
  tag('group:iskp', 'IS-Khorasan, "ISKP"', 'groups'),
  tag('rec:2', 'Strategic Engagement', 'recommendations'),
  tag('rec:4', '=Conditional Engagement', 'recommendations'),
];

function highlight(id: string, sourceIdOf: SourceId, exact: string, start: number, extra: Partial<Highlight> = {}): Highlight {
  return {
    id: highlightId(id),
    target: {
      sourceId: sourceIdOf,
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: charOffset(start), end: charOffset(start + exact.length) },
      textHash: textHash('0'.repeat(64)),
    },
    color: null,
    tags: [],
    comment: '',
    created: '2025-01-13T09:30:00.000Z',
    modified: '2025-01-13T09:31:00.000Z',
    ...extra,
  };
}

const highlights: Highlight[] = [
  highlight('h1', REPORT, 'The Taliban said: "These incidents are the outcome", and more.', 120, {
    tags: [{ tagId: tagId('group:ttp') }, { tagId: tagId('rec:2'), stance: 'supports' }, { tagId: tagId('rec:4'), stance: 'contradicts' }],
    comment: 'Line one,\nline two\r\nwith "quotes" — and an emoji 🌐.',
  }),
  highlight('h2', NEWS, '=HYPERLINK("http://evil.example","click")', 10, { comment: '+1 agreed', tags: [{ tagId: tagId('group:iskp') }] }),
  highlight('h3', NEWS, '-20% of fighters', 40, { comment: '@analyst check' }),
  highlight('h4', NEWS, '\tindented', 60, { comment: '\rreturn first' }),
  highlight('h5', REPORT, 'د طالبانو واکمني', 7000),
];

const located: Record<string, HighlightLocation | null> = { h1: { heading: 'Executive Summary', paragraph: 1 }, h2: { heading: null, paragraph: 2 }, h3: { heading: 'Kabul, 13 January', paragraph: 5 }, h4: null, h5: { heading: 'Recommendations', paragraph: 12 } };
const calls: string[] = [];
const options: CsvExportOptions = {
  sources: [source(REPORT, 'The New Jihadi Sphere Under Taliban’s Rule'), source(NEWS, 'US weighs “wider” cooperation, officials say')],
  tags: TAGS,
  locate: (h) => {
    calls.push(h.id);
    return located[h.id] ?? null;
  },
};

const result = toHighlightsCsv(highlights, options);
const csv = result.ok ? result.value : '';
const rows = parseCsv(csv.slice(1));

describe('toHighlightsCsv', () => {
  it('starts with a byte order mark and ends every record, the last too, with CRLF', () => {
    expect(result.ok).toBe(true);
    expect(csv.startsWith('\uFEFFsource,location,quote,tags,stance,comment,created,modified,reliability,credibility\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(csv);
  });

  it('writes one record per highlight under the header, each with every column', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(highlights.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('keeps quotes, commas, line breaks, Arabic script and emoji intact through RFC 4180 quoting', () => {
    expect(rows[1]).toEqual([
      'The New Jihadi Sphere Under Taliban’s Rule',
      'Executive Summary, paragraph 1',
      'The Taliban said: "These incidents are the outcome", and more.',
      'Tehrik-e Taliban Pakistan (تحریک طالبان پاکستان); Strategic Engagement; =Conditional Engagement',
      'Strategic Engagement: supports; =Conditional Engagement: contradicts',
      'Line one,\nline two\r\nwith "quotes" — and an emoji 🌐.',
      '2025-01-13T09:30:00.000Z',
      '2025-01-13T09:31:00.000Z',
      '',
      '',
    ]);
    expect(csv).toContain('"The Taliban said: ""These incidents are the outcome"", and more."');
    expect(rows[5]?.[2]).toBe('د طالبانو واکمني');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(rows[2]?.slice(2, 6)).toEqual(['\'=HYPERLINK("http://evil.example","click")', 'IS-Khorasan, "ISKP"', '', "'+1 agreed"]);
    expect(rows[3]?.[2]).toBe("'-20% of fighters");
    expect(rows[3]?.[5]).toBe("'@analyst check");
    expect(rows[4]?.[2]).toBe("'\tindented");
    expect(rows[4]?.[5]).toBe("'\rreturn first");
    // Inside a cell, an = that does not start it is harmless and left alone.
    expect(rows[1]?.[3]).toContain('; =Conditional');
  });

  it('locates each highlight by heading and paragraph through the function it is given', () => {
    expect(calls).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Executive Summary, paragraph 1', 'paragraph 2', 'Kabul, 13 January, paragraph 5', '', 'Recommendations, paragraph 12']);
  });

  it('gives the printed pages in place of the paragraph for a highlight in a paginated source', () => {
    const paged: Record<string, HighlightLocation> = { h1: { heading: 'Introduction', paragraph: 4, pages: 'p. 12' }, h5: { heading: null, paragraph: 2, pages: 'pp. xii–1' } };
    const csvOf = toHighlightsCsv([highlights[0] as Highlight, highlights[4] as Highlight], { ...options, locate: (h) => paged[h.id] ?? null });
    const paginatedRows = parseCsv(csvOf.ok ? csvOf.value.slice(1) : '');
    expect(paginatedRows[0]).toEqual([...CSV_COLUMNS]);
    expect(paginatedRows.slice(1).map((r) => r[1])).toEqual(['Introduction, p. 12', 'pp. xii–1']);
  });

  it('gives the source’s reliability and the passage’s credibility in the last two columns, empty when ungraded', () => {
    const graded = toHighlightsCsv([highlight('h6', NEWS, 'graded', 0, { credibility: 2 }), highlight('h7', REPORT, 'half graded', 0, { credibility: 6 })], {
      ...options,
      sources: [{ ...source(NEWS, 'News'), reliability: 'B' }, { ...source(REPORT, 'Report'), reliability: null }],
    });
    const gradedRows = parseCsv(graded.ok ? graded.value.slice(1) : '');
    expect(gradedRows.map((r) => r.slice(-2))).toEqual([['reliability', 'credibility'], ['B', '2'], ['', '6']]);
    expect(rows.slice(1).every((r) => r[8] === '' && r[9] === '')).toBe(true);
  });

  it('writes only the header for no highlights', () => {
    expect(toHighlightsCsv([], options)).toEqual({ ok: true, value: `\uFEFF${CSV_COLUMNS.join(',')}\r\n` });
  });

  it('names the highlight whose source or tag it was not given', () => {
    expect(toHighlightsCsv(highlights, { ...options, sources: [] })).toEqual({ ok: false, error: { code: 'unknown-source', message: expect.stringContaining('h1') } });
    const stray = highlight('h9', NEWS, 'x', 0, { tags: [{ tagId: tagId('tag:gone') }] });
    expect(toHighlightsCsv([stray], options)).toEqual({ ok: false, error: { code: 'unknown-tag', message: expect.stringContaining('tag:gone') } });
  });
});
