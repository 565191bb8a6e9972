import type { SeededRandom } from '../../support/seeded-random';
import type { NotebookState, WriteCall } from './notebook-model';

/** What the writer knows when it picks its next write. */
export interface PlanView {
  readonly state: NotebookState;
  readonly sources: readonly { readonly id: string; readonly text: string }[];
  /** The write methods the build answers. */
  readonly methods: ReadonlySet<string>;
  /** Keys ("highlight:<id>", "reading:<source>"...) that a running write is changing. */
  readonly busy: ReadonlySet<string>;
  /** How many writes are running. */
  readonly running: number;
}

export interface PlannedWrite {
  readonly call: WriteCall;
  readonly keys: readonly string[];
  /**
   * Writes that change many things (deleting or merging tags) run alone, so the states the parent
   * must accept after a crash stay few; every other write runs beside others on other keys.
   */
  readonly alone: boolean;
}

/** What the harness creates is named "crash-<seq>", so it can tell its own tags and families apart. */
const OWN = /^crash-/;
/** Sizes around which the notebook is kept, so a long run neither empties it nor grows it without end. */
const MOST = { highlights: 150, tags: 30, families: 6, memos: 12 };

const colour = (random: SeededRandom): string => `#${random.below(0x1000000).toString(16).padStart(6, '0')}`;
const paragraphs = (random: SeededRandom, token: string) => ({
  type: 'doc',
  content: Array.from({ length: 1 + random.below(3) }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `${token} paragraph ${i} ${'é'.repeat(random.below(40))}` }] })),
});

/** A valid write chosen at random among those the view allows, or null if none is allowed now. */
export function planWrite(random: SeededRandom, view: PlanView, seq: number): PlannedWrite | null {
  const token = `crash-${seq}`;
  const { state, busy } = view;
  const free = (prefix: string, ids: readonly string[]): string[] => ids.filter((id) => !busy.has(`${prefix}:${id}`));
  const highlightIds = free('highlight', Object.keys(state.highlights));
  const allTags = Object.keys(state.tags);
  const ownTags = free('tag', allTags.filter((id) => OWN.test(state.tags[id]?.name ?? '')));
  const ownFamilies = free('family', Object.keys(state.families).filter((id) => OWN.test(state.families[id] ?? '')));
  const memoIds = free('memo', Object.keys(state.memos));
  const deletedMemoIds = free('memo', Object.keys(state.deletedMemos));
  const count = { highlights: Object.keys(state.highlights).length, tags: ownTags.length, families: ownFamilies.length, memos: memoIds.length };
  /** A range a person could select: some text besides spaces, not splitting a surrogate pair. */
  const range = (text: string): { start: number; end: number } => {
    for (;;) {
      const start = random.below(text.length - 1);
      const end = Math.min(text.length, start + 1 + random.below(200));
      const splits = (i: number): boolean => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(i)) && /[\uD800-\uDBFF]/.test(text.charAt(i - 1));
      if (text.slice(start, end).trim() !== '' && !splits(start) && !splits(end)) return { start, end };
    }
  };
  const someTags = (): { tagId: string }[] => Array.from({ length: random.below(3) }, () => ({ tagId: random.pick(allTags) }));
  const make = (method: string, input: Record<string, unknown>, keys: string[], alone = false): PlannedWrite => ({ call: { seq, method, input }, keys, alone });

  const options: { method: string; weight: number; plan: () => PlannedWrite | null }[] = [
    {
      method: 'reading.set',
      weight: 20,
      plan: () => {
        const source = random.pick(view.sources);
        if (busy.has(`reading:${source.id}`)) return null;
        return make('reading.set', { sourceId: source.id, offset: random.below(source.text.length + 1) }, [`reading:${source.id}`]);
      },
    },
    {
      method: 'highlights.create',
      weight: count.highlights < MOST.highlights ? 20 : 0,
      plan: () => {
        const source = random.pick(view.sources);
        const tags = allTags.length === 0 ? [] : someTags();
        return make('highlights.create', { sourceId: source.id, ...range(source.text), color: random.below(2) === 0 ? null : colour(random), tags, comment: token }, []);
      },
    },
    {
      method: 'highlights.update',
      weight: highlightIds.length > 0 ? 15 : 0,
      plan: () => {
        const id = random.pick(highlightIds);
        const tags = allTags.length === 0 || random.below(2) === 0 ? {} : { tags: someTags() };
        return make('highlights.update', { highlightId: id, comment: token, color: random.below(3) === 0 ? null : colour(random), ...tags }, [`highlight:${id}`]);
      },
    },
    {
      method: 'highlights.place',
      weight: highlightIds.length > 0 ? 5 : 0,
      plan: () => {
        const id = random.pick(highlightIds);
        const source = view.sources.find((s) => s.id === state.highlights[id]?.sourceId);
        return source === undefined ? null : make('highlights.place', { highlightId: id, ...range(source.text) }, [`highlight:${id}`]);
      },
    },
    {
      method: 'highlights.delete',
      weight: highlightIds.length > 0 ? (count.highlights >= MOST.highlights ? 40 : 6) : 0,
      plan: () => {
        const id = random.pick(highlightIds);
        return make('highlights.delete', { highlightId: id }, [`highlight:${id}`]);
      },
    },
    {
      method: 'tags.create',
      weight: count.tags < MOST.tags ? 6 : 0,
      plan: () => {
        const families = Object.keys(state.families).filter((id) => !busy.has(`family:${id}`));
        if (families.length === 0) return null;
        const familyId = random.pick(families);
        return make('tags.create', { familyId, name: token, color: colour(random) }, [`family:${familyId}`]);
      },
    },
    {
      method: 'tags.update',
      weight: ownTags.length > 0 ? 5 : 0,
      plan: () => {
        const id = random.pick(ownTags);
        return make('tags.update', { tagId: id, name: token, color: colour(random) }, [`tag:${id}`]);
      },
    },
    {
      method: 'tags.delete',
      weight: ownTags.length > 0 && view.running === 0 ? (count.tags >= MOST.tags ? 20 : 2) : 0,
      plan: () => make('tags.delete', { tagId: random.pick(ownTags), highlights: 'untag' }, [], true),
    },
    {
      method: 'tags.merge',
      weight: ownTags.length > 1 && view.running === 0 ? 2 : 0,
      plan: () => {
        const from = random.pick(ownTags);
        const into = ownTags.filter((id) => id !== from && state.tags[id]?.familyId === state.tags[from]?.familyId);
        return into.length === 0 ? null : make('tags.merge', { fromTagId: from, intoTagId: random.pick(into) }, [], true);
      },
    },
    { method: 'families.create', weight: count.families < MOST.families ? 2 : 0, plan: () => make('families.create', { name: token }, []) },
    {
      method: 'families.rename',
      weight: ownFamilies.length > 0 ? 2 : 0,
      plan: () => {
        const id = random.pick(ownFamilies);
        return make('families.rename', { familyId: id, name: token }, [`family:${id}`]);
      },
    },
    {
      method: 'families.delete',
      weight: ownFamilies.length > 0 && view.running === 0 ? (count.families >= MOST.families ? 10 : 1) : 0,
      plan: () => make('families.delete', { familyId: random.pick(ownFamilies), highlights: 'untag' }, [], true),
    },
    { method: 'memos.create', weight: count.memos < MOST.memos ? 3 : 0, plan: () => make('memos.create', { title: token, doc: paragraphs(random, token) }, []) },
    {
      method: 'memos.save',
      weight: memoIds.length > 0 ? 8 : 0,
      plan: () => {
        const id = random.pick(memoIds);
        return make('memos.save', { memoId: id, title: token, doc: paragraphs(random, token) }, [`memo:${id}`]);
      },
    },
    {
      method: 'memos.delete',
      weight: memoIds.length > 0 ? (count.memos >= MOST.memos ? 10 : 3) : 0,
      plan: () => {
        const id = random.pick(memoIds);
        return make('memos.delete', { memoId: id }, [`memo:${id}`]);
      },
    },
    {
      method: 'memos.restore',
      weight: deletedMemoIds.length > 0 && count.memos < MOST.memos ? 3 : 0,
      plan: () => {
        const id = random.pick(deletedMemoIds);
        return make('memos.restore', { memoId: id }, [`memo:${id}`]);
      },
    },
    {
      method: 'layout.set',
      weight: busy.has('layout') ? 0 : 4,
      plan: () => {
        const pane = () => {
          const source = random.pick(view.sources);
          return { kind: 'source', sourceId: source.id, offset: random.below(2) === 0 ? null : random.below(source.text.length + 1) };
        };
        const layout = { first: pane(), second: random.below(3) === 0 ? null : pane(), split: 0.2 + random.below(61) / 100, focused: random.below(2) === 0 ? 'first' : 'second' };
        return make('layout.set', { layout }, ['layout']);
      },
    },
  ];
  const allowed = options.filter((option) => option.weight > 0 && view.methods.has(option.method));
  const total = allowed.reduce((sum, option) => sum + option.weight, 0);
  if (total === 0) return null;
  let roll = random.below(total);
  for (const option of allowed) {
    roll -= option.weight;
    if (roll < 0) return option.plan();
  }
  return null;
}
