import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSource } from '../../core/document/parse-source';
import type { SourceId } from '../../core/model/ids';
import type { SourceMeta } from '../../core/model/source';
import type { LoadedSource, SourceSummary } from '../../shared/api-contract';
import { NotFoundError, SourceUnavailableError } from '../service-errors';
import { describeFsError } from '../store/storage-error';
import { readManifest } from './read-manifest';

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * The bundled sources: `<resourcesDir>/manifest.json` describes them, `<resourcesDir>/sources/`
 * holds their files. Each file is read, checked against the manifest and parsed once, on first use.
 */
export class SourceLibrary {
  #manifest: Promise<readonly SourceMeta[]> | null = null;
  readonly #loaded = new Map<SourceId, Promise<LoadedSource>>();

  constructor(private readonly resourcesDir: string) {}

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

  private manifest(): Promise<readonly SourceMeta[]> {
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

  private load(meta: SourceMeta): Promise<LoadedSource> {
    const known = this.#loaded.get(meta.id);
    if (known !== undefined) return known;
    const loading = this.readAndParse(meta);
    this.#loaded.set(meta.id, loading);
    loading.catch(() => this.#loaded.delete(meta.id));
    return loading;
  }

  private async readAndParse(meta: SourceMeta): Promise<LoadedSource> {
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
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new SourceUnavailableError(`The file of "${meta.title}" (${path}) is not UTF-8 text.`);
    }
    const parsed = parseSource(text, meta.format);
    return { meta: { ...meta, length: parsed.text.length }, text: parsed.text, textHash: sha256(parsed.text), blocks: parsed.blocks };
  }
}
