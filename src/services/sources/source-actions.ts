import { memoCitations } from '../../core/memo/memo-schema';
import type { SourceId } from '../../core/model/ids';
import type { ExportFile, RemovedSource, SourceDependents, SourceSummary } from '../../shared/api-contract';
import type { HighlightStore } from '../highlights/highlight-store';
import type { MemoStore } from '../memos/memo-store';
import { InvalidInputError, NotFoundError } from '../service-errors';
import type { ImportedSources } from './imported-sources';
import type { SourceDetails } from './library-file';
import type { SourceLibrary } from './source-library';

export interface SourceActionsParts {
  readonly library: SourceLibrary;
  readonly imported: ImportedSources;
  readonly store: HighlightStore;
  readonly memos: MemoStore;
}

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  epub: 'application/epub+zip',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
};

/** Source details, removing and restoring a source, and its original file. */
export class SourceActions {
  constructor(private readonly parts: SourceActionsParts) {}

  async updateDetails(id: SourceId, details: SourceDetails): Promise<SourceSummary> {
    await this.parts.library.meta(id);
    if (details.isoDate !== undefined && details.isoDate !== null && !isCalendarDate(details.isoDate)) {
      const issue = `details.isoDate: ${details.isoDate} is not a date on the calendar`;
      throw new InvalidInputError(`The details of the source are not valid: ${issue}.`, [issue]);
    }
    await this.parts.imported.setDetails(id, details);
    return (await this.parts.library.get(id)).meta;
  }

  async dependents(id: SourceId): Promise<SourceDependents> {
    await this.parts.library.meta(id);
    return this.#count(id);
  }

  /** Takes the source out of the library; its highlights stay stored, so restoring brings them back. */
  async remove(id: SourceId): Promise<SourceDependents> {
    await this.parts.library.meta(id);
    const dependents = await this.#count(id);
    await this.parts.imported.remove(id);
    return dependents;
  }

  async restore(id: SourceId): Promise<SourceSummary> {
    const { imported, library } = this.parts;
    if (!imported.isRemoved(id)) {
      await library.meta(id);
      throw new InvalidInputError(`The source “${id}” is in the library; there is nothing to restore.`, ['sourceId: the source was not removed']);
    }
    await imported.restore(id);
    return (await library.get(id)).meta;
  }

  async removed(): Promise<RemovedSource[]> {
    const { imported, library } = this.parts;
    const removed = imported.data.removed;
    return (await library.everySource())
      .flatMap((source) => (Object.hasOwn(removed, source.id) ? [{ source, removedAt: removed[source.id]!.removedAt }] : []))
      .sort((a, b) => b.removedAt.localeCompare(a.removedAt));
  }

  async original(id: SourceId): Promise<ExportFile> {
    const meta = await this.parts.library.meta(id);
    const record = this.parts.imported.record(id);
    if (record === undefined) throw new NotFoundError(`“${meta.title}” is a bundled source: it was not imported from a file, so there is no original to open.`);
    const bytes = await this.parts.imported.readOriginal(record);
    return { fileName: record.fileName, mediaType: MEDIA_TYPES[record.format] ?? 'application/octet-stream', content: Buffer.from(bytes).toString('base64'), encoding: 'base64' };
  }

  async #count(id: SourceId): Promise<SourceDependents> {
    const { store, memos } = this.parts;
    await Promise.all([store.load(), memos.load()]);
    const highlightIds = new Set(store.of(id).map((h) => h.id));
    let citations = 0;
    let memoCount = 0;
    for (const { memo, deleted } of memos.all()) {
      if (deleted !== null) continue;
      const here = memoCitations(memo.doc).filter((c) => c.sourceId === id || highlightIds.has(c.highlightId)).length;
      citations += here;
      if (here > 0) memoCount++;
    }
    return { highlights: highlightIds.size, citations, memos: memoCount };
  }
}

function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number);
  if (month === undefined || month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year ?? 0, month, 0)).getUTCDate();
}
