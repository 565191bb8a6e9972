import { apiInputs, type ApiMethod, type ApiParsedInput, type ApiResults } from '../shared/api-contract';
import { fail, ok, type ApiResult } from '../shared/api-result';
import { issueLines } from './issue-lines';
import { ImportFailure } from '../core/import/import-failure';
import { findLoneSurrogate } from '../core/text/lone-surrogate';
import { ConflictError, ImportCancelledError, InvalidInputError, NotFoundError, SourceUnavailableError } from './service-errors';
import { StorageError } from './store/storage-error';

/** One handler per method of the contract: a method added there without a handler here does not compile. */
export type ApiHandlers = { readonly [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiResults[M]> };

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

const isApiMethod = (method: unknown): method is ApiMethod => typeof method === 'string' && Object.hasOwn(apiInputs, method);

/**
 * The one entry point both shells call. It validates the method name and the input before any
 * handler runs (so invalid input never reaches the store), and turns every failure into an
 * ApiResult: it never throws.
 */
export function createDispatch(handlers: ApiHandlers): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) return fail('unknown-method', `${JSON.stringify(method) ?? String(method)} is not a Notebook API method.`);
    return run(handlers, method, input);
  };
}

async function run<M extends ApiMethod>(handlers: ApiHandlers, method: M, input: unknown): Promise<ApiResult<ApiResults[M]>> {
  const broken = findLoneSurrogate(input);
  if (broken !== null) {
    const issue = `${broken.path}: holds half of a character (an unpaired UTF-16 surrogate at position ${broken.index}), which cannot be saved as written; copy the text again from where it came from`;
    return fail('invalid-input', `The input of ${method} is not valid: ${issue}.`, [issue]);
  }
  let parsed;
  try {
    parsed = apiInputs[method].safeParse(input);
  } catch (error) {
    // Checking a recursive value (a memo body) recurses too: nesting deep enough exhausts the stack.
    const issue = `(input): could not be checked (${error instanceof Error ? error.message : String(error)}); it is nested too deeply or is too large`;
    return fail('invalid-input', `The input of ${method} is not valid: ${issue}.`, [issue]);
  }
  if (!parsed.success) {
    const issues = issueLines(parsed.error.issues);
    return fail('invalid-input', `The input of ${method} is not valid: ${issues.join('; ')}.`, issues);
  }
  const handler: (input: ApiParsedInput<M>) => Promise<ApiResults[M]> = handlers[method];
  try {
    // zod types safeParse over the union of schemas; apiInputs[method] is the schema of M.
    return ok(await handler(parsed.data as ApiParsedInput<M>));
  } catch (error) {
    return failure(method, error);
  }
}

function failure(method: ApiMethod, error: unknown): ApiResult<never> {
  if (error instanceof InvalidInputError) return fail('invalid-input', error.message, error.issues);
  if (error instanceof NotFoundError) return fail('not-found', error.message);
  if (error instanceof ConflictError) return fail('conflict', error.message);
  if (error instanceof StorageError) return fail('storage-failed', error.message);
  if (error instanceof SourceUnavailableError) return fail('source-unavailable', error.message);
  if (error instanceof ImportFailure) return fail('import-failed', error.message);
  if (error instanceof ImportCancelledError) return fail('cancelled', error.message);
  const detail = error instanceof Error ? error.message : String(error);
  return fail('internal', `${method} failed unexpectedly: ${detail}`);
}
