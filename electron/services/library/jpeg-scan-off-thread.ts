import { Worker } from 'node:worker_threads';
import { builtWorker } from '../copy/import-off-thread';
import { jpegScanDamage } from './jpeg-scan-check';

// The JPEG scan check (jpeg-scan-check.ts) reads every bit of a photo's data: ~30 MB/s of
// plain JS, a quarter second for a 24-megapixel photo. On the host's own thread that would
// stall every other call during an ingest, so it runs in long-lived worker threads (two,
// as ingest has four photos in flight and sharp decodes on libuv's threads meanwhile),
// started on first use and not keeping the process alive. Without a built worker (the
// unit tests run the sources) it runs here.

const POOL = 2;
const workers: (Worker | null)[] = new Array<Worker | null>(POOL).fill(null);
let nextId = 0;
const pending = new Map<number, (damage: string | null) => void>();
/** The checks each worker has in hand, answered with "nothing found" if it dies. */
const owned = new Map<Worker, Set<number>>();

function scanWorker(slot: number): Worker | null {
  const existing = workers[slot];
  if (existing) return existing;
  const script = builtWorker('scan-worker');
  if (!script) return null;
  const w = new Worker(script);
  w.unref();
  const mine = new Set<number>();
  w.on('message', (m: { id: number; damage: string | null }) => {
    pending.get(m.id)?.(m.damage);
    pending.delete(m.id);
    mine.delete(m.id);
  });
  const fail = () => {
    // A dead worker finds nothing; the next check starts a new one.
    for (const id of mine) pending.get(id)?.(null);
    for (const id of mine) pending.delete(id);
    mine.clear();
    owned.delete(w);
    if (workers[slot] === w) workers[slot] = null;
  };
  w.on('error', fail);
  w.on('exit', fail);
  owned.set(w, mine);
  workers[slot] = w;
  return w;
}

/** What is wrong with a JPEG's entropy-coded data, or null (also for other formats). */
export function jpegScanDamageOffThread(bytes: Buffer): Promise<string | null> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return Promise.resolve(null);
  const id = nextId++;
  const w = scanWorker(id % POOL);
  if (!w) return Promise.resolve().then(() => jpegScanDamage(bytes));
  return new Promise((done) => {
    pending.set(id, done);
    owned.get(w)?.add(id);
    w.postMessage({ id, bytes });
  });
}
