import type { CharOffset, SourceId } from '../core/model/ids';
import type { ReadingPosition } from '../shared/api-contract';
import type { NotebookFile } from './notebook-file';
import type { JsonDocument } from './store/json-document';

/** Where the reader last was in each source, kept in notebook.json. */
export class ReadingPositions {
  constructor(
    private readonly notebook: JsonDocument<NotebookFile>,
    private readonly now: () => Date,
  ) {}

  /**
   * Waits for the saves already asked for: a window reloaded mid-save (its last position sent on
   * the way out) must open where it was left, not where the disk still says.
   */
  async get(sourceId: SourceId): Promise<ReadingPosition | null> {
    await this.notebook.settled();
    const positions = this.notebook.data.readingPositions;
    const stored = Object.hasOwn(positions, sourceId) ? positions[sourceId] : undefined;
    return stored === undefined ? null : { sourceId, ...stored };
  }

  /** Answers once the position is durable. */
  async set(sourceId: SourceId, offset: CharOffset): Promise<ReadingPosition> {
    const position = { offset, updated: this.now().toISOString() };
    await this.notebook.update((file) => ({ ...file, readingPositions: { ...file.readingPositions, [sourceId]: position } }));
    return { sourceId, ...position };
  }
}
