import { mkdir, readFile, readdir, rename, rm, access } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appError } from '../../shared/contract/messages';
import { writeJsonAtomic } from './atomic-write';
import { isInside } from './workspace';

// One trash for the whole workspace (<workspace>/.trash/), used by every "delete" of the
// UI: editions, stories and pages. A delete is a rename into the trash (same file system,
// so the bytes are never copied or rewritten) and a restore is the rename back: restored
// files are byte-identical. Each entry is a folder holding entry.json and payload/.

export const TRASH_DIR = '.trash';

export const TrashEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,80}$/),
  kind: z.enum(['edition', 'story', 'page', 'keyword']),
  /** What the user saw it as (edition title, story title, page name). */
  title: z.string().max(500),
  deletedAt: z.string(),
  /** Where the payload came from, relative to the workspace root ('/'-separated). */
  origin: z.string().min(1).max(1000),
  /** The edition a story or page belonged to (workspace-relative ref). */
  edition: z.string().max(500).optional(),
  /** Whatever the owner needs to put it back (e.g. a page's index in the page order). */
  extra: z.record(z.string(), z.unknown()).optional(),
});
export type TrashEntry = z.infer<typeof TrashEntry>;

function trashRoot(root: string): string {
  return join(root, TRASH_DIR);
}

/** Moves `absPath` (a file or folder inside the workspace) into the trash. */
export async function moveToTrash(
  root: string,
  absPath: string,
  info: Pick<TrashEntry, 'kind' | 'title' | 'edition' | 'extra'>,
): Promise<TrashEntry> {
  if (!isInside(root, absPath) || absPath === root) throw appError('PATH_OUTSIDE_WORKSPACE', absPath);
  const stamp = new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14);
  const id = `${stamp}-${randomBytes(4).toString('hex')}`;
  const folder = join(trashRoot(root), id);
  const entry: TrashEntry = {
    id,
    ...info,
    deletedAt: new Date().toISOString(),
    origin: relative(root, absPath).split(sep).join('/'),
  };
  await mkdir(folder, { recursive: true });
  // entry.json first: a crash after it and before the rename leaves an entry whose
  // payload is missing (listed as such), never a payload nobody can find.
  await writeJsonAtomic(join(folder, 'entry.json'), entry);
  await rename(absPath, join(folder, 'payload'));
  return entry;
}

/** Entries whose payload is present, newest first. */
export async function listTrash(root: string): Promise<TrashEntry[]> {
  let names: string[];
  try {
    names = await readdir(trashRoot(root));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: TrashEntry[] = [];
  for (const name of names) {
    const entry = await readEntry(root, name).catch(() => null);
    if (!entry) continue;
    const hasPayload = await access(join(trashRoot(root), name, 'payload')).then(() => true, () => false);
    if (hasPayload) out.push(entry);
  }
  return out.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

async function readEntry(root: string, id: string): Promise<TrashEntry> {
  if (!/^[a-z0-9-]{1,80}$/.test(id)) throw appError('NOT_FOUND', `trash ${id}`);
  let raw: string;
  try {
    raw = await readFile(join(trashRoot(root), id, 'entry.json'), 'utf8');
  } catch {
    throw appError('NOT_FOUND', `trash ${id}`);
  }
  const parsed = TrashEntry.safeParse(JSON.parse(raw));
  if (!parsed.success || parsed.data.id !== id) throw appError('NOT_FOUND', `trash ${id}`);
  return parsed.data;
}

/**
 * Renames the payload back to where it came from. Refuses (ALREADY_EXISTS) when something
 * new took that place, so a restore never overwrites. Returns the entry for the owner to
 * finish (e.g. put a page id back into edition.json).
 */
export async function restoreFromTrash(root: string, id: string): Promise<TrashEntry> {
  const entry = await readEntry(root, id);
  const target = join(root, ...entry.origin.split('/'));
  if (!isInside(root, target) || target === root) throw appError('PATH_OUTSIDE_WORKSPACE', entry.origin);
  const taken = await access(target).then(() => true, () => false);
  if (taken) throw appError('ALREADY_EXISTS', entry.origin);
  await mkdir(dirname(target), { recursive: true });
  await rename(join(trashRoot(root), id, 'payload'), target);
  await rm(join(trashRoot(root), id), { recursive: true, force: true });
  return entry;
}

/** Deletes an entry for good (the only code path that removes user content from disk). */
export async function purgeTrash(root: string, id: string): Promise<void> {
  await readEntry(root, id);
  await rm(join(trashRoot(root), id), { recursive: true, force: true });
}
