import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import type { Api } from '../../../shared/contract/contract';
import { appError } from '../../../shared/contract/messages';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { giveBytes, inSharedMemory } from './byte-pool';
import { ingest, type IngestResult } from './ingest';
import { ingestFile } from './ingest-paths';
import type { LibraryStore } from './store';

// Thumbnails on the sheet before the record (issue 15, item 2; Photo Mechanic shows a
// card's thumbnails while it is still copying). library:ingest-shown answers once the
// photo's thumbnail is in the cache, with the record as it will be written; the photo is
// then "showing" (media.ts serves its thumbnail) while group-commit.ts makes its copy and
// record durable. library:ingest-committed answers with the outcome: the photo desk keeps
// the cell when it is 'added', and takes it away with the error in the ingest bar when the
// commit failed, so nothing shown vanishes without a message. library:ingest-file-shown
// does the same for a file main reads itself (the desktop app has a picked file's path): a
// camera JPEG's bytes then never cross the process boundary (ingest-camera-file.ts).

/** How long an outcome nobody asked for is kept (a desk closed mid-batch). */
const UNCLAIMED_MS = 10 * 60_000;

/**
 * `readsPaths`: whether library:ingest-file-shown reads files (the desktop app). The browser
 * host refuses it: its page never has a path to give, and a page holding its token should
 * not reach files on disk by name.
 */
export function ingestShownChannels(library: LibraryStore, cacheDir: () => string, readsPaths: boolean):
  Pick<Api, 'library:ingest-shown' | 'library:ingest-file-shown' | 'library:ingest-committed'> {
  const outcomes = new Map<string, Promise<IngestResult>>();
  /** Answers once `start`'s photo is shown (or its ingest ends first); its outcome is kept for library:ingest-committed. */
  const shownOrDone = async (start: (decoded: (photo: LibraryPhoto) => void) => Promise<IngestResult>) => {
    let shown!: (photo: LibraryPhoto) => void;
    const seen = new Promise<LibraryPhoto>((r) => { shown = r; });
    const whole = start((photo) => {
      library.showing.set(photo.id, photo);
      shown(photo);
    });
    const first = await Promise.race([seen.then((photo) => ({ status: 'shown' as const, photo })), whole]);
    if (first.status !== 'shown') return first;
    const id = first.photo.id;
    const outcome = whole.finally(() => library.showing.delete(id));
    outcomes.set(id, outcome);
    setTimeout(() => { if (outcomes.get(id) === outcome) outcomes.delete(id); }, UNCLAIMED_MS).unref();
    return first;
  };
  return {
    'library:ingest-shown': ({ name, sourcePath, bytes }) => shownOrDone((decoded) => {
      // In shared memory, so the content hash runs on its own thread (hash-lane.ts); reused
      // memory (byte-pool.ts), given back once the ingest has settled.
      const shared = inSharedMemory(bytes);
      const whole = ingest(library, cacheDir(), { name, sourcePath, bytes: shared }, undefined, { decoded });
      void whole.then(() => giveBytes(shared));
      return whole;
    }),
    'library:ingest-file-shown': async ({ path, sourcePath }) => {
      if (!readsPaths) throw appError('FORBIDDEN', 'library:ingest-file-shown is the desktop app\'s');
      const file = await regularFile(path);
      return shownOrDone((decoded) => ingestFile(library, cacheDir(), { path: file, sourcePath }, { decoded }));
    },
    'library:ingest-committed': async ({ id }) => {
      const outcome = outcomes.get(id);
      if (!outcome) {
        // Asked twice, or after a restart: the record says whether it is in.
        const photo = await library.get(id);
        if (photo) return { status: 'added', photo };
        throw appError('NOT_FOUND', id);
      }
      try {
        return await outcome;
      } finally {
        if (outcomes.get(id) === outcome) outcomes.delete(id);
      }
    },
  };
}

/**
 * The file a path names, resolved (a link is followed to what it names), if it is a regular
 * file: the path comes from the renderer, which got it from a file the user picked or dropped.
 */
async function regularFile(path: string): Promise<string> {
  if (!isAbsolute(path)) throw appError('INVALID_ARGUMENT', `not an absolute path: ${path}`);
  const real = await realpath(path).catch(() => { throw appError('NOT_FOUND', basename(path)); });
  const st = await stat(real);
  if (!st.isFile()) throw appError('UNSUPPORTED_FORMAT', `${basename(path)}: not a file`);
  return real;
}
