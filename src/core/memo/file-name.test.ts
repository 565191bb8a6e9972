import { describe, expect, it } from 'vitest';
import { fileNameForTitle, MAX_FILE_NAME_BYTES } from './file-name';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

describe('fileNameForTitle', () => {
  it('keeps an ordinary title, adding the extension', () => {
    expect(fileNameForTitle('TTP and the Taliban’s pledge')).toBe('TTP and the Taliban’s pledge.md');
    expect(fileNameForTitle('Ways forward', '.txt')).toBe('Ways forward.txt');
  });

  it('turns characters Windows forbids, and control characters, into spaces', () => {
    expect(fileNameForTitle('What happened? <draft> a/b\\c: "x" | y*')).toBe('What happened draft a b c x y.md');
    expect(fileNameForTitle('tab\there\nnewline\u0000nul\u007fdel')).toBe('tab here newline nul del.md');
  });

  it('trims dots and spaces from both ends, so the file is neither hidden nor renamed by Windows', () => {
    expect(fileNameForTitle('  ..hidden memo. . ')).toBe('hidden memo.md');
  });

  it('appends "_" to a reserved device name, with or without an extension-like part', () => {
    expect(fileNameForTitle('CON')).toBe('CON_.md');
    expect(fileNameForTitle('nul')).toBe('nul_.md');
    expect(fileNameForTitle('com1.notes')).toBe('com1_.notes.md');
    expect(fileNameForTitle('LPT9 ')).toBe('LPT9_.md');
    expect(fileNameForTitle('Console')).toBe('Console.md');
    expect(fileNameForTitle('COM10')).toBe('COM10.md');
  });

  it('names an empty or unusable title "Untitled memo"', () => {
    expect(fileNameForTitle('')).toBe('Untitled memo.md');
    expect(fileNameForTitle(' ?*: ')).toBe('Untitled memo.md');
    expect(fileNameForTitle('...')).toBe('Untitled memo.md');
  });

  it('fits the byte limit without splitting a character, an emoji or a letter from its accent', () => {
    const long = 'Recommandation très détaillée 🇦🇫 '.repeat(10);
    const name = fileNameForTitle(long);
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name.endsWith('.md')).toBe(true);
    expect(long.startsWith(name.slice(0, -3))).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const flags = fileNameForTitle('🇦🇫'.repeat(40));
    expect(bytes(flags)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(flags).toBe(`${'🇦🇫'.repeat(14)}.md`);
    const accents = fileNameForTitle('e\u0301'.repeat(80));
    // NFC composes each into "é" (2 bytes): 58 of them and the extension fill 119 bytes.
    expect(accents).toBe(`${'é'.repeat(58)}.md`);
  });

  it('trims again after cutting, so a cut never leaves a trailing space or dot', () => {
    const name = fileNameForTitle(`${'a'.repeat(116)} .b`);
    expect(name).toBe(`${'a'.repeat(116)}.md`);
  });
});
