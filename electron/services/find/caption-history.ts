import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CaptionHistoryEntry } from '../../../shared/contract/find-schemas';
import type { PhotoMeta } from '../../../shared/document/schema';
import { Id } from '../../../shared/document/ids';
import { appError } from '../../../shared/contract/messages';

// A photo's caption history (issue 16): library/history/<photo id>.jsonl, one line per
// change, appended and never rewritten. The file in the photo (XMP) stays the truth of the
// current caption; this is the record of how it got there, and the catalogue may index it.
// An append of one short line is one write(2) with O_APPEND: a crash leaves at most a torn
// last line, which the reader skips (and the next append starts on a new line).

const HISTORY_DIR = 'history';

function fileOf(libraryDir: string, photoId: string): string {
  // The id comes from the library's own record or a validated channel input; check anyway:
  // it becomes a file name.
  if (!Id.safeParse(photoId).success) throw appError('NOT_FOUND', photoId);
  return join(libraryDir, HISTORY_DIR, `${photoId}.jsonl`);
}

export async function readCaptionHistory(libraryDir: string, photoId: string): Promise<CaptionHistoryEntry[]> {
  let text: string;
  try {
    text = await readFile(fileOf(libraryDir, photoId), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: CaptionHistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = CaptionHistoryEntry.safeParse(JSON.parse(line));
      if (r.success) out.push(r.data);
    } catch { /* a torn last line after a crash */ }
  }
  return out;
}

/** Saves of one person typing, each within this of the next, are one version on screen. */
const TYPING_RUN_MS = 60_000;

/**
 * The versions worth showing: every line of the file, except that a run of autosaves made
 * while one person typed (the desk saves 0.8 s after typing stops) shows as its last save.
 * The file keeps every line; `index` is the line a revert names.
 */
export function shownVersions(history: CaptionHistoryEntry[]): (CaptionHistoryEntry & { index: number })[] {
  return history.map((e, index) => ({ ...e, index })).filter((e, i) => {
    const next = history[i + 1];
    if (!next || e.via !== 'caption' || next.via !== 'caption' || e.user !== next.user) return true;
    return Date.parse(next.at) - Date.parse(e.at) >= TYPING_RUN_MS;
  });
}

/** The caption fields a person edits; a change to none of them is not history (a rating is not). */
export function sameCaption(a: PhotoMeta, b: PhotoMeta): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Records a caption as saved. `before` is the caption the photo had: written first as the
 * 'initial' line when the history is empty, so the first change can be reverted too.
 * A save that changed nothing adds nothing.
 */
export async function recordCaption(libraryDir: string, photoId: string, before: PhotoMeta | null, after: PhotoMeta,
  how: { via: CaptionHistoryEntry['via']; user?: string | undefined; at?: Date }): Promise<CaptionHistoryEntry | null> {
  const history = await readCaptionHistory(libraryDir, photoId);
  const last = history.at(-1)?.meta ?? before;
  if (last && sameCaption(last, after)) return null;
  const at = (how.at ?? new Date()).toISOString();
  const lines: CaptionHistoryEntry[] = [];
  if (history.length === 0 && before) lines.push({ at, via: 'initial', meta: before });
  const entry: CaptionHistoryEntry = { at, ...(how.user ? { user: how.user } : {}), via: how.via, meta: after };
  lines.push(entry);
  const file = fileOf(libraryDir, photoId);
  await mkdir(join(libraryDir, HISTORY_DIR), { recursive: true });
  // A leading newline when the file ends torn: the new line never glues onto a broken one.
  const prefix = await readFile(file).then((b) => (b.length && b[b.length - 1] !== 0x0a ? '\n' : ''), () => '');
  await appendFile(file, prefix + lines.map((l) => JSON.stringify(l)).join('\n') + '\n', { encoding: 'utf8' });
  return entry;
}
