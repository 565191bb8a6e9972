import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSource } from '../../core/document/parse-source';
import type { SourceId } from '../../core/model/ids';
import type { ParsedSource, SourceMeta } from '../../core/model/source';
import type { LoadedSource, SourceSummary } from '../../shared/api-contract';
import type { StoredSourceVersion } from '../notebook-file';
import { InvalidInputError, NotFoundError, SourceUnavailableError } from '../service-errors';
import { describeFsError } from '../store/storage-error';
import { readManifest } from './read-manifest';
import type { SourceVersions } from './source-versions';

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

interface CachedSource {
  /** The version the entry was loaded from (null: the bundled text). */
  readonly versionHash: string | null;
  readonly loading: Promise<LoadedSource>;
}

/**
 * The sources: `<resourcesDir>/manifest.json` describes them, `<resourcesDir>/sources/` holds their
 * bundled files, and `versions` the texts that replaced some of them. Each text is read, checked
 * and parsed once, on first use, and again only when its source's text is replaced.
 */
export class SourceLibrary {
  #manifest: Promise<readonly SourceMeta[]> | null = null;
  readonly #loaded = new Map<SourceId, CachedSource>();

  constructor(
    private readonly resourcesDir: string,
    private readonly versions: SourceVersions,
  ) {}

  /** All sources in library order, each with its length (which parses every source once). */
  async list(): Promise<SourceSummary[]> {
    const manifest = await this.manifest();
    const loaded = await Promise.all(manifest.map((meta) => this.load(meta)));
    return loaded.map((source) => source.meta);
  }

  async get(id: SourceId): Promise<LoadedSource> {
    return this.load(await this.meta(id));
  }

  /** The manifest entry of `id`; throws NotFoundError if the library has no such source. */
  async meta(id: SourceId): Promise<SourceMeta> {
    const found = (await this.manifest()).find((meta) => meta.id === id);
    if (found === undefined) throw new NotFoundError(`The library has no source with id "${id}".`);
    return found;
  }

  /** The manifest's entries, in library order. */
  manifest(): Promise<readonly SourceMeta[]> {
    if (this.#manifest === null) {
      const reading = readManifest(join(this.resourcesDir, 'manifest.json'));
      this.#manifest = reading;
      // A manifest that failed to load is read again next time (it may have been restored).
      reading.catch(() => {
        if (this.#manifest === reading) this.#manifest = null;
      });
    }
    return this.#manifest;
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
    const loaded = present(meta, parsed, version);
    this.#loaded.set(id, { versionHash: version.versionHash, loading: Promise.resolve(loaded) });
    return loaded;
  }

  private load(meta: SourceMeta): Promise<LoadedSource> {
    const version = this.versions.current(meta.id);
    const versionHash = version?.versionHash ?? null;
    const known = this.#loaded.get(meta.id);
    if (known !== undefined && known.versionHash === versionHash) return known.loading;
    const loading = this.readAndParse(meta, version);
    const entry = { versionHash, loading };
    this.#loaded.set(meta.id, entry);
    loading.catch(() => {
      if (this.#loaded.get(meta.id) === entry) this.#loaded.delete(meta.id);
    });
    return loading;
  }

  private async readAndParse(meta: SourceMeta, version: StoredSourceVersion | null): Promise<LoadedSource> {
    const text = version === null ? await this.readBundled(meta) : await this.versions.read(meta, version);
    return present(meta, parseSource(text, meta.format), version);
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

function present(meta: SourceMeta, parsed: ParsedSource, version: StoredSourceVersion | null): LoadedSource {
  const summary: SourceSummary = { ...meta, length: parsed.text.length, ...(version === null ? {} : { replaced: version }) };
  return { meta: summary, text: parsed.text, textHash: sha256(parsed.text), blocks: parsed.blocks };
}
