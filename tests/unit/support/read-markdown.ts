import MarkdownIt, { type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { parse as parseYaml } from 'yaml';

/**
 * Reads Markdown the way a reader of an exported memo would see it: markdown-it (with HTML,
 * tables and strikethrough on, so that anything left unescaped shows) and markdown-it-footnote.
 * Typographic replacement stays off, as in most renderers, so quotation marks come out as written.
 */
const markdown = new MarkdownIt({ html: true }).use(footnote);

/** A footnote reference as it appears in `RenderedBlock.text`. */
export const refMarker = (label: string): string => `⟦${label}⟧`;

/** A block of text as rendered: where it sits (containers outermost first) and its text. */
export interface RenderedBlock {
  /** e.g. ['blockquote'], ['bullet_list', 'list_item'], ['footnote'] */
  readonly containers: readonly string[];
  /** 'paragraph', 'h2', … */
  readonly block: string;
  /** The text as a person reads it: line breaks as "\n", footnote references as ⟦label⟧. */
  readonly text: string;
}

export interface RenderedMarkdown {
  readonly frontMatter: unknown;
  readonly blocks: readonly RenderedBlock[];
  /** Labels of the footnote references, in order of appearance. */
  readonly references: readonly string[];
  /** Labels of the footnotes defined (and so rendered). */
  readonly footnotes: readonly string[];
  readonly html: string;
}

const CONTAINERS: Readonly<Record<string, string>> = {
  blockquote_open: 'blockquote',
  bullet_list_open: 'bullet_list',
  ordered_list_open: 'ordered_list',
  list_item_open: 'list_item',
  footnote_open: 'footnote',
};

function inlineText(children: readonly Token[], references: string[]): string {
  return children
    .map((token) => {
      switch (token.type) {
        case 'text':
        case 'code_inline':
        case 'html_inline':
          return token.content;
        case 'softbreak':
        case 'hardbreak':
          return '\n';
        case 'footnote_ref': {
          const label = String((token.meta as { label?: string }).label);
          references.push(label);
          return refMarker(label);
        }
        default:
          return '';
      }
    })
    .join('');
}

/** Splits off the front matter (between the leading `---` lines) and parses it as YAML, then renders the rest. */
export function readMarkdown(file: string): RenderedMarkdown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(file);
  if (!match) throw new Error('The file does not begin with front matter between --- lines.');
  const body = file.slice(match[0].length);
  const env: Record<string, unknown> = {};
  const tokens = markdown.parse(body, env);
  const containers: string[] = [];
  const blocks: RenderedBlock[] = [];
  const references: string[] = [];
  let block = '';
  for (const token of tokens) {
    const container = CONTAINERS[token.type];
    if (container !== undefined) containers.push(container);
    else if (token.type.endsWith('_close') && CONTAINERS[token.type.replace(/_close$/, '_open')] !== undefined) containers.pop();
    else if (token.type.endsWith('_open')) block = token.tag === 'p' ? 'paragraph' : token.tag;
    else if (token.type === 'fence' || token.type === 'code_block') blocks.push({ containers: [...containers], block: 'code', text: token.content });
    else if (token.type === 'inline') blocks.push({ containers: [...containers], block, text: inlineText(token.children ?? [], references) });
  }
  const footnotes = tokens.filter((t) => t.type === 'footnote_open').map((t) => String((t.meta as { label?: string }).label));
  return { frontMatter: parseYaml(match[1] ?? ''), blocks, references, footnotes, html: markdown.render(body) };
}
