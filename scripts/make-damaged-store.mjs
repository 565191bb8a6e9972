// Writes the damaged-store corpus, tests/fixtures/damaged-store/: store files cut short, of the
// wrong types, from unknown schema versions, huge, or binary, each of which the notebook must open
// without crashing, moving the file aside with its bytes kept (tests/stress/damaged-store.test.ts).
// `node scripts/make-damaged-store.mjs` rewrites every file; the output is the same on every run.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const outDir = fileURLToPath(new URL('../tests/fixtures/damaged-store/', import.meta.url));

/** mulberry32, as tests/support/seeded-random.ts: the same bytes on every machine. */
function seededBytes(seed, length) {
  let state = seed >>> 0;
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return bytes;
}

// Well-formed files of each kind, as the store writes them, to cut and twist.
const notebook = {
  schemaVersion: 2,
  readingPositions: { 'andiana-new-jihadi-sphere-2025': { offset: 12000, updated: '2026-05-01T10:00:00.000Z' } },
  sourceVersions: {},
};
const tags = {
  schemaVersion: 1,
  families: [{ id: 'family:groups', name: 'Groups', kind: 'groups' }],
  tags: [{ id: 'group:taliban', familyId: 'family:groups', name: 'Taliban', color: '#b7852a', aliases: ['Islamic Emirate'], description: '', statedAt: null }],
};
const highlights = {
  schemaVersion: 1,
  highlights: [
    {
      id: '8c4ddf0e-e319-4b24-ae4c-8d0cc4c8a018',
      target: {
        sourceId: 'andiana-new-jihadi-sphere-2025',
        quote: { type: 'TextQuoteSelector', exact: 'the Taliban’s “Islamic Emirate”', prefix: 'under ', suffix: ' since' },
        position: { type: 'TextPositionSelector', start: 500, end: 531 },
        textHash: 'e2a5061625016d8dfb62e28f7590e15100bfc2688e14442268d650fc3ed6346d',
      },
      color: null,
      tags: [{ tagId: 'group:taliban' }],
      comment: 'Quoted in the memo — see § 2 🙂',
      created: '2026-05-01T10:00:00.000Z',
      modified: '2026-05-01T10:00:00.000Z',
    },
  ],
};
const memo = {
  schemaVersion: 1,
  memo: {
    id: '65096ab5-574a-4b71-a225-965b84a4b4cf',
    title: 'Recommandations — résumé',
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Les talibans 🙂 et l’État islamique.' }] }] },
    created: '2026-05-01T10:00:00.000Z',
    modified: '2026-05-01T10:00:00.000Z',
  },
  deleted: null,
};
const bases = { notebook, tags, highlights, memo };
const text = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
/** `bytes` cut where `at` (0..1) of the way through falls. */
const cut = (bytes, at) => bytes.subarray(0, Math.max(1, Math.floor(bytes.length * at)));
/** Cut inside the first multi-byte UTF-8 character, as a write cut short by a crash may leave it. */
const cutInsideCharacter = (bytes) => bytes.subarray(0, bytes.findIndex((b) => b >= 0xc0) + 1);

const fixtures = [];
const add = (category, name, what, bytes) => fixtures.push({ category, name, what, bytes });

for (const [kind, value] of Object.entries(bases)) {
  const whole = text(value);
  add('truncated', `${kind}-first-byte`, `a ${kind} file cut after its first byte`, cut(whole, 0));
  add('truncated', `${kind}-a-third`, `a ${kind} file cut a third of the way through`, cut(whole, 1 / 3));
  add('truncated', `${kind}-half`, `a ${kind} file cut half-way`, cut(whole, 1 / 2));
  add('truncated', `${kind}-last-byte-missing`, `a ${kind} file missing only its closing brace`, whole.subarray(0, whole.length - 1));
}
add('truncated', 'highlights-inside-character', 'a highlights file cut inside a multi-byte character', cutInsideCharacter(text(highlights)));
add('truncated', 'memo-inside-character', 'a memo file cut inside a multi-byte character', cutInsideCharacter(text(memo)));

add('wrong-types', 'top-level-array', 'a JSON array instead of an object', text('[{"schemaVersion":2}]'));
add('wrong-types', 'top-level-string', 'a JSON string', text('"notebook"'));
add('wrong-types', 'top-level-number', 'a JSON number', text('42'));
add('wrong-types', 'top-level-null', 'JSON null', text('null'));
add('wrong-types', 'top-level-true', 'JSON true', text('true'));
add('wrong-types', 'version-as-string', 'schemaVersion as a string', text({ ...notebook, schemaVersion: '2' }));
add('wrong-types', 'positions-as-array', 'reading positions as an array', text({ ...notebook, readingPositions: [12000] }));
add('wrong-types', 'negative-offset', 'a negative reading offset', text({ ...notebook, readingPositions: { report: { offset: -5, updated: '2026-05-01T10:00:00.000Z' } } }));
add('wrong-types', 'fractional-offset', 'a fractional reading offset', text({ ...notebook, readingPositions: { report: { offset: 1.5, updated: '2026-05-01T10:00:00.000Z' } } }));
add('wrong-types', 'families-as-object', 'tag families as an object', text({ ...tags, families: { groups: 'Groups' } }));
add('wrong-types', 'highlights-as-string', 'highlights as a string', text({ ...highlights, highlights: 'none' }));
add('wrong-types', 'position-as-strings', 'a highlight position given as strings', text(JSON.stringify(highlights).replace('"start":500,"end":531', '"start":"500","end":"531"')));
add('wrong-types', 'memo-doc-number', 'a memo body that is a number', text({ ...memo, memo: { ...memo.memo, doc: 42 } }));
add('wrong-types', 'memo-title-null', 'a memo title that is null', text({ ...memo, memo: { ...memo.memo, title: null } }));

add('schema-version', 'version-999', 'schemaVersion 999, from a much newer Notebook', text({ ...notebook, schemaVersion: 999 }));
add('schema-version', 'tags-version-2', 'tags at schemaVersion 2, from the next Notebook', text({ ...tags, schemaVersion: 2 }));
add('schema-version', 'memo-version-99', 'a memo at schemaVersion 99', text({ ...memo, schemaVersion: 99 }));
add('schema-version', 'version-0', 'schemaVersion 0', text({ ...notebook, schemaVersion: 0 }));
add('schema-version', 'version-negative', 'schemaVersion -1', text({ ...highlights, schemaVersion: -1 }));
add('schema-version', 'version-fraction', 'schemaVersion 1.5', text({ ...tags, schemaVersion: 1.5 }));
add('schema-version', 'version-missing', 'no schemaVersion at all', text({ readingPositions: notebook.readingPositions, sourceVersions: {} }));

add('huge', 'unterminated-string-1mb', 'a string running 1 MiB without its closing quote', text(`{"schemaVersion":2,"readingPositions":{"${'a'.repeat(1024 * 1024)}`));
add('huge', 'nested-100k', 'arrays nested 100,000 deep', text(`${'['.repeat(100_000)}${']'.repeat(100_000)}`));
add('huge', 'whitespace-512k', 'half a MiB of spaces and line breaks, then a stray brace', text(`${' \n\t\r'.repeat(128 * 1024)}}`));
add(
  'huge',
  'twenty-thousand-keys',
  'an object of 20,000 unknown keys',
  text({ schemaVersion: 2, ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`key-${i}`, { offset: i }])) }),
);

add('binary', 'random-64k', '64 KiB of random bytes', seededBytes(20260501, 64 * 1024));
add('binary', 'zeros-4k', '4 KiB of zero bytes, as a crash on some file systems leaves a file', Buffer.alloc(4096));
add('binary', 'zeros-after-json', 'the start of a memo file, then zero bytes to the end of its block', Buffer.concat([cut(text(memo), 1 / 2), Buffer.alloc(4096 - Math.floor(text(memo).length / 2))]));
add('binary', 'utf16-with-bom', 'a notebook.json saved as UTF-16 with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(notebook), 'utf16le')]));
add('binary', 'utf32-with-bom', 'a notebook.json saved as UTF-32 with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...[...JSON.stringify(notebook)].map((c) => Buffer.from([c.charCodeAt(0), 0, 0, 0]))]));
add('binary', 'invalid-utf8', 'a memo title holding bytes that are not UTF-8', Buffer.concat([text('{"schemaVersion":1,"memo":{"title":"'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), text('"}}')]));
add('binary', 'gzipped', 'a tags.json compressed with gzip', gzipSync(text(tags), { level: 9 }));
add('binary', 'png-header', 'the start of a PNG image', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), seededBytes(7, 256)]));
add('binary', 'nul-inside', 'a NUL byte in the middle of a highlights file', Buffer.concat([cut(text(highlights), 1 / 2), Buffer.from([0]), text(highlights).subarray(Math.floor(text(highlights).length / 2))]));

add('syntax', 'comments', 'JSON with // and /* */ comments', text(`// saved by hand\n{"schemaVersion":2, /* positions */ "readingPositions":{},"sourceVersions":{}}`));
add('syntax', 'trailing-comma', 'a trailing comma', text('{"schemaVersion":1,"families":[],"tags":[],}'));
add('syntax', 'nan-literal', 'NaN where a number goes', text('{"schemaVersion":2,"readingPositions":{"report":{"offset":NaN,"updated":"2026-05-01T10:00:00.000Z"}},"sourceVersions":{}}'));
add('syntax', 'single-quotes', 'single-quoted keys and strings', text("{'schemaVersion':1,'highlights':[]}"));
add('syntax', 'proto-key', 'a "__proto__" key that tries to reshape the object', text(`{"__proto__":{"schemaVersion":2,"polluted":true},${JSON.stringify(notebook).slice(1)}`));
add('syntax', 'duplicate-keys', 'schemaVersion given twice, the second of the wrong type', text(`{"schemaVersion":1,${JSON.stringify(tags).slice(1, -1)},"schemaVersion":"1"}`));
add('syntax', 'two-documents', 'two JSON documents one after the other, as an append would leave', text(`${JSON.stringify(highlights)}${JSON.stringify(highlights)}`));

await mkdir(outDir, { recursive: true });
for (const name of await readdir(outDir)) await rm(join(outDir, name));
const index = fixtures.map(({ category, name, what }, i) => ({ file: `${String(i + 1).padStart(2, '0')}-${name}.bytes`, category, what }));
await Promise.all(fixtures.map(({ bytes }, i) => writeFile(join(outDir, index[i].file), bytes)));
await writeFile(join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
process.stdout.write(`Wrote ${fixtures.length} damaged store files to ${outDir}\n`);
