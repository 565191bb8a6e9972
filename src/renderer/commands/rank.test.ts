import { describe, expect, it } from 'vitest';
import { rankCommands } from './rank';
import { COMMANDS } from './registry';

const titles = (query: string) => rankCommands(COMMANDS, query).map((command) => command.title);

describe('rankCommands', () => {
  it('puts the commands whose title starts with what was typed first', () => {
    expect(titles('theme').slice(0, 3)).toEqual(['Theme: Light', 'Theme: Dark', 'Theme: follow the system']);
    expect(titles('new memo')[0]).toBe('New memo');
  });

  it('finds a command by its keywords', () => {
    expect(titles('zoom')).toEqual(expect.arrayContaining(['Larger text', 'Smaller text']));
  });

  it('lists every command, in registry order, before anything is typed', () => {
    expect(rankCommands(COMMANDS, '  ')).toBe(COMMANDS);
    expect(titles('qqqxz')).toEqual([]);
  });
});
