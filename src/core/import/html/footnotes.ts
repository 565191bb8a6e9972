import { attrTokens, textContent } from './html-node';
import type { HtmlDocument, HtmlElement, HtmlNode } from './html-node';
import { resolveInternalHref } from './resolve-href';

/**
 * Finds a document's footnotes, whichever way it marks them: mammoth's Word output
 * (`#footnote-1` / `#endnote-1`), EPUB 3 `epub:type="noteref"` and DPUB-ARIA `doc-noteref` links,
 * and the common web form of a bare number in `<sup>` linking to an id such as `fn1`. Notes are
 * numbered 1..n by first reference in the body (then by first reference from another note).
 */

export interface PlannedNote {
  readonly number: number;
  readonly element: HtmlElement;
  /** Path of the document the note is in, to resolve its own links. */
  readonly path: string;
  /** The markers the document printed for it ("1", "[3]" as "3"), to drop from the note's start. */
  readonly labels: ReadonlySet<string>;
}

export interface FootnotePlan {
  /** Each note reference link, with its note's number or `missing` when its note is not in the file. */
  readonly refs: ReadonlyMap<HtmlElement, number | 'missing'>;
  readonly notes: readonly PlannedNote[];
  readonly noteElements: ReadonlySet<HtmlElement>;
  /** `path#id` of every reference and its wrapper: a link inside a note back to one is a back-link. */
  readonly refKeys: ReadonlySet<string>;
}

const LABEL = /^[[(]?(\d{1,4}|[*†‡§¶]{1,3})[\])]?$/;
const NOTE_ID = /(?:^|[-_:.])(?:fn|footnote|endnote|note|en|ftn|edn|cite_note)[-_:.]?\d+$/i;
const MAMMOTH_REF_ID = /^(?:foot|end)note-ref-\d+$/;
const MAMMOTH_NOTE_ID = /^(?:foot|end)note-\d+$/;
/** Inline targets such as `<a id="fn1">` stand for the block they are in. */
const INLINE = new Set(['a', 'span', 'sup', 'sub', 'b', 'strong', 'i', 'em', 'small', 'abbr', 'cite', 'code', 'mark', 'u', 's']);
const NOT_A_NOTE = new Set(['body', 'html', 'main', 'article']);

interface Anchor {
  readonly element: HtmlElement;
  readonly path: string;
}

class DocumentIndex {
  readonly ids = new Map<string, { element: HtmlElement; path: string }>();
  readonly parent = new Map<HtmlNode, HtmlElement>();
  readonly anchors: Anchor[] = [];

  constructor(documents: readonly HtmlDocument[]) {
    for (const { path, root } of documents) this.visit(root, path);
  }

  ancestors(node: HtmlNode): HtmlElement[] {
    const chain: HtmlElement[] = [];
    for (let up = this.parent.get(node); up; up = this.parent.get(up)) chain.push(up);
    return chain;
  }

  private visit(node: HtmlNode, path: string): void {
    if (node.kind === 'text') return;
    const id = node.attrs.id;
    if (id !== undefined && !this.ids.has(`${path}#${id}`)) this.ids.set(`${path}#${id}`, { element: node, path });
    if (node.tag === 'a' && node.attrs.href !== undefined) this.anchors.push({ element: node, path });
    for (const child of node.children) {
      this.parent.set(child, node);
      this.visit(child, path);
    }
  }
}

export function planFootnotes(documents: readonly HtmlDocument[]): FootnotePlan {
  const index = new DocumentIndex(documents);
  const resolved = new Map<HtmlElement, { note: HtmlElement; path: string } | null>();
  const labels = new Map<HtmlElement, Set<string>>();
  const refKeys = new Set<string>();

  for (const anchor of index.anchors) {
    const target = noteRefTarget(anchor, index);
    // A link to a reference already seen is the back-link of that reference's note.
    if (target === undefined || refKeys.has(target.key)) continue;
    const note = target.element && noteElementOf(target.element, anchor.element, index);
    resolved.set(anchor.element, note ? { note, path: target.path } : null);
    for (const element of [anchor.element, ...index.ancestors(anchor.element).slice(0, 2)]) {
      if (element.attrs.id !== undefined) refKeys.add(`${anchor.path}#${element.attrs.id}`);
    }
    const label = LABEL.exec(textContent(anchor.element).trim())?.[1];
    if (note && label !== undefined) labels.set(note, (labels.get(note) ?? new Set()).add(label));
  }

  const noteElements = new Set([...resolved.values()].flatMap((target) => (target ? [target.note] : [])));
  const insideNote = (element: HtmlElement) => index.ancestors(element).some((up) => noteElements.has(up));
  const numbers = new Map<HtmlElement, number>();
  const notes: PlannedNote[] = [];
  const refs = new Map<HtmlElement, number | 'missing'>();
  for (const fromNotes of [false, true]) {
    for (const [anchor, target] of resolved) {
      if (insideNote(anchor) !== fromNotes) continue;
      if (!target) {
        refs.set(anchor, 'missing');
        continue;
      }
      let number = numbers.get(target.note);
      if (number === undefined) {
        number = notes.length + 1;
        numbers.set(target.note, number);
        notes.push({ number, element: target.note, path: target.path, labels: labels.get(target.note) ?? new Set() });
      }
      refs.set(anchor, number);
    }
  }
  return { refs, notes, noteElements, refKeys };
}

interface RefTarget {
  readonly key: string;
  readonly path: string;
  /** Null when the link is plainly a note reference but nothing in the file has its id. */
  readonly element: HtmlElement | null;
}

/** Where a note reference points; undefined when the link is not a note reference at all. */
function noteRefTarget(anchor: Anchor, index: DocumentIndex): RefTarget | undefined {
  const { element } = anchor;
  const target = resolveInternalHref(anchor.path, element.attrs.href ?? '');
  if (!target || target.fragment === '') return undefined;
  const key = `${target.path}#${target.fragment}`;
  const found = index.ids.get(key)?.element ?? null;
  const result = { key, path: target.path, element: found };
  const explicit =
    attrTokens(element, 'epub:type').includes('noteref') ||
    attrTokens(element, 'role').includes('doc-noteref') ||
    (MAMMOTH_REF_ID.test(element.attrs.id ?? '') && MAMMOTH_NOTE_ID.test(target.fragment));
  if (explicit) return result;
  if (!LABEL.test(textContent(element).trim())) return undefined;
  const inSup = index.ancestors(element).slice(0, 2).some((up) => up.tag === 'sup') || containsSup(element);
  const noteLike = NOTE_ID.test(target.fragment) || (found !== null && isNoteContainer(found));
  return inSup || noteLike ? result : undefined;
}

function containsSup(node: HtmlNode): boolean {
  return node.kind === 'element' && (node.tag === 'sup' || node.children.some(containsSup));
}

function isNoteContainer(element: HtmlElement): boolean {
  const types = [...attrTokens(element, 'epub:type'), ...attrTokens(element, 'role')];
  return types.some((type) => ['footnote', 'endnote', 'rearnote', 'note', 'doc-footnote', 'doc-endnote'].includes(type));
}

/** The block holding a note's text, or null when the target cannot be told apart from the body. */
function noteElementOf(target: HtmlElement, anchor: HtmlElement, index: DocumentIndex): HtmlElement | null {
  const note = INLINE.has(target.tag) ? index.ancestors(target).find((up) => !INLINE.has(up.tag)) : target;
  if (!note || NOT_A_NOTE.has(note.tag)) return null;
  if (note === anchor || index.ancestors(anchor).includes(note)) return null;
  // A note with nothing but its number and a back arrow has nothing to show.
  const words = textContent(note).replace(/^\s*[[(]?\d{1,4}[\])]?[.:)]?/, '');
  return /[\p{L}\p{N}]/u.test(words) ? note : null;
}
