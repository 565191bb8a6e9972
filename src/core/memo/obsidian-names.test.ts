import { describe, expect, it } from 'vitest';
import { highlightBlockIds, obsidianTag, uniqueNoteNames } from './obsidian-names';

describe('uniqueNoteNames', () => {
  it('makes names every system and a wikilink accept, unique whatever the letter case', () => {
    expect(uniqueNoteNames(['A/B: c?', 'Report [draft] #2 ^x | y', 'con', 'Report', 'REPORT', 'report', '  trailing dots... ', 'LPT1.txt'])).toEqual([
      'A B c',
      'Report draft 2 x y',
      'con_',
      'Report',
      'REPORT (2)',
      'report (3)',
      'trailing dots',
      'LPT1_.txt',
    ]);
  });

  it('keeps a long title within the byte limit, its number too', () => {
    const [first = '', second = ''] = uniqueNoteNames(['é'.repeat(200), 'é'.repeat(200)]);
    expect(Buffer.byteLength(first)).toBeLessThanOrEqual(120);
    expect(second).toMatch(/ \(2\)$/);
    expect(Buffer.byteLength(second)).toBeLessThanOrEqual(120);
  });
});

describe('obsidianTag', () => {
  it('turns spaces and punctuation into dashes, keeps letters of any script, and never gives a number alone', () => {
    expect(obsidianTag('Al Qaeda')).toBe('Al-Qaeda');
    expect(obsidianTag('R1 · Enhanced Intelligence & Monitoring')).toBe('R1-Enhanced-Intelligence-Monitoring');
    expect(obsidianTag('TTP/Pakistan #core')).toBe('TTP-Pakistan-core');
    expect(obsidianTag('Ислам_Государство')).toBe('Ислам_Государство');
    expect(obsidianTag('2025')).toBe('tag-2025');
    expect(obsidianTag(' ?! ')).toBeNull();
  });
});

describe('highlightBlockIds', () => {
  it('takes the first eight letters and digits of each id, more where two ids share them', () => {
    const ids = highlightBlockIds(['9f1c2a3b-0000-4000-8000-000000000001', 'abcdefgh-1', 'abcdefgh-2x', 'abcdefgh-2y', 'A_B', 'a-b']);
    expect([...ids.values()]).toEqual(['h-9f1c2a3b', 'h-abcdefgh1', 'h-abcdefgh2x', 'h-abcdefgh2y', 'h-ab', 'h-ab-2']);
    for (const id of ids.values()) expect(id).toMatch(/^h-[a-z0-9]+(?:-\d+)?$/);
  });
});
