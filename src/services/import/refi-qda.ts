import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { byteOrderMark } from '../../core/import/decode-text';
import { extensionOf } from '../../core/import/detect-format';
import type { ExtractedSource } from '../../core/import/extracted-source';
import { finishExtraction } from '../../core/import/finish-extraction';
import { ImportFailure } from '../../core/import/import-failure';
import { planRefiImport, type ExtractedRefiSource, type RefiImportPlan } from '../../core/import/refi-qda/plan-refi-import';
import { projectEntry } from '../../core/import/refi-qda/project-path';
import { readRefiProject } from '../../core/import/refi-qda/read-refi-project';
import type { XmlElement } from '../../core/import/refi-qda/refi-project';
import type { ConverterInput } from './converter';
import { convertText } from './text';
import { NotAZipError, openZipSafely } from './unzip-safely';

/** One text source of a project, made ready to be stored like an imported text file. */
export interface RefiSourceFile {
  readonly guid: string;
  /** `<source name>.txt`: the source's text is kept as its original file. */
  readonly fileName: string;
  readonly title: string;
  /** The text as the project holds it (its file under sources/, or inline text as UTF-8). */
  readonly bytes: Uint8Array;
  readonly extracted: ExtractedSource;
}

/** A project or codebook read in the import worker: what to add, and the sources' files. */
export interface ReadRefiQda {
  readonly plan: RefiImportPlan;
  readonly files: readonly RefiSourceFile[];
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Any namespace version or prefix (qda:Project, urn:QDA-XML:project:1.0 or 1.5) reads the same.
  removeNSPrefix: true,
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Character references (&#x1F600;) are text like any other.
  htmlEntities: true,
});

type OrderedNode = Readonly<Record<string, unknown>>;

function toElement(node: OrderedNode): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (name === undefined || name === '#text' || name.startsWith('?') || name.startsWith('!')) return null;
  const body = (node[name] ?? []) as readonly OrderedNode[];
  const attributes = (node[':@'] ?? {}) as Readonly<Record<string, string>>;
  return {
    name,
    attributes,
    children: body.map(toElement).filter((element): element is XmlElement => element !== null),
    text: body.map((part) => (typeof part['#text'] === 'string' ? part['#text'] : '')).join(''),
  };
}

/** Text files of a project are UTF-8 by the specification; a byte-order mark may say UTF-16. */
function decode(bytes: Uint8Array): string {
  const mark = byteOrderMark(bytes);
  return new TextDecoder(mark?.encoding ?? 'utf-8').decode(bytes.subarray(mark?.length ?? 0));
}

function parseXml(bytes: Uint8Array, what: string): XmlElement {
  const text = decode(bytes);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ImportFailure(`${what} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); nothing was imported.`);
  const root = (xml.parse(text) as OrderedNode[]).map(toElement).find((element) => element !== null);
  if (root === undefined || root === null) throw new ImportFailure(`${what} holds no XML element; nothing was imported.`);
  return root;
}

const DOCUMENT_EXTENSION = /\.(?:txt|text|docx?|pdf|rtf|odt|html?|md)$/i;

/** Reads a `.qdpx` project or `.qdc` codebook: its XML, its sources' texts, and where everything goes. */
export async function readRefiQda(input: ConverterInput): Promise<ReadRefiQda> {
  const { fileName, bytes, limits } = input;
  let root: XmlElement;
  let readEntry: (path: string) => Uint8Array | null = () => null;
  if (extensionOf(fileName) === 'qdc') {
    root = parseXml(bytes, `The codebook “${fileName}”`);
  } else {
    try {
      const zip = openZipSafely(bytes, limits);
      const qde = zip.names.find((name) => name.toLowerCase() === 'project.qde') ?? zip.names.find((name) => name.toLowerCase().endsWith('.qde'));
      if (qde === undefined) throw new ImportFailure(`“${fileName}” holds no project.qde, so it is not a REFI-QDA project; nothing was imported.`);
      root = parseXml(zip.read(qde) ?? new Uint8Array(), `The project.qde of “${fileName}”`);
      readEntry = (path) => {
        const entry = projectEntry(path, zip.names);
        return entry === null ? null : zip.read(entry);
      };
    } catch (error) {
      if (error instanceof NotAZipError) throw new ImportFailure(`“${fileName}” cannot be read as a REFI-QDA project: ${error.message}.`);
      throw error;
    }
  }
  const project = readRefiProject(root, (path) => {
    const data = readEntry(path);
    return data === null ? null : { text: decode(data), bytes: data };
  });
  const problems: string[] = [];
  const files: RefiSourceFile[] = [];
  const extracted: ExtractedRefiSource[] = [];
  for (const source of project.sources) {
    const bare = source.name.replace(/[/\\]/g, '-');
    const file = /\.txt$/i.test(bare) ? bare : `${bare}.txt`;
    const data = source.bytes ?? new TextEncoder().encode(source.text);
    try {
      const made = finishExtraction(await convertText({ bytes: data, fileName: file, limits }), file);
      files.push({ guid: source.guid, fileName: file, title: bare.replace(DOCUMENT_EXTENSION, '') || bare, bytes: data, extracted: made });
      extracted.push({ source, canonical: made.parsed.text });
    } catch (error) {
      if (!(error instanceof ImportFailure)) throw error;
      problems.push(`“${source.name}” was left out: ${error.message}`);
    }
  }
  const plan = planRefiImport(project, extracted);
  const all = [...problems, ...plan.problems];
  if (files.length === 0 && plan.families.length === 0 && plan.memos.length === 0) {
    throw new ImportFailure(`“${fileName}” holds no codes, text sources or notes that Notebook can import.${all.length === 0 ? '' : ` ${all.join(' ')}`}`);
  }
  return { plan: { ...plan, problems: all }, files };
}
