import { mkdir, open, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { appError } from '../../../shared/contract/messages';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { isJpeg, parseJpeg } from '../metadata/containers/jpeg';
import { giveBytes, takeBytes } from './byte-pool';
import { fittingPreview, previewAt, previewSpans, type EmbeddedPreview } from './embedded-previews';
import { tempPathFor } from '../atomic-write';
import { makeDurable } from '../durable-lane';
import { hashFile, type FileHash } from './hash-lane';
import { claimByHash, guarded, MAX_FILE_BYTES, metaOf, newFile, recordShown, withStaging, type IngestHooks, type IngestResult } from './ingest';
import { PREVIEW_SIZES, thumbFromEmbedded, wholeJpeg } from './previews';
import type { LibraryStore } from './store';

// A camera JPEG from disk on the contact sheet without the file in memory (issue 15,
// Photo Mechanic's way with a card). Its thumbnail needs only the header segments at the
// start of the file (libvips header, EXIF, XMP, IPTC, the MPF index) and the embedded
// preview near its end: a few hundred KB of a 3–25 MB file. The hash lane reads the whole
// file for its SHA-256 through a buffer of its own and writes the library copy from that
// buffer as it goes, so the copy holds exactly the bytes the photo is recorded by, made in
// the one pass (a kernel copy hashed again cost a second read and hash of every file). The
// whole file read into new memory was the largest cost of a card's thumbnails on a VM that
// pays page faults for fresh memory (byte-pool.ts): 82 MB for 24 files, 0.3–0.5 s of
// system time.
//
// Anything this path does not expect (no header segments within HEAD_BYTES, no embedded
// preview of the photo's shape and size, a header libvips refuses) sends the file the
// usual way (ingest.ts: the whole file in memory, one decode), which also gives the errors.

/** The first bytes read: camera header segments (EXIF ≤ 64 KB, MPF, XMP, ICC) fit. */
export const HEAD_BYTES = 256 << 10;
/** An embedded preview larger than this is not a thumbnail's source. */
const MAX_PREVIEW_BYTES = 16 << 20;

export interface CameraFile {
  name: string;
  sourcePath: string;
  path: string;
}

/** What was read of the file: its header segments, its chosen preview, and the hash lane's reading of the whole. */
interface Read {
  size: number;
  head: Buffer;
  header: sharp.Metadata;
  preview: EmbeddedPreview;
  hash: Promise<FileHash>;
  /** The library copy the lane writes (a temp name in the library's files folder; the commit renames it). */
  copy: string;
  /** Every pooled buffer read into, to give back. */
  taken: Buffer[];
}

/**
 * Reads what the photo's thumbnail needs and starts its ingest from it: `running` is the
 * ingest (results and errors as ingest's), already counted as making a thumbnail when this
 * resolves (thumbs-first.ts). Null when the file is not a camera JPEG this path takes: the
 * caller then ingests it whole.
 */
export async function startCameraFile(store: LibraryStore, cacheDir: string, src: CameraFile, now = new Date(),
  hooks: IngestHooks = {}): Promise<{ running: Promise<IngestResult> } | null> {
  const read = await readCamera(src.path, join(store.dir, 'files')).catch(() => null);
  if (!read) return null;
  const running = guarded(src.name, hooks, (h, noThumbnail) => fromRead(store, cacheDir, src, read, now, h, noThumbnail));
  return {
    running: running.finally(async () => {
      // The lane may still be reading when an error ended the ingest early.
      await read.hash.catch(() => {});
      letGo(read);
      // Committed, the copy was renamed away; otherwise (a duplicate, an error) it goes.
      await unlink(read.copy).catch(() => {});
    }),
  };
}

/** `filesDir`: the library's files folder, where the lane writes the copy under a temp name. */
async function readCamera(path: string, filesDir: string): Promise<Read | null> {
  const fh = await open(path, 'r');
  const taken: Buffer[] = [];
  let read: Read | null = null;
  try {
    const { size } = await fh.stat();
    if (size === 0 || size > MAX_FILE_BYTES) return null;
    const head = await readSpan(fh, 0, Math.min(size, HEAD_BYTES), taken);
    if (!isJpeg(head) || !headerWithin(head)) return null;
    const spans = previewSpans(head, size).filter((s) => s.length <= MAX_PREVIEW_BYTES).slice(0, 4);
    if (spans.length === 0) return null;
    const header = { ...(await sharp(head, { limitInputPixels: false }).metadata()), size };
    const found = await Promise.all(spans.map(async (s) => ({ s, p: previewAt(await readSpan(fh, s.start, s.length, taken), s.source) })));
    const preview = fittingPreview(found.flatMap((f) => (f.p ? [f.p] : [])), { width: header.width ?? 0, height: header.height ?? 0 }, PREVIEW_SIZES.thumb);
    // A preview cut short in the file is taken for a torn cache file (previews.ts): not a source.
    if (!preview || !wholeJpeg(preview.bytes)) return null;
    const at = found.find((f) => f.p === preview)!.s.start;
    // The lane reads the whole file, hashing the parts read here too, so what is shown is
    // known to be of the file that is recorded, and writes the copy on the way.
    await mkdir(filesDir, { recursive: true });
    const copy = tempPathFor(join(filesDir, 'incoming'));
    const hash = hashFile(path, [{ start: 0, bytes: head }, { start: at, bytes: preview.bytes }], copy).then((h) => {
      // The copy's data goes to disk now, on the durable lane's thread, while the batch's
      // other thumbnails are made: the group commit's fdatasync of it then finds it clean
      // (ingest-camera: the commit of 24 photos 77 → 11 ms, the thumbnails unchanged). A
      // copy that is not committed after all is removed; its sync was only early.
      void makeDurable([{ sync: [copy], renames: [], dirs: [] }]).catch(() => {});
      return sameFile(h, size);
    });
    read = { size, head, header, preview, hash, copy, taken };
    return read;
  } catch {
    return null;
  } finally {
    await fh.close();
    // Not taking this path: the caller reads the file whole; nothing read here is needed.
    if (!read) for (const b of taken) giveBytes(b);
  }
}

/** Gives the pooled memory read into back, once. */
function letGo(read: Read): void {
  for (const b of read.taken.splice(0)) giveBytes(b);
}

/** Whether the header segments end (SOS) within the bytes read. */
function headerWithin(head: Buffer): boolean {
  try {
    return parseJpeg(head).sosStart < head.length;
  } catch {
    return false;
  }
}

async function readSpan(fh: FileHandle, start: number, length: number, taken: Buffer[]): Promise<Buffer> {
  const buf = takeBytes(length);
  taken.push(buf);
  let at = 0;
  while (at < length) {
    const { bytesRead } = await fh.read(buf, at, length - at, start + at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return at === length ? buf : buf.subarray(0, at);
}

/** The lane's reading against what was read here: the same size, the same bytes. */
function sameFile(h: FileHash, size: number): FileHash {
  if (!h.same || h.size !== size || h.read !== size) throw new Changed();
  return h;
}

/** The file is not what it was when its header was read. */
class Changed extends Error {}

async function fromRead(store: LibraryStore, cacheDir: string, src: CameraFile, read: Read, now: Date, hooks: IngestHooks,
  noThumbnail: () => void): Promise<IngestResult> {
  const { hex: sha256 } = await read.hash.catch((e: unknown) => {
    throw e instanceof Changed ? appError('FILE_CHANGED', src.name) : appError('IO_ERROR', `${src.name}: ${(e as Error).message}`);
  });
  return claimByHash(store, sha256, noThumbnail, () => addCamera(store, cacheDir, src, read, sha256, now, hooks));
}

async function addCamera(store: LibraryStore, cacheDir: string, src: CameraFile, read: Read, sha256: string, now: Date,
  hooks: IngestHooks): Promise<IngestResult> {
  const { name } = src;
  const { id, file } = newFile(read.header, name, read.size, sha256);
  const abs = store.filePath({ file });
  const { meta, tech, marks, warnings } = await metaOf(read.head, abs, read.header);
  const thumb = await thumbFromEmbedded(read.preview.bytes, tech.orientation, cacheDir, id);
  // The lane has compared them (fromRead) and the thumbnail is a copy: the next photos may
  // read into this memory while this one waits for its copy and record.
  letGo(read);
  const shown: LibraryPhoto = {
    id, sha256, originalSha256: sha256, fileName: name, sourcePath: src.sourcePath || name, file, sidecar: null,
    bytes: read.size, importedAt: now.toISOString(), ...marks, meta, tech, warnings,
  };
  return withStaging(() => Promise.resolve({ tmp: read.copy, target: abs }),
    (copy) => recordShown(store, cacheDir, shown, thumb, 'preview', thumb.length, copy, hooks));
}
