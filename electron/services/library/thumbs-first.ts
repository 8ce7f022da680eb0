// Thumbnails first, durability after (issue 15; Photo Mechanic's order: a card's thumbnails
// are up before its copies are verified). While any photo of a batch is still being read,
// hashed or turned into its thumbnail, the photos already on the sheet hold back the rest of
// their work (near-duplicate hash, library copy, group commit with its fdatasyncs and folder
// fsyncs), which would otherwise take CPU and disk from the thumbnails still to come: with
// the commits' syncs running beside the reads, the camera batch's thumbnails took 0.31–0.37 s
// against 0.26–0.28 s with the syncs turned off. A camera file's copy is the exception: the
// hash lane writes it in the pass that hashes the file, and its data is synced on the
// durable lane's own thread while the thumbnails are made (ingest-camera-file.ts): a page-
// cache read and a sequential write that took nothing measurable from the thumbnails, and
// left the commit with little to sync.
//
// Nothing reported is at risk: a photo is reported "in the library" only after its commit,
// and a held photo has not been reported (it is on the sheet marked as being saved). The
// hold is bounded so a long card does not keep everything in memory or uncommitted for long:
// it ends GRACE_MS after the last thumbnail being made is done (the desk sends the next file
// a moment after it hears of the last: that gap is not the end of the batch; ingestPaths,
// which knows, ends the hold at once with letHeldGo), or when HOLD_COUNT photos or
// HOLD_BYTES of their files are held, or when the first held photo has waited HOLD_MS.

export const HOLD_COUNT = 32;
export const HOLD_BYTES = 256 * 1024 * 1024;
const HOLD_MS = 400;
const GRACE_MS = 25;

let making = 0;
let held: { bytes: number; go: () => void }[] = [];
let heldBytes = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let grace: ReturnType<typeof setTimeout> | null = null;

function release(): void {
  if (timer) { clearTimeout(timer); timer = null; }
  if (grace) { clearTimeout(grace); grace = null; }
  const go = held;
  held = [];
  heldBytes = 0;
  for (const h of go) h.go();
}

/**
 * Marks a thumbnail being made (from the file's read to its thumbnail in the cache) until the
 * returned function is called; calling it again does nothing.
 */
export function makingThumbnail(): () => void {
  making++;
  if (grace) { clearTimeout(grace); grace = null; }
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    making--;
    if (making === 0 && held.length > 0) grace ??= setTimeout(release, GRACE_MS);
  };
}

/** Ends the hold now: the caller knows no more thumbnails of its batch are coming. */
export function letHeldGo(): void {
  if (making === 0) release();
}

/** Resolves when the photo (its file `bytes` long) may go on to its hash, copy and commit. */
export function afterThumbnails(bytes: number): Promise<void> {
  if (making === 0 && !grace) return Promise.resolve();
  return new Promise<void>((go) => {
    held.push({ bytes, go });
    heldBytes += bytes;
    if (held.length >= HOLD_COUNT || heldBytes >= HOLD_BYTES) release();
    else timer ??= setTimeout(release, HOLD_MS);
  });
}
