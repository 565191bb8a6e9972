import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { textHash, type SourceId } from '../../core/model/ids';
import type { SourceMeta } from '../../core/model/source';
import type { NotebookFile, StoredSourceVersion } from '../notebook-file';
import { SourceUnavailableError } from '../service-errors';
import { makeDurableDirectory } from '../store/durable-directory';
import { DurableFile, removeStrayTempFiles } from '../store/durable-file';
import type { JsonDocument } from '../store/json-document';
import { describeFsError, saveFailed } from '../store/storage-error';
import type { StoreFs } from '../store/store-fs';

export const SOURCES_FOLDER = 'sources';
const LABEL = 'the new text of the source';

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * The texts that replaced bundled sources. Each version is kept, never overwritten, at
 * `<dataDir>/sources/<sourceId>/<sha256>.txt` (so the texts highlights were made on stay
 * available), and notebook.json records which version each replaced source has now.
 */
export class SourceVersions {
  constructor(
    private readonly fs: StoreFs,
    private readonly dataDir: string,
    private readonly notebook: JsonDocument<NotebookFile>,
    private readonly now: () => Date,
  ) {}

  /** The version `id` has now, or null for its bundled text. */
  current(id: SourceId): StoredSourceVersion | null {
    const versions = this.notebook.data.sourceVersions;
    return Object.hasOwn(versions, id) ? (versions[id] ?? null) : null;
  }

  /** The text of a version, checked against the hash it was saved under. */
  async read(meta: SourceMeta, version: StoredSourceVersion): Promise<string> {
    const path = this.#path(meta.id, version.versionHash);
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(path);
    } catch (error) {
      throw new SourceUnavailableError(
        `The text that replaced "${meta.title}" (${path}) could not be read: ${describeFsError(error)}. Restore the file, or replace the source's text again.`,
      );
    }
    if (sha256(bytes) !== version.versionHash) {
      throw new SourceUnavailableError(
        `The text that replaced "${meta.title}" (${path}) has changed since it was saved. Passages must be cited verbatim, so Notebook will not show it: restore the file, or replace the source's text again.`,
      );
    }
    return new TextDecoder().decode(bytes);
  }

  /** Keeps `text` durably and makes it the current version of `id`; answers once both are durable. */
  async save(id: SourceId, text: string): Promise<StoredSourceVersion> {
    const version: StoredSourceVersion = { versionHash: textHash(sha256(text)), replacedAt: this.now().toISOString() };
    const path = this.#path(id, version.versionHash);
    try {
      const dir = dirname(path);
      await makeDurableDirectory(this.fs, dir);
      await removeStrayTempFiles(this.fs, dir);
    } catch (error) {
      throw saveFailed(LABEL, path, error);
    }
    await new DurableFile(path, LABEL, this.fs).write(text);
    await this.notebook.update((file) => ({ ...file, sourceVersions: { ...file.sourceVersions, [id]: version } }));
    return version;
  }

  /** Goes back to the source's own text (bundled, or extracted from its file); the versions stay on disk. */
  async clear(id: SourceId): Promise<void> {
    if (this.current(id) === null) return;
    await this.notebook.update((file) => {
      const { [id]: _dropped, ...sourceVersions } = file.sourceVersions;
      return { ...file, sourceVersions };
    });
  }

  #path(id: SourceId, versionHash: string): string {
    return join(this.dataDir, SOURCES_FOLDER, id, `${versionHash}.txt`);
  }
}
