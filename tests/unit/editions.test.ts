import { readFile, readdir, realpath, rm, writeFile, mkdir } from 'node:fs/promises';
import { writeJsonAtomic } from '../../electron/services/atomic-write';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services/api';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import { readEdition } from '../../electron/services/edition-store';
import { folderStem } from '../../electron/services/editions/folder-name';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import { moveToTrash } from '../../electron/services/trash';
import type { Workspace } from '../../electron/services/workspace';
import { createHandler, type Handler } from '../../shared/contract/handle';
import type { EditionSummary } from '../../shared/contract/contract';
import type { TrashItem } from '../../shared/contract/edition-schemas';
import type { Edition, Page } from '../../shared/document/schema';
import { RESOURCES, cleanupTemp, expectFail, expectOk, tempDir, treeHash } from './helpers';

// Editions managed from the UI (issue 10 item 1), through the one handle() on real
// workspaces: one empty (started with noSample), one with the sample edition.

let ws: Workspace;
let handle: Handler;
let sampleWs: Workspace;
let sampleHandle: Handler;

async function boot(tag: string, noSample: boolean) {
  const userData = await realpath(await tempDir(tag));
  const b = await ensureWorkspace(userData, RESOURCES, { noSample });
  const api = createApi({ workspace: b.workspace, settings: createConfSettings(userData), library: b.library, host: 'browser', version: 'test', defaultEdition: b.defaultEdition });
  return { b, handle: createHandler(api, (e) => { throw e; }) };
}

const pagesOf = async (w: Workspace, ref: string): Promise<Page[]> => expectOk<Page[]>(await (w === ws ? handle : sampleHandle)('page:list', { edition: ref }));

beforeAll(async () => {
  const empty = await boot('editions', true);
  expect(empty.b.defaultEdition).toBeNull();
  ws = empty.b.workspace;
  handle = empty.handle;
  const withSample = await boot('editions-sample', false);
  sampleWs = withSample.b.workspace;
  sampleHandle = withSample.handle;
}, 120_000);
afterAll(cleanupTemp);

describe('new editions', () => {
  it('starts empty with noSample: no edition, nothing in the trash', async () => {
    expect(expectOk(await handle('edition:list', {}))).toEqual([]);
    expect(expectOk(await handle('trash:list', {}))).toEqual([]);
    // Only the photo library's folder (made by the start-up repair's reconcile), no edition.
    expect((await readdir(ws.root)).filter((n) => n !== 'library')).toEqual([]);
  });

  it('starts empty with EDITION_DESK_NO_SAMPLE=1 too, and with the sample without it', async () => {
    const a = await realpath(await tempDir('no-sample-env'));
    process.env['EDITION_DESK_NO_SAMPLE'] = '1';
    try {
      const r = await ensureWorkspace(a, RESOURCES);
      expect([r.defaultEdition, await r.workspace.listEditionRefs()]).toEqual([null, []]);
    } finally {
      delete process.env['EDITION_DESK_NO_SAMPLE'];
    }
    // The sample still comes on a normal first start (sampleWs above).
    expect(await sampleWs.listEditionRefs()).toEqual([SAMPLE_EDITION_REF]);
  });

  it('creates a 对开 edition from templates under a folder named for its Chinese title', async () => {
    const { ref } = expectOk<{ ref: string }>(await handle('edition:create', { title: '沁源两会特刊 2027', issueDate: '2027-03-05', size: 'broadsheet', pages: ['front', 'feature'] }));
    expect(ref).toBe('沁源两会特刊 2027.edition');
    const ed = expectOk<Edition>(await handle('edition:open', { edition: ref }));
    expect(ed).toMatchObject({ title: '沁源两会特刊 2027', issueDate: '2027-03-05', pageSize: { preset: 'broadsheet', widthMm: 390, heightMm: 545 }, photos: [] });
    const pages = await pagesOf(ws, ref);
    expect(pages.map((p) => [p.id, p.number, p.name])).toEqual([['page-1', 1, '特刊封面（报头）'], ['page-2', 2, '专题内页']]);
    expect(pages[0]!.blocks.some((b) => b.kind === 'masthead')).toBe(true);
    expect(pages[1]!.blocks.filter((b) => b.kind === 'story').length).toBeGreaterThan(0);
    expect(await readdir(join(ws.root, ref, 'stories')).catch(() => [])).toEqual([]);
    const list = expectOk<EditionSummary[]>(await handle('edition:list', {}));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ ref, title: '沁源两会特刊 2027', issueDate: '2027-03-05', pageCount: 2 });
    expect(Date.now() - Date.parse(list[0]!.updatedAt!)).toBeLessThan(60_000);
    // No staging folder is left behind.
    expect((await readdir(ws.root)).filter((n) => n.startsWith('.staging'))).toEqual([]);
  });

  it('gives every edition its own safe folder name', async () => {
    const make = async (title: string, size = 'a4') => expectOk<{ ref: string }>(await handle('edition:create', { title, issueDate: '2027-01-01', size, pages: ['photo'] })).ref;
    expect(await make('沁源两会特刊 2027')).toBe('沁源两会特刊 2027-2.edition');
    expect(await make('沁源两会特刊 2027')).toBe('沁源两会特刊 2027-3.edition');
    expect(await make('两会/特刊: 第1期?')).toBe('两会 特刊 第1期.edition');
    expect(await make('..')).toBe('edition.edition');
    expect(await make('CON')).toBe('_CON.edition');
    expect(folderStem('  .hidden.edition  ')).toBe('hidden');
    expect([...folderStem('长'.repeat(300))].length).toBe(60);
    const a4 = expectOk<Edition>(await handle('edition:open', { edition: '_CON.edition' }));
    expect(a4.pageSize).toMatchObject({ preset: 'a4', widthMm: 210, heightMm: 297 });
    // Bad input is refused before anything is written.
    const before = await readdir(ws.root);
    expectFail(await handle('edition:create', { title: '', issueDate: '2027-01-01', size: 'a4', pages: ['front'] }), 'INVALID_ARGUMENT');
    expectFail(await handle('edition:create', { title: 'x', issueDate: '2027-02-30', size: 'a4', pages: ['front'] }), 'INVALID_ARGUMENT');
    expectFail(await handle('edition:create', { title: 'x', issueDate: '2027-02-01', size: 'a4', pages: [] }), 'INVALID_ARGUMENT');
    expectFail(await handle('edition:create', { title: 'x', issueDate: '2027-02-01', size: 'b5', pages: ['front'] }), 'INVALID_ARGUMENT');
    expect(await readdir(ws.root)).toEqual(before);
  });

  it('makes a new edition from an existing one: pages and styles kept, stories and photos dropped', async () => {
    const src = sampleWs.pathFor(SAMPLE_EDITION_REF);
    const source = await readEdition(src);
    const srcPages = await pagesOf(sampleWs, SAMPLE_EDITION_REF);
    expect(srcPages.some((p) => p.blocks.some((b) => b.storyId))).toBe(true);
    expect(srcPages.some((p) => p.blocks.some((b) => b.photoId))).toBe(true);
    const { ref } = expectOk<{ ref: string }>(await sampleHandle('edition:create-from', { source: SAMPLE_EDITION_REF, title: '沁源两会特刊 2027', issueDate: '2027-03-05' }));
    const ed = expectOk<Edition>(await sampleHandle('edition:open', { edition: ref }));
    expect(ed.id).not.toBe(source.id);
    expect(ed).toMatchObject({ title: '沁源两会特刊 2027', issueDate: '2027-03-05', pageSize: source.pageSize, pages: source.pages, photos: [] });
    const pages = await pagesOf(sampleWs, ref);
    expect(pages).toHaveLength(srcPages.length);
    for (const [i, p] of pages.entries()) {
      const s = srcPages[i]!;
      expect(p.grid).toEqual(s.grid);
      expect(p.blocks.map((b) => [b.id, b.kind, b.col, b.span, b.yMm, b.hMm, b.text ?? ''])).toEqual(s.blocks.map((b) => [b.id, b.kind, b.col, b.span, b.yMm, b.hMm, b.text ?? '']));
      expect(p.blocks.filter((b) => b.storyId || b.photoId)).toEqual([]);
    }
    expect(existsSync(join(sampleWs.root, ref, 'stories'))).toBe(false);
    expect(await readdir(join(sampleWs.root, ref, 'assets'))).toEqual([]);
  });
});

describe('rename, duplicate, delete and restore', () => {
  const REF = '沁源两会特刊 2027.edition';

  it('renames the title and keeps the folder', async () => {
    expectOk(await handle('edition:rename', { edition: REF, title: '沁源县两会特刊（2027）' }));
    expect((await readEdition(ws.pathFor(REF))).title).toBe('沁源县两会特刊（2027）');
    expect(existsSync(ws.pathFor(REF))).toBe(true);
    expectFail(await handle('edition:rename', { edition: REF, title: '  ' }), 'INVALID_ARGUMENT');
    expectFail(await handle('edition:rename', { edition: '../x.edition', title: 'y' }), 'INVALID_ARGUMENT', 'PATH_OUTSIDE_WORKSPACE');
  });

  it('duplicates every file but the exports, with a new id and title', async () => {
    const dir = ws.pathFor(REF);
    await mkdir(join(dir, 'exports', '20270305-120000'), { recursive: true });
    await writeFile(join(dir, 'exports', '20270305-120000', 'x.pdf'), 'pdf');
    const { ref } = expectOk<{ ref: string }>(await handle('edition:duplicate', { edition: REF, title: '沁源县两会特刊（2027）副本' }));
    expect(ref).toBe('沁源县两会特刊（2027）副本.edition');
    const a = await treeHash(dir);
    const b = await treeHash(ws.pathFor(ref));
    const docs = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).filter(([k]) => !k.startsWith('exports') && k !== 'edition.json'));
    expect(docs(b)).toEqual(docs(a));
    expect(Object.keys(b).filter((k) => k.startsWith('exports'))).toEqual([]);
    const copy = await readEdition(ws.pathFor(ref));
    const orig = await readEdition(dir);
    expect(copy.id).not.toBe(orig.id);
    expect({ ...copy, id: orig.id, title: orig.title }).toEqual(orig);
  });

  it('duplicates an edition while its stories are being written (temp files skipped, no ENOENT)', async () => {
    // A shared edition's write-back or an autosave writes a temp file and renames it over the
    // story (atomic-write.ts) while the copy walks the folder: each duplicate must succeed and
    // hold no temp file. (CI met this race once: INTERNAL, ENOENT on a .story-….tmp.)
    const dir = sampleWs.pathFor(SAMPLE_EDITION_REF);
    const storyFile = join(dir, 'stories', (await readdir(join(dir, 'stories'))).find((n) => n.endsWith('.json'))!);
    const story = JSON.parse(await readFile(storyFile, 'utf8')) as Record<string, unknown>;
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        await writeJsonAtomic(storyFile, { ...story, updatedAt: new Date(Date.now() + writes).toISOString() });
        writes++;
      }
    })();
    // A leftover temp file (a crash mid-write) is not content either.
    await writeFile(join(dir, 'stories', '.left.json.0123456789ab.tmp'), '{');
    const made: string[] = [];
    try {
      for (let i = 0; i < 12; i++) made.push(expectOk<{ ref: string }>(await sampleHandle('edition:duplicate', { edition: SAMPLE_EDITION_REF, title: `并发副本 ${i}` })).ref);
    } finally {
      writing = false;
      await writer;
    }
    expect(writes).toBeGreaterThan(12);
    for (const ref of made) {
      const names = await readdir(join(sampleWs.pathFor(ref), 'stories'));
      expect(names.filter((n) => n.endsWith('.tmp')), ref).toEqual([]);
      expect(names).toContain(storyFile.split('/').pop());
      expect(expectOk<unknown[]>(await sampleHandle('story:list', { edition: ref })).length).toBeGreaterThan(0);
    }
    await Promise.all(made.map((ref) => rm(sampleWs.pathFor(ref), { recursive: true })));
    await rm(join(dir, 'stories', '.left.json.0123456789ab.tmp'));
  });

  it('deletes into the trash and restores byte-identical files (sha256 of every file)', async () => {
    const dir = ws.pathFor(REF);
    const before = await treeHash(dir);
    const { trashId } = expectOk<{ trashId: string }>(await handle('edition:delete', { edition: REF }));
    expect(existsSync(dir)).toBe(false);
    expect(expectOk<EditionSummary[]>(await handle('edition:list', {})).map((e) => e.ref)).not.toContain(REF);
    const trash = expectOk<TrashItem[]>(await handle('trash:list', {}));
    expect(trash[0]).toMatchObject({ id: trashId, kind: 'edition', title: '沁源县两会特刊（2027）' });
    // While it is in the trash, its folder name is not given to a new edition.
    const { ref: other } = expectOk<{ ref: string }>(await handle('edition:create', { title: '沁源两会特刊 2027', issueDate: '2027-01-01', size: 'a4', pages: ['front'] }));
    expect(other).not.toBe(REF);
    expect(expectOk(await handle('trash:restore', { id: trashId }))).toEqual({ kind: 'edition', edition: REF });
    expect(await treeHash(dir)).toEqual(before);
    expect(expectOk<TrashItem[]>(await handle('trash:list', {})).map((t) => t.id)).not.toContain(trashId);
    expectFail(await handle('trash:restore', { id: trashId }), 'NOT_FOUND');
    expectFail(await handle('trash:restore', { id: '../../etc' }), 'INVALID_ARGUMENT');
  });

  it('puts a deleted page back at its place in the page order', async () => {
    // As stream B's page delete records it: pages/<id>.json with { index, pageId }.
    const dir = ws.pathFor(REF);
    const root = await realpath(ws.root);
    const ed = await readEdition(dir);
    const pageFile = join(dir, 'pages', 'page-1.json');
    const bytes = await readFile(pageFile);
    await moveToTrash(root, pageFile, { kind: 'page', title: '特刊封面（报头）', edition: REF, extra: { index: 0, pageId: 'page-1' } });
    await writeFile(join(dir, 'edition.json'), JSON.stringify({ ...ed, pages: ed.pages.filter((p) => p !== 'page-1') }));
    const item = expectOk<TrashItem[]>(await handle('trash:list', {})).find((t) => t.kind === 'page')!;
    expect(item).toMatchObject({ title: '特刊封面（报头）', edition: REF, editionTitle: '沁源县两会特刊（2027）' });
    expect(expectOk(await handle('trash:restore', { id: item.id }))).toEqual({ kind: 'page', edition: REF });
    expect((await readEdition(dir)).pages).toEqual(ed.pages);
    expect((await readFile(pageFile)).equals(bytes)).toBe(true);
  });

  it('will not restore a story into an edition that is itself in the trash', async () => {
    const { storyId } = expectOk<{ storyId: string }>(await handle('story:create', { edition: REF, title: '短讯' }));
    const { trashId: storyTrash } = expectOk<{ trashId: string }>(await handle('story:delete', { edition: REF, storyId }));
    const { trashId: edTrash } = expectOk<{ trashId: string }>(await handle('edition:delete', { edition: REF }));
    expectFail(await handle('trash:restore', { id: storyTrash }), 'TRASH_EDITION_GONE');
    expect(existsSync(ws.pathFor(REF))).toBe(false);
    expect(expectOk<TrashItem[]>(await handle('trash:list', {})).find((t) => t.id === storyTrash)).toMatchObject({ kind: 'story', title: '短讯' });
    expectOk(await handle('trash:restore', { id: edTrash }));
    expectOk(await handle('trash:restore', { id: storyTrash }));
    expect(existsSync(join(ws.pathFor(REF), 'stories', `${storyId}.json`))).toBe(true);
  });

  it('deletes a broken edition too (listed by its folder name) and restores it as it was', async () => {
    const dir = join(ws.root, 'broken.edition');
    await mkdir(dir);
    await writeFile(join(dir, 'edition.json'), '{"schemaVersion": 1, "title": ');
    const before = await treeHash(dir);
    const { trashId } = expectOk<{ trashId: string }>(await handle('edition:delete', { edition: 'broken.edition' }));
    expect(expectOk<TrashItem[]>(await handle('trash:list', {})).find((t) => t.id === trashId)).toMatchObject({ kind: 'edition', title: 'broken.edition' });
    expectOk(await handle('trash:restore', { id: trashId }));
    expect(await treeHash(dir)).toEqual(before);
    // What cannot be read is not renamed, duplicated or used as a base.
    expectFail(await handle('edition:rename', { edition: 'broken.edition', title: 'x' }), 'EDITION_MALFORMED');
    expectFail(await handle('edition:duplicate', { edition: 'broken.edition', title: 'x' }), 'EDITION_MALFORMED');
    expectFail(await handle('edition:create-from', { source: 'broken.edition', title: 'x', issueDate: '2027-01-01' }), 'EDITION_MALFORMED');
    expect(await treeHash(dir)).toEqual(before);
  });

  it('purges an entry for good', async () => {
    const { ref } = expectOk<{ ref: string }>(await handle('edition:create', { title: '试版', issueDate: '2027-01-01', size: 'a3', pages: ['feature'] }));
    const { trashId } = expectOk<{ trashId: string }>(await handle('edition:delete', { edition: ref }));
    expectOk(await handle('trash:purge', { id: trashId }));
    expect(expectOk<TrashItem[]>(await handle('trash:list', {})).map((t) => t.id)).not.toContain(trashId);
    expect(existsSync(join(ws.root, '.trash', trashId))).toBe(false);
  });
});
