import { errorCode } from './store-fs';

/** Writing or reading a store file failed; the message says what, where, and what is still safe. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

const plainWords: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error on the disk',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the disk is read-only',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a file is in the way of a folder',
  EISDIR: 'a folder is in the way of the file',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'the file is in use',
  EEXIST: 'a file of that name already exists',
};

/** "no space left on device (ENOSPC)" for a Node file-system error, else its own message. */
export function describeFsError(error: unknown): string {
  const code = errorCode(error);
  const words = code === undefined ? undefined : plainWords[code];
  if (code !== undefined && words !== undefined) return `${words} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

export function saveFailed(label: string, path: string, cause: unknown): StorageError {
  return new StorageError(
    `Could not save ${label} to ${path}: ${describeFsError(cause)}. Nothing was lost: your last saved change is intact.`,
    path,
    errorCode(cause),
  );
}

export function readFailed(label: string, path: string, cause: unknown): StorageError {
  return new StorageError(
    `Could not read ${label} from ${path}: ${describeFsError(cause)}. The file was left as it is.`,
    path,
    errorCode(cause),
  );
}
