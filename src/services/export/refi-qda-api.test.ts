import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';
import { refiQdaGuid } from './refi-qda-guid';

const notebooks = useTestNotebooks('refi-qda-api');
const REPO = resolve(__dirname, '../../..');
/** The REFI-QDA schema, beside the repository in ../shared (see /work/shared/conformance/refi-qda/README.md). */
const PROJECT_XSD = join(REPO, '..', 'shared', 'conformance', 'refi-qda', 'Project-mrt2019.xsd');
/** The codebook schema derived from it for these tests. */
const CODEBOOK_XSD = join(REPO, 'tests', 'fixtures', 'refi-qda', 'Codebook-derived.xsd');

const scratch = mkdtempSync(join(tmpdir(), 'refi-qda-xmllint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** xmllint's verdict on `xml` against `xsd`: the test fails with its messages when the file is not valid. */
function validate(xml: string, xsd: string, name: string): void {
  const file = join(scratch, name);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not be run (${run.error.message}): install libxml2-utils (apt-get install libxml2-utils), which CI installs.`);
  expect(run.stderr.trim(), `xmllint on ${name}`).toBe(`${file} validates`);
  expect(run.status).toBe(0);
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['Code', 'TextSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'Note', 'User'].includes(name), parseTagValue: false, parseAttributeValue: false, trimValues: false });

interface Selection {
  readonly guid: string;
  readonly name: string;
  readonly startPosition: string;
  readonly endPosition: string;
  readonly Description?: string;
  readonly Coding?: readonly { readonly CodeRef: { readonly targetGUID: string } }[];
  readonly NoteRef?: readonly { readonly targetGUID: string }[];
}
interface Code {
  readonly guid: string;
  readonly name: string;
  readonly isCodable: string;
  readonly color?: string;
  readonly Description?: string;
  readonly Code?: readonly Code[];
}

/** The zip's files by name. */
function unzipped(base64: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
}

const EMOJI_NOTE = 'Field note 🙂 from Kabul\r\n\r\nThe 🙂 envoy said the Taliban would act.\r\n';

/** Highlights on three sources (the report, the news capture and an imported note with an emoji and CRLF line ends), with tags, stances, grades and comments, and a memo citing two of them. */
async function codedNotebook(notebook: Notebook) {
  const imported = await call(notebook, 'sources.import', { importId: 'note', fileName: 'field-note.txt', bytes: new TextEncoder().encode(EMOJI_NOTE) });
  if (imported.status !== 'imported') throw new Error('the note was not imported');
  const noteId = imported.source.id;
  const [report, news, note] = await Promise.all([REPORT, NEWS, noteId].map((sourceId) => call(notebook, 'sources.get', { sourceId })));
  if (!report || !news || !note) throw new Error('sources missing');
  await call(notebook, 'sources.updateDetails', { sourceId: REPORT, details: { author: 'Weeda Mehran', publisher: 'Andiana Foundation', date: 'January 2025', reliability: 'B' } });
  const pledgeQuote = "Given the Taliban's unreliability, independent monitoring and analysis should be prioritized.";
  const pledge = await call(notebook, 'highlights.create', {
    sourceId: REPORT,
    ...rangeOf(report, pledgeQuote),
    tags: [{ tagId: 'rec:r1', stance: 'supports' }, { tagId: 'group:taliban' }],
    comment: 'Core of R1 <monitoring> & "analysis".',
  });
  await call(notebook, 'highlights.update', { highlightId: pledge.highlight.id, credibility: 2 });
  const isisK = await call(notebook, 'highlights.create', { sourceId: NEWS, ...rangeOf(news, 'commonly known as ISIS-K'), tags: [{ tagId: 'group:is-khorasan' }] });
  const envoy = await call(notebook, 'highlights.create', { sourceId: noteId, ...rangeOf(note, 'envoy said the Taliban would act'), tags: [{ tagId: 'group:taliban' }], comment: 'After the 🙂.' });
  const cite = (h: typeof pledge, quote: string) => ({ type: 'citation', attrs: { highlightId: h.highlight.id, display: 'inline', quote, sourceId: h.highlight.target.sourceId } });
  const memo = await call(notebook, 'memos.create', {
    title: 'Monitoring the Taliban',
    doc: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Why' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'The report says ', marks: [{ type: 'bold' }] }, cite(pledge, pledgeQuote), { type: 'text', text: '.' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [cite(envoy, 'envoy said the Taliban would act')] }] }] },
      ],
    },
  });
  return { noteId, note, pledge, isisK, envoy, memo };
}

describe('export.refiQdaProject through dispatch', () => {
  it('writes a .qdpx whose project.qde is valid QDA-XML, with codes, sources, selections and notes', async () => {
    const notebook = await notebooks.open({ now: () => new Date('2026-11-22T18:30:00.000Z') });
    const { noteId, note, pledge, isisK, envoy, memo } = await codedNotebook(notebook);
    const file = await call(notebook, 'export.refiQdaProject', {});
    expect(file).toMatchObject({ fileName: 'notebook-2026-11-22.qdpx', mediaType: 'application/zip', encoding: 'base64' });
    const files = unzipped(file.content);
    const guid = (key: string) => refiQdaGuid(key);
    expect(Object.keys(files).sort()).toEqual(['project.qde', ...[NEWS, REPORT, noteId].map((id) => `sources/${guid(`source:${id}`)}.txt`)].sort());
    const xml = strFromU8(files['project.qde'] ?? new Uint8Array());
    validate(xml, PROJECT_XSD, 'project.qde');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Notebook" origin="Notebook"')).toBe(true);

    const project = parser.parse(xml).Project;
    expect(project.Users.User).toEqual([{ guid: guid('user:notebook'), name: 'Notebook' }]);
    // Families group the tags and cannot be coded; tags are codes with their colours, aliases and recommendation text.
    const families: Code[] = project.CodeBook.Codes.Code;
    expect(families.every((f) => f.isCodable === 'false')).toBe(true);
    const tags = families.flatMap((f) => f.Code ?? []);
    expect(tags.every((t) => t.isCodable === 'true' && /^#[0-9a-f]{6}$/.test(t.color ?? ''))).toBe(true);
    const tagList = await call(notebook, 'tags.list', {});
    expect(tags.map((t) => t.name)).toEqual(tagList.families.flatMap((f) => tagList.tags.filter((t) => t.familyId === f.id).map((t) => t.name)));
    const taliban = tags.find((t) => t.guid === guid('tag:group:taliban'));
    expect(taliban?.Description).toMatch(/^Aliases: .*Islamic Emirate/u);
    const r1 = tagList.tags.find((t) => t.id === 'rec:r1');
    expect(tags.find((t) => t.guid === guid('tag:rec:r1'))?.Description).toBe(r1?.description.trim());

    // Each selection is located in code points of the exported text, which holds the quote there.
    const sources: { guid: string; name: string; plainTextPath: string; Description: string; PlainTextSelection?: Selection[] }[] = project.Sources.TextSource;
    const bySelection = new Map<string, { text: string; selection: Selection }>();
    for (const source of sources) {
      expect(source.plainTextPath).toBe(`internal://${source.guid}.txt`);
      const bytes = files[`sources/${source.guid}.txt`] ?? new Uint8Array();
      expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      const text = strFromU8(bytes);
      expect(text).not.toContain('\r');
      for (const selection of source.PlainTextSelection ?? []) bySelection.set(selection.guid, { text, selection });
    }
    for (const [h, quote] of [
      [pledge, "Given the Taliban's unreliability, independent monitoring and analysis should be prioritized."],
      [isisK, 'commonly known as ISIS-K'],
      [envoy, 'envoy said the Taliban would act'],
    ] as const) {
      const found = bySelection.get(guid(`highlight:${h.highlight.id}`));
      if (!found) throw new Error(`no selection for ${quote}`);
      const { text, selection } = found;
      expect([...text].slice(Number(selection.startPosition), Number(selection.endPosition)).join('')).toBe(quote);
      // Named by the quote, cut at a word with "…" past 80 code points.
      expect(selection.name).toBe(quote.length > 80 ? "Given the Taliban's unreliability, independent monitoring and analysis should…" : quote);
    }
    // The note's envoy comes after two emoji: its code point position is one less per emoji than its UTF-16 offset.
    const envoySelection = bySelection.get(guid(`highlight:${envoy.highlight.id}`))?.selection;
    expect(Number(envoySelection?.startPosition)).toBe(rangeOf(note, 'envoy said the Taliban would act').start - 2);

    const pledgeSelection = bySelection.get(guid(`highlight:${pledge.highlight.id}`))?.selection;
    expect(pledgeSelection?.Description).toBe(`Core of R1 <monitoring> & "analysis".\n\nStance: supports (${r1?.name}); Grade: B2`);
    expect(pledgeSelection?.Coding?.map((c) => c.CodeRef.targetGUID)).toEqual([guid('tag:rec:r1'), guid('tag:group:taliban')]);
    expect(pledgeSelection?.NoteRef).toEqual([{ targetGUID: guid(`memo:${memo.id}`) }]);
    expect(bySelection.get(guid(`highlight:${isisK.highlight.id}`))?.selection.NoteRef).toBeUndefined();
    expect(sources.find((s) => s.guid === guid(`source:${REPORT}`))?.Description).toBe('Weeda Mehran · Andiana Foundation · January 2025 · report\nReliability: B – Usually reliable');

    // The memo is a note in plain text.
    expect(project.Notes.Note).toEqual([
      expect.objectContaining({
        guid: guid(`memo:${memo.id}`),
        name: 'Monitoring the Taliban',
        creationDateTime: memo.created,
        PlainTextContent: `Why\n\nThe report says “Given the Taliban's unreliability, independent monitoring and analysis should be prioritized.” [Title of ${REPORT}].\n\n• “envoy said the Taliban would act” [field-note]`,
      }),
    ]);
    // What REFI-QDA cannot carry is said in the project and returned.
    expect(file.warnings.some((w) => w.startsWith('Highlight colours are not kept'))).toBe(true);
    expect(project.Description).toContain(file.warnings[0]);
  });

  it('exports the same bytes twice, and leaves out highlights with no place in the text, saying so', async () => {
    const notebook = await notebooks.open();
    const { isisK } = await codedNotebook(notebook);
    const first = await call(notebook, 'export.refiQdaProject', {});
    const second = await call(notebook, 'export.refiQdaProject', {});
    expect(second.content).toBe(first.content);
    expect(first.warnings.some((w) => w.includes('left out because'))).toBe(false);

    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    await call(notebook, 'sources.replace', { sourceId: NEWS, text: news.text.replace('commonly known as ISIS-K', 'which nobody names') });
    const after = await call(notebook, 'export.refiQdaProject', {});
    expect(after.warnings).toContain('1 highlight is left out because its passage is no longer found in the source’s current text or await review; place them in Notebook and export again.');
    const xml = strFromU8(unzipped(after.content)['project.qde'] ?? new Uint8Array());
    validate(xml, PROJECT_XSD, 'after-replace.qde');
    expect(xml).not.toContain(refiQdaGuid(`highlight:${isisK.highlight.id}`));
  });

  it('keeps positions exact for a text given with CRLF line ends and emoji (the parsers keep LF only)', async () => {
    const notebook = await notebooks.open();
    await call(notebook, 'sources.replace', { sourceId: NEWS, text: 'First 🙂 line\r\nSecond line\r\n\r\nThird 🙂 line, the end.\r\n' });
    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    const { highlight } = await call(notebook, 'highlights.create', { sourceId: NEWS, ...rangeOf(news, 'the end') });
    const files = unzipped((await call(notebook, 'export.refiQdaProject', {})).content);
    const text = strFromU8(files[`sources/${refiQdaGuid(`source:${NEWS}`)}.txt`] ?? new Uint8Array());
    expect(text).not.toContain('\r');
    const xml = strFromU8(files['project.qde'] ?? new Uint8Array());
    const selection = xml.match(new RegExp(`guid="${refiQdaGuid(`highlight:${highlight.id}`)}"[^>]*startPosition="(\\d+)" endPosition="(\\d+)"`, 'u'));
    expect([...text].slice(Number(selection?.[1]), Number(selection?.[2])).join('')).toBe('the end');
  });

  it('writes a valid project for a notebook with nothing highlighted', async () => {
    const notebook = await notebooks.open();
    const file = await call(notebook, 'export.refiQdaProject', {});
    const xml = strFromU8(unzipped(file.content)['project.qde'] ?? new Uint8Array());
    validate(xml, PROJECT_XSD, 'empty.qde');
    expect(xml).not.toContain('<Notes>');
  });
});

describe('export.refiQdaCodebook through dispatch', () => {
  it('writes the codes alone as a .qdc CodeBook, valid against the codebook schema and the same as the project’s', async () => {
    const notebook = await notebooks.open({ now: () => new Date('2026-11-22T18:30:00.000Z') });
    await call(notebook, 'families.create', { name: 'Themes & <motives>' });
    const file = await call(notebook, 'export.refiQdaCodebook', {});
    expect(file).toMatchObject({ fileName: 'notebook-codebook-2026-11-22.qdc', mediaType: 'application/xml' });
    expect(file.encoding).toBeUndefined();
    validate(file.content, CODEBOOK_XSD, 'codebook.qdc');
    expect(file.content).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Notebook">');
    expect(file.content).toContain('name="Themes &amp; &lt;motives&gt;" isCodable="false"/>');
    const project = strFromU8(unzipped((await call(notebook, 'export.refiQdaProject', {})).content)['project.qde'] ?? new Uint8Array());
    const codes = (xml: string) => xml.slice(xml.indexOf('<Codes>'), xml.indexOf('</Codes>')).replace(/^\s+/gmu, '');
    expect(codes(file.content)).toBe(codes(project));
    expect(await callFails(notebook, 'export.refiQdaCodebook', { extra: 1 })).toMatchObject({ code: 'invalid-input' });
  });
});
