import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PhotoMeta, type Photo } from '../../../shared/document/schema';
import { writeJsonAtomic } from '../atomic-write';
import { normalizeDate, writeCaptionMeta } from '../metadata';
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
// CR LF as LF).
const norm = (s: string) => s.replace(/\r\n?/g, '\n').trim();
function sameCaption(a: PhotoMeta, b: PhotoMeta): boolean {
  const pick = (m: PhotoMeta) => [m.caption.zh, m.caption.en, m.headline, m.creator, m.credit, m.source, m.copyright, m.dateCreated, m.location.city, m.location.sublocation, ...m.keywords].map(norm);
  return JSON.stringify(pick(a)) === JSON.stringify(pick(b));
}

/**
 * Writes the caption fields of each photo whose caption changed in the document since this
 * desk's edition.json (`before`) into its copy in assets/; returns how many it wrote. A photo
 * new to this desk is left as it came (the uploader's bytes, hash-checked); one that fails is
 * logged and the rest go on.
 */
export async function captionSharedAssets(dir: string, before: Photo[], photos: Photo[], log: (m: string) => void = () => {}): Promise<number> {
  const previous = new Map(before.map((p) => [p.id, p]));
  const changedHere = photos.filter((p) => {
    const old = previous.get(p.id);
    return old !== undefined && old.asset.file === p.asset.file && !sameCaption(old.meta, p.meta);
  });
  if (changedHere.length === 0) return 0;
  const record = await readAssetRecord(dir);
  let written = 0;
  for (const photo of changedHere) {
    try {
      const segments = photo.asset.file.split('/');
      const bytes = await readFileInside(dir, ...segments).catch(() => null);
      // Not there, or neither the server's bytes nor this desk's captioned copy of them: the
      // fetch replaces it first, and the caption comes with the next change.
      if (!bytes || !isKnownCopy(record, photo, sha256(bytes))) continue;
      const file = await resolveInside(dir, ...segments);
      // A date in a form the writer cannot store is left out of the file (as placing does).
      await writeCaptionMeta(file, normalizeDate(photo.meta.dateCreated) === null ? { ...photo.meta, dateCreated: '' } : photo.meta);
      record[photo.asset.file] = { server: photo.asset.sha256, local: sha256(await readFile(file)), meta: photo.meta };
      written += 1;
    } catch (e) {
      log(`caption into ${photo.asset.file}: ${String(e)}`);
    }
  }
  if (written > 0) await writeJsonAtomic(join(dir, ASSET_RECORD_FILE), record);
  return written;
}
