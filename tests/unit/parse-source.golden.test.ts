/**
 * Golden fixtures: tests/fixtures/blocks/<source file name without .txt>.json pins the block
 * structure parseSource gives each bundled source (kind and attributes, range, the start of the
 * text, marks as [kind, start, end, note or href]) and a hash of the whole canonical text, which
 * highlights anchor against. Any change to them changes where saved highlights point.
 *
 * After an intended change to the parser, regenerate the fixtures and read their diff:
 *   UPDATE_GOLDEN=1 npx vitest run tests/unit/parse-source.golden.test.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/core/document/parse-source';
import type { Block, InlineMark, ParsedSource } from '../../src/core/model/source';
import { readBundledSources } from './bundled-source-files';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/blocks/', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const EXCERPT_LENGTH = 60;

function excerpt(text: string): string {
  const cut = text.slice(0, EXCERPT_LENGTH);
  // Never end on half of a surrogate pair, which JSON would keep as an unreadable escape.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function markRow(mark: InlineMark): (string | number)[] {
  const row: (string | number)[] = [mark.kind, mark.range.start, mark.range.end];
  if (mark.kind === 'link') row.push(mark.href);
  if (mark.kind === 'footnoteRef') row.push(mark.note);
  return row;
}

function blockRow(block: Block, text: string): Record<string, unknown> {
  const { kind, level, depth, marker, note, target, trailer, range, marks } = block;
  const optional = { level, depth, marker, note, target, trailer };
  return {
    kind,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    range: [range.start, range.end],
    text: excerpt(text.slice(range.start, range.end)),
    marks: marks.map(markRow),
  };
}

function golden(file: string, format: string, parsed: ParsedSource) {
  return {
    file,
    format,
    textLength: parsed.text.length,
    textSha256: createHash('sha256').update(parsed.text).digest('hex'),
    blocks: parsed.blocks.map((block) => blockRow(block, parsed.text)),
  };
}

/** One block per line, so that a diff of a fixture reads block by block. */
function serialise(value: ReturnType<typeof golden>): string {
  const { blocks, ...head } = value;
  const headLines = Object.entries(head).map(([key, field]) => `  ${JSON.stringify(key)}: ${JSON.stringify(field)},`);
  const blockLines = blocks.map((block, i) => `    ${JSON.stringify(block)}${i < blocks.length - 1 ? ',' : ''}`);
  return ['{', ...headLines, '  "blocks": [', ...blockLines, '  ]', '}', ''].join('\n');
}

describe('parseSource golden fixtures', () => {
  for (const { meta, raw } of readBundledSources()) {
    it(`${meta.file} (${meta.format}) keeps its block structure`, () => {
      const path = `${FIXTURES_DIR}${meta.file.replace(/\.txt$/, '')}.json`;
      const actual = golden(meta.file, meta.format, parseSource(raw, meta.format));
      if (UPDATE) {
        mkdirSync(FIXTURES_DIR, { recursive: true });
        writeFileSync(path, serialise(actual));
      }
      if (!existsSync(path)) throw new Error(`No golden fixture at ${path}; create it with UPDATE_GOLDEN=1 npx vitest run tests/unit/parse-source.golden.test.ts`);
      expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  }
});
