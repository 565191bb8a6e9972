import type { Highlight } from '../../core/model/highlight';
import type { SourceId } from '../../core/model/ids';
import { invertChangeSet, type ChangeSet, type EntityChange } from '../../core/notebook/change-set';
import { bucketOf } from '../highlights/highlight-bucket';
import type { HighlightStore } from '../highlights/highlight-store';
import type { DismissalsFile } from '../mentions/dismissals-file';
import type { JsonDocument } from '../store/json-document';
import type { TagsFile } from '../tags/tags-file';
import type { ChangeJournal } from './change-journal';

type FileWrite = () => Promise<void>;

/**
 * Applies change sets to the files they touch, all or nothing: each file is replaced atomically,
 * and a change that touches several is first written to the journal, so that one interrupted by
 * a failed write (now) or a crash (at the next open) is undone from its before images. The
 * in-memory state is always what the files durably hold.
 */
export class ChangeWriter {
  /** A change whose undoing failed part-way; it is undone before anything else is written. */
  #unfinished: ChangeSet | null = null;
  /**
   * Where deleted tags and families stood in their lists, so that undoing the deletion puts them
   * back in place rather than at the end. Undo is last-in first-out within a session, so when a
   * deletion is undone the list is as it was right after the deletion.
   */
  readonly #formerTagIndex = new Map<string, number>();
  readonly #formerFamilyIndex = new Map<string, number>();

  constructor(
    private readonly tags: JsonDocument<TagsFile>,
    private readonly highlights: HighlightStore,
    private readonly journal: ChangeJournal,
    private readonly dismissals: JsonDocument<DismissalsFile>,
  ) {}

  /** Resolves once every file `change` touches is durable; rejects with nothing of it applied. */
  async apply(change: ChangeSet): Promise<void> {
    await this.finishUndoing();
    const writes = this.#writesOf(change);
    if (writes.length <= 1) {
      await writes[0]?.();
      return;
    }
    await this.journal.write(change);
    try {
      for (const write of writes) await write();
      await this.journal.clear();
    } catch (error) {
      this.#unfinished = change;
      // If undoing fails too, it is tried again before the next change (and at the next open).
      await this.finishUndoing().catch(() => undefined);
      throw error;
    }
  }

  /** Undoes a change the last run left in the journal. */
  async recover(change: ChangeSet): Promise<void> {
    this.#unfinished = change;
    await this.finishUndoing();
  }

  /**
   * Undoes a change that failed part-way and could not be undone then (the disk was still failing).
   * Runs before anything else is written, and before a change is planned, so that no plan sees what
   * that change left behind.
   */
  async finishUndoing(): Promise<void> {
    const change = this.#unfinished;
    if (change === null) return;
    // Before images are absolute, so restoring them is right whichever files the change reached.
    for (const write of this.#writesOf(invertChangeSet(change))) await write();
    await this.journal.clear();
    this.#unfinished = null;
  }

  /**
   * The file writes of a change, in an order that never leaves a highlight naming a missing tag:
   * tags.json first when tags or families are created or edited, last when any are deleted.
   */
  #writesOf(change: ChangeSet): FileWrite[] {
    const highlightWrites = [...groupByFile(change.highlights)].map(
      ([, { sourceId, bucket, changes }]): FileWrite =>
        () =>
          this.highlights.update(sourceId, bucket, (list) => applyImages(list, changes)),
    );
    const dismissals = change.dismissals ?? [];
    // Nothing refers to a dismissal, so its file can be written after the others.
    const dismissalsWrites: FileWrite[] =
      dismissals.length === 0
        ? []
        : [
            async () => {
              await this.dismissals.update((file) => {
                const next = applyImages(file.dismissals, dismissals);
                return next === file.dismissals ? file : { ...file, dismissals: next };
              });
            },
          ];
    if (change.tags.length === 0 && change.families.length === 0) return [...highlightWrites, ...dismissalsWrites];
    const tagsWrite: FileWrite = async () => {
      await this.tags.update((file) => {
        const families = applyImages(file.families, change.families, this.#formerFamilyIndex);
        const tags = applyImages(file.tags, change.tags, this.#formerTagIndex);
        return families === file.families && tags === file.tags ? file : { ...file, families, tags };
      });
    };
    const deletes = [...change.tags, ...change.families].some((c) => c.after === null);
    return deletes ? [...highlightWrites, tagsWrite, ...dismissalsWrites] : [tagsWrite, ...highlightWrites, ...dismissalsWrites];
  }
}

function groupByFile(changes: readonly EntityChange<Highlight>[]) {
  const files = new Map<string, { sourceId: SourceId; bucket: string; changes: EntityChange<Highlight>[] }>();
  for (const change of changes) {
    const highlight = change.after ?? change.before;
    if (highlight === null) continue;
    const bucket = bucketOf(highlight.id);
    const key = `${highlight.target.sourceId}/${bucket}`;
    const file = files.get(key) ?? { sourceId: highlight.target.sourceId, bucket, changes: [] };
    file.changes.push(change);
    files.set(key, file);
  }
  return files;
}

/**
 * Sets each entity to its after image (null: removes it). Returns `list` itself when every entity
 * already is as its image says, so that restoring an untouched file writes nothing.
 */
function applyImages<T extends { readonly id: string }>(list: readonly T[], changes: readonly EntityChange<T>[], formerIndex?: Map<string, number>): readonly T[] {
  let next: T[] | null = null;
  for (const { before, after } of changes) {
    const id = (after ?? before)?.id;
    if (id === undefined) continue;
    const current = next ?? list;
    const at = current.findIndex((e) => e.id === id);
    if (after === null) {
      if (at < 0) continue;
      formerIndex?.set(id, at);
      next ??= [...list];
      next.splice(at, 1);
    } else if (at >= 0) {
      if (current[at] === after) continue;
      next ??= [...list];
      next[at] = after;
    } else {
      next ??= [...list];
      next.splice(Math.min(formerIndex?.get(id) ?? next.length, next.length), 0, after);
    }
  }
  return next ?? list;
}
