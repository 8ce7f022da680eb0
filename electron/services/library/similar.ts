import type { LibraryPhoto } from '../../../shared/photo/library';
import { hamming, SAME_FRAME_DISTANCE } from '../../../shared/photo/dhash';
import { appError } from '../../../shared/contract/messages';
import type { SimilarResult } from '../../../shared/contract/vocab-schemas';
import { dhashOf } from './dhash';
import { readPreview } from './previews';
import type { LibraryStore } from './store';

// "相似照片": the library photos that are the same frame as one photo (a re-export, a resized
// or recompressed copy), by the Hamming distance of their dHashes (shared/photo/dhash.ts).
// Libraries made before the hash existed are backfilled: in the background at start, and
// for whatever is still missing when the list is asked for.

async function hashOne(store: LibraryStore, cacheDir: string, photo: LibraryPhoto): Promise<void> {
  let dhash: string | null;
  try {
    dhash = await dhashOf(await readPreview(cacheDir, photo.id, 'thumb', await store.resolveFile(photo)));
  } catch {
    dhash = null; // unreadable: counted as unhashed, tried again at the next start
    return;
  }
  await store.mutate(async () => {
    const now = await store.get(photo.id);
    if (now && now.dhash === undefined) await store.put({ ...now, dhash });
  });
}

/** Hashes every record that has none yet; returns how many it hashed. */
export async function backfillDhashes(store: LibraryStore, cacheDir: string): Promise<number> {
  const missing = (await store.all()).filter((p) => p.dhash === undefined);
  for (const p of missing) await hashOne(store, cacheDir, p);
  return missing.length;
}

export async function similarPhotos(store: LibraryStore, cacheDir: string, id: string): Promise<SimilarResult> {
  if (!(await store.get(id))) throw appError('NOT_FOUND', `photo ${id}`);
  await backfillDhashes(store, cacheDir);
  const all = await store.all();
  const me = all.find((p) => p.id === id)!;
  const unhashed = all.filter((p) => p.dhash === undefined).length;
  if (!me.dhash) return { threshold: SAME_FRAME_DISTANCE, items: [], unhashed };
  const items = all
    .filter((p) => p.id !== id && p.dhash)
    .map((photo) => ({ photo, distance: hamming(me.dhash!, photo.dhash!) }))
    .filter((x) => x.distance <= SAME_FRAME_DISTANCE)
    .sort((a, b) => a.distance - b.distance || a.photo.importedAt.localeCompare(b.photo.importedAt));
  return { threshold: SAME_FRAME_DISTANCE, items, unhashed };
}
