import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { describeRange } from '../../core/anchoring/describe-range';
import type { Highlight, HighlightTag } from '../../core/model/highlight';
import { highlightId, textHash, type HighlightId, type SourceId, type TagId } from '../../core/model/ids';
import { gradingLabel, regrade } from '../../core/notebook/grade-operations';
import { checkHighlightTags, planHighlightCreate, planHighlightDelete, planHighlightUpdate } from '../../core/notebook/highlight-operations';
import type { AnchoredHighlight, ApiParsedInput, ChangeSummary, LoadedSource, TagPassages } from '../../shared/api-contract';
import type { NotebookEditor } from '../changes/notebook-editor';
import { ConflictError, InvalidInputError, NotFoundError } from '../service-errors';
import type { SourceLibrary } from '../sources/source-library';
import type { TagSet } from '../tags/tag-set';
import type { AnchoredHighlights } from './anchored-highlights';
import type { HighlightStore } from './highlight-store';

export interface HighlightServiceParts {
  readonly library: SourceLibrary;
  readonly tagSet: TagSet;
  readonly store: HighlightStore;
  readonly editor: NotebookEditor;
  readonly anchored: AnchoredHighlights;
  readonly now: () => Date;
  /** Who makes changes, for a highlight's grading history (default: the operating system's user name). */
  readonly person?: () => string;
}

/** The name of the person using this computer; "this computer" when the system will not say. */
function currentPerson(): string {
  try {
    const name = userInfo().username.trim();
    return name === '' ? 'this computer' : name;
  } catch {
    // os.userInfo throws when the user has no entry in the password database (e.g. some containers).
    return 'this computer';
  }
}

const sameTags = (a: readonly HighlightTag[], b: readonly HighlightTag[]): boolean =>
  a.length === b.length && a.every((t, i) => t.tagId === b[i]?.tagId && t.stance === b[i]?.stance);

const UPDATE_LABELS = { colour: 'Change highlight colour', tags: 'Change highlight tags', comment: 'Edit comment' } as const;

/** highlights.*: making, editing, placing and deleting highlights, and listing them. */
export class HighlightService {
  constructor(private readonly parts: HighlightServiceParts) {}

  async list(sourceId: SourceId): Promise<AnchoredHighlight[]> {
    const { library, store, anchored } = this.parts;
    await library.meta(sourceId);
    // Only this source's files, read while its text is parsed: the first source a person opens
    // lists without reading the others.
    const [source] = await Promise.all([library.get(sourceId), store.loadSource(sourceId)]);
    return anchored.inTextOrder(source, store.of(sourceId));
  }

  async create(input: ApiParsedInput<'highlights.create'>): Promise<AnchoredHighlight> {
    const { value } = await this.parts.editor.perform(async () => {
      await this.#ready();
      const placed = await this.#newHighlight(input);
      return { change: planHighlightCreate(placed.highlight), value: placed };
    });
    return value;
  }

  /**
   * Many highlights as one change, so one durable write and one step of undo (a REFI-QDA project's
   * codings, which may be thousands). Each is checked as by create; one that fails stops them all.
   */
  async createMany(inputs: readonly ApiParsedInput<'highlights.create'>[], label: string): Promise<AnchoredHighlight[]> {
    const { value } = await this.parts.editor.perform(async () => {
      await this.#ready();
      const placed: AnchoredHighlight[] = [];
      for (const input of inputs) placed.push(await this.#newHighlight(input));
      return { change: { label, highlights: placed.map(({ highlight }) => ({ before: null, after: highlight })), tags: [], families: [] }, value: placed };
    });
    return value;
  }

  async #newHighlight(input: ApiParsedInput<'highlights.create'>): Promise<AnchoredHighlight> {
    const source = await this.parts.library.get(input.sourceId);
    measuredOnCurrentText(source, input.textHash);
    const { quote, position } = describe(source.text, input.start, input.end);
    const stamp = this.parts.now().toISOString();
    const highlight: Highlight = {
      id: highlightId(randomUUID()),
      target: { sourceId: input.sourceId, quote, position, textHash: textHash(source.textHash) },
      color: input.color ?? null,
      tags: this.#checkTags(input.tags ?? []),
      comment: input.comment ?? '',
      created: stamp,
      modified: stamp,
    };
    return { highlight, status: 'exact', start: position.start, end: position.end };
  }

  async update(input: ApiParsedInput<'highlights.update'>): Promise<AnchoredHighlight> {
    const { value } = await this.parts.editor.perform(async () => {
      await this.#ready();
      const before = this.#find(input.highlightId);
      const color = input.color === undefined ? before.color : input.color;
      const tags = input.tags === undefined ? before.tags : this.#checkTags(input.tags);
      const comment = input.comment ?? before.comment;
      const changed = (['colour', 'tags', 'comment'] as const).filter((what) =>
        what === 'colour' ? color !== before.color : what === 'tags' ? !sameTags(tags, before.tags) : comment !== before.comment,
      );
      const stamp = this.parts.now().toISOString();
      const corroboratedBy = input.corroboratedBy === undefined ? undefined : this.#checkCorroboration(before.id, input.corroboratedBy);
      const regraded = regrade(before, { credibility: input.credibility, corroboratedBy }, { at: stamp, by: this.#person() });
      const first = changed[0];
      if (first === undefined && regraded.changed.length === 0) {
        return { change: { label: 'Edit highlight', highlights: [], tags: [], families: [] }, value: before };
      }
      const after: Highlight = { ...regraded.highlight, color, tags, comment, modified: stamp };
      const label =
        first === undefined ? gradingLabel(regraded) : changed.length > 1 || regraded.changed.length > 0 ? 'Edit highlight' : UPDATE_LABELS[first];
      return { change: planHighlightUpdate(before, after, label), value: after };
    });
    return this.#anchor(value);
  }

  async delete(id: HighlightId): Promise<ChangeSummary> {
    const { summary } = await this.parts.editor.perform(async () => {
      await this.#ready();
      return { change: planHighlightDelete(this.#find(id)), value: null };
    });
    return summary;
  }

  /** Re-describes a highlight on [start, end) of its source's current text (a person confirming or moving it). */
  async place(input: ApiParsedInput<'highlights.place'>): Promise<AnchoredHighlight> {
    const { value } = await this.parts.editor.perform(async () => {
      await this.#ready();
      const before = this.#find(input.highlightId);
      const source = await this.parts.library.get(before.target.sourceId);
      measuredOnCurrentText(source, input.textHash);
      const { quote, position } = describe(source.text, input.start, input.end);
      const after: Highlight = {
        ...before,
        target: { ...before.target, quote, position, textHash: textHash(source.textHash) },
        modified: this.parts.now().toISOString(),
      };
      const placed: AnchoredHighlight = { highlight: after, status: 'exact', start: position.start, end: position.end };
      return { change: planHighlightUpdate(before, after, 'Place highlight'), value: placed };
    });
    return value;
  }

  async byTag(tagId: TagId): Promise<TagPassages> {
    await this.#ready();
    const tag = this.parts.tagSet.tagsById().get(tagId);
    if (tag === undefined) throw new NotFoundError(`There is no tag with id “${tagId}”; it may have been deleted. Reload the tag list and try again.`);
    const carries = (a: AnchoredHighlight): boolean => a.highlight.tags.some((t) => t.tagId === tagId);
    const sources = (await this.#bySource((a) => a.filter(carries))).map(({ source, highlights }) => ({
      sourceId: source.meta.id,
      title: source.meta.title,
      reliability: source.meta.reliability ?? null,
      highlights,
    }));
    return { tag, total: sources.reduce((n, s) => n + s.highlights.length, 0), sources };
  }

  /** Highlights needing a person's decision ('review', 'orphan'), across sources in library order. */
  async problems(): Promise<AnchoredHighlight[]> {
    await this.parts.store.load();
    const sources = await this.#bySource((a) => a.filter((h) => h.status === 'review' || h.status === 'orphan'));
    return sources.flatMap((s) => s.highlights);
  }

  /** For each source of the library that has highlights: `pick` of them in text order, when not empty. */
  async #bySource(pick: (anchored: AnchoredHighlight[]) => AnchoredHighlight[]) {
    const { library, store, anchored } = this.parts;
    const withHighlights = new Set(store.sourceIds());
    const found: { source: LoadedSource; highlights: AnchoredHighlight[] }[] = [];
    for (const meta of await library.manifest()) {
      if (!withHighlights.has(meta.id)) continue;
      const source = await library.get(meta.id);
      const highlights = pick(anchored.inTextOrder(source, store.of(meta.id)));
      if (highlights.length > 0) found.push({ source, highlights });
    }
    return found;
  }

  /** The tag set seeded and every highlight loaded. */
  async #ready(): Promise<void> {
    await Promise.all([this.parts.tagSet.ready(), this.parts.store.load()]);
  }

  #find(id: HighlightId): Highlight {
    const found = this.parts.store.find(id);
    if (found === undefined) throw new NotFoundError(`There is no highlight with id “${id}”; it may have been deleted. Reload the source and try again.`);
    return found;
  }

  /** The corroborating highlights, each another highlight of the notebook. */
  #checkCorroboration(self: HighlightId, ids: readonly HighlightId[]): readonly HighlightId[] {
    for (const id of ids) {
      if (id === self) {
        const message = 'A highlight cannot corroborate itself; choose a passage from another highlight.';
        throw new InvalidInputError(message, [`corroboratedBy: ${message}`]);
      }
      if (this.parts.store.find(id) === undefined) {
        const message = `There is no highlight with id “${id}” to corroborate this one; it may have been deleted. Reload and choose again.`;
        throw new InvalidInputError(message, [`corroboratedBy: ${message}`]);
      }
    }
    return ids;
  }

  /** Who is grading, for the highlight's history: the person logged in, as the services see it. */
  #person(): string {
    return (this.parts.person ?? currentPerson)();
  }

  #checkTags(tags: readonly { readonly tagId: TagId; readonly stance?: HighlightTag['stance'] }[]): readonly HighlightTag[] {
    const { tagSet } = this.parts;
    const tagsById = tagSet.tagsById();
    const checked = checkHighlightTags(tags, tagsById, tagSet.familiesById());
    if (checked.ok) return checked.tags;
    if (tags.some((t) => !tagsById.has(t.tagId))) throw new NotFoundError(checked.message);
    throw new InvalidInputError(checked.message, [`tags: ${checked.message}`]);
  }

  /** Where a highlight stands in its source's current text. */
  async #anchor(highlight: Highlight): Promise<AnchoredHighlight> {
    const { library, store, anchored } = this.parts;
    const source = await library.get(highlight.target.sourceId);
    return anchored.placeOne(source, highlight, () => store.of(highlight.target.sourceId));
  }
}

/**
 * Offsets are only meaningful on the text they were measured on: a page showing an older text of
 * the source (another tab or window replaced it since) would otherwise store a highlight on
 * whatever words now sit at those offsets.
 */
function measuredOnCurrentText(source: LoadedSource, measuredOn: string | undefined): void {
  if (measuredOn === undefined || measuredOn === source.textHash) return;
  throw new ConflictError(
    `The text of “${source.meta.title}” has changed since this page showed it (it was replaced in another tab or window), so the selection would land on other words. Reload the source and select the passage again.`,
  );
}

function describe(text: string, start: number, end: number) {
  const described = describeRange(text, start, end);
  if (!described.ok) throw new InvalidInputError(described.error.message, [`start, end: ${described.error.message}`]);
  return described.value;
}
