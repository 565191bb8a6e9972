import CSL from 'citeproc';
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
 * the engine is never shared by two calls at once; each call gives it its own items
 * (updateItems re-reads them, so a source's edited details are seen) and its own notes.
 */
const engines = new Map<CitationStyle, ReturnType<typeof engineFor>>();

function engineFor(style: CitationStyle) {
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
  return engine;
}

/** Formats citations with citeproc-js and the bundled CSL styles (csl-styles.ts). */
export const citeprocFormatter: CitationFormatter = {
  format(citations: readonly NoteCitation[], style: CitationStyle): FormattedCitations {
    if (citations.length === 0) return { notes: [], bibliography: [] };
    current = new Map<string, CslItem>(citations.map(({ item }) => [item.id, withoutMarkers(item)]));
    let engine = engines.get(style);
    if (engine === undefined) {
      engine = engineFor(style);
      engines.set(style, engine);
    }
    engine.updateItems([...current.keys()]);
    const clusters = citations.map(({ item, locator, suffix }, i) => ({
      citationID: `note-${i + 1}`,
      citationItems: [{ id: item.id, ...(locator === undefined ? {} : { locator: locator.value, label: locator.label }), ...(suffix === undefined ? {} : { suffix }) }],
      properties: { noteIndex: i + 1 },
    }));
    const notes = engine.rebuildProcessorState(clusters, OUTPUT_FORMAT).map(([, , text]) => styledText(text));
    const bibliography = engine.makeBibliography();
    if (bibliography === false) throw new Error(`The ${style} style has no bibliography; the bundled styles all have one.`);
    return { notes, bibliography: bibliography[1].map((entry) => styledText(entry.trim())) };
  },
};

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
