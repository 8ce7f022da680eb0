import { open, readFile, mkdir, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as Y from 'yjs';
import { writeFileAtomic } from '../atomic-write';

// One shared document on this desk's disk: an append-only log of length-prefixed records,
// fsync'd in small batches, compacted into one record when it is opened. Pure JS, so the
// Electron main process loads no native module for it.
//
// Record: u32 little-endian payload length, u8 kind, payload.
//   UPDATE_LOCAL   a Yjs update made on this desk (renderer, main) — counts as pending
//   UPDATE_REMOTE  a Yjs update that came from the server
//   ACK            the server has acknowledged everything before it: pending = 0
//   PENDING        u32: pending count carried over a compaction
// A torn last record (power cut mid-write) is dropped on load: every whole record before
// it was fsync'd and is kept.

const UPDATE_LOCAL = 1;
const UPDATE_REMOTE = 2;
const ACK = 3;
const PENDING = 4;
const HEADER = 5;
/** Records appended in one session before the log is compacted in place. */
export const COMPACT_AFTER = 5000;

export interface LoadedLog {
  /** The whole document as one update (empty doc → an empty update). */
  state: Uint8Array;
  /** Local updates the server has not acknowledged. */
  pending: number;
}

function record(kind: number, payload: Uint8Array): Buffer {
  const out = Buffer.alloc(HEADER + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt8(kind, 4);
  out.set(payload, HEADER);
  return out;
}

export function parseLog(bytes: Uint8Array): LoadedLog {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const updates: Uint8Array[] = [];
  let pending = 0;
  let at = 0;
  while (at + HEADER <= buf.length) {
    const len = buf.readUInt32LE(at);
    const kind = buf.readUInt8(at + 4);
    if (at + HEADER + len > buf.length) break; // torn tail
    const payload = buf.subarray(at + HEADER, at + HEADER + len);
    at += HEADER + len;
    if (kind === UPDATE_LOCAL || kind === UPDATE_REMOTE) {
      updates.push(payload);
      if (kind === UPDATE_LOCAL) pending += 1;
    } else if (kind === ACK) {
      pending = 0;
    } else if (kind === PENDING && len === 4) {
      pending = payload.readUInt32LE(0);
    }
  }
  const state = updates.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(updates);
  return { state, pending };
}

export class DocLog {
  private fh: FileHandle | null = null;
  private queue: Buffer[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private scheduled = false;
  /** Local updates not yet acknowledged by the server, as written in this log. */
  pending = 0;
  private records = 0;
  /** The whole document now, for compacting a log that grew during a long session. */
  stateOf: (() => Uint8Array) | null = null;

  private constructor(readonly file: string) {}

  /** Reads and compacts the log (a damaged tail is dropped), then opens it for appending. */
  static async open(file: string): Promise<{ log: DocLog; state: Uint8Array }> {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    let loaded: LoadedLog = { state: Y.encodeStateAsUpdate(new Y.Doc()), pending: 0 };
    let existed = false;
    try {
      loaded = parseLog(await readFile(file));
      existed = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const log = new DocLog(file);
    log.pending = loaded.pending;
    if (existed) {
      const compact = [record(UPDATE_REMOTE, loaded.state)];
      if (loaded.pending > 0) {
        const n = Buffer.alloc(4);
        n.writeUInt32LE(loaded.pending, 0);
        compact.push(record(PENDING, n));
      }
      await writeFileAtomic(file, Buffer.concat(compact), 0o600);
    }
    log.fh = await open(file, 'a', 0o600);
    return { log, state: loaded.state };
  }

  appendUpdate(update: Uint8Array, local: boolean): void {
    if (local) this.pending += 1;
    this.push(record(local ? UPDATE_LOCAL : UPDATE_REMOTE, update));
  }

  /** The server has everything this desk sent. */
  ack(): void {
    if (this.pending === 0) return;
    this.pending = 0;
    this.push(record(ACK, new Uint8Array(0)));
  }

  private push(rec: Buffer): void {
    this.queue.push(rec);
    this.records += 1;
    if (this.scheduled) return;
    this.scheduled = true;
    // Keystrokes arrive one update each: one write + fsync per turn of the event loop.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Resolves once everything appended so far is on disk. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      // Taken when this step runs, not when it was queued: a compaction may have replaced both.
      const batch = this.queue;
      this.queue = [];
      const fh = this.fh;
      if (batch.length === 0 || !fh) return;
      await fh.write(Buffer.concat(batch));
      await fh.datasync();
      if (this.records >= COMPACT_AFTER && this.stateOf) await this.compact();
    }).catch((e: unknown) => {
      // A full or failing disk: the document stays in memory and in sync with the server;
      // say so loudly rather than stop every later write behind a rejected chain.
      console.error(`[collab] could not write ${this.file}:`, e);
    });
    return this.flushing;
  }

  /**
   * A day of typing is one record per keystroke: past COMPACT_AFTER records the log is
   * rewritten (atomically) as the document's state plus the pending count, and appending
   * goes on in the new file. Runs inside the flush chain, so no append interleaves.
   */
  private async compact(): Promise<void> {
    const state = this.stateOf!();
    this.queue = []; // everything queued is already in `state`
    this.records = 0;
    const parts = [record(UPDATE_REMOTE, state)];
    if (this.pending > 0) {
      const n = Buffer.alloc(4);
      n.writeUInt32LE(this.pending, 0);
      parts.push(record(PENDING, n));
    }
    await writeFileAtomic(this.file, Buffer.concat(parts), 0o600);
    const old = this.fh;
    this.fh = await open(this.file, 'a', 0o600);
    await old?.close();
  }

  async close(): Promise<void> {
    await this.flush();
    const fh = this.fh;
    this.fh = null;
    await fh?.close();
  }
}
