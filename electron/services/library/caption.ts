import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { appError } from '../../../shared/contract/messages';
import { AppError } from '../../../shared/contract/errors';
import type { PhotoMeta } from '../../../shared/document/schema';
import type { ColorLabel, LibraryPhoto } from '../../../shared/photo/library';
import { normalizeDate, writeCaptionMeta, writeMarksMeta } from '../metadata';
import type { LibraryStore } from './store';

// Captions are written into the photo file first (XMP, and IPTC where the file has it),
// then into the record: the file is the truth that Photo Mechanic, Bridge and exiftool see.

async function mustGet(store: LibraryStore, id: string): Promise<LibraryPhoto> {
  const p = await store.get(id);
  if (!p) throw appError('NOT_FOUND', id);
  return p;
}

export function captionPhoto(store: LibraryStore, id: string, meta: PhotoMeta): Promise<LibraryPhoto> {
  return store.mutate(() => writeCaption(store, id, meta));
}

async function writeCaption(store: LibraryStore, id: string, input: PhotoMeta): Promise<LibraryPhoto> {
  const photo = await mustGet(store, id);
  // The file stores ISO dates (2026-02-06) whatever was typed (2026年2月6日); so does the record.
  const meta = { ...input, dateCreated: normalizeDate(input.dateCreated) ?? input.dateCreated };
  const abs = await store.resolveFile(photo);
  let sidecar: string | null;
  let written: PhotoMeta;
  try {
    // The record keeps the text as the file holds it (write-caption-meta.ts: asWritten).
    ({ sidecar, meta: written } = await writeCaptionMeta(abs, meta));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw appError('METADATA_WRITE_FAILED', `${photo.fileName}: ${(e as Error).message}`);
  }
  const sha256 = createHash('sha256').update(await readFile(abs)).digest('hex');
  const next: LibraryPhoto = { ...photo, meta: { ...meta, ...written }, sha256, sidecar: sidecar ? sidecar.split(/[/\\]/).slice(-3).join('/') : null };
  await store.put(next);
  return next;
}

/** Warnings the desk adds when a pick could not go into the file; replaced on each try. */
const MARKS_WARNING = 'rating/label not written into the file: ';

/**
 * Ratings and labels go into the file as xmp:Rating / xmp:Label (Bridge's and Photo Mechanic's
 * places), then into the record. A file that cannot take them (damaged structure, XMP that
 * does not parse) keeps its bytes; the record still carries the pick and says why in its
 * warnings, so a batch of many photos never stops at one.
 */
export function markPhotos(store: LibraryStore, ids: string[], marks: { rating?: number | undefined; label?: ColorLabel | undefined }): Promise<LibraryPhoto[]> {
  return store.mutate(async () => {
    const out: LibraryPhoto[] = [];
    for (const id of ids) {
      const p = await mustGet(store, id);
      const change = {
        ...(marks.rating !== undefined && marks.rating !== p.rating ? { rating: marks.rating } : {}),
        ...(marks.label !== undefined && marks.label !== p.label ? { label: marks.label } : {}),
      };
      if (Object.keys(change).length === 0) { out.push(p); continue; }
      const abs = store.filePath(p);
      let warnings = p.warnings.filter((w) => !w.startsWith(MARKS_WARNING));
      let { sha256, sidecar } = p;
      try {
        const r = await writeMarksMeta(abs, change);
        if (r.sidecar) sidecar = r.sidecar.split(/[/\\]/).slice(-3).join('/');
        else sha256 = createHash('sha256').update(await readFile(abs)).digest('hex');
      } catch (e) {
        const why = e instanceof AppError ? e.message : (e as Error).message;
        warnings = [...warnings, `${MARKS_WARNING}${why}`];
      }
      const next: LibraryPhoto = { ...p, ...change, sha256, sidecar, warnings };
      await store.put(next);
      out.push(next);
    }
    return out;
  });
}
