import { describe, expect, it } from 'vitest';
import { ImportFailure } from '../import-failure';
import { isRefiQdaFile } from './is-refi-qda-file';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('isRefiQdaFile', () => {
  it('tells projects and codebooks from single sources, refusing a .qdpx that is not a zip', () => {
    expect(isRefiQdaFile('Project.QDPX', bytes('PK\u0003\u0004rest'))).toBe(true);
    expect(isRefiQdaFile('codes.qdc', bytes('<CodeBook/>'))).toBe(true);
    expect(isRefiQdaFile('memo.docx', bytes('PK\u0003\u0004rest'))).toBe(false);
    expect(() => isRefiQdaFile('project.qdpx', bytes('<Project/>'))).toThrow(ImportFailure);
  });
});
