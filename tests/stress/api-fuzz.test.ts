import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { openNotebook, type Notebook } from '../../src/services/open-notebook';
import { apiMethods, type ApiMethod } from '../../src/shared/api-contract';
import type { ApiErrorCode, ApiResult } from '../../src/shared/api-result';
import { TOKEN_HEADER } from '../../src/shared/transport';
import { hashTree } from './support/file-tree';
import { makeTemplateNotebook } from './support/damaged-notebook';
import { malformedInputs, ODD_STRINGS, type MalformedInput } from './support/malformed-inputs';
import { rawRequest } from './support/raw-http';
import { validInputs } from './support/valid-inputs';

const INPUTS_PER_METHOD = 200;
const HTTP_SAMPLE_EVERY = 4;
const ERROR_CODES: readonly ApiErrorCode[] = ['invalid-input', 'unknown-method', 'not-found', 'conflict', 'storage-failed', 'source-unavailable', 'forbidden', 'internal'];

let root: string;
let dataDir: string;
let notebook: Notebook;
let bases: Readonly<Record<ApiMethod, Readonly<Record<string, unknown>>>>;
let prototypeKeys: string[];

beforeAll(async () => {
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  root = await mkdtemp(join(tmpdir(), 'notebook-api-fuzz-'));
  const template = await makeTemplateNotebook(root);
  dataDir = join(root, 'data');
  await cp(template.dir, dataDir, { recursive: true });
  notebook = await openNotebook({ dataDir, resourcesDir: template.resourcesDir, shell: 'browser' });
  const [highlightId] = Object.keys(template.state.highlights);
  const familyId = Object.keys(template.state.families).find((id) => template.state.families[id] === 'earlier family');
  const [memoId] = Object.keys(template.state.memos);
  if (highlightId === undefined || familyId === undefined || memoId === undefined) throw new Error('the template notebook lacks a highlight, family or memo');
  bases = validInputs({
    sourceId: 'new-jihadi-sphere',
    otherSourceId: 'us-weighs-cooperation',
    highlightId,
    tagId: 'group:taliban',
    otherTagId: 'group:haqqani-network',
    familyId,
    memoId,
    backupId: template.backupId,
  });
});

afterAll(async () => {
  await notebook.close();
  await rm(root, { recursive: true, force: true });
});

/** The dispatch result, or what it threw (which fails the test). */
async function call(method: string, input: unknown): Promise<ApiResult<unknown> | { thrown: string }> {
  try {
    return await notebook.dispatch(method, input);
  } catch (error) {
    return { thrown: error instanceof Error ? error.message : String(error) };
  }
}

const inputsOf = (method: ApiMethod, i: number): MalformedInput[] => malformedInputs(method, bases[method], 1000 + i, INPUTS_PER_METHOD);

/**
 * `input` as JSON if JSON carries it unchanged (no undefined, NaN, -0, BigInt...), so that the server
 * sees what dispatch saw; null otherwise, and for nesting deeper than JSON.stringify goes (the
 * raw-body cases send deeper nesting as text).
 */
function jsonSafe(input: unknown): string | null {
  const pending: [unknown, number][] = [[input, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop() ?? [null, 0];
    if (depth > 1_000) return null;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)) continue;
    if (Array.isArray(value)) pending.push(...(value as unknown[]).map((item): [unknown, number] => [item, depth + 1]));
    else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) pending.push(...Object.values(value).map((item): [unknown, number] => [item, depth + 1]));
    else return null;
  }
  return JSON.stringify(input);
}

describe('API input fuzzing', () => {
  it(`gives every method ${INPUTS_PER_METHOD} or more malformed inputs: none throws, each is refused as invalid, nothing changes`, async () => {
    const before = await hashTree(dataDir);
    const problems: string[] = [];
    let tried = 0;
    for (const [i, method] of apiMethods.entries()) {
      const inputs = inputsOf(method, i);
      expect(inputs.length, method).toBeGreaterThanOrEqual(INPUTS_PER_METHOD);
      for (const { what, input } of inputs) {
        tried++;
        const result = await call(method, input);
        if ('thrown' in result) problems.push(`${method}, ${what}: threw ${result.thrown}`);
        else if (result.ok) problems.push(`${method}, ${what}: was accepted`);
        else if (result.error.code !== 'invalid-input' || result.error.message === '' || !result.error.issues?.every((issue) => typeof issue === 'string'))
          problems.push(`${method}, ${what}: ${JSON.stringify(result.error).slice(0, 300)}`);
      }
    }
    console.info(`API fuzzing: ${tried} malformed inputs to ${apiMethods.length} methods, ${problems.length} problems`);
    expect(problems).toEqual([]);
    expect(await hashTree(dataDir)).toEqual(before);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 120_000);

  it('answers well-formed but odd ids that name nothing with a typed error, changing nothing', async () => {
    const before = await hashTree(dataDir);
    const problems: string[] = [];
    let tried = 0;
    for (const method of apiMethods) {
      const idFields = Object.keys(bases[method]).filter((name) => name.endsWith('Id') && name !== 'backupId');
      for (const odd of ODD_STRINGS) {
        if (idFields.length === 0) break;
        const input = { ...bases[method], ...Object.fromEntries(idFields.map((name) => [name, `${odd} (no such thing)`])) };
        tried++;
        const result = await call(method, input);
        if ('thrown' in result) problems.push(`${method} with ${JSON.stringify(odd)}: threw ${result.thrown}`);
        else if (!result.ok && (!ERROR_CODES.includes(result.error.code) || result.error.code === 'internal')) problems.push(`${method} with ${JSON.stringify(odd)}: ${JSON.stringify(result.error)}`);
      }
    }
    console.info(`API fuzzing: ${tried} odd ids naming nothing, ${problems.length} problems`);
    expect(tried).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    expect(await hashTree(dataDir)).toEqual(before);
  }, 60_000);

  it('refuses the same inputs, and malformed request bodies, over real HTTP', async () => {
    const rendererDir = join(root, 'renderer');
    await mkdir(rendererDir, { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Notebook</title>');
    const server: RunningServer = await startServer({ notebook, rendererDir, port: 0 });
    const { port } = server.address;
    const post = (body: string | Buffer) =>
      rawRequest({ port, method: 'POST', path: '/api', headers: { Host: `127.0.0.1:${port}`, [TOKEN_HEADER]: server.token, 'Content-Type': 'application/json' }, body });
    const before = await hashTree(dataDir);
    const problems: string[] = [];
    let sent = 0;
    try {
      for (const [i, method] of apiMethods.entries()) {
        const sample = inputsOf(method, i).filter((_, n) => n % HTTP_SAMPLE_EVERY === 0);
        for (const { what, input } of sample) {
          const text = jsonSafe(input);
          if (text === null) continue;
          sent++;
          const answer = await post(`{"method":${JSON.stringify(method)},"input":${text}}`);
          const result = JSON.parse(answer.body) as ApiResult<unknown>;
          if (answer.status !== 200 || result.ok || result.error.code !== 'invalid-input') problems.push(`${method}, ${what}: ${answer.status} ${answer.body.slice(0, 200)}`);
        }
      }
      const bodies: [string, string | Buffer, number][] = [
        ['an empty body', '', 400],
        ['not JSON', 'method=sources.list', 400],
        ['JSON cut short', '{"method":"sources.list","input":{', 400],
        ['a JSON array', '[]', 400],
        ['JSON null', 'null', 400],
        ['no method', '{"input":{}}', 400],
        ['a numeric method', '{"method":5,"input":{}}', 400],
        ['a method holding an object', '{"method":{"toString":"sources.list"},"input":{}}', 400],
        ['arrays nested 100,000 deep', `{"method":"sources.list","input":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 200],
        ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 400],
        ['a byte-order mark', `\uFEFF{"method":"sources.list","input":{}}`, 400],
        ['"__proto__" as the method', '{"method":"__proto__","input":{}}', 200],
        ['"constructor" as the method', '{"method":"constructor","input":{}}', 200],
        ['a method with a NUL', '{"method":"sources.list\\u0000","input":{}}', 200],
        ['no input', '{"method":"reading.set"}', 200],
        ['9 MiB of input', `{"method":"memos.create","input":{"title":"${'t'.repeat(9 * 1024 * 1024)}"}}`, 413],
      ];
      for (const [what, body, status] of bodies) {
        sent++;
        const answer = await post(body);
        const result = JSON.parse(answer.body) as ApiResult<unknown>;
        if (answer.status !== status || result.ok) problems.push(`${what}: ${answer.status} ${answer.body.slice(0, 200)}`);
      }
    } finally {
      await server.close();
    }
    console.info(`API fuzzing over HTTP: ${sent} requests, ${problems.length} problems`);
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(500);
    expect(await hashTree(dataDir)).toEqual(before);
  }, 120_000);
});
