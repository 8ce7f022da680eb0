import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSampleEdition } from '../../electron/services/sample';
import { createPage, putPage } from '../../electron/services/page-store';
import { deletePage, duplicatePage, putPages, relistPage, reorderPages } from '../../electron/services/page-list';
import { readEdition, readPages } from '../../electron/services/edition-store';
import { listTrash, restoreFromTrash } from '../../electron/services/trash';
import { linkAfter, threadsOf } from '../../shared/layout/threads';
import { cleanupTemp, expectAppError, RESOURCES, tempDir } from './helpers';

// The page list (issue 10 item 3) on real files: duplicate, delete into the workspace
// trash and restore byte-identical at the old place, reorder with numbers that follow
// the order and threads that stay whole.

let root: string;
let dir: string;
const REF = 'x.edition';
beforeAll(async () => { root = await tempDir('pagelist'); dir = join(root, REF); await writeSampleEdition(RESOURCES, dir); });
afterAll(cleanupTemp);

describe('page list', () => {
  it('duplicates a page right after it, with new block ids and empty story frames', async () => {
    const copy = await duplicatePage(dir, 'page-2026', '2026 副本');
    const ed = await readEdition(dir);
    expect(ed.pages).toEqual(['page-2026', copy.id, 'page-2025']);
    const pages = await readPages(dir, ed);
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    const [orig, dup] = pages as [typeof pages[0], typeof pages[0]];
    expect(dup.blocks).toHaveLength(orig.blocks.length);
    expect(dup.blocks.every((b) => b.id.startsWith(`${copy.id}-`))).toBe(true);
    expect(dup.blocks.filter((b) => b.kind === 'story').every((b) => !b.storyId && b.threadPos === undefined)).toBe(true);
    expect(dup.blocks.filter((b) => b.kind === 'photo').map((b) => b.photoId)).toEqual(orig.blocks.filter((b) => b.kind === 'photo').map((b) => b.photoId));
  });

  it('deletes to the trash and restores byte-identical at its old place', async () => {
    const ed = await readEdition(dir);
    const id = ed.pages[1]!;
    const before = await readFile(join(dir, 'pages', `${id}.json`));
    const entry = await deletePage(root, dir, REF, id);
    expect(entry).toMatchObject({ kind: 'page', edition: REF, extra: { index: 1, pageId: id } });
    expect((await readEdition(dir)).pages).toEqual(['page-2026', 'page-2025']);
    expect((await readPages(dir, await readEdition(dir))).map((p) => p.number)).toEqual([1, 2]);
    expect((await listTrash(root)).map((e) => e.id)).toContain(entry.id);
    const back = await restoreFromTrash(root, entry.id);
    await relistPage(dir, id, back.extra!['index'] as number);
    expect((await readEdition(dir)).pages).toEqual(['page-2026', id, 'page-2025']);
    expect(Buffer.compare(await readFile(join(dir, 'pages', `${id}.json`)), before)).toBe(0);
  });

  it('refuses to delete the last page, and a reorder that is not a permutation', async () => {
    await expectAppError(reorderPages(dir, ['page-2026']), 'INVALID_ARGUMENT');
    await expectAppError(reorderPages(dir, ['page-2026', 'page-2026', 'page-2025']), 'INVALID_ARGUMENT');
    const solo = join(await tempDir('solo'), 'y.edition');
    await writeSampleEdition(RESOURCES, solo);
    await deletePage(join(solo, '..'), solo, 'y.edition', 'page-2025');
    await expectAppError(deletePage(join(solo, '..'), solo, 'y.edition', 'page-2026'), 'PAGE_LAST');
  });

  it('a reorder renumbers the pages and keeps a thread across pages whole', async () => {
    const extra = await createPage(dir, 'feature', '专题内页');
    let pages = await readPages(dir, await readEdition(dir));
    const p25 = pages.find((p) => p.id === 'page-2025')!;
    const from = { pageId: p25.id, blockId: p25.blocks.find((b) => b.kind === 'story' && b.storyId === 'story-2025')!.id };
    const to = { pageId: extra.id, blockId: extra.blocks.find((b) => b.kind === 'story')!.id };
    pages = linkAfter(pages, from, to)!;
    const saved = await putPages(dir, pages.filter((p) => p.id === extra.id || p.id === p25.id));
    expect((threadsOf(saved).get('story-2025') ?? []).map((f) => f.block.id)).toEqual([from.blockId, to.blockId]);
    const ed = await reorderPages(dir, [extra.id, ...(await readEdition(dir)).pages.filter((id) => id !== extra.id)]);
    const after = await readPages(dir, ed);
    expect(after[0]!.id).toBe(extra.id);
    expect(after.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    // The thread still starts on the 2025 page (now page 4) and goes on to page 1.
    const thread = threadsOf(after).get('story-2025')!;
    expect(thread.map((f) => [f.page.number, f.block.id])).toEqual([[4, from.blockId], [1, to.blockId]]);
    // A page saved on its own keeps the places it was given.
    await putPage(dir, after[0]!);
    expect(threadsOf(await readPages(dir, ed)).get('story-2025')!.map((f) => f.block.id)).toEqual([from.blockId, to.blockId]);
  });
});
