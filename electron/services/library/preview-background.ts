// Work left after a photo is on the contact sheet (issue 15, item 1): a photo whose
// thumbnail came from the camera's embedded preview gets its 1600 px preview, and its
// scan check, from the primary image here, behind the ingest of the rest of the batch, as
// Photo Mechanic builds its previews after the thumbnails are up. At most BACKGROUND jobs
// run at once, so the batch's foreground (hash, header, thumbnail, record) is not starved.

const BACKGROUND = 1;

interface Job { id: string; job: () => Promise<void>; done: () => void; promise?: Promise<void> }

const queue: Job[] = [];
/** Jobs queued or running, by photo id: the loupe waits for its photo's. */
const pending = new Map<string, Promise<void>>();
let running = 0;

function pump(): void {
  while (running < BACKGROUND && queue.length > 0) {
    const next = queue.shift()!;
    running++;
    // A failed job is the job's own business (it records what went wrong on the photo).
    void next.job().catch(() => {}).finally(() => {
      running--;
      if (pending.get(next.id) === next.promise) pending.delete(next.id);
      next.done();
      pump();
    });
  }
}

/** Runs `job` after the jobs before it; one job per photo id at a time. */
export function inBackground(id: string, job: () => Promise<void>): Promise<void> {
  const before = pending.get(id);
  const entry: Job = { id, job: async () => { await before; await job(); }, done: () => {} };
  entry.promise = new Promise<void>((done) => { entry.done = done; });
  queue.push(entry);
  pending.set(id, entry.promise);
  pump();
  return entry.promise;
}

/** The photo's background job, if one is queued or running. */
export function previewPending(id: string): Promise<void> | undefined {
  return pending.get(id);
}

/** Resolves when every queued job has finished (benchmarks, tests, a clean quit). */
export async function backgroundSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending.values()]);
}
