import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSource } from '../../core/document/parse-source';
import type { SourceId } from '../../core/model/ids';
import type { ParsedSource, SourceFormat, SourceMeta } from '../../core/model/source';
import type { LoadedSource, SourceSummary } from '../../shared/api-contract';
import { EXTRACTOR_VERSION, type ExtractorVersions } from '../import/extractor-versions';
import type { ImportedSources } from './imported-sources';
import type { SourceDetails, StoredImport } from './library-file';
import type { StoredSourceVersion } from '../notebook-file';
import { InvalidInputError, NotFoundError, SourceUnavailableError } from '../service-errors';
import { describeFsError } from '../store/storage-error';
import { readManifest } from './read-manifest';
import type { SourceVersions } from './source-versions';

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A source's text as read and parsed, which does not change until its text does. */
interface ParsedText {
  readonly parsed: ParsedSource;
  readonly textHash: string;
}

interface CachedSource {
  /** Which text the entry was loaded from: a replacing version, an extraction, or the bundled file. */
  readonly key: string;
  readonly loading: Promise<ParsedText>;
}

/** The format a text replacing an imported source is read in. */
const importedTextFormat = (entry: StoredImport): SourceFormat => (entry.format === 'markdown' ? 'markdown' : 'plain-text');

/**
 * The sources: the bundled ones (`<resourcesDir>/manifest.json` describes them and
 * `<resourcesDir>/sources/` holds their files), then the imported ones (`imported`) in the order
 * they were added, less the ones removed, each with the details the person changed; `versions`
 * holds the texts that replaced some of them. Each text is read, checked and parsed once, on first
 * use, and again only when its source's text is replaced.
 */
export class SourceLibrary {
  #bundled: Promise<readonly SourceMeta[]> | null = null;
  readonly #loaded = new Map<SourceId, CachedSource>();

  constructor(
    private readonly resourcesDir: string,
    private readonly versions: SourceVersions,
    private readonly imported: ImportedSources,
    private readonly extractorVersions: ExtractorVersions = EXTRACTOR_VERSION,
  ) {}

  /** All sources in library order, each with its length (which parses every source once). */
  async list(): Promise<SourceSummary[]> {
    const manifest = await this.manifest();
    return Promise.all(manifest.map(async (meta) => this.#summary(meta, (await this.load(meta)).parsed)));
  }

  async get(id: SourceId): Promise<LoadedSource> {
    const meta = await this.meta(id);
    const { parsed, textHash } = await this.load(meta);
    return { meta: this.#summary(meta, parsed), text: parsed.text, textHash, blocks: parsed.blocks, ...(parsed.pages ? { pages: parsed.pages } : {}) };
  }

  /** The entry of `id`; throws NotFoundError if the library has no such source (or it was removed). */
  async meta(id: SourceId): Promise<SourceMeta> {
    const found = (await this.manifest()).find((meta) => meta.id === id);
    if (found === undefined) {
      const removed = this.imported.isRemoved(id) ? ' It was removed from the library; restore it from the Library’s removed sources to use it again.' : '';
      throw new NotFoundError(`The library has no source with id "${id}".${removed}`);
    }
    return found;
  }

  /** Every source of the library, in library order: the bundled ones, then the imported ones. */
  async manifest(): Promise<readonly SourceMeta[]> {
    return (await this.everySource()).filter((meta) => !this.imported.isRemoved(meta.id));
  }

  /** Every source the notebook has known, removed ones included (citations of them keep their titles). */
  async everySource(): Promise<readonly SourceMeta[]> {
    const { details, imports } = this.imported.data;
    const withDetails = (meta: SourceMeta): SourceMeta => applyDetails(meta, details[meta.id]);
    return [...(await this.bundled()).map(withDetails), ...imports.map((entry) => withDetails(importedMeta(entry)))];
  }

  /** The bundled sources as the manifest lists them. */
  bundled(): Promise<readonly SourceMeta[]> {
    if (this.#bundled === null) {
      const reading = readManifest(join(this.resourcesDir, 'manifest.json'));
      this.#bundled = reading;
      // A manifest that failed to load is read again next time (it may have been restored).
      reading.catch(() => {
        if (this.#bundled === reading) this.#bundled = null;
      });
    }
    return this.#bundled;
  }

  /**
   * Makes `text` (written in the source's format) the source's text from now on, keeping the
   * previous one; answers once the new text and the record of it are durable.
   */
  async replace(id: SourceId, text: string): Promise<LoadedSource> {
    const meta = await this.meta(id);
    const parsed = parseSource(text, meta.format);
    if (parsed.text.trim() === '') {
      const issue = 'text: holds no readable text once parsed';
      throw new InvalidInputError(`The new text of "${meta.title}" holds nothing to read. Nothing was replaced.`, [issue]);
    }
    const version = await this.versions.save(id, text);
    this.#loaded.set(id, { key: version.versionHash, loading: Promise.resolve({ parsed, textHash: sha256(parsed.text) }) });
    return this.get(id);
  }

  /**
   * Makes a text a newer converter extracted from an imported source's file its text from now on,
   * in place of any text that replaced it; the previous texts are kept.
   */
  async replaceExtraction(id: SourceId, parsed: ParsedSource, extractorVersion: number): Promise<LoadedSource> {
    await this.meta(id);
    const record = await this.imported.replaceExtraction(id, parsed, extractorVersion);
    await this.versions.clear(id);
    this.#loaded.set(id, { key: record.extractedSha256, loading: Promise.resolve({ parsed, textHash: sha256(parsed.text) }) });
    return this.get(id);
  }

  private load(meta: SourceMeta): Promise<ParsedText> {
    const version = this.versions.current(meta.id);
    const imported = this.imported.record(meta.id);
    const key = version?.versionHash ?? imported?.extractedSha256 ?? 'bundled';
    const known = this.#loaded.get(meta.id);
    if (known !== undefined && known.key === key) return known.loading;
    const loading = this.readAndParse(meta, version, imported);
    const entry = { key, loading };
    this.#loaded.set(meta.id, entry);
    loading.catch(() => {
      if (this.#loaded.get(meta.id) === entry) this.#loaded.delete(meta.id);
    });
    return loading;
  }

  private async readAndParse(meta: SourceMeta, version: StoredSourceVersion | null, imported: StoredImport | undefined): Promise<ParsedText> {
    let parsed: ParsedSource;
    if (version !== null) parsed = parseSource(await this.versions.read(meta, version), meta.format);
    else if (imported !== undefined) parsed = await this.imported.readParsed(imported);
    else parsed = parseSource(await this.readBundled(meta), meta.format);
    return { parsed, textHash: sha256(parsed.text) };
  }

  #summary(meta: SourceMeta, parsed: ParsedSource): SourceSummary {
    const version = this.versions.current(meta.id);
    const imported = this.imported.record(meta.id);
    return {
      ...meta,
      length: parsed.text.length,
      ...(version === null ? {} : { replaced: version }),
      ...(imported === undefined
        ? {}
        : {
            imported: {
              format: imported.format,
              fileName: imported.fileName,
              addedAt: imported.addedAt,
              bytes: imported.bytes,
              extractorVersion: imported.extractorVersion,
              currentExtractorVersion: this.extractorVersions[imported.format],
            },
          }),
      ...(parsed.pages && parsed.pages.length > 0 ? { pageCount: parsed.pages.length } : {}),
    };
  }

  private async readBundled(meta: SourceMeta): Promise<string> {
    const path = join(this.resourcesDir, 'sources', meta.file);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new SourceUnavailableError(`The file of "${meta.title}" (${path}) could not be read: ${describeFsError(error)}. Reinstall Notebook to restore it.`);
    }
    const actual = sha256(bytes);
    if (actual !== meta.sha256) {
      throw new SourceUnavailableError(
        `The file of "${meta.title}" (${path}) differs from the one the library was built with (its SHA-256 is ${actual}, the manifest says ${meta.sha256}). Passages must be cited verbatim, so Notebook will not show an altered copy: restore the original file or reinstall Notebook.`,
      );
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new SourceUnavailableError(`The file of "${meta.title}" (${path}) is not UTF-8 text.`);
    }
  }
}

function importedMeta(entry: StoredImport): SourceMeta {
  return {
    id: entry.id,
    file: entry.fileName,
    title: entry.title,
    author: entry.author,
    publisher: entry.publisher,
    date: entry.date,
    isoDate: entry.isoDate,
    kind: 'document',
    format: importedTextFormat(entry),
    link: entry.link,
    sha256: entry.originalSha256,
    note: null,
  };
}

function applyDetails(meta: SourceMeta, details: SourceDetails | undefined): SourceMeta {
  return details === undefined ? meta : { ...meta, ...details };
}
