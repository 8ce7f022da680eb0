import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { dhashOf } from '../../electron/services/library/dhash';
import { ingest } from '../../electron/services/library/ingest';
import { previewPath } from '../../electron/services/library/previews';
import { backfillDhashes, similarPhotos } from '../../electron/services/library/similar';
import { LibraryStore } from '../../electron/services/library/store';
import { hamming, SAME_FRAME_DISTANCE } from '../../shared/photo/dhash';
import { cleanupTemp, tempDir } from './helpers';
import { PHOTOS, SKIP_REASON } from './metadata-support';

// Near-duplicates (issue 16, item 3) on the real camera fixtures: the same frame resized,
// recompressed or re-exported is found; the same scene framed differently and other photos are not.

afterAll(cleanupTemp);

const thumbOf = (b: Buffer) => sharp(b).rotate().resize(400, 400, { fit: 'inside' }).jpeg({ quality: 80 }).toBuffer();

describe.skipIf(!!SKIP_REASON)('dHash', () => {
  it('separates copies of a frame from other frames and other photos', async () => {
    const names = ['DSCN0010.jpg', 'Sony_DSLR-A200.jpg', 'fujifilm-dx10.jpg', 'iphone_hdr_NO.jpg', 'canon_hdr_NO.jpg', 'DudleyLeavittUtah.tiff', '33-type_error.jpg', 'BlueSquare.jpg', 'Landscape_1.jpg'];
    const hashes = new Map<string, string>();
    for (const n of names) hashes.set(n, (await dhashOf(await thumbOf(await readFile(join(PHOTOS!, n)))))!);
    // Different photos: far apart (measured minimum 14 on these files).
    const far: number[] = [];
    for (const a of names) for (const b of names) if (a < b) far.push(hamming(hashes.get(a)!, hashes.get(b)!));
    expect(Math.min(...far)).toBeGreaterThan(SAME_FRAME_DISTANCE);

    for (const n of ['DSCN0010.jpg', 'fujifilm-dx10.jpg']) {
      const src = await readFile(join(PHOTOS!, n));
      const base = hashes.get(n)!;
      const copy = async (b: Buffer) => hamming(base, (await dhashOf(await thumbOf(b)))!);
      const { width = 0, height = 0 } = await sharp(src).metadata();
      // Same frame: resized, recompressed at quality 30, re-exported as PNG.
      expect(await copy(await sharp(src).resize(320).jpeg({ quality: 60 }).toBuffer())).toBeLessThanOrEqual(4);
      expect(await copy(await sharp(src).jpeg({ quality: 30 }).toBuffer())).toBeLessThanOrEqual(4);
      expect(await copy(await sharp(src).png().toBuffer())).toBeLessThanOrEqual(4);
      // Same scene, another frame: the camera panned by a tenth of the frame.
      const panned = await sharp(src).extract({ left: Math.round(width * 0.1), top: 0, width: Math.round(width * 0.9), height }).toBuffer();
      expect(await copy(panned)).toBeGreaterThan(SAME_FRAME_DISTANCE);
    }
    // The EXIF-rotated copies of one frame hash as the upright one (the thumbnail is turned first).
    const upright = hashes.get('Landscape_1.jpg')!;
    for (const i of [3, 6, 8]) {
      expect(hamming(upright, (await dhashOf(await thumbOf(await readFile(join(PHOTOS!, `Landscape_${i}.jpg`)))))!)).toBeLessThanOrEqual(2);
    }
    // A flat image (ExifTool's 8×8 test files) gets no hash rather than 0000… shared with every other.
    expect(await dhashOf(await readFile(join(PHOTOS!, 'IPTC.jpg')))).toBeNull();
  });

  it('is computed at ingest, backfilled for older records, and lists the copies of a frame in the library', async () => {
    const root = await tempDir('dhash');
    const store = new LibraryStore(join(root, 'workspace'));
    const cache = join(root, 'cache');
    const src = await readFile(join(PHOTOS!, 'DSCN0010.jpg'));
    const add = async (name: string, bytes: Buffer) => {
      const r = await ingest(store, cache, { name, sourcePath: name, bytes });
      if (r.status !== 'added') throw new Error(`${name}: ${r.status}`);
      return r.photo;
    };
    const original = await add('DSCN0010.jpg', src);
    const resized = await add('DSCN0010-web.jpg', await sharp(src).resize(480).jpeg({ quality: 70 }).toBuffer());
    const other = await add('fujifilm-dx10.jpg', await readFile(join(PHOTOS!, 'fujifilm-dx10.jpg')));
    expect(original.dhash).toMatch(/^[0-9a-f]{16}$/);

    // A library from before the hash: the field is absent; the list backfills it.
    const { dhash: _, ...old } = other;
    await store.put(old);
    await rm(previewPath(cache, other.id, 'thumb')); // and its cache was cleared: made again from the file
    const found = await similarPhotos(store, cache, original.id);
    expect(found.items.map((i) => i.photo.id)).toEqual([resized.id]);
    expect(found.items[0]!.distance).toBeLessThanOrEqual(4);
    expect((await store.get(other.id))!.dhash).toMatch(/^[0-9a-f]{16}$/);
    expect(found.unhashed).toBe(0);
    expect(await backfillDhashes(store, cache)).toBe(0);
    expect((await similarPhotos(store, cache, other.id)).items).toEqual([]);
  });
});
