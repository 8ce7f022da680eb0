import { join } from 'node:path';
import { appError } from '../../shared/contract/messages';
import { Page, type PageSize } from '../../shared/document/schema';
import { clampBlock } from '../../shared/layout/geometry';
import { pageFromTemplate, TEMPLATES } from '../../shared/layout/templates';
import { writeJsonAtomic } from './atomic-write';
import { parsesAs, writeJsonGuarded } from './guarded-write';
import { readEdition, readPage } from './edition-store';
import { newPageId } from './page-id';
import { readSharedMarker } from './collab/shared-marker';

// Page edits from the composer. The edition must be readable and must list the page;
// blocks are clamped to the type area, so a stale or hand-made request cannot put a
// block off the page. edition.json is written after the page file, so a crash between
// the two leaves an unlisted page file, never a listed page that is missing.

export async function putPage(dir: string, page: Page): Promise<{ savedAt: string }> {
  const edition = await readEdition(dir);
  if (!edition.pages.includes(page.id)) throw appError('NOT_FOUND', `page ${page.id}`);
  const ids = new Set<string>();
  for (const b of page.blocks) {
    if (ids.has(b.id)) throw appError('INVALID_ARGUMENT', `duplicate block id ${b.id}`);
    ids.add(b.id);
  }
  const blocks = page.blocks.map((b) => clampBlock(page.grid, edition.pageSize, b));
  await writeJsonGuarded(join(dir, 'pages', `${page.id}.json`), { ...page, blocks }, parsesAs(Page)); // a broken page file is kept aside (issue 11)
  return { savedAt: new Date().toISOString() };
}

export async function createPage(dir: string, templateId: string, name: string): Promise<Page> {
  const edition = await readEdition(dir);
  const t = TEMPLATES.find((x) => x.id === templateId);
  if (!t) throw appError('NOT_FOUND', `template ${templateId}`);
  // In a shared edition a random suffix: two desks adding a page never pick the same id (page-id.ts).
  const page = pageFromTemplate(t, edition.pageSize, newPageId(edition.pages, (await readSharedMarker(dir)) !== null), name, edition.pages.length + 1);
  await writeJsonAtomic(join(dir, 'pages', `${page.id}.json`), page);
  await writeJsonAtomic(join(dir, 'edition.json'), { ...edition, pages: [...edition.pages, page.id] });
  return page;
}

/** A new page size for the whole edition; every page's blocks are clamped to it. */
export async function setPageSize(dir: string, pageSize: PageSize): Promise<void> {
  const edition = await readEdition(dir);
  for (const id of edition.pages) {
    const page = await readPage(dir, id);
    await writeJsonAtomic(join(dir, 'pages', `${id}.json`), { ...page, blocks: page.blocks.map((b) => clampBlock(page.grid, pageSize, b)) });
  }
  await writeJsonAtomic(join(dir, 'edition.json'), { ...edition, pageSize });
}
