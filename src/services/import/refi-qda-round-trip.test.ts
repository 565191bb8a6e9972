import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { call, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('refi-qda-round-trip');

const NOTE = 'Field note 🙂 from Kabul\r\n\r\nThe 🙂 envoy said the Taliban would act.\r\nA second line ends here.\r\n';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['Code', 'TextSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'Note'].includes(name),
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

interface Code {
  readonly guid: string;
  readonly name: string;
  readonly Code?: readonly Code[];
}
interface Selection {
  readonly name: string;
  readonly startPosition: string;
  readonly endPosition: string;
  readonly Coding?: readonly { readonly CodeRef: { readonly targetGUID: string } }[];
  readonly NoteRef?: readonly { readonly targetGUID: string }[];
}
interface TextSource {
  readonly guid: string;
  readonly name: string;
  readonly PlainTextSelection?: readonly Selection[];
}

/**
 * What a .qdpx says in terms that do not depend on the notebook that wrote it (guids are made from
 * each notebook's own ids): the code tree by name, each coded source's name and text with its
 * selections (positions, quotes, codes by name, notes by name), and the notes.
 */
function content(base64: string) {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  const project = parser.parse(strFromU8(files['project.qde'] ?? new Uint8Array())).Project;
  const codes: Code[] = project.CodeBook.Codes.Code;
  const codeNames = new Map<string, string>();
  const tree = (list: readonly Code[], prefix: string): string[] =>
    list.flatMap((code) => {
      codeNames.set(code.guid, `${prefix}${code.name}`);
      return [`${prefix}${code.name}`, ...tree(code.Code ?? [], `${prefix}${code.name} / `)];
    });
  const codeTree = tree(codes, '');
  const notes: { guid: string; name: string; PlainTextContent: string }[] = project.Notes?.Note ?? [];
  const noteNames = new Map(notes.map((n) => [n.guid, n.name]));
  const sources = (project.Sources.TextSource as TextSource[])
    .filter((source) => (source.PlainTextSelection ?? []).length > 0)
    .map((source) => {
      const text = strFromU8(files[`sources/${source.guid}.txt`] ?? new Uint8Array());
      return {
        name: source.name,
        text,
        selections: (source.PlainTextSelection ?? []).map((s) => ({
          start: Number(s.startPosition),
          end: Number(s.endPosition),
          quote: [...text].slice(Number(s.startPosition), Number(s.endPosition)).join(''),
          name: s.name,
          codes: (s.Coding ?? []).map((c) => codeNames.get(c.CodeRef.targetGUID)).sort(),
          notes: (s.NoteRef ?? []).map((r) => noteNames.get(r.targetGUID)),
        })),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { codeTree, sources, notes: notes.map((n) => ({ name: n.name, text: n.PlainTextContent })) };
}

/** Tags, highlights on three sources (one imported with an emoji and CRLF line ends), comments and a memo citing two passages. */
async function codedNotebook(notebook: Notebook): Promise<void> {
  const imported = await call(notebook, 'sources.import', { importId: 'note', fileName: 'field-note.txt', bytes: new TextEncoder().encode(NOTE) });
  if (imported.status !== 'imported') throw new Error('the note was not imported');
  const noteId = imported.source.id;
  const [report, news, note] = await Promise.all([REPORT, NEWS, noteId].map((sourceId) => call(notebook, 'sources.get', { sourceId })));
  const family = await call(notebook, 'families.create', { name: 'Themes' });
  const theme = await call(notebook, 'tags.create', { familyId: family.id, name: 'Monitoring', color: '#1f6feb', description: 'Who watches the Taliban.' });
  const pledge = await call(notebook, 'highlights.create', {
    sourceId: REPORT,
    ...rangeOf(report!, "Given the Taliban's unreliability, independent monitoring and analysis should be prioritized."),
    tags: [{ tagId: 'group:taliban' }, { tagId: theme.id }],
    comment: 'Core of R1.',
  });
  await call(notebook, 'highlights.create', { sourceId: NEWS, ...rangeOf(news!, 'commonly known as ISIS-K'), tags: [{ tagId: 'group:is-khorasan' }] });
  const envoy = await call(notebook, 'highlights.create', { sourceId: noteId, ...rangeOf(note!, 'envoy said the Taliban would act.\nA second'), tags: [{ tagId: 'group:taliban' }], comment: 'After the 🙂.' });
  await call(notebook, 'highlights.create', { sourceId: noteId, ...rangeOf(note!, 'Field note 🙂'), tags: [{ tagId: theme.id }] });
  const cite = (h: typeof pledge) => ({ type: 'citation', attrs: { highlightId: h.highlight.id, display: 'inline', quote: h.highlight.target.quote.exact, sourceId: h.highlight.target.sourceId } });
  await call(notebook, 'memos.create', {
    title: 'Monitoring the Taliban',
    doc: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Why' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'The report says ' }, cite(pledge), { type: 'text', text: '.' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [cite(envoy)] }] }] },
      ],
    },
  });
}

describe('REFI-QDA round trip', () => {
  it('exports a notebook, imports it into an empty one, and exports the same sources, codes, selections and notes', async () => {
    const first = await notebooks.open();
    await codedNotebook(first);
    const exported = await call(first, 'export.refiQdaProject', {});
    await first.close();

    const second = await notebooks.open({ dataDir: join(notebooks.root(), 'second') });
    const outcome = await call(second, 'sources.import', { importId: 'project', fileName: exported.fileName, bytes: new Uint8Array(Buffer.from(exported.content, 'base64')) });
    expect(outcome).toMatchObject({ status: 'project', highlights: 4, memos: 1, problems: [] });
    const again = await call(second, 'export.refiQdaProject', {});

    const before = content(exported.content);
    const after = content(again.content);
    expect(before.sources.map((s) => s.selections.length).sort()).toEqual([1, 1, 2]);
    expect(before.sources.some((s) => s.text.includes('🙂'))).toBe(true);
    expect(after.sources).toEqual(before.sources);
    expect(after.codeTree).toEqual(before.codeTree);
    expect(after.notes).toEqual(before.notes);
  });
});
