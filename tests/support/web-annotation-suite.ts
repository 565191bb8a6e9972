import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import type { AnySchemaObject, ValidateFunction } from 'ajv-draft-04';

/**
 * A runner for the W3C Web Annotation Working Group's conformance assertions
 * (<repo>/../shared/conformance/web-annotation-tests), which the web-platform-tests harness
 * (annotation-model/scripts/JSONtest.js) runs in a browser. Read from that harness and the
 * suite's README:
 *
 * - A `.test` file lists assertion schemas (JSON Schema draft-04), paths relative to the suite's
 *   root. Each is compiled with the files of `definitions/` available by their `id`, which is
 *   how the `$ref`s ("annotations.json#/definitions/…") resolve.
 * - An assertion holds when validation is "valid" and its `expectedResult` is "valid" (the
 *   default), or both are "invalid".
 * - `assertionType` is "must", "should" or "may". A "must" that does not hold is a failure. The
 *   optional checks ("…Implemented.json", should/may) are written to FAIL when an annotation
 *   does not use the feature: they record which optional features an implementation exercises,
 *   so a `.test` lists the types whose failures are not reported in `skipFailures`
 *   (annotationOptionals.test: ["should", "may"]). Such an outcome is 'not-reported' here: the
 *   feature is absent, which is allowed, not wrong. Outside skipFailures, a should/may that does
 *   not hold is reported (WPT prints it as WARNING / INFORMATIONAL) and counted as failed.
 * - `onUnexpectedResult` only steers what runs next: failAndContinue and passAndContinue go on;
 *   …AndSkip skips the rest of the list, …AndAbort stops. The "pass"/"fail" half of the value
 *   names the intent that skipFailures implements; the harness does not turn a failure into a pass.
 *
 * Two differences between the Ajv the WPT harness used (4.x) and Ajv 8 are undone here:
 * - In draft-04, members beside "$ref" in a schema are ignored (a JSON Reference object), as
 *   Ajv 4 did; Ajv 8 applies them. The suite relies on the draft-04 reading: e.g. 4.2-selectorFound
 *   applies `{ "type": "object", "$ref": "…selectorDetected" }`, whose own `"required":
 *   ["selector"]` sits beside a $ref, to a selector value, which has no "selector" key; applied,
 *   it would reject every selector. So siblings of "$ref" are dropped before compiling.
 * - The schemas use the formats "uri" and "date-time", which Ajv 4 had built in; Ajv 8 has none
 *   (they live in ajv-formats, not a dependency here), so they are defined below after RFC 3986
 *   (absolute URI) and RFC 3339 (date-time).
 */

export const SUITE_ROOT = new URL('../../../shared/conformance/web-annotation-tests/', import.meta.url);

export type AssertionType = 'must' | 'should' | 'may';
export type Outcome = 'pass' | 'fail' | 'not-reported' | 'not-run';

export interface AssertionOutcome {
  /** Path of the assertion schema, relative to the suite's root. */
  readonly assertion: string;
  readonly title: string;
  readonly type: AssertionType;
  readonly outcome: Outcome;
  /** For a failure: the suite's own error message, then what Ajv reported. */
  readonly message?: string;
}

/** An assertion schema: JSON Schema plus the suite's own keywords. */
interface AssertionSchema {
  readonly id?: string;
  readonly title?: string;
  readonly assertionType?: string;
  readonly expectedResult?: 'valid' | 'invalid';
  readonly onUnexpectedResult?: string;
  readonly errorMessage?: string;
  readonly [keyword: string]: unknown;
}

interface TestFile {
  readonly assertions: readonly unknown[];
  readonly skipFailures?: readonly string[];
}

const URI_UNIT = String.raw`[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2}`;
const URI = new RegExp(String.raw`^[A-Za-z][A-Za-z0-9+.\-]*:(?:${URI_UNIT}|[\[\]])*(?:#(?:${URI_UNIT})*)?$`);
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m) return false;
  const [year, month, day, hour, minute, second, zoneHour = '0', zoneMinute = '0'] = m.slice(1).map((p) => p ?? '0');
  const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= lastDay && Number(hour) < 24 && Number(minute) < 60 && Number(second) <= 60 && Number(zoneHour) < 24 && Number(zoneMinute) < 60;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, SUITE_ROOT), 'utf8'));

/** A schema read as draft-04 reads it: wherever "$ref" appears, the members beside it are ignored. */
function draft04(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(draft04);
  if (schema === null || typeof schema !== 'object') return schema;
  const members = schema as Record<string, unknown>;
  if (typeof members.$ref === 'string') return { $ref: members.$ref };
  return Object.fromEntries(Object.entries(members).map(([key, value]) => [key, draft04(value)]));
}

export class WebAnnotationSuite {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, { schema: AssertionSchema; validate: ValidateFunction }>();

  constructor() {
    this.ajv = new Ajv({ allErrors: true, strict: false, formats: { uri: URI, 'date-time': isDateTime } });
    for (const file of readdirSync(new URL('definitions/', SUITE_ROOT)).filter((f) => f.endsWith('.json')).sort()) {
      this.ajv.addSchema(draft04(readJson(`definitions/${file}`)) as AnySchemaObject);
    }
  }

  /** Validates with a schema of the suite's own `definitions/` (e.g. "collections.json#/definitions/totalDefinition"). */
  matchesDefinition(ref: string, content: unknown): boolean {
    return this.ajv.validate({ $ref: ref }, content);
  }

  /** Runs every assertion of a `.test` file (e.g. "annotations/annotationMusts.test") on `content`. */
  run(testFile: string, content: unknown): AssertionOutcome[] {
    const test = readJson(testFile) as TestFile;
    const skipFailures = new Set(test.skipFailures ?? []);
    const outcomes: AssertionOutcome[] = [];
    let action: 'continue' | 'skip' | 'abort' = 'continue';
    for (const entry of test.assertions) {
      if (typeof entry !== 'string') {
        // The suite's .test files list paths only; nested lists and inline objects are not read here.
        throw new Error(`${testFile}: this runner reads lists of assertion paths, not ${JSON.stringify(entry).slice(0, 60)}`);
      }
      const { schema, validate } = this.assertion(entry);
      const type = (schema.assertionType ?? 'must').toLowerCase() as AssertionType;
      const title = schema.title ?? entry;
      if (action !== 'continue') {
        outcomes.push({ assertion: entry, title, type, outcome: 'not-run' });
        continue;
      }
      const valid = validate(content);
      const held = (valid ? 'valid' : 'invalid') === (schema.expectedResult ?? 'valid');
      if (held) {
        outcomes.push({ assertion: entry, title, type, outcome: 'pass' });
        continue;
      }
      const next = schema.onUnexpectedResult ?? 'failAndContinue';
      action = next.endsWith('Abort') ? 'abort' : next.endsWith('Skip') ? 'skip' : 'continue';
      if (skipFailures.has(type)) {
        outcomes.push({ assertion: entry, title, type, outcome: 'not-reported' });
      } else {
        const message = `${schema.errorMessage ?? `Result was not ${schema.expectedResult ?? 'valid'}`} (${this.ajv.errorsText(validate.errors)})`;
        outcomes.push({ assertion: entry, title, type, outcome: 'fail', message });
      }
    }
    return outcomes;
  }

  private assertion(path: string): { schema: AssertionSchema; validate: ValidateFunction } {
    let found = this.compiled.get(path);
    if (!found) {
      const schema = readJson(path) as AssertionSchema;
      // An assertion's own `id` names only itself; compiled without it, many assertions can share
      // one Ajv, and its relative $refs resolve against the definitions' ids just the same.
      const { id: _id, ...body } = schema;
      found = { schema, validate: this.ajv.compile(draft04(body) as AnySchemaObject) };
      this.compiled.set(path, found);
    }
    return found;
  }
}

/** The suite's sample annotations, by folder ("correct", "incorrect"), as file name and raw text. */
export function samples(folder: 'correct' | 'incorrect'): { readonly file: string; readonly text: string }[] {
  const dir = new URL(`tools/samples/${folder}/`, SUITE_ROOT);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, text: readFileSync(new URL(file, dir), 'utf8') }));
}
