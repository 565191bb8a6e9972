import type { PdfTextItem } from './pdf-text';

/**
 * A hand-made text run for the layout tests: widths are estimated as half an em per character,
 * close enough to Helvetica for gaps to mean what they would in a real file.
 */
export function item(str: string, x: number, y: number, fontSize = 10, extra: Partial<PdfTextItem> = {}): PdfTextItem {
  return { str, x, y, width: str.length * fontSize * 0.5, fontSize, ...extra };
}
