import type { DecodedText } from '../../core/import/decode-text';

/** A text that was not Unicode was read in a guessed encoding: the person should know which. */
export function encodingWarnings({ encoding, by }: DecodedText): string[] {
  if (by === 'detected') return [`The file is not Unicode; it was read as ${encoding}. If letters look wrong, save it as UTF-8 and replace it.`];
  if (by === 'fallback') return [`The file is not Unicode and its encoding could not be told; it was read as Windows-1252. If letters look wrong, save it as UTF-8 and replace it.`];
  return [];
}
