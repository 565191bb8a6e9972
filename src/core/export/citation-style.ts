import type { CslItem } from './source-csl';

/** The citation styles a memo can be exported in: Chicago notes-bibliography (17th edition) or APA (7th edition, author-date). */
export const CITATION_STYLES = ['chicago-note', 'apa'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** The style of a memo that never chose one (every memo written before styles existed). */
export const DEFAULT_CITATION_STYLE: CitationStyle = 'chicago-note';

export const CITATION_STYLE_LABELS: Readonly<Record<CitationStyle, string>> = {
  'chicago-note': 'Chicago notes-bibliography',
  apa: 'APA',
};

/** What each style calls the list of works cited that ends the document. */
export const BIBLIOGRAPHY_HEADINGS: Readonly<Record<CitationStyle, string>> = {
  'chicago-note': 'Bibliography',
  apa: 'References',
};

export const isCitationStyle = (value: unknown): value is CitationStyle => (CITATION_STYLES as readonly unknown[]).includes(value);

/** A stretch of formatted citation text: italic where the style sets a title in italics. */
export interface StyledRun {
  readonly text: string;
  readonly italic: boolean;
}

export type StyledText = readonly StyledRun[];

/** Where in a source a note points: CSL's `page` ("12", "12–13") or `paragraph` ("4") locator. */
export interface CslLocator {
  readonly label: 'page' | 'paragraph';
  readonly value: string;
}

/** One footnote's citation: the source, where in it, and words the style writes after the locator. */
export interface NoteCitation {
  readonly item: CslItem;
  readonly locator?: CslLocator;
  /** Written after the locator, inside the note's closing punctuation (", under “Recommendations”"). */
  readonly suffix?: string;
}

export interface FormattedCitations {
  /**
   * One per citation given, in the same order, each the text of footnote n+1: a Chicago note
   * (short form, as Chicago's notes-bibliography style gives it when a bibliography follows) or
   * APA's parenthetical reference, "(Mehran, 2025, para. 4)".
   */
  readonly notes: readonly StyledText[];
  /** Every source cited, once, as an entry of the style's bibliography (reference list), in the style's order. */
  readonly bibliography: readonly StyledText[];
}

/**
 * Formats citations in a citation style. Core states what a citation is; the implementation
 * (services/memos/citeproc-formatter.ts, over citeproc-js and the bundled CSL styles) lives where
 * libraries may be used, so the export writers stay pure and testable with a fake one.
 */
export interface CitationFormatter {
  /** The citations as consecutive footnotes 1…n of one document: later notes to the same source may be shortened as the style does. */
  format(citations: readonly NoteCitation[], style: CitationStyle): FormattedCitations;
}
