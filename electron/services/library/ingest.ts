import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import sharp from 'sharp';
import { AppError, type AppErrorData } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import { PhotoMeta } from '../../../shared/document/schema';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { writeFileAtomic } from '../atomic-write';
import { readMetaFromBytes } from '../metadata';
import { previewFor } from './embedded-previews';
import { inBackground } from './preview-background';
import { makePreviews, MAX_PIXELS, PREVIEW_SIZES, previewPath, thumbFromEmbedded } from './previews';
import { dhashOf } from './dhash';
import { jpegScanDamageOffThread } from './jpeg-scan-off-thread';
import type { LibraryStore } from './store';

// One photo into the library: hash, recognise duplicates, check the header before any
// decode (so a decompression bomb is refused by its pixel count, not by running out of
// memory), make previews, copy the file in, read its metadata, record it. The file's
// bytes are read once and everything is taken from them (issue 15).

export const MAX_FILE_BYTES = 1024 * 1024 * 1024;
const FORMATS: Record<string, string> = { jpeg: 'jpg', png: 'png', tiff: 'tif', webp: 'webp', heif: 'heic', avif: 'avif' };

export interface IngestSource {
  name: string;
  sourcePath: string;
  bytes: Buffer;
}

export type IngestResult =
  | { status: 'added'; photo: LibraryPhoto }
  | { status: 'duplicate'; photo: LibraryPhoto }
  | { status: 'failed'; name: string; error: AppErrorData };

/** Maps libvips' messages to what the user is told. */
function decodeError(e: unknown, name: string): AppError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/pixel limit/i.test(msg)) return appError('PIXEL_LIMIT', `${name}: ${msg}`);
  if (/unsupported image format|bad seek|not a known file format/i.test(msg)) return appError('UNSUPPORTED_FORMAT', `${name}: ${msg}`);
  // libjpeg says "premature end of JPEG image" for a file cut short, but "Corrupt JPEG
  // data: premature end of data segment" for a damaged scan in a complete file.
  if (/premature end of (JPEG|input)|truncated|unexpected end of file/i.test(msg)) return appError('IMAGE_TRUNCATED', `${name}: ${msg}`);
  return appError('IMAGE_DAMAGED', `${name}: ${msg.split('\n')[0]}`);
}

export const DAMAGED_PREFIX = '图像数据有损坏 / Image data is damaged';

/** The flag a photo gets when the strict decode reported damage the lenient one got past. */
function damageWarnings(damaged: string | null): string[] {
  return damaged ? [`${DAMAGED_PREFIX}: ${damaged}`] : [];
}

export async function ingest(store: LibraryStore, cacheDir: string, src: IngestSource, now = new Date()): Promise<IngestResult> {
  try {
    return await ingestOrThrow(store, cacheDir, src, now);
  } catch (e) {
    const err = e instanceof AppError ? e : appError('IO_ERROR', `${src.name}: ${(e as Error).message}`);
    return { status: 'failed', name: src.name, error: err.toData() };
  }
}

async function ingestOrThrow(store: LibraryStore, cacheDir: string, src: IngestSource, now: Date): Promise<IngestResult> {
  const { bytes, name } = src;
  if (bytes.length === 0) throw appError('FILE_EMPTY', name);
  if (bytes.length > MAX_FILE_BYTES) throw appError('FILE_TOO_LARGE', `${name}: ${bytes.length} bytes`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const pending = store.inflight.get(sha256) as Promise<IngestResult> | undefined;
  if (pending) {
    const first = await pending.catch(() => null);
    if (first && first.status !== 'failed') return { status: 'duplicate', photo: first.photo };
  }
  // Claimed before the first await, so a second copy in the same batch waits for this one.
  const work = (async (): Promise<IngestResult> => {
    const known = await store.findByHash(sha256);
    return known ? { status: 'duplicate', photo: known } : addNew(store, cacheDir, src, sha256, now);
  })();
  store.inflight.set(sha256, work);
  try {
    return await work;
  } finally {
    store.inflight.delete(sha256);
  }
}

async function addNew(store: LibraryStore, cacheDir: string, src: IngestSource, sha256: string, now: Date): Promise<IngestResult> {
  const { bytes, name } = src;

  let header: sharp.Metadata;
  try {
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw decodeError(e, name);
  }
  // libvips reports AVIF as "heif" with AV1 compression.
  const format = header.format === 'heif' && header.compression === 'av1' ? 'avif' : header.format;
  const ext = format ? FORMATS[format] : undefined;
  if (!ext) throw appError('UNSUPPORTED_FORMAT', `${name}: ${header.format ?? 'unknown'}`);
  const pixels = (header.width ?? 0) * (header.height ?? 0) * Math.max(1, header.pages ?? 1);
  if (pixels > MAX_PIXELS) throw appError('PIXEL_LIMIT', `${name}: ${header.width}×${header.height}`);
  // The header's claimed size against the data (issue 11, item 8): a SOF saying 16000×15000
  // in a 2 MB file is a damaged header, not a 240-megapixel photo, and decoding it would
  // cost seconds and hundreds of MB for grey. 0.0005 bytes a pixel is ten times below the
  // smallest real JPEG of that size.
  if (pixels > 4_000_000 && bytes.length * 2000 < pixels) {
    throw appError('IMAGE_DAMAGED', `${name}: the header claims ${header.width}×${header.height} but the file holds only ${bytes.length} bytes`);
  }

  const id = `ph-${sha256.slice(0, 20)}`;
  // Keep the photographer's extension where it names the same format (.jpeg, .JPG).
  const own = extname(name).slice(1).toLowerCase();
  const fileExt = own && (own === ext || (ext === 'jpg' && own === 'jpeg') || (ext === 'tif' && own === 'tiff')) ? own : ext;
  const file = `library/files/${id}.${fileExt}`;
  const abs = store.filePath({ file });

  // Metadata from the bytes in memory and the header above: the file is read once (issue 15).
  const { meta, tech, marks, warnings } = await metaOf(bytes, abs, header);

  // A camera's embedded preview gives the thumbnail at once; the primary image's preview
  // and scan check follow in the background (Photo Mechanic's order). Otherwise both sizes
  // come from one decode, with the scan check beside it on a worker thread.
  const embedded = ext === 'jpg' ? previewFor(bytes, { width: header.width ?? 0, height: header.height ?? 0 }, PREVIEW_SIZES.thumb) : null;
  const early = embedded !== null && await thumbFromEmbedded(embedded.bytes, tech.orientation, cacheDir, id).then(() => true, () => false);
  if (!early) {
    const [previews, scan] = await Promise.all([
      makePreviews(bytes, cacheDir, id).catch((e: unknown) => { throw decodeError(e, name); }),
      jpegScanDamageOffThread(bytes),
    ]);
    // Damaged but decodable: kept, and flagged on the record (issue 11, item 8).
    warnings.unshift(...damageWarnings(previews.damaged ?? scan));
  }
  await writeFileAtomic(abs, bytes);
  // Near-duplicates (issue 16): the hash of the thumbnail just made; a few ms (README).
  const dhash = await dhashOf(previewPath(cacheDir, id, 'thumb')).catch(() => undefined);
  const photo: LibraryPhoto = {
    id, sha256, originalSha256: sha256, fileName: name, sourcePath: src.sourcePath || name, file, sidecar: null,
    bytes: bytes.length, importedAt: now.toISOString(), ...marks, meta, tech, warnings,
    ...(dhash !== undefined ? { dhash } : {}),
  };
  await store.put(photo);
  if (early) void inBackground(id, () => finishFromPrimary(store, cacheDir, id, name));
  return { status: 'added', photo };
}

interface MetaParts { meta: PhotoMeta; tech: LibraryPhoto['tech']; marks: Pick<LibraryPhoto, 'rating' | 'label'>; warnings: string[] }

async function metaOf(bytes: Buffer, abs: string, header: sharp.Metadata): Promise<MetaParts> {
  try {
    const fm = await readMetaFromBytes(bytes, abs, header);
    // Picks made in Photo Mechanic or Bridge arrive with the file (xmp:Rating, xmp:Label).
    const marks = { rating: fm.marks.rating ?? 0, label: fm.marks.label ?? 'none' };
    return { meta: fm.caption, tech: fm.tech, marks, warnings: [...fm.warnings] };
  } catch (e) {
    const tech: LibraryPhoto['tech'] = {
      width: header.width ?? 0, height: header.height ?? 0, format: header.format ?? '', orientation: 1, captureDate: null,
      make: '', model: '', lens: '', iso: null, fNumber: null, exposureTime: null, focalLength: null, gps: null,
    };
    return { meta: PhotoMeta.parse({ caption: { zh: '', en: '' } }), tech, marks: { rating: 0, label: 'none' }, warnings: [`metadata: ${(e as Error).message}`] };
  }
}

/**
 * The background half of an ingest whose thumbnail came from an embedded preview: the
 * 1600 px preview and thumbnail from the primary image (read back from the library copy,
 * so a card of 500 photos is not held in memory), and the damage flags that decode and
 * the scan check find, added to the record afterwards.
 */
async function finishFromPrimary(store: LibraryStore, cacheDir: string, id: string, name: string): Promise<void> {
  const photo = await store.get(id);
  if (!photo) return;
  const bytes = await store.readBytes(photo);
  let damaged: string | null;
  try {
    ({ damaged } = await makePreviews(bytes, cacheDir, id));
  } catch (e) {
    damaged = decodeError(e, name).message;
  }
  damaged ??= await jpegScanDamageOffThread(bytes);
  if (!damaged) return;
  const found = damaged;
  await store.mutate(async () => {
    const now = await store.get(id);
    if (now && !now.warnings.some((w) => w.startsWith(DAMAGED_PREFIX))) await store.put({ ...now, warnings: [...damageWarnings(found), ...now.warnings] });
  });
}

/** Ingests files from disk with several in flight (sharp decodes one image per thread). */
export async function ingestPaths(store: LibraryStore, cacheDir: string, paths: { path: string; sourcePath: string }[], inFlight = 4,
  onResult: (r: IngestResult) => void = () => {}): Promise<IngestResult[]> {
  const results: IngestResult[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      const p = paths[i]!;
      const name = p.path.split(/[/\\]/).pop()!;
      let r: IngestResult;
      try {
        r = await ingest(store, cacheDir, { name, sourcePath: p.sourcePath, bytes: await readFile(p.path) });
      } catch (e) {
        r = { status: 'failed', name, error: appError('IO_ERROR', `${name}: ${(e as Error).message}`).toData() };
      }
      results[i] = r;
      onResult(r);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, paths.length) }, worker));
  return results;
}
