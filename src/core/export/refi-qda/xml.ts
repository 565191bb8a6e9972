/**
 * Writing XML 1.0 by hand, safely: every text and attribute value passes through here, so markup
 * characters are escaped and the characters XML 1.0 cannot hold at all (most C0 controls, lone
 * surrogates, U+FFFE and U+FFFF) are dropped rather than producing a file no parser accepts.
 */

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 forbids, and with line ends as LF. */
export function xmlSafe(text: string): string {
  return text.replace(/\r\n?/gu, '\n').replace(NOT_XML, '');
}

/** Character data: markup characters escaped. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** An attribute value in double quotes: line ends and tabs as references, which attribute normalisation would otherwise turn into spaces. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/gu, '&quot;').replace(/\n/gu, '&#10;').replace(/\t/gu, '&#9;');
}

export type XmlAttrs = readonly (readonly [string, string | number | boolean | null | undefined])[];

/** An element and its content. Children are elements; `text` is character data. */
export interface XmlElement {
  readonly name: string;
  readonly attrs?: XmlAttrs;
  readonly children?: readonly XmlElement[];
  readonly text?: string;
}

export const el = (name: string, attrs: XmlAttrs = [], children: readonly XmlElement[] = []): XmlElement => ({ name, attrs, children });
export const textEl = (name: string, text: string): XmlElement => ({ name, text });

/**
 * The document: an XML declaration, then the root, children indented by two spaces. Character
 * data is written exactly, with no indentation added inside it. Attributes whose value is null or
 * undefined are left out.
 */
export function xmlDocument(root: XmlElement): string {
  const lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  const write = (node: XmlElement, depth: number): void => {
    const indent = '  '.repeat(depth);
    const attrs = (node.attrs ?? [])
      .filter((a): a is readonly [string, string | number | boolean] => a[1] !== null && a[1] !== undefined)
      .map(([name, value]) => ` ${name}="${xmlAttr(String(value))}"`)
      .join('');
    if (node.text !== undefined) {
      lines.push(`${indent}<${node.name}${attrs}>${xmlText(node.text)}</${node.name}>`);
      return;
    }
    const children = node.children ?? [];
    if (children.length === 0) {
      lines.push(`${indent}<${node.name}${attrs}/>`);
      return;
    }
    lines.push(`${indent}<${node.name}${attrs}>`);
    for (const child of children) write(child, depth + 1);
    lines.push(`${indent}</${node.name}>`);
  };
  write(root, 0);
  return `${lines.join('\n')}\n`;
}
