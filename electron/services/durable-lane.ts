import { open, rename } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

// The waits that make writes durable (fdatasync of files, rename, fsync of their folders),
// run on a thread of their own (issue 15). Each fsync blocks its thread for as long as the
// disk takes, 5–50 ms on a busy one; on libuv's pool (4 threads, which sharp's decodes and
// encodes also queue on) four of them in flight held the decodes back, and ingest paid the
// disk's latency on its critical path. Here they wait on one thread that does nothing
// else, in the order asked: every file's data, then the renames, then each folder once
// (a batch of photos pays one folder fsync, not one per file: group commit).
//
// The worker is a few lines of plain JS passed as source (eval), so the built app and
// the unit tests run the very same code without a build step for it; it is started on
// first use and keeps the process alive only while it has work in hand.

/** One step: its files' data synced, then its renames, then its folders fsynced; steps run in order. */
export interface DurableStep {
  /** Files whose data must be on disk before anything of this step is renamed. */
  sync: string[];
  /** Renames done, in this order, once every file above is synced. */
  renames: [from: string, to: string][];
  /** Folders fsynced once after the renames, so the new names survive power loss. */
  dirs: string[];
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const syncOne = (path, dir) => {
  const fd = fs.openSync(path, dir ? 'r' : 'r+');
  try { if (dir) fs.fsyncSync(fd); else fs.fdatasyncSync(fd); } finally { fs.closeSync(fd); }
};
parentPort.on('message', ({ id, steps }) => {
  try {
    for (const step of steps) {
      for (const f of step.sync) syncOne(f, false);
      for (const [from, to] of step.renames) fs.renameSync(from, to);
      // Windows cannot open a folder for fsync; the rename is already durable enough there.
      if (process.platform !== 'win32') for (const d of step.dirs) syncOne(d, true);
    }
    parentPort.postMessage({ id, error: null });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message || e) });
  }
});
`;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

function failAll(why: string): void {
  for (const w of waiting.values()) w.reject(new Error(`durable lane: ${why}`));
  waiting.clear();
  worker = null;
}

function lane(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true });
  w.unref();
  w.on('message', (m: { id: number; error: string | null }) => {
    const p = waiting.get(m.id);
    waiting.delete(m.id);
    // Idle, the lane does not keep the process alive; with work in hand it does (below).
    if (waiting.size === 0) w.unref();
    if (m.error === null) p?.resolve();
    else p?.reject(new Error(m.error));
  });
  w.on('error', (e) => failAll(e.message));
  w.on('exit', (code) => { if (worker === w) failAll(`exited (${code})`); });
  worker = w;
  return w;
}

/** Runs the steps in order on the lane's thread; rejects with the first error (the rest not done). */
export function makeDurable(steps: DurableStep[]): Promise<void> {
  if (steps.every((s) => s.sync.length + s.renames.length + s.dirs.length === 0)) return Promise.resolve();
  let w: Worker;
  try {
    w = lane();
  } catch {
    return makeDurableHere(steps); // a runtime without worker threads: the same steps on libuv's pool
  }
  const id = nextId++;
  return new Promise<void>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    // A commit under way keeps the process alive: otherwise a script whose last await is a
    // commit would exit with it unanswered.
    w.ref();
    w.postMessage({ id, steps });
  });
}

async function makeDurableHere(steps: DurableStep[]): Promise<void> {
  const syncOne = async (path: string, dir: boolean) => {
    const fh = await open(path, dir ? 'r' : 'r+');
    try { await (dir ? fh.sync() : fh.datasync()); } finally { await fh.close(); }
  };
  for (const step of steps) {
    for (const f of step.sync) await syncOne(f, false);
    for (const [from, to] of step.renames) await rename(from, to);
    if (process.platform !== 'win32') for (const d of step.dirs) await syncOne(d, true);
  }
}
