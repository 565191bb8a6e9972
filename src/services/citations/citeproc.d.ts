/** The part of citeproc-js 2.4 (CommonJS, no types shipped) that Notebook uses. */
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): object;
  }
  interface CitationCluster {
    readonly citationID: string;
    readonly citationItems: readonly { readonly id: string; readonly locator?: string; readonly label?: string; readonly suffix?: string }[];
    readonly properties: { readonly noteIndex: number };
  }
  /** One cite of a citation; `position` (CSL.POSITION_*) and `near-note` as processCitationCluster would set them. */
  interface CitationItem {
    readonly id: string;
    readonly locator?: string;
    readonly label?: string;
    readonly suffix?: string;
    readonly position?: number;
    readonly 'near-note'?: boolean;
  }
  export interface Engine {
    setOutputFormat(format: string): void;
    updateItems(ids: readonly string[]): void;
    /** [citationID, noteIndex, formatted text] per citation, in order. */
    rebuildProcessorState(citations: readonly CitationCluster[], mode?: string): [string, number, string][];
    makeBibliography(): [object, string[]] | false;
    /** The text of one citation, from the registry as updateItems left it; no citation is registered. */
    makeCitationCluster(citationItems: readonly CitationItem[]): string;
  }
  const CSL: {
    Engine: new (sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean) => Engine;
    Output: { Formats: Record<string, Record<string, unknown>> & { text: Record<string, unknown> } };
  };
  export default CSL;
}
