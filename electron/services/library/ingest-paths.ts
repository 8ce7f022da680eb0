import { basename } from 'node:path';
import { appError } from '../../../shared/contract/messages';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { giveBytes } from './byte-pool';
import { ingest, type IngestHooks, type IngestResult } from './ingest';
import { startCameraFile } from './ingest-camera-file';
import { readWhole } from './read-whole';
import { HOLD_BYTES, HOLD_COUNT, letHeldGo, makingThumbnail } from './thumbs-first';
import type { LibraryStore } from './store';

/**
 * Ingests files from disk with `inFlight` photos being read and decoded at once (sharp
 * decodes one image per thread). A photo whose thumbnail is made lets the next one start
 * while its library copy and record reach the disk (fsyncs wait on the disk, not the
 * CPU), after the batch's thumbnails (thumbs-first.ts); at most HOLD_COUNT such tails (or
 * `inFlight`, if larger) and HOLD_BYTES of what they hold in memory wait at a time, so memory
 * stays bounded.
 * `onThumbnail(i, photo)`: photo i's thumbnail is in the cache (its record follows).
 */
export async function ingestPaths(store: LibraryStore, cacheDir: string, paths: { path: string; sourcePath: string }[], inFlight = 4,
  onResult: (r: IngestResult) => void = () => {}, onThumbnail: (index: number, photo: LibraryPhoto) => void = () => {}): Promise<IngestResult[]> {
  const results: IngestResult[] = new Array(paths.length);
  const tails = new Set<Promise<void>>();
  let tailBytes = 0;
  let next = 0;
  const one = async (i: number, decoded: (photo: LibraryPhoto, held?: number) => void): Promise<void> => {
    const r = await ingestFile(store, cacheDir, paths[i]!, { decoded });
    results[i] = r;
    onResult(r);
  };
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      let decoded!: (photo: LibraryPhoto, held?: number) => void;
      const cpuDone = new Promise<{ photo: LibraryPhoto; held: number }>((r) => { decoded = (photo, held) => r({ photo, held: held ?? photo.bytes }); });
      const whole = one(i, decoded);
      let size = 0;
      await Promise.race([cpuDone.then(({ photo, held }) => { size = held; onThumbnail(i, photo); }), whole]);
      tailBytes += size;
      const tail = whole.finally(() => { tails.delete(tail); tailBytes -= size; });
      tails.add(tail);
      // Photos held until the batch's thumbnails are made (thumbs-first.ts) wait here, bounded
      // by count and by the bytes each keeps in memory until committed (its file, or a camera
      // file's thumbnail alone).
      while (tails.size > Math.max(inFlight, HOLD_COUNT) || (tails.size > inFlight && tailBytes > HOLD_BYTES)) await Promise.race(tails);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, paths.length) }, worker));
  // Every thumbnail of the batch is made: its held photos go on to their commits now.
  letHeldGo();
  await Promise.all(tails);
  return results;
}

/**
 * One file from disk: a camera JPEG from its header and embedded preview
 * (ingest-camera-file.ts), any other file read whole into reused memory (byte-pool.ts).
 */
export async function ingestFile(store: LibraryStore, cacheDir: string, src: { path: string; sourcePath: string },
  hooks: IngestHooks = {}): Promise<IngestResult> {
  const name = basename(src.path);
  // The read is part of making the thumbnail: no commit's syncs start while it runs (thumbs-first.ts).
  const reading = makingThumbnail();
  try {
    const camera = await startCameraFile(store, cacheDir, { name, sourcePath: src.sourcePath, path: src.path }, undefined, hooks);
    if (camera) {
      reading();
      return await camera.running;
    }
    const bytes = await readWhole(src.path);
    const whole = ingest(store, cacheDir, { name, sourcePath: src.sourcePath, bytes }, undefined, hooks);
    reading();
    const r = await whole;
    // Settled: copied and committed, or failed and cleaned up; the next photo may read into these bytes.
    giveBytes(bytes);
    return r;
  } catch (e) {
    return { status: 'failed', name, error: appError('IO_ERROR', `${name}: ${(e as Error).message}`).toData() };
  } finally {
    reading();
  }
}
