import { memoCitations } from '../../memo/memo-schema';
import { displayTitle } from '../../memo/memo-title';
import { gradeMark, RELIABILITY_LABELS } from '../../model/grades';
import type { Highlight, Tag, TagFamily } from '../../model/highlight';
import type { Memo } from '../../model/memo';
import type { SourceMeta } from '../../model/source';
import { exportedText } from './exported-text';
import { memoPlainText } from './memo-plain-text';
import { el, textEl, xmlDocument, xmlSafe, type XmlElement } from './xml';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/**
 * The GUID of a notebook record, by a key naming it ("tag:group:taliban"): the same key gives the
 * same GUID in every export, so that a program importing the project twice sees the same codes.
 */
export type GuidOf = (key: string) => string;

/** A highlight and where it stands in its source's current text (start and end null when it has no place there). */
export interface PlacedHighlight {
  readonly highlight: Highlight;
  readonly start: number | null;
  readonly end: number | null;
  /** False when the highlight awaits review: its range is only a candidate. */
  readonly confirmed: boolean;
}

export interface ProjectSource {
  readonly meta: SourceMeta;
  readonly text: string;
  /** When the file was added to the library (imported sources); null for the bundled ones. */
  readonly addedAt: string | null;
  readonly highlights: readonly PlacedHighlight[];
}

export interface ProjectContent {
  readonly families: readonly TagFamily[];
  readonly tags: readonly Tag[];
  readonly sources: readonly ProjectSource[];
  readonly memos: readonly Memo[];
  /** The one user every record is credited to. */
  readonly userName: string;
  readonly guid: GuidOf;
}

export interface RefiQdaProject {
  /** project.qde. */
  readonly xml: string;
  /** The files of sources/: each source's text, named `<guid>.txt`. */
  readonly sourceFiles: readonly { readonly name: string; readonly text: string }[];
  /** What the project cannot carry, one sentence each; also the project's Description. */
  readonly warnings: readonly string[];
}

/** Longest selection name, in code points: the start of the quote, as QDA programs list selections. */
const NAME_LENGTH = 80;

/**
 * A REFI-QDA project (QDA-XML 1.0, in the order the schema's sequence demands: Users, CodeBook,
 * Sources, Notes, Description): tag families as codes that group the tags (not codable), tags as
 * codable codes with their colours; each source as a TextSource whose text is a file of its own;
 * each placed highlight as a PlainTextSelection in code points with a Coding per tag and its
 * comment, stances and grade in its Description; each memo as a Note in plain text, referred to by
 * every selection it cites. Timestamps are the records' own, so two exports of the same notebook
 * are the same bytes.
 */
export function refiQdaProject(content: ProjectContent): RefiQdaProject {
  const { guid, sources, memos } = content;
  const user = guid('user:notebook');
  const citingMemos = new Map<string, string[]>();
  for (const memo of memos) {
    for (const highlightId of new Set(memoCitations(memo.doc).map((c) => c.highlightId))) {
      citingMemos.set(highlightId, [...(citingMemos.get(highlightId) ?? []), guid(`memo:${memo.id}`)]);
    }
  }
  const tagsById = new Map(content.tags.map((t) => [t.id, t]));
  const unplaced = sources.flatMap((s) => s.highlights.filter((h) => !isPlaced(h)));
  const warnings = projectWarnings(unplaced.length);
  const sourceFiles: { name: string; text: string }[] = [];
  const textSources = sources.map((source) => {
    const sourceGuid = guid(`source:${source.meta.id}`);
    const placed = source.highlights.filter(isPlaced);
    const exported = exportedText(source.text, placed.flatMap((h) => [h.start, h.end]));
    sourceFiles.push({ name: `${sourceGuid}.txt`, text: exported.text });
    const selections = placed.map(({ highlight, start, end }) => {
      const description = selectionDescription(highlight, tagsById, source.meta);
      return el(
        'PlainTextSelection',
        [
          ['guid', guid(`highlight:${highlight.id}`)],
          ['name', selectionName(source.text.slice(start, end))],
          ['startPosition', exported.positions.get(start)],
          ['endPosition', exported.positions.get(end)],
          ['creatingUser', user],
          ['creationDateTime', highlight.created],
          ['modifyingUser', user],
          ['modifiedDateTime', highlight.modified],
        ],
        [
          ...(description === '' ? [] : [textEl('Description', description)]),
          ...highlight.tags
            .filter((t) => tagsById.has(t.tagId))
            .map((t) =>
              el('Coding', [['guid', guid(`coding:${highlight.id}:${t.tagId}`)], ['creatingUser', user], ['creationDateTime', highlight.created]], [el('CodeRef', [['targetGUID', guid(`tag:${t.tagId}`)]])]),
            ),
          ...(citingMemos.get(highlight.id) ?? []).map((note) => el('NoteRef', [['targetGUID', note]])),
        ],
      );
    });
    return el(
      'TextSource',
      [
        ['guid', sourceGuid],
        ['name', source.meta.title],
        ['plainTextPath', `internal://${sourceGuid}.txt`],
        ['creatingUser', user],
        ['creationDateTime', source.addedAt],
      ],
      [textEl('Description', sourceDescription(source.meta)), ...selections],
    );
  });
  const titles = new Map(sources.map((s) => [s.meta.id as string, s.meta.title]));
  const notes = memos.map((memo) =>
    el(
      'Note',
      [
        ['guid', guid(`memo:${memo.id}`)],
        ['name', displayTitle(memo.title)],
        ['creatingUser', user],
        ['creationDateTime', memo.created],
        ['modifyingUser', user],
        ['modifiedDateTime', memo.modified],
      ],
      [textEl('PlainTextContent', memoPlainText(memo.doc.content ?? [], (id) => titles.get(id) ?? null))],
    ),
  );
  const codes = codeTree(content);
  const times = [...sources.flatMap((s) => [s.addedAt, ...s.highlights.flatMap((h) => [h.highlight.created, h.highlight.modified])]), ...memos.flatMap((m) => [m.created, m.modified])]
    .filter((t): t is string => t !== null)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const root = el(
    'Project',
    [
      ['xmlns', PROJECT_NAMESPACE],
      ['name', 'Notebook'],
      ['origin', 'Notebook'],
      ['creatingUserGUID', user],
      ['creationDateTime', times[0]],
      ['modifyingUserGUID', user],
      ['modifiedDateTime', times.at(-1)],
    ],
    [
      el('Users', [], [el('User', [['guid', user], ['name', content.userName]])]),
      ...(codes.length === 0 ? [] : [el('CodeBook', [], [el('Codes', [], codes)])]),
      ...(textSources.length === 0 ? [] : [el('Sources', [], textSources)]),
      ...(notes.length === 0 ? [] : [el('Notes', [], notes)]),
      textEl('Description', `Exported from Notebook. What REFI-QDA cannot carry:\n${warnings.map((w) => `- ${w}`).join('\n')}`),
    ],
  );
  return { xml: xmlDocument(root), sourceFiles, warnings };
}

/**
 * A REFI-QDA codebook (.qdc): the codes alone, as in a project. Null when the notebook has no
 * tag families and no tags, since a codebook must hold at least one code.
 */
export function refiQdaCodebook(content: Pick<ProjectContent, 'families' | 'tags' | 'guid'>): string | null {
  const codes = codeTree(content);
  if (codes.length === 0) return null;
  return xmlDocument(el('CodeBook', [['xmlns', CODEBOOK_NAMESPACE], ['origin', 'Notebook']], [el('Codes', [], codes)]));
}

/** Families as parents that only group (not codable), their tags as codable codes; a tag whose family is unknown stands alone. */
function codeTree({ families, tags, guid }: Pick<ProjectContent, 'families' | 'tags' | 'guid'>): XmlElement[] {
  const familyIds = new Set<string>(families.map((f) => f.id));
  const code = (tag: Tag): XmlElement => {
    const description = [tag.description.trim(), tag.aliases.length > 0 ? `Aliases: ${tag.aliases.join(', ')}` : ''].filter((p) => p !== '').join('\n\n');
    return el('Code', [['guid', guid(`tag:${tag.id}`)], ['name', tag.name], ['isCodable', true], ['color', /^#[0-9a-f]{6}$/iu.test(tag.color) ? tag.color.toLowerCase() : null]], description === '' ? [] : [textEl('Description', description)]);
  };
  return [
    ...families.map((family) =>
      el('Code', [['guid', guid(`family:${family.id}`)], ['name', family.name], ['isCodable', false]], tags.filter((t) => t.familyId === family.id).map(code)),
    ),
    ...tags.filter((t) => !familyIds.has(t.familyId)).map(code),
  ];
}

function isPlaced(h: PlacedHighlight): h is PlacedHighlight & { readonly start: number; readonly end: number } {
  return h.confirmed && h.start !== null && h.end !== null;
}

/** The quote on one line, cut at a word near NAME_LENGTH code points with "…". */
function selectionName(quote: string): string {
  const flat = xmlSafe(quote).replace(/\s+/gu, ' ').trim();
  const points = [...flat];
  if (points.length <= NAME_LENGTH) return flat;
  const cut = points.slice(0, NAME_LENGTH).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > NAME_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The comment, then "Stance: supports (R1 · …); Grade: B2" for what QDA-XML has no place for. */
function selectionDescription(highlight: Highlight, tags: ReadonlyMap<string, Tag>, source: SourceMeta): string {
  const stances = highlight.tags.filter((t) => t.stance !== undefined).map((t) => `${t.stance ?? ''} (${tags.get(t.tagId)?.name ?? t.tagId})`);
  const grade = gradeMark(source.reliability, highlight.credibility);
  const judged = [stances.length > 0 ? `Stance: ${stances.join(', ')}` : '', grade === null ? '' : `Grade: ${grade}`].filter((p) => p !== '').join('; ');
  return [highlight.comment.trim(), judged].filter((p) => p !== '').join('\n\n');
}

/** "Weeda Mehran · Andiana Foundation · January 2025 · report", then its link and reliability. */
function sourceDescription(meta: SourceMeta): string {
  const line = [meta.author, meta.publisher, meta.date ?? 'undated', meta.kind].filter((p): p is string => p !== null).join(' · ');
  const reliability = meta.reliability == null ? null : `Reliability: ${RELIABILITY_LABELS[meta.reliability]}`;
  return [line, meta.link, reliability].filter((p): p is string => p !== null).join('\n');
}

function projectWarnings(unplaced: number): string[] {
  return [
    'Highlight colours are not kept: REFI-QDA gives colours to codes only, so each selection shows its codes’ colours.',
    'Stances on recommendations and Admiralty grades are written into each selection’s description as text, not as data another program can filter on.',
    'Memos are plain text notes: headings, lists, emphasis and links are flattened, and a citation becomes its quote and source title, with a reference to the note from the cited selection.',
    'Sources are plain text: the reader’s headings, footnote links and page numbers are not kept, and a source’s reliability grade is in its description.',
    'Reading positions, the two-pane layout, ACH boards, relations between groups, corroborations and grading history are not part of REFI-QDA and are left out.',
    ...(unplaced === 0
      ? []
      : [`${unplaced === 1 ? '1 highlight is' : `${unplaced} highlights are`} left out because ${unplaced === 1 ? 'its passage is' : 'their passages are'} no longer found in the source’s current text or await review; place them in Notebook and export again.`]),
  ];
}
