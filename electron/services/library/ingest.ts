import { extname } from 'node:path';
import sharp from 'sharp';
import { AppError, type AppErrorData } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import { PhotoMeta } from '../../../shared/document/schema';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { readMetaFromBytes } from '../metadata';
import { previewFor } from './embedded-previews';
import { foregroundWork, inBackground } from './preview-background';
import { finishFromPrimary, scanCheckLater } from './ingest-background';
import { damageWarnings, decodeError } from './ingest-damage';
import { makePreviews, MAX_PIXELS, PREVIEW_SIZES, thumbFromEmbedded } from './previews';
import { dhashOf } from './dhash';
import { commitPhoto, discardCopy, stageCopy, type StagedCopy } from './group-commit';
import { isCameraRaw } from '../metadata/sidecar';
import { afterThumbnails, makingThumbnail } from './thumbs-first';
import { sha256Of } from './hash-lane';
import { addRaw } from './raw-ingest';
import { rawContainer } from '../raw/raw-preview';
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

export { DAMAGED_PREFIX } from './ingest-damage';

/**
 * `decoded`: called once the photo's CPU work is done and its thumbnail is in the cache,
 * with the photo as it will be recorded; only its library copy and record are left to
 * reach the disk (the sheet may draw it now: issue 15, "thumbnails before the record").
 * `held`: the bytes the photo keeps in memory until it is committed (its whole file when
 * left out; a camera file read from disk keeps only its thumbnail).
 */
export interface IngestHooks { decoded?: (photo: LibraryPhoto, held?: number) => void }

export function ingest(store: LibraryStore, cacheDir: string, src: IngestSource, now = new Date(), hooks: IngestHooks = {}): Promise<IngestResult> {
  return guarded(src.name, hooks, (h, noThumbnail) => ingestOrThrow(store, cacheDir, src, now, h, noThumbnail));
}

/**
 * One photo's ingest by `body`, as the batch sees it: background work waits while it runs,
 * it holds back the batch's commits until its thumbnail is made (or it makes none), and
 * whatever it throws comes back as a failed result with the photo's name.
 */
export async function guarded(name: string, hooks: IngestHooks,
  body: (hooks: IngestHooks, noThumbnail: () => void) => Promise<IngestResult>): Promise<IngestResult> {
  // Background work (previews from the primary image, scan checks) waits while ingests run.
  const done = foregroundWork();
  // Until its thumbnail is made, this photo holds back the others' copies and commits (thumbs-first.ts).
  const thumbDone = makingThumbnail();
  const decoded = (photo: LibraryPhoto, held?: number) => { thumbDone(); hooks.decoded?.(photo, held); };
  try {
    return await body({ decoded }, thumbDone);
  } catch (e) {
    const err = e instanceof AppError ? e : appError('IO_ERROR', `${name}: ${(e as Error).message}`);
    return { status: 'failed', name, error: err.toData() };
  } finally {
    thumbDone();
    done();
  }
}

async function ingestOrThrow(store: LibraryStore, cacheDir: string, src: IngestSource, now: Date, hooks: IngestHooks,
  noThumbnail: () => void): Promise<IngestResult> {
  const { bytes, name } = src;
  if (bytes.length === 0) throw appError('FILE_EMPTY', name);
  if (bytes.length > MAX_FILE_BYTES) throw appError('FILE_TOO_LARGE', `${name}: ${bytes.length} bytes`);
  const sha256 = await sha256Of(bytes);
  return claimByHash(store, sha256, noThumbnail, () => addNew(store, cacheDir, src, sha256, now, hooks));
}

/**
 * The photo of this content hash added by `add`, unless the library has it or another copy
 * in the batch is being added (then a duplicate of that one, once it is in).
 */
export async function claimByHash(store: LibraryStore, sha256: string, noThumbnail: () => void,
  add: () => Promise<IngestResult>): Promise<IngestResult> {
  const pending = store.inflight.get(sha256) as Promise<IngestResult> | undefined;
  if (pending) {
    // A second copy in the batch makes no thumbnail; waiting on the first, it must not hold the first's commit back.
    noThumbnail();
    const first = await pending.catch(() => null);
    if (first && first.status !== 'failed') return { status: 'duplicate', photo: first.photo };
  }
  // Claimed before the first await, so a second copy in the same batch waits for this one.
  const work = (async (): Promise<IngestResult> => {
    const known = await store.findByHash(sha256);
    return known ? { status: 'duplicate', photo: known } : add();
  })();
  store.inflight.set(sha256, work);
  try {
    return await work;
  } finally {
    store.inflight.delete(sha256);
  }
}

async function addNew(store: LibraryStore, cacheDir: string, src: IngestSource, sha256: string, now: Date, hooks: IngestHooks): Promise<IngestResult> {
  const { bytes, name } = src;
  // Camera raws are drawn through the JPEG they embed (raw-ingest.ts): libvips would take a
  // CR2 or NEF for a TIFF of its small IFD0 image. A "raw" that is a JPEG inside (some tools
  // write those) goes the JPEG way.
  if (isCameraRaw(name) && rawContainer(bytes)) return addRaw(store, cacheDir, src, sha256, now, hooks.decoded);

  let header: sharp.Metadata;
  try {
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw decodeError(e, name, bytes);
  }
  const { id, file, ext } = newFile(header, name, bytes.length, sha256);
  const abs = store.filePath({ file });
  // The library copy is written under a temp name while the previews are made, and made
  // durable with its record by the group commit (group-commit.ts), off the decode path.
  return withStaging(() => stageCopy(abs, bytes), (copy) => describeAndRecord(store, cacheDir, src, sha256, now, { id, file, ext, header }, copy, hooks));
}

/** A library copy staged when first asked for (an error comes back as the value). */
export type StageCopy = () => Promise<StagedCopy | Error>;

/**
 * `body` with the photo's library copy staged by `stage` when it first asks: a staged copy
 * that was not committed when `body` throws is removed (a committed one was renamed away,
 * so this removes nothing).
 */
export async function withStaging(stage: () => Promise<StagedCopy>, body: (copy: StageCopy) => Promise<IngestResult>): Promise<IngestResult> {
  const staging: { copy: Promise<StagedCopy | Error> | null } = { copy: null };
  const copy = () => (staging.copy ??= stage().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
  try {
    return await body(copy);
  } catch (e) {
    const s = staging.copy ? await staging.copy : null;
    if (s && !(s instanceof Error)) await discardCopy(s);
    throw e;
  }
}

/**
 * The library file of a photo with this libvips header: its format checked, its pixels
 * against the limits, its name. `fileBytes` is the file's whole length.
 */
export function newFile(header: sharp.Metadata, name: string, fileBytes: number, sha256: string): NewFile {
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
  if (pixels > 4_000_000 && fileBytes * 2000 < pixels) {
    throw appError('IMAGE_DAMAGED', `${name}: the header claims ${header.width}×${header.height} but the file holds only ${fileBytes} bytes`);
  }
  const id = `ph-${sha256.slice(0, 20)}`;
  // Keep the photographer's extension where it names the same format (.jpeg, .JPG).
  const own = extname(name).slice(1).toLowerCase();
  const fileExt = own && (own === ext || (ext === 'jpg' && own === 'jpeg') || (ext === 'tif' && own === 'tiff')) ? own : ext;
  return { id, file: `library/files/${id}.${fileExt}`, ext, header };
}

interface NewFile { id: string; file: string; ext: string; header: sharp.Metadata }

/** Metadata, previews (or the embedded thumbnail) and the record of a photo whose copy is being written. */
async function describeAndRecord(store: LibraryStore, cacheDir: string, src: IngestSource, sha256: string, now: Date, f: NewFile,
  copy: StageCopy, hooks: IngestHooks): Promise<IngestResult> {
  const { bytes, name } = src;
  const { id, file, ext, header } = f;

  // Metadata from the bytes in memory and the header above: the file is read once (issue 15).
  const { meta, tech, marks, warnings } = await metaOf(bytes, store.filePath({ file }), header);

  // A camera's embedded preview gives the thumbnail at once; the primary image's preview
  // and scan check follow in the background (Photo Mechanic's order). Otherwise both sizes
  // come from one strict decode, which flags most damage here; the JPEG scan check (the bad
  // codes libjpeg-turbo 3 passes silently) follows in the background, off the critical path.
  const embedded = ext === 'jpg' ? previewFor(bytes, { width: header.width ?? 0, height: header.height ?? 0 }, PREVIEW_SIZES.thumb) : null;
  // An embedded thumbnail is a small write: it goes first, so the copy's 10 MB write
  // (which holds one of libuv's few threads) does not keep it from the sheet.
  let thumb = embedded === null ? null : await thumbFromEmbedded(embedded.bytes, tech.orientation, cacheDir, id).catch(() => null);
  const early = thumb !== null;
  let checkLater = false;
  if (!thumb) {
    // A decode takes long enough to write the copy beside it (the embedded case writes it after the hold below).
    void copy();
    const previews = await makePreviews(bytes, cacheDir, id).catch((e: unknown) => { throw decodeError(e, name, bytes); });
    thumb = previews.thumb;
    // Damaged but decodable: kept, and flagged on the record (issue 11, item 8).
    warnings.unshift(...damageWarnings(previews.damaged));
    checkLater = ext === 'jpg' && !previews.damaged;
  }
  const shown: LibraryPhoto = {
    id, sha256, originalSha256: sha256, fileName: name, sourcePath: src.sourcePath || name, file, sidecar: null,
    bytes: bytes.length, importedAt: now.toISOString(), ...marks, meta, tech, warnings,
  };
  const after = early ? 'preview' : checkLater ? 'check' : null;
  return recordShown(store, cacheDir, shown, thumb, after, bytes.length, copy, hooks);
}

/**
 * The rest of a photo's ingest once its thumbnail is made: on the sheet at once, then its
 * near-duplicate hash, library copy and record, and the background work `after` names
 * (the full preview of a photo whose thumbnail came from its embedded preview, or the scan
 * check of one decoded here). `held`: the bytes this photo keeps in memory while it waits.
 */
export async function recordShown(store: LibraryStore, cacheDir: string, shown: LibraryPhoto, thumb: Buffer,
  after: 'preview' | 'check' | null, held: number, copy: StageCopy, hooks: IngestHooks): Promise<IngestResult> {
  const { id } = shown;
  // The sheet can draw it now; the record follows with the near-duplicate hash.
  hooks.decoded?.(shown, held);
  // A thumbnail from the embedded preview took no decode: the rest waits while the batch's
  // other thumbnails are being made (thumbs-first.ts). A decoded photo goes straight on: its
  // commit's syncs wait on the disk beside 100 ms decodes that barely notice them, and
  // holding it would only leave a larger commit at the end of the batch (ingest-24mp: the
  // time from the last thumbnail to the last commit 18–56 ms held, 6–34 ms not).
  if (after === 'preview') await afterThumbnails(held);
  // Near-duplicates (issue 16): the hash of the thumbnail just made, from its bytes in
  // memory rather than read back from the cache; 2–7 ms (a camera's 1620 px preview is the
  // dearer), kept before the record so every record has it (README).
  const dhash = await dhashOf(thumb).catch(() => undefined);
  const photo: LibraryPhoto = dhash !== undefined ? { ...shown, dhash } : shown;
  const staged = await copy();
  if (staged instanceof Error) throw staged;
  // Reported "in the library" only once its copy and record are durable (group-commit.ts).
  await commitPhoto(store, staged, photo);
  if (after === 'preview') void inBackground(id, () => finishFromPrimary(store, cacheDir, id, shown.fileName), 'preview');
  else if (after === 'check') void inBackground(id, () => scanCheckLater(store, id), 'check');
  return { status: 'added', photo };
}

interface MetaParts { meta: PhotoMeta; tech: LibraryPhoto['tech']; marks: Pick<LibraryPhoto, 'rating' | 'label'>; warnings: string[] }

export async function metaOf(bytes: Buffer, abs: string, header: sharp.Metadata): Promise<MetaParts> {
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
