import { createHash } from 'node:crypto';
import { titleFromFileName } from '../../core/import/finish-extraction';
import { ImportFailure, type ImportLimits } from '../../core/import/import-failure';
import { isRefiQdaFile } from '../../core/import/refi-qda/is-refi-qda-file';
import type { SourceId } from '../../core/model/ids';
import type { ImportOutcome, SourceSummary } from '../../shared/api-contract';
import { ConflictError } from '../service-errors';
import type { ImportedSources } from '../sources/imported-sources';
import type { SourceLibrary } from '../sources/source-library';
import type { ExtractorVersions } from './extractor-versions';
import type { Extraction } from './extraction-workers';
import type { ReadRefiQda } from './refi-qda';
import { storeRefiProject, type ProjectStoreParts, type StoredProjectSource } from './store-refi-project';

export interface ImportServiceParts {
  readonly library: SourceLibrary;
  readonly imported: ImportedSources;
  readonly extraction: Extraction;
  readonly limits: ImportLimits;
  readonly extractorVersions: ExtractorVersions;
  /** Where a REFI-QDA project's codes, codings and notes go. */
  readonly project: Omit<ProjectStoreParts, 'library'>;
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * sources.import and imports.cancel: a file is checked, read in a worker thread, and kept with its
 * text; it joins the library only once all of it is durable. The same bytes twice add nothing.
 */
export class ImportService {
  readonly #running = new Map<string, AbortController>();
  /** Deciding what a file is (new, a duplicate, a removed one back) and listing it, one file at a time. */
  #turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly parts: ImportServiceParts) {}

  async import(input: { readonly importId: string; readonly fileName: string; readonly bytes: Uint8Array }): Promise<ImportOutcome> {
    const { importId, bytes } = input;
    const fileName = input.fileName.replace(/^.*[/\\]/, '');
    const { limits, extraction } = this.parts;
    if (bytes.length > limits.maxFileBytes) throw new ImportFailure(`The file is ${megabytes(bytes.length)}; Notebook takes files up to ${megabytes(limits.maxFileBytes)}. Split it, or export the part you need.`);
    if (bytes.length === 0) throw new ImportFailure('The file is empty (0 bytes).');
    if (this.#running.has(importId)) throw new ConflictError(`An import named “${importId}” is already running; give each file its own import id.`);
    const controller = new AbortController();
    this.#running.set(importId, controller);
    try {
      if (isRefiQdaFile(fileName, bytes)) return await this.#importProject(await extraction.readProject({ bytes, fileName, limits }, controller.signal));
      const originalSha256 = sha256(bytes);
      const known = await this.#serially(() => this.#known(originalSha256));
      if (known !== null) return known;
      const extracted = await extraction.extract({ bytes, fileName, limits }, controller.signal);
      return await this.#serially(async () => {
        // Another import of the same bytes may have finished while this one was being read.
        const meanwhile = await this.#known(originalSha256);
        if (meanwhile !== null) return meanwhile;
        const record = await this.parts.imported.add({
          fileName,
          bytes,
          extracted,
          extractorVersion: this.parts.extractorVersions[extracted.format],
          title: extracted.metadata.title ?? titleFromFileName(fileName),
        });
        return { status: 'imported', source: await this.#summary(record.id), warnings: extracted.warnings };
      });
    } finally {
      this.#running.delete(importId);
    }
  }

  /**
   * A REFI-QDA project: each text source joins the library as an imported text file (its text as
   * the project holds it is its original, `<name>.txt`), or is found there already; then the code
   * tree, codings and notes are added. A codebook (.qdc) brings only the code tree.
   */
  async #importProject(read: ReadRefiQda): Promise<ImportOutcome> {
    const stored: StoredProjectSource[] = [];
    const sources: SourceSummary[] = [];
    for (const file of read.files) {
      const id = await this.#serially(async () => {
        const known = await this.#known(sha256(file.bytes));
        if (known !== null) return known.status === 'duplicate' ? known.existing.id : known.source.id;
        const record = await this.parts.imported.add({
          fileName: file.fileName,
          bytes: file.bytes,
          extracted: file.extracted,
          extractorVersion: this.parts.extractorVersions[file.extracted.format],
          title: file.title,
        });
        return record.id;
      });
      stored.push({ guid: file.guid, sourceId: id, plannedText: file.extracted.parsed.text });
      sources.push(await this.#summary(id));
    }
    const added = await storeRefiProject({ ...this.parts.project, library: this.parts.library }, read.plan, stored);
    return { status: 'project', sources, tags: added.tags, highlights: added.highlights, memos: added.memos, problems: [...read.plan.problems, ...added.problems] };
  }

  /** Stops the import named `importId` if it is still reading its file. */
  cancel(importId: string): { cancelled: boolean } {
    const running = this.#running.get(importId);
    running?.abort();
    return { cancelled: running !== undefined };
  }

  /** What the library already has of these bytes: a source to point at, a removed one brought back, or nothing. */
  async #known(originalSha256: string): Promise<Extract<ImportOutcome, { status: 'duplicate' | 'restored' }> | null> {
    const { library, imported } = this.parts;
    const bundled = (await library.manifest()).find((meta) => meta.sha256 === originalSha256 && imported.record(meta.id) === undefined);
    if (bundled !== undefined) return { status: 'duplicate', existing: await this.#summary(bundled.id) };
    const record = imported.withOriginal(originalSha256);
    if (record === undefined) return null;
    if (!imported.isRemoved(record.id)) return { status: 'duplicate', existing: await this.#summary(record.id) };
    await imported.restore(record.id);
    return { status: 'restored', source: await this.#summary(record.id) };
  }

  async #summary(id: SourceId): Promise<SourceSummary> {
    return (await this.parts.library.get(id)).meta;
  }

  #serially<T>(step: () => Promise<T>): Promise<T> {
    const run = this.#turn.then(step, step);
    this.#turn = run.catch(() => undefined);
    return run;
  }
}
