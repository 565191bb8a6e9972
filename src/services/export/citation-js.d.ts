/**
 * The part of citation-js 0.8 Notebook uses; the packages ship no types. The plugins register
 * their formats with the core when imported.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: 'bibtex' | 'data', options?: { readonly format?: 'text' }): string;
    /** RIS records as tag → value(s), in the order citation-js writes them. */
    format(format: 'ris', options: { readonly format: 'object' }): Record<string, string | number | readonly (string | number)[]>[];
  }
  export const plugins: {
    readonly config: { get(name: '@bibtex'): { format: { asciiOnly: boolean } } };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
