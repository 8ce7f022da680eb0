import { jpegScanDamageOffThread } from './jpeg-scan-off-thread';
import { damageWarnings, DAMAGED_PREFIX, decodeError } from './ingest-damage';
import { makePreviews } from './previews';
import { decodableFile } from '../raw/decodable';
import type { LibraryStore } from './store';

// The halves of an ingest that run after the photo is on the contact sheet
// (preview-background.ts decides when). Both read the photo back from its library copy,
// so a card of 500 photos is not held in memory while they wait, and both add what they
// find to the record as the damage flag; the renderer learns of it through
// library:settled.

/** Adds the damage flag to the stored record, once. */
async function flagDamaged(store: LibraryStore, id: string, found: string): Promise<void> {
  await store.mutate(async () => {
    const now = await store.get(id);
    if (now && !now.warnings.some((w) => w.startsWith(DAMAGED_PREFIX))) await store.put({ ...now, warnings: [...damageWarnings(found), ...now.warnings] });
  });
}

/**
 * A photo whose thumbnail came from an embedded preview: the 1600 px preview and
 * thumbnail from the primary image, and the damage that decode and the scan check find.
 */
export async function finishFromPrimary(store: LibraryStore, cacheDir: string, id: string, name: string): Promise<void> {
  const photo = await store.get(id);
  if (!photo) return;
  const bytes = await store.readBytes(photo);
  let damaged: string | null;
  try {
    ({ damaged } = await makePreviews(bytes, cacheDir, id));
  } catch (e) {
    damaged = decodeError(e, name, bytes).message;
  }
  damaged ??= await jpegScanDamageOffThread(bytes);
  if (damaged) await flagDamaged(store, id, damaged);
}

/**
 * A JPEG whose previews were made in the foreground by a strict decode that found nothing:
 * the scan check for the bad Huffman codes libjpeg-turbo 3 decodes silently
 * (jpeg-scan-check.ts).
 */
export async function scanCheckLater(store: LibraryStore, id: string): Promise<void> {
  const photo = await store.get(id);
  if (!photo) return;
  const damaged = await jpegScanDamageOffThread(await store.readBytes(photo));
  if (damaged) await flagDamaged(store, id, damaged);
}

/**
 * A raw whose thumbnail was made alone at ingest (raw-ingest.ts): its 1600 px preview (and
 * the thumbnail with it) from the embedded JPEG of its library copy, and any damage that
 * decode finds, which the thumbnail's strict decode would mostly have found already.
 */
export async function finishRawPreview(store: LibraryStore, cacheDir: string, id: string, name: string): Promise<void> {
  const photo = await store.get(id);
  if (!photo) return;
  let damaged: string | null;
  try {
    ({ damaged } = await makePreviews(await decodableFile(store.filePath(photo)), cacheDir, id));
  } catch (e) {
    damaged = decodeError(e, name).message;
  }
  if (damaged) await flagDamaged(store, id, damaged);
}
