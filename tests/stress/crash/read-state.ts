import type { Highlight, Tag, TagFamily } from '../../../src/core/model/highlight';
import type { Memo } from '../../../src/core/model/memo';
import type { Notebook } from '../../../src/services/open-notebook';
import type { AnchoredHighlight, LoadedSource, MemoSummary, NotebookStatus, ReadingPosition, SourceSummary, StoreNotice } from '../../../src/shared/api-contract';
import { memoText, type HighlightState, type MemoState, type NotebookState, type TagState } from './notebook-model';

export interface ReadBack {
  readonly state: NotebookState;
  readonly notices: readonly StoreNotice[];
  readonly sources: readonly { readonly id: string; readonly text: string }[];
  /** The write methods this build answers (memos, for one, may not be there yet). */
  readonly methods: readonly string[];
}

async function value<T>(notebook: Notebook, method: string, input: unknown): Promise<T> {
  const result = await notebook.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed while reading the notebook back: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Whether this build has a handler for `method` (a missing one answers "internal ... is not a function"). */
async function answers(notebook: Notebook, method: string, input: unknown): Promise<boolean> {
  const result = await notebook.dispatch(method, input);
  return result.ok || result.error.code !== 'internal';
}

const HIGHLIGHT_WRITES = ['highlights.create', 'highlights.update', 'highlights.place', 'highlights.delete'];
const TAG_WRITES = ['tags.create', 'tags.update', 'tags.delete', 'tags.merge', 'families.create', 'families.rename', 'families.delete'];
const MEMO_WRITES = ['memos.create', 'memos.save', 'memos.delete', 'memos.restore'];

/** The notebook's state read back through the API, the way a restarted app sees it. */
export async function readState(notebook: Notebook): Promise<ReadBack> {
  const { notices } = await value<NotebookStatus>(notebook, 'notebook.status', {});
  const sources: { id: string; text: string }[] = [];
  for (const { id } of await value<SourceSummary[]>(notebook, 'sources.list', {})) sources.push({ id, text: (await value<LoadedSource>(notebook, 'sources.get', { sourceId: id })).text });
  const reading: Record<string, number> = {};
  for (const { id } of sources) {
    const position = await value<ReadingPosition | null>(notebook, 'reading.get', { sourceId: id });
    if (position !== null) reading[id] = position.offset;
  }
  const methods = ['reading.set'];
  const highlights: Record<string, HighlightState> = {};
  const tags: Record<string, TagState> = {};
  const families: Record<string, string> = {};
  if (await answers(notebook, 'tags.list', {})) {
    methods.push(...HIGHLIGHT_WRITES, ...TAG_WRITES);
    const set = await value<{ families: TagFamily[]; tags: Tag[] }>(notebook, 'tags.list', {});
    for (const family of set.families) families[family.id] = family.name;
    for (const tag of set.tags) tags[tag.id] = { familyId: tag.familyId, name: tag.name, color: tag.color };
    for (const { id } of sources) {
      for (const { highlight } of await value<AnchoredHighlight[]>(notebook, 'highlights.list', { sourceId: id })) highlights[highlight.id] = stateOf(highlight);
    }
  }
  const memos: Record<string, MemoState> = {};
  if (await answers(notebook, 'memos.list', {})) {
    methods.push(...MEMO_WRITES);
    for (const summary of await value<MemoSummary[]>(notebook, 'memos.list', {})) {
      const memo = await value<Memo>(notebook, 'memos.get', { memoId: summary.id });
      memos[memo.id] = { title: memo.title, text: memoText(memo.doc) };
    }
  }
  let layout: unknown = null;
  if (await answers(notebook, 'layout.get', {})) {
    methods.push('layout.set');
    layout = await value<unknown>(notebook, 'layout.get', {});
  }
  return { state: { reading, highlights, tags, families, memos, layout, deletedMemos: {} }, notices, sources, methods };
}

function stateOf(highlight: Highlight): HighlightState {
  return {
    sourceId: highlight.target.sourceId,
    start: highlight.target.position.start,
    end: highlight.target.position.end,
    comment: highlight.comment,
    color: highlight.color,
    tags: highlight.tags.map((t) => t.tagId),
  };
}
