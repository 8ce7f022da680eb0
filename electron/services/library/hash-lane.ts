import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

// SHA-256 of a photo's bytes on a thread of its own (issue 15). The content hash is the
// largest piece of work before a camera file's thumbnail can be shown (2.7 ms for a 3.5 MB
// file, a third of the main thread's time in the camera batch's profile), and nothing else
// on the main thread needs to wait for it: the file's bytes are read into shared memory
// (sharedBytes), the lane hashes them in place, and the main thread meanwhile turns other
// photos into thumbnails. Bytes not in shared memory are hashed here as before.
//
// The worker is plain JS passed as source (eval), as durable-lane.ts's, so the built app and
// the tests run the same code; it keeps the process alive only while it has work in hand.

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.on('message', ({ id, buffer, offset, length }) => {
  try {
    parentPort.postMessage({ id, hex: createHash('sha256').update(new Uint8Array(buffer, offset, length)).digest('hex') });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message || e) });
  }
});
`;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (hex: string) => void; reject: (e: Error) => void }>();

function lane(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true });
  w.unref();
  w.on('message', (m: { id: number; hex?: string; error?: string }) => {
    const p = waiting.get(m.id);
    waiting.delete(m.id);
    if (waiting.size === 0) w.unref();
    if (m.hex !== undefined) p?.resolve(m.hex);
    else p?.reject(new Error(m.error ?? 'hash lane failed'));
  });
  const failAll = (why: string) => {
    for (const p of waiting.values()) p.reject(new Error(`hash lane: ${why}`));
    waiting.clear();
    if (worker === w) worker = null;
  };
  w.on('error', (e) => failAll(e.message));
  w.on('exit', (code) => failAll(`exited (${code})`));
  worker = w;
  return w;
}

/** A Buffer of `size` bytes in shared memory, which the lane can hash without a copy. */
export function sharedBytes(size: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(size));
}

/** SHA-256 (hex) of the bytes: on the lane when they are in shared memory, here otherwise. */
export function sha256Of(bytes: Uint8Array): Promise<string> {
  if (!(bytes.buffer instanceof SharedArrayBuffer)) return Promise.resolve(createHash('sha256').update(bytes).digest('hex'));
  let w: Worker;
  try {
    w = lane();
  } catch {
    return Promise.resolve(createHash('sha256').update(bytes).digest('hex'));
  }
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.byteLength });
  });
}
