import { Worker } from 'node:worker_threads';
import { builtWorker } from '../copy/import-off-thread';
import { jpegScanDamage } from './jpeg-scan-check';

// The JPEG scan check (jpeg-scan-check.ts) reads every bit of a photo's data: ~30 MB/s of
// plain JS, a quarter second for a 24-megapixel photo. On the host's own thread that would
// stall every other call during an ingest, so it runs in one long-lived worker thread,
// started on first use and not keeping the process alive. Without a built worker (the
// unit tests run the sources) it runs here.

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (damage: string | null) => void>();

function scanWorker(): Worker | null {
  if (worker) return worker;
  const script = builtWorker('scan-worker');
  if (!script) return null;
  const w = new Worker(script);
  w.unref();
  w.on('message', (m: { id: number; damage: string | null }) => {
    pending.get(m.id)?.(m.damage);
    pending.delete(m.id);
  });
  const fail = () => {
    // A dead worker finds nothing; the next check starts a new one.
    for (const done of pending.values()) done(null);
    pending.clear();
    if (worker === w) worker = null;
  };
  w.on('error', fail);
  w.on('exit', fail);
  worker = w;
  return w;
}

/** What is wrong with a JPEG's entropy-coded data, or null (also for other formats). */
export function jpegScanDamageOffThread(bytes: Buffer): Promise<string | null> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return Promise.resolve(null);
  const w = scanWorker();
  if (!w) return Promise.resolve().then(() => jpegScanDamage(bytes));
  const id = nextId++;
  return new Promise((done) => {
    pending.set(id, done);
    w.postMessage({ id, bytes });
  });
}
