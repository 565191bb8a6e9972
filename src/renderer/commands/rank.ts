import { defaultFilter } from 'cmdk';
import type { Command } from './command';

/**
 * The commands that match what was typed, best first: cmdk's fuzzy score over the title and the
 * keywords (so "theme" finds "Theme: Dark" before "Show the memos"), ties kept in registry order.
 */
export function rankCommands(commands: readonly Command[], query: string): readonly Command[] {
  const wanted = query.trim();
  if (wanted === '') return commands;
  return commands
    .map((command, order) => ({ command, order, score: defaultFilter(command.title, wanted, [...(command.keywords ?? [])]) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ command }) => command);
}
