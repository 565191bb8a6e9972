import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { passageRanges } from '../src/core/search/passages';
import { tokenize } from '../src/core/search/tokenize';
import type { GeneratedSource } from './generate-corpus';

/**
 * The search libraries Notebook's index is compared with, on the same corpus and queries:
 * MiniSearch and FlexSearch, each indexing the same passages Notebook does (a passage is one of
 * their documents) with Notebook's tokeniser (so the same folding of case and diacritics). Neither matches phrases, so a phrase
 * query asks them for passages holding all its words and keeps those whose folded text holds the
 * phrase, as an application using them would have to.
 *
 * They are the benchmarks' dependencies only: bench/package.json lists them, and they are installed
 * into bench/node_modules (npm ci --prefix bench) the first time a benchmark needs them, so the
 * app's own install stays lean.
 */

const BENCH_DIR = fileURLToPath(new URL('./', import.meta.url));

/** Installs the peers from bench/package-lock.json when bench/node_modules lacks them. */
export function ensurePeersInstalled(): void {
  const installed = ['minisearch', 'flexsearch'].every((name) => existsSync(fileURLToPath(new URL(`./node_modules/${name}/package.json`, import.meta.url))));
  if (installed) return;
  process.stdout.write('Installing the search libraries the benchmarks compare with (npm ci --prefix bench)...\n');
  execFileSync('npm', ['ci', '--prefix', BENCH_DIR, '--ignore-scripts', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

export type QueryKind = 'single' | 'phrase' | 'prefix';

/** A search library as the benchmark drives it. */
export interface PeerIndex {
  readonly name: string;
  /** Ids of the passages matching a query (the phrase checked against the text). */
  search(query: string, kind: QueryKind): number[];
}

interface Passage {
  readonly id: number;
  readonly text: string;
}

/** The passages of every source, as Notebook's index cuts them. */
export function corpusPassages(sources: readonly GeneratedSource[]): Passage[] {
  const passages: Passage[] = [];
  for (const source of sources) for (const range of passageRanges(source.text, undefined)) passages.push({ id: passages.length, text: source.text.slice(range.start, range.end) });
  return passages;
}

const terms = (query: string): string[] => tokenize(query).map((token) => token.term);

// The peers are loaded by name at run time, so that type-checking and linting never need them installed.
interface MiniSearchLike {
  addAll(documents: readonly Passage[]): void;
  search(query: string, options: { prefix?: boolean; combineWith?: 'AND' | 'OR' }): { id: number }[];
}
type MiniSearchClass = new (options: {
  fields: string[];
  idField: string;
  processTerm: (term: string) => string | null;
  tokenize: (text: string) => string[];
}) => MiniSearchLike;

interface FlexIndexLike {
  add(id: number, text: string): void;
  search(query: string, options: { limit: number; suggest?: boolean }): number[];
}
type FlexIndexClass = new (options: { tokenize: 'strict' | 'forward'; encode: (text: string) => string[]; cache?: boolean }) => FlexIndexLike;

const importPeer = (name: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ new URL(`./node_modules/${name}/${name === 'minisearch' ? 'dist/es/index.js' : 'dist/flexsearch.bundle.module.min.mjs'}`, import.meta.url).href);

/** Keeps the passages whose folded text holds the phrase's words in order, next to each other. */
function phraseIn(passages: readonly Passage[], ids: readonly number[], phrase: readonly string[]): number[] {
  const wanted = phrase.join(' ');
  return ids.filter((id) => {
    const passage = passages[id];
    return passage !== undefined && terms(passage.text).join(' ').includes(wanted);
  });
}

/** Every passage the query matches: the peers are asked for all of them, as Notebook counts all. */
const ALL = 1_000_000;

export async function buildMiniSearch(passages: readonly Passage[]): Promise<PeerIndex> {
  const MiniSearch = (await importPeer('minisearch')).default as MiniSearchClass;
  const index = new MiniSearch({ fields: ['text'], idField: 'id', tokenize: (text) => terms(text), processTerm: (term) => term });
  index.addAll(passages);
  return {
    name: 'MiniSearch 7.2.0',
    search(query, kind) {
      const words = terms(query);
      const ids = index.search(words.join(' '), { prefix: kind === 'prefix', combineWith: 'AND' }).map((hit) => hit.id);
      return kind === 'phrase' ? phraseIn(passages, ids, words) : ids;
    },
  };
}

export async function buildFlexSearch(passages: readonly Passage[], kind: 'strict' | 'forward'): Promise<PeerIndex> {
  const Index = (await importPeer('flexsearch')).Index as FlexIndexClass;
  // FlexSearch matches prefixes only with a "forward" index, built separately.
  const index = new Index({ tokenize: kind, encode: terms, cache: false });
  for (const passage of passages) index.add(passage.id, passage.text);
  return {
    name: `FlexSearch 0.8.212 (${kind})`,
    search(query, queryKind) {
      const words = terms(query);
      const ids = index.search(words.join(' '), { limit: ALL });
      return queryKind === 'phrase' ? phraseIn(passages, ids, words) : ids;
    },
  };
}
