import type { Api } from '../../../shared/contract/contract';
import { appError } from '../../../shared/contract/messages';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { giveBytes, inSharedMemory } from './byte-pool';
import { ingest, type IngestResult } from './ingest';
import type { LibraryStore } from './store';

// Thumbnails on the sheet before the record (issue 15, item 2; Photo Mechanic shows a
// card's thumbnails while it is still copying). library:ingest-shown answers once the
// photo's thumbnail is in the cache, with the record as it will be written; the photo is
// then "showing" (media.ts serves its thumbnail) while group-commit.ts makes its copy and
// record durable. library:ingest-committed answers with the outcome: the photo desk keeps
// the cell when it is 'added', and takes it away with the error in the ingest bar when the
// commit failed, so nothing shown vanishes without a message.

/** How long an outcome nobody asked for is kept (a desk closed mid-batch). */
const UNCLAIMED_MS = 10 * 60_000;

export function ingestShownChannels(library: LibraryStore, cacheDir: () => string): Pick<Api, 'library:ingest-shown' | 'library:ingest-committed'> {
  const outcomes = new Map<string, Promise<IngestResult>>();
  return {
    'library:ingest-shown': async ({ name, sourcePath, bytes }) => {
      let shown!: (photo: LibraryPhoto) => void;
      const seen = new Promise<LibraryPhoto>((r) => { shown = r; });
      // In shared memory, so the content hash runs on its own thread (hash-lane.ts); reused
      // memory (byte-pool.ts), given back once the ingest has settled.
      const shared = inSharedMemory(bytes);
      const whole = ingest(library, cacheDir(), { name, sourcePath, bytes: shared }, undefined, {
        decoded: (photo) => {
          library.showing.set(photo.id, photo);
          shown(photo);
        },
      });
      void whole.then(() => giveBytes(shared));
      const first = await Promise.race([seen.then((photo) => ({ status: 'shown' as const, photo })), whole]);
      if (first.status !== 'shown') return first;
      const id = first.photo.id;
      const outcome = whole.finally(() => library.showing.delete(id));
      outcomes.set(id, outcome);
      setTimeout(() => { if (outcomes.get(id) === outcome) outcomes.delete(id); }, UNCLAIMED_MS).unref();
      return first;
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
