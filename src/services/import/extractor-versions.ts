import type { ImportFormat } from '../../core/import/extracted-source';

/**
 * The version of each format's converter. A source keeps the text its converter made when it was
 * imported; raising a number here offers "Re-extract" on the sources that format made before.
 */
export type ExtractorVersions = Readonly<Record<ImportFormat, number>>;

export const EXTRACTOR_VERSION: ExtractorVersions = { pdf: 1, docx: 1, epub: 1, html: 1, markdown: 1, text: 1 };
