import CSL, { type Engine } from 'citeproc';
import type { CitationFormatter, CitationStyle, FormattedCitations, NoteCitation, StyledRun, StyledText } from '../../core/export/citation-style';
import type { CslItem } from '../../core/export/source-csl';
import { CSL_LOCALE, cslLocaleXml, cslStyle } from './csl-styles';

/**
 * citeproc-js writes HTML or plain text; the exports need text with its italics apart (Markdown
 * and Word write them their own way). This output format is citeproc's plain text with each
 * italic stretch between two private-use characters, which no source metadata holds (they are
 * removed from it first).
 */
const ITALIC_OPEN = '\uE000';
const ITALIC_CLOSE = '\uE001';
/**
 * citeproc curls every straight apostrophe and single quote of the metadata ("Taliban's" becomes
 * "Taliban’s"); a citation gives a title as its source does, so they pass through it as this
 * character and come back after.
 */
const APOSTROPHE = '\uE002';
const MARKERS = /[\uE000-\uE002]/gu;
const OUTPUT_FORMAT = 'notebook-styled-text';
CSL.Output.Formats[OUTPUT_FORMAT] = {
  ...CSL.Output.Formats.text,
  '@font-style/italic': `${ITALIC_OPEN}%%STRING%%${ITALIC_CLOSE}`,
  '@font-style/oblique': `${ITALIC_OPEN}%%STRING%%${ITALIC_CLOSE}`,
};

/** The items of the citations being formatted: what the engines' retrieveItem reads. */
let current = new Map<string, CslItem>();

/**
 * One engine per style, made on first use and kept: building one parses the style and its locale
 * (about a second for APA), whereas formatting takes milliseconds. Formatting is synchronous, so
 * the engine is never shared by two calls at once.
 */
const engines = new Map<CitationStyle, StyleEngine>();

/**
 * An engine and what it last formatted. Its registry holds one set of items (updateItems
 * disambiguates them against each other), and within that set a note depends only on its item,
 * locator, suffix and position, and the bibliography on nothing else: both are kept until another
 * set of items (or an edited item) is formatted, so exporting a memo again, or to another format,
 * formats only what changed.
 */
interface StyleEngine {
  readonly engine: Engine;
  /** The items last given to updateItems, as JSON: what the kept notes and bibliography were made from. */
  itemsKey: string;
  readonly notes: Map<string, StyledText>;
  bibliography: StyledText[] | null;
}

function engineFor(style: CitationStyle): StyleEngine {
  const engine = new CSL.Engine(
    {
      retrieveLocale: cslLocaleXml,
      retrieveItem: (id) => {
        const item = current.get(id);
        if (item === undefined) throw new Error(`citeproc asked for an item (“${id}”) that no citation holds.`);
        return item;
      },
    },
    cslStyle(style),
    CSL_LOCALE,
    true,
  );
  engine.setOutputFormat(OUTPUT_FORMAT);
  return { engine, itemsKey: '', notes: new Map(), bibliography: null };
}

/**
 * The CSL positions a note can take (citeproc's numbering). With near-note, they are all the
 * bundled styles test of a note's place (Chicago shortens an ibid note; neither tests
 * first-reference-note-number), so a note is fully described by its item, locator, suffix and these.
 */
const POSITION = { first: 0, subsequent: 1, ibid: 2, ibidWithLocator: 3 } as const;
type Position = (typeof POSITION)[keyof typeof POSITION];
/** citeproc's default near-note-distance, which neither bundled style changes. */
const NEAR_NOTE_DISTANCE = 5;

interface Place {
  readonly position: Position;
  /** Its item was cited at most NEAR_NOTE_DISTANCE notes before. */
  readonly 'near-note': boolean;
}

/**
 * Each citation's place when each is alone in its own note, numbered 1…n, as citeproc's
 * processCitationCluster decides it for such notes: the same item as the note just before is
 * ibid (with locator when the locator is new; subsequent when this one has none but that one had),
 * any other item seen before is subsequent.
 */
function places(citations: readonly NoteCitation[]): Place[] {
  const lastNote = new Map<string, number>();
  return citations.map(({ item, locator }, i) => {
    const before = citations[i - 1];
    const last = lastNote.get(item.id);
    lastNote.set(item.id, i);
    if (last === undefined) return { position: POSITION.first, 'near-note': false };
    const nearNote = i - last <= NEAR_NOTE_DISTANCE;
    if (before?.item.id !== item.id) return { position: POSITION.subsequent, 'near-note': nearNote };
    const prev = before.locator && `${before.locator.value}${before.locator.label}`;
    const here = locator && `${locator.value}${locator.label}`;
    const position =
      prev === undefined ? (here === undefined ? POSITION.ibid : POSITION.ibidWithLocator) : here === undefined ? POSITION.subsequent : here === prev ? POSITION.ibid : POSITION.ibidWithLocator;
    return { position, 'near-note': nearNote };
  });
}

/** Formats citations with citeproc-js and the bundled CSL styles (csl-styles.ts). */
export const citeprocFormatter: CitationFormatter = {
  format(citations: readonly NoteCitation[], style: CitationStyle): FormattedCitations {
    if (citations.length === 0) return { notes: [], bibliography: [] };
    const items = new Map<string, CslItem>(citations.map(({ item }) => [item.id, withoutMarkers(item)]));
    let styled = engines.get(style);
    if (styled === undefined) {
      styled = engineFor(style);
      engines.set(style, styled);
    }
    current = items;
    // Every call reads its items afresh: a source's edited details give another key, and updateItems re-reads them.
    const itemsKey = JSON.stringify([...items.values()]);
    if (itemsKey !== styled.itemsKey) {
      // Forgotten first, so that an update that fails part-way leaves nothing kept for these items.
      styled.itemsKey = '';
      styled.notes.clear();
      styled.bibliography = null;
      styled.engine.updateItems([...items.keys()]);
      styled.itemsKey = itemsKey;
    }
    const { engine, notes } = styled;
    const placed = places(citations);
    // One note at a time through makeCitationCluster with its position given: unlike
    // rebuildProcessorState, which re-walks every earlier note for each new one, this costs the
    // same for the 500th note as for the first, and an equal note is formatted once.
    const formatted = citations.map(({ item, locator, suffix }, i) => {
      const cite = { id: item.id, ...(locator === undefined ? {} : { locator: locator.value, label: locator.label }), ...(suffix === undefined ? {} : { suffix }), ...placed[i] };
      const key = JSON.stringify(cite);
      let note = notes.get(key);
      if (note === undefined) {
        note = styledText(engine.makeCitationCluster([cite]));
        notes.set(key, note);
      }
      return note;
    });
    styled.bibliography ??= bibliographyOf(engine, style);
    return { notes: formatted, bibliography: styled.bibliography };
  },
};

function bibliographyOf(engine: Engine, style: CitationStyle): StyledText[] {
  const bibliography = engine.makeBibliography();
  if (bibliography === false) throw new Error(`The ${style} style has no bibliography; the bundled styles all have one.`);
  return bibliography[1].map((entry) => styledText(entry.trim()));
}

/** The item with the markers removed from its text, so that only citeproc's italics are read as such, and its apostrophes kept from citeproc. */
function withoutMarkers(item: CslItem): CslItem {
  // The id is how citeproc asks for the item: kept as it is.
  return JSON.parse(JSON.stringify(item), (key, value: unknown) => (typeof value === 'string' && key !== 'id' ? value.replace(MARKERS, '').replaceAll("'", APOSTROPHE) : value)) as CslItem;
}

/** Text with italic markers as runs; a style may nest italics (a title within a title), read as italic throughout. */
function styledText(marked: string): StyledText {
  const runs: StyledRun[] = [];
  let depth = 0;
  for (const piece of marked.replaceAll(APOSTROPHE, "'").split(/([\uE000\uE001])/u)) {
    if (piece === ITALIC_OPEN) depth++;
    else if (piece === ITALIC_CLOSE) depth = Math.max(0, depth - 1);
    else if (piece !== '') {
      const italic = depth > 0;
      const last = runs.at(-1);
      if (last?.italic === italic) runs[runs.length - 1] = { text: last.text + piece, italic };
      else runs.push({ text: piece, italic });
    }
  }
  return runs;
}
