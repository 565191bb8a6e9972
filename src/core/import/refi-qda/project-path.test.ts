import { describe, expect, it } from 'vitest';
import { projectEntry } from './project-path';

describe('projectEntry', () => {
  const names = ['project.qde', 'Sources/A.txt', 'sources/b%20c.txt', 'notes/d.txt'];

  it('finds internal:// paths under sources/ in either case, relative paths, and files named from another disk', () => {
    expect(projectEntry('internal://A.txt', names)).toBe('Sources/A.txt');
    expect(projectEntry('internal://a.TXT', names)).toBe('Sources/A.txt');
    expect(projectEntry('./notes/d.txt', names)).toBe('notes/d.txt');
    expect(projectEntry('sources/b%20c.txt', names)).toBe('sources/b%20c.txt');
    expect(projectEntry('C:\\Users\\x\\Project\\sources\\A.txt', names)).toBe('Sources/A.txt');
    expect(projectEntry('internal://missing.txt', names)).toBeNull();
  });
});
