import { extname } from 'node:path';
import { unlink } from 'node:fs/promises';
import { AppError } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { writeFileAtomic } from '../atomic-write';
import { readMetaFromBytes, sidecarPath } from '../metadata';
import { decodeXmpBytes } from '../metadata/xmp/xmp-encoding';
import { parseXmp } from '../metadata/xmp/xmp-dom';
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
// shrink-on-load and turned by the raw's orientation; EXIF is read from the raw; an XMP
// sidecar that came with it (NAME.xmp, Lightroom's and Photo Mechanic's) is kept beside the
// library copy, where captions, ratings and labels are written later (sidecar.ts). The desk
// never writes into a raw.

export interface RawSource {
  name: string;
  sourcePath: string;
  bytes: Buffer;
  /** The NAME.xmp that sat beside the raw, when the user picked it with the raw. */
  sidecar?: Buffer | undefined;
}

/** A sidecar is kept only when it parses as XMP; a damaged one is reported and left out. */
function usableSidecar(bytes: Buffer | undefined, warnings: string[]): Buffer | null {
  if (!bytes || bytes.length === 0) return null;
  try {
    parseXmp(decodeXmpBytes(bytes), true);
    return bytes;
  } catch (e) {
    warnings.push(`XMP sidecar unreadable, not kept: ${(e as Error).message.split('\n')[0]}`);
    return null;
  }
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
  const warnings: string[] = [];
  const sidecar = usableSidecar(src.sidecar, warnings);
  const written: string[] = [];
  try {
    // The copy and its sidecar reach the disk while the preview is decoded; both are
    // settled before anything is cleaned up, so a failure leaves no late-written file.
    const copying = Promise.allSettled([
      writeFileAtomic(abs, bytes).then(() => { written.push(abs); }),
      sidecar ? writeFileAtomic(sidecarPath(abs), sidecar).then(() => { written.push(sidecarPath(abs)); }) : Promise.resolve(),
    ]);
    let damaged: string | null;
    try {
      ({ damaged } = await makePreviews(uprightJpeg(preview.bytes, preview.orientation), cacheDir, id).catch((e: unknown) => { throw decodeError(e, name); }));
    } finally {
      await copying;
    }
    const failed = (await copying).find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    decoded();
    warnings.unshift(...damageWarnings(damaged));
    // The sidecar beside the copy is read as the one beside any raw (read-file-meta.ts).
    const fm = await readMetaFromBytes(bytes, abs, rawHeader(preview, name));
    const dhash = await dhashOf(previewPath(cacheDir, id, 'thumb')).catch(() => undefined);
    const photo: LibraryPhoto = {
      id, sha256, originalSha256: sha256, fileName: name, sourcePath: src.sourcePath || name, file,
      sidecar: sidecar ? `library/files/${id}.xmp` : null,
      bytes: bytes.length, importedAt: now.toISOString(),
      rating: fm.marks.rating ?? 0, label: fm.marks.label ?? 'none',
      meta: fm.caption, tech: fm.tech, warnings: [...warnings, ...fm.warnings],
      ...(dhash !== undefined ? { dhash } : {}),
    };
    await store.put(photo);
    return { status: 'added', photo };
  } catch (e) {
    // Nothing refers to the copies until the record: a failed ingest leaves none behind.
    await Promise.all(written.map((f) => unlink(f).catch(() => {})));
    throw e instanceof AppError ? e : appError('IO_ERROR', `${name}: ${(e as Error).message}`);
  }
}
