import type { IngestResultT, Output } from '../../../../shared/contract/contract';
import type { LibraryPhoto } from '../../../../shared/photo/library';
import { ApiError, call, pathForFile } from '../../api/client';

type IngestShownT = Output<'library:ingest-shown'>;

// Sends picked files to main a few at a time: main decodes one image per sharp thread, so
// several in flight keep both cores busy while the grid fills as each result arrives.

export const IN_FLIGHT = 4;
/**
 * Photos shown and waiting for their commit: main holds a batch's commits until its
 * thumbnails are all made (electron/services/library/thumbs-first.ts, up to 32 photos), so
 * the desk keeps sending while they wait; with only IN_FLIGHT waiting, the sheet would fill
 * eight photos at a time with a commit between.
 */
const WAITING_COMMITS = 32;
/** …and no more than this many bytes of their files, which main keeps in memory until each is committed (raws are 20–60 MB). */
const WAITING_BYTES = 256 * 1024 * 1024;
const IMAGE_NAME = /\.(jpe?g|png|tiff?|webp|avif|hei[cf]|cr2|cr3|nef|arw|dng)$/i;

export interface IngestProgress {
  total: number;
  done: number;
  added: number;
  duplicates: number;
  failed: { name: string; message: { 'zh-CN': string; en: string } }[];
  startedAt: number;
  finishedAt: number | null;
  cancelled: boolean;
}

/** Picks image files out of a folder selection; a single-file pick keeps whatever was chosen. */
export function imageFiles(files: File[], fromFolder: boolean): File[] {
  return fromFolder ? files.filter((f) => IMAGE_NAME.test(f.name) && !f.name.startsWith('.')) : files;
}

/**
 * Sends the files IN_FLIGHT at a time. Each photo is drawn as soon as main has its thumbnail
 * (`onShown`, issue 15: library:ingest-shown) and counted done once its copy and record are
 * committed (`onResult`, with the shown photo's id): a commit that fails takes the photo off
 * the sheet with its message in the ingest bar. A file whose commit is pending lets the next
 * one start; at most WAITING_COMMITS commits (and WAITING_BYTES of their files) wait at a time. `sidecars`: a raw's NAME.xmp, sent
 * once the raw is committed (raw-sidecars.ts; the call reads the record).
 */
export function startIngest(files: File[], onProgress: (p: IngestProgress) => void, onResult: (r: IngestResultT, shownId: string | null) => void,
  onShown: (photo: LibraryPhoto) => void = () => {}, sidecars = new Map<File, File>()) {
  const p: IngestProgress = { total: files.length, done: 0, added: 0, duplicates: 0, failed: [], startedAt: performance.now(), finishedAt: null, cancelled: false };
  let next = 0;
  const emit = () => onProgress({ ...p, failed: [...p.failed] });
  const failedResult = (name: string, e: unknown): IngestResultT => {
    const msg = e instanceof ApiError ? e.data.message : (() => { const m = e instanceof Error ? e.message : String(e); return { 'zh-CN': m, en: m }; })();
    return { status: 'failed', name, error: { code: e instanceof ApiError ? e.data.code : 'IO_ERROR', message: msg } };
  };
  const settle = (r: IngestResultT, shownId: string | null) => {
    p.done++;
    if (r.status === 'added') p.added++;
    else if (r.status === 'duplicate') p.duplicates++;
    else p.failed.push({ name: r.name, message: r.error.message });
    onResult(r, shownId);
    emit();
  };
  // A raw's NAME.xmp follows its committed record (one file's bytes a request); a sidecar
  // that cannot be read is reported, and the raw stays in.
  const withSidecar = async (r: IngestResultT, sc: File | undefined): Promise<IngestResultT> => {
    if (!sc || r.status !== 'added') return r;
    const photo = await call('library:raw-sidecar', { id: r.photo.id, bytes: new Uint8Array(await sc.arrayBuffer()) }).catch((e: unknown) => {
      if (e instanceof ApiError) p.failed.push({ name: sc.name, message: e.data.message });
      return null;
    });
    return photo ? { ...r, photo } : r;
  };
  const commits = new Set<Promise<void>>();
  let waitingBytes = 0;
  const worker = async () => {
    while (!p.cancelled && next < files.length) {
      const f = files[next++]!;
      let r: IngestShownT;
      try {
        const sourcePath = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
        // The desktop app knows where a picked file lives: main reads it itself, and a camera
        // file goes on the sheet from its header and embedded preview (ingest-camera-file.ts).
        const path = pathForFile(f);
        r = path
          ? await call('library:ingest-file-shown', { path, sourcePath: sourcePath.slice(0, 1000) })
          : await call('library:ingest-shown', { name: f.name, sourcePath, bytes: new Uint8Array(await f.arrayBuffer()) });
      } catch (e) {
        r = failedResult(f.name, e);
      }
      if (r.status !== 'shown') { settle(r, null); continue; }
      const id = r.photo.id;
      onShown(r.photo);
      const commit: Promise<void> = call('library:ingest-committed', { id })
        .then((c) => withSidecar(c, sidecars.get(f)))
        .catch((e: unknown) => failedResult(f.name, e))
        .then((c) => settle(c, id))
        .finally(() => { commits.delete(commit); waitingBytes -= f.size; });
      commits.add(commit);
      waitingBytes += f.size;
      while (commits.size > WAITING_COMMITS || (commits.size > IN_FLIGHT && waitingBytes > WAITING_BYTES)) await Promise.race(commits);
    }
  };
  emit();
  const all = Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, worker))
    // A cancelled batch still hears how the photos already shown came out.
    .then(async () => { while (commits.size > 0) await Promise.all([...commits]); })
    .then(() => {
      p.finishedAt = performance.now();
      emit();
    });
  return { cancel: () => { p.cancelled = true; emit(); }, done: all };
}

export function ratePerSecond(p: IngestProgress): number {
  const ms = (p.finishedAt ?? performance.now()) - p.startedAt;
  return ms > 0 ? (p.done * 1000) / ms : 0;
}

/**
 * The warnings the background work after ingest added (issue 15: the JPEG scan check runs
 * behind the batch), by photo id, for the photos whose warnings it changed. Only the
 * warnings are taken, so a caption or mark saved meanwhile is never replaced by an older record.
 */
export async function backgroundWarnings(ids: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 2000) {
    for (const p of await call('library:settled', { ids: ids.slice(i, i + 2000) })) if (p.warnings.length > 0) found.set(p.id, p.warnings);
  }
  return found;
}
