import { describe, expect, it } from 'vitest';
import { buildLines } from './build-lines';
import { item } from './test-items';

describe('buildLines', () => {
  it('puts runs on one baseline into one line, ordered by x, top line first', () => {
    const lines = buildLines([item('world', 40, 700), item('second line', 10, 688), item('hello ', 10, 700.4)]);
    expect(lines.map((line) => line.text)).toEqual(['hello world', 'second line']);
    expect(lines[0]).toMatchObject({ x: 10, y: 700.4, fontSize: 10 });
  });

  it('inserts a space where the PDF left a gap but drew none', () => {
    const lines = buildLines([item('word', 10, 700), item('gap', 10 + 20 + 3, 700), item('s', 10 + 20 + 3 + 15 + 0.5, 700)]);
    expect(lines[0]!.text).toBe('word gaps');
  });

  it('does not double a space the PDF drew', () => {
    const lines = buildLines([item('one ', 10, 700), item('two', 35, 700), item(' ', 50, 700), item('three', 58, 700)]);
    expect(lines[0]!.text).toBe('one two three');
  });

  it('keeps a superscript on the line of its baseline and measures the line by its body text', () => {
    const lines = buildLines([item('Claim', 10, 700), item('1', 35, 703.5, 6), item('next', 10, 688)]);
    expect(lines.map((line) => [line.text, line.fontSize, line.y])).toEqual([
      ['Claim1', 10, 700],
      ['next', 10, 688],
    ]);
  });

  it('splits a baseline at a gutter so the columns stay apart', () => {
    const lines = buildLines([item('left column text', 50, 700), item('right column text', 320, 700)]);
    expect(lines.map((line) => [line.text, line.x])).toEqual([
      ['left column text', 50],
      ['right column text', 320],
    ]);
    expect(lines[0]!.right).toBe(50 + 16 * 5);
  });

  it('gives each column its own baseline when their lines nearly align', () => {
    const lines = buildLines([item('left column text', 50, 528), item('right column text', 320, 532)]);
    expect(lines.map((line) => [line.text, line.y])).toEqual([
      ['left column text', 528],
      ['right column text', 532],
    ]);
  });

  it('cleans ligatures and drops blank runs', () => {
    expect(buildLines([item('\uFB01rst', 10, 700), item('   ', 10, 680), item('', 10, 670)]).map((line) => line.text)).toEqual(['first']);
  });

  it('marks a line bold only when all of it is bold', () => {
    const lines = buildLines([item('Bold', 10, 700, 10, { bold: true }), item('Mixed', 10, 680, 10, { bold: true }), item(' text', 35, 680)]);
    expect(lines.map((line) => line.bold)).toEqual([true, false]);
  });
});
