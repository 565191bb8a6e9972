import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { extensionOf } from '../../core/import/detect-format';
import type { ExtractedSource } from '../../core/import/extracted-source';
import { sourceId, textHash, type SourceId } from '../../core/model/ids';
import type { ParsedSource } from '../../core/model/source';
import { SourceUnavailableError } from '../service-errors';
import { makeDurableDirectory } from '../store/durable-directory';
import { DurableFile, removeStrayTempFiles } from '../store/durable-file';
import { JsonDocument, type StoreNoticeListener } from '../store/json-document';
import { describeFsError, readFailed, saveFailed } from '../store/storage-error';
import { errorCode, syncDirectory, type StoreFs } from '../store/store-fs';
import { decodeExtracted, encodeExtracted } from './extracted-file';
import { libraryFileKind, type LibraryFile, type SourceDetails, type StoredImport } from './library-file';

export const LIBRARY_FILE = 'library.json';
export const IMPORTS_FOLDER = 'imports';

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export interface ImportedSourcesOptions {
  readonly fs: StoreFs;
  readonly dataDir: string;
  readonly now: () => Date;
  readonly onNotice: StoreNoticeListener;
}

/** What a new import is made of, once its file has been read and converted. */
export interface NewImport {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly extracted: ExtractedSource;
  readonly extractorVersion: number;
  /** The title to show: the file's own, else one made from its name. */
  readonly title: string;
}

/**
 * The files analysts added, in `<dataDir>/imports/<id>/`: the original bytes (`original.<ext>`)
 * and the extracted text (`<sha256>.json`), both written durably before `library.json` names
 * them, so a source is listed only once it is whole. Folders that no entry names (an import cut
 * off by a crash) are removed when the notebook opens.
 */
export class ImportedSources {
  private constructor(
    private readonly options: ImportedSourcesOptions,
    private readonly file: JsonDocument<LibraryFile>,
  ) {}

  static async open(options: ImportedSourcesOptions): Promise<ImportedSources> {
    const file = await JsonDocument.open({ ...options, path: join(options.dataDir, LIBRARY_FILE), kind: libraryFileKind });
    const imported = new ImportedSources(options, file);
    await imported.#removeUnlisted();
    return imported;
  }

  get data(): LibraryFile {
    return this.file.data;
  }

  settled(): Promise<void> {
    return this.file.settled();
  }

  record(id: SourceId): StoredImport | undefined {
    return this.file.data.imports.find((entry) => entry.id === id);
  }

  /** The import of these exact bytes, if any (listed or removed). */
  withOriginal(originalSha256: string): StoredImport | undefined {
    return this.file.data.imports.find((entry) => entry.originalSha256 === originalSha256);
  }

  isRemoved(id: SourceId): boolean {
    return Object.hasOwn(this.file.data.removed, id);
  }

  /** Keeps the file and its extraction durably, then lists it; answers once all three are on disk. */
  async add(input: NewImport): Promise<StoredImport> {
    const originalSha256 = sha256(input.bytes);
    const id = this.#freshId(originalSha256);
    const folder = this.#folder(id);
    const extractedJson = encodeExtracted(input.extracted.parsed);
    const extractedSha256 = sha256(extractedJson);
    const { metadata } = input.extracted;
    const record: StoredImport = {
      id,
      fileName: input.fileName,
      format: input.extracted.format,
      originalSha256: textHash(originalSha256),
      bytes: input.bytes.length,
      extractedSha256: textHash(extractedSha256),
      extractorVersion: input.extractorVersion,
      addedAt: this.options.now().toISOString(),
      title: input.title,
      author: metadata.author,
      publisher: metadata.publisher,
      date: metadata.date,
      isoDate: metadata.isoDate,
      link: metadata.link,
    };
    const { fs } = this.options;
    try {
      await makeDurableDirectory(fs, folder);
    } catch (error) {
      throw saveFailed('the imported file', folder, error);
    }
    await new DurableFile(this.#originalPath(record), 'the imported file', fs).write(input.bytes);
    await new DurableFile(this.#extractedPath(record), 'the text extracted from the imported file', fs).write(extractedJson);
    try {
      await this.file.update((library) => ({ ...library, imports: [...library.imports, record] }));
    } catch (error) {
      // Not listed, so not part of the notebook: its files go (or go at the next start).
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
    return record;
  }

  /**
   * Makes `parsed` (the file read again by a newer converter) the source's text; the previous
   * extraction stays on disk beside it. Answers once the new text and the record are durable.
   */
  async replaceExtraction(id: SourceId, parsed: ParsedSource, extractorVersion: number): Promise<StoredImport> {
    const before = this.record(id);
    if (before === undefined) throw new Error(`No imported source has the id ${id}.`);
    const json = encodeExtracted(parsed);
    const record: StoredImport = { ...before, extractedSha256: textHash(sha256(json)), extractorVersion };
    await new DurableFile(this.#extractedPath(record), 'the text extracted again from the imported file', this.options.fs).write(json);
    await this.file.update((library) => ({ ...library, imports: library.imports.map((entry) => (entry.id === id ? record : entry)) }));
    return record;
  }

  /** The text extracted from the file, checked against the hash it was saved under. */
  async readParsed(record: StoredImport): Promise<ParsedSource> {
    const path = this.#extractedPath(record);
    let bytes: Uint8Array;
    try {
      bytes = await this.options.fs.readFile(path);
    } catch (error) {
      throw new SourceUnavailableError(`The text of “${record.title}” (${path}) could not be read: ${describeFsError(error)}. Restore the notebook from a backup, or add the file again.`);
    }
    if (sha256(bytes) !== record.extractedSha256) {
      throw new SourceUnavailableError(
        `The text of “${record.title}” (${path}) has changed since it was imported. Passages must be cited verbatim, so Notebook will not show it: restore the notebook from a backup, or add the file again.`,
      );
    }
    const decoded = decodeExtracted(new TextDecoder().decode(bytes));
    if (!decoded.ok) throw new SourceUnavailableError(`The text of “${record.title}” (${path}) cannot be used: ${decoded.problem}. Restore the notebook from a backup, or add the file again.`);
    return decoded.parsed;
  }

  /** The original file's bytes, checked against the hash they were imported with. */
  async readOriginal(record: StoredImport): Promise<Uint8Array> {
    const path = this.#originalPath(record);
    let bytes: Uint8Array;
    try {
      bytes = await this.options.fs.readFile(path);
    } catch (error) {
      throw new SourceUnavailableError(`The original file of “${record.title}” (${path}) could not be read: ${describeFsError(error)}.`);
    }
    if (sha256(bytes) !== record.originalSha256) throw new SourceUnavailableError(`The original file of “${record.title}” (${path}) has changed since it was imported.`);
    return bytes;
  }

  async setDetails(id: SourceId, details: SourceDetails): Promise<void> {
    await this.file.update((library) => ({ ...library, details: { ...library.details, [id]: { ...library.details[id], ...details } } }));
  }

  async remove(id: SourceId): Promise<void> {
    await this.file.update((library) => ({ ...library, removed: { ...library.removed, [id]: { removedAt: this.options.now().toISOString() } } }));
  }

  async restore(id: SourceId): Promise<void> {
    await this.file.update((library) => {
      const { [id]: _restored, ...removed } = library.removed;
      return { ...library, removed };
    });
  }

  #freshId(originalSha256: string): SourceId {
    // The bytes' hash names the source, so the same file always gets the same id; longer only in
    // the (astronomically unlikely) case that two files share their first 12 digits.
    for (let length = 12; ; length += 4) {
      const id = sourceId(`imported-${originalSha256.slice(0, length)}`);
      if (this.record(id) === undefined) return id;
    }
  }

  #folder(id: SourceId): string {
    return join(this.options.dataDir, IMPORTS_FOLDER, id);
  }

  #originalPath(record: StoredImport): string {
    const extension = extensionOf(record.fileName).replace(/[^a-z0-9]/g, '');
    return join(this.#folder(record.id), extension === '' ? 'original' : `original.${extension}`);
  }

  #extractedPath(record: StoredImport): string {
    return join(this.#folder(record.id), `${record.extractedSha256}.json`);
  }

  /** Folders of imports a crash cut off before they were listed, and temp files of interrupted writes. */
  async #removeUnlisted(): Promise<void> {
    const { fs, dataDir } = this.options;
    const root = join(dataDir, IMPORTS_FOLDER);
    let names: string[];
    try {
      names = await fs.readdir(root);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      throw readFailed('the folder of imported files', root, error);
    }
    const listed = new Set<string>(this.file.data.imports.map((entry) => entry.id));
    let removed = false;
    for (const name of names) {
      if (listed.has(name)) {
        await removeStrayTempFiles(fs, join(root, name));
        continue;
      }
      await rm(join(root, name), { recursive: true, force: true });
      removed = true;
    }
    if (removed) await syncDirectory(fs, root);
  }
}
