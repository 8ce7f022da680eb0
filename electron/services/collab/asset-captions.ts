import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PhotoMeta, type Photo } from '../../../shared/document/schema';
import { writeJsonAtomic } from '../atomic-write';
import { normalizeDate, readFileMeta, writeCaptionMeta } from '../metadata';
import { readFileInside, resolveInside } from '../safe-path';

// Captions that reach this desk through the shared photos document (photos/<ed>: another
// desk's photographer or chief changed them) go into this desk's copy of the photo file,
// XMP and IPTC through the same caption writer a local caption edit uses, so exports, the
// handoff zip and anyone opening assets/ with Photo Mechanic or exiftool see them.
//
// The document names each photo's bytes by the sha256 they were uploaded with; a copy with a
// caption written here hashes differently. So that the write-back does not take it for a
// damaged copy and fetch the server's bytes again (and lose the caption), this desk keeps
// shared-assets.json beside shared.json: per asset file, the server's hash, the hash of the
// copy here and the caption fields it carries. A copy is "good" when it is the server's
// bytes or the recorded copy of them.

export const ASSET_RECORD_FILE = 'shared-assets.json';

const Entry = z.object({ server: z.string(), local: z.string(), meta: PhotoMeta });
const RecordFile = z.record(z.string(), Entry);
export type AssetRecord = z.infer<typeof RecordFile>;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function readAssetRecord(dir: string): Promise<AssetRecord> {
  try {
    const parsed = RecordFile.safeParse(JSON.parse(await readFile(join(dir, ASSET_RECORD_FILE), 'utf8')));
    // A record that does not parse only costs a re-read of each file's caption: start afresh.
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Whether the file here (hash `local`) is the photo the document names, as uploaded or as captioned here. */
export function isKnownCopy(record: AssetRecord, photo: Photo, local: string): boolean {
  if (local === photo.asset.sha256) return true;
  const e = record[photo.asset.file];
  return !!e && e.server === photo.asset.sha256 && e.local === local;
}

// The fields the caption writer stores in XMP/IPTC, compared as XML reads them back (trimmed,
// CR LF as LF). The date is left out: the writer normalises its form.
const norm = (s: string) => s.replace(/\r\n?/g, '\n').trim();
function sameCaption(a: PhotoMeta, b: PhotoMeta): boolean {
  const pick = (m: PhotoMeta) => [m.caption.zh, m.caption.en, m.headline, m.creator, m.credit, m.source, m.copyright, m.location.city, m.location.sublocation, ...m.keywords].map(norm);
  return JSON.stringify(pick(a)) === JSON.stringify(pick(b));
}

/**
 * Writes each photo's caption fields from the document into its copy in assets/ where the
 * copy carries others; returns how many it wrote. One that fails is logged and the rest go on.
 */
export async function captionSharedAssets(dir: string, photos: Photo[], log: (m: string) => void = () => {}): Promise<number> {
  const record = await readAssetRecord(dir);
  let changed = false;
  let written = 0;
  for (const photo of photos) {
    const known = record[photo.asset.file];
    // Already written (or found) here for these bytes: nothing to read. Keeps a write-back
    // from hashing every photo of the edition when one page changes.
    if (known && known.server === photo.asset.sha256 && sameCaption(known.meta, photo.meta)) continue;
    try {
      const segments = photo.asset.file.split('/');
      const bytes = await readFileInside(dir, ...segments).catch(() => null);
      if (!bytes) continue; // not fetched (yet): the next write-back comes back to it
      const local = sha256(bytes);
      if (!isKnownCopy(record, photo, local)) continue;
      const entry = record[photo.asset.file];
      const file = await resolveInside(dir, ...segments);
      const carried = entry && entry.local === local ? entry.meta : (await readFileMeta(file)).caption;
      if (sameCaption(carried, photo.meta)) {
        if (!entry || entry.local !== local || entry.server !== photo.asset.sha256) {
          record[photo.asset.file] = { server: photo.asset.sha256, local, meta: carried };
          changed = true;
        }
        continue;
      }
      // A date in a form the writer cannot store is left out of the file (as placing does).
      await writeCaptionMeta(file, normalizeDate(photo.meta.dateCreated) === null ? { ...photo.meta, dateCreated: '' } : photo.meta);
      record[photo.asset.file] = { server: photo.asset.sha256, local: sha256(await readFile(file)), meta: photo.meta };
      changed = true;
      written += 1;
    } catch (e) {
      log(`caption into ${photo.asset.file}: ${String(e)}`);
    }
  }
  if (changed) await writeJsonAtomic(join(dir, ASSET_RECORD_FILE), record);
  return written;
}
