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
import type { SourceCatalogue, TextFacts } from './source-catalogue';
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
  /** Roughly what the parsed text holds in memory, once known. */
  bytes: number;
}

/**
 * Parsed texts kept for the next call, the least recently used given up first beyond this size:
 * a few long reports, or the sources a person has open, never the whole library.
 */
const PARSED_BYTES_KEPT = 48 * 1024 * 1024;
/** Sources parsed at once while listing a library whose catalogue lacks them (the first start). */
const LISTING_PARSES_AT_ONCE = 4;

/** A UTF-16 string's bytes, plus a rough figure per block and page for their offsets and marks. */
const bytesOf = (parsed: ParsedSource): number => parsed.text.length * 2 + (parsed.blocks.length + (parsed.pages?.length ?? 0)) * 200;

/** The format a text replacing an imported source is read in. */
const importedTextFormat = (entry: StoredImport): SourceFormat => (entry.format === 'markdown' ? 'markdown' : 'plain-text');

/**
 * The sources: the bundled ones (`<resourcesDir>/manifest.json` describes them and
 * `<resourcesDir>/sources/` holds their files), then the imported ones (`imported`) in the order
 * they were added, less the ones removed, each with the details the person changed; `versions`
 * holds the texts that replaced some of them. A text is read, checked and parsed when it is used,
 * and kept while it is among the recently used (PARSED_BYTES_KEPT); what listing needs of each text
 * comes from `catalogue`, so listing parses only the texts it has never seen.
 */
export class SourceLibrary {
  #bundled: Promise<readonly SourceMeta[]> | null = null;
  /** Least recently used first. */
  readonly #loaded = new Map<SourceId, CachedSource>();
  #loadedBytes = 0;

  constructor(
    private readonly resourcesDir: string,
    private readonly versions: SourceVersions,
    private readonly imported: ImportedSources,
    private readonly catalogue: SourceCatalogue,
    private readonly extractorVersions: ExtractorVersions = EXTRACTOR_VERSION,
  ) {}

  /** All sources in library order, each with its length: from the catalogue, else by parsing the source once. */
  async list(): Promise<SourceSummary[]> {
    const manifest = await this.manifest();
    const summaries: SourceSummary[] = [];
    const unknown: number[] = [];
    for (const [i, meta] of manifest.entries()) {
      const facts = this.catalogue.facts(this.#factsKey(meta));
      if (facts === undefined) unknown.push(i);
      else summaries[i] = this.#summary(meta, facts);
    }
    // A few at a time, so that a first listing of a large library never holds every text at once.
    for (let at = 0; at < unknown.length; at += LISTING_PARSES_AT_ONCE) {
      await Promise.all(
        unknown.slice(at, at + LISTING_PARSES_AT_ONCE).map(async (i) => {
          const meta = manifest[i] as SourceMeta;
          summaries[i] = this.#summary(meta, this.#facts(meta, (await this.load(meta)).parsed));
        }),
      );
    }
    return summaries;
  }

  async get(id: SourceId): Promise<LoadedSource> {
    const meta = await this.meta(id);
    const { parsed, textHash } = await this.load(meta);
    const facts = this.#facts(meta, parsed);
    return { meta: this.#summary(meta, facts), text: parsed.text, textHash, blocks: parsed.blocks, ...(parsed.pages ? { pages: parsed.pages } : {}) };
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
    this.#keep(id, version.versionHash, Promise.resolve({ parsed, textHash: sha256(parsed.text) }));
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
    this.#keep(id, record.extractedSha256, Promise.resolve({ parsed, textHash: sha256(parsed.text) }));
    return this.get(id);
  }

  private load(meta: SourceMeta): Promise<ParsedText> {
    const version = this.versions.current(meta.id);
    const imported = this.imported.record(meta.id);
    const key = this.#textKey(meta);
    const known = this.#loaded.get(meta.id);
    if (known !== undefined && known.key === key) {
      // Used again: now the most recently used.
      this.#loaded.delete(meta.id);
      this.#loaded.set(meta.id, known);
      return known.loading;
    }
    return this.#keep(meta.id, key, this.readAndParse(meta, version, imported));
  }

  /** Keeps `loading` as the text of `id`, then gives up the least recently used texts beyond the budget. */
  #keep(id: SourceId, key: string, loading: Promise<ParsedText>): Promise<ParsedText> {
    this.#forget(id);
    const entry: CachedSource = { key, loading, bytes: 0 };
    this.#loaded.set(id, entry);
    loading.then(
      ({ parsed }) => {
        if (this.#loaded.get(id) !== entry) return;
        entry.bytes = bytesOf(parsed);
        this.#loadedBytes += entry.bytes;
        for (const oldest of this.#loaded.keys()) {
          if (this.#loadedBytes <= PARSED_BYTES_KEPT || oldest === id) break;
          this.#forget(oldest);
        }
      },
      () => {
        if (this.#loaded.get(id) === entry) this.#loaded.delete(id);
      },
    );
    return loading;
  }

  #forget(id: SourceId): void {
    const cached = this.#loaded.get(id);
    if (cached === undefined) return;
    this.#loadedBytes -= cached.bytes;
    this.#loaded.delete(id);
  }

  /** Which text a source has now: its replacing version, its extraction, or its bundled file (by their hashes). */
  #textKey(meta: SourceMeta): string {
    return this.versions.current(meta.id)?.versionHash ?? this.imported.record(meta.id)?.extractedSha256 ?? meta.sha256;
  }

  /** The catalogue's key for a source's text: its hash and the format it is parsed in. */
  #factsKey(meta: SourceMeta): string {
    return `${this.#textKey(meta)}.${meta.format}`;
  }

  /** The facts of a text just parsed, recorded (or corrected) in the catalogue. */
  #facts(meta: SourceMeta, parsed: ParsedSource): TextFacts {
    const facts: TextFacts = { length: parsed.text.length, pages: parsed.pages?.length ?? 0 };
    this.catalogue.remember(this.#factsKey(meta), facts);
    return facts;
  }

  private async readAndParse(meta: SourceMeta, version: StoredSourceVersion | null, imported: StoredImport | undefined): Promise<ParsedText> {
    let parsed: ParsedSource;
    if (version !== null) parsed = parseSource(await this.versions.read(meta, version), meta.format);
    else if (imported !== undefined) parsed = await this.imported.readParsed(imported);
    else parsed = parseSource(await this.readBundled(meta), meta.format);
    return { parsed, textHash: sha256(parsed.text) };
  }

  #summary(meta: SourceMeta, facts: TextFacts): SourceSummary {
    const version = this.versions.current(meta.id);
    const imported = this.imported.record(meta.id);
    return {
      ...meta,
      length: facts.length,
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
      ...(facts.pages > 0 ? { pageCount: facts.pages } : {}),
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
