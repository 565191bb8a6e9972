import { z } from 'zod';
import type { HistoryState } from '../core/notebook/history';
import type { AnchorStatus, Highlight, Tag, TagFamily } from '../core/model/highlight';
import type { Credibility, Reliability } from '../core/model/grades';
import type { AchBoardId, BackupId, CharOffset, FamilyId, HighlightId, MemoId, RelationId, SourceId, TagId } from '../core/model/ids';
import type { AchBoard } from '../core/model/ach';
import type { AchScores } from '../core/analysis/ach';
import type { CooccurrenceMatrix } from '../core/analysis/cooccurrence';
import type { EvidenceMatrix } from '../core/analysis/evidence-matrix';
import type { LinkChart } from '../core/analysis/link-chart';
import type { Relation } from '../core/analysis/relation';
import type { Memo, MemoDoc } from '../core/model/memo';
import { CITATION_STYLES } from '../core/export/citation-style';
import type { ImportFormat } from '../core/import/extracted-source';
import type { Block, PageSpan, SourceMeta } from '../core/model/source';
import type { BlockRole } from '../core/document/block-role';
import type { RelatedPassage } from '../core/related/related-types';
import type { SearchResult } from '../core/search/search-types';
import type { SharedTextPair } from '../core/shared-text/shared-text-types';
import type { ApiResult } from './api-result';

/**
 * The one API contract. Every shell (Electron IPC, browser-mode HTTP) carries exactly these
 * methods; the receiving side validates each input against its schema before anything runs.
 * Documented for people in docs/api.md.
 */

const id = z.string().min(1).max(200);
const sourceIdSchema = id.transform((s) => s as SourceId);
const charOffsetSchema = z.number().int().min(0).max(2 ** 31).transform((n) => n as CharOffset);
/** The SHA-256 (hex) of the source text some offsets were measured on. */
const measuredOnSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected the 64 hex digits of a text hash');
const tagIdSchema = id.transform((s) => s as TagId);
const familyIdSchema = id.transform((s) => s as FamilyId);
const highlightIdSchema = id.transform((s) => s as HighlightId);
const nameSchema = z.string().trim().min(1, 'must not be empty').max(120);
const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f6feb');
const stanceSchema = z.enum(['supports', 'contradicts', 'context']);
const highlightTagsSchema = z.array(z.object({ tagId: tagIdSchema, stance: stanceSchema.optional() }).strict()).max(50);
const commentSchema = z.string().max(20_000);
const aliasesSchema = z.array(z.string().trim().min(1).max(120)).max(100);
const memoIdSchema = id.transform((s) => s as MemoId);
/** A TipTap JSON node, bounded in depth and size so hostile input cannot exhaust the services. */
const memoNodeSchema: z.ZodType<unknown> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1).max(64),
      attrs: z.record(z.string().max(64), z.unknown()).optional(),
      content: z.array(memoNodeSchema).max(100_000).optional(),
      marks: z.array(z.object({ type: z.string().min(1).max(64), attrs: z.record(z.string().max(64), z.unknown()).optional() }).strict()).max(20).optional(),
      text: z.string().max(1_000_000).optional(),
    })
    .strict(),
);
const memoDocSchema = z
  .object({ type: z.literal('doc'), content: z.array(memoNodeSchema).max(100_000).optional() })
  .strict()
  .transform((d) => d as MemoDoc);
const memoTitleSchema = z.string().trim().max(300);
const citationStyleSchema = z.enum(CITATION_STYLES);
/** Backup ids are folder names (the UTC time taken, then a counter if needed), so nothing else may pass. */
export const BACKUP_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z(?:-\d{1,6})?$/;
const backupIdSchema = z
  .string()
  .regex(BACKUP_ID_PATTERN, 'must be the id of a backup, as backups.list gives it')
  .transform((s) => s as BackupId);
/** Analysis of Competing Hypotheses boards: ids of rows and columns never hold ":", which joins them in a cell key. */
const achBoardIdSchema = id.transform((s) => s as AchBoardId);
const achPartIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, "_" or "-"');
const achTextSchema = z.string().max(2_000);
const achNoteSchema = z.string().max(5_000);
export const achBoardContentSchema = {
  question: achTextSchema,
  hypotheses: z.array(z.object({ id: achPartIdSchema, label: z.string().regex(/^H\d{1,6}$/, 'must be H and a number, like H3'), text: achTextSchema }).strict()).max(50),
  evidence: z.array(z.object({ id: achPartIdSchema, highlightId: highlightIdSchema, note: achNoteSchema.optional() }).strict()).max(2_000),
  ratings: z.record(
    z.string().regex(/^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}$/, 'must be "<evidence id>:<hypothesis id>"').transform((k) => k as `${string}:${string}`),
    z.object({ rating: z.enum(['CC', 'C', 'N', 'I', 'II']), note: achNoteSchema.optional() }).strict(),
  ),
};
/** What happens to the highlights carrying a tag (or family) being deleted: never decided silently. */
const taggedHighlightsSchema = z.enum(['untag', 'delete-highlights']);

/** Largest file "Add sources" takes, in bytes (checked again by the services before reading it). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const importIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be letters, digits, - or _');
const nullableDetail = z.string().trim().max(2_000).nullable();
/** What a person may change of a source's details in "Source details"; null clears a field. */
export const sourceDetailsSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(2_000).optional(),
    author: nullableDetail.optional(),
    publisher: nullableDetail.optional(),
    /** The date as the source gives it. */
    date: nullableDetail.optional(),
    isoDate: z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be a date as YYYY-MM or YYYY-MM-DD').nullable().optional(),
    link: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) address').max(4_000).nullable().optional(),
    /** Admiralty source reliability, A (completely reliable) … F (cannot be judged); null: not graded. */
    reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).nullable().optional(),
  })
  .strict();

/** What a pane shows: a source, the memos (one of them, or their list), or the passages of a tag. */
const paneViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('source'), sourceId: sourceIdSchema, offset: charOffsetSchema.nullable() }).strict(),
  z.object({ kind: z.literal('memo'), memoId: memoIdSchema.nullable() }).strict(),
  z.object({ kind: z.literal('tag'), tagId: tagIdSchema.nullable() }).strict(),
  z.object({ kind: z.literal('search'), query: z.string().max(10_000) }).strict(),
]);
/** A date bounding a search: a year, a month or a day. */
const searchDateSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD.');
/** The two reading panes: stored as the renderer sends it, and checked again when read back. */
export const paneLayoutSchema = z
  .object({
    first: paneViewSchema.nullable(),
    second: paneViewSchema.nullable(),
    split: z.number().min(0.2).max(0.8),
    focused: z.enum(['first', 'second']),
  })
  .strict();

/** Evidence matrix: rows are the tags of a family (recommendations when none is named), columns the sources or another family's tags. */
const evidenceMatrixOptions = {
  rowFamilyId: familyIdSchema.optional(),
  columns: z.union([z.literal('sources'), z.object({ familyId: familyIdSchema }).strict()]),
};
/** Co-occurrence among the tags of a family (groups when none is named), in the same highlight, overlapping highlights or paragraph. */
const cooccurrenceOptions = { familyId: familyIdSchema.optional(), scope: z.enum(['highlight', 'overlap', 'paragraph']) };
const relationIdSchema = id.transform((s) => s as RelationId);
const relationFields = {
  fromTagId: tagIdSchema,
  toTagId: tagIdSchema,
  /** "allied with", "hosts", "rival of", "split from", or the analyst's own words. */
  type: z.string().trim().min(1, 'must not be empty').max(120),
  highlightIds: z.array(highlightIdSchema).min(1, 'must name at least one passage backing the relation').max(1_000),
  note: z.string().trim().max(5_000),
};

export const apiInputs = {
  /** The sources of the library, in library order. */
  'sources.list': z.object({}).strict(),
  /**
   * Adds one file to the library (PDF, Word, EPUB, web page, Markdown, text): kept byte for byte,
   * its text extracted off the request thread; answers once the source is complete and durable.
   * `importId` names the run so that imports.cancel can stop it.
   */
  'sources.import': z
    .object({
      importId: importIdSchema,
      fileName: z.string().trim().min(1).max(1_000),
      bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be the file’s bytes').refine((b) => b.length <= MAX_IMPORT_BYTES, 'must be at most 200 MB'),
    })
    .strict(),
  /** Stops a running sources.import; nothing of it is kept. */
  'imports.cancel': z.object({ importId: importIdSchema }).strict(),
  /** Changes a source's details (title, author, publisher, date, link). */
  'sources.updateDetails': z.object({ sourceId: sourceIdSchema, details: sourceDetailsSchema }).strict(),
  /** How many highlights and memo citations depend on a source, before removing it. */
  'sources.dependents': z.object({ sourceId: sourceIdSchema }).strict(),
  /** Takes a source out of the library; its highlights are kept, so sources.restore brings it all back. */
  'sources.remove': z.object({ sourceId: sourceIdSchema }).strict(),
  'sources.restore': z.object({ sourceId: sourceIdSchema }).strict(),
  /** The sources removed from the library, newest removal first, to restore one. */
  'sources.removed': z.object({}).strict(),
  /** The file an imported source was made from, byte for byte. */
  'sources.original': z.object({ sourceId: sourceIdSchema }).strict(),
  /**
   * Reads an imported source's original file again with the current converter (offered when it is
   * newer than the one that made its text): the new text replaces the old, which is kept, and the
   * source's highlights are anchored in it, as sources.replace does.
   */
  'sources.reextract': z.object({ sourceId: sourceIdSchema }).strict(),
  /** One source's canonical text and blocks, for the reader. */
  'sources.get': z.object({ sourceId: sourceIdSchema }).strict(),
  /** Where the reader last was in a source (null: never opened). */
  'reading.get': z.object({ sourceId: sourceIdSchema }).strict(),
  /** Remember the reading position (the offset of the first visible character). */
  'reading.set': z.object({ sourceId: sourceIdSchema, offset: charOffsetSchema }).strict(),
  /** Things the person must be told on start, e.g. a store file moved aside because it was damaged. */
  'notebook.status': z.object({}).strict(),

  /** A source's highlights in text order, each anchored against the source's current text. */
  'highlights.list': z.object({ sourceId: sourceIdSchema }).strict(),
  /**
   * Highlight [start, end) of a source's canonical text; acknowledged once durable. `textHash` is
   * the hash of the text the offsets were measured on (LoadedSource.textHash): when the text has
   * changed since, the call is a conflict rather than a highlight on other words.
   */
  'highlights.create': z
    .object({
      sourceId: sourceIdSchema,
      start: charOffsetSchema,
      end: charOffsetSchema,
      textHash: measuredOnSchema.optional(),
      color: colorSchema.nullable().optional(),
      tags: highlightTagsSchema.optional(),
      comment: commentSchema.optional(),
    })
    .strict(),
  /**
   * Change a highlight's colour (null: follow the first tag), tags (with stances) or comment, or
   * grade it: credibility 1–6 (null: not graded) and the highlights corroborating it.
   */
  'highlights.update': z
    .object({
      highlightId: highlightIdSchema,
      color: colorSchema.nullable().optional(),
      tags: highlightTagsSchema.optional(),
      comment: commentSchema.optional(),
      credibility: z.number().int().min(1).max(6).nullable().optional().transform((n) => n as Credibility | null | undefined),
      corroboratedBy: z.array(highlightIdSchema).max(200).optional(),
    })
    .strict(),
  'highlights.delete': z.object({ highlightId: highlightIdSchema }).strict(),
  /** Re-place a highlight (e.g. one needing review or orphaned) on [start, end) of the current text. */
  'highlights.place': z.object({ highlightId: highlightIdSchema, start: charOffsetSchema, end: charOffsetSchema, textHash: measuredOnSchema.optional() }).strict(),
  /** Every passage with a tag, across sources, grouped by source. */
  'highlights.byTag': z.object({ tagId: tagIdSchema }).strict(),
  /** Highlights that need review or are orphaned, across sources, with their quotes. */
  'highlights.problems': z.object({}).strict(),

  /** Tag families, tags, and how many highlights carry each tag. */
  'tags.list': z.object({}).strict(),
  'tags.create': z
    .object({ familyId: familyIdSchema, name: nameSchema, color: colorSchema.optional(), aliases: aliasesSchema.optional(), description: z.string().max(5_000).optional() })
    .strict(),
  /** Rename, recolour, or edit aliases / description. */
  'tags.update': z
    .object({ tagId: tagIdSchema, name: nameSchema.optional(), color: colorSchema.optional(), aliases: aliasesSchema.optional(), description: z.string().max(5_000).optional() })
    .strict(),
  'tags.delete': z.object({ tagId: tagIdSchema, highlights: taggedHighlightsSchema }).strict(),
  /** Every highlight tagged `fromTagId` is tagged `intoTagId` instead; `fromTagId` is deleted. */
  'tags.merge': z.object({ fromTagId: tagIdSchema, intoTagId: tagIdSchema }).strict(),
  'families.create': z.object({ name: nameSchema }).strict(),
  'families.rename': z.object({ familyId: familyIdSchema, name: nameSchema }).strict(),
  'families.delete': z.object({ familyId: familyIdSchema, highlights: taggedHighlightsSchema }).strict(),

  /** Undo / redo the last highlight or tag operation. */
  'history.undo': z.object({}).strict(),
  'history.redo': z.object({}).strict(),
  'history.state': z.object({}).strict(),

  /** Passages that mention a group (by any alias) but carry no highlight with its tag. */
  'mentions.list': z.object({ tagId: tagIdSchema.optional() }).strict(),
  /** Set a mention aside so the Mentions view stops offering it; undoable. */
  'mentions.dismiss': z.object({ tagId: tagIdSchema, sourceId: sourceIdSchema, start: charOffsetSchema, end: charOffsetSchema }).strict(),

  /** Replace a source's text with a new version: keeps the old text, re-anchors its highlights. */
  'sources.replace': z.object({ sourceId: sourceIdSchema, text: z.string().min(1).max(50_000_000) }).strict(),

  /** Memos, newest first. */
  'memos.list': z.object({}).strict(),
  'memos.get': z.object({ memoId: memoIdSchema }).strict(),
  'memos.create': z.object({ title: memoTitleSchema.optional(), doc: memoDocSchema.optional(), citationStyle: citationStyleSchema.optional() }).strict(),
  /** Autosave: the whole title and body (and the citation style, kept when absent); acknowledged once durable. */
  'memos.save': z.object({ memoId: memoIdSchema, title: memoTitleSchema, doc: memoDocSchema, citationStyle: citationStyleSchema.optional() }).strict(),
  /** Deletes a memo; the result carries it whole so the person can undo with memos.restore. */
  'memos.delete': z.object({ memoId: memoIdSchema }).strict(),
  'memos.restore': z.object({ memoId: memoIdSchema }).strict(),
  /** Drafts a new memo from tags: a section per tag, its passages grouped by source, each a citation. */
  'memos.draftFromTags': z.object({ tagIds: z.array(tagIdSchema).min(1).max(200), title: memoTitleSchema.optional() }).strict(),
  /** The memo as Markdown: YAML front matter, CommonMark body, a footnote per cited passage. */
  'memos.exportMarkdown': z.object({ memoId: memoIdSchema }).strict(),
  /** The memo as a Word document (.docx, base64): real footnotes per citation, a bibliography. */
  'memos.exportWord': z.object({ memoId: memoIdSchema }).strict(),
  /** The memo as a zipped folder (base64) for an Obsidian vault: the memo's note and a note per cited source. */
  'memos.exportObsidian': z.object({ memoId: memoIdSchema }).strict(),
  /** The current state of cited highlights (live, re-anchored, orphaned, or no longer highlighted). */
  'citations.resolve': z.object({ highlightIds: z.array(highlightIdSchema).max(10_000) }).strict(),

  /** Highlights as W3C Web Annotation JSON-LD or CSV (all sources, or the ones named). */
  'export.highlights': z.object({ format: z.enum(['w3c', 'csv']), sourceIds: z.array(sourceIdSchema).max(10_000).optional() }).strict(),
  /** A bibliography for reference managers (CSL-JSON, RIS, BibTeX) of the library, the sources named, or the sources a memo cites. */
  'export.bibliography': z
    .object({ format: z.enum(['csl-json', 'ris', 'bibtex']), sourceIds: z.array(sourceIdSchema).max(10_000).optional(), memoId: memoIdSchema.optional() })
    .strict(),
  /** The notebook as a REFI-QDA project (.qdpx): codes, sources, coded selections and memos as notes; and what it cannot carry. */
  'export.refiQdaProject': z.object({}).strict(),
  /** The tag families and tags as a REFI-QDA codebook (.qdc). */
  'export.refiQdaCodebook': z.object({}).strict(),

  /** The notebook's rolling backups (taken at start and at most hourly), newest first. */
  'backups.list': z.object({}).strict(),
  /** Replaces the whole notebook with a backup; the notebook as it was is backed up first. */
  'backups.restore': z.object({ backupId: backupIdSchema }).strict(),
  /**
   * Search across sources: passages ranked (BM25) with snippets, grouped by source. A group tag's
   * name or alias in the query also finds its other names, unless switched off.
   */
  'search.query': z
    .object({
      query: z.string().max(10_000),
      /** False: search only what was typed (default true). */
      expandAliases: z.boolean().optional(),
      /** Group tags whose aliases are not to be expanded. */
      disabledGroups: z.array(tagIdSchema).max(1_000).optional(),
      /** Count only hits inside highlighted passages, or inside passages highlighted with a tag. */
      filter: z
        .object({
          highlighted: z.boolean().optional(),
          tagId: tagIdSchema.optional(),
          /** Only hits on highlights graded this credible or more (1 best: 3 admits 1, 2 and 3). */
          maxCredibility: z.number().int().min(1).max(6).optional().transform((n) => n as Credibility | undefined),
          /** Only hits in sources graded this reliable or more (A best: "C" admits A, B and C). */
          minReliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).optional(),
          /** Only hits in these sources. */
          sourceIds: z.array(sourceIdSchema).max(10_000).optional(),
          /** Only hits in sources of these kinds (as the library shows a bundled source). */
          kinds: z.array(z.enum(['news article', 'report', 'analysis', 'document'])).max(10).optional(),
          /** Only hits in sources imported from these file formats. */
          formats: z.array(z.enum(['pdf', 'docx', 'epub', 'html', 'markdown', 'text'])).max(10).optional(),
          /** Only hits in sources dated in this range (YYYY, YYYY-MM or YYYY-MM-DD, inclusive). */
          from: searchDateSchema.optional(),
          to: searchDateSchema.optional(),
        })
        .strict()
        .optional(),
      /** Most passages returned with snippets (default 50); counts cover every hit. */
      limit: z.number().int().min(0).max(500).optional(),
      /** Page through every passage source by source, skipping this many (absent: the best `limit` overall). */
      offset: z.number().int().min(0).max(1_000_000).optional(),
    })
    .strict(),
  /**
   * Sources that share text: with no sourceId, the pairs of twins (most of one is in the other);
   * with one, its pairs with the sources sharing a passage with it. How much of each, and where
   * each shared passage is in both.
   */
  'sources.twins': z.object({ sourceId: sourceIdSchema.optional() }).strict(),
  /** The passages of other sources most like [start, end) of a source, with a similarity from 0 to 1. */
  'passages.related': z.object({ sourceId: sourceIdSchema, start: charOffsetSchema, end: charOffsetSchema, limit: z.number().int().min(1).max(50).optional() }).strict(),
  /** Highlights the same passage in a source that shares its text: a new highlight, undone like any other. */
  'highlights.copyToTwin': z.object({ highlightId: highlightIdSchema, targetSourceId: sourceIdSchema }).strict(),
  /** The two reading panes as last left (null: never set). */
  'layout.get': z.object({}).strict(),
  /** Remember the two reading panes: what each shows and where, and the divider; answers once durable. */
  'layout.set': z.object({ layout: paneLayoutSchema }).strict(),

  /** Analysis of Competing Hypotheses boards, most recently changed first. */
  'ach.list': z.object({}).strict(),
  /** A board, with each evidence row's passage as it stands now (quote, source, location, grades). */
  'ach.get': z.object({ boardId: achBoardIdSchema }).strict(),
  /** A new board: its question and the texts of its first hypotheses (labelled H1, H2…). */
  'ach.create': z.object({ question: achTextSchema.optional(), hypotheses: z.array(achTextSchema).max(50).optional() }).strict(),
  /** Autosave: the whole board (question, hypotheses, evidence, ratings); acknowledged once durable. */
  'ach.save': z.object({ boardId: achBoardIdSchema, ...achBoardContentSchema }).strict(),
  /** Deletes a board; ach.restore undoes it. */
  'ach.delete': z.object({ boardId: achBoardIdSchema }).strict(),
  'ach.restore': z.object({ boardId: achBoardIdSchema }).strict(),
  /** Diagnosticity per row and the ranking of the hypotheses; with maxCredibility, also the ranking on the rows that credible or better. */
  'ach.score': z
    .object({ boardId: achBoardIdSchema, maxCredibility: z.number().int().min(1).max(6).optional().transform((n) => n as Credibility | undefined) })
    .strict(),
  /** The matrix as CSV: passages, grades, ratings, diagnosticity and scores. */
  'ach.exportCsv': z.object({ boardId: achBoardIdSchema }).strict(),
  /** A new memo from the board: the question, the ranked hypotheses, each piece of evidence citing its passage. */
  'ach.toMemo': z.object({ boardId: achBoardIdSchema }).strict(),

  /** Tags of a family × sources (or another family's tags): passages per cell by stance, grade-weighted and shaded. */
  'analysis.evidenceMatrix': z.object(evidenceMatrixOptions).strict(),
  /** How often tags meet in one highlight, overlapping highlights or one paragraph, with the c-coefficient. */
  'analysis.cooccurrence': z.object(cooccurrenceOptions).strict(),
  /** The groups as a network: co-occurrence in paragraphs and the relations analysts drew. */
  'analysis.linkChart': z.object({}).strict(),
  /** An analysis as CSV, one record per cell, pair or edge. */
  'analysis.exportCsv': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('evidence-matrix'), ...evidenceMatrixOptions }).strict(),
    z.object({ kind: z.literal('cooccurrence'), ...cooccurrenceOptions }).strict(),
    z.object({ kind: z.literal('link-edges') }).strict(),
  ]),
  /** A new memo from the evidence matrix: a section per row, its passages as live citations. */
  'analysis.matrixToMemo': z.object({ ...evidenceMatrixOptions, title: memoTitleSchema.optional() }).strict(),
  /** The relations drawn between groups on the link chart, oldest first. */
  'relations.list': z.object({}).strict(),
  /** Draws a typed relation between two groups, backed by passages; acknowledged once durable. */
  'relations.create': z.object({ ...relationFields, note: relationFields.note.optional() }).strict(),
  /** Changes the fields given of a relation. */
  'relations.update': z
    .object({
      relationId: relationIdSchema,
      fromTagId: relationFields.fromTagId.optional(),
      toTagId: relationFields.toTagId.optional(),
      type: relationFields.type.optional(),
      highlightIds: relationFields.highlightIds.optional(),
      note: relationFields.note.optional(),
    })
    .strict(),
  /** Removes a relation; the answer carries it whole, to draw it again. */
  'relations.delete': z.object({ relationId: relationIdSchema }).strict(),
} as const;

export type ApiMethod = keyof typeof apiInputs;
export const apiMethods = Object.keys(apiInputs) as ApiMethod[];

/** What the caller sends (before validation). */
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;
/** What the handler receives (after validation and branding). */
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiInputs)[M]>;

export interface SourceSummary extends SourceMeta {
  /** Number of characters of canonical text. */
  readonly length: number;
  /** Present once the source's text was replaced (sources.replace); `sha256` stays the bundled file's. */
  readonly replaced?: SourceReplacement;
  /** Present for a source added with sources.import; `sha256` is then the original file's. */
  readonly imported?: ImportedFile;
  /** Number of pages, for a paginated source (PDF). */
  readonly pageCount?: number;
}

export interface ImportedFile {
  readonly format: ImportFormat;
  /** The file's name as it was added. */
  readonly fileName: string;
  /** ISO 8601. */
  readonly addedAt: string;
  /** Size of the original file in bytes. */
  readonly bytes: number;
  /** The converter version that made its text, and the one Notebook has now: lower offers "Re-extract". */
  readonly extractorVersion: number;
  readonly currentExtractorVersion: number;
}

/** What became of one file given to sources.import. */
export type ImportOutcome =
  | { readonly status: 'imported'; readonly source: SourceSummary; readonly warnings: readonly string[] }
  /** The same bytes are in the library already: nothing was added. */
  | { readonly status: 'duplicate'; readonly existing: SourceSummary }
  /** The same bytes were removed from the library earlier: the source came back with its highlights. */
  | { readonly status: 'restored'; readonly source: SourceSummary }
  /**
   * A REFI-QDA project (.qdpx) or codebook (.qdc, no sources): its text sources (new or already in
   * the library), the tags made of its codes, its codings as highlights, its notes as memos, and
   * everything that could not be carried over (a coding that could not be placed, a picture source).
   */
  | {
      readonly status: 'project';
      readonly sources: readonly SourceSummary[];
      readonly tags: number;
      readonly highlights: number;
      readonly memos: number;
      readonly problems: readonly string[];
    };

export interface SourceDependents {
  readonly highlights: number;
  /** Citations in memos of the source's passages, and how many memos hold them. */
  readonly citations: number;
  readonly memos: number;
}

export interface RemovedSource {
  readonly source: SourceMeta;
  /** ISO 8601. */
  readonly removedAt: string;
}

export interface SourceReplacement {
  /** SHA-256 of the replacing text's bytes. */
  readonly versionHash: string;
  /** ISO 8601. */
  readonly replacedAt: string;
}

export interface LoadedSource {
  readonly meta: SourceSummary;
  readonly text: string;
  readonly textHash: string;
  readonly blocks: readonly Block[];
  /** For a paginated source: its pages, tiling the text in order. */
  readonly pages?: readonly PageSpan[];
}

export interface ReadingPosition {
  readonly sourceId: SourceId;
  readonly offset: CharOffset;
  readonly updated: string;
}

export interface StoreNotice {
  readonly kind: 'quarantined' | 'recovered' | 'backup-failed';
  /** A sentence for the person: what happened and where the kept bytes are. */
  readonly message: string;
  /** Absolute path of what the notice is about: the file moved aside, the lock, the backups folder. */
  readonly path: string;
  /** For a quarantined file: the newest backup holding a readable copy of it, to offer restoring. */
  readonly backup?: { readonly id: BackupId; readonly takenAt: string };
}

export interface BackupSummary {
  readonly id: BackupId;
  /** ISO 8601. */
  readonly takenAt: string;
  /** At start, hourly while in use, or of the notebook as it was just before a restore. */
  readonly reason: 'open' | 'hourly' | 'before-restore';
  readonly files: number;
  readonly bytes: number;
}

export interface BackupList {
  /** Absolute path of the folder holding the backups. */
  readonly folder: string;
  readonly backups: readonly BackupSummary[];
}

export interface RestoreReport {
  readonly restored: BackupSummary;
  /** The backup of the notebook as it was just before the restore: restoring it undoes this one. */
  readonly before: BackupSummary;
}

export interface NotebookStatus {
  readonly dataDir: string;
  readonly schemaVersion: number;
  readonly notices: readonly StoreNotice[];
}

/** A highlight and where it stands against its source's current text. */
export interface AnchoredHighlight {
  readonly highlight: Highlight;
  readonly status: AnchorStatus;
  /** The range in the current text (for 'review': the best candidate; null when orphaned). */
  readonly start: CharOffset | null;
  readonly end: CharOffset | null;
}

export interface TagPassages {
  readonly tag: Tag;
  readonly total: number;
  readonly sources: readonly {
    readonly sourceId: SourceId;
    readonly title: string;
    /** The source's Admiralty reliability grade; null: not graded. */
    readonly reliability: Reliability | null;
    readonly highlights: readonly AnchoredHighlight[];
  }[];
}

export interface TagSet {
  readonly families: readonly TagFamily[];
  readonly tags: readonly Tag[];
  /** Number of highlights carrying each tag, by tag id. */
  readonly usage: Readonly<Record<string, number>>;
}

/** What an operation changed, and the undo/redo state after it. */
export interface ChangeSummary {
  readonly label: string;
  readonly highlightsChanged: number;
  readonly highlightsDeleted: number;
  readonly history: HistoryState;
}

export interface UndoRedoResult {
  /** Label of the operation undone/redone; null when there was nothing to undo/redo. */
  readonly applied: string | null;
  readonly history: HistoryState;
}

export interface Mention {
  readonly tagId: TagId;
  readonly sourceId: SourceId;
  readonly start: CharOffset;
  readonly end: CharOffset;
  readonly alias: string;
  /** What the block holding it is: the source's prose (`body`), or a heading, contents line, reference or trailing link. */
  readonly role: BlockRole;
}

export interface ReplaceReport {
  readonly sourceId: SourceId;
  readonly total: number;
  readonly exact: number;
  readonly fuzzy: number;
  readonly review: number;
  readonly orphan: number;
  /** The highlights that need the person's decision (review and orphan), with their quotes. */
  readonly problems: readonly AnchoredHighlight[];
}

export interface ExportFile {
  readonly fileName: string;
  readonly mediaType: string;
  /** The file's text, or its bytes in base64 when `encoding` says so. */
  readonly content: string;
  readonly encoding?: 'base64';
}

/** A REFI-QDA project file, with what REFI-QDA could not carry of the notebook (also in the project's Description). */
export interface RefiQdaExport extends ExportFile {
  readonly warnings: readonly string[];
}

export interface MemoSummary {
  readonly id: MemoId;
  readonly title: string;
  readonly created: string;
  readonly modified: string;
  readonly citationCount: number;
}

/** Where a cited passage stands now. */
export type CitationState =
  /** The highlight exists and anchors (exactly or after re-anchoring). */
  | 'live'
  /** The highlight exists but its passage needs review or is orphaned. */
  | 'review'
  | 'orphan'
  /** The highlight was deleted: the citation keeps the quote it last had. */
  | 'deleted'
  /** The highlight's source was removed from the library: the citation keeps the quote it last had. */
  | 'source-removed';

export interface ResolvedCitation {
  readonly highlightId: HighlightId;
  readonly state: CitationState;
  /** The passage's current text (null when deleted or orphaned). */
  readonly quote: string | null;
  readonly sourceId: SourceId | null;
  readonly sourceTitle: string | null;
  readonly start: CharOffset | null;
  readonly end: CharOffset | null;
  /** e.g. "Recommendations, ¶ 2". */
  readonly location: string | null;
  /** The Admiralty mark of the passage, e.g. "B2" (see gradeMark); null when neither half is graded or the highlight was deleted. */
  readonly grade: string | null;
}

/** An Analysis of Competing Hypotheses board as the board list shows it. */
export interface AchBoardSummary {
  readonly id: AchBoardId;
  readonly question: string;
  readonly hypotheses: number;
  readonly evidence: number;
  readonly created: string;
  readonly modified: string;
}

/** An evidence row's passage as it stands now, with its grades. */
export interface AchEvidencePassage {
  readonly evidenceId: string;
  /** Where the passage stands, as a memo citation of it would show it, with its grade mark ("B2"). */
  readonly citation: ResolvedCitation;
  /** The passage's words: the current ones, or the last known for one with no place in the text; null once its highlight is deleted. */
  readonly quote: string | null;
  readonly reliability: Reliability | null;
  readonly credibility: Credibility | null;
}

export interface AchBoardView {
  readonly board: AchBoard;
  /** One per evidence row, in board order. */
  readonly evidence: readonly AchEvidencePassage[];
}

/** What a reading pane shows, and where. */
export interface SourcePaneView {
  readonly kind: 'source';
  readonly sourceId: SourceId;
  /** The first character in view (null: the top). */
  readonly offset: CharOffset | null;
}

/** A memo in a pane; null: the list of memos, to open one from. */
export interface MemoPaneView {
  readonly kind: 'memo';
  readonly memoId: MemoId | null;
}

/** Every passage with a tag, across sources; null: no tag chosen yet. */
export interface TagPaneView {
  readonly kind: 'tag';
  readonly tagId: TagId | null;
}

/** Every result of a search across sources. */
export interface SearchPaneView {
  readonly kind: 'search';
  readonly query: string;
}

export type PaneView = SourcePaneView | MemoPaneView | TagPaneView | SearchPaneView;

export interface PaneLayout {
  /** The left pane; null when it is closed. */
  readonly first: PaneView | null;
  /** The right pane; null when it is closed. */
  readonly second: PaneView | null;
  /** Share of the reading area's width the left pane takes when both are open, 0.2 to 0.8. */
  readonly split: number;
  /** The pane the library, search results and keyboard commands act on. */
  readonly focused: 'first' | 'second';
}

/** A passage an analysis names, with what a view needs to list it and open it in the reader. */
export interface PassageDetail {
  readonly highlightId: HighlightId;
  readonly sourceId: SourceId;
  readonly sourceTitle: string;
  /** The quote the highlight was made on. */
  readonly quote: string;
  /** Where it now is in the source's text; null when orphaned. */
  readonly start: CharOffset | null;
  readonly end: CharOffset | null;
  readonly tagIds: readonly TagId[];
  /** Its grade mark, "B2" (source reliability, passage credibility); null when neither is graded. */
  readonly mark: string | null;
}

/** An analysis's passages by highlight id: every passage its cells or edges name. */
export interface WithPassages {
  readonly passages: Readonly<Record<string, PassageDetail>>;
}

export interface ApiResults {
  'sources.list': readonly SourceSummary[];
  'sources.import': ImportOutcome;
  'imports.cancel': { readonly cancelled: boolean };
  'sources.updateDetails': SourceSummary;
  'sources.dependents': SourceDependents;
  'sources.remove': SourceDependents;
  'sources.restore': SourceSummary;
  'sources.removed': readonly RemovedSource[];
  'sources.original': ExportFile;
  'sources.reextract': ReplaceReport;
  'sources.get': LoadedSource;
  'reading.get': ReadingPosition | null;
  'reading.set': ReadingPosition;
  'notebook.status': NotebookStatus;
  'highlights.list': readonly AnchoredHighlight[];
  'highlights.create': AnchoredHighlight;
  'highlights.update': AnchoredHighlight;
  'highlights.delete': ChangeSummary;
  'highlights.place': AnchoredHighlight;
  'highlights.byTag': TagPassages;
  'highlights.problems': readonly AnchoredHighlight[];
  'tags.list': TagSet;
  'tags.create': Tag;
  'tags.update': Tag;
  'tags.delete': ChangeSummary;
  'tags.merge': ChangeSummary;
  'families.create': TagFamily;
  'families.rename': TagFamily;
  'families.delete': ChangeSummary;
  'history.undo': UndoRedoResult;
  'history.redo': UndoRedoResult;
  'history.state': HistoryState;
  'mentions.list': readonly Mention[];
  'mentions.dismiss': ChangeSummary;
  'sources.replace': ReplaceReport;
  'export.highlights': ExportFile;
  'export.bibliography': ExportFile;
  'export.refiQdaProject': RefiQdaExport;
  'export.refiQdaCodebook': ExportFile;
  'memos.list': readonly MemoSummary[];
  'memos.get': Memo;
  'memos.create': Memo;
  'memos.save': Memo;
  'memos.delete': MemoSummary;
  'memos.restore': Memo;
  'memos.draftFromTags': Memo;
  'memos.exportMarkdown': ExportFile;
  'memos.exportWord': ExportFile;
  'memos.exportObsidian': ExportFile;
  'citations.resolve': readonly ResolvedCitation[];
  'backups.list': BackupList;
  'backups.restore': RestoreReport;
  'search.query': SearchResult;
  'sources.twins': readonly SharedTextPair[];
  'passages.related': readonly RelatedPassage[];
  'highlights.copyToTwin': AnchoredHighlight;
  'layout.get': PaneLayout | null;
  'layout.set': PaneLayout;
  'ach.list': readonly AchBoardSummary[];
  'ach.get': AchBoardView;
  'ach.create': AchBoardView;
  'ach.save': AchBoardView;
  'ach.delete': AchBoardSummary;
  'ach.restore': AchBoardView;
  'ach.score': AchScores;
  'ach.exportCsv': ExportFile;
  'ach.toMemo': Memo;
  'analysis.evidenceMatrix': EvidenceMatrix & WithPassages;
  'analysis.cooccurrence': CooccurrenceMatrix & WithPassages;
  'analysis.linkChart': LinkChart & WithPassages;
  'analysis.exportCsv': ExportFile;
  'analysis.matrixToMemo': Memo;
  'relations.list': readonly Relation[];
  'relations.create': Relation;
  'relations.update': Relation;
  'relations.delete': Relation;
}

/** The one client interface the renderer uses; it cannot tell which transport carries it. */
export interface NotebookApi {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiResults[M]>>;
}

export { API_GLOBAL, IPC_CHANNEL, HTTP_API_PATH, CALL_HEADER } from './transport';
