import type { NotebookStatus, StoreNotice } from '../shared/api-contract';
import { createAnalysisHandlers, type AnalysisHandlerParts } from './analysis/analysis-handlers';
import { createAchHandlers } from './analysis/ach-handlers';
import type { AchService } from './analysis/ach-service';
import { createBackupHandlers, type BackupActions } from './backups/backup-handlers';
import type { NotebookEditor } from './changes/notebook-editor';
import type { ApiHandlers } from './dispatch';
import type { ExportService } from './export/export-service';
import type { HighlightService } from './highlights/highlight-service';
import type { ImportService } from './import/import-service';
import { reextractSource, type ReextractParts } from './import/reextract-source';
import { createMemoHandlers } from './memos/memo-handlers';
import type { ExchangeExports } from './export/exchange-exports';
import { createExchangeHandlers } from './export/exchange-handlers';
import type { MemoService } from './memos/memo-service';
import type { MentionService } from './mentions/mention-service';
import { NOTEBOOK_FILE_VERSION } from './notebook-file';
import type { ReadingPositions } from './reading-positions';
import { InvalidInputError } from './service-errors';
import { createSearchHandlers, type SearchHandlerParts } from './search/search-handlers';
import { replaceSource, type ReplaceSourceParts } from './sources/replace-source';
import type { SourceActions } from './sources/source-actions';
import type { SourceLibrary } from './sources/source-library';
import type { TagService } from './tags/tag-service';

export interface ApiHandlerParts {
  readonly dataDir: string;
  readonly library: SourceLibrary;
  readonly reading: ReadingPositions;
  readonly editor: NotebookEditor;
  readonly highlights: HighlightService;
  readonly tags: TagService;
  readonly mentions: MentionService;
  readonly exports: ExportService;
  /** Bibliographies of sources and REFI-QDA projects and codebooks, for other programs. */
  readonly exchange: ExchangeExports;
  readonly replacing: ReplaceSourceParts;
  /** Everything the person must be told about this run so far. */
  readonly notices: () => readonly StoreNotice[];
  readonly backups: BackupActions;
  /** Search across sources, shared text, related passages and the two-pane layout. */
  readonly search: SearchHandlerParts;
  readonly memos: MemoService;
  readonly imports: ImportService;
  readonly reextracting: ReextractParts;
  readonly sourceActions: SourceActions;
  /** Analysis of Competing Hypotheses boards. */
  readonly ach: AchService;
  /** The evidence matrix, co-occurrence, the link chart and its relations. */
  readonly analysis: AnalysisHandlerParts;
}

export function createApiHandlers(parts: ApiHandlerParts): ApiHandlers {
  const { dataDir, library, reading, editor, highlights, tags, mentions, exports, replacing, notices, backups, search, memos, imports, reextracting, sourceActions, ach, analysis } = parts;
  return {
    'sources.list': () => library.list(),
    'sources.import': (input) => imports.import(input),
    'imports.cancel': async ({ importId }) => imports.cancel(importId),
    'sources.updateDetails': ({ sourceId, details }) => sourceActions.updateDetails(sourceId, details),
    'sources.dependents': ({ sourceId }) => sourceActions.dependents(sourceId),
    'sources.remove': ({ sourceId }) => sourceActions.remove(sourceId),
    'sources.restore': ({ sourceId }) => sourceActions.restore(sourceId),
    'sources.removed': () => sourceActions.removed(),
    'sources.original': ({ sourceId }) => sourceActions.original(sourceId),
    'sources.reextract': ({ sourceId }) => reextractSource(reextracting, sourceId),
    'sources.get': ({ sourceId }) => library.get(sourceId),
    'reading.get': async ({ sourceId }) => {
      await library.meta(sourceId);
      return reading.get(sourceId);
    },
    'reading.set': async ({ sourceId, offset }) => {
      const { text } = await library.get(sourceId);
      if (offset > text.length) {
        const issue = `offset: must be at most ${text.length}, the length of the source`;
        throw new InvalidInputError(`The input of reading.set is not valid: ${issue}.`, [issue]);
      }
      return reading.set(sourceId, offset);
    },
    'notebook.status': async (): Promise<NotebookStatus> => ({ dataDir, schemaVersion: NOTEBOOK_FILE_VERSION, notices: [...notices()] }),

    'highlights.list': ({ sourceId }) => highlights.list(sourceId),
    'highlights.create': (input) => highlights.create(input),
    'highlights.update': (input) => highlights.update(input),
    'highlights.delete': ({ highlightId }) => highlights.delete(highlightId),
    'highlights.place': (input) => highlights.place(input),
    'highlights.byTag': ({ tagId }) => highlights.byTag(tagId),
    'highlights.problems': () => highlights.problems(),

    'tags.list': () => tags.list(),
    'tags.create': (input) => tags.create(input),
    'tags.update': (input) => tags.update(input),
    'tags.delete': (input) => tags.delete(input),
    'tags.merge': (input) => tags.merge(input),
    'families.create': (input) => tags.createFamily(input),
    'families.rename': (input) => tags.renameFamily(input),
    'families.delete': (input) => tags.deleteFamily(input),

    'history.undo': () => editor.undo(),
    'history.redo': () => editor.redo(),
    'history.state': async () => editor.state(),

    'mentions.list': ({ tagId }) => mentions.list(tagId),
    'mentions.dismiss': (input) => mentions.dismiss(input),
    'sources.replace': ({ sourceId, text }) => replaceSource(replacing, sourceId, text),
    'export.highlights': ({ format, sourceIds }) => exports.highlights(format, sourceIds),
    ...createExchangeHandlers(parts.exchange),
    ...createBackupHandlers(backups),
    ...createSearchHandlers(search),
    ...createMemoHandlers(memos),
    ...createAchHandlers(ach),
    ...createAnalysisHandlers(analysis),
  };
}
