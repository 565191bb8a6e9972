/**
 * What the crash harness knows of the notebook: the part of its state that API writes change, as
 * the API reads it back. The writing child keeps one to choose valid writes; the parent keeps one of
 * acknowledged writes and checks every restart against it.
 */
export interface HighlightState {
  readonly sourceId: string;
  readonly start: number;
  readonly end: number;
  readonly comment: string;
  readonly color: string | null;
  /** Tag ids in the highlight's order. */
  readonly tags: readonly string[];
}

export interface TagState {
  readonly familyId: string;
  readonly name: string;
  readonly color: string;
}

export interface MemoState {
  readonly title: string;
  /** The text of the memo's body, paragraphs joined by newlines. */
  readonly text: string;
}

export interface NotebookState {
  readonly reading: Readonly<Record<string, number>>;
  readonly highlights: Readonly<Record<string, HighlightState>>;
  readonly tags: Readonly<Record<string, TagState>>;
  /** Family id → name. */
  readonly families: Readonly<Record<string, string>>;
  readonly memos: Readonly<Record<string, MemoState>>;
  /** The two reading panes as last set (layout.set), or null. */
  readonly layout: unknown;
  /**
   * Memos deleted by the writer since it started, restorable with memos.restore. The API lists no
   * deleted memos, so this is not compared: a deleted memo that came back would be, among memos.
   */
  readonly deletedMemos: Readonly<Record<string, MemoState>>;
}

/** One API write as the child sends it: `seq` orders the writes of the whole run. */
export interface WriteCall {
  readonly seq: number;
  readonly method: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** Stands for the id of something a write created before its answer (with the id) was seen. */
export const pendingId = (seq: number): string => `pending:${seq}`;
const isPending = (id: string): boolean => id.startsWith('pending:');

const str = (input: WriteCall['input'], key: string): string => {
  const value = input[key];
  if (typeof value !== 'string') throw new Error(`the harness wrote ${key} as ${JSON.stringify(value)}`);
  return value;
};
const num = (input: WriteCall['input'], key: string): number => {
  const value = input[key];
  if (typeof value !== 'number') throw new Error(`the harness wrote ${key} as ${JSON.stringify(value)}`);
  return value;
};
const tagIdsOf = (input: WriteCall['input']): string[] => ((input['tags'] as { tagId: string }[] | undefined) ?? []).map((t) => t.tagId);

export function memoText(doc: unknown): string {
  const paragraphs = (doc as { content?: { content?: { text?: string }[] }[] }).content ?? [];
  return paragraphs.map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('\n');
}

function without<T>(record: Readonly<Record<string, T>>, ids: ReadonlySet<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => !ids.has(id)));
}

function untag(highlights: NotebookState['highlights'], tagIds: ReadonlySet<string>): Record<string, HighlightState> {
  return Object.fromEntries(Object.entries(highlights).map(([id, h]) => [id, h.tags.some((t) => tagIds.has(t)) ? { ...h, tags: h.tags.filter((t) => !tagIds.has(t)) } : h]));
}

/**
 * The state after `call`, as the services define it. `createdId` is the id a create answered with,
 * or a pendingId when the answer was not seen.
 */
export function applyWrite(state: NotebookState, call: WriteCall, createdId: string): NotebookState {
  const { input } = call;
  switch (call.method) {
    case 'reading.set':
      return { ...state, reading: { ...state.reading, [str(input, 'sourceId')]: num(input, 'offset') } };
    case 'highlights.create': {
      const highlight: HighlightState = {
        sourceId: str(input, 'sourceId'),
        start: num(input, 'start'),
        end: num(input, 'end'),
        comment: str(input, 'comment'),
        color: (input['color'] as string | null | undefined) ?? null,
        tags: [...new Set(tagIdsOf(input))],
      };
      return { ...state, highlights: { ...state.highlights, [createdId]: highlight } };
    }
    case 'highlights.update': {
      const id = str(input, 'highlightId');
      const before = state.highlights[id];
      if (before === undefined) throw new Error(`the harness updated highlight ${id}, which it does not know`);
      const after: HighlightState = {
        ...before,
        ...(input['comment'] === undefined ? {} : { comment: str(input, 'comment') }),
        ...(input['color'] === undefined ? {} : { color: input['color'] as string | null }),
        ...(input['tags'] === undefined ? {} : { tags: [...new Set(tagIdsOf(input))] }),
      };
      return { ...state, highlights: { ...state.highlights, [id]: after } };
    }
    case 'highlights.place': {
      const id = str(input, 'highlightId');
      const before = state.highlights[id];
      if (before === undefined) throw new Error(`the harness placed highlight ${id}, which it does not know`);
      return { ...state, highlights: { ...state.highlights, [id]: { ...before, start: num(input, 'start'), end: num(input, 'end') } } };
    }
    case 'highlights.delete':
      return { ...state, highlights: without(state.highlights, new Set([str(input, 'highlightId')])) };
    case 'tags.create': {
      const tag: TagState = { familyId: str(input, 'familyId'), name: str(input, 'name'), color: str(input, 'color') };
      return { ...state, tags: { ...state.tags, [createdId]: tag } };
    }
    case 'tags.update': {
      const id = str(input, 'tagId');
      const before = state.tags[id];
      if (before === undefined) throw new Error(`the harness updated tag ${id}, which it does not know`);
      return { ...state, tags: { ...state.tags, [id]: { ...before, name: str(input, 'name'), color: str(input, 'color') } } };
    }
    case 'tags.delete': {
      const gone = new Set([str(input, 'tagId')]);
      return { ...state, tags: without(state.tags, gone), highlights: untag(state.highlights, gone) };
    }
    case 'tags.merge': {
      const from = str(input, 'fromTagId');
      const into = str(input, 'intoTagId');
      const highlights = Object.fromEntries(
        Object.entries(state.highlights).map(([id, h]) => {
          if (!h.tags.includes(from)) return [id, h];
          const hasInto = h.tags.includes(into);
          return [id, { ...h, tags: h.tags.flatMap((t) => (t !== from ? [t] : hasInto ? [] : [into])) }];
        }),
      );
      return { ...state, tags: without(state.tags, new Set([from])), highlights };
    }
    case 'families.create':
      return { ...state, families: { ...state.families, [createdId]: str(input, 'name') } };
    case 'families.rename':
      return { ...state, families: { ...state.families, [str(input, 'familyId')]: str(input, 'name') } };
    case 'families.delete': {
      const family = str(input, 'familyId');
      const gone = new Set(Object.entries(state.tags).filter(([, t]) => t.familyId === family).map(([id]) => id));
      return { ...state, families: without(state.families, new Set([family])), tags: without(state.tags, gone), highlights: untag(state.highlights, gone) };
    }
    case 'memos.create':
      return { ...state, memos: { ...state.memos, [createdId]: { title: str(input, 'title'), text: memoText(input['doc']) } } };
    case 'memos.save':
      return { ...state, memos: { ...state.memos, [str(input, 'memoId')]: { title: str(input, 'title'), text: memoText(input['doc']) } } };
    case 'memos.delete': {
      const id = str(input, 'memoId');
      const memo = state.memos[id];
      if (memo === undefined) throw new Error(`the harness deleted memo ${id}, which it does not know`);
      return { ...state, memos: without(state.memos, new Set([id])), deletedMemos: { ...state.deletedMemos, [id]: memo } };
    }
    case 'memos.restore': {
      const id = str(input, 'memoId');
      const memo = state.deletedMemos[id];
      if (memo === undefined) throw new Error(`the harness restored memo ${id}, which it did not delete`);
      return { ...state, memos: { ...state.memos, [id]: memo }, deletedMemos: without(state.deletedMemos, new Set([id])) };
    }
    case 'layout.set':
      return { ...state, layout: input['layout'] };
    default:
      throw new Error(`the crash harness has no model of ${call.method}`);
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Where `actual` differs from `expected`, or null if it does not. Things `expected` holds under a
 * pendingId match any one thing of equal value that `expected` does not name.
 */
export function difference(expected: NotebookState, actual: NotebookState): string | null {
  if (!same(sorted(expected.reading), sorted(actual.reading))) return `reading positions are ${JSON.stringify(actual.reading)}, expected ${JSON.stringify(expected.reading)}`;
  return (
    collectionDifference('highlight', expected.highlights, actual.highlights) ??
    collectionDifference('tag', expected.tags, actual.tags) ??
    collectionDifference('family', expected.families, actual.families) ??
    collectionDifference('memo', expected.memos, actual.memos) ??
    (same(expected.layout, actual.layout) ? null : `the layout is ${JSON.stringify(actual.layout)}, expected ${JSON.stringify(expected.layout)}`)
  );
}

const sorted = (record: Readonly<Record<string, unknown>>): [string, unknown][] => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));

function collectionDifference<T>(name: string, expected: Readonly<Record<string, T>>, actual: Readonly<Record<string, T>>): string | null {
  const unclaimed = new Set(Object.keys(actual));
  const pending: T[] = [];
  for (const [id, value] of Object.entries(expected)) {
    if (isPending(id)) {
      pending.push(value);
      continue;
    }
    if (!unclaimed.has(id)) return `${name} ${id} (${JSON.stringify(value)}) is missing`;
    if (!same(value, actual[id])) return `${name} ${id} is ${JSON.stringify(actual[id])}, expected ${JSON.stringify(value)}`;
    unclaimed.delete(id);
  }
  for (const value of pending) {
    const match = [...unclaimed].find((id) => same(value, actual[id]));
    if (match === undefined) return `the ${name} ${JSON.stringify(value)}, created by a call still running, is missing`;
    unclaimed.delete(match);
  }
  const [extra] = unclaimed;
  return extra === undefined ? null : `${name} ${extra} (${JSON.stringify(actual[extra])}) should not exist`;
}

/**
 * Every state the notebook may be in after a crash: all acknowledged writes applied, and any of the
 * writes still running (begun, not answered) applied or not, in the order they began.
 */
export function possibleStates(acknowledged: NotebookState, running: readonly WriteCall[]): NotebookState[] {
  const states: NotebookState[] = [];
  for (let mask = 0; mask < 2 ** running.length; mask++) {
    let state = acknowledged;
    running.forEach((call, i) => {
      if ((mask >> i) & 1) state = applyWrite(state, call, pendingId(call.seq));
    });
    states.push(state);
  }
  return states;
}
