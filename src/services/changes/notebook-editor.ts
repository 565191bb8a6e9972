import { isEmptyChangeSet, type ChangeSet } from '../../core/notebook/change-set';
import { History, type HistoryState } from '../../core/notebook/history';
import type { ChangeSummary, UndoRedoResult } from '../../shared/api-contract';
import type { ChangeWriter } from './change-writer';

/** What an operation decided: the change to make, and what to answer once it is durable. */
export interface Planned<R> {
  readonly change: ChangeSet;
  readonly value: R;
}

export interface Performed<R> {
  readonly value: R;
  readonly summary: ChangeSummary;
}

/**
 * Runs the operations that change highlights, tags or source texts one at a time (each plans
 * against the state the previous one left), and keeps this session's undo history: an operation
 * enters it only once its change is durable, and an undo or redo leaves it only once applied.
 */
export class NotebookEditor {
  readonly #history = new History();
  #last: Promise<unknown> = Promise.resolve();

  constructor(private readonly writer: ChangeWriter) {}

  /** Runs `task` after every operation already queued, and before any queued later. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#last.then(task, task);
    this.#last = run.catch(() => undefined);
    return run;
  }

  /** Plans a change, writes it durably, and records it for undo. */
  perform<R>(plan: () => Promise<Planned<R>>): Promise<Performed<R>> {
    return this.exclusive(async () => {
      await this.writer.finishUndoing();
      const { change, value } = await plan();
      if (!isEmptyChangeSet(change)) {
        await this.writer.apply(change);
        this.#history.record(change);
      }
      return { value, summary: this.#summary(change) };
    });
  }

  undo(): Promise<UndoRedoResult> {
    return this.exclusive(async () => {
      const change = this.#history.peekUndo();
      if (change === null) return { applied: null, history: this.#history.state() };
      await this.writer.apply(change);
      this.#history.commitUndo();
      return { applied: change.label, history: this.#history.state() };
    });
  }

  redo(): Promise<UndoRedoResult> {
    return this.exclusive(async () => {
      const change = this.#history.peekRedo();
      if (change === null) return { applied: null, history: this.#history.state() };
      await this.writer.apply(change);
      this.#history.commitRedo();
      return { applied: change.label, history: this.#history.state() };
    });
  }

  state(): HistoryState {
    return this.#history.state();
  }

  #summary(change: ChangeSet): ChangeSummary {
    const deleted = change.highlights.filter((c) => c.before !== null && c.after === null).length;
    return { label: change.label, highlightsChanged: change.highlights.length - deleted, highlightsDeleted: deleted, history: this.#history.state() };
  }
}
