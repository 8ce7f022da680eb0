import { realpath } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { TrashItem } from '../../../shared/contract/edition-schemas';
import { appError } from '../../../shared/contract/messages';
import { AppError } from '../../../shared/contract/errors';
import { relistPage } from '../page-list';
import { readEdition } from '../edition-store';
import { listTrash, purgeTrash, restoreFromTrash, type TrashEntry } from '../trash';
import type { Workspace } from '../workspace';

// The trash as the UI sees it, and restores that finish what the rename back cannot: a
// page goes back into its edition's page order at the place it left. A story or page can
// only go back into an edition that exists; restoring into a folder the trash would create
// from nothing would make a folder that looks like an edition and is not one.

export async function trashItems(ws: Workspace): Promise<TrashItem[]> {
  const root = await realpath(ws.root);
  const titles = new Map<string, string | undefined>();
  const titleOf = async (ref: string) => {
    if (!titles.has(ref)) titles.set(ref, await ws.resolveEdition(ref).then(readEdition).then((e) => e.title, () => undefined));
    return titles.get(ref);
  };
  const out: TrashItem[] = [];
  for (const e of await listTrash(root)) {
    // Deleted keywords are restored from the vocabulary panel (vocab-store.ts), not here.
    if (e.kind === 'keyword') continue;
    const editionTitle = e.edition ? await titleOf(e.edition) : undefined;
    out.push({
      id: e.id, kind: e.kind, title: e.title, deletedAt: e.deletedAt,
      ...(e.edition ? { edition: e.edition } : {}),
      ...(editionTitle ? { editionTitle } : {}),
    });
  }
  return out;
}

/** An entry this view restores: keywords go back through the vocabulary panel (vocab-store.ts). */
type DeskEntry = TrashEntry & { kind: 'edition' | 'story' | 'page' };

async function findEntry(root: string, id: string): Promise<DeskEntry> {
  const entry = (await listTrash(root)).find((e): e is DeskEntry => e.id === id && e.kind !== 'keyword');
  if (!entry) throw appError('NOT_FOUND', `trash ${id}`);
  return entry;
}

const PageExtra = z.object({ index: z.number().int().min(0), pageId: z.string() }).partial();

/** Puts an entry back; for a page, also back into edition.json's page order. */
export async function restoreItem(ws: Workspace, id: string): Promise<DeskEntry> {
  const root = await realpath(ws.root);
  const entry = await findEntry(root, id);
  if (entry.kind === 'edition') { await restoreFromTrash(root, id); return entry; }
  if (!entry.edition) throw appError('NOT_FOUND', `trash ${id}: no edition recorded`);
  let dir: string;
  try {
    dir = await ws.resolveEdition(entry.edition);
    await readEdition(dir);
  } catch (e) {
    if (e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'PATH_OUTSIDE_WORKSPACE')) throw appError('TRASH_EDITION_GONE', entry.edition);
    throw e;
  }
  await restoreFromTrash(root, id);
  if (entry.kind === 'page') {
    const extra = PageExtra.safeParse(entry.extra ?? {});
    const pageId = (extra.success ? extra.data.pageId : undefined) ?? basename(entry.origin, '.json');
    const edition = await readEdition(dir);
    // One code path for putting a page id back into the order (the pages workspace's own).
    await relistPage(dir, pageId, extra.success && extra.data.index !== undefined ? extra.data.index : edition.pages.length);
  }
  return entry;
}

export async function purgeItem(ws: Workspace, id: string): Promise<void> {
  await purgeTrash(await realpath(ws.root), id);
}
