import { mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Document, ImageRun, Packer, Paragraph, HeadingLevel } from 'docx';
import { openNotebook } from '../src/services/open-notebook';
import { makeLongPdf } from '../tests/fixtures/import/make-pdf';
import { figure, megabytes, type Figure } from './bench-report';
import { BENCH_TMP } from './cached-folder';
import { BUNDLED_RESOURCES } from './generated-library';
import { timed } from './timing';

const repoRoot = resolve(import.meta.dirname, '..');
/** The built worker, as the app runs it (npm run bench builds first). */
const WORKER = { script: join(repoRoot, 'out', 'main', 'import-worker.js') };
const RUNS = 3;
const PING_EVERY_MS = 5;

interface ImportRun {
  readonly ms: number;
  /** The longest a notebook.status call waited for its answer while the import ran. */
  readonly longestPingMs: number;
  readonly pings: number;
}

/** A .docx of about 5 MB as analysts receive them: 40 pages of text, and a large picture (dropped on import). */
async function fiveMegabyteDocx(): Promise<Uint8Array> {
  const paragraphs: Paragraph[] = [];
  for (let section = 1; section <= 40; section++) {
    paragraphs.push(new Paragraph({ text: `Section ${section}: findings from the field`, heading: HeadingLevel.HEADING_1 }));
    for (let p = 0; p < 12; p++) {
      paragraphs.push(new Paragraph(`Paragraph ${p + 1} of section ${section}. The district council met twice in the quarter and recorded ${section * 7 + p} complaints about the new checkpoint regime; officials said the figures would be reviewed before the next budget round, and observers noted that none of the earlier reviews had been published.`));
    }
  }
  // Incompressible bytes, as a photograph's are: the picture makes up most of the file, as in a real report.
  const picture = Buffer.alloc(4_700_000);
  let state = 0x9e3779b9;
  for (let i = 0; i < picture.length; i++) {
    // xorshift32: bytes a zip cannot shrink, as a photograph's.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    picture[i] = state & 0xff;
  }
  paragraphs.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: picture, transformation: { width: 400, height: 300 } })] }));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

/** One import into a fresh notebook, with the API pinged all the while to see whether it waits. */
async function importOnce(fileName: string, bytes: Uint8Array): Promise<ImportRun> {
  const dataDir = await mkdtemp(join(BENCH_TMP, 'import-'));
  const notebook = await openNotebook({ dataDir, resourcesDir: BUNDLED_RESOURCES, shell: 'browser', importWorker: WORKER });
  try {
    await notebook.dispatch('sources.list', {});
    let importing = true;
    let longestPingMs = 0;
    let pings = 0;
    const pinging = (async () => {
      while (importing) {
        const start = performance.now();
        await notebook.dispatch('notebook.status', {});
        longestPingMs = Math.max(longestPingMs, performance.now() - start);
        pings++;
        await new Promise((done) => setTimeout(done, PING_EVERY_MS));
      }
    })();
    const run = await timed(() => notebook.dispatch('sources.import', { importId: 'bench', fileName, bytes }));
    importing = false;
    await pinging;
    if (!run.value.ok) throw new Error(`Importing ${fileName} failed: ${run.value.error.message}`);
    return { ms: run.ms, longestPingMs, pings };
  } finally {
    await notebook.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function measureImports(): Promise<Figure[]> {
  const pdf = await makeLongPdf(100);
  const docx = await fiveMegabyteDocx();
  const files = [
    { key: 'pdf-100', label: '100-page PDF', fileName: 'long-report.pdf', bytes: pdf },
    { key: 'docx-5mb', label: '5 MB Word document', fileName: 'field-report.docx', bytes: docx },
  ];
  const figures: Figure[] = [];
  let longestPing = 0;
  let pings = 0;
  for (const file of files) {
    const runs: ImportRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await importOnce(file.fileName, file.bytes));
    longestPing = Math.max(longestPing, ...runs.map((r) => r.longestPingMs));
    pings += runs.reduce((n, r) => n + r.pings, 0);
    figures.push(
      figure({
        id: `import-${file.key}`,
        measurement: `Import a ${file.label}`,
        scale: `${megabytes(file.bytes.length).toFixed(1)} MB file`,
        statistic: `median of ${RUNS} runs`,
        value: median(runs.map((r) => r.ms)),
        unit: 'ms',
        method: 'sources.import through the services into a fresh notebook: the file read in a worker thread, its original and text written durably, the source listed.',
        detail: { 'slowest run ms': Math.max(...runs.map((r) => r.ms)) },
      }),
    );
  }
  figures.push(
    figure({
      id: 'import-api-stall',
      measurement: 'Longest wait of an API call during an import',
      scale: files.map((f) => f.label).join(', '),
      statistic: `max of ${pings} pings`,
      value: longestPing,
      unit: 'ms',
      target: { max: 50, unit: 'ms' },
      method: `notebook.status sent every ${PING_EVERY_MS} ms through the same dispatch while each import above ran; the longest time one waited for its answer.`,
    }),
  );
  return figures;
}
