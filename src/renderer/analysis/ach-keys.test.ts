import { describe, expect, it } from 'vitest';
import { cellKeyAction, clampCell } from './ach-keys';

const at = { row: 1, column: 1 };

describe('cellKeyAction', () => {
  it('rates with 1–5, most consistent first, and clears with Delete, Backspace or 0', () => {
    expect(['1', '2', '3', '4', '5'].map((key) => cellKeyAction(key, false, at, 3, 3))).toEqual(
      ['CC', 'C', 'N', 'I', 'II'].map((rating) => ({ kind: 'rate', rating })),
    );
    expect(['Delete', 'Backspace', '0'].map((key) => cellKeyAction(key, false, at, 3, 3)?.kind)).toEqual(['clear', 'clear', 'clear']);
    expect(cellKeyAction('6', false, at, 3, 3)).toBeNull();
    expect(cellKeyAction('a', false, at, 3, 3)).toBeNull();
  });

  it('moves one cell with the arrows and stops at the edges, leaving the key to the browser there', () => {
    expect(cellKeyAction('ArrowUp', false, at, 3, 3)).toEqual({ kind: 'move', to: { row: 0, column: 1 } });
    expect(cellKeyAction('ArrowDown', false, at, 3, 3)).toEqual({ kind: 'move', to: { row: 2, column: 1 } });
    expect(cellKeyAction('ArrowLeft', false, at, 3, 3)).toEqual({ kind: 'move', to: { row: 1, column: 0 } });
    expect(cellKeyAction('ArrowRight', false, at, 3, 3)).toEqual({ kind: 'move', to: { row: 1, column: 2 } });
    expect(cellKeyAction('ArrowUp', false, { row: 0, column: 0 }, 3, 3)).toBeNull();
    expect(cellKeyAction('ArrowRight', false, { row: 2, column: 2 }, 3, 3)).toBeNull();
  });

  it('goes to the ends of the row with Home and End, and of the grid with Ctrl', () => {
    expect(cellKeyAction('Home', false, at, 3, 4)).toEqual({ kind: 'move', to: { row: 1, column: 0 } });
    expect(cellKeyAction('End', false, at, 3, 4)).toEqual({ kind: 'move', to: { row: 1, column: 3 } });
    expect(cellKeyAction('Home', true, at, 3, 4)).toEqual({ kind: 'move', to: { row: 0, column: 0 } });
    expect(cellKeyAction('End', true, at, 3, 4)).toEqual({ kind: 'move', to: { row: 2, column: 3 } });
  });
});

describe('clampCell', () => {
  it('keeps the tab stop inside a grid that lost rows or columns', () => {
    expect(clampCell({ row: 4, column: 3 }, 2, 2)).toEqual({ row: 1, column: 1 });
    expect(clampCell({ row: 0, column: 1 }, 3, 3)).toEqual({ row: 0, column: 1 });
  });
});
