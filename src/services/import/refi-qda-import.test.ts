import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../core/import/import-failure';
import type { ImportOutcome } from '../../shared/api-contract';
import { call, callFails, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('refi-qda-import');
const FIXTURES = resolve(__dirname, '../../../tests/fixtures/refi-qda');

/** The hand-made project of tests/fixtures/refi-qda/other-tool zipped as a .qdpx, its folders as written ("Sources/"). */
function otherToolProject(): Uint8Array {
  const root = join(FIXTURES, 'other-tool');
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(root);
  return zipSync(files);
}

type ProjectOutcome = Extract<ImportOutcome, { status: 'project' }>;

async function importProject(notebook: Notebook, fileName: string, bytes: Uint8Array): Promise<ProjectOutcome> {
  const outcome = await call(notebook, 'sources.import', { importId: 'project', fileName, bytes });
  if (outcome.status !== 'project') throw new Error(`expected a project, got ${outcome.status}`);
  return outcome;
}

/** Each highlight of a source as its quote and the names of its tags. */
async function codings(notebook: Notebook, sourceId: string) {
  const { tags } = await call(notebook, 'tags.list', {});
  const name = (id: string): string => tags.find((t) => t.id === id)?.name ?? `unknown ${id}`;
  const list = await call(notebook, 'highlights.list', { sourceId });
  return list.map(({ highlight, status }) => ({ quote: highlight.target.quote.exact, status, tags: highlight.tags.map((t) => name(t.tagId)), comment: highlight.comment }));
}

describe('sources.import of a REFI-QDA project', () => {
  it('brings a project from another tool: its text sources, code tree, codings and notes, and reports what it could not place', async () => {
    const notebook = await notebooks.open();
    const outcome = await importProject(notebook, 'Afghanistan interviews.qdpx', otherToolProject());

    expect(outcome.sources.map((s) => [s.title, s.imported?.format, s.imported?.fileName])).toEqual([
      ['Interview 1', 'text', 'Interview 1.txt'],
      ['Field note from Kunar', 'text', 'Field note from Kunar.txt'],
    ]);
    expect(outcome).toMatchObject({ tags: 5, highlights: 5, memos: 1 });
    expect(outcome.problems).toEqual([
      '1 source was left out, as Notebook reads only text: “Map of Kunar” (picture).',
      '1 coding could not be placed: “This sentence appears nowhere in the text at all” in “Interview 1.txt”: its positions (500–540) lie outside the text of 174 characters, and its text is not in the source.',
      '1 coding names a code the project does not define; the passages were kept without it.',
    ]);

    const [interview, fieldNote] = outcome.sources;
    const interviewText = (await call(notebook, 'sources.get', { sourceId: interview!.id })).text;
    // The canonical text: byte-order mark gone, CRLF as LF, as for any text file.
    expect(interviewText).toBe('Interviewer: What changed after 2021?\nRespondent: The Taliban took Kabul in August.\nForeign fighters stayed in the east.\n\nThe Haqqani network kept its ties to al-Qaeda.');
    expect(await codings(notebook, interview!.id)).toEqual([
      // CRLF counted as one character by the tool that wrote it; the quote crosses the line end.
      { quote: 'The Taliban took Kabul in August.\nForeign fighters', status: 'exact', tags: ['Taliban', 'Foreign fighters'], comment: '' },
      // The specification's positions (code points, end exclusive), after a byte-order mark and two CRLFs.
      { quote: 'Foreign fighters stayed in the east.', status: 'exact', tags: ['Foreign fighters'], comment: 'Confirms the eastern safe haven.' },
      // An inclusive end.
      { quote: 'The Haqqani network', status: 'exact', tags: ['Taliban › Haqqani network'], comment: '' },
    ]);
    // Positions in UTF-16 units on a text with an emoji, and in code points.
    expect(await codings(notebook, fieldNote!.id)).toEqual([
      { quote: 'Kunar', status: 'exact', tags: ['Kunar'], comment: '' },
      { quote: 'IS-Khorasan recruits', status: 'exact', tags: ['IS-Khorasan'], comment: '' },
    ]);

    const { families, tags } = await call(notebook, 'tags.list', {});
    const familyOf = (name: string) => families.find((f) => f.name === name);
    const tagsOf = (family: string) => tags.filter((t) => t.familyId === familyOf(family)?.id).map((t) => [t.name, t.color, t.description]);
    expect(tagsOf('Actors')).toEqual([
      ['Taliban', '#cc3333', 'The movement and its government since 2021.'],
      ['Taliban › Haqqani network', '#aabbcc', ''],
      // "purple" is no colour REFI-QDA knows: Notebook chose one.
      ['IS-Khorasan', expect.stringMatching(/^#[0-9a-f]{6}$/i), ''],
    ]);
    // A top-level code without children is a tag of its own family; "Places" is coded only through its child.
    expect(tagsOf('Foreign fighters')).toEqual([['Foreign fighters', '#2e7d32', '']]);
    expect(tagsOf('Places')).toEqual([['Kunar', expect.any(String), '']]);

    // The codings are one step of undo, named after the project.
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('Import “Afghanistan interviews”');

    const memos = await call(notebook, 'memos.list', {});
    expect(memos).toHaveLength(1);
    const memo = await call(notebook, 'memos.get', { memoId: memos[0]!.id });
    expect(memo.title).toBe('Eastern safe haven');
    expect(memo.doc.content?.map((node) => node.content?.[0]?.text ?? node.content?.[0]?.attrs?.['quote'])).toEqual([
      'Two sources place foreign fighters in the east.',
      "Check against the UN monitoring team's reports.",
      // Cited by the selection's NoteRef, and by a Link from the note.
      'Foreign fighters stayed in the east.',
      'IS-Khorasan recruits',
    ]);
  });

  it('adds nothing twice when the same project is imported again', async () => {
    const notebook = await notebooks.open();
    const first = await importProject(notebook, 'p.qdpx', otherToolProject());
    const again = await importProject(notebook, 'p again.qdpx', otherToolProject());
    expect(again.sources.map((s) => s.id)).toEqual(first.sources.map((s) => s.id));
    expect(again).toMatchObject({ tags: 5, highlights: 0, memos: 0 });
    expect((await call(notebook, 'sources.list', {})).filter((s) => s.imported)).toHaveLength(2);
    expect(await call(notebook, 'memos.list', {})).toHaveLength(1);
    expect(await call(notebook, 'highlights.list', { sourceId: first.sources[0]!.id })).toHaveLength(3);
  });

  it('imports a codebook (.qdc) as families and tags, merging codes into the tags of the same name', async () => {
    const notebook = await notebooks.open();
    const before = await call(notebook, 'tags.list', {});
    const outcome = await importProject(notebook, 'codebook.qdc', readFileSync(join(FIXTURES, 'codebook.qdc')));
    expect(outcome).toEqual({ status: 'project', sources: [], tags: 5, highlights: 0, memos: 0, problems: [] });
    const { families, tags } = await call(notebook, 'tags.list', {});
    const names = (family: string) => tags.filter((t) => t.familyId === families.find((f) => f.name === family)?.id).map((t) => t.name);
    expect(names('Evidence quality')).toEqual(['Confirmed', 'Confirmed › By two sources']);
    expect(names('Follow up')).toEqual(['Follow up']);
    expect(tags.find((t) => t.name === 'Follow up')?.color).toBe('#0000ff');
    expect(tags.find((t) => t.name === 'TTP')?.color).toBe('#f57c00');
    // "Groups" and its "Al Qaeda" are the notebook's own: the code joins that tag rather than making a second.
    const seededAlQaeda = before.tags.filter((t) => t.name === 'Al Qaeda');
    expect(seededAlQaeda).toHaveLength(1);
    expect(tags.filter((t) => t.name === 'Al Qaeda')).toEqual(seededAlQaeda);
    expect(tags.length).toBe(before.tags.length + 4);
    // Importing it again finds every family and tag by name.
    await importProject(notebook, 'codebook.qdc', readFileSync(join(FIXTURES, 'codebook.qdc')));
    expect((await call(notebook, 'tags.list', {})).tags.length).toBe(before.tags.length + 4);
  });

  it('refuses a zip bomb, a .qdpx that is no zip, and a project without project.qde, keeping nothing', async () => {
    const notebook = await notebooks.open({ importLimits: { ...DEFAULT_IMPORT_LIMITS, maxInflatedBytes: 4 * 1024 * 1024 } });
    const bomb = zipSync({ 'project.qde': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect((await callFails(notebook, 'sources.import', { importId: 'bomb', fileName: 'bomb.qdpx', bytes: bomb })).message).toMatch(/zip bomb/);
    const notZip = new TextEncoder().encode('<Project/>');
    expect((await callFails(notebook, 'sources.import', { importId: 'nozip', fileName: 'x.qdpx', bytes: notZip })).message).toMatch(/is not a REFI-QDA project \(those are zip archives\)/);
    const empty = zipSync({ 'sources/a.txt': new TextEncoder().encode('text') });
    expect((await callFails(notebook, 'sources.import', { importId: 'noqde', fileName: 'x.qdpx', bytes: empty })).message).toMatch(/holds no project.qde/);
    const broken = new TextEncoder().encode('<CodeBook><Codes></CodeBook>');
    expect((await callFails(notebook, 'sources.import', { importId: 'broken', fileName: 'x.qdc', bytes: broken })).message).toMatch(/not well-formed XML/);
    expect((await call(notebook, 'sources.list', {})).filter((s) => s.imported)).toHaveLength(0);
    expect(await call(notebook, 'memos.list', {})).toHaveLength(0);
  });
});
