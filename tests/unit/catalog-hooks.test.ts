import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services/api';
import type { ArchivePort } from '../../electron/services/archive-port';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { Catalog } from '../../electron/services/catalog/catalog';
import { createArchive } from '../../electron/services/catalog/archive-service';
import { createConfSettings } from '../../electron/services/conf-settings';
import { readStory, writeStory } from '../../electron/services/edition-store';
import { LibraryStore } from '../../electron/services/library/store';
import { Workspace } from '../../electron/services/workspace';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import type { ArchiveHit } from '../../shared/contract/archive-schemas';
import { createHandler, type Handler } from '../../shared/contract/handle';
import { PhotoMeta } from '../../shared/document/schema';
import type { LibraryPhoto } from '../../shared/photo/library';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { RESOURCES, cleanupTemp, expectFail, expectOk, tempDir } from './helpers';

// archive:search through the contract, and the hooks that keep the catalogue current:
// a photo ingested and captioned through the channels is findable within 1 s (issue 16),
// a story saved is found after its debounce, and the live catalogue equals a rebuild.

const d = SHARED_FIXTURES ? describe : describe.skip;
if (!SHARED_FIXTURES) console.log(SHARED_FIXTURES_SKIP);

let root: string;
let archive: ArchivePort;
let handle: Handler;
let plain: Handler;

const search = async (query: string, extra: object = {}) => expectOk<{ hits: ArchiveHit[]; ready: boolean }>(await handle('archive:search', { query, ...extra }));

/** Polls the search (the catalogue opens in the background), up to `ms`. */
async function until(query: string, pred: (hits: ArchiveHit[]) => boolean, ms: number): Promise<ArchiveHit[]> {
  const t0 = performance.now();
  for (;;) {
    const r = await search(query);
    if (r.ready && pred(r.hits)) return r.hits;
    if (performance.now() - t0 > ms) return r.hits;
    await new Promise((res) => setTimeout(res, 20));
  }
}

beforeAll(async () => {
  const userData = await realpath(await tempDir('catalog-hooks'));
  const boot = await ensureWorkspace(userData, RESOURCES);
  root = boot.workspace.root;
  archive = createArchive(root, { error: (e) => { throw e; } });
  const ctx = { workspace: boot.workspace, settings: createConfSettings(userData), library: boot.library, host: 'browser' as const, version: 'test', defaultEdition: SAMPLE_EDITION_REF };
  handle = createHandler(createApi({ ...ctx, archive }), (e) => { throw e; });
  plain = createHandler(createApi(ctx), (e) => { throw e; });
}, 60_000);
afterAll(async () => {
  await archive?.close();
  await cleanupTemp();
});

d('archive:search and the save hooks', () => {
  it('finds the sample edition once the catalogue is built; refuses without a catalogue', async () => {
    const hits = await until('党参', (h) => h.length > 0, 20_000);
    expect(hits.map((h) => h.kind)).toEqual(expect.arrayContaining(['photo', 'story']));
    // The sample edition's photos are the library's files (same hash): one result each, placed.
    const photos = (await search('党参 育苗', { kind: 'photo' })).hits;
    expect(photos).toHaveLength(1);
    expect(photos[0]!.item).toMatch(/^photo:lib:/);
    expect(photos[0]!.placements.map((p) => p.pageNumber)).toEqual([1]);
    expectFail(await plain('archive:search', { query: '党参' }), 'ARCHIVE_UNAVAILABLE');
    expectFail(await handle('archive:search', { query: '党参', kind: 'video' }), 'INVALID_ARGUMENT');
  });

  it('a photo ingested and captioned through the channels is findable within 1 s', async () => {
    const bytes = await readFile(join(SHARED_FIXTURES!, 'photos', 'Canon_40D.jpg'));
    const added = expectOk<{ status: string; photo: LibraryPhoto }>(await handle('library:ingest', { name: 'Canon_40D.jpg', sourcePath: 'Canon_40D.jpg', bytes }));
    const meta = PhotoMeta.parse({ caption: { zh: '法中庄村的连翘花海', en: 'Forsythia fields at Fazhongzhuang village' }, keywords: ['连翘'] });
    const t0 = performance.now();
    expectOk(await handle('library:caption', { id: added.photo.id, meta }));
    const hits = await until('连翘', (h) => h.some((x) => x.ref === added.photo.id), 1000);
    const ms = performance.now() - t0;
    expect(hits[0]?.ref).toBe(added.photo.id);
    expect(ms).toBeLessThan(1000);
    expect((await search('forsythia', { kind: 'photo', placed: false })).hits.map((h) => h.ref)).toEqual([added.photo.id]);
  });

  it('a story saved is found after the debounce, and the live catalogue equals a rebuild', async () => {
    const story = expectOk<{ id: string; title: string }>(await handle('story:get', { edition: SAMPLE_EDITION_REF, storyId: 'story-2026' }));
    expectOk(await handle('story:put', { edition: SAMPLE_EDITION_REF, story: { ...story, title: '沁河湿地观鸟记' } }));
    const hits = await until('湿地 观鸟', (h) => h.length > 0, 5000);
    expect(hits[0]).toMatchObject({ kind: 'story', ref: 'story-2026' });
    await archive.close(); // waits for the queued updates; the file stays
    const { catalog: live } = await Catalog.open(root);
    const liveDump = live.dump();
    live.close();
    await Catalog.rebuild(root);
    const { catalog: fresh } = await Catalog.open(root);
    expect(liveDump).toEqual(fresh.dump());
    fresh.close();
  });

  it('an edition changed while the desk was closed is read again on the next start', async () => {
    const dir = join(root, SAMPLE_EDITION_REF);
    const story = await readStory(dir, 'story-2025');
    await writeStory(dir, { ...story, title: '太岳山红叶节' });
    archive = createArchive(root, { error: (e) => { throw e; } });
    const ctx = { workspace: new Workspace(root), settings: createConfSettings(join(root, '..')), library: new LibraryStore(root), host: 'browser' as const, version: 'test', defaultEdition: SAMPLE_EDITION_REF };
    handle = createHandler(createApi({ ...ctx, archive }), (e) => { throw e; });
    const hits = await until('红叶节', (h) => h.length > 0, 10_000);
    expect(hits[0]).toMatchObject({ kind: 'story', ref: 'story-2025' });
  });
});
