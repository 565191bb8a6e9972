import type { ImportOutcome, NotebookApi, SourceSummary } from '../../shared/api-contract';

/** A file the person chose or dropped: its name and a way to read it (a File in the page). */
export interface QueuedFile {
  readonly name: string;
  readonly size: number;
  read(): Promise<Uint8Array>;
}

export type ImportRowStatus = 'waiting' | 'running' | 'imported' | 'duplicate' | 'failed' | 'cancelled';

export interface ImportRow {
  readonly key: string;
  readonly fileName: string;
  readonly status: ImportRowStatus;
  /** The outcome in words: "Imported", "Already in your library (as …)", "Failed: …". */
  readonly message: string;
  /** The source the file became or already was. */
  readonly source: SourceSummary | null;
  readonly warnings: readonly string[];
}

const WAITING = 'Waiting';

function describe(outcome: ImportOutcome): Pick<ImportRow, 'status' | 'message' | 'source' | 'warnings'> {
  switch (outcome.status) {
    case 'imported':
      return { status: 'imported', message: 'Imported', source: outcome.source, warnings: outcome.warnings };
    case 'restored':
      return { status: 'imported', message: 'Imported: it was removed before, and is back with its highlights', source: outcome.source, warnings: [] };
    case 'duplicate':
      return { status: 'duplicate', message: `Already in your library (as “${outcome.existing.title}”)`, source: outcome.existing, warnings: [] };
    case 'project':
      return { status: 'imported', message: describeProject(outcome), source: outcome.sources[0] ?? null, warnings: outcome.problems };
  }
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "Imported a project: 3 sources, 12 codes, 40 codings, 2 memos"; a codebook brings codes alone. */
function describeProject(outcome: Extract<ImportOutcome, { status: 'project' }>): string {
  const codes = count(outcome.tags, 'code', 'codes');
  if (outcome.sources.length === 0 && outcome.highlights === 0 && outcome.memos === 0) return `Imported a codebook: ${codes}`;
  return `Imported a project: ${[count(outcome.sources.length, 'source', 'sources'), codes, count(outcome.highlights, 'coding', 'codings'), count(outcome.memos, 'memo', 'memos')].join(', ')}`;
}

/**
 * The files of "Add sources", imported one at a time in the order given, each row saying how it
 * went. One bad file never stops the others; Cancel stops the file being read and every one after
 * it. Plain logic, so the Import region only shows it.
 */
export class ImportQueue {
  #rows: ImportRow[] = [];
  readonly #pending: { key: string; file: QueuedFile }[] = [];
  #running: string | null = null;
  #counter = 0;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly api: NotebookApi,
    /** A file joined the library (or came back to it): the library list must be read again. */
    private readonly onLibraryChanged: (source: SourceSummary) => void,
    private readonly runId: string = Math.random().toString(36).slice(2, 10),
    /** A REFI-QDA project or codebook brought tags, highlights and memos: those must be read again too. */
    private readonly onProjectImported: () => void = () => undefined,
  ) {}

  get rows(): readonly ImportRow[] {
    return this.#rows;
  }

  get busy(): boolean {
    return this.#running !== null || this.#pending.length > 0;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  add(files: readonly QueuedFile[]): void {
    for (const file of files) {
      const key = `${this.runId}-${++this.#counter}`;
      this.#pending.push({ key, file });
      this.#rows = [...this.#rows, { key, fileName: file.name, status: 'waiting', message: WAITING, source: null, warnings: [] }];
    }
    this.#changed();
    if (this.#running === null) void this.#drain();
  }

  /** Stops the running file and drops the waiting ones; rows already done keep their outcome. */
  cancel(): void {
    for (const { key } of this.#pending.splice(0)) this.#set(key, { status: 'cancelled', message: 'Cancelled' });
    if (this.#running !== null) void this.api.call('imports.cancel', { importId: this.#running });
    this.#changed();
  }

  /** Forgets the finished rows (the region's "Clear"). */
  clearFinished(): void {
    this.#rows = this.#rows.filter((row) => row.status === 'waiting' || row.status === 'running');
    this.#changed();
  }

  async #drain(): Promise<void> {
    for (let next = this.#pending.shift(); next !== undefined; next = this.#pending.shift()) {
      const { key, file } = next;
      this.#running = key;
      this.#set(key, { status: 'running', message: 'Reading…' });
      this.#changed();
      this.#set(key, await this.#importOne(key, file));
      this.#running = null;
      this.#changed();
    }
  }

  async #importOne(key: string, file: QueuedFile): Promise<Partial<ImportRow>> {
    let bytes: Uint8Array;
    try {
      bytes = await file.read();
    } catch (error) {
      return { status: 'failed', message: `Failed: the file could not be read from your disk (${error instanceof Error ? error.message : String(error)}).` };
    }
    const result = await this.api.call('sources.import', { importId: key, fileName: file.name, bytes });
    if (!result.ok) {
      if (result.error.code === 'cancelled') return { status: 'cancelled', message: 'Cancelled' };
      return { status: 'failed', message: `Failed: ${result.error.message}` };
    }
    const row = describe(result.value);
    if (result.value.status === 'project') {
      for (const source of result.value.sources) this.onLibraryChanged(source);
      this.onProjectImported();
    } else if (result.value.status !== 'duplicate' && row.source !== null) this.onLibraryChanged(row.source);
    return row;
  }

  #set(key: string, change: Partial<ImportRow>): void {
    this.#rows = this.#rows.map((row) => (row.key === key ? { ...row, ...change } : row));
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}
