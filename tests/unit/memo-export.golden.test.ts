/**
 * Golden file: tests/fixtures/memo-export/sources-memo.md pins the Markdown export of a memo that
 * cites the bundled sources (parsed as the notebook parses them, highlighted with describeRange):
 * front matter, body, footnotes with locations and the report's own notes, and the Sources list.
 * Beyond the pinned bytes, the file is read back with markdown-it and markdown-it-footnote and
 * checked: every footnote reference resolves, every quote is its source passage character for
 * character, and the front matter is YAML with the expected fields.
 *
 * After an intended change to the export format, regenerate the file and read its diff:
 *   UPDATE_GOLDEN=1 npx vitest run tests/unit/memo-export.golden.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../src/core/anchoring/describe-range';
import { parseSource } from '../../src/core/document/parse-source';
import { livePassage, type CitedPassage, type MemoExportContext } from '../../src/core/memo/cited-passage';
import { memoCitations } from '../../src/core/memo/memo-schema';
import { memoToMarkdown } from '../../src/core/memo/memo-to-markdown';
import { citationNotes } from '../../src/core/memo/citation-notes';
import { citeprocFormatter } from '../../src/services/citations/citeproc-formatter';
import { highlightId, memoId, type SourceId } from '../../src/core/model/ids';
import type { Memo } from '../../src/core/model/memo';
import type { ParsedSource, SourceMeta } from '../../src/core/model/source';
import { readBundledSources } from './bundled-source-files';
import { bold, cite, doc, heading, italic, link, paragraph, text } from './support/memo-builders';
import { readMarkdown } from './support/read-markdown';

const FIXTURE = fileURLToPath(new URL('../fixtures/memo-export/sources-memo.md', import.meta.url));
const APA_FIXTURE = fileURLToPath(new URL('../fixtures/memo-export/sources-memo-apa.md', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const sources = new Map<SourceId, { meta: SourceMeta; parsed: ParsedSource }>(
  readBundledSources().map(({ meta, raw }) => [meta.id, { meta, parsed: parseSource(raw, meta.format) }]),
);
const source = (file: string) => {
  const found = [...sources.values()].find((s) => s.meta.file === file);
  if (!found) throw new Error(`No bundled source ${file}`);
  return found;
};
const report = source('004_22ba044b9207139b.txt');
const foreignPolicy = source('000_e96dcd9e244dc96f.txt');
const newsReport = source('002_9354d1a30852f093.txt');
const institute = source('003_60877fbdee16f22e.txt');

/** A highlight on the only occurrence of `passage` in a source, described as the notebook describes a selection. */
function highlight(id: string, on: { meta: SourceMeta; parsed: ParsedSource }, passage: string, tags: string[]): CitedPassage {
  const start = on.parsed.text.indexOf(passage);
  if (start < 0 || on.parsed.text.indexOf(passage, start + 1) >= 0) throw new Error(`"${passage}" must occur once in ${on.meta.file}`);
  const described = describeRange(on.parsed.text, start, start + passage.length);
  if (!described.ok) throw new Error(described.error.message);
  const { position } = described.value;
  return livePassage(highlightId(id), on.meta, on.parsed, { start: position.start, end: position.end }, tags);
}

const passages: CitedPassage[] = [
  highlight('h-dozen', report, "Over two dozen terrorist groups currently operate freely in Afghanistan under the Taliban's de facto rule.10", ['Al Qaeda', 'TTP']),
  highlight('h-shaheen', report, 'Suhail Shaheen, the Taliban\'s spokesperson told BBC: "As Muslims, we also have a right to raise our voice for Muslims in Kashmir, India or any other country."7', ['Afghan Taliban']),
  highlight('h-long-term', report, 'The international community should adopt a long-term strategy rather than short-term solutions', ['Long-Term Strategy']),
  highlight('h-bodies', foreignPolicy, 'The bodies are piling up in Afghanistan as the Taliban claim to be wiping the country clean of a resurgent Islamic State', ['ISKP']),
  highlight('h-two-years', institute, 'Two years after the Taliban takeover in Afghanistan, the emerging security situation is both optimistic and alarming.', ['ISKP']),
  highlight('h-marked', newsReport, 'Required fields are marked *', []),
  {
    state: 'deleted',
    highlightId: highlightId('h-deleted'),
    sourceId: report.meta.id,
    source: report.meta,
    quote: 'Strategic patience, rather than short-term fixes, will be necessary',
    tags: [],
  },
  {
    state: 'orphan',
    highlightId: highlightId('h-orphan'),
    sourceId: foreignPolicy.meta.id,
    source: foreignPolicy.meta,
    quote: 'A sentence the source no longer has [sic] *',
    tags: ['ISKP'],
  },
];
const byId = new Map(passages.map((p) => [p.highlightId, p]));
const context: MemoExportContext = {
  date: '2026-11-22',
  notes: (cited) => citationNotes(cited, 'chicago-note', citeprocFormatter),
  passage: (citation) => {
    const found = byId.get(citation.highlightId);
    if (!found) throw new Error(`No passage for ${citation.highlightId}`);
    return found;
  },
};

const memo: Memo = {
  id: memoId('memo-golden'),
  title: 'Jihadi groups under Taliban rule: what the sources say',
  created: '2026-11-20T09:00:00.000Z',
  modified: '2026-11-22T17:30:00.000Z',
  doc: doc(
    heading(2, text('Scale of the problem')),
    paragraph(text('The report counts the groups plainly:')),
    paragraph(cite('h-dozen', 'block')),
    paragraph(text('The Taliban’s own line, as the report quotes it: '), cite('h-shaheen'), text('.')),
    heading(2, text('Counter-terrorism claims')),
    paragraph(cite('h-bodies', 'block')),
    paragraph(text('A second view (the '), text('Institute of the Middle East', italic), text('): '), cite('h-two-years'), text('.')),
    paragraph(text('Even a comment form’s footer is quoted as written: '), cite('h-marked'), text('.')),
    heading(2, text('Recommendations')),
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('Long-term: '), cite('h-long-term'), text('.'))] },
        { type: 'listItem', content: [paragraph(text('Cited again, same footnote: '), cite('h-dozen'), text('.'))] },
      ],
    },
    paragraph(text('No longer highlighted: '), cite('h-deleted'), text('; lost in an edit of the source: '), cite('h-orphan'), text('.')),
    paragraph(text('Bottom line:', bold), text(' compare with the '), text('UN monitoring reports', link('https://www.un.org/securitycouncil/sanctions/1988')), text('.')),
  ),
};

const exported = memoToMarkdown(memo, context);

describe('memo export golden file', () => {
  it('matches tests/fixtures/memo-export/sources-memo.md', () => {
    if (UPDATE || !existsSync(FIXTURE)) {
      mkdirSync(new URL('../fixtures/memo-export/', import.meta.url), { recursive: true });
      writeFileSync(FIXTURE, exported);
    }
    expect(exported).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  const rendered = readMarkdown(exported);

  it('has YAML front matter with the title, the date and the cited passages’ tags', () => {
    expect(rendered.frontMatter).toEqual({
      title: memo.title,
      date: '2026-11-22',
      tags: ['Al Qaeda', 'TTP', 'Afghan Taliban', 'ISKP', 'Long-Term Strategy'],
    });
  });

  it('resolves every footnote reference, one footnote per passage, reused when cited again', () => {
    const citations = memoCitations(memo.doc);
    expect(rendered.references).toHaveLength(citations.length);
    expect(new Set(rendered.references)).toEqual(new Set(rendered.footnotes));
    expect(rendered.footnotes).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(rendered.references).toEqual(['1', '2', '3', '4', '5', '6', '1', '7', '8']);
  });

  it('quotes every passage exactly as its source’s text has it', () => {
    const citations = memoCitations(memo.doc);
    const before: string[] = [];
    for (const block of rendered.blocks.filter((b) => !b.containers.includes('footnote'))) {
      const pieces = block.text.split(/⟦\d+⟧/);
      before.push(...pieces.slice(0, -1));
    }
    expect(before).toHaveLength(citations.length);
    citations.forEach((citation, i) => {
      const passage = byId.get(citation.highlightId);
      if (!passage) throw new Error(`No passage for ${citation.highlightId}`);
      const expected = passage.state === 'live' ? sources.get(passage.sourceId)?.parsed.text.slice(passage.range.start, passage.range.end) : passage.quote;
      if (citation.display === 'block') expect(before[i]).toBe(expected);
      else expect(before[i]?.endsWith(`“${expected}”`), `${before[i]} ends with “${expected}”`).toBe(true);
    });
  });

  it('gives each footnote the Chicago note of its source and the passage’s paragraph and section, then the report’s notes', () => {
    const footnotes = rendered.blocks.filter((b) => b.containers.includes('footnote')).map((b) => b.text);
    expect(footnotes[0]).toBe('Mehran, The New Jihadi Sphere Under Taliban\'s Rule, para. 2, under “Introduction.”');
    expect(footnotes[1]).toMatch(/^Note 10 of the source: \S/);
    // A second note to the source just cited is shortened to the author, as the style does.
    expect(footnotes[2]).toBe('Mehran, para. 1, under “Introduction.”');
    expect(footnotes.find((f) => f.startsWith('Duality'))).toBe('Duality of the Afghan Taliban\'s Counter-Terrorist Policy and Its Consequences for the International Community, para. 1.');
    expect(footnotes.filter((f) => f.includes('no longer highlighted'))).toHaveLength(1);
    expect(footnotes.filter((f) => f.includes('no longer found'))).toHaveLength(1);
  });

  it('sets the titles of reports in italics and those of articles in quotation marks', () => {
    expect(exported).toContain('[^1]: Mehran, *The New Jihadi Sphere Under Taliban\\\'s Rule*, para. 2');
    expect(exported).toContain('[^3]: “What Happened to the Taliban’s Pledge to Fight Terrorism?,” para. 1.');
  });

  it('ends with the Bibliography, each cited source once, in Chicago’s order', () => {
    const sourcesList = rendered.blocks.filter((b) => b.containers.join() === 'bullet_list,list_item').slice(-4).map((b) => b.text);
    expect(sourcesList).toEqual([
      `${institute.meta.title.replace("Afghan Taliban's counter-terrorist policy and its consequences for the international community", 'Afghan Taliban\'s Counter-Terrorist Policy and Its Consequences for the International Community')}. ${institute.meta.publisher}, September 11, 2023.`,
      'Foreign Policy. “What Happened to the Taliban’s Pledge to Fight Terrorism?” n.d.',
      'Mehran, Weeda. The New Jihadi Sphere Under Taliban\'s Rule. Andiana Foundation, January 2025.',
      '“[US Officials Weigh Wider Counter-Terrorism Cooperation with the Taliban against ISIS-K].” January 13, 2025.',
    ]);
    expect(exported.trimEnd().split('\n').at(-6)).toBe('## Bibliography');
  });
});

describe('memo export golden file, APA', () => {
  const apa = memoToMarkdown({ ...memo, citationStyle: 'apa' }, { ...context, notes: (cited) => citationNotes(cited, 'apa', citeprocFormatter) });

  it('matches tests/fixtures/memo-export/sources-memo-apa.md', () => {
    if (UPDATE || !existsSync(APA_FIXTURE)) writeFileSync(APA_FIXTURE, apa);
    expect(apa).toBe(readFileSync(APA_FIXTURE, 'utf8'));
  });

  it('has the same body, and footnotes that are APA’s parenthetical references', () => {
    expect(apa.slice(0, apa.indexOf('[^1]:'))).toBe(exported.slice(0, exported.indexOf('[^1]:')));
    const footnotes = readMarkdown(apa).blocks.filter((b) => b.containers.includes('footnote')).map((b) => b.text);
    expect(footnotes[0]).toBe('(Mehran, 2025, para. 2, under “Introduction”)');
    expect(footnotes[1]).toMatch(/^Note 10 of the source: \S/);
    expect(footnotes[2]).toBe('(Mehran, 2025, para. 1, under “Introduction”)');
  });

  it('ends with the References, each cited source once', () => {
    const tail = apa.slice(apa.indexOf('## References'));
    expect(tail.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(4);
    expect(tail).toContain('- Mehran, W. (2025). *The New Jihadi Sphere Under Taliban\\\'s Rule*. Andiana Foundation.\n');
  });
});
