import { sharedBytes } from './hash-lane';

// Shared memory reused for the files ingest holds whole (issue 15). A new buffer per photo
// is fresh memory, and fresh memory is paid in page faults at its first touch: on this
// project's 2-core VM, reading the 24 camera files of ingest-camera (82 MB) into new buffers
// took 340 ms and into memory already touched 17 ms, and the ingest's thumbnails were ready
// after 0.64–0.68 s against 0.26–0.35 s with the files' memory touched beforehand. Desks on
// virtual machines pay the same. A photo's buffer comes back when its ingest has settled
// (the library copy written, the record committed or the failure cleaned up: nothing reads
// the bytes after that, ingest.ts), and the free buffers are let go once ingest has been
// idle a moment, so a desk between batches holds none.

/** Capacities in whole MiB, so one buffer serves the next photos of a card (sizes vary by a few hundred KB). */
const STEP = 1 << 20;
/** Larger files get memory of their own. */
const LARGEST = 64 << 20;
/** Free bytes kept at most (the in-flight bound of thumbs-first.ts HOLD_BYTES). */
const KEEP = 256 << 20;
/** Free buffers are dropped after this long without a take or a give. */
const IDLE_MS = 2000;

const free: SharedArrayBuffer[] = [];
let freeBytes = 0;
let idle: ReturnType<typeof setTimeout> | null = null;

/** `size` bytes of shared memory (hash-lane.ts), reused when a free buffer fits. The view is exactly `size` long. */
export function takeBytes(size: number): Buffer {
  if (size === 0 || size > LARGEST) return sharedBytes(size);
  armIdle();
  let best = -1;
  for (let i = 0; i < free.length; i++) {
    const cap = free[i]!.byteLength;
    // Not more than twice what is asked plus a step, so a small file does not hold a large buffer.
    if (cap >= size && cap <= 2 * size + STEP && (best < 0 || cap < free[best]!.byteLength)) best = i;
  }
  if (best >= 0) {
    const sab = free.splice(best, 1)[0]!;
    freeBytes -= sab.byteLength;
    return Buffer.from(sab, 0, size);
  }
  return Buffer.from(new SharedArrayBuffer(Math.ceil(size / STEP) * STEP), 0, size);
}

/**
 * The bytes copied into shared memory from the pool (a memcpy, a tenth of hashing them on the
 * main thread), for bytes that came from a request; give them back like takeBytes'.
 */
export function inSharedMemory(bytes: Uint8Array): Buffer {
  const shared = takeBytes(bytes.byteLength);
  shared.set(bytes);
  return shared;
}

/**
 * Gives back a buffer from takeBytes once nothing reads it any more (memory of another
 * kind is left to the collector). Called once per take, after the ingest has settled.
 */
export function giveBytes(bytes: Uint8Array): void {
  const sab = bytes.buffer;
  if (!(sab instanceof SharedArrayBuffer) || sab.byteLength > LARGEST || sab.byteLength % STEP !== 0) return;
  if (free.includes(sab) || freeBytes + sab.byteLength > KEEP) return;
  free.push(sab);
  freeBytes += sab.byteLength;
  armIdle();
}

function armIdle(): void {
  if (idle) clearTimeout(idle);
  idle = setTimeout(dropFree, IDLE_MS);
  idle.unref?.();
}

/** Lets the free buffers go (the idle timer's job; tests call it). */
export function dropFree(): void {
  if (idle) clearTimeout(idle);
  idle = null;
  free.length = 0;
  freeBytes = 0;
}

/** Free bytes held now (tests). */
export function freePooledBytes(): number {
  return freeBytes;
}
