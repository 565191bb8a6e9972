import type { Brand } from './brand';

/** Offset in UTF-16 code units into a source's canonical text. */
export type CharOffset = Brand<number, 'CharOffset'>;
export type SourceId = Brand<string, 'SourceId'>;
export type HighlightId = Brand<string, 'HighlightId'>;
export type TagId = Brand<string, 'TagId'>;
export type FamilyId = Brand<string, 'FamilyId'>;
export type MemoId = Brand<string, 'MemoId'>;
/** An Analysis of Competing Hypotheses board. */
export type AchBoardId = Brand<string, 'AchBoardId'>;
/** A typed relation an analyst drew between two groups on the link chart. */
export type RelationId = Brand<string, 'RelationId'>;
/** Lower-case hex SHA-256 of a text. */
export type TextHash = Brand<string, 'TextHash'>;
/** A backup of the notebook: the UTC time it was taken, e.g. "2026-05-01T10-20-30.123Z". */
export type BackupId = Brand<string, 'BackupId'>;

export const charOffset = (n: number): CharOffset => n as CharOffset;
export const sourceId = (s: string): SourceId => s as SourceId;
export const highlightId = (s: string): HighlightId => s as HighlightId;
export const tagId = (s: string): TagId => s as TagId;
export const familyId = (s: string): FamilyId => s as FamilyId;
export const memoId = (s: string): MemoId => s as MemoId;
export const achBoardId = (s: string): AchBoardId => s as AchBoardId;
export const textHash = (s: string): TextHash => s as TextHash;
export const relationId = (s: string): RelationId => s as RelationId;
