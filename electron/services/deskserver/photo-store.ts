import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { join } from 'node:path';

// Photos on the desk server, content-addressed: DATA/photos/<ab>/<sha256>. A photo is
// uploaded once (HEAD tells a desk it is there), its bytes must hash to its name, and the
// file appears only whole (temp + fsync + rename), so a GET never serves half a photo.

/** Larger than any camera file we take in (a 100 MP TIFF is ~300 MB), small enough to keep a disk from filling on one request. */
export const MAX_PHOTO_BYTES = 400 * 1024 * 1024;

export type PutResult = 'stored' | 'exists' | 'hash-mismatch' | 'too-large';

export class PhotoStore {
  constructor(private readonly dir: string) {}

  private file(sha: string): string {
    return join(this.dir, sha.slice(0, 2), sha);
  }

  async size(sha: string): Promise<number | null> {
    try {
      return (await stat(this.file(sha))).size;
    } catch {
      return null;
    }
  }

  read(sha: string): ReadStream {
    return createReadStream(this.file(sha));
  }

  /** Streams `body` to disk while hashing it; keeps it only when the hash is `sha` and it fits. */
  async put(sha: string, body: Readable, declaredLength?: number): Promise<PutResult> {
    if (declaredLength !== undefined && declaredLength > MAX_PHOTO_BYTES) return 'too-large';
    if ((await this.size(sha)) !== null) return 'exists';
    const dir = join(this.dir, sha.slice(0, 2));
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `.${sha}.${randomBytes(6).toString('hex')}.tmp`);
    const fh = await open(tmp, 'wx');
    const hash = createHash('sha256');
    let bytes = 0;
    let result: PutResult | null = null;
    try {
      for await (const chunk of body) {
        const buf = chunk as Buffer;
        bytes += buf.length;
        if (bytes > MAX_PHOTO_BYTES) {
          result = 'too-large';
          break;
        }
        hash.update(buf);
        await fh.write(buf);
      }
      if (result === null && hash.digest('hex') !== sha) result = 'hash-mismatch';
      if (result === null) await fh.sync();
    } finally {
      await fh.close();
    }
    if (result !== null) {
      await unlink(tmp).catch(() => {});
      return result;
    }
    await rename(tmp, this.file(sha));
    const dh = await open(dir, 'r');
    try { await dh.sync(); } finally { await dh.close(); }
    return 'stored';
  }
}
