import { mkdir, realpath, readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { appError } from '../../shared/contract/messages';

export const EDITION_SUFFIX = '.edition';

/** True when `child` is `root` or inside it (both already resolved). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  // Only a first segment of exactly ".." leaves root; a name like "..draft.edition" does not.
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

// The workspace is the only part of the disk the renderer can reach. Every edition
// reference is resolved here, through realpath, so neither "..", an absolute path nor
// a symlink can point a call outside it.
export class Workspace {
  /** Derived files (thumbnails, previews) live beside the workspace, never inside it. */
  readonly cacheDir: string;
  constructor(readonly root: string, cacheDir?: string) {
    this.cacheDir = cacheDir ?? join(dirname(root), 'cache');
  }

  async init(): Promise<void> {
    await mkdir(this.root, { recursive: true });
  }

  async resolveEdition(ref: string): Promise<string> {
    const rootReal = await realpath(this.root);
    const candidate = resolve(rootReal, ref);
    if (!isInside(rootReal, candidate) || candidate === rootReal || !candidate.endsWith(EDITION_SUFFIX)) {
      throw appError('PATH_OUTSIDE_WORKSPACE', ref);
    }
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      throw appError('NOT_FOUND', ref);
    }
    if (!isInside(rootReal, real)) throw appError('PATH_OUTSIDE_WORKSPACE', ref);
    return real;
  }

  /** Edition folders directly in the workspace, as workspace-relative refs. */
  async listEditionRefs(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && e.name.endsWith(EDITION_SUFFIX) && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  }

  pathFor(ref: string): string {
    return join(this.root, ref);
  }
}
