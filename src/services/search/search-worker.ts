import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceId } from '../../core/model/ids';
import { createSearchIndex } from '../../core/search/search-index';
import { indexText } from '../../core/search/segment-data';
import type { SearchResult } from '../../core/search/search-types';
import { makeDurableDirectory } from '../store/durable-directory';
import { DurableFile, removeStrayTempFiles } from '../store/durable-file';
import { errorCode, nodeStoreFs } from '../store/store-fs';
import { hitFilter } from './hit-ranges';
import type { FromSearchWorker, IndexedSource, SearchWorkerData, ToSearchWorker } from './search-worker-protocol';
import { decodeSegment, encodeSegment, segmentFileName } from './segment-file';

/**
 * The search worker: a thread holding the search index, so that reading saved segments, indexing
 * and querying never hold up the thread answering API calls. It keeps the index in step with the
 * list of sources it is sent, one source at a time: a source's saved segment when there is one
 * (indexed at an earlier start), else its text, asked for and then indexed and saved. Between two
 * sources it answers queries from what is indexed so far, naming the sources still to come.
 */

const port = parentPort;
const { indexDir } = workerData as SearchWorkerData;
const fs = nodeStoreFs;
const index = createSearchIndex();

/** The library as last sent, in order. */
let listed = new Map<SourceId, IndexedSource>();
/** The key of the text each indexed source was indexed from. */
const indexedKey = new Map<SourceId, string>();
/** Sources whose text could not be read, with the key tried: not asked for again until it changes. */
const unreadable = new Map<SourceId, string>();
const catchUps: number[] = [];
/** The text asked for, answered by the 'text' or 'text-failed' message. */
let awaitedText: { readonly sourceId: SourceId; readonly resolve: (message: ToSearchWorker | null) => void } | null = null;
let working = false;
/** Set by 'close': no more sources are taken up. */
let closing = false;
/** Saves of segments, one after another, off the indexing path. */
let saving: Promise<void> = Promise.resolve();
let folderReady: Promise<boolean> | null = null;

const post = (message: FromSearchWorker): void => port?.postMessage(message);
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const isPending = (source: IndexedSource): boolean => indexedKey.get(source.sourceId) !== source.key && unreadable.get(source.sourceId) !== source.key;

/** The folder of saved segments, made once; false when it cannot be (the index then lives in memory only). */
function folder(): Promise<boolean> {
  folderReady ??= (async () => {
    try {
      await makeDurableDirectory(fs, indexDir);
      await removeStrayTempFiles(fs, indexDir);
      return true;
    } catch {
      return false;
    }
  })();
  return folderReady;
}

async function readSaved(source: IndexedSource): Promise<boolean> {
  if (!(await folder())) return false;
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(join(indexDir, segmentFileName(source.key)));
  } catch (error) {
    // Missing is the usual case; an unreadable file is as good as missing: the source is indexed again.
    if (errorCode(error) !== 'ENOENT') await fs.remove(join(indexDir, segmentFileName(source.key))).catch(() => undefined);
    return false;
  }
  const data = decodeSegment(source.key, bytes);
  if (data === null) return false;
  index.putSegment(source.sourceId, data);
  return true;
}

function askForText(source: IndexedSource): Promise<ToSearchWorker | null> {
  return new Promise((resolve) => {
    awaitedText = { sourceId: source.sourceId, resolve };
    post({ type: 'want', sourceId: source.sourceId, key: source.key });
  });
}

function save(key: string, bytes: Uint8Array): void {
  saving = saving.then(async () => {
    if (!(await folder())) return;
    // A segment that cannot be saved is indexed again at the next start; nothing else is lost.
    await new DurableFile(join(indexDir, segmentFileName(key)), 'search index', fs).write(bytes).catch(() => undefined);
  });
}

/** Deletes the saved segments of texts no source has any more (replaced or removed). */
function dropUnlisted(): void {
  const kept = new Set([...listed.values()].map((source) => segmentFileName(source.key)));
  saving = saving.then(async () => {
    if (!(await folder())) return;
    const names = await fs.readdir(indexDir).catch(() => [] as string[]);
    for (const name of names) if (name.endsWith('.seg') && !kept.has(name)) await fs.remove(join(indexDir, name)).catch(() => undefined);
  });
}

async function indexOne(source: IndexedSource): Promise<void> {
  if (await readSaved(source)) {
    indexedKey.set(source.sourceId, source.key);
    return;
  }
  const answer = await askForText(source);
  if (answer?.type !== 'text') {
    unreadable.set(source.sourceId, source.key);
    return;
  }
  const data = indexText(answer.text, answer.blocks);
  index.putSegment(source.sourceId, data);
  indexedKey.set(source.sourceId, answer.key);
  save(answer.key, encodeSegment(answer.key, data));
}

/** Indexes the pending sources one by one, yielding between them so queries are answered meanwhile. */
async function work(): Promise<void> {
  if (working) return;
  working = true;
  try {
    for (;;) {
      const next = closing ? undefined : [...listed.values()].find(isPending);
      if (next === undefined) break;
      await indexOne(next);
      await nextTurn();
    }
    for (const id of catchUps.splice(0)) post({ type: 'caught-up', id });
    dropUnlisted();
  } finally {
    working = false;
  }
}

function updateSources(sources: readonly IndexedSource[]): void {
  listed = new Map(sources.map((source) => [source.sourceId, source]));
  for (const sourceId of [...indexedKey.keys()]) {
    if (listed.has(sourceId)) continue;
    index.removeSource(sourceId);
    indexedKey.delete(sourceId);
  }
  index.setSourceOrder(sources.map((source) => source.sourceId));
  void work();
}

function search(message: Extract<ToSearchWorker, { type: 'search' }>): void {
  try {
    const options = message.hitRanges === null ? message.options : { ...message.options, filter: hitFilter(message.hitRanges) };
    const found = index.search(message.query, options);
    const pending = [...listed.values()].filter(isPending).map(({ sourceId, title }) => ({ sourceId, title }));
    const result: SearchResult = pending.length === 0 ? found : { ...found, pending };
    post({ type: 'result', id: message.id, result });
  } catch (error) {
    post({ type: 'failed', id: message.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

port?.on('message', (message: ToSearchWorker) => {
  switch (message.type) {
    case 'sources':
      updateSources(message.sources);
      return;
    case 'text':
    case 'text-failed': {
      const awaited = awaitedText;
      if (awaited === null || awaited.sourceId !== message.sourceId) return;
      awaitedText = null;
      awaited.resolve(message);
      return;
    }
    case 'search':
      search(message);
      return;
    case 'close':
      closing = true;
      void saving.then(() => post({ type: 'closed', id: message.id }));
      return;
    case 'catch-up':
      if (!working && ![...listed.values()].some(isPending)) post({ type: 'caught-up', id: message.id });
      else catchUps.push(message.id);
      return;
  }
});
