import { extname } from 'node:path';
import { unlink } from 'node:fs/promises';
import { AppError } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { writeFileAtomic } from '../atomic-write';
import { readMetaFromBytes } from '../metadata';
import { rawHeader } from '../raw/raw-header';
import { rawContainer, rawPreview } from '../raw/raw-preview';
import { uprightJpeg } from '../raw/upright-jpeg';
import { dhashOf } from './dhash';
import { damageWarnings, decodeError } from './ingest-damage';
import { makePreviews, previewPath } from './previews';
import type { LibraryStore } from './store';

// A camera raw into the library (issue 15, item 1): the raw file itself is kept, byte for
// byte, under its content hash; the contact-sheet thumbnail and the 1600 px loupe preview
// come from the JPEG the camera embedded (raw/raw-preview.ts), decoded once with
// shrink-on-load and turned by the raw's orientation; EXIF is read from the raw. Captions,
// ratings and labels go to an XMP sidecar beside the library copy (sidecar.ts; one the
// photographer brought along is attached by raw-sidecar.ts). The desk never writes into a raw.

export interface RawSource {
  name: string;
  sourcePath: string;
  bytes: Buffer;
}

export async function addRaw(store: LibraryStore, cacheDir: string, src: RawSource, sha256: string, now: Date,
  decoded: () => void = () => {}): Promise<{ status: 'added'; photo: LibraryPhoto }> {
  const { bytes, name } = src;
  if (!rawContainer(bytes)) throw appError('UNSUPPORTED_FORMAT', `${name}: not a raw layout the desk reads (TIFF-based or CR3)`);
  const preview = rawPreview(bytes);
  if (!preview) throw appError('RAW_NO_PREVIEW', name);

  const id = `ph-${sha256.slice(0, 20)}`;
  const file = `library/files/${id}.${extname(name).slice(1).toLowerCase()}`;
  const abs = store.filePath({ file });
  let written = false;
  // The copy reaches the disk while the preview is decoded.
  const copying = writeFileAtomic(abs, bytes).then(() => { written = true; });
  try {
    let damaged: string | null;
    try {
      ({ damaged } = await makePreviews(uprightJpeg(preview.bytes, preview.orientation), cacheDir, id).catch((e: unknown) => { throw decodeError(e, name); }));
    } finally {
      // Settled before anything is cleaned up, so a failure leaves no late-written copy.
      await copying.catch(() => {});
    }
    await copying;
    decoded();
    const fm = await readMetaFromBytes(bytes, abs, rawHeader(preview, name));
    const dhash = await dhashOf(previewPath(cacheDir, id, 'thumb')).catch(() => undefined);
    const photo: LibraryPhoto = {
      id, sha256, originalSha256: sha256, fileName: name, sourcePath: src.sourcePath || name, file, sidecar: null,
      bytes: bytes.length, importedAt: now.toISOString(),
      rating: fm.marks.rating ?? 0, label: fm.marks.label ?? 'none',
      meta: fm.caption, tech: fm.tech, warnings: [...damageWarnings(damaged), ...fm.warnings],
      ...(dhash !== undefined ? { dhash } : {}),
    };
    await store.put(photo);
    return { status: 'added', photo };
  } catch (e) {
    // Nothing refers to the copy until the record: a failed ingest leaves none behind.
    if (written) await unlink(abs).catch(() => {});
    throw e instanceof AppError ? e : appError('IO_ERROR', `${name}: ${(e as Error).message}`);
  }
}
