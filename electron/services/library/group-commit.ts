import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LibraryPhoto } from '../../../shared/photo/library';
import { tempPathFor } from '../atomic-write';
import { makeDurable } from '../durable-lane';
import { keepAsideIfBroken, keptAsideError, parsesAs } from '../guarded-write';
import type { LibraryStore } from './store';

// Group commit of ingested photos (issue 15): "nothing a user imported is ever lost,
// whatever happens to the process", at the cost of a few disk waits per batch instead of
// four fsyncs per photo on the decode path.
//
// A photo's library copy is written under a temp name while its previews are made
// (stageCopy), nothing synced. When the photo is decoded, its record joins the next
// commit: the record is written under a temp name too, then the durable lane (its own
// thread, durable-lane.ts) syncs the data of every copy and record of the batch, renames
// the copies into library/files and fsyncs that folder once, and only then renames the
// records into library/records and fsyncs that folder once. A record therefore never
// names a copy that could be missing after a power cut, and a photo is reported "in the
// library" only after its commit. Photos arriving while a commit runs form the next
// batch. A crash before the renames leaves temp files, which the start-up sweep removes
// (startup-repair.ts); the photo was never reported, so nothing reported is lost.
//
// The cache files (thumbnail, preview) are not synced at all: they are made again from
// the library copy when missing or torn (previews.ts, readPreview).

export interface StagedCopy { tmp: string; target: string }

/** Writes the copy's bytes under a temp name beside `target`; no sync (the commit does it). */
export async function stageCopy(target: string, bytes: Uint8Array): Promise<StagedCopy> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    await writeFile(tmp, bytes, { flag: 'wx' });
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  return { tmp, target };
}

/** Removes a staged copy that will not be committed. */
export function discardCopy(copy: StagedCopy): Promise<void> {
  return unlink(copy.tmp).catch(() => {});
}

interface Entry { copy: StagedCopy; photo: LibraryPhoto; done: (e: Error | null) => void }

const parsesAsRecord = parsesAs(LibraryPhoto);

class GroupCommit {
  private pending: Entry[] = [];
  private running = false;

  constructor(private readonly store: LibraryStore) {}

  commit(copy: StagedCopy, photo: LibraryPhoto): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ copy, photo, done: (e) => (e ? reject(e) : resolve()) });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) await this.flush(this.pending.splice(0));
    } finally {
      this.running = false;
    }
  }

  private async flush(entries: Entry[]): Promise<void> {
    // Each photo's record is prepared on its own: one that cannot be written (its path taken,
    // a damaged record kept aside failing) fails that photo alone, not the batch.
    const batch: Prepared[] = [];
    for (const entry of entries) {
      try {
        batch.push(await this.prepare(entry));
      } catch (e) {
        await discardCopy(entry.copy);
        entry.done(e instanceof Error ? e : new Error(String(e)));
      }
    }
    if (batch.length === 0) return;
    try {
      await makeDurable([
        { sync: batch.flatMap((r) => [r.entry.copy.tmp, r.tmp]), renames: batch.map((r) => [r.entry.copy.tmp, r.entry.copy.target]), dirs: uniqueDirs(batch.map((r) => r.entry.copy.target)) },
        { sync: [], renames: batch.map((r) => [r.tmp, r.target]), dirs: uniqueDirs(batch.map((r) => r.target)) },
      ]);
    } catch (e) {
      // The disk refused (full, gone): nothing of the batch is reported. What was renamed
      // stays (a copy without a record is harmless and the same import writes it again);
      // temp files go.
      await Promise.all(batch.flatMap((r) => [discardCopy(r.entry.copy), unlink(r.tmp).catch(() => {})]));
      for (const r of batch) r.entry.done(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    for (const r of batch) {
      await this.store.recorded(r.entry.photo);
      r.entry.done(r.aside ? keptAsideError(r.target, r.aside) : null);
    }
  }

  /** The record written under a temp name beside its place (nothing synced yet). */
  private async prepare(entry: Entry): Promise<Prepared> {
    const target = this.store.recordPath(entry.photo.id);
    // "A file that does not parse is never written over" (guarded-write.ts), as store.put.
    const aside = await keepAsideIfBroken(target, parsesAsRecord);
    const tmp = tempPathFor(target);
    await mkdir(dirname(target), { recursive: true });
    try {
      await writeFile(tmp, JSON.stringify(entry.photo, null, 2) + '\n', { flag: 'wx' });
    } catch (e) {
      await unlink(tmp).catch(() => {});
      throw e;
    }
    return { entry, tmp, target, aside };
  }
}

interface Prepared { entry: Entry; tmp: string; target: string; aside: string | null }

function uniqueDirs(paths: string[]): string[] {
  return [...new Set(paths.map((p) => dirname(p)))];
}

const groups = new WeakMap<LibraryStore, GroupCommit>();

/** Commits the photo's staged copy and its record with the others arriving now; resolves once both are durable. */
export function commitPhoto(store: LibraryStore, copy: StagedCopy, photo: LibraryPhoto): Promise<void> {
  let g = groups.get(store);
  if (!g) groups.set(store, (g = new GroupCommit(store)));
  return g.commit(copy, photo);
}
