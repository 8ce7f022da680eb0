import { createHash } from 'node:crypto';
import { open, readFile, unlink } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

// SHA-256 of a photo's bytes on a thread of its own (issue 15). The content hash is the
// largest piece of work before a camera file's thumbnail can be shown (2.7 ms for a 3.5 MB
// file, a third of the main thread's time in the camera batch's profile), and nothing else
// on the main thread needs to wait for it: the file's bytes are read into shared memory
// (sharedBytes), the lane hashes them in place, and the main thread meanwhile turns other
// photos into thumbnails. Bytes not in shared memory are hashed here as before.
//
// A camera file need not be in memory at all (hashFile): the lane reads it itself, a MiB at
// a time into one buffer of its own, and hashes as it goes, writing the library copy from
// the same buffer. Memory touched once serves every file, where a whole file read into new
// memory is paid in page faults (byte-pool.ts).
//
// The worker is plain JS passed as source (eval), as durable-lane.ts's, so the built app and
// the tests run the same code; it keeps the process alive only while it has work in hand.

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, fstatSync, readSync, writeSync, closeSync, unlinkSync } = require('node:fs');
const chunk = Buffer.allocUnsafe(1 << 20);
// The whole file's hash, its size at open, the bytes read, and whether the parts given
// (each its file offset and the bytes read there before, in shared memory) are the same.
// With copyTo, every chunk hashed is also written to that new file: the copy holds exactly
// the bytes the hash is of.
function hashFile(path, parts, copyTo) {
  const fd = openSync(path, 'r');
  let out = -1;
  try {
    const size = fstatSync(fd).size;
    if (copyTo) out = openSync(copyTo, 'wx');
    const whole = createHash('sha256');
    const views = parts.map((p) => ({ start: p.start, bytes: Buffer.from(p.buffer, p.offset, p.length) }));
    let same = true;
    let at = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, at);
      if (n === 0) break;
      whole.update(chunk.subarray(0, n));
      for (let w = 0; out >= 0 && w < n;) w += writeSync(out, chunk, w, n - w, at + w);
      for (const v of views) {
        const s = Math.max(v.start, at);
        const e = Math.min(v.start + v.bytes.length, at + n);
        if (s < e && !chunk.subarray(s - at, e - at).equals(v.bytes.subarray(s - v.start, e - v.start))) same = false;
      }
      at += n;
    }
    if (out >= 0) { closeSync(out); out = -1; }
    return { hex: whole.digest('hex'), size, read: at, same };
  } catch (e) {
    if (out >= 0) { closeSync(out); out = -1; try { unlinkSync(copyTo); } catch {} }
    throw e;
  } finally {
    closeSync(fd);
  }
}
parentPort.on('message', (m) => {
  try {
    if (m.path !== undefined) parentPort.postMessage({ id: m.id, file: hashFile(m.path, m.parts, m.copyTo) });
    else parentPort.postMessage({ id: m.id, hex: createHash('sha256').update(new Uint8Array(m.buffer, m.offset, m.length)).digest('hex') });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String(e && e.message || e) });
  }
});
`;

let worker: Worker | null = null;
let nextId = 0;
/**
 * What the lane found reading a file: its SHA-256, its size at open, the bytes it read, and
 * whether the parts it was given are the file's bytes at their offsets.
 */
export interface FileHash { hex: string; size: number; read: number; same: boolean }

/** Bytes read from a file before, at their offset in it, to check against what the lane reads. */
export interface FilePart { start: number; bytes: Buffer }

const waiting = new Map<number, { resolve: (r: string & FileHash) => void; reject: (e: Error) => void }>();

function lane(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true });
  w.unref();
  w.on('message', (m: { id: number; hex?: string; file?: FileHash; error?: string }) => {
    const p = waiting.get(m.id);
    waiting.delete(m.id);
    if (waiting.size === 0) w.unref();
    if (m.hex !== undefined || m.file !== undefined) p?.resolve((m.hex ?? m.file) as string & FileHash);
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
  return ask<string>(w, { buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.byteLength });
}

/**
 * The file read and hashed on the lane, never held in memory here, and compared on the way
 * with `parts`, which must be in shared memory (byte-pool.ts) for the lane to see them
 * without a copy; on this thread when the lane cannot start. With `copyTo` (a new file, not
 * synced) the lane writes what it reads there as it hashes: a copy whose bytes are the ones
 * hashed, made in the same pass (removed again if the pass fails).
 */
export function hashFile(path: string, parts: FilePart[] = [], copyTo?: string): Promise<FileHash> {
  let w: Worker;
  try {
    w = lane();
  } catch {
    return hashFileHere(path, parts, copyTo);
  }
  if (!parts.every((p) => p.bytes.buffer instanceof SharedArrayBuffer)) return hashFileHere(path, parts, copyTo);
  return ask<FileHash>(w, { path, copyTo, parts: parts.map((p) => ({ start: p.start, buffer: p.bytes.buffer, offset: p.bytes.byteOffset, length: p.bytes.byteLength })) });
}

function ask<T>(w: Worker, message: object): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (r: string & FileHash) => void, reject });
    w.ref();
    w.postMessage({ id, ...message });
  });
}

/**
 * The lane's hashFile done here, when no lane thread starts or the parts are not in shared
 * memory: the file read whole (a fallback, not the fast way).
 */
async function hashFileHere(path: string, parts: FilePart[], copyTo?: string): Promise<FileHash> {
  const bytes = await readFile(path);
  if (copyTo) {
    // As the lane: a name already taken fails the pass and is left as it is; a copy begun
    // here and not finished is removed.
    const out = await open(copyTo, 'wx');
    try {
      await out.writeFile(bytes);
    } catch (e) {
      await out.close();
      await unlink(copyTo).catch(() => {});
      throw e;
    }
    await out.close();
  }
  const same = parts.every((p) => bytes.subarray(p.start, p.start + p.bytes.length).equals(p.bytes));
  return { hex: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, read: bytes.length, same };
}
