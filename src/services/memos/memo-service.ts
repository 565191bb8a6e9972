import { randomUUID } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { CitationStyle } from '../../core/export/citation-style';
import { draftMemoFromTags, draftTitle, type DraftSection } from '../../core/memo/draft-from-tags';
import { fileNameForTitle } from '../../core/memo/file-name';
import { checkMemoDoc, memoCitations } from '../../core/memo/memo-schema';
import { displayTitle } from '../../core/memo/memo-title';
import { memoDocumentPlan } from '../../core/memo/memo-document-plan';
import { memoToMarkdown } from '../../core/memo/memo-to-markdown';
import { memoToObsidian } from '../../core/memo/memo-to-obsidian';
import { memoId, type HighlightId, type MemoId, type TagId } from '../../core/model/ids';
import type { Memo, MemoDoc } from '../../core/model/memo';
import type { ExportFile, MemoSummary, ResolvedCitation, TagPassages } from '../../shared/api-contract';
import { InvalidInputError, NotFoundError } from '../service-errors';
import type { TagSet } from '../tags/tag-set';
import type { CitationResolver } from './citation-resolver';
import { memoCitationNotes } from './memo-citations';
import { memoDocx } from './memo-docx';
import type { MemoStore, StoredMemo } from './memo-store';

const WORD_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface MemoServiceParts {
  readonly memos: MemoStore;
  readonly citations: CitationResolver;
  readonly tagSet: TagSet;
  /** Every passage with a tag, grouped by source (highlights.byTag). */
  readonly passagesByTag: (tagId: TagId) => Promise<TagPassages>;
  readonly now: () => Date;
}

const EMPTY_DOC: MemoDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

const summary = (memo: Memo): MemoSummary => ({
  id: memo.id,
  title: memo.title,
  created: memo.created,
  modified: memo.modified,
  citationCount: memoCitations(memo.doc).length,
});

/** The date on the calendar of the machine Notebook runs on (the person's own), as YYYY-MM-DD. */
function localDate(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A memo body the editor can hold, or invalid-input naming every problem. */
function checkedDoc(method: string, doc: MemoDoc): MemoDoc {
  const problems = checkMemoDoc(doc);
  if (problems.length > 0) throw new InvalidInputError(`The memo body given to ${method} is not one Notebook can keep: ${problems.join('; ')}.`, problems);
  return doc;
}

/** memos.* and citations.resolve: memos kept one file each, written durably before each answer. */
export class MemoService {
  constructor(private readonly parts: MemoServiceParts) {}

  /** The memos not deleted, most recently changed first. */
  async list(): Promise<MemoSummary[]> {
    await this.parts.memos.load();
    return this.parts.memos
      .all()
      .filter((stored) => stored.deleted === null)
      .map((stored) => summary(stored.memo))
      .sort((a, b) => b.modified.localeCompare(a.modified) || b.created.localeCompare(a.created) || a.id.localeCompare(b.id));
  }

  async get(id: MemoId): Promise<Memo> {
    await this.parts.memos.load();
    return this.#live(id, this.parts.memos.find(id)).memo;
  }

  async create(input: { readonly title?: string | undefined; readonly doc?: MemoDoc | undefined; readonly citationStyle?: CitationStyle | undefined }): Promise<Memo> {
    const doc = input.doc === undefined ? EMPTY_DOC : checkedDoc('memos.create', input.doc);
    await this.parts.memos.load();
    const stamp = this.parts.now().toISOString();
    const style = input.citationStyle === undefined ? {} : { citationStyle: input.citationStyle };
    const memo: Memo = { id: memoId(randomUUID()), title: input.title ?? '', doc, ...style, created: stamp, modified: stamp };
    return (await this.parts.memos.write(memo.id, () => ({ memo, deleted: null }))).memo;
  }

  /** The whole title and body, replacing the last saved ones; the citation style too when given. */
  async save(input: { readonly memoId: MemoId; readonly title: string; readonly doc: MemoDoc; readonly citationStyle?: CitationStyle | undefined }): Promise<Memo> {
    const doc = checkedDoc('memos.save', input.doc);
    await this.parts.memos.load();
    // Checked before writing, so that an unknown id never gets a file.
    this.#live(input.memoId, this.parts.memos.find(input.memoId));
    const modified = this.parts.now().toISOString();
    const saved = await this.parts.memos.write(input.memoId, (current) => {
      // Checked again on the durable state: a delete queued before this save wins.
      const { memo } = this.#live(input.memoId, current);
      const style = input.citationStyle === undefined ? {} : { citationStyle: input.citationStyle };
      return { memo: { ...memo, title: input.title, doc, ...style, modified }, deleted: null };
    });
    return saved.memo;
  }

  /** Moves the memo to the trash; the summary says what was deleted, and memos.restore undoes it. */
  async delete(id: MemoId): Promise<MemoSummary> {
    await this.parts.memos.load();
    this.#live(id, this.parts.memos.find(id));
    const deleted = this.parts.now().toISOString();
    const stored = await this.parts.memos.write(id, (current) => ({ memo: this.#live(id, current).memo, deleted }));
    return summary(stored.memo);
  }

  /** Brings a deleted memo back to the list (a memo that was not deleted is simply returned). */
  async restore(id: MemoId): Promise<Memo> {
    await this.parts.memos.load();
    const current = this.#stored(id, this.parts.memos.find(id));
    if (current.deleted === null) return current.memo;
    const stored = await this.parts.memos.write(id, (current) => ({ memo: this.#stored(id, current).memo, deleted: null }));
    return stored.memo;
  }

  /** A new memo drafted from tags: a section per tag, its passages grouped by source, each a citation. */
  async draftFromTags(input: { readonly tagIds: readonly TagId[]; readonly title?: string | undefined }): Promise<Memo> {
    const { tagSet, passagesByTag } = this.parts;
    await tagSet.ready();
    const families = tagSet.familiesById();
    const sections: DraftSection[] = [];
    for (const tagId of new Set(input.tagIds)) {
      const { tag, sources } = await passagesByTag(tagId);
      sections.push({ tag, recommendation: families.get(tag.familyId)?.kind === 'recommendations', sources });
    }
    const title = input.title ?? draftTitle(sections.map((s) => s.tag));
    return this.create({ title, doc: draftMemoFromTags(sections) });
  }

  /** The memo as a Markdown file named after its title, citing in the memo's citation style. */
  async exportMarkdown(id: MemoId): Promise<ExportFile> {
    const memo = await this.get(id);
    const { passage, notes } = await memoCitationNotes(memo, this.parts.citations);
    const content = memoToMarkdown(memo, { passage, notes, date: localDate(memo.modified) });
    return { fileName: fileNameForTitle(memo.title), mediaType: 'text/markdown', content };
  }

  /** The memo as a Word document (.docx) with a real footnote per citation and a bibliography, in the memo's citation style. */
  async exportWord(id: MemoId): Promise<ExportFile> {
    const memo = await this.get(id);
    const { passage, notes } = await memoCitationNotes(memo, this.parts.citations);
    // Made whole in memory: a failure leaves no file behind, only its error.
    const bytes = await memoDocx(memoDocumentPlan(memo, { passage, notes }));
    return { fileName: fileNameForTitle(memo.title, '.docx'), mediaType: WORD_MEDIA_TYPE, content: bytes.toString('base64'), encoding: 'base64' };
  }

  /** The memo as a zipped folder for an Obsidian vault: the memo's note and a note per cited source. */
  async exportObsidian(id: MemoId): Promise<ExportFile> {
    const memo = await this.get(id);
    const citations = memoCitations(memo.doc);
    const [passage, sources] = await Promise.all([this.parts.citations.passages(citations), this.parts.citations.vaultSources(citations.map((c) => c.sourceId))]);
    const files = memoToObsidian(memo, { passage, sources });
    // The files' times are the memo's last change, so that exporting an unchanged memo twice gives the same bytes.
    const mtime = new Date(memo.modified);
    const zip = zipSync(Object.fromEntries(files.map((file) => [file.path, [strToU8(file.text), { mtime }]])), { level: 6 });
    return { fileName: fileNameForTitle(memo.title, '.zip'), mediaType: 'application/zip', content: Buffer.from(zip).toString('base64'), encoding: 'base64' };
  }

  resolveCitations(ids: readonly HighlightId[]): Promise<ResolvedCitation[]> {
    return this.parts.citations.resolve(ids);
  }

  #stored(id: MemoId, stored: StoredMemo | undefined): StoredMemo {
    if (stored === undefined) throw new NotFoundError(`There is no memo with id “${id}”. Reload the memo list and try again.`);
    return stored;
  }

  /** The memo if it exists and is not deleted. */
  #live(id: MemoId, stored: StoredMemo | undefined): StoredMemo {
    const found = this.#stored(id, stored);
    if (found.deleted !== null) throw new NotFoundError(`The memo “${displayTitle(found.memo.title)}” was deleted; restore it to open or change it.`);
    return found;
  }
}
