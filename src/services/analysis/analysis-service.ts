import { cooccurrenceCsv, evidenceMatrixCsv, linkEdgesCsv } from '../../core/analysis/analysis-csv';
import { cooccurrence, type CooccurrenceScope } from '../../core/analysis/cooccurrence';
import { evidenceMatrix, type EvidenceColumns } from '../../core/analysis/evidence-matrix';
import { linkChart } from '../../core/analysis/link-chart';
import { matrixMemo } from '../../core/analysis/matrix-memo';
import type { FamilyKind, Tag, TagFamily } from '../../core/model/highlight';
import type { FamilyId, HighlightId } from '../../core/model/ids';
import type { Memo } from '../../core/model/memo';
import type { ApiParsedInput, ApiResults, ExportFile, PassageDetail } from '../../shared/api-contract';
import { localDay } from '../export/export-service';
import type { MemoService } from '../memos/memo-service';
import { NotFoundError } from '../service-errors';
import type { TagSet } from '../tags/tag-set';
import { libraryPassages, type AnalysisPassageParts, type LibraryPassages } from './analysis-passages';
import type { RelationService } from './relation-service';

export interface AnalysisServiceParts extends AnalysisPassageParts {
  readonly tagSet: TagSet;
  readonly relations: RelationService;
  readonly memos: MemoService;
  readonly now: () => Date;
}

export type EvidenceMatrixOptions = Pick<ApiParsedInput<'analysis.evidenceMatrix'>, 'rowFamilyId' | 'columns'>;
export type CooccurrenceOptions = Pick<ApiParsedInput<'analysis.cooccurrence'>, 'familyId' | 'scope'>;

/** The details of the passages `ids` name, each once. */
function detailsOf(library: LibraryPassages, ids: Iterable<HighlightId>): Record<string, PassageDetail> {
  const found: Record<string, PassageDetail> = {};
  for (const id of ids) {
    const detail = library.details.get(id);
    if (detail !== undefined) found[id] = detail;
  }
  return found;
}

/**
 * analysis.*: the evidence matrix, tag co-occurrence and the link chart, computed afresh from the
 * highlights of the sources in the library at each call (nothing of them is stored but the
 * relations analysts draw), with their CSV exports and the matrix as a memo.
 */
export class AnalysisService {
  constructor(private readonly parts: AnalysisServiceParts) {}

  async evidenceMatrix(options: EvidenceMatrixOptions): Promise<ApiResults['analysis.evidenceMatrix']> {
    const { matrix, library } = await this.#evidence(options);
    return { ...matrix, passages: detailsOf(library, matrix.cells.flat().flatMap((c) => c.highlightIds)) };
  }

  async cooccurrence(options: CooccurrenceOptions): Promise<ApiResults['analysis.cooccurrence']> {
    const { matrix, library } = await this.#cooccurrence(options);
    return { ...matrix, passages: detailsOf(library, matrix.cells.flat().flatMap((c) => c.highlightIds)) };
  }

  async linkChart(): Promise<ApiResults['analysis.linkChart']> {
    const { chart, library, groups } = await this.#linkChart();
    // Every passage of a group, not only those behind edges: the view offers them to back a new relation.
    const groupIds = new Set(groups.map((g) => g.id));
    const ofGroups = library.passages.filter((p) => p.tags.some((t) => groupIds.has(t.tagId))).map((p) => p.highlightId);
    return { ...chart, passages: detailsOf(library, [...ofGroups, ...chart.edges.flatMap((e) => e.passages.map((p) => p.highlightId))]) };
  }

  async exportCsv(input: ApiParsedInput<'analysis.exportCsv'>): Promise<ExportFile> {
    const day = localDay(this.parts.now());
    const file = (name: string, content: string): ExportFile => ({ fileName: `notebook-${name}-${day}.csv`, mediaType: 'text/csv', content });
    switch (input.kind) {
      case 'evidence-matrix':
        return file('evidence-matrix', evidenceMatrixCsv((await this.#evidence(input)).matrix));
      case 'cooccurrence':
        return file(`cooccurrence-${input.scope}`, cooccurrenceCsv((await this.#cooccurrence(input)).matrix));
      case 'link-edges':
        return file('link-edges', linkEdgesCsv((await this.#linkChart()).chart));
    }
  }

  /** A new memo: a section per row of the matrix, its passages as live citations. */
  async matrixToMemo(input: ApiParsedInput<'analysis.matrixToMemo'>): Promise<Memo> {
    const { matrix, library, rows, rowFamily } = await this.#evidence(input);
    const columns = input.columns === 'sources' ? 'source' : this.#named(input.columns.familyId).name;
    const title = input.title ?? `Evidence matrix: ${rowFamily.name} by ${columns}`;
    return this.parts.memos.create({ title, doc: matrixMemo(matrix, rows, (id) => library.highlights.get(id)) });
  }

  async #evidence(options: EvidenceMatrixOptions) {
    await this.parts.tagSet.ready();
    const rowFamily = this.#family(options.rowFamilyId, 'recommendations');
    const rows = this.#tagsOf(rowFamily);
    const library = await libraryPassages(this.parts);
    const columns: EvidenceColumns =
      options.columns === 'sources'
        ? { kind: 'sources', sources: library.sources.map((s) => ({ id: s.id, title: s.title })) }
        : { kind: 'tags', tags: this.#tagsOf(this.#named(options.columns.familyId)) };
    return { matrix: evidenceMatrix(rows, columns, library.passages), library, rows, rowFamily };
  }

  async #cooccurrence(options: CooccurrenceOptions) {
    await this.parts.tagSet.ready();
    const tags = this.#tagsOf(this.#family(options.familyId, 'groups'));
    const library = await libraryPassages(this.parts);
    return { matrix: cooccurrence(tags, library.passages, options.scope satisfies CooccurrenceScope), library };
  }

  async #linkChart() {
    await this.parts.tagSet.ready();
    const groups = this.parts.tagSet.families.filter((f) => f.kind === 'groups').flatMap((f) => this.#tagsOf(f));
    const library = await libraryPassages(this.parts);
    return { chart: linkChart(groups, library.passages, this.parts.relations.list()), library, groups };
  }

  /** The family `id`, or when none is named the first family of kind `fallback`. */
  #family(id: FamilyId | undefined, fallback: FamilyKind): TagFamily {
    if (id !== undefined) return this.#named(id);
    const family = this.parts.tagSet.families.find((f) => f.kind === fallback);
    if (family === undefined) throw new NotFoundError(`The notebook has no ${fallback} family any more; choose a family for the analysis.`);
    return family;
  }

  #named(id: FamilyId): TagFamily {
    const family = this.parts.tagSet.familiesById().get(id);
    if (family === undefined) throw new NotFoundError(`There is no tag family with id “${id}”; it may have been deleted. Reload the tag list and choose another.`);
    return family;
  }

  #tagsOf(family: TagFamily): Tag[] {
    return this.parts.tagSet.tags.filter((t) => t.familyId === family.id);
  }
}
