import { parentPort } from 'node:worker_threads';
import type { SourceId } from '../../core/model/ids';
import type { Block } from '../../core/model/source';
import { createRelatedIndex, type RelatedIndex } from '../../core/related/related-index';
import { createSharedTextIndex, type SharedTextIndex } from '../../core/shared-text/shared-text-index';
import type { FromSharedTextWorker, ListedSource, SharedTextAnswers, ToSharedTextWorker } from './shared-text-worker-protocol';

/**
 * The shared-text worker: a thread holding the shared-text (twins) and related-passages indexes,
 * so that reading texts into them and comparing sources (seconds, the first time, over a large
 * library) never hold up the thread answering API calls. Each index reads a text only when a
 * question needs it: asking for twins does not read the library into the related-passages index.
 */

const port = parentPort;

/** What the two indexes have in common: they read texts. */
interface TextIndex {
  addSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  replaceSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  removeSource(sourceId: SourceId): boolean;
}

/** An index and the key of the text each source was read from. */
interface Kept<I extends TextIndex> {
  readonly index: I;
  readonly readKey: Map<SourceId, string>;
}

const shared: Kept<SharedTextIndex> = { index: createSharedTextIndex(), readKey: new Map() };
const related: Kept<RelatedIndex> = { index: createRelatedIndex(), readKey: new Map() };

/** The texts asked for, each answered by a 'text' or 'text-failed' message. */
const awaitedTexts = new Map<SourceId, Promise<ToSharedTextWorker>>();
const resolveText = new Map<SourceId, (message: ToSharedTextWorker) => void>();
/** Questions are answered one after another: each may wait for texts, and the indexes are not shared between two at once. */
let turn: Promise<void> = Promise.resolve();

const post = (message: FromSharedTextWorker): void => port?.postMessage(message);

/** Thrown when a text could not be read: the services hold the reason, and give it to the caller. */
class UnreadableText extends Error {}

function askForText(sourceId: SourceId): Promise<ToSharedTextWorker> {
  let awaited = awaitedTexts.get(sourceId);
  if (awaited === undefined) {
    awaited = new Promise((resolve) => resolveText.set(sourceId, resolve));
    awaitedTexts.set(sourceId, awaited);
    post({ type: 'want', sourceId });
  }
  return awaited;
}

/** Brings `kept` to the texts of `sources`: removed sources leave it, new and replaced texts are read, in library order. */
async function bringUpToDate(kept: Kept<TextIndex>, sources: readonly ListedSource[]): Promise<void> {
  const listed = new Set(sources.map((source) => source.sourceId));
  for (const sourceId of [...kept.readKey.keys()]) {
    if (listed.has(sourceId)) continue;
    kept.index.removeSource(sourceId);
    kept.readKey.delete(sourceId);
  }
  const unread = sources.filter((source) => kept.readKey.get(source.sourceId) !== source.key);
  for (const [i, source] of unread.entries()) {
    const answer = await askForText(source.sourceId);
    // The next text is read on the services' side while this one is taken in here.
    const next = unread[i + 1];
    if (next !== undefined) void askForText(next.sourceId);
    if (answer.type !== 'text') throw new UnreadableText(`The text of ${source.sourceId} could not be read.`);
    if (kept.readKey.has(source.sourceId)) kept.index.replaceSource(source.sourceId, answer.text, answer.blocks);
    else kept.index.addSource(source.sourceId, answer.text, answer.blocks);
    kept.readKey.set(source.sourceId, source.key);
  }
}

async function answer(question: Exclude<ToSharedTextWorker, { type: 'text' | 'text-failed' }>): Promise<SharedTextAnswers[keyof SharedTextAnswers]> {
  switch (question.type) {
    case 'twins':
      await bringUpToDate(shared, question.sources);
      return question.sourceId === null ? shared.index.twins() : shared.index.pairsOf(question.sourceId);
    case 'twin-range':
      await bringUpToDate(shared, question.sources);
      return shared.index.twinRange(question.from, question.to, question.range);
    case 'related':
      related.index.setGroupTags(question.groupTags);
      await bringUpToDate(related, question.sources);
      return related.index.related(question.sourceId, question.start, question.end, question.options);
  }
}

port?.on('message', (message: ToSharedTextWorker) => {
  if (message.type === 'text' || message.type === 'text-failed') {
    const resolve = resolveText.get(message.sourceId);
    resolveText.delete(message.sourceId);
    awaitedTexts.delete(message.sourceId);
    resolve?.(message);
    return;
  }
  turn = turn.then(async () => {
    try {
      post({ type: 'answer', id: message.id, answer: await answer(message) });
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      post({ type: 'failed', id: message.id, message: text, unreadable: error instanceof UnreadableText });
    }
  });
});
