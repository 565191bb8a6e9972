import type { z } from 'zod';
import { apiInputs, type ApiMethod } from '../../../src/shared/api-contract';
import { seededRandom, type SeededRandom } from '../../support/seeded-random';

export interface MalformedInput {
  /** What was broken, for the message of a failing test. */
  readonly what: string;
  readonly input: unknown;
}

/** Strings that break naive text handling: they are only ever put where any string is allowed. */
export const ODD_STRINGS: readonly string[] = [
  '\uD800',
  'lone low \uDFFF surrogate',
  '\u202Eright-to-left override',
  'zero\u200Bwidth\u200Cjoiners\u200D\uFEFF',
  'e\u0301\u0302\u0303\u0304 combining',
  'NUL \u0000 inside',
  '🙂🏳️‍🌈 emoji',
  'اللغة العربية',
  '\r\n\t\v\f',
  '%s %n {{x}} ${x} <script>',
];

/** Nested `depth` deep: `{ a: { a: ... } }`, built without recursion. */
export function deepObject(depth: number, leaf: unknown = 0): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A memo body 10,000 paragraphs deep whose innermost node is broken. */
function deepDoc(): unknown {
  let node: unknown = { type: 42 };
  for (let i = 0; i < 10_000; i++) node = { type: 'paragraph', content: [node] };
  return { type: 'doc', content: [node] };
}

/** Free-text fields and their longest allowed length. */
const MAX_LENGTH: Readonly<Record<string, number>> = { name: 120, comment: 20_000, title: 300, description: 5_000, query: 10_000 };
/** Fields holding a value from a fixed set, or matching a pattern: no odd string is one of them. */
const CONSTRAINED = new Set(['color', 'format', 'highlights', 'backupId']);

type FieldKind = 'id' | 'ids' | 'constrained' | 'text' | 'number' | 'boolean' | 'array' | 'object';

function kindOf(name: string, value: unknown): FieldKind {
  if (CONSTRAINED.has(name)) return 'constrained';
  if (name.endsWith('Ids')) return 'ids';
  if (name.endsWith('Id')) return 'id';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return Array.isArray(value) ? 'array' : 'object';
}

/** Values no field of `kind` accepts (null is left out: some fields are nullable). */
function wrongValues(kind: FieldKind, name: string): [string, unknown][] {
  const deep: [string, unknown] = ['an object nested 10,000 deep', deepObject(10_000)];
  const notText: [string, unknown][] = [['a number', 7], ['a boolean', true], ['an object', { value: 'x' }], ['an array', ['x']], deep];
  switch (kind) {
    case 'id':
      return [...notText, ['an empty string', ''], ['201 characters', 'i'.repeat(201)], ['a million characters', 'i'.repeat(1_000_000)], ['-0', -0], ['NaN', NaN]];
    case 'ids':
      return [['a string', 'id'], ['a number', 3], ['an object', { 0: 'id' }], ['an array holding a number', [5]], ['an array holding an empty id', ['']], ['an array holding a 201-character id', ['i'.repeat(201)]], deep];
    case 'constrained':
      return [...notText, ...ODD_STRINGS.map((s): [string, unknown] => [`the odd string ${JSON.stringify(s)}`, s]), ['#12345', '#12345'], ['RED', 'RED']];
    case 'text': {
      const max = MAX_LENGTH[name];
      return [...notText, ...(max === undefined ? [] : [[`${max + 1} characters`, 't'.repeat(max + 1)] as [string, unknown]]), ...(name === 'name' ? [['only spaces', '  \n\t '] as [string, unknown]] : [])];
    }
    case 'number':
      return [['a numeric string', '12'], ['a boolean', false], ['an object', {}], ['an array', [1]], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity], ['-1', -1], ['1.5', 1.5], ['2^31 + 1', 2 ** 31 + 1], ['1e308', 1e308], ['a BigInt', 12n], deep];
    case 'boolean':
      return [['the string "true"', 'true'], ['1', 1], ['0', 0], ['an object', {}], ['an array', [true]]];
    case 'array':
      return [['a string', 'x'], ['a number', 5], ['an object', { 0: 'x' }], ['an array holding a number', [5]], ['an array nested 10,000 deep', deepArray(10_000)], deep];
    case 'object':
      return [['a string', 'x'], ['a number', 5], ['an array', []], ['a boolean', true], ['null', null], deep, ...(name === 'doc' ? [['a body 10,000 paragraphs deep, broken inside', deepDoc()] as [string, unknown]] : [])];
  }
}

const NOT_OBJECTS: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['0', 0],
  ['-0', -0],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['an empty string', ''],
  ['a 100,000-character string', 's'.repeat(100_000)],
  ['true', true],
  ['an empty array', []],
  ['an array nested 10,000 deep', deepArray(10_000)],
  ['a BigInt', 7n],
  ['a symbol', Symbol('input')],
  ['a function', () => ({})],
];

/** Keys no method accepts; "__proto__" is made an own key, as JSON.parse makes it. */
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', '', ' ', 'k'.repeat(10_000), ...ODD_STRINGS];
const EXTRA_VALUES: [string, unknown][] = [
  ['{ polluted: true }', { polluted: true }],
  ['null', null],
  ['an object nested 10,000 deep', deepObject(10_000)],
  ['a prototype-shaped object', { prototype: { polluted: true } }],
];

function withKey(base: Readonly<Record<string, unknown>>, key: string, value: unknown): Record<string, unknown> {
  // Spreading or assigning "__proto__" would set the prototype; defineProperty makes an own key.
  const input: Record<string, unknown> = { ...base };
  Object.defineProperty(input, key, { value, enumerable: true, writable: true, configurable: true });
  return input;
}

/** The object schema of a method; for a union of objects (analysis.exportCsv), the one `base` is of. */
function shapeOf(method: ApiMethod, base: Readonly<Record<string, unknown>>): Record<string, z.ZodType> {
  const schema = apiInputs[method] as unknown as z.ZodObject | { readonly options: readonly z.ZodObject[] };
  if ('shape' in schema) return schema.shape as Record<string, z.ZodType>;
  const chosen = schema.options.find((option) => option.safeParse(base).success);
  if (chosen === undefined) throw new Error(`The valid input of ${method} matches none of its schema's options.`);
  return chosen.shape as Record<string, z.ZodType>;
}

/**
 * At least `count` inputs for `method`, each invalid by construction: not an object, an unknown
 * key, a field of the wrong type or out of range, or a required field missing. Other fields may
 * carry odd (but allowed) strings, so the broken field is not the only thing a parser sees.
 */
export function malformedInputs(method: ApiMethod, base: Readonly<Record<string, unknown>>, seed: number, count: number): MalformedInput[] {
  const random: SeededRandom = seededRandom(seed);
  const shape = shapeOf(method, base);
  const fields = Object.keys(base);
  const required = Object.keys(shape).filter((name) => !shape[name]?.safeParse(undefined).success);
  const oddOthers = (input: Record<string, unknown>, except: string): Record<string, unknown> => {
    for (const name of fields) {
      if (name === except || random.below(2) === 0) continue;
      const kind = kindOf(name, base[name]);
      if (kind === 'id' || (kind === 'text' && name !== 'name')) input[name] = random.pick(ODD_STRINGS);
    }
    return input;
  };

  const all: MalformedInput[] = NOT_OBJECTS.map(([what, input]) => ({ what: `the input is ${what}`, input }));
  for (const key of EXTRA_KEYS) {
    for (const [what, value] of EXTRA_VALUES) all.push({ what: `an unknown key ${JSON.stringify(key.slice(0, 20))} holding ${what}`, input: oddOthers(withKey(base, key, value), '') });
  }
  for (const name of fields) {
    for (const [what, value] of wrongValues(kindOf(name, base[name]), name)) all.push({ what: `${name} is ${what}`, input: oddOthers({ ...base, [name]: value }, name) });
  }
  for (const name of required) {
    const input = oddOthers({ ...base }, name);
    delete input[name];
    all.push({ what: `${name} is missing`, input });
  }
  // Two things broken at once, drawn at random, until there are enough.
  const single = [...all];
  while (all.length < count) {
    const first = random.pick(single);
    const [key, [valueWhat, value]] = [random.pick(EXTRA_KEYS), random.pick(EXTRA_VALUES)];
    const input = typeof first.input === 'object' && first.input !== null && !Array.isArray(first.input) ? withKey(first.input as Record<string, unknown>, key, value) : first.input;
    all.push({ what: `${first.what}, and an unknown key ${JSON.stringify(key.slice(0, 20))} holding ${valueWhat}`, input });
  }
  return all;
}
