import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LibraryStore } from '../../electron/services/library/store';
import { ingest, type IngestResult } from '../../electron/services/library/ingest';
import { ingestPaths } from '../../electron/services/library/ingest-paths';
import { HEAD_BYTES, startCameraFile } from '../../electron/services/library/ingest-camera-file';
import { hashFile } from '../../electron/services/library/hash-lane';
import { takeBytes } from '../../electron/services/library/byte-pool';
import { backgroundSettled } from '../../electron/services/library/preview-background';
import { previewPath } from '../../electron/services/library/previews';
import { cameraJpeg } from '../support/camera-jpeg';
import { cleanupTemp, RESOURCES, tempDir } from './helpers';

// Issue 15: a camera JPEG read from disk goes on the sheet from its header segments and
// embedded preview, without the file in memory (ingest-camera-file.ts). It must come out
// exactly as the same file ingested from its bytes, and a file that changes under the
// ingest must be refused, not recorded under a hash its bytes do not have.

afterAll(cleanupTemp);

async function samplePhoto(): Promise<string> {
  const dir = join(RESOURCES, 'sample', 'photos');
  return join(dir, (await readdir(dir)).find((f) => f.endsWith('.jpg'))!);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const added = (r: IngestResult | undefined) => {
  if (r?.status !== 'added') throw new Error(`not added: ${JSON.stringify(r)}`);
  return r.photo;
};

/** The JPEG with `count` comment segments of 60 KB after SOI: header segments longer than HEAD_BYTES. */
function withLongHeader(jpeg: Buffer, count: number): Buffer {
  const com = Buffer.alloc(60_000, 0x41);
  com.writeUInt16BE(0xfffe, 0);
  com.writeUInt16BE(60_000 - 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), ...Array(count).fill(com), jpeg.subarray(2)]);
}

describe('ingest: camera JPEGs from disk', () => {
  it('come out as from their bytes: the same record, thumbnail and library copy; a second copy in the batch is a duplicate', async () => {
    const root = await tempDir('camera-file');
    const file = join(root, 'IMG_0001.JPG');
    const bytes = await cameraJpeg(await samplePhoto(), { width: 3000, height: 2000, orientation: 6 });
    await writeFile(file, bytes);
    await writeFile(join(root, 'IMG_0001 copy.JPG'), bytes);

    // The camera path is the one taken for this file.
    const probe = new LibraryStore(join(root, 'probe'));
    // What it keeps in memory until committed is its thumbnail, not the file (ingestPaths bounds a batch by it).
    const held: [number, number][] = [];
    const started = await startCameraFile(probe, join(root, 'probe-cache'), { name: 'IMG_0001.JPG', sourcePath: file, path: file }, undefined,
      { decoded: (photo, h) => held.push([h ?? -1, readFileSync(previewPath(join(root, 'probe-cache'), photo.id, 'thumb')).length]) });
    expect(started).not.toBeNull();
    added(await started!.running);
    expect(held).toHaveLength(1);
    expect(held[0]![0]).toBe(held[0]![1]);
    expect(held[0]![0] * 4).toBeLessThan(bytes.length);

    const fromDisk = new LibraryStore(join(root, 'disk'));
    // The thumbnails as the sheet first draws them (the background later makes them from the primary image).
    const shownThumb: Buffer[] = [];
    const results = await ingestPaths(fromDisk, join(root, 'disk-cache'),
      [file, join(root, 'IMG_0001 copy.JPG')].map((p) => ({ path: p, sourcePath: p })), 4, () => {},
      (_i, photo) => { shownThumb.push(readFileSync(previewPath(join(root, 'disk-cache'), photo.id, 'thumb'))); });
    // Which of the two is first is the hash lane's order; one is added, the other found as it.
    expect(results.map((r) => r.status).sort()).toEqual(['added', 'duplicate']);
    const disk = added(results.find((r) => r.status === 'added'));
    expect(results.find((r) => r.status === 'duplicate')).toMatchObject({ photo: { id: disk.id } });

    const fromBytes = new LibraryStore(join(root, 'bytes'));
    const mem = added(await ingest(fromBytes, join(root, 'bytes-cache'), { name: 'IMG_0001.JPG', sourcePath: file, bytes }, undefined,
      { decoded: (photo) => { shownThumb.push(readFileSync(previewPath(join(root, 'bytes-cache'), photo.id, 'thumb'))); } }));
    await backgroundSettled();

    expect({ ...disk, importedAt: '', fileName: '', sourcePath: '' }).toEqual({ ...mem, importedAt: '', fileName: '', sourcePath: '' });
    expect(disk.sha256).toBe(sha(bytes));
    expect(disk.tech.orientation).toBe(6);
    // The library copy is the file, byte for byte; exiftool reads it as the camera's.
    const copy = fromDisk.filePath(disk);
    expect((await readFile(copy)).equals(bytes)).toBe(true);
    expect(execFileSync('exiftool', ['-s3', '-Model', '-Orientation#', copy]).toString().split('\n').slice(0, 2)).toEqual(['MPF camera', '6']);
    // The thumbnail is the embedded preview carrying the photo's orientation, as from the bytes.
    expect(shownThumb).toHaveLength(2);
    expect(shownThumb[0]!.equals(shownThumb[1]!)).toBe(true);
    await writeFile(join(root, 'thumb.jpg'), shownThumb[0]!);
    expect(execFileSync('exiftool', ['-s3', '-Orientation#', '-ImageWidth', join(root, 'thumb.jpg')]).toString().trim().split('\n')).toEqual(['6', '1620']);
    // No temp copy left beside the library files.
    expect((await readdir(dirname(copy))).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('a file whose header segments run past the first read, or without a usable preview, is ingested whole as before', async () => {
    const root = await tempDir('camera-file-whole');
    const long = join(root, 'LONG.JPG');
    const longBytes = withLongHeader(await cameraJpeg(await samplePhoto(), { width: 1800, height: 1200 }), 5);
    expect(longBytes.indexOf(Buffer.from([0xff, 0xda]))).toBeGreaterThan(HEAD_BYTES);
    await writeFile(long, longBytes);
    const plain = join(root, 'PLAIN.JPG');
    await writeFile(plain, await readFile(await samplePhoto()));
    const store = new LibraryStore(join(root, 'ws'));
    for (const p of [long, plain]) expect(await startCameraFile(store, join(root, 'c0'), { name: 'x.jpg', sourcePath: p, path: p })).toBeNull();
    const results = await ingestPaths(store, join(root, 'cache'), [long, plain].map((p) => ({ path: p, sourcePath: p })), 2);
    await backgroundSettled();
    expect(results.map((r) => r.status)).toEqual(['added', 'added']);
    expect((await readFile(store.filePath(added(results[0])))).equals(longBytes)).toBe(true);
  });

  it('the lane compares what was read before with the file, and a copy that is not the hashed file is refused', async () => {
    const root = await tempDir('camera-file-changed');
    const file = join(root, 'IMG.JPG');
    const bytes = await cameraJpeg(await samplePhoto(), { width: 1800, height: 1200 });
    await writeFile(file, bytes);
    const part = (start: number, b: Buffer) => {
      const shared = takeBytes(b.length);
      b.copy(shared);
      return { start, bytes: shared };
    };
    const head = bytes.subarray(0, 4096);
    const tail = bytes.subarray(bytes.length - 5000);
    const ok = await hashFile(file, [part(0, head), part(bytes.length - 5000, tail)]);
    expect(ok).toEqual({ hex: sha(bytes), size: bytes.length, read: bytes.length, same: true });
    // One byte of the preview other than what was read before: not the same file.
    const other = Buffer.from(tail);
    other[100]! ^= 1;
    expect((await hashFile(file, [part(0, head), part(bytes.length - 5000, other)])).same).toBe(false);
    // Not in shared memory: compared on this thread, same answer.
    expect((await hashFile(file, [{ start: bytes.length - 5000, bytes: other }])).same).toBe(false);

    // With a copy asked for, the lane writes the bytes it hashes: the copy is the file.
    const copy = join(root, 'lib', '.incoming.0123456789ab.tmp');
    await mkdir(dirname(copy), { recursive: true });
    expect(await hashFile(file, [part(0, head)], copy)).toEqual({ hex: sha(bytes), size: bytes.length, read: bytes.length, same: true });
    expect((await readFile(copy)).equals(bytes)).toBe(true);
    // A name already taken is never written over: the pass fails and that file stays.
    await expect(hashFile(file, [part(0, head)], copy)).rejects.toThrow(/EEXIST/);
    expect((await readFile(copy)).equals(bytes)).toBe(true);
    // A source gone before the pass: nothing is made.
    await unlink(copy);
    await expect(hashFile(join(root, 'gone.JPG'), [part(0, head)], copy)).rejects.toThrow(/ENOENT/);
    // Not in shared memory (this thread's fallback): the same copy.
    expect((await hashFile(file, [{ start: 0, bytes: head }], copy)).hex).toBe(sha(bytes));
    expect((await readFile(copy)).equals(bytes)).toBe(true);
    // and there too, a name already taken is left as it is.
    await expect(hashFile(file, [{ start: 0, bytes: head }], copy)).rejects.toThrow(/EEXIST/);
    expect((await readFile(copy)).equals(bytes)).toBe(true);
    expect(await readdir(dirname(copy))).toEqual([basename(copy)]);
  });

  it('a camera file that changed between its header read and the lane\'s pass is refused, and leaves no copy', async () => {
    const root = await tempDir('camera-file-changed-ingest');
    const file = join(root, 'IMG_0001.JPG');
    const bytes = await cameraJpeg(await samplePhoto(), { width: 1800, height: 1200 });
    await writeFile(file, bytes);
    const store = new LibraryStore(join(root, 'ws'));
    // The lane is kept busy by a long pass first, so the file is changed before it is read.
    const busy = join(root, 'busy.bin');
    await writeFile(busy, Buffer.alloc(96 << 20, 1));
    const hold = hashFile(busy);
    const started = await startCameraFile(store, join(root, 'cache'), { name: 'IMG_0001.JPG', sourcePath: file, path: file });
    const changed = Buffer.from(bytes);
    changed[60]! ^= 1; // inside the head the thumbnail was made from
    await writeFile(file, changed);
    await hold;
    const result = await started!.running;
    expect(result.status).toBe('failed');
    if (result.status === 'failed') {
      expect(result.error.code).toBe('FILE_CHANGED');
      expect(result.error.message['zh-CN']).toMatch(/改动/);
    }
    await backgroundSettled();
    expect(await readdir(join(store.dir, 'files'))).toEqual([]);
    expect(existsSync(join(store.dir, 'records')) ? await readdir(join(store.dir, 'records')) : []).toEqual([]);
  });

  // Seed 42 gives 29 added and 11 refused as damaged, both ways.
  it('40 camera files damaged in their header segments: each added or refused with a message, as from their bytes, the batch goes on', async () => {
    const root = await tempDir('camera-file-fuzz');
    const base = await cameraJpeg(await samplePhoto(), { width: 1200, height: 800 });
    // Where the structures are: SOI to SOS (EXIF, MPF index, tables); the image data is left alone.
    const sos = base.indexOf(Buffer.from([0xff, 0xda]));
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const files: string[] = [];
    for (let n = 0; n < 40; n++) {
      const bad = Buffer.from(base);
      for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) bad[2 + Math.floor(rand() * (sos - 2))] = Math.floor(rand() * 256);
      // Distinct files even where the damage repeats: one byte of the scan data's last block padding.
      bad.writeUInt8(n, bad.length - 3);
      const f = join(root, `BAD_${String(n).padStart(2, '0')}.JPG`);
      await writeFile(f, bad);
      files.push(f);
    }
    const disk = new LibraryStore(join(root, 'disk'));
    const fromDisk = await ingestPaths(disk, join(root, 'disk-cache'), files.map((p) => ({ path: p, sourcePath: p })), 4);
    const mem = new LibraryStore(join(root, 'bytes'));
    const fromBytes: IngestResult[] = [];
    for (const f of files) fromBytes.push(await ingest(mem, join(root, 'bytes-cache'), { name: basename(f), sourcePath: f, bytes: await readFile(f) }));
    await backgroundSettled();
    const outcome = (r: IngestResult) => (r.status === 'failed' ? `failed ${r.error.code}` : r.status);
    expect(fromDisk.map(outcome)).toEqual(fromBytes.map(outcome));
    for (const r of fromDisk) {
      if (r.status === 'failed') expect(r.error.message['zh-CN'].length).toBeGreaterThan(0);
      else expect(sha(await readFile(disk.filePath(r.photo)))).toBe(r.photo.sha256);
    }
    expect(fromDisk.filter((r) => r.status === 'added').length).toBeGreaterThan(0);
    const libFiles = join(disk.dir, 'files');
    expect(existsSync(libFiles) ? (await readdir(libFiles)).filter((n) => n.endsWith('.tmp')) : []).toEqual([]);
  });
});
