import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { appError } from '../../shared/contract/messages';
import type { Block, Edition, Page } from '../../shared/document/schema';
import { writeJsonAtomic } from './atomic-write';
import { readEdition, readPage, readPages } from './edition-store';
import { newPageId } from './page-id';
import { readSharedMarker } from './collab/shared-marker';
import { putPage } from './page-store';
import { moveToTrash, type TrashEntry } from './trash';

// The edition's page list (issue 10 item 3): duplicate, delete (to the workspace trash),
// reorder, and the multi-page save a thread across pages needs. Page numbers are not
// stored here: they follow edition.json's order on every read (shared/layout/page-lift.ts),
// so a reorder writes edition.json alone. Every change writes page files before
// edition.json, so a crash in between leaves an unlisted file, never a listed page that is
// missing.


/**
 * A copy of the page's layout, inserted right after it: same blocks, photos and texts,
 * new block ids; its story frames and from-story blocks are left empty, so no story is
 * set twice (the designer puts the next story in).
 */
export async function duplicatePage(dir: string, pageId: string, name: string): Promise<Page> {
  const edition = await readEdition(dir);
  const at = edition.pages.indexOf(pageId);
  if (at < 0) throw appError('NOT_FOUND', `page ${pageId}`);
  const src = await readPage(dir, pageId);
  const id = newPageId(edition.pages, (await readSharedMarker(dir)) !== null);
  const blocks = src.blocks.map((b, i): Block => {
    const { storyId: _s, threadPos: _t, thread: _l, fromStory: _f, ...rest } = b;
    const nid = b.id.startsWith(`${pageId}-`) ? `${id}-${b.id.slice(pageId.length + 1)}` : `${id}-${b.kind}-${i + 1}`;
    return b.kind === 'story' || b.fromStory ? { ...rest, id: nid } : { ...b, id: nid };
  });
  const page: Page = { ...src, id, name, number: at + 2, blocks };
  await writeJsonAtomic(join(dir, 'pages', `${id}.json`), page);
  const pages = [...edition.pages];
  pages.splice(at + 1, 0, id);
  await writeJsonAtomic(join(dir, 'edition.json'), { ...edition, pages });
  return page;
}

/**
 * Deletes a page into the workspace trash. edition.json drops the id first (an unlisted
 * file is harmless), then the file is renamed into the trash with its place in the order,
 * so a restore (trash:restore → relistPage) puts it back where it was, byte-identical.
 * The last page of an edition cannot go.
 */
export async function deletePage(root: string, dir: string, editionRef: string, pageId: string): Promise<TrashEntry> {
  const edition = await readEdition(dir);
  const index = edition.pages.indexOf(pageId);
  if (index < 0) throw appError('NOT_FOUND', `page ${pageId}`);
  if (edition.pages.length === 1) throw appError('PAGE_LAST', pageId);
  const page = await readPage(dir, pageId);
  await writeJsonAtomic(join(dir, 'edition.json'), { ...edition, pages: edition.pages.filter((p) => p !== pageId) });
  // The trash checks containment against the real root (the edition dir is already real).
  return moveToTrash(await realpath(root), join(dir, 'pages', `${pageId}.json`), { kind: 'page', title: page.name, edition: editionRef, extra: { index, pageId } });
}

/** After the trash renamed a page file back: lists it again at its old place (or the end). */
export async function relistPage(dir: string, pageId: string, index: number): Promise<Edition> {
  const edition = await readEdition(dir);
  if (edition.pages.includes(pageId)) return edition;
  await readPage(dir, pageId);
  const pages = [...edition.pages];
  pages.splice(Math.max(0, Math.min(pages.length, index)), 0, pageId);
  const next = { ...edition, pages };
  await writeJsonAtomic(join(dir, 'edition.json'), next);
  return next;
}

/** A new page order: the same ids, moved. Threads keep their places; numbers and jump lines follow. */
export async function reorderPages(dir: string, order: readonly string[]): Promise<Edition> {
  const edition = await readEdition(dir);
  const same = order.length === edition.pages.length && new Set(order).size === order.length && order.every((id) => edition.pages.includes(id));
  if (!same) throw appError('INVALID_ARGUMENT', 'page order must list every page of the edition once');
  const next = { ...edition, pages: [...order] };
  await writeJsonAtomic(join(dir, 'edition.json'), next);
  return next;
}

/** Saves several pages (a thread changed across pages); each is checked as page:put checks it. */
export async function putPages(dir: string, pages: readonly Page[]): Promise<Page[]> {
  for (const p of pages) await putPage(dir, p);
  const edition = await readEdition(dir);
  return readPages(dir, edition);
}
