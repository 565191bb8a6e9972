import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ILevelsOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx';
import type { DocumentPlan, ListPlace, Nesting, PlanParagraph, PlanRun } from '../../core/memo/memo-document-plan';

/** Word's measure: twentieths of a point; 720 is half an inch, the usual step of an indent. */
const STEP = 720;
const HANGING = 360;
const LEVELS = 9;
const QUOTE_STYLE = 'Quote';
const CODE_FONT = 'Courier New';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
const BULLETS = ['•', '◦', '▪'] as const;

/**
 * A document plan as a .docx: the title in Word's Title style, headings in Heading 1–6, lists
 * numbered by Word (each list numbered apart), block quotes in an indented "Quote" style, and each
 * footnote a real Word footnote, which Word numbers and places at the foot of its page.
 */
export async function memoDocx(plan: DocumentPlan): Promise<Buffer> {
  const footnotes = Object.fromEntries(plan.footnotes.map((paragraphs, i) => [String(i + 1), { children: paragraphs.map((runs) => new Paragraph({ children: children(runs) })) }]));
  const document = new Document({
    title: plan.title,
    creator: 'Notebook',
    styles: {
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: STEP, right: STEP }, spacing: { before: 120, after: 120 } },
        },
      ],
    },
    numbering: { config: numberingConfig(plan.paragraphs) },
    footnotes,
    sections: [{ children: [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(plan.title)] }), ...plan.paragraphs.map(paragraph)] }],
  });
  return Packer.toBuffer(document);
}

/** A bullet list, and a numbered list per number a list starts at (Word keeps the start on the list's definition). */
function numberingConfig(paragraphs: readonly PlanParagraph[]): NumberingDefinition[] {
  const starts = new Set<number>([1]);
  for (const p of paragraphs) if (p.kind !== 'heading' && p.list?.ordered === true) starts.add(p.list.start);
  const levels = (level: (i: number) => Omit<ILevelsOptions, 'level' | 'style'>): ILevelsOptions[] =>
    Array.from({ length: LEVELS }, (_, i) => ({ level: i, alignment: AlignmentType.START, ...level(i), style: { paragraph: { indent: { left: STEP * (i + 1), hanging: HANGING } } } }));
  return [
    { reference: 'bullets', levels: levels((i) => ({ format: LevelFormat.BULLET, text: BULLETS[i % BULLETS.length] ?? '•' })) },
    ...[...starts].map((start) => ({ reference: orderedReference(start), levels: levels((i) => ({ format: LevelFormat.DECIMAL, text: `%${i + 1}.`, start: i === 0 ? start : 1 })) })),
  ];
}

const orderedReference = (start: number): string => `numbered-from-${start}`;

function paragraph(p: PlanParagraph): Paragraph {
  if (p.kind === 'heading') return new Paragraph({ heading: HEADINGS[Math.min(Math.max(p.level, 1), 6) - 1], children: children(p.runs) });
  const placed = placement(p);
  switch (p.kind) {
    case 'body':
      return new Paragraph({ ...placed, children: children(p.runs) });
    case 'code':
      return new Paragraph({ ...placed, children: p.lines.map((line, i) => new TextRun({ text: line, font: CODE_FONT, ...(i > 0 ? { break: 1 } : {}) })) });
    case 'rule':
      return new Paragraph({ ...placed, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } }, children: [] });
  }
}

/** The style, list number and indent of a paragraph from how it is nested. */
function placement({ quoteDepth, list }: Nesting): { style?: string; numbering?: { reference: string; level: number; instance: number }; indent?: { left: number; hanging?: number } } {
  const style = quoteDepth > 0 ? { style: QUOTE_STYLE } : {};
  if (list === null) return quoteDepth <= 1 ? style : { ...style, indent: { left: STEP * quoteDepth } };
  const left = STEP * (list.level + 1 + quoteDepth);
  // A list level indents its items itself; a quote inside an item, or an item's later paragraphs, are indented here.
  if (!list.marker) return { ...style, indent: { left } };
  return { ...style, numbering: numbering(list), ...(quoteDepth > 0 ? { indent: { left, hanging: HANGING } } : {}) };
}

function numbering(list: ListPlace): { reference: string; level: number; instance: number } {
  return { reference: list.ordered ? orderedReference(list.start) : 'bullets', level: Math.min(list.level, LEVELS - 1), instance: list.list };
}

function children(runs: readonly PlanRun[]): ParagraphChild[] {
  return runs.map((run): ParagraphChild => {
    if (run.kind === 'break') return new TextRun({ break: 1 });
    if (run.kind === 'footnote') return new FootnoteReferenceRun(run.footnote);
    const options = { text: run.text, bold: run.bold, italics: run.italic, ...(run.code ? { font: CODE_FONT } : {}) };
    if (run.link === null) return new TextRun(options);
    return new ExternalHyperlink({ link: run.link, children: [new TextRun({ ...options, style: 'Hyperlink' })] });
  });
}
