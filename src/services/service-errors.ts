/** The input names a source (or later a highlight, tag, memo) that does not exist. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The input passed the schema but does not fit the notebook, e.g. an offset past a source's end. */
export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/** A bundled source cannot be used: its manifest or file is missing, unreadable, or altered. */
export class SourceUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceUnavailableError';
  }
}

/** The change conflicts with the notebook as it is, e.g. a second tag of the same name in a family. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A file given to sources.import stopped at the person's request (imports.cancel). */
export class ImportCancelledError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportCancelledError';
  }
}
