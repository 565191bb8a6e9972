import { strToU8, zipSync } from 'fflate';
import { refiQdaCodebook, refiQdaProject, type ProjectSource } from '../../core/export/refi-qda/refi-qda-project';
import { sourceCslItems } from '../../core/export/source-csl';
import { fileNameForTitle } from '../../core/memo/file-name';
import { memoCitations } from '../../core/memo/memo-schema';
import { displayTitle } from '../../core/memo/memo-title';
import type { MemoId, SourceId } from '../../core/model/ids';
import type { AnchoredHighlight, ExportFile, LoadedSource, RefiQdaExport } from '../../shared/api-contract';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightStore } from '../highlights/highlight-store';
import type { MemoService } from '../memos/memo-service';
import { ConflictError, InvalidInputError } from '../service-errors';
import type { SourceLibrary } from '../sources/source-library';
import type { TagSet } from '../tags/tag-set';
import { bibliographyFile, type BibliographyFormat } from './bibliography';
import { localDay } from './export-service';
import { refiQdaGuid } from './refi-qda-guid';

export interface ExchangeExportParts {
  readonly library: SourceLibrary;
  readonly tagSet: TagSet;
  readonly store: HighlightStore;
  readonly anchored: AnchoredHighlights;
  readonly memos: MemoService;
  readonly now: () => Date;
}

/** Whose work a REFI-QDA project credits: the notebook, since Notebook has no accounts. */
const USER_NAME = 'Notebook';

/**
 * Exports for other programs: bibliographies of sources for reference managers (export.bibliography)
 * and REFI-QDA projects and codebooks for qualitative analysis programs (export.refiQdaProject,
 * export.refiQdaCodebook).
 */
export class ExchangeExports {
  constructor(private readonly parts: ExchangeExportParts) {}

  /** The library's sources, the ones named, or the ones a memo cites, as CSL-JSON, RIS or BibTeX. */
  async bibliography(input: { readonly format: BibliographyFormat; readonly sourceIds?: readonly SourceId[] | undefined; readonly memoId?: MemoId | undefined }): Promise<ExportFile> {
    const { library, memos, now } = this.parts;
    if (input.sourceIds !== undefined && input.memoId !== undefined) {
      const issue = 'sourceIds and memoId: give one of them, or neither for the whole library';
      throw new InvalidInputError(`The input of export.bibliography is not valid: ${issue}.`, [issue]);
    }
    const inLibrary = (await library.manifest()).map((m) => m.id);
    let chosen: readonly SourceId[] = inLibrary;
    let fileName = (extension: string): string => `notebook-bibliography-${localDay(now())}${extension}`;
    if (input.sourceIds !== undefined) chosen = [...new Set(input.sourceIds)];
    if (input.memoId !== undefined) {
      const memo = await memos.get(input.memoId);
      // Sources removed from the library since they were cited have no details left to cite.
      const present = new Set<string>(inLibrary);
      chosen = [...new Set(memoCitations(memo.doc).map((c) => c.sourceId))].filter((id) => present.has(id));
      fileName = (extension) => fileNameForTitle(`${displayTitle(memo.title)} sources`, extension);
    }
    const sources = await Promise.all(chosen.map((id) => library.get(id)));
    const items = sourceCslItems(sources.map(({ meta }) => ({ meta, importedFormat: meta.imported?.format })));
    return bibliographyFile(input.format, items, fileName);
  }

  /** The notebook as a REFI-QDA project: project.qde and each source's text in a .qdpx zip. */
  async refiQdaProject(): Promise<RefiQdaExport> {
    const { library, store, anchored, now } = this.parts;
    const { families, tags } = await this.#codes();
    await store.load();
    const sources: ProjectSource[] = [];
    for (const { id } of await library.manifest()) {
      const source = await library.get(id);
      sources.push(projectSource(source, anchored.inTextOrder(source, store.of(id))));
    }
    const memos = await this.#memos();
    const project = refiQdaProject({ families, tags, sources, memos, userName: USER_NAME, guid: refiQdaGuid });
    const files: Record<string, Uint8Array> = { 'project.qde': strToU8(project.xml) };
    for (const file of project.sourceFiles) files[`sources/${file.name}`] = strToU8(file.text);
    // A fixed time in the zip entries, so that two exports of the same notebook are the same bytes.
    const zip = zipSync(files, { mtime: new Date(2000, 0, 1), level: 6 });
    return {
      fileName: `notebook-${localDay(now())}.qdpx`,
      mediaType: 'application/zip',
      content: Buffer.from(zip).toString('base64'),
      encoding: 'base64',
      warnings: project.warnings,
    };
  }

  /** The tag families and tags as a REFI-QDA codebook (.qdc). */
  async refiQdaCodebook(): Promise<ExportFile> {
    const xml = refiQdaCodebook({ ...(await this.#codes()), guid: refiQdaGuid });
    if (xml === null) throw new ConflictError('The notebook has no tags to put in a codebook. Create a tag family and its tags, then export again.');
    return { fileName: `notebook-codebook-${localDay(this.parts.now())}.qdc`, mediaType: 'application/xml', content: xml };
  }

  async #codes() {
    const { tagSet } = this.parts;
    await tagSet.ready();
    return { families: tagSet.families, tags: tagSet.tags };
  }

  /** The memos, oldest first, so that notes keep their order from one export to the next. */
  async #memos() {
    const { memos } = this.parts;
    const all = await Promise.all((await memos.list()).map((m) => memos.get(m.id)));
    return all.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  }
}

/** A source with its highlights; one awaiting review has only a candidate place, so it is not placed. */
function projectSource(source: LoadedSource, highlights: readonly AnchoredHighlight[]): ProjectSource {
  return {
    meta: source.meta,
    text: source.text,
    addedAt: source.meta.imported?.addedAt ?? null,
    highlights: highlights.map(({ highlight, status, start, end }) => ({ highlight, start, end, confirmed: status === 'exact' || status === 'fuzzy' })),
  };
}
