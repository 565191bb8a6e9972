import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleHighlight } from '../../../tests/unit/support/sample-highlight';
import { useTempDir } from '../../../tests/unit/support/temp-dir';
import { sourceId, tagId } from '../../core/model/ids';
import { DERIVED_FOLDER } from '../sources/source-catalogue';
import type { StoreNotice } from '../../shared/api-contract';
import { nodeStoreFs } from '../store/store-fs';
import { bucketOf } from './highlight-bucket';
import { HIGHLIGHTS_FOLDER, HighlightStore } from './highlight-store';
import { TAG_USAGE_FILE } from './tag-usage-summary';

const dir = useTempDir('highlight-store');
const REPORT = sourceId('report');
const ARTICLE = sourceId('article');

function storeAt(notices: StoreNotice[] = []): HighlightStore {
  return new HighlightStore({ fs: nodeStoreFs, dataDir: dir(), now: () => new Date('2026-11-22T18:00:00.000Z'), onNotice: (notice) => notices.push(notice) });
}

/** `count` highlights of `source`, written through a store as the services write them. */
async function seed(source: typeof REPORT, count: number) {
  const store = storeAt();
  const highlights = Array.from({ length: count }, (_, n) => sampleHighlight(source, n));
  for (const highlight of highlights) await store.update(source, bucketOf(highlight.id), (current) => [...current, highlight]);
  await store.settled();
  return highlights;
}

describe('HighlightStore', () => {
  it('loads one source’s files when that source is needed, without reading the other sources’', async () => {
    const onReport = await seed(REPORT, 40);
    await seed(ARTICLE, 3);
    // A damaged file of the other source would be reported (and moved aside) if it were read.
    await mkdir(join(dir(), HIGHLIGHTS_FOLDER, 'other'), { recursive: true });
    await writeFile(join(dir(), HIGHLIGHTS_FOLDER, 'other', '00.json'), '{"schemaVersion":1,"highlights":[');

    const notices: StoreNotice[] = [];
    const store = storeAt(notices);
    await store.loadSource(REPORT);
    expect(store.of(REPORT).map((h) => h.id).sort()).toEqual(onReport.map((h) => h.id).sort());
    expect(store.of(ARTICLE)).toEqual([]);
    expect(notices).toEqual([]);

    await store.load();
    expect(store.of(ARTICLE)).toHaveLength(3);
    expect(store.all()).toHaveLength(43);
    expect(notices).toMatchObject([{ kind: 'quarantined' }]);
  });

  it('lists a source with no highlights as empty, and a later write to it as written', async () => {
    const store = storeAt();
    await store.loadSource(ARTICLE);
    expect(store.of(ARTICLE)).toEqual([]);
    const highlight = sampleHighlight(ARTICLE, 1);
    await store.update(ARTICLE, bucketOf(highlight.id), () => [highlight]);
    await store.loadSource(ARTICLE);
    expect(store.of(ARTICLE)).toEqual([highlight]);
    expect(store.find(highlight.id)).toEqual(highlight);
  });

  describe('tag usage', () => {
    const TTP = tagId('group-ttp');
    const REC = tagId('rec-3');
    const damage = (source: string) => writeFile(join(dir(), HIGHLIGHTS_FOLDER, source, `${bucketOf(sampleHighlight(REPORT, 0).id)}.json`), '{"schemaVersion":1,"highlights":[');

    it('counts every source’s uses, then answers from the summary without reading highlights files', async () => {
      await seed(REPORT, 40);
      await seed(ARTICLE, 3);
      const first = storeAt();
      expect(await first.tagUsage()).toEqual(new Map([[TTP, 43], [REC, 43]]));
      await first.settled();

      // Were the report's files read, the damaged one would be reported and its highlights lost.
      await damage('report');
      const notices: StoreNotice[] = [];
      const second = storeAt(notices);
      expect(await second.tagUsage()).toEqual(new Map([[TTP, 43], [REC, 43]]));
      expect(notices).toEqual([]);
    });

    it('never trusts the summary for a source written after it, even if the summary was not saved again', async () => {
      await seed(REPORT, 10);
      const first = storeAt();
      await first.tagUsage();
      await first.settled();

      // A write, then a "crash": the store is dropped before its delayed save of the summary.
      const writer = storeAt();
      const added = sampleHighlight(REPORT, 99);
      await writer.update(REPORT, bucketOf(added.id), (current) => [...current, added]);

      expect(await storeAt().tagUsage()).toEqual(new Map([[TTP, 11], [REC, 11]]));
      await writer.settled();
      expect(await storeAt().tagUsage()).toEqual(new Map([[TTP, 11], [REC, 11]]));
    });

    it('still names the sources not written when a session only wrote highlights', async () => {
      await seed(REPORT, 6);
      await seed(ARTICLE, 2);
      const first = storeAt();
      await first.tagUsage();
      await first.settled();
      const writer = storeAt();
      const added = sampleHighlight(ARTICLE, 7);
      await writer.update(ARTICLE, bucketOf(added.id), (current) => [...current, added]);
      await writer.settled();

      await damage('report');
      const notices: StoreNotice[] = [];
      expect(await storeAt(notices).tagUsage()).toEqual(new Map([[TTP, 9], [REC, 9]]));
      expect(notices).toEqual([]);
    });

    it('counts from the files when the summary is missing or damaged', async () => {
      await seed(REPORT, 5);
      const first = storeAt();
      await first.tagUsage();
      await first.settled();
      await writeFile(join(dir(), DERIVED_FOLDER, TAG_USAGE_FILE), '{"schemaVersion":1,"sources":');
      expect(await storeAt().tagUsage()).toEqual(new Map([[TTP, 5], [REC, 5]]));
      await rm(join(dir(), DERIVED_FOLDER, TAG_USAGE_FILE));
      expect(await storeAt().tagUsage()).toEqual(new Map([[TTP, 5], [REC, 5]]));
    });

    it('keeps counts of a claimed source right as it is edited in the same session', async () => {
      await seed(REPORT, 4);
      const first = storeAt();
      await first.tagUsage();
      await first.settled();
      const store = storeAt();
      const target = sampleHighlight(REPORT, 2);
      await store.update(REPORT, bucketOf(target.id), (current) => current.map((h) => (h.id === target.id ? { ...h, tags: [] } : h)));
      expect(await store.tagUsage()).toEqual(new Map([[TTP, 3], [REC, 3]]));
      await store.settled();
      expect(await storeAt().tagUsage()).toEqual(new Map([[TTP, 3], [REC, 3]]));
    });
  });
});
