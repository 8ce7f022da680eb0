import type { LibraryPhoto } from '../../../shared/photo/library';
import { readMetaFromBytes } from '../metadata';
import { extractEmbedded } from '../metadata/embedded';
import { parseIim, readsInLegacyCharset } from '../metadata/iptc/iim';
import type { LibraryStore } from './store';

// The legacy IPTC charset (settings: iptcLegacyCharset) is applied at once: when it changes,
// the photos whose captions came from undeclared, non-UTF-8 IIM text (GBK from Chinese
// Windows software, Mac Roman from old Photo Mechanic) are read again from their files and
// their records take the new reading. A caption edited on the desk was written back with
// 1:90 = UTF-8, so it no longer depends on the setting and is never touched here.

/**
 * Bytes 0x80–0xFF decode to characters above U+007F in every legacy charset offered, so a
 * record whose caption fields are all ASCII took nothing from legacy bytes: its file is not
 * read again (an English-only library of thousands of photos costs nothing).
 */
const mayHoldLegacyText = (p: LibraryPhoto) => /[\u0080-\u{10ffff}]/u.test(JSON.stringify(p.meta));

export async function rereadLegacyCaptions(store: LibraryStore): Promise<{ checked: number; photos: LibraryPhoto[] }> {
  const changed: LibraryPhoto[] = [];
  let checked = 0;
  for (const photo of await store.all()) {
    if (!mayHoldLegacyText(photo)) continue;
    let bytes: Buffer;
    try {
      bytes = await store.readBytes(photo);
    } catch {
      continue; // a missing file keeps its record as it is; the library shows it as missing
    }
    const iim = (await extractEmbedded(bytes, [])).iim;
    if (!iim || !readsInLegacyCharset(parseIim(iim, []))) continue;
    checked++;
    const meta = (await readMetaFromBytes(bytes, store.filePath(photo))).caption;
    if (JSON.stringify(meta) === JSON.stringify(photo.meta)) continue;
    // Written one at a time with the other record changes; a caption saved meanwhile wins.
    const updated = await store.mutate(async () => {
      const now = await store.get(photo.id);
      if (!now || now.sha256 !== photo.sha256) return null;
      const next = { ...now, meta };
      await store.put(next);
      return next;
    });
    if (updated) changed.push(updated);
  }
  return { checked, photos: changed };
}
