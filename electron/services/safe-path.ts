import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { appError } from '../../shared/contract/messages';
import { isInside } from './workspace';

// The one way a service turns a stored relative path (an edition's asset, a page or story
// file, a library record's file) into a file it opens. A join + isInside check is not
// enough: `ln -s /etc/passwd x.edition/assets/photo.jpg` stays inside by name and leaves by
// content (issue 11, item 1). So every component below the root is lstat'ed and a symbolic
// link anywhere on the way is refused (an edition folder received from elsewhere must not
// be able to pull local files into a zip that is then sent on), the result is checked with
// realpath, and the final open uses O_NOFOLLOW so a link swapped in after the check is
// still refused by the kernel.

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

/**
 * The real path of `root/…segments`, which exists and lies inside `root` with no symbolic
 * link on the way (the root itself may be one: it is resolved first). Throws NOT_FOUND,
 * PATH_OUTSIDE_WORKSPACE or SYMLINK_REFUSED (detail: the path relative to the root).
 */
export async function resolveInside(root: string, ...segments: string[]): Promise<string> {
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch {
    throw appError('NOT_FOUND', root);
  }
  const target = resolve(rootReal, ...segments);
  const shown = segments.join('/');
  if (!isInside(rootReal, target)) throw appError('PATH_OUTSIDE_WORKSPACE', shown);
  const rel = relative(rootReal, target);
  let cur = rootReal;
  for (const part of rel === '' ? [] : rel.split(sep)) {
    cur = join(cur, part);
    let st;
    try {
      st = await lstat(cur);
    } catch (e) {
      if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') throw appError('NOT_FOUND', shown);
      throw appError('IO_ERROR', `${shown}: ${(e as Error).message}`);
    }
    if (st.isSymbolicLink()) throw appError('SYMLINK_REFUSED', relative(rootReal, cur).split(sep).join('/'));
  }
  // Belt and braces: the walk above already proves this, realpath says it once more.
  const real = await realpath(target).catch(() => { throw appError('NOT_FOUND', shown); });
  if (!isInside(rootReal, real)) throw appError('PATH_OUTSIDE_WORKSPACE', shown);
  return real;
}

/** The bytes of a regular file inside `root` (see resolveInside), opened without following links. */
export async function readFileInside(root: string, ...segments: string[]): Promise<Buffer> {
  const file = await resolveInside(root, ...segments);
  let fh;
  try {
    fh = await open(file, constants.O_RDONLY | NOFOLLOW);
  } catch (e) {
    if (errno(e) === 'ELOOP') throw appError('SYMLINK_REFUSED', segments.join('/'));
    if (errno(e) === 'ENOENT') throw appError('NOT_FOUND', segments.join('/'));
    throw appError('IO_ERROR', `${segments.join('/')}: ${(e as Error).message}`);
  }
  try {
    if (!(await fh.stat()).isFile()) throw appError('NOT_FOUND', segments.join('/'));
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

/** As readFileInside, as UTF-8 text. */
export async function readTextInside(root: string, ...segments: string[]): Promise<string> {
  return (await readFileInside(root, ...segments)).toString('utf8');
}

/**
 * A regular file's identity inside `root` (see resolveInside): device, inode, size and the
 * modification and change times in nanoseconds. A save (an atomic rename: a new inode) or
 * any write in place changes it, so a reader may keep what it made of the file while it stays.
 */
export async function fileSignatureInside(root: string, ...segments: string[]): Promise<string> {
  const file = await resolveInside(root, ...segments);
  const st = await lstat(file, { bigint: true }).catch(() => { throw appError('NOT_FOUND', segments.join('/')); });
  if (!st.isFile()) throw appError('NOT_FOUND', segments.join('/'));
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}
