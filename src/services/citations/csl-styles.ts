import { createRequire } from 'node:module';
import type { CitationStyle } from '../../core/export/citation-style';

// Read as data at run time: the build keeps dependencies external, and Node's ESM loader will not
// import a package's JSON without an import attribute that the bundler does not write.
const requireData = createRequire(import.meta.url);
const styles = requireData('@citation-js/plugin-csl/lib/styles.json') as Readonly<Record<'apa', string>>;
const locales = requireData('@citation-js/plugin-csl/lib/locales.json') as Readonly<Record<'en-US', string>>;
const chicagoNoteBibliography = requireData('@citation/csl-style-chicago-note-bibliography/info.json') as { readonly content: string };

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

/** The CSL style XML of each citation style, bundled with the app: nothing is fetched. */
export const CSL_STYLES: Readonly<Record<CitationStyle, string>> = {
  'chicago-note': chicagoWithItalicReports(chicagoNoteBibliography.content),
  apa: styles.apa,
};

/** The one locale the exports are written in. */
export const CSL_LOCALE = 'en-US';
export const CSL_LOCALE_XML: string = locales['en-US'];
