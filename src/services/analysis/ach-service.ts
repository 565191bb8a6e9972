import { randomUUID } from 'node:crypto';
import { scoreBoard, type AchScores, type EvidenceGrades } from '../../core/analysis/ach';
import { addHypothesis, checkBoardContent, type AchContent } from '../../core/analysis/ach-board';
import { achCsv, achMemoDoc, achMemoTitle, type EvidencePassage } from '../../core/analysis/ach-export';
import { fileNameForTitle } from '../../core/memo/file-name';
import type { AchBoard } from '../../core/model/ach';
import type { Credibility } from '../../core/model/grades';
import { achBoardId, type AchBoardId, type HighlightId } from '../../core/model/ids';
import type { Memo } from '../../core/model/memo';
import type { AchBoardSummary, AchBoardView, AchEvidencePassage, ExportFile } from '../../shared/api-contract';
import type { HighlightStore } from '../highlights/highlight-store';
import type { CitationResolver } from '../memos/citation-resolver';
import type { MemoService } from '../memos/memo-service';
import { InvalidInputError, NotFoundError } from '../service-errors';
import type { SourceLibrary } from '../sources/source-library';
import type { AchStore, StoredBoard } from './ach-store';

export interface AchServiceParts {
  readonly boards: AchStore;
  readonly citations: CitationResolver;
  /** The highlights, for their credibility and to check that evidence names one. */
  readonly highlights: HighlightStore;
  /** Every source, removed ones too, for its reliability. */
  readonly library: SourceLibrary;
  readonly memos: MemoService;
  readonly now: () => Date;
}

const summary = (board: AchBoard): AchBoardSummary => ({
  id: board.id,
  question: board.question,
  hypotheses: board.hypotheses.length,
  evidence: board.evidence.length,
  created: board.created,
  modified: board.modified,
});

/** "“Who attacked?”" or "an untitled board", to name a board in a message. */
const named = (board: AchBoard): string => (board.question.trim() === '' ? 'an untitled board' : `“${board.question.trim().slice(0, 80)}”`);

/** ach.*: Analysis of Competing Hypotheses boards, one file each, written durably before each answer. */
export class AchService {
  constructor(private readonly parts: AchServiceParts) {}

  /** The boards not deleted, most recently changed first. */
  async list(): Promise<AchBoardSummary[]> {
    await this.parts.boards.load();
    return this.parts.boards
      .all()
      .filter((stored) => stored.deleted === null)
      .map((stored) => summary(stored.board))
      .sort((a, b) => b.modified.localeCompare(a.modified) || b.created.localeCompare(a.created) || a.id.localeCompare(b.id));
  }

  async get(id: AchBoardId): Promise<AchBoardView> {
    return this.#view(await this.#board(id));
  }

  async create(input: { readonly question?: string | undefined; readonly hypotheses?: readonly string[] | undefined }): Promise<AchBoardView> {
    await this.parts.boards.load();
    const stamp = this.parts.now().toISOString();
    let content: AchContent = { question: input.question ?? '', hypotheses: [], evidence: [], ratings: {} };
    for (const text of input.hypotheses ?? []) content = addHypothesis(content, text);
    const board: AchBoard = { id: achBoardId(randomUUID()), ...content, created: stamp, modified: stamp };
    const stored = await this.parts.boards.write(board.id, () => ({ board, deleted: null }));
    return this.#view(stored.board);
  }

  /**
   * The whole board, replacing the last saved one, once its parts fit together (core's
   * checkBoardContent) and every passage newly added as evidence is a highlight that exists.
   * Passages already on the board may have been deleted since; they stay, shown as deleted.
   */
  async save(input: AchContent & { readonly boardId: AchBoardId }): Promise<AchBoardView> {
    const { boardId, question, hypotheses, evidence, ratings } = input;
    const current = await this.#board(boardId);
    const problems = checkBoardContent({ question, hypotheses, evidence, ratings });
    const known = new Set(current.evidence.map((e) => e.highlightId));
    await this.parts.highlights.load();
    for (const row of evidence) {
      if (!known.has(row.highlightId) && this.parts.highlights.find(row.highlightId) === undefined) {
        problems.push(`evidence “${row.id}” names the highlight “${row.highlightId}”, which does not exist (it may have just been deleted)`);
      }
    }
    if (problems.length > 0) throw new InvalidInputError(`The board given to ach.save cannot be kept: ${problems.join('; ')}.`, problems);
    const modified = this.parts.now().toISOString();
    const saved = await this.parts.boards.write(boardId, (stored) => {
      // Checked again on the durable state: a delete queued before this save wins.
      const { board } = this.#live(boardId, stored);
      return { board: { ...board, question, hypotheses, evidence, ratings, modified }, deleted: null };
    });
    return this.#view(saved.board);
  }

  /** Moves the board to the trash; the summary says what was deleted, and ach.restore undoes it. */
  async delete(id: AchBoardId): Promise<AchBoardSummary> {
    await this.#board(id);
    const deleted = this.parts.now().toISOString();
    const stored = await this.parts.boards.write(id, (current) => ({ board: this.#live(id, current).board, deleted }));
    return summary(stored.board);
  }

  /** Brings a deleted board back to the list (one not deleted is simply returned). */
  async restore(id: AchBoardId): Promise<AchBoardView> {
    await this.parts.boards.load();
    const current = this.#stored(id, this.parts.boards.find(id));
    if (current.deleted === null) return this.#view(current.board);
    const stored = await this.parts.boards.write(id, (now) => ({ board: this.#stored(id, now).board, deleted: null }));
    return this.#view(stored.board);
  }

  async score(id: AchBoardId, maxCredibility: Credibility | undefined): Promise<AchScores> {
    const board = await this.#board(id);
    return scoreBoard(board, await this.#grades(board), maxCredibility === undefined ? {} : { maxCredibility });
  }

  /** The matrix as CSV, named after the question. */
  async exportCsv(id: AchBoardId): Promise<ExportFile> {
    const board = await this.#board(id);
    const { scores, passage } = await this.#exported(board);
    return { fileName: fileNameForTitle(achMemoTitle(board), '.csv'), mediaType: 'text/csv', content: achCsv(board, scores, passage) };
  }

  /** A new memo holding the board: question, ranked hypotheses, and each piece of evidence citing its passage. */
  async toMemo(id: AchBoardId): Promise<Memo> {
    const board = await this.#board(id);
    const { scores, passage } = await this.#exported(board);
    return this.parts.memos.create({ title: achMemoTitle(board), doc: achMemoDoc(board, scores, passage) });
  }

  async #exported(board: AchBoard): Promise<{ scores: AchScores; passage: (evidenceId: string) => EvidencePassage }> {
    const [view, grades] = await Promise.all([this.#view(board), this.#grades(board)]);
    const byRow = new Map(view.evidence.map((e) => [e.evidenceId, e]));
    const scores = scoreBoard(board, grades);
    const passage = (evidenceId: string): EvidencePassage => {
      const found = byRow.get(evidenceId);
      if (found === undefined) return { quote: null, sourceTitle: null, location: null, mark: null, citation: null };
      const { citation, quote } = found;
      const cited = citation.state !== 'deleted' && citation.sourceId !== null && quote !== null;
      return {
        quote,
        sourceTitle: citation.sourceTitle,
        location: citation.location,
        mark: citation.grade,
        citation: cited ? { highlightId: citation.highlightId, display: 'inline', quote, sourceId: citation.sourceId } : null,
      };
    };
    return { scores, passage };
  }

  /** The board with each row's passage resolved as memo citations are, and its grades. */
  async #view(board: AchBoard): Promise<AchBoardView> {
    const ids = board.evidence.map((e) => e.highlightId);
    const [resolved, grades] = await Promise.all([this.parts.citations.resolve(ids), this.#grades(board)]);
    // resolve() answers one citation per id, in the order given.
    const evidence = board.evidence.flatMap((row, i): AchEvidencePassage[] => {
      const citation = resolved[i];
      if (citation === undefined) return [];
      const { reliability, credibility } = grades.get(row.highlightId) ?? { reliability: null, credibility: null };
      const quote = citation.quote ?? this.parts.highlights.find(row.highlightId)?.target.quote.exact ?? null;
      return [{ evidenceId: row.id, citation, quote, reliability, credibility }];
    });
    return { board, evidence };
  }

  /** Each evidence passage's grades: its own credibility, its source's reliability (removed sources too). */
  async #grades(board: AchBoard): Promise<Map<HighlightId, EvidenceGrades>> {
    await this.parts.highlights.load();
    const sources = new Map((await this.parts.library.everySource()).map((meta) => [meta.id, meta]));
    const grades = new Map<HighlightId, EvidenceGrades>();
    for (const { highlightId } of board.evidence) {
      const highlight = this.parts.highlights.find(highlightId);
      if (highlight === undefined) continue;
      grades.set(highlightId, { reliability: sources.get(highlight.target.sourceId)?.reliability ?? null, credibility: highlight.credibility ?? null });
    }
    return grades;
  }

  /** The board if it exists and is not deleted. */
  async #board(id: AchBoardId): Promise<AchBoard> {
    await this.parts.boards.load();
    return this.#live(id, this.parts.boards.find(id)).board;
  }

  #stored(id: AchBoardId, stored: StoredBoard | undefined): StoredBoard {
    if (stored === undefined) throw new NotFoundError(`There is no competing-hypotheses board with id “${id}”. Reload the board list and try again.`);
    return stored;
  }

  #live(id: AchBoardId, stored: StoredBoard | undefined): StoredBoard {
    const found = this.#stored(id, stored);
    if (found.deleted !== null) throw new NotFoundError(`The board ${named(found.board)} was deleted; restore it to open or change it.`);
    return found;
  }
}
