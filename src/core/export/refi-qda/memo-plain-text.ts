import { readCitationAttrs } from '../../memo/memo-schema';
import { CITATION_NODE, type MemoNode } from '../../model/memo';

/**
 * A memo's body as plain text, for programs that hold notes as text only: a blank line between
 * blocks, list items marked "•" or "1.", quotations and code indented, a rule as "———"; emphasis
 * and links are dropped (a link keeps its words), and a citation becomes its quote in quotation
 * marks followed by its source's title in brackets.
 */
export function memoPlainText(blocks: readonly MemoNode[], sourceTitle: (sourceId: string) => string | null): string {
  return blocksText(blocks, sourceTitle).join('\n\n');
}

function blocksText(blocks: readonly MemoNode[], sourceTitle: (sourceId: string) => string | null): string[] {
  return blocks.flatMap((block): string[] => {
    const inner = block.content ?? [];
    switch (block.type) {
      case 'bulletList':
      case 'orderedList': {
        const first = typeof block.attrs?.['start'] === 'number' ? block.attrs['start'] : 1;
        return [
          inner
            .map((item, i) => {
              const marker = block.type === 'bulletList' ? '•' : `${first + i}.`;
              const lines = blocksText(item.content ?? [], sourceTitle).join('\n').split('\n');
              return lines.map((line, j) => (j === 0 ? `${marker} ${line}` : `${' '.repeat(marker.length + 1)}${line}`)).join('\n');
            })
            .join('\n'),
        ];
      }
      case 'blockquote':
      case 'codeBlock': {
        const text = block.type === 'codeBlock' ? inlineText(inner, sourceTitle) : blocksText(inner, sourceTitle).join('\n\n');
        return [text.split('\n').map((line) => `    ${line}`).join('\n')];
      }
      case 'horizontalRule':
        return ['———'];
      default:
        return [inlineText(inner, sourceTitle)];
    }
  });
}

function inlineText(nodes: readonly MemoNode[], sourceTitle: (sourceId: string) => string | null): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '\n';
      if (node.type === CITATION_NODE) {
        const citation = readCitationAttrs(node.attrs);
        if (citation === null) return '';
        return `“${citation.quote}” [${sourceTitle(citation.sourceId) ?? 'a source no longer in the library'}]`;
      }
      return node.text ?? '';
    })
    .join('');
}
