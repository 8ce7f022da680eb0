import type { IngestResultT } from '../../../../shared/contract/contract';
import { ApiError, call } from '../../api/client';

// Sends picked files to main a few at a time: main decodes one image per sharp thread, so
// several in flight keep both cores busy while the grid fills as each result arrives.

export const IN_FLIGHT = 4;
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

/** `sidecars`: a raw's NAME.xmp, sent with it (raw-sidecars.ts). */
export function startIngest(files: File[], onProgress: (p: IngestProgress) => void, onResult: (r: IngestResultT) => void, sidecars = new Map<File, File>()) {
  const p: IngestProgress = { total: files.length, done: 0, added: 0, duplicates: 0, failed: [], startedAt: performance.now(), finishedAt: null, cancelled: false };
  let next = 0;
  const emit = () => onProgress({ ...p, failed: [...p.failed] });
  const worker = async () => {
    while (!p.cancelled && next < files.length) {
      const f = files[next++]!;
      let r: IngestResultT;
      try {
        const bytes = new Uint8Array(await f.arrayBuffer());
        const sourcePath = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
        r = await call('library:ingest', { name: f.name, sourcePath, bytes });
        // A raw's NAME.xmp follows it (one file's bytes a request); a sidecar that cannot be
        // read is reported, and the raw stays in.
        const sc = sidecars.get(f);
        if (sc && r.status === 'added') {
          const photo = await call('library:raw-sidecar', { id: r.photo.id, bytes: new Uint8Array(await sc.arrayBuffer()) }).catch((e: unknown) => {
            if (e instanceof ApiError) p.failed.push({ name: sc.name, message: e.data.message });
            return null;
          });
          if (photo) r = { ...r, photo };
        }
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        r = { status: 'failed', name: f.name, error: { code: 'IO_ERROR', message: { 'zh-CN': msg, en: msg } } };
      }
      p.done++;
      if (r.status === 'added') p.added++;
      else if (r.status === 'duplicate') p.duplicates++;
      else p.failed.push({ name: r.name, message: r.error.message });
      onResult(r);
      emit();
    }
  };
  emit();
  const all = Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, worker)).then(() => {
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
