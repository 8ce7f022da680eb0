import { cp, lstat, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { newId } from '../../../shared/document/ids';
import { appError } from '../../../shared/contract/messages';
import { ATOMIC_TEMP_NAME, writeJsonAtomic } from '../atomic-write';
import { readEdition } from '../edition-store';
import { moveToTrash, type TrashEntry } from '../trash';
import { uniqueEditionFolder } from './folder-name';

// Rename, duplicate and delete of whole editions, and the "last change" the edition list
// shows.
//
// Rename changes the title only, not the folder: the folder name is the edition's identity
// for everything that points at it (recent editions in settings, trash entries of its
// deleted stories and pages, export folders a colleague was sent, a second window). A
// renamed folder would break those quietly; a title is shown everywhere people look.

export async function renameEdition(dir: string, title: string): Promise<void> {
  const edition = await readEdition(dir);
  await writeJsonAtomic(join(dir, 'edition.json'), { ...edition, title });
}

/** What a duplicate leaves behind: exports are outputs of the original, not its content. */
// shared.json too: a duplicate of a shared edition is a solo copy (issue 12), not a second copy of the server's.
// proofs/ too: a proof round is a record of the original's pages (issue 13), not content to start from.
const NOT_COPIED = new Set(['exports', 'proofs', 'shared.json']);

/**
 * A full copy under a new folder (named from the new title) with a new edition id. Copied
 * into a hidden staging folder first and renamed when complete; symbolic links are not
 * followed or copied, so a duplicate holds only what the edition itself holds.
 */
export async function duplicateEdition(root: string, dir: string, title: string): Promise<string> {
  await readEdition(dir);
  const rootReal = await realpath(root);
  // The edition may be written while it is copied: a shared edition's write-back, a desk's
  // autosave. Each write is a temp file renamed over its target (atomic-write.ts), so the
  // temp files are skipped (a write in progress, never content) and an entry gone between
  // the listing and its copy is left out. A copy that still meets a vanished file (one
  // deleted, not renamed, meanwhile) starts over once. (A clean-clone CI run met it: a
  // duplicate of a shared edition on desk B failed with ENOENT on a write-back's temp file.)
  for (let attempt = 0; ; attempt++) {
    try {
      return await duplicateOnce(rootReal, dir, title);
    } catch (e) {
      if (attempt > 0 || (e as NodeJS.ErrnoException).code !== 'ENOENT' || !(await stat(dir).catch(() => null))) throw e;
    }
  }
}

async function duplicateOnce(rootReal: string, dir: string, title: string): Promise<string> {
  const staging = join(rootReal, `.staging-${randomBytes(6).toString('hex')}`);
  try {
    await cp(dir, staging, {
      recursive: true,
      errorOnExist: true,
      force: false,
      filter: async (src) => {
        const rel = relative(dir, src);
        if (rel !== '' && NOT_COPIED.has(rel.split(sep)[0]!)) return false;
        if (ATOMIC_TEMP_NAME.test(basename(src))) return false;
        const st = await lstat(src).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
        return st !== null && !st.isSymbolicLink();
      },
    });
    const copy = await readEdition(staging);
    await writeJsonAtomic(join(staging, 'edition.json'), { ...copy, id: newId('ed-'), title });
    const name = await uniqueEditionFolder(rootReal, title);
    await rename(staging, join(rootReal, name));
    return name;
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}

/** Moves the whole folder into the workspace trash; a broken edition can be deleted too. */
export async function deleteEdition(root: string, dir: string, ref: string): Promise<TrashEntry> {
  const title = await readEdition(dir).then((e) => e.title, () => ref);
  const rootReal = await realpath(root);
  if (dir === rootReal) throw appError('PATH_OUTSIDE_WORKSPACE', ref);
  return moveToTrash(rootReal, dir, { kind: 'edition', title });
}

/** The newest modification time of the edition's documents (edition.json, pages, stories). */
export async function lastChange(dir: string): Promise<string | undefined> {
  let newest = 0;
  const consider = async (file: string) => {
    const st = await stat(file).catch(() => null);
    if (st && st.mtimeMs > newest) newest = st.mtimeMs;
  };
  await consider(join(dir, 'edition.json'));
  for (const sub of ['pages', 'stories']) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => consider(join(dir, sub, n))));
  }
  return newest ? new Date(newest).toISOString() : undefined;
}
