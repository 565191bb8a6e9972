import { invertChangeSet, isEmptyChangeSet, type ChangeSet } from './change-set';

export interface HistoryState {
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

/**
 * Undo/redo over change sets. `undo()` returns the change set to apply (the inverse of the last
 * one done); the caller applies it and only then calls `commitUndo()`, so a failed write leaves
 * the history where it was and the person can try again.
 */
export class History {
  private readonly done: ChangeSet[] = [];
  private readonly undone: ChangeSet[] = [];

  constructor(private readonly limit = 500) {}

  record(change: ChangeSet): void {
    if (isEmptyChangeSet(change)) return;
    this.done.push(change);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  peekUndo(): ChangeSet | null {
    const last = this.done.at(-1);
    return last ? invertChangeSet(last) : null;
  }

  commitUndo(): void {
    const last = this.done.pop();
    if (last) this.undone.push(last);
  }

  peekRedo(): ChangeSet | null {
    return this.undone.at(-1) ?? null;
  }

  commitRedo(): void {
    const next = this.undone.pop();
    if (next) this.done.push(next);
  }

  state(): HistoryState {
    return { undoLabel: this.done.at(-1)?.label ?? null, redoLabel: this.undone.at(-1)?.label ?? null };
  }
}
