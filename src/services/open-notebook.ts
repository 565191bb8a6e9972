import { join, resolve } from 'node:path';
import type { StoreNotice } from '../shared/api-contract';
import { fail, type ApiResult } from '../shared/api-result';
import { AchService } from './analysis/ach-service';
import { AchStore } from './analysis/ach-store';
import { AnalysisService } from './analysis/analysis-service';
import { RelationService } from './analysis/relation-service';
import { createApiHandlers } from './api-handlers';
import { NotebookEditor } from './changes/notebook-editor';
import { openBackedUpSession } from './backups/backed-up-session';
import { BackupOffers } from './backups/backup-offers';
import { Backups } from './backups/backups';
import { NotebookWrites } from './backups/notebook-writes';
import { acquireDataDirLock, type Shell } from './data-dir-lock';
import { createDispatch } from './dispatch';
import { ExportService } from './export/export-service';
import { ExchangeExports } from './export/exchange-exports';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../core/import/import-failure';
import { ExtractionWorkers } from './import/extraction-workers';
import { EXTRACTOR_VERSION, type ExtractorVersions } from './import/extractor-versions';
import { ImportService } from './import/import-service';
import { importWorkerScript, type ImportWorkerScript } from './import/import-worker-script';
import { SEARCH_INDEX_FOLDER, SearchIndexWorker } from './search/search-index-worker';
import { searchWorkerScript, type SearchWorkerScript } from './search/search-worker-script';
import { SharedTextIndexWorker } from './search/shared-text-index-worker';
import { sharedTextWorkerScript, type SharedTextWorkerScript } from './search/shared-text-worker-script';
import { AnchoredHighlights } from './highlights/anchored-highlights';
import { HighlightService } from './highlights/highlight-service';
import { PaneLayouts } from './layout/pane-layouts';
import { CitationResolver } from './memos/citation-resolver';
import { MemoService } from './memos/memo-service';
import { MemoStore } from './memos/memo-store';
import { MentionService } from './mentions/mention-service';
import { openNotebookStore } from './notebook-store';
import { ReadingPositions } from './reading-positions';
import { ImportedSources } from './sources/imported-sources';
import { SourceActions } from './sources/source-actions';
import { DERIVED_FOLDER, SourceCatalogue } from './sources/source-catalogue';
import { SourceLibrary } from './sources/source-library';
import { SourceVersions } from './sources/source-versions';
import { makeDurableDirectory } from './store/durable-directory';
import { describeFsError, StorageError } from './store/storage-error';
import { errorCode, nodeStoreFs, type StoreFs } from './store/store-fs';
import { seedTagSet } from './tags/seed-tag-set';
import { TagService } from './tags/tag-service';
import { TagSet } from './tags/tag-set';

export { DataDirLockedError } from './data-dir-lock';

/** The Node-side notebook: every API method, over one data directory held by one process. */
export interface Notebook {
  readonly dataDir: string;
  /** Validates `input` against the contract and runs the method; never throws. */
  dispatch(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Finishes pending writes and releases the data-directory lock. */
  close(): Promise<void>;
}

export interface OpenNotebookOptions {
  readonly dataDir: string;
  /** Folder holding manifest.json and sources/ (resources/ in the repo). */
  readonly resourcesDir: string;
  /** Which shell holds the data directory, written into the lock for the person's benefit. */
  readonly shell: Shell;
  /** The worker thread script that reads imported files (default: see import-worker-script.ts). */
  readonly importWorker?: ImportWorkerScript;
  /** The worker thread script that holds the search index (default: see search-worker-script.ts). */
  readonly searchWorker?: SearchWorkerScript;
  /** The worker thread script that holds the shared-text and related-passages indexes (default: see shared-text-worker-script.ts). */
  readonly sharedTextWorker?: SharedTextWorkerScript;
  /** Limits on imported files; tests lower them. */
  readonly importLimits?: ImportLimits;
  /** The converters' versions (tests raise one to see "Re-extract" offered). */
  readonly extractorVersions?: ExtractorVersions;
  /** How long one imported file may take to read (default two minutes). */
  readonly importTimeLimitMs?: number;
  /** The store's file system; tests pass one that fails on cue. */
  readonly fs?: StoreFs;
  readonly now?: () => Date;
}

/**
 * Takes the data directory's lock (throwing DataDirLockedError if another Notebook holds it), opens
 * its store and the bundled library, and wires the API methods to them.
 */
export async function openNotebook(options: OpenNotebookOptions): Promise<Notebook> {
  const dataDir = resolve(options.dataDir);
  const now = options.now ?? (() => new Date());
  // Every file of the notebook is written through `fs`, so the backup at start can tell whether one changed while it read them.
  const writes = new NotebookWrites(options.fs ?? nodeStoreFs, dataDir);
  const { fs } = writes;
  try {
    await makeDurableDirectory(fs, dataDir);
  } catch (error) {
    throw new StorageError(`Could not create the data folder ${dataDir}: ${describeFsError(error)}. Start with --data-dir to use another folder.`, dataDir, errorCode(error));
  }
  const lock = await acquireDataDirLock({ dataDir, shell: options.shell, now });
  const notices: StoreNotice[] = lock.notice === null ? [] : [lock.notice];
  // One worker for the run (a restored backup reopens the store, not the index): it is started
  // now when an index was saved at an earlier run, so that it is loaded before the first query.
  const indexDir = join(dataDir, DERIVED_FOLDER, SEARCH_INDEX_FOLDER);
  const searchIndex = new SearchIndexWorker({ ...(options.searchWorker ?? searchWorkerScript()), indexDir });
  const loadIndexAtStart = await fs.exists(indexDir).catch(() => false);
  // Started at the first twins or related-passages question, and kept for the run like the search worker.
  const sharedTextIndex = new SharedTextIndexWorker(options.sharedTextWorker ?? sharedTextWorkerScript());
  try {
    const backups = new Backups({ fs, dataDir, now });
    const finished = await backups.finishInterruptedRestore();
    if (finished !== null) notices.push(finished);
    const offers = new BackupOffers(backups, notices);
    const session = await openBackedUpSession({
      backups,
      writes,
      offers,
      notices,
      open: async (backupActions) => {
        const store = await openNotebookStore({ fs, dataDir, now, onNotice: offers.listener });
        const imported = await ImportedSources.open({ fs, dataDir, now, onNotice: offers.listener });
        const extractorVersions = options.extractorVersions ?? EXTRACTOR_VERSION;
        const catalogue = await SourceCatalogue.open(fs, dataDir);
        const library = new SourceLibrary(options.resourcesDir, new SourceVersions(fs, dataDir, store.notebook, now), imported, catalogue, extractorVersions);
        if (loadIndexAtStart) searchIndex.start(library);
        const importing = {
          library,
          imported,
          extractorVersions,
          limits: options.importLimits ?? DEFAULT_IMPORT_LIMITS,
          extraction: new ExtractionWorkers({ ...(options.importWorker ?? importWorkerScript()), timeLimitMs: options.importTimeLimitMs ?? 120_000, maxHeapMb: 3072 }),
        };
        const tagSet = new TagSet(store.tags, () => seedTagSet(library));
        const editor = new NotebookEditor(store.writer);
        const anchored = new AnchoredHighlights();
        const parts = { library, tagSet, store: store.highlights, editor, anchored, now };
        const highlights = new HighlightService(parts);
        const memoStore = new MemoStore({ fs, dataDir, now, onNotice: offers.listener });
        // Loaded now, so that a damaged memo file is reported at start like the other store files.
        await memoStore.load();
        const citations = new CitationResolver(parts);
        const memos = new MemoService({ memos: memoStore, citations, tagSet, passagesByTag: (tagId) => highlights.byTag(tagId), now });
        const achStore = new AchStore({ fs, dataDir, now, onNotice: offers.listener });
        // Loaded now, so that a damaged board file is reported at start like the other store files.
        await achStore.load();
        const relations = await RelationService.open({ fs, dataDir, now, onNotice: offers.listener, tagSet, store: store.highlights });
        const dispatch = createDispatch(
          createApiHandlers({
            dataDir,
            library,
            reading: new ReadingPositions(store.notebook, now),
            editor,
            highlights,
            tags: new TagService(parts),
            mentions: new MentionService({ ...parts, dismissals: store.dismissals }),
            exports: new ExportService(parts),
            exchange: new ExchangeExports({ ...parts, memos }),
            replacing: parts,
            notices: () => notices,
            backups: backupActions,
            search: { ...parts, highlights, layouts: new PaneLayouts(store.notebook), searchIndex, sharedTextIndex },
            memos,
            imports: new ImportService({ ...importing, project: { tags: new TagService(parts), highlights, memos } }),
            reextracting: { ...parts, ...importing },
            sourceActions: new SourceActions({ library, imported, store: store.highlights, memos: memoStore }),
            ach: new AchService({ boards: achStore, citations, highlights: store.highlights, library, memos, now }),
            analysis: { analysis: new AnalysisService({ ...parts, relations, memos }), relations },
          }),
        );
        return {
          dispatch,
          settled: async () => {
            await Promise.all([store.settled(), memoStore.settled(), achStore.settled(), relations.settled(), imported.settled(), catalogue.settled()]);
          },
        };
      },
    });
    let closing: Promise<void> | null = null;
    return {
      dataDir,
      dispatch: async (method, input) =>
        closing === null ? session.dispatch(method, input) : fail('internal', `The notebook on ${dataDir} has been closed; ${String(method)} came too late to run.`),
      close: () =>
        (closing ??= (async () => {
          await session.close();
          await searchIndex.close();
          await sharedTextIndex.close();
          await lock.release();
        })()),
    };
  } catch (error) {
    await searchIndex.close();
    await sharedTextIndex.close();
    await lock.release();
    throw error;
  }
}
