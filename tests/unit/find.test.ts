import { createHash } from 'node:crypto';
import { appendFile, readFile, realpath, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services/api';
import type { ArchivePort } from '../../electron/services/archive-port';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { Catalog } from '../../electron/services/catalog/catalog';
import { createArchive } from '../../electron/services/catalog/archive-service';
import { createConfSettings } from '../../electron/services/conf-settings';
import { readEdition, readStory } from '../../electron/services/edition-store';
import { readCaptionHistory, recordCaption, shownVersions } from '../../electron/services/find/caption-history';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import type { ArchiveStatus, PhotoProvenance } from '../../shared/contract/find-schemas';
import { createHandler, type Handler } from '../../shared/contract/handle';
import { PhotoMeta, type Edition, type Story } from '../../shared/document/schema';
import type { LibraryPhoto } from '../../shared/photo/library';
import { RESOURCES, cleanupTemp, expectFail, expectOk, tempDir } from './helpers';

// Stream find (issue 16) through the contract on the sample workspace: caption history and
// revert, a photo's provenance, a story and an edition photo copied from another edition,
// the catalogue's status and facets, and the live catalogue after these writes equal to a
// rebuild from the files.

let root: string;
let userData: string;
let archive: ArchivePort;
let handle: Handler;
let autumn: string;
let ctx: Omit<Parameters<typeof createApi>[0], 'archive'>;

const meta = (zh: string, en = '') => PhotoMeta.parse({ caption: { zh, en } });
async function ready(): Promise<ArchiveStatus> {
  for (const t0 = performance.now(); performance.now() - t0 < 20_000;) {
    const s = expectOk<ArchiveStatus>(await handle('archive:status', {}));
    if (s.ready) return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('catalogue not ready in 20 s');
}

/**
 * Edition updates are debounced (300 ms) and close() drops the pending ones (the next start
 * re-reads the editions): waits until the two story copies are in the catalogue.
 */
async function copiesIndexed(): Promise<void> {
  const autumnId = (await readEdition(join(root, autumn))).id;
  for (const t0 = performance.now(); performance.now() - t0 < 10_000;) {
    const r = expectOk<{ hits: unknown[] }>(await handle('archive:search', { query: '沁源', kind: 'story', editionId: autumnId }));
    if (r.hits.length === 2) return;
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error('the copies did not reach the catalogue in 10 s');
}

beforeAll(async () => {
  userData = await realpath(await tempDir('find'));
  const boot = await ensureWorkspace(userData, RESOURCES);
  root = boot.workspace.root;
  archive = createArchive(root, { error: (e) => { throw e; } });
  ctx = { workspace: boot.workspace, settings: createConfSettings(userData), library: boot.library, host: 'browser' as const, version: 'test', defaultEdition: SAMPLE_EDITION_REF };
  handle = createHandler(createApi({ ...ctx, archive }), (e) => { throw e; });
  autumn = expectOk<{ ref: string }>(await handle('edition:create', { title: '沁源秋收特刊', issueDate: '2026-10-01', size: 'broadsheet', pages: ['front', 'feature'] })).ref;
}, 60_000);
afterAll(async () => {
  await archive?.close();
  await cleanupTemp();
});

describe('caption history', () => {
  it('records each change (the replaced caption first), skips a save that changes nothing, reverts by entry', async () => {
    const photo = expectOk<LibraryPhoto[]>(await handle('library:list', {}))[0]!;
    const original = photo.meta;
    expectOk(await handle('library:caption', { id: photo.id, meta: { ...original, caption: { zh: '太岳山连翘', en: 'Forsythia' } } }));
    expectOk(await handle('library:caption', { id: photo.id, meta: { ...original, caption: { zh: '太岳山连翘', en: 'Forsythia' } } }));
    expectOk(await handle('library:caption-many', { items: [{ id: photo.id, meta: { ...original, caption: { zh: '灵空山连翘', en: 'Forsythia' } } }] }));
    let prov = expectOk<PhotoProvenance>(await handle('archive:provenance', { id: photo.id }));
    expect(prov.history.map((e) => [e.via, e.meta.caption.zh])).toEqual([['initial', original.caption.zh], ['caption', '太岳山连翘'], ['batch', '灵空山连翘']]);
    // Revert by position, its time as a check (the first change and the caption it replaced share a time).
    expectFail(await handle('library:caption-revert', { id: photo.id, index: 0, at: '2000-01-01T00:00:00.000Z' }), 'NOT_FOUND');
    const back = expectOk<LibraryPhoto>(await handle('library:caption-revert', { id: photo.id, index: 0, at: prov.history[0]!.at }));
    expect(back.meta.caption).toEqual(original.caption);
    prov = expectOk<PhotoProvenance>(await handle('archive:provenance', { id: photo.id }));
    expect(prov.history.map((e) => e.via)).toEqual(['initial', 'caption', 'batch', 'revert']);
  });

  it('a torn last line (a crash mid-append) is skipped and the next change starts on a line of its own', async () => {
    const lib = join(root, 'library');
    await recordCaption(lib, 'ph-torn', meta('一'), meta('二'), { via: 'caption' });
    await appendFile(join(lib, 'history', 'ph-torn.jsonl'), '{"at":"2026-12-01T0');
    expect((await readCaptionHistory(lib, 'ph-torn')).map((e) => e.meta.caption.zh)).toEqual(['一', '二']);
    await recordCaption(lib, 'ph-torn', meta('二'), meta('三'), { via: 'caption', user: 'wangfang' });
    const h = await readCaptionHistory(lib, 'ph-torn');
    expect(h.map((e) => e.meta.caption.zh)).toEqual(['一', '二', '三']);
    expect(h[2]!.user).toBe('wangfang');
    await expect(recordCaption(lib, '../escape', null, meta('x'), { via: 'caption' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('caption versions shown', () => {
  it('a run of autosaves while one person types shows as its last save; the file keeps every line', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 8, 0, s)).toISOString();
    const line = (s: number, zh: string, via: 'caption' | 'batch' | 'initial' = 'caption', user?: string) => ({ at: at(s), via, meta: meta(zh), ...(user ? { user } : {}) });
    const history = [line(0, '原', 'initial'), line(1, '沁'), line(3, '沁源'), line(5, '沁源县'), line(200, '沁源县城'), line(202, '沁源县城北', 'caption', 'wangfang'), line(204, '批量', 'batch')];
    expect(shownVersions(history).map((v) => [v.index, v.meta.caption.zh])).toEqual([[0, '原'], [3, '沁源县'], [4, '沁源县城'], [5, '沁源县城北'], [6, '批量']]);
  });
});

describe('copy from another edition', () => {
  it('a story: a new story with both versions and where it came from; older story files (no origin) still load', async () => {
    const src = await readStory(join(root, SAMPLE_EDITION_REF), 'story-2026');
    expect(src.origin).toBeUndefined();
    const r = expectOk<{ storyId: string; title: string }>(await handle('story:copy-from', { edition: autumn, from: SAMPLE_EDITION_REF, storyId: 'story-2026' }));
    const copy: Story = await readStory(join(root, autumn), r.storyId);
    const sample = await readEdition(join(root, SAMPLE_EDITION_REF));
    expect(copy).toMatchObject({ title: src.title, zh: src.zh, en: src.en, status: 'draft' });
    expect(copy.origin).toMatchObject({ editionId: sample.id, editionTitle: sample.title, editionRef: SAMPLE_EDITION_REF, issueDate: sample.issueDate, storyId: 'story-2026', storyTitle: src.title });
    // A second copy gets a title of its own.
    const again = expectOk<{ title: string }>(await handle('story:copy-from', { edition: autumn, from: SAMPLE_EDITION_REF, storyId: 'story-2026' }));
    expect(again.title).toBe(`${src.title}（2）`);
    expectFail(await handle('story:copy-from', { edition: autumn, from: SAMPLE_EDITION_REF, storyId: 'no-such-story' }), 'NOT_FOUND', 'STORY_MALFORMED');
  });

  it('an edition photo: copied byte for byte with its caption, reused when the same file is there', async () => {
    const sample = await readEdition(join(root, SAMPLE_EDITION_REF));
    const src = sample.photos.find((p) => !p.libraryId) ?? sample.photos[0]!;
    const r = expectOk<{ photo: Edition['photos'][number]; reused: boolean }>(await handle('edition:copy-photo-from', { edition: autumn, from: SAMPLE_EDITION_REF, photoId: src.id }));
    expect(r.reused).toBe(false);
    expect(r.photo.meta.caption).toEqual(src.meta.caption);
    const bytes = await readFile(join(root, autumn, r.photo.asset.file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.photo.asset.sha256);
    const ed = await readEdition(join(root, autumn));
    expect(ed.photos.map((p) => p.id)).toContain(r.photo.id);
    const twice = expectOk<{ photo: { id: string }; reused: boolean }>(await handle('edition:copy-photo-from', { edition: autumn, from: SAMPLE_EDITION_REF, photoId: src.id }));
    expect(twice).toMatchObject({ reused: true, photo: { id: r.photo.id } });
  });
});

describe('catalogue: status, provenance, rebuild', () => {
  it('status lists editions and photographers; provenance lists the pages a photo is placed on', async () => {
    const s = await ready();
    expect(s.editions.map((e) => e.title)).toEqual(expect.arrayContaining(['沁源秋收特刊']));
    expect(s.creators.length).toBeGreaterThan(0);
    const hit = expectOk<{ hits: { item: string; ref: string; placements: { pageNumber: number | null }[] }[] }>(await handle('archive:search', { query: '党参 育苗', kind: 'photo' })).hits[0]!;
    const prov = expectOk<PhotoProvenance>(await handle('archive:provenance', { id: hit.ref }));
    expect(prov.catalogue).toBe('ready');
    expect(prov.placements.map((p) => [p.editionRef, p.pageNumber])).toEqual([[SAMPLE_EDITION_REF, 1]]);
    // Part of a photographer's name is enough for the filter.
    const creator = s.creators[0]!;
    const byCreator = expectOk<{ hits: { creator: string }[] }>(await handle('archive:search', { query: '沁源', creator: creator.slice(0, 3) })).hits;
    expect(byCreator.length).toBeGreaterThan(0);
    expect(byCreator.every((h) => h.creator.includes(creator.slice(0, 3)))).toBe(true);
  });

  it('the filters the box offers: edition, date range, label, language', async () => {
    type Hits = { hits: { item: string; kind: string; editionId: string | null; date: string; label: string | null; lang: string }[] };
    const q = async (extra: object) => expectOk<Hits>(await handle('archive:search', { query: '沁源', limit: 200, ...extra })).hits;
    await copiesIndexed();
    const autumnId = (await readEdition(join(root, autumn))).id;
    const inAutumn = await q({ editionId: autumnId });
    expect(inAutumn.length).toBeGreaterThan(0);
    expect(inAutumn.every((h) => h.editionId === autumnId)).toBe(true);
    const october = await q({ from: '2026-10-01', to: '2026-10-31', kind: 'story' });
    expect(october.length).toBeGreaterThan(0);
    expect(october.every((h) => h.date.startsWith('2026-10'))).toBe(true);
    const photo = expectOk<{ hits: { ref: string }[] }>(await handle('archive:search', { query: '党参 育苗', kind: 'photo' })).hits[0]!;
    expectOk(await handle('library:mark', { ids: [photo.ref], label: 'red' }));
    for (const t0 = performance.now(); performance.now() - t0 < 5000;) {
      if ((await q({ label: 'red' })).length) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await q({ label: 'red' })).map((h) => h.item)).toEqual([`photo:lib:${photo.ref}`]);
    // English only: no Chinese story paragraph (photos carry both languages in one row).
    const english = await q({ lang: 'en' });
    expect(english.every((h) => h.lang !== 'zh')).toBe(true);
  });

  it('after copies, reverts and a new edition, the live catalogue equals a rebuild; a deleted one rebuilds on start with progress', async () => {
    await copiesIndexed();
    await archive.close();
    const { catalog: live } = await Catalog.open(root);
    const liveDump = live.dump();
    live.close();
    await rm(Catalog.file(root));
    const progress: [number, number][] = [];
    archive = createArchive(root, { progress: (d, t) => progress.push([d, t]), error: (e) => { throw e; } });
    handle = createHandler(createApi({ ...ctx, archive }), (e) => { throw e; });
    const s = await ready();
    expect(s).toMatchObject({ rebuilt: true, done: 2, total: 2 });
    expect(progress.at(-1)).toEqual([2, 2]);
    await archive.close();
    const { catalog: fresh } = await Catalog.open(root);
    expect(fresh.dump()).toEqual(liveDump);
    fresh.close();
  });
});
