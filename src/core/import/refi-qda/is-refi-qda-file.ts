import { extensionOf } from '../detect-format';
import { ImportFailure } from '../import-failure';

/**
 * A REFI-QDA project (`.qdpx`, a zip) or codebook (`.qdc`, XML). These bring many things at once
 * (sources, a code tree, codings, notes), so the import tells them apart from single-source files
 * before choosing a converter. A .qdpx that is not a zip is refused here with what it is not.
 */
export function isRefiQdaFile(fileName: string, bytes: Uint8Array): boolean {
  const extension = extensionOf(fileName);
  if (extension === 'qdc') return true;
  if (extension !== 'qdpx') return false;
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!zip) throw new ImportFailure('The file is named .qdpx but is not a REFI-QDA project (those are zip archives): it may be damaged, or another kind of file renamed.');
  return true;
}
