import { access } from 'node:fs/promises';
import { appError } from '../../../shared/contract/messages';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { writeFileAtomic } from '../atomic-write';
import { readMetaFromBytes, sidecarPath } from '../metadata';
import { isCameraRaw } from '../metadata/sidecar';
import { decodeXmpBytes } from '../metadata/xmp/xmp-encoding';
import { parseXmp } from '../metadata/xmp/xmp-dom';
import type { LibraryStore } from './store';

// The XMP sidecar a raw came with (NAME.xmp beside NAME.CR2: Lightroom's, Bridge's, Photo
// Mechanic's captions, ratings, labels and develop settings), attached after the raw is in
// the library. It is copied byte for byte beside the library copy, where the desk's own
// caption writes then update it (so Lightroom's settings in it survive), and the record
// is read again from raw + sidecar. A separate call from the raw's ingest, since the
// browser host carries one file's bytes per request.

export async function attachRawSidecar(store: LibraryStore, id: string, bytes: Buffer): Promise<LibraryPhoto> {
  return store.mutate(async () => {
    const photo = await store.get(id);
    if (!photo) throw appError('NOT_FOUND', id);
    if (!isCameraRaw(photo.file)) throw appError('INVALID_ARGUMENT', `${photo.fileName}: a sidecar belongs to a camera raw`);
    // A sidecar that does not parse is never written; the raw stays as it was ingested.
    try {
      parseXmp(decodeXmpBytes(bytes), true);
    } catch (e) {
      throw appError('RAW_SIDECAR_UNREADABLE', `${photo.fileName.replace(/\.[^.]*$/, '')}.xmp: ${(e as Error).message.split('\n')[0]}`);
    }
    const abs = store.filePath(photo);
    const side = sidecarPath(abs);
    // One already there holds what was captioned on the desk (a second import of the same
    // card): it is the newer word and is never replaced.
    if (photo.sidecar || (await access(side).then(() => true, () => false))) return photo;
    await writeFileAtomic(side, bytes);
    const fm = await readMetaFromBytes(await store.readBytes(photo), abs);
    const next: LibraryPhoto = {
      ...photo, sidecar: side.split(/[/\\]/).slice(-3).join('/'),
      meta: fm.caption, tech: fm.tech, rating: fm.marks.rating ?? photo.rating, label: fm.marks.label ?? photo.label,
      warnings: [...photo.warnings.filter((w) => !fm.warnings.includes(w)), ...fm.warnings],
    };
    await store.put(next);
    return next;
  });
}
