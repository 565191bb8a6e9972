import { alignOffsets } from './align-offsets';
import { planCodeTree, type PlannedFamily } from './code-tree';
import { comparable, selectionPlacer } from './place-selection';
import type { ParsedRefiProject, RefiTextSource } from './refi-project';

export interface PlannedHighlight {
  readonly selectionGuid: string;
  /** [start, end) of the source's canonical text. */
  readonly start: number;
  readonly end: number;
  /** The codes it carries, each one the project defines. */
  readonly codeGuids: readonly string[];
  readonly comment: string;
}

export interface PlannedSource {
  readonly guid: string;
  readonly highlights: readonly PlannedHighlight[];
}

export interface PlannedMemo {
  readonly title: string;
  readonly text: string;
  /** The selections the note is attached to (NoteRef, or a Link either way), to cite. */
  readonly selectionGuids: readonly string[];
}

/** Everything a project adds to the notebook, in Notebook's terms, and what could not be carried over. */
export interface RefiImportPlan {
  readonly name: string;
  readonly families: readonly PlannedFamily[];
  readonly sources: readonly PlannedSource[];
  readonly memos: readonly PlannedMemo[];
  readonly problems: readonly string[];
}

/** A source of the project and the canonical text Notebook made of it. */
export interface ExtractedRefiSource {
  readonly source: RefiTextSource;
  readonly canonical: string;
}

const MAX_LISTED = 10;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function listed(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('; ');
  return items.length > MAX_LISTED ? `${shown}; and ${items.length - MAX_LISTED} more` : shown;
}

function shortQuote(text: string): string {
  const quote = comparable(text);
  return quote.length <= 60 ? quote : `${quote.slice(0, 57).trimEnd()}…`;
}

/**
 * Where each coding of each source goes in Notebook (positions read by selectionPlacer, carried onto
 * the canonical text), the code tree as families, and the notes as memos. Every selection that
 * cannot be placed, and every coding of a code the project lacks, is listed in `problems`.
 */
export function planRefiImport(project: ParsedRefiProject, extracted: readonly ExtractedRefiSource[]): RefiImportPlan {
  const problems = [...project.problems];
  const known = new Set<string>();
  const collect = (codes: ParsedRefiProject['codes']): void => codes.forEach((code) => (known.add(code.guid), collect(code.children)));
  collect(project.codes);
  const coded = new Set(extracted.flatMap(({ source }) => source.selections.flatMap((s) => s.codeGuids)));
  const unplaced: string[] = [];
  let unknownCodes = 0;
  let wholeSource = 0;
  const sources = extracted.map(({ source, canonical }): PlannedSource => {
    wholeSource += source.sourceCodings;
    const offsets = alignOffsets(source.text, canonical);
    const placeSelection = selectionPlacer(source.text);
    const highlights: PlannedHighlight[] = [];
    for (const selection of source.selections) {
      const label = selection.name.trim() === '' ? `positions ${selection.startPosition}–${selection.endPosition}` : `“${shortQuote(selection.name)}”`;
      const placed = placeSelection(selection);
      if (!placed.ok) {
        unplaced.push(`${label} in “${source.name}”: ${placed.reason}`);
        continue;
      }
      if (offsets === null) {
        unplaced.push(`${label} in “${source.name}”: Notebook read the source's text differently from the project (its encoding?), so positions in it cannot be carried over`);
        continue;
      }
      const range = source.text.slice(placed.start, placed.end).trim() === '' ? null : offsets.range(placed.start, placed.end);
      if (range === null) {
        unplaced.push(`${label} in “${source.name}”: it selects only spaces or line breaks`);
        continue;
      }
      const codeGuids = selection.codeGuids.filter((guid) => known.has(guid));
      unknownCodes += selection.codeGuids.length - codeGuids.length;
      highlights.push({ selectionGuid: selection.guid, ...range, codeGuids: [...new Set(codeGuids)], comment: selection.description });
    }
    return { guid: source.guid, highlights };
  });
  if (unplaced.length > 0) problems.push(`${plural(unplaced.length, 'coding', 'codings')} could not be placed: ${listed(unplaced)}.`);
  if (unknownCodes > 0) problems.push(`${plural(unknownCodes, 'coding names', 'codings name')} a code the project does not define; the passages were kept without it.`);
  if (wholeSource > 0) problems.push(`${plural(wholeSource, 'coding of a whole source was', 'codings of whole sources were')} left out: Notebook codes passages, not whole sources.`);

  const selectionsOfNote = new Map<string, string[]>(project.notes.map((note) => [note.guid, []]));
  const attach = (noteGuid: string, selectionGuid: string): void => {
    const list = selectionsOfNote.get(noteGuid);
    if (list !== undefined && !list.includes(selectionGuid)) list.push(selectionGuid);
  };
  for (const { source } of extracted) for (const selection of source.selections) for (const note of selection.noteGuids) attach(note, selection.guid);
  for (const link of project.links) {
    attach(link.originGuid, link.targetGuid);
    attach(link.targetGuid, link.originGuid);
  }
  const memos = project.notes.map((note) => ({ title: note.name, text: note.text, selectionGuids: selectionsOfNote.get(note.guid) ?? [] }));
  return { name: project.name, families: planCodeTree(project.codes, coded), sources, memos, problems };
}
