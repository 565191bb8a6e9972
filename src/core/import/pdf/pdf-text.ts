/**
 * What the PDF layout logic reads: the positioned text runs of each page, as pdf.js's
 * `getTextContent()` gives them, reduced to plain numbers so this logic never needs pdf.js.
 * Coordinates are PDF user space relative to the page's lower-left corner: y grows upwards.
 */
export interface PdfTextItem {
  readonly str: string;
  /** Left end of the run's baseline. */
  readonly x: number;
  /** The run's baseline. */
  readonly y: number;
  readonly width: number;
  /** Size of the font as drawn (the text matrix's vertical scale). */
  readonly fontSize: number;
  /** Set when the glue knows the face is bold; headings in body size are found by it. */
  readonly bold?: boolean;
}

export interface PdfPageText {
  readonly width: number;
  readonly height: number;
  /** The file's own label for the page ("xii", "12", "A-3"), or null when it has none. */
  readonly label: string | null;
  readonly items: readonly PdfTextItem[];
}

/** One printed line (or, on a multi-column page, the part of it in one column). */
export interface TextLine {
  /** Normalised text; a trailing soft hyphen (U+00AD) is kept as the sign of a word broken here. */
  readonly text: string;
  readonly x: number;
  readonly right: number;
  readonly y: number;
  /** The size most of its characters are set in. */
  readonly fontSize: number;
  /** True when every character is in a bold face. */
  readonly bold: boolean;
}
