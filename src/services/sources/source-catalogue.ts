import { join } from 'node:path';
import { z } from 'zod';
import { makeDurableDirectory } from '../store/durable-directory';
import { DurableFile } from '../store/durable-file';
import type { StoreFs } from '../store/store-fs';

/** Data derived from the notebook's files, kept only to save work; never backed up, rebuilt when missing. */
export const DERIVED_FOLDER = 'derived';
export const SOURCE_CATALOGUE_FILE = 'source-catalogue.json';
/** Raised whenever what is derived (or how) changes, so that older records are computed again. */
const CATALOGUE_VERSION = 1;

/** What sources.list needs of a text that would otherwise take reading and parsing it. */
export interface TextFacts {
  /** Characters of canonical text. */
  readonly length: number;
  /** Pages of a paginated text (PDF); 0 when it has none. */
  readonly pages: number;
}

const catalogueSchema = z
  .object({
    schemaVersion: z.literal(CATALOGUE_VERSION),
    texts: z.record(z.string().min(1).max(200), z.object({ length: z.number().int().min(0), pages: z.number().int().min(0) }).strict()),
  })
  .strict();

/**
 * `derived/source-catalogue.json`: the facts of every text the library has parsed, keyed by the
 * text's content hash and format, so that listing a library of a thousand sources reads one small
 * file instead of parsing every source. A text's hash fixes its facts, so a record never goes
 * stale while the parser is unchanged; and each time a text is parsed anyway, its record is
 * checked and corrected, so a record made by an older parser heals itself. A missing or damaged
 * catalogue is a cache miss: it is rebuilt, never reported, never fatal.
 */
export class SourceCatalogue {
  readonly #texts: Map<string, TextFacts>;
  readonly #file: DurableFile;
  #dirty = false;
  #saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly fs: StoreFs,
    private readonly folder: string,
    texts: Map<string, TextFacts>,
  ) {
    this.#texts = texts;
    this.#file = new DurableFile(join(folder, SOURCE_CATALOGUE_FILE), 'the catalogue of source lengths', fs);
  }

  /** The catalogue of a data directory; empty when there is none yet or it cannot be used. */
  static async open(fs: StoreFs, dataDir: string): Promise<SourceCatalogue> {
    const folder = join(dataDir, DERIVED_FOLDER);
    return new SourceCatalogue(fs, folder, await readTexts(fs, join(folder, SOURCE_CATALOGUE_FILE)));
  }

  facts(key: string): TextFacts | undefined {
    return this.#texts.get(key);
  }

  /** Records the facts of a text just parsed; written to disk in the background, several at once. */
  remember(key: string, facts: TextFacts): void {
    const known = this.#texts.get(key);
    if (known !== undefined && known.length === facts.length && known.pages === facts.pages) return;
    this.#texts.set(key, facts);
    if (this.#dirty) return;
    this.#dirty = true;
    this.#saving = this.#saving.then(() => this.#save());
  }

  /** Resolves once every record made so far has been written (or failed to be: it is only a cache). */
  settled(): Promise<void> {
    return this.#saving;
  }

  async #save(): Promise<void> {
    // Records made while waiting for the previous write join this one.
    await new Promise<void>((resume) => setImmediate(resume));
    this.#dirty = false;
    const json = JSON.stringify({ schemaVersion: CATALOGUE_VERSION, texts: Object.fromEntries(this.#texts) });
    try {
      await makeDurableDirectory(this.fs, this.folder);
      await this.#file.write(json);
    } catch {
      // Only a cache: the records are still in memory, and a later record tries the write again.
    }
  }
}

async function readTexts(fs: StoreFs, path: string): Promise<Map<string, TextFacts>> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await fs.readFile(path)));
  } catch {
    // Missing (first start) or unreadable: every fact is computed again as the sources are parsed.
    return new Map();
  }
  const checked = catalogueSchema.safeParse(json);
  return checked.success ? new Map(Object.entries(checked.data.texts)) : new Map();
}
