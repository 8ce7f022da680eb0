import { extname } from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { readMetaFromBytes } from '../metadata';
import { rawHeader } from '../raw/raw-header';
import { rawContainer, rawPreview } from '../raw/raw-preview';
import { uprightJpeg } from '../raw/upright-jpeg';
import { dhashOf } from './dhash';
import { damageWarnings, decodeError } from './ingest-damage';
import { makeThumb } from './previews';
import { inBackground } from './preview-background';
import { finishRawPreview } from './ingest-background';
import { commitPhoto, discardCopy, stageCopy } from './group-commit';
import { afterThumbnails } from './thumbs-first';
import type { LibraryStore } from './store';

// A camera raw into the library (issue 15, item 1): the raw file itself is kept, byte for
// byte, under its content hash; the contact-sheet thumbnail comes from the JPEG the camera
// embedded (raw/raw-preview.ts), decoded with shrink-on-load straight to its size and turned
// by the raw's orientation, and the 1600 px loupe preview from the same JPEG behind the
// batch, as a camera JPEG's (Photo Mechanic's order); EXIF is read from the raw. Captions,
// ratings and labels go to an XMP sidecar beside the library copy (sidecar.ts; one the
// photographer brought along is attached by raw-sidecar.ts). The desk never writes into a raw.

export interface RawSource {
  name: string;
  sourcePath: string;
  bytes: Buffer;
}

export async function addRaw(store: LibraryStore, cacheDir: string, src: RawSource, sha256: string, now: Date,
  decoded: (photo: LibraryPhoto) => void = () => {}): Promise<{ status: 'added'; photo: LibraryPhoto }> {
  const { bytes, name } = src;
  if (!rawContainer(bytes)) throw appError('UNSUPPORTED_FORMAT', `${name}: not a raw layout the desk reads (TIFF-based or CR3)`);
  const preview = rawPreview(bytes);
  if (!preview) throw appError('RAW_NO_PREVIEW', name);

  const id = `ph-${sha256.slice(0, 20)}`;
  const file = `library/files/${id}.${extname(name).slice(1).toLowerCase()}`;
  const abs = store.filePath({ file });
  // The copy is staged under a temp name while the preview is decoded, and made durable
  // with its record by the group commit (group-commit.ts), as for every other photo.
  const staging = stageCopy(abs, bytes).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  try {
    // The thumbnail alone, for the sheet; the 1600 px preview follows in the background
    // (finishRawPreview), as a camera JPEG's does: the loupe waits for it (readPreview).
    const made = await makeThumb(uprightJpeg(preview.bytes, preview.orientation), cacheDir, id).catch((e: unknown) => { throw decodeError(e, name); });
    const fm = await readMetaFromBytes(bytes, abs, rawHeader(preview, name));
    const shown: LibraryPhoto = {
      id, sha256, originalSha256: sha256, fileName: name, sourcePath: src.sourcePath || name, file, sidecar: null,
      bytes: bytes.length, importedAt: now.toISOString(),
      rating: fm.marks.rating ?? 0, label: fm.marks.label ?? 'none',
      meta: fm.caption, tech: fm.tech, warnings: [...damageWarnings(made.damaged), ...fm.warnings],
    };
    decoded(shown);
    // Its hash and commit wait while the batch's other thumbnails are being made (thumbs-first.ts).
    await afterThumbnails(bytes.length);
    const dhash = await dhashOf(made.thumb).catch(() => undefined);
    const photo: LibraryPhoto = dhash !== undefined ? { ...shown, dhash } : shown;
    const staged = await staging;
    if (staged instanceof Error) throw staged;
    await commitPhoto(store, staged, photo);
    void inBackground(id, () => finishRawPreview(store, cacheDir, id, name), 'preview');
    return { status: 'added', photo };
  } catch (e) {
    // Not committed: the temp copy goes, so a failed ingest leaves nothing behind.
    const staged = await staging;
    if (!(staged instanceof Error)) await discardCopy(staged);
    throw e instanceof AppError ? e : appError('IO_ERROR', `${name}: ${(e as Error).message}`);
  }
}
