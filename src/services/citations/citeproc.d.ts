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
  interface Engine {
    setOutputFormat(format: string): void;
    updateItems(ids: readonly string[]): void;
    /** [citationID, noteIndex, formatted text] per citation, in order. */
    rebuildProcessorState(citations: readonly CitationCluster[], mode?: string): [string, number, string][];
    makeBibliography(): [object, string[]] | false;
  }
  const CSL: {
    Engine: new (sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean) => Engine;
    Output: { Formats: Record<string, Record<string, unknown>> & { text: Record<string, unknown> } };
  };
  export default CSL;
}
