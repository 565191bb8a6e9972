/**
 * A REFI-QDA project (`.qdpx`'s project.qde) or codebook (`.qdc`) as read, before anything of it is
 * placed in the notebook. Only what Notebook keeps is read: the code tree, text sources with their
 * selections and codings, notes and the links between them.
 */

/** An XML element with its namespace prefix dropped, whatever namespace version wrote it. */
export interface XmlElement {
  /** Local name, e.g. "Code" for `<qda:Code>`. */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (its text nodes joined), not its children's. */
  readonly text: string;
}

export interface RefiCode {
  readonly guid: string;
  readonly name: string;
  /** The colour as written (`#RRGGBB` by the schema; other tools write other things). */
  readonly color: string | null;
  readonly isCodable: boolean;
  readonly description: string;
  readonly children: readonly RefiCode[];
}

export interface RefiSelection {
  readonly guid: string;
  /** Most tools write the selected text here (sometimes cut short); some write a label. */
  readonly name: string;
  readonly startPosition: number;
  readonly endPosition: number;
  readonly description: string;
  readonly codeGuids: readonly string[];
  readonly noteGuids: readonly string[];
}

export interface RefiTextSource {
  readonly guid: string;
  readonly name: string;
  /** The text as the project holds it: byte-order mark removed, line ends as written. */
  readonly text: string;
  /** The text's bytes as the project holds them, or null when it was written inline. */
  readonly bytes: Uint8Array | null;
  readonly selections: readonly RefiSelection[];
  /** Codings of the whole source rather than of a selection. */
  readonly sourceCodings: number;
}

export interface RefiNote {
  readonly guid: string;
  readonly name: string;
  readonly text: string;
}

export interface RefiLink {
  readonly originGuid: string;
  readonly targetGuid: string;
}

export interface ParsedRefiProject {
  readonly name: string;
  readonly codes: readonly RefiCode[];
  readonly sources: readonly RefiTextSource[];
  readonly notes: readonly RefiNote[];
  readonly links: readonly RefiLink[];
  /** What could not be read, worded for the person. */
  readonly problems: readonly string[];
}
