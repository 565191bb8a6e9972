import { join } from 'node:path';
import { z } from 'zod';
import type { ChangeSet } from '../../core/notebook/change-set';
import type { StoreNotice } from '../../shared/api-contract';
import { highlightSchema } from '../highlights/highlights-file';
import { dismissalSchema } from '../mentions/dismissals-file';
import { decodeStoreFile, type StoreFileFormat } from '../store/decode-store-file';
import { DurableFile } from '../store/durable-file';
import { quarantineFile } from '../store/quarantine';
import { describeFsError, saveFailed, StorageError } from '../store/storage-error';
import { errorCode, syncDirectory, type StoreFs } from '../store/store-fs';
import { familySchema, tagSchema } from '../tags/tags-file';

export const JOURNAL_FILE = 'pending-change.json';
const JOURNAL_VERSION = 1;
const LABEL = 'the record of the change in progress';

interface JournalFile {
  readonly schemaVersion: typeof JOURNAL_VERSION;
  readonly change: ChangeSet;
}

const imagesOf = <T>(entity: z.ZodType<T>) => z.array(z.object({ before: entity.nullable(), after: entity.nullable() }).strict());

const journalFormat: StoreFileFormat<JournalFile> = {
  version: JOURNAL_VERSION,
  migrations: {},
  schema: z
    .object({
      schemaVersion: z.literal(JOURNAL_VERSION),
      change: z
        .object({ label: z.string(), highlights: imagesOf(highlightSchema), tags: imagesOf(tagSchema), families: imagesOf(familySchema), dismissals: imagesOf(dismissalSchema).optional() })
        .strict(),
    })
    .strict(),
};

/**
 * `pending-change.json`: a change that touches several files is written here before any of them,
 * and removed once all of them are durable. Finding it at open means Notebook stopped part-way
 * through a change it never acknowledged, which is then undone (see ChangeWriter).
 */
export class ChangeJournal {
  readonly path: string;
  readonly #file: DurableFile;

  constructor(
    private readonly fs: StoreFs,
    private readonly dataDir: string,
  ) {
    this.path = join(dataDir, JOURNAL_FILE);
    this.#file = new DurableFile(this.path, LABEL, fs);
  }

  async write(change: ChangeSet): Promise<void> {
    const journal: JournalFile = { schemaVersion: JOURNAL_VERSION, change };
    await this.#file.write(JSON.stringify(journal));
  }

  /** Removes the journal durably: until then a restart would undo the change. */
  async clear(): Promise<void> {
    try {
      await this.fs.remove(this.path);
      await syncDirectory(this.fs, this.dataDir);
    } catch (error) {
      throw saveFailed(LABEL, this.path, error);
    }
  }

  /**
   * The change left unfinished by the last run, or null. A journal that cannot be read is moved
   * aside with a notice: what it held cannot be undone, and the person must hear of it.
   */
  async readLeftover(now: Date, onNotice: (notice: StoreNotice) => void): Promise<ChangeSet | null> {
    const bytes = await this.#file.read();
    if (bytes === null) return null;
    const decoded = decodeStoreFile(bytes, journalFormat);
    if (decoded.ok) return decoded.data.change;
    const problem = decoded.reason === 'newer' ? `it was written by a newer Notebook (schemaVersion ${decoded.version})` : decoded.detail;
    let kept: string;
    try {
      kept = await quarantineFile({ fs: this.fs, dataDir: this.dataDir, path: this.path, reason: decoded.reason, now });
    } catch (error) {
      throw new StorageError(
        `${JOURNAL_FILE} (a change Notebook was making when it stopped) could not be read (${problem}), and moving it to the quarantine folder failed: ${describeFsError(error)}. Notebook did not open this data folder, so that nothing in it is overwritten.`,
        this.path,
        errorCode(error),
      );
    }
    onNotice({
      kind: 'quarantined',
      message: `${JOURNAL_FILE} (a change Notebook was making when it stopped) could not be read (${problem}), so that change could not be undone: some highlights or tags may show part of it. Its bytes were kept at ${kept}.`,
      path: kept,
    });
    return null;
  }
}
