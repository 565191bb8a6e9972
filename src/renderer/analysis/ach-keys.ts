import { ACH_RATINGS, type AchRating } from '../../core/model/ach';

/** A cell of the matrix: its row (evidence) and column (hypothesis), from 0. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** What a key pressed on a rating cell does. */
export type CellKeyAction =
  | { readonly kind: 'move'; readonly to: CellPosition }
  | { readonly kind: 'rate'; readonly rating: AchRating }
  | { readonly kind: 'clear' };

/**
 * The keyboard of the rating grid (one tab stop, arrow keys between cells, as an ARIA grid):
 * 1–5 rate the cell CC, C, N, I, II (Heuer's scale, most consistent first); Delete, Backspace or
 * 0 clear it; arrows move one cell, Home and End to the ends of the row, with Ctrl to the first
 * and last cell. Null for any other key, and for a move that would leave the grid, so the browser
 * keeps its own use of the key.
 */
export function cellKeyAction(key: string, ctrl: boolean, at: CellPosition, rows: number, columns: number): CellKeyAction | null {
  const rating = /^[1-5]$/.test(key) ? ACH_RATINGS[Number(key) - 1] : undefined;
  if (rating !== undefined) return { kind: 'rate', rating };
  if (key === 'Delete' || key === 'Backspace' || key === '0') return { kind: 'clear' };
  const to = target(key, ctrl, at, rows, columns);
  if (to === null || (to.row === at.row && to.column === at.column)) return null;
  return { kind: 'move', to };
}

function target(key: string, ctrl: boolean, { row, column }: CellPosition, rows: number, columns: number): CellPosition | null {
  switch (key) {
    case 'ArrowUp':
      return { row: Math.max(0, row - 1), column };
    case 'ArrowDown':
      return { row: Math.min(rows - 1, row + 1), column };
    case 'ArrowLeft':
      return { row, column: Math.max(0, column - 1) };
    case 'ArrowRight':
      return { row, column: Math.min(columns - 1, column + 1) };
    case 'Home':
      return ctrl ? { row: 0, column: 0 } : { row, column: 0 };
    case 'End':
      return ctrl ? { row: rows - 1, column: columns - 1 } : { row, column: columns - 1 };
    default:
      return null;
  }
}

/** The cell that keeps the grid's one tab stop: the one last focused if it is still there, else the first. */
export function clampCell(cell: CellPosition, rows: number, columns: number): CellPosition {
  return { row: Math.max(0, Math.min(rows - 1, cell.row)), column: Math.max(0, Math.min(columns - 1, cell.column)) };
}
