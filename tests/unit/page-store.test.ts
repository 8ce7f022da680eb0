import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSampleEdition } from '../../electron/services/sample';
import { createPage, putPage, setPageSize } from '../../electron/services/page-store';
import { readEdition, readPage } from '../../electron/services/edition-store';
import { PAGE_PRESETS } from '../../shared/document/schema';
import { cleanupTemp, expectAppError, RESOURCES, tempDir, treeHash } from './helpers';

// The composer's writes: a page saved whole (blocks clamped), pages made from templates,
// the edition's page size; a broken edition is refused before anything is written.

let dir: string;
beforeAll(async () => { dir = join(await tempDir('pages'), 'x.edition'); await writeSampleEdition(RESOURCES, dir); });
afterAll(cleanupTemp);

describe('page store', () => {
  it('saves a page and clamps a block that was put off the page', async () => {
    const page = await readPage(dir, 'page-2026');
    const moved = { ...page, blocks: page.blocks.map((b, i) => (i === 0 ? { ...b, col: 7, span: 3, yMm: 2000 } : b)) };
    await putPage(dir, moved);
    const back = await readPage(dir, 'page-2026');
    expect(back.blocks[0]).toMatchObject({ col: 5, span: 3 });
    expect(back.blocks[0]!.yMm + back.blocks[0]!.hMm).toBeLessThanOrEqual(545 - 36);
    expect(back.blocks.slice(1)).toEqual(page.blocks.slice(1));
  });
  it('refuses a page the edition does not list, and duplicate block ids', async () => {
    const page = await readPage(dir, 'page-2026');
    await expectAppError(putPage(dir, { ...page, id: 'page-elsewhere' }), 'NOT_FOUND');
    await expectAppError(putPage(dir, { ...page, blocks: [page.blocks[0]!, page.blocks[0]!] }), 'INVALID_ARGUMENT');
  });
  it('adds a page from a template at the end of the edition', async () => {
    const p = await createPage(dir, 'photo', '图片专版');
    const ed = await readEdition(dir);
    expect(ed.pages.at(-1)).toBe(p.id);
    expect(p.number).toBe(3);
    expect((await readPage(dir, p.id)).blocks.filter((b) => b.kind === 'photo')).toHaveLength(5);
    await expectAppError(createPage(dir, 'nope', 'x'), 'NOT_FOUND');
  });
  it('changes the page size for the whole edition and keeps blocks inside', async () => {
    await setPageSize(dir, PAGE_PRESETS.a4);
    const ed = await readEdition(dir);
    expect(ed.pageSize).toEqual(PAGE_PRESETS.a4);
    for (const id of ed.pages) for (const b of (await readPage(dir, id)).blocks) expect(b.yMm + b.hMm).toBeLessThanOrEqual(297 - 36 + 0.01);
  });
  it('touches nothing in an edition whose edition.json is broken', async () => {
    const page = await readPage(dir, 'page-2026');
    await writeFile(join(dir, 'edition.json'), (await readFile(join(dir, 'edition.json'), 'utf8')).slice(0, 40));
    const before = await treeHash(dir);
    await expectAppError(putPage(dir, page), 'EDITION_MALFORMED');
    await expectAppError(createPage(dir, 'front', 'x'), 'EDITION_MALFORMED');
    expect(await treeHash(dir)).toEqual(before);
  });
});
