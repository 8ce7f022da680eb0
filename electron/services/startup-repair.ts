import { createHash } from 'node:crypto';
import { readFile, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileMeta } from './metadata';
import type { LibraryStore } from './library/store';
import { ATOMIC_TEMP_NAME } from './atomic-write';

// What a crash can leave behind (issue 11, item 9), put right once at start-up:
//
// 1. atomic-write.ts's temp files (`.NAME.<12 hex>.tmp`) of writes that never reached their
//    rename. Only those older than this process are removed: a temp file of a write that
//    another desk process (Electron and the browser host share the workspace) is doing
//    right now is younger than our start and is left alone.
// 2. A library record older than its photo file. A caption is written into the file first
//    and into the record second; a kill between the two leaves the file holding a caption
//    the record does not know (and a stale sha256). The file is the truth other tools see,
//    so its XMP wins, and the photo carries a warning saying so.

/** When this process started (what "older than the process" is measured against). */
export function processStart(): Date {
  return new Date(Date.now() - process.uptime() * 1000);
}

/** Removes atomic-write leftovers under `root` older than `before`; their paths. */
export async function sweepTempLeftovers(root: string, before: Date): Promise<string[]> {
  const removed: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p, depth + 1);
      else if (e.isFile() && ATOMIC_TEMP_NAME.test(e.name)) {
        const st = await stat(p).catch(() => null);
        if (st && st.mtimeMs < before.getTime()) {
          await unlink(p).catch(() => {});
          removed.push(p);
        }
      }
    }
  };
  await walk(root, 0);
  return removed;
}

export const RECONCILED_WARNING = '图片说明以文件中的为准：上次写入在保存记录前中断。/ Caption taken from the file: the last write was interrupted before the record was saved.';

/** Brings records whose photo file is newer (and different) in line with the file; their ids. */
export async function reconcileLibrary(store: LibraryStore): Promise<string[]> {
  const fixed: string[] = [];
  await store.mutate(async () => {
    for (const photo of await store.all()) {
      try {
        const file = await store.resolveFile(photo);
        const [f, r] = await Promise.all([stat(file), stat(join(store.dir, 'records', `${photo.id}.json`))]);
        if (f.mtimeMs <= r.mtimeMs) continue;
        const bytes = await readFile(file);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        if (sha256 === photo.sha256) continue;
        const fm = await readFileMeta(file);
        const warnings = photo.warnings.includes(RECONCILED_WARNING) ? photo.warnings : [...photo.warnings, RECONCILED_WARNING];
        await store.put({ ...photo, meta: { ...photo.meta, ...fm.caption }, sha256, bytes: bytes.length, warnings });
        fixed.push(photo.id);
      } catch {
        // A missing or unreadable file is reported where the photo is used, not here.
      }
    }
  });
  return fixed;
}

/** Both, for the hosts' start-up; one line per repair to the log. */
export async function repairAfterCrash(workspaceRoot: string, cacheDir: string, library: LibraryStore, log: (line: string) => void = (l) => console.warn(l)): Promise<void> {
  const before = processStart();
  const swept = [...await sweepTempLeftovers(workspaceRoot, before), ...await sweepTempLeftovers(cacheDir, before)];
  if (swept.length) log(`[edition-desk] removed ${swept.length} unfinished temp file(s) left by an earlier crash`);
  for (const id of await reconcileLibrary(library)) log(`[edition-desk] ${id}: caption taken from the file (the record was older)`);
}
