import { afterEach, describe, expect, it } from 'vitest';
import { charOffset, sourceId, type SourceId } from '../../core/model/ids';
import { createRelatedIndex, type RelatedIndex } from '../../core/related/related-index';
import { createSharedTextIndex, type SharedTextIndex } from '../../core/shared-text/shared-text-index';
import type { LoadedSource, SourceSummary } from '../../shared/api-contract';
import { NotFoundError } from '../service-errors';
import type { SourceLibrary } from '../sources/source-library';
import { SharedTextIndexWorker } from './shared-text-index-worker';
import { sharedTextWorkerScript } from './shared-text-worker-script';

const workers: SharedTextIndexWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.close()));
});

/** A library of plain texts that counts the texts read, standing in for SourceLibrary's list() and get(). */
class TextLibrary {
  readonly entries = new Map<SourceId, { text: string; version: string }>();
  readonly unreadable = new Set<SourceId>();
  reads = 0;

  set(id: string, text: string, version = 'v1'): void {
    this.entries.set(sourceId(id), { text, version });
  }

  summary(id: SourceId, version: string, length: number): SourceSummary {
    return { id, title: `Title of ${id}`, sha256: `${id}-${version}`, format: 'plain-text', length } as SourceSummary;
  }

  async list(): Promise<SourceSummary[]> {
    return [...this.entries].map(([id, entry]) => this.summary(id, entry.version, entry.text.length));
  }

  async get(id: SourceId): Promise<LoadedSource> {
    const entry = this.entries.get(id);
    if (!entry || this.unreadable.has(id)) throw new NotFoundError(`There is no source with id “${id}”.`);
    this.reads++;
    return { meta: this.summary(id, entry.version, entry.text.length), text: entry.text, textHash: entry.version, blocks: [] };
  }
}

const asLibrary = (library: TextLibrary): SourceLibrary => library as unknown as SourceLibrary;

function startWorker(): SharedTextIndexWorker {
  const worker = new SharedTextIndexWorker(sharedTextWorkerScript());
  workers.push(worker);
  return worker;
}

const ARTICLE =
  'The Taliban entered Kabul on 15 August 2021 after the government collapsed and the president left the country. ' +
  'Fighters took the presidential palace within hours, while foreign embassies evacuated their staff by helicopter to the airport. ' +
  'Thousands of people gathered at the gates of the airport hoping to board one of the last flights out of the city.';

function sampleLibrary(): TextLibrary {
  const library = new TextLibrary();
  library.set('capture-1', `${ARTICLE} Reporting by a wire service.`);
  library.set('capture-2', `Breaking news. ${ARTICLE}`);
  library.set('report', 'Al Qaeda kept close ties with the Taliban leadership in Kandahar through the nineties, analysts wrote in a report.');
  return library;
}

/** What the core indexes answer over the same texts, read on this thread. */
function coreIndexes(library: TextLibrary): { shared: SharedTextIndex; related: RelatedIndex } {
  const shared = createSharedTextIndex();
  const related = createRelatedIndex();
  for (const [id, entry] of library.entries) {
    shared.addSource(id, entry.text, []);
    related.addSource(id, entry.text, []);
  }
  return { shared, related };
}

describe('the shared-text index worker', () => {
  it('answers twins, pairs, twin ranges and related passages as the core indexes do', async () => {
    const library = sampleLibrary();
    const worker = startWorker();
    const core = coreIndexes(library);
    const twins = await worker.twins(asLibrary(library), null);
    expect(twins.length).toBeGreaterThan(0);
    expect(twins).toEqual(core.shared.twins());
    expect(await worker.twins(asLibrary(library), sourceId('capture-2'))).toEqual(core.shared.pairsOf(sourceId('capture-2')));
    const range = { start: charOffset(0), end: charOffset(40) };
    expect(await worker.twinRange(asLibrary(library), sourceId('capture-1'), sourceId('capture-2'), range)).toEqual(
      core.shared.twinRange(sourceId('capture-1'), sourceId('capture-2'), range),
    );
    const passages = await worker.related(asLibrary(library), [], sourceId('capture-1'), 0, 110, { limit: 5 });
    expect(passages.length).toBeGreaterThan(0);
    expect(passages).toEqual(core.related.related(sourceId('capture-1'), 0, 110, { limit: 5 }));
  });

  it('reads each text once per index, and again only when it changes; a removed source leaves the answers', async () => {
    const library = sampleLibrary();
    const worker = startWorker();
    await worker.twins(asLibrary(library), null);
    await worker.twins(asLibrary(library), null);
    expect(library.reads).toBe(3);
    // Twins do not read the library into the related-passages index: its first question does.
    await worker.related(asLibrary(library), [], sourceId('report'), 0, 60, {});
    expect(library.reads).toBe(6);

    library.set('capture-2', 'Nothing in common with the others any more, only weather reports from the coast.', 'v2');
    expect(await worker.twins(asLibrary(library), null)).toEqual([]);
    expect(library.reads).toBe(7);
    library.entries.delete(sourceId('capture-2'));
    expect(await worker.twins(asLibrary(library), sourceId('capture-1'))).toEqual([]);
    expect(library.reads).toBe(7);
  });

  it('fails a question with the library’s own error when a text cannot be read, and answers once it can', async () => {
    const library = sampleLibrary();
    library.unreadable.add(sourceId('report'));
    const worker = startWorker();
    await expect(worker.twins(asLibrary(library), null)).rejects.toBeInstanceOf(NotFoundError);
    library.unreadable.clear();
    expect(await worker.twins(asLibrary(library), null)).toEqual(coreIndexes(library).shared.twins());
  });
});
