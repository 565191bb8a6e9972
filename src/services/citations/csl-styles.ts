import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CitationStyle } from '../../core/export/citation-style';

/**
 * The packages' JSON, read when first needed: the app's build keeps packages external and drops
 * import attributes, without which Node will not load JSON as a module; and a process that never
 * cites (a crash-test writer) never reads it.
 */
function packageJson<T>(specifier: string): T {
  const path = createRequire(import.meta.url).resolve(specifier);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/**
 * The bundled Chicago style (17th edition, notes-bibliography) sets the titles of reports and
 * documents in quotation marks; the Chicago Manual (14.220, 14.116) italicises them as standalone
 * works, as it does books. The style's italic branch is widened to them, in both the full and the
 * short title.
 */
function chicagoWithItalicReports(style: string): string {
  const italicTypes = '<else-if type="book graphic motion_picture song" match="any">';
  const branches = style.split(italicTypes).length - 1;
  if (branches !== 2) throw new Error(`The bundled Chicago style has ${branches} italic title branches where 2 were expected; its version changed.`);
  return style.replaceAll(italicTypes, '<else-if type="book graphic motion_picture song report document" match="any">');
}

/** The CSL style XML of a citation style, from the packages installed with the app: nothing is fetched. */
export function cslStyle(style: CitationStyle): string {
  switch (style) {
    case 'chicago-note':
      return chicagoWithItalicReports(packageJson<{ readonly content: string }>('@citation/csl-style-chicago-note-bibliography/info.json').content);
    case 'apa':
      return packageJson<Readonly<Record<'apa', string>>>('@citation-js/plugin-csl/lib/styles.json').apa;
  }
}

/** The one locale the exports are written in. */
export const CSL_LOCALE = 'en-US';
export const cslLocaleXml = (): string => packageJson<Readonly<Record<'en-US', string>>>('@citation-js/plugin-csl/lib/locales.json')['en-US'];
