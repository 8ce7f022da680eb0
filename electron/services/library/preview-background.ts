// Work left after a photo is on the contact sheet (issue 15, item 1), done behind the
// ingest of the rest of the batch, as Photo Mechanic builds its previews after the
// thumbnails are up:
//  - 'preview': a photo whose thumbnail came from the camera's embedded preview gets its
//    1600 px preview and its scan check from the primary image;
//  - 'check': every other JPEG gets the scan check of jpeg-scan-check.ts (62–84 ms of CPU
//    for a 24 MP photo, which on two cores made ingest 0.55× a bare sharp pipeline when it
//    ran beside the decode).
// Background work waits until no ingest has been in flight for IDLE_MS, so on a machine
// with two cores the batch's foreground (hash, header, thumbnail, record) is not starved;
// then at most BACKGROUND jobs run at once. The loupe asking for a photo's preview runs
// that photo's job at once, whatever the batch is doing.

const BACKGROUND = 1;
const IDLE_MS = 150;

type Kind = 'preview' | 'check';
interface Job { id: string; kind: Kind; run: () => Promise<void>; started: boolean; promise: Promise<void>; start: () => void }

const queue: Job[] = [];
/** Jobs queued or running, by photo id: the loupe waits for its photo's preview job. */
const pending = new Map<string, Job>();
let running = 0;
let foreground = 0;
let lastForeground = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function idleFor(): number {
  return foreground > 0 ? 0 : Date.now() - lastForeground;
}

function pump(): void {
  if (timer) { clearTimeout(timer); timer = null; }
  while (running < BACKGROUND && queue.length > 0) {
    const idle = idleFor();
    if (idle < IDLE_MS) {
      // Looked at again once the foreground has been quiet long enough (a running ingest's end pumps too).
      if (foreground === 0) timer = setTimeout(pump, IDLE_MS - idle);
      return;
    }
    queue.shift()!.start();
  }
}

function makeJob(id: string, kind: Kind, job: () => Promise<void>, before: Job | undefined): Job {
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const entry: Job = {
    id, kind, started: false, run: job, promise: Promise.resolve(),
    start: () => {
      if (entry.started) return;
      // The photo's earlier job first (a promoted job waits for it and must not hold the slot alone).
      before?.start();
      entry.started = true;
      const i = queue.indexOf(entry);
      if (i >= 0) queue.splice(i, 1);
      running++;
      release();
    },
  };
  // A failed job is the job's own business (it records what went wrong on the photo).
  entry.promise = gate.then(() => before?.promise).then(job).catch(() => {}).finally(() => {
    running--;
    if (pending.get(id) === entry) pending.delete(id);
    pump();
  });
  return entry;
}

/** Runs `job` in the background after the jobs before it; one job per photo id at a time. */
export function inBackground(id: string, job: () => Promise<void>, kind: Kind = 'preview'): Promise<void> {
  const entry = makeJob(id, kind, job, pending.get(id));
  queue.push(entry);
  pending.set(id, entry);
  pump();
  return entry.promise;
}

/**
 * Marks an ingest in flight until the returned function is called: background jobs wait
 * for the foreground to be quiet.
 */
export function foregroundWork(): () => void {
  foreground++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    foreground--;
    lastForeground = Date.now();
    pump();
  };
}

/**
 * The photo's background preview job, started now if it is still waiting (the loupe is
 * asking for it); undefined when none is queued. Scan-only jobs are never waited for.
 */
export function previewPending(id: string): Promise<void> | undefined {
  const job = pending.get(id);
  if (!job || job.kind !== 'preview') return undefined;
  job.start();
  return job.promise;
}

/** Resolves when the photo's background work (if any) is done. */
export function backgroundDone(id: string): Promise<void> {
  return pending.get(id)?.promise ?? Promise.resolve();
}

/** Resolves when every queued job has finished (benchmarks, tests, a clean quit). */
export async function backgroundSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending.values()].map((j) => j.promise));
}
