/**
 * The Markdown export read back by two readers of different families, CommonMark (markdown-it, as
 * Obsidian and GitHub read it) and Pandoc's Markdown (`pandoc -f markdown -t plain`), must give the
 * text the analyst typed: every character, in the same order, with no character reference in the
 * file. What Markdown cannot carry without one is left out and said here: spaces and tabs at the
 * ends of a line. Pandoc's own model also keeps a run of spaces or tabs between words as one
 * space, so its reading is compared with each run made one space.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { memoToMarkdown } from '../../src/core/memo/memo-to-markdown';
import type { MemoNode } from '../../src/core/model/memo';
import { contextOf, doc, hardBreak, memo, paragraph, text } from './support/memo-builders';
import { readMarkdown } from './support/read-markdown';

/** Typed paragraphs: each a list of lines (joined by hard line breaks, Shift+Enter in the editor). */
const TYPED: readonly (readonly string[])[] = [
  ['Two  spaces between words, and three   here.'],
  ['A trailing space   ', 'then a line after a hard break'],
  ['  Leading spaces on a line'],
  ['Stars *not emphasis* and 2*3*4, underscores _not_ and snake_case'],
  ['Brackets [not a link](x) and [^1] and ![no image](y.png)'],
  ['Angles <b>not bold</b> and <https://example.org> and a < b > c'],
  ['Ampersands & alone, &amp; &copy; &#32; &#x20; written as typed'],
  ['Backslashes \\ and \\* and a last one \\'],
  ['# not a heading'],
  ['1. not a list', '2) not one either'],
  ['> not a quote'],
  ['- not a list', '+ nor this', ': nor a definition', 'a. nor a Pandoc list', '(1) nor this'],
  ['Straight "quotes" and it\'s -- not a dash... nor an ellipsis'],
  ['Pandoc: ^super^ ~sub~ $math$ @citation {.attribute} | pipes |'],
  ['Non-breaking\u00a0space typed on purpose, and Taliban’s “curly” quotes'],
  ['Tabs\tinside', 'and ```fences``` and ~~~tildes'],
];

const typedMemo = memo(doc(...TYPED.map((lines): MemoNode => paragraph(...lines.flatMap((line, i) => (i === 0 ? [text(line)] : [hardBreak, text(line)]))))));
const exported = memoToMarkdown(typedMemo, contextOf([]));
const body = exported.slice(exported.indexOf('---\n', 4) + 4);

/** What Markdown can carry of a line: the line without spaces and tabs at its ends. */
const carried = (line: string): string => line.replace(/^[ \t]+|[ \t]+$/g, '');

describe('a memo exported as Markdown, read back', () => {
  it('writes no character reference', () => {
    // The typed "&amp;" and "&#32;" are there, their ampersands escaped: nothing else.
    expect(exported).not.toMatch(/(?<!\\)&#?[A-Za-z0-9]+;/u);
    expect(exported).toContain('\\&amp; \\&copy; &\\#32;');
  });

  it('gives back every typed paragraph to a CommonMark reader', () => {
    const blocks = readMarkdown(exported).blocks;
    expect(blocks.map((b) => b.text)).toEqual(TYPED.map((lines) => lines.map(carried).join('\n')));
    expect(blocks.every((b) => b.block === 'paragraph' && b.containers.length === 0)).toBe(true);
  });

  it('gives back every typed paragraph to Pandoc', () => {
    const plain = execFileSync('pandoc', ['-f', 'markdown', '-t', 'plain', '--wrap=none'], { input: body, encoding: 'utf8' });
    const paragraphs = plain.trimEnd().split('\n\n');
    const oneSpace = (value: string) => value.replace(/[ \t]{2,}|\t/g, ' ');
    expect(paragraphs).toEqual(TYPED.map((lines) => oneSpace(lines.map(carried).join('\n'))));
  });
});
