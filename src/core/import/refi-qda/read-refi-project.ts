import { ImportFailure } from '../import-failure';
import type { ParsedRefiProject, RefiCode, RefiLink, RefiNote, RefiSelection, RefiTextSource, XmlElement } from './refi-project';

/** A text file of the project, found by the path a source names, or null when the project lacks it. */
export type ReadProjectText = (path: string) => { readonly text: string; readonly bytes: Uint8Array } | null;

const childrenNamed = (element: XmlElement | undefined, name: string): XmlElement[] => element?.children.filter((c) => c.name === name) ?? [];
const child = (element: XmlElement | undefined, name: string): XmlElement | undefined => element?.children.find((c) => c.name === name);
const textOf = (element: XmlElement | undefined): string => element?.text ?? '';

/** Schema booleans are "true"/"1"; a code without the attribute is taken as codable, as tools treat it. */
const isTrue = (value: string | undefined): boolean => value === undefined || value === 'true' || value === '1';

function readCodes(codes: XmlElement | undefined): RefiCode[] {
  return childrenNamed(codes, 'Code').map((code) => ({
    guid: code.attributes['guid'] ?? '',
    name: (code.attributes['name'] ?? '').trim(),
    color: code.attributes['color'] ?? null,
    isCodable: isTrue(code.attributes['isCodable']),
    description: textOf(child(code, 'Description')).trim(),
    children: readCodes(code),
  }));
}

const integer = (value: string | undefined): number => (value !== undefined && /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN);

function readSelection(selection: XmlElement): RefiSelection {
  return {
    guid: selection.attributes['guid'] ?? '',
    name: selection.attributes['name'] ?? '',
    startPosition: integer(selection.attributes['startPosition']),
    endPosition: integer(selection.attributes['endPosition']),
    description: textOf(child(selection, 'Description')).trim(),
    codeGuids: childrenNamed(selection, 'Coding').flatMap((coding) => childrenNamed(coding, 'CodeRef').map((ref) => ref.attributes['targetGUID'] ?? '')),
    noteGuids: childrenNamed(selection, 'NoteRef').map((ref) => ref.attributes['targetGUID'] ?? ''),
  };
}

/** A source's (or note's) text: inline PlainTextContent, else the file its plainTextPath names. */
function readText(element: XmlElement, readProjectText: ReadProjectText): { text: string; bytes: Uint8Array | null } | null {
  const inline = child(element, 'PlainTextContent');
  if (inline !== undefined) return { text: inline.text.replace(/^\ufeff/, ''), bytes: null };
  const path = element.attributes['plainTextPath'];
  if (path === undefined || path.trim() === '') return null;
  return readProjectText(path);
}

function displayName(element: XmlElement, fallback: string): string {
  const name = (element.attributes['name'] ?? '').trim();
  return name === '' ? fallback : name;
}

/**
 * The project (or codebook) a parsed project.qde / .qdc holds. `root` is its document element;
 * `readProjectText` finds the files under sources/. Sources Notebook cannot read (pictures, audio,
 * video, PDFs without their text) are listed in `problems`, never silently left out.
 */
export function readRefiProject(root: XmlElement, readProjectText: ReadProjectText): ParsedRefiProject {
  if (root.name === 'CodeBook') return { name: '', codes: readCodes(child(root, 'Codes')), sources: [], notes: [], links: [], problems: [] };
  if (root.name !== 'Project') {
    throw new ImportFailure(`The file is not a REFI-QDA project or codebook: its XML starts with <${root.name}> where <Project> or <CodeBook> was expected.`);
  }
  const problems: string[] = [];
  const sources: RefiTextSource[] = [];
  const left: string[] = [];
  for (const element of child(root, 'Sources')?.children ?? []) {
    // A PDF's text, when the project carries it, is its Representation: a text source like any other.
    const textual = element.name === 'TextSource' ? element : element.name === 'PDFSource' ? child(element, 'Representation') : undefined;
    const name = displayName(element, `Source ${sources.length + left.length + 1}`);
    if (textual === undefined) {
      left.push(`“${name}” (${element.name.replace(/Source$/, '').toLowerCase() || 'unknown'})`);
      continue;
    }
    const text = readText(textual, readProjectText);
    if (text === null) {
      problems.push(`The text of “${name}” is missing from the project (${textual.attributes['plainTextPath'] ?? 'no plainTextPath and no PlainTextContent'}), so it and its codings were left out.`);
      continue;
    }
    sources.push({
      guid: element.attributes['guid'] ?? '',
      name,
      ...text,
      selections: childrenNamed(textual, 'PlainTextSelection').map(readSelection),
      sourceCodings: childrenNamed(textual, 'Coding').length,
    });
  }
  if (left.length > 0) problems.push(`${left.length === 1 ? '1 source was' : `${left.length} sources were`} left out, as Notebook reads only text: ${left.join(', ')}.`);
  const notes: RefiNote[] = [];
  for (const note of childrenNamed(child(root, 'Notes'), 'Note')) {
    const name = displayName(note, `Note ${notes.length + 1}`);
    const text = readText(note, readProjectText);
    if (text === null) problems.push(`The text of the note “${name}” is missing from the project, so it was left out.`);
    else notes.push({ guid: note.attributes['guid'] ?? '', name, text: text.text });
  }
  const links: RefiLink[] = childrenNamed(child(root, 'Links'), 'Link').map((link) => ({ originGuid: link.attributes['originGUID'] ?? '', targetGuid: link.attributes['targetGUID'] ?? '' }));
  return { name: (root.attributes['name'] ?? '').trim(), codes: readCodes(child(child(root, 'CodeBook'), 'Codes')), sources, notes, links, problems };
}
