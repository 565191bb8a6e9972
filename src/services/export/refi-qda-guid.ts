import { createHash } from 'node:crypto';

/** Notebook's namespace for name-based GUIDs (RFC 9562 version 5): a fixed random UUID, never to change. */
const NOTEBOOK_NAMESPACE = Buffer.from('6f0b5c3e9d2a4e7b8c1f0a3d5e7b9c2d', 'hex');

/**
 * The GUID REFI-QDA gives a notebook record named by `key` ("tag:group:taliban"): a version 5 UUID,
 * the SHA-1 of Notebook's namespace and the key, so that every export gives a record the same GUID.
 */
export function refiQdaGuid(key: string): string {
  const hash = createHash('sha1').update(NOTEBOOK_NAMESPACE).update(key, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
