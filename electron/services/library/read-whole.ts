import { open } from 'node:fs/promises';
import { takeBytes } from './byte-pool';

/**
 * A file's bytes in one read call into shared memory (hash-lane.ts hashes them there),
 * reused memory where it fits (byte-pool.ts: give the bytes back with giveBytes when done):
 * open, fstat, read, close, where fs.readFile reads 512 KB a call (ten trips through
 * libuv's pool for a 3.5 MB camera file, each queued behind the decodes there).
 */
export async function readWhole(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const buf = takeBytes(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await fh.read(buf, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    // A file that shrank while read: what was there. One that grew: read as it was at fstat.
    return at === size ? buf : buf.subarray(0, at);
  } finally {
    await fh.close();
  }
}
