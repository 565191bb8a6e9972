import type { Notebook } from '../../../src/services/open-notebook';
import type { ApiResult } from '../../../src/shared/api-result';
import type { WriteCall } from '../crash/notebook-model';

/** Ids the sequence's creates answered with, by the name the sequence gives them. */
type Created = Record<string, string>;

interface Step {
  /** Names the id a create answers with, for later steps. */
  readonly names?: string;
  readonly call: (created: Created) => Omit<WriteCall, 'seq'>;
}

const SOURCE = 'new-jihadi-sphere';
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const id = (created: Created, name: string): string => {
  const value = created[name];
  if (value === undefined) throw new Error(`the sequence used ${name} before creating it`);
  return value;
};

/**
 * One of each kind of write, several touching more than one file (a tag deleted from a highlight,
 * a memo and a highlight), against the tiny library (tests/unit/support/tiny-library.ts). `label`
 * goes into every name, so the sequence can run again on a notebook that holds an earlier run.
 */
const writeSequence = (label: string): readonly Step[] => [
  { call: () => ({ method: 'reading.set', input: { sourceId: SOURCE, offset: label.length * 10 } }) },
  { names: 'family', call: () => ({ method: 'families.create', input: { name: `${label} family` } }) },
  { names: 'tag', call: (c) => ({ method: 'tags.create', input: { familyId: id(c, 'family'), name: `${label} tag`, color: '#112233' } }) },
  {
    names: 'first',
    call: (c) => ({ method: 'highlights.create', input: { sourceId: SOURCE, start: 200, end: 260, color: null, tags: [{ tagId: id(c, 'tag') }], comment: `${label} first` } }),
  },
  { call: (c) => ({ method: 'highlights.update', input: { highlightId: id(c, 'first'), comment: `${label} first, edited`, color: '#445566' } }) },
  { names: 'second', call: () => ({ method: 'highlights.create', input: { sourceId: SOURCE, start: 400, end: 480, color: null, tags: [], comment: `${label} second` } }) },
  { names: 'memo', call: () => ({ method: 'memos.create', input: { title: `${label} memo`, doc: doc('draft') } }) },
  { call: (c) => ({ method: 'memos.save', input: { memoId: id(c, 'memo'), title: `${label} memo`, doc: doc('saved text') } }) },
  { call: (c) => ({ method: 'tags.delete', input: { tagId: id(c, 'tag'), highlights: 'untag' } }) },
  { call: (c) => ({ method: 'highlights.place', input: { highlightId: id(c, 'second'), start: 500, end: 540 } }) },
  { call: (c) => ({ method: 'highlights.delete', input: { highlightId: id(c, 'first') } }) },
  { call: () => ({ method: 'reading.set', input: { sourceId: SOURCE, offset: label.length * 30 } }) },
];

export interface SequenceRun {
  /** Every write acknowledged, in order, with the id each create answered with. */
  readonly acknowledged: { readonly call: WriteCall; readonly createdId: string }[];
  /** Writes that failed (and were then retried); each may or may not have reached the disk. */
  readonly failed: WriteCall[];
}

/**
 * Runs the write sequence. A write that fails is handed to `onFailure` (which checks it and may heal the
 * disk) and then tried again, and must then succeed: nothing is skipped.
 */
export async function runWriteSequence(notebook: Notebook, label: string, onFailure: (call: WriteCall, result: ApiResult<unknown>) => void): Promise<SequenceRun> {
  const created: Created = {};
  const run: SequenceRun = { acknowledged: [], failed: [] };
  let seq = 0;
  for (const step of writeSequence(label)) {
    const call: WriteCall = { seq: ++seq, ...step.call(created) };
    let result = await notebook.dispatch(call.method, call.input);
    if (!result.ok) {
      onFailure(call, result);
      run.failed.push(call);
      result = await notebook.dispatch(call.method, call.input);
      if (!result.ok) throw new Error(`${call.method} failed again when retried: ${result.error.code}: ${result.error.message}`);
    }
    const value = result.value as { id?: string; highlight?: { id: string } };
    const createdId = call.method.endsWith('.create') ? (value.highlight?.id ?? value.id ?? '') : '';
    if (step.names !== undefined) created[step.names] = createdId;
    run.acknowledged.push({ call, createdId });
  }
  return run;
}
