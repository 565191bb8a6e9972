import { sourceId, textHash } from './ids';
import type { SourceFormat, SourceKind, SourceMeta } from './source';

/**
 * Checks a parsed manifest.json against SourceMeta by hand (core stays free of schema libraries)
 * and says what is wrong in sentences a person can fix the file with: every problem at once,
 * each naming the entry and the field.
 */
export type ManifestResult = { readonly ok: true; readonly value: SourceMeta[] } | { readonly ok: false; readonly problems: string[] };

const KINDS: readonly SourceKind[] = ['news article', 'report', 'analysis'];
const FORMATS: readonly SourceFormat[] = ['news-capture', 'markdown'];
const FIELDS = ['id', 'file', 'title', 'author', 'publisher', 'date', 'isoDate', 'kind', 'format', 'link', 'sha256', 'note'] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FILE_NAME = /^[^/\\]+$/;
const SHA256 = /^[0-9a-f]{64}$/;
const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const LINK = /^https?:\/\/\S+$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const quote = (value: string): string => JSON.stringify(value);

function isCalendarDate(iso: string): boolean {
  const match = ISO_DATE.exec(iso);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

class EntryChecker {
  readonly problems: string[] = [];

  constructor(
    private readonly entry: Record<string, unknown>,
    private readonly label: string,
  ) {}

  private problem(field: string, message: string): void {
    this.problems.push(`${this.label}: "${field}" ${message}.`);
  }

  text(field: (typeof FIELDS)[number], pattern?: RegExp, shape?: string): string {
    const value = this.entry[field];
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(field, 'must be a non-empty string');
      return '';
    }
    if (pattern && !pattern.test(value)) this.problem(field, `must be ${shape}, not ${quote(value)}`);
    return value;
  }

  textOrNull(field: (typeof FIELDS)[number], pattern?: RegExp, shape?: string): string | null {
    if (this.entry[field] === null) return null;
    if (typeof this.entry[field] !== 'string') {
      this.problem(field, 'must be a string or null');
      return null;
    }
    return this.text(field, pattern, shape);
  }

  oneOf<T extends string>(field: (typeof FIELDS)[number], allowed: readonly T[]): T {
    const value = this.entry[field];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem(field, `must be one of ${allowed.map(quote).join(', ')}`);
    return allowed[0]!;
  }

  noUnknownFields(): void {
    for (const key of Object.keys(this.entry)) {
      if (!(FIELDS as readonly string[]).includes(key)) this.problems.push(`${this.label}: unknown field "${key}" (expected only ${FIELDS.join(', ')}).`);
    }
  }

  datesAgree(date: string | null, isoDate: string | null): void {
    if (isoDate !== null && !isCalendarDate(isoDate)) this.problem('isoDate', `must be a real date as YYYY-MM or YYYY-MM-DD, not ${quote(isoDate)}`);
    if (date === null && isoDate !== null) this.problem('isoDate', 'must be null when "date" is null: it is read from the date the text gives');
  }
}

function checkEntry(entry: unknown, index: number): { readonly meta: SourceMeta | null; readonly problems: string[] } {
  if (!isRecord(entry)) return { meta: null, problems: [`Entry ${index + 1}: must be an object with the fields ${FIELDS.join(', ')}.`] };
  const named = typeof entry['id'] === 'string' ? ` (${quote(entry['id'])})` : '';
  const check = new EntryChecker(entry, `Entry ${index + 1}${named}`);
  check.noUnknownFields();
  const date = check.textOrNull('date');
  const isoDate = check.textOrNull('isoDate');
  check.datesAgree(date, isoDate);
  const meta: SourceMeta = {
    id: sourceId(check.text('id', SLUG, 'a lower-case slug such as "fp-taliban-pledge-capture-1"')),
    file: check.text('file', FILE_NAME, 'a bare file name under resources/sources'),
    title: check.text('title'),
    author: check.textOrNull('author'),
    publisher: check.textOrNull('publisher'),
    date,
    isoDate,
    kind: check.oneOf('kind', KINDS),
    format: check.oneOf('format', FORMATS),
    link: check.textOrNull('link', LINK, 'an http(s) address'),
    sha256: textHash(check.text('sha256', SHA256, '64 lower-case hexadecimal digits')),
    note: check.textOrNull('note'),
  };
  return { meta, problems: check.problems };
}

function duplicates(entries: readonly SourceMeta[], field: 'id' | 'file'): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry[field])) repeated.add(entry[field]);
    seen.add(entry[field]);
  }
  return [...repeated].map((value) => `More than one entry has "${field}" ${quote(value)}; each source must appear once.`);
}

export function parseManifest(json: unknown): ManifestResult {
  if (!Array.isArray(json)) return { ok: false, problems: ['The manifest must be a JSON array with one entry per source.'] };
  const checked = json.map(checkEntry);
  const entries = checked.flatMap((result) => (result.meta ? [result.meta] : []));
  const problems = [...checked.flatMap((result) => result.problems), ...duplicates(entries, 'id'), ...duplicates(entries, 'file')];
  return problems.length === 0 ? { ok: true, value: entries } : { ok: false, problems };
}
