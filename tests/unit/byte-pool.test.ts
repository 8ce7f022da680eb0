import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { dropFree, freePooledBytes, giveBytes, takeBytes } from '../../electron/services/library/byte-pool';
import { ingestPaths } from '../../electron/services/library/ingest-paths';
import { LibraryStore } from '../../electron/services/library/store';
import { backgroundSettled } from '../../electron/services/library/preview-background';
import { cleanupTemp, RESOURCES, tempDir } from './helpers';

// Ingest's reused shared memory (byte-pool.ts, issue 15): a buffer comes back only when
// given, fits the next file or is left alone, and a photo read into memory that held another
// photo of the very same length is still itself everywhere: its hash, its library copy, its
// header and its thumbnail (libvips must not take the reused memory for the earlier image).

afterAll(cleanupTemp);
afterEach(dropFree);

const MiB = 1 << 20;

describe('byte pool', () => {
  it('hands back the same memory for the next file that fits, as a view of exactly its size', () => {
    const a = takeBytes(3 * MiB + 5);
    expect(a.length).toBe(3 * MiB + 5);
    expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(a.buffer.byteLength).toBe(4 * MiB);
    giveBytes(a);
    expect(freePooledBytes()).toBe(4 * MiB);
    const b = takeBytes(3 * MiB + 700_000);
    expect(b.buffer).toBe(a.buffer);
    expect(b.length).toBe(3 * MiB + 700_000);
    expect(freePooledBytes()).toBe(0);
    // Not taken twice: a second take while b is out gets memory of its own.
    const c = takeBytes(3 * MiB);
    expect(c.buffer).not.toBe(b.buffer);
  });

  it('keeps a small file from holding a large buffer, and ignores memory it did not hand out', () => {
    const big = takeBytes(20 * MiB);
    giveBytes(big);
    expect(takeBytes(1 * MiB).buffer).not.toBe(big.buffer);
    giveBytes(Buffer.alloc(4 * MiB));
    giveBytes(Buffer.from(new SharedArrayBuffer(3 * MiB + 1)));
    expect(freePooledBytes()).toBe(20 * MiB);
    // Given twice by mistake: held once.
    giveBytes(big);
    expect(freePooledBytes()).toBe(20 * MiB);
    dropFree();
    expect(freePooledBytes()).toBe(0);
    expect(takeBytes(20 * MiB).buffer).not.toBe(big.buffer);
  });

  it('gives very large files memory of their own and keeps at most 256 MiB free', () => {
    const huge = takeBytes(80 * MiB);
    expect(huge.buffer.byteLength).toBe(80 * MiB);
    giveBytes(huge);
    expect(freePooledBytes()).toBe(0);
    const held = Array.from({ length: 6 }, () => takeBytes(60 * MiB));
    for (const h of held) giveBytes(h);
    expect(freePooledBytes()).toBe(4 * 60 * MiB);
  });
});

describe('ingest through reused memory', () => {
  it('keeps each photo itself when the next one of the same length is read into its memory', async () => {
    // Three different photos padded after their end-of-image marker to one length (decoders
    // stop at EOI): read one after another, each lands in the memory the one before used.
    const dir = join(RESOURCES, 'sample', 'photos');
    const names = (await readdir(dir)).filter((f) => f.endsWith('.jpg')).slice(0, 3);
    const raw = await Promise.all(names.map((n) => readFile(join(dir, n))));
    const length = Math.max(...raw.map((b) => b.length)) + 64;
    const work = await tempDir('byte-pool');
    const paths: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      const padded = Buffer.alloc(length, 0x20);
      raw[i]!.copy(padded);
      paths.push(join(work, `same-length-${i}.jpg`));
      await writeFile(paths[paths.length - 1]!, padded);
    }
    const store = new LibraryStore(join(work, 'workspace'));
    const cache = join(work, 'cache');
    const results = await ingestPaths(store, cache, paths.map((p) => ({ path: p, sourcePath: p })), 1);
    // Fewer buffers than photos came back: one was read into memory another had held (a
    // photo's successor is read while its copy and record reach the disk, so two at most).
    const held = freePooledBytes() / (Math.ceil(length / MiB) * MiB);
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(3);
    await backgroundSettled();
    expect(results.map((r) => r.status)).toEqual(['added', 'added', 'added']);
    for (let i = 0; i < paths.length; i++) {
      const r = results[i]!;
      if (r.status !== 'added') throw new Error('not added');
      const source = await readFile(paths[i]!);
      expect(r.photo.sha256).toBe(createHash('sha256').update(source).digest('hex'));
      expect(createHash('sha256').update(await readFile(store.filePath(r.photo))).digest('hex')).toBe(r.photo.sha256);
      const header = await sharp(raw[i]!).metadata();
      expect([r.photo.tech.width, r.photo.tech.height]).toEqual([header.width, header.height]);
      const thumb = await sharp(join(cache, 'library', `${r.photo.id}-thumb.jpg`)).metadata();
      expect(Math.round((thumb.width! / thumb.height!) * 100)).toBe(Math.round((header.width! / header.height!) * 100));
    }
    expect(new Set(results.map((r) => (r.status === 'added' ? r.photo.id : ''))).size).toBe(3);
  });
});
