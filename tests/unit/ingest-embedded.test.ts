import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { LibraryStore } from '../../electron/services/library/store';
import { DAMAGED_PREFIX, ingest } from '../../electron/services/library/ingest';
import { embeddedPreviews, previewFor } from '../../electron/services/library/embedded-previews';
import { backgroundSettled } from '../../electron/services/library/preview-background';
import { previewPath } from '../../electron/services/library/previews';
import { jpegScanDamage } from '../../electron/services/library/jpeg-scan-check';
import { cameraJpeg } from '../support/camera-jpeg';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { cleanupTemp, RESOURCES, tempDir } from './helpers';

// Issue 15, item 1: a camera file's embedded preview gives its thumbnail at once, the
// primary image's preview and scan check follow in the background; exiftool is the
// referee for where the preview is.

afterAll(cleanupTemp);

const exiftoolBytes = (file: string, tag: string) => execFileSync('exiftool', ['-b', `-${tag}`, file], { maxBuffer: 64 << 20 });

async function samplePhoto(): Promise<string> {
  const dir = join(RESOURCES, 'sample', 'photos');
  return join(dir, (await readdir(dir)).find((f) => f.endsWith('.jpg'))!);
}

/** Mean absolute difference per channel of two images brought to the same small size. */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const small = (x: Buffer) => sharp(x).resize(64, 64, { fit: 'fill' }).removeAlpha().raw().toBuffer();
  const [pa, pb] = await Promise.all([small(a), small(b)]);
  let sum = 0;
  for (let i = 0; i < pa.length; i++) sum += Math.abs(pa[i]! - pb[i]!);
  return sum / pa.length;
}

describe('embedded previews', () => {
  it('finds the MPF preview exiftool extracts as PreviewImage, byte for byte', async () => {
    const root = await tempDir('embedded');
    const file = join(root, 'cam.jpg');
    await writeFile(file, await cameraJpeg(await samplePhoto(), { width: 3000, height: 2000 }));
    const found = embeddedPreviews(await readFile(file));
    expect(found.map((p) => [p.source, p.width, p.height])).toEqual([['mpf', 1620, 1080]]);
    expect(found[0]!.bytes.equals(exiftoolBytes(file, 'PreviewImage'))).toBe(true);
    expect(previewFor(await readFile(file), { width: 3000, height: 2000 }, 400)?.source).toBe('mpf');
    // A preview of another shape (letterboxed) is never taken for the photo.
    expect(previewFor(await readFile(file), { width: 4000, height: 2000 }, 400)).toBeNull();
    // Larger than any embedded preview: none.
    expect(previewFor(await readFile(file), { width: 3000, height: 2000 }, 2000)).toBeNull();
  });

  it.skipIf(!SHARED_FIXTURES)('agrees with exiftool on every camera fixture: EXIF thumbnails found, MPF images (none but primaries here) not invented', async () => {
    if (!SHARED_FIXTURES) return console.warn(SHARED_FIXTURES_SKIP);
    const photos = join(SHARED_FIXTURES, 'photos');
    const files = (await readdir(photos)).filter((n) => /\.jpe?g$/i.test(n)).map((n) => join(photos, n));
    // One exiftool run over all files: binary values come back as "base64:…".
    const json = JSON.parse(execFileSync('exiftool', ['-j', '-b', '-ThumbnailImage', '-MPImage2', ...files], { maxBuffer: 64 << 20 }).toString()) as Record<string, string>[];
    const bin = (v: string | undefined) => (v?.startsWith('base64:') ? Buffer.from(v.slice(7), 'base64') : Buffer.alloc(0));
    let thumbs = 0;
    for (const entry of json) {
      const f = entry['SourceFile']!;
      const ours = embeddedPreviews(await readFile(f));
      const mpf = bin(entry['MPImage2']);
      expect(ours.filter((p) => p.source === 'mpf').map((p) => p.bytes.length), f).toEqual(mpf.length ? [mpf.length] : []);
      const exif = ours.find((p) => p.source === 'exif-thumbnail');
      // exiftool also extracts a thumbnail whose bytes are no whole JPEG; we skip those.
      if (exif) {
        thumbs++;
        expect(exif.bytes.equals(bin(entry['ThumbnailImage'])), f).toBe(true);
      }
    }
    expect(thumbs).toBeGreaterThan(5);
  });
});

describe('ingest of a camera file with an embedded preview', () => {
  it('makes the thumbnail from the preview, turned by the primary\'s orientation, then the full preview in the background', async () => {
    const root = await tempDir('embedded-ingest');
    const store = new LibraryStore(join(root, 'workspace'));
    const cache = join(root, 'cache');
    const bytes = await cameraJpeg(await samplePhoto(), { width: 3000, height: 2000, orientation: 6 });
    const r = await ingest(store, cache, { name: 'IMG_0001.JPG', sourcePath: 'IMG_0001.JPG', bytes });
    expect(r.status).toBe('added');
    const id = r.status === 'added' ? r.photo.id : '';
    expect(r.status === 'added' && r.photo.tech).toMatchObject({ width: 2000, height: 3000, orientation: 6 });
    // The preview's own bytes, with the primary's orientation in its EXIF for the browser to apply.
    const early = await sharp(await readFile(previewPath(cache, id, 'thumb'))).rotate().toBuffer();
    expect(await sharp(early).metadata()).toMatchObject({ width: 1080, height: 1620 });

    await backgroundSettled();
    const preview = await sharp(await readFile(previewPath(cache, id, 'preview'))).metadata();
    expect([preview.width, preview.height]).toEqual([1067, 1600]);
    const late = await readFile(previewPath(cache, id, 'thumb'));
    // The early thumbnail shows what the primary image shows, the right way up.
    expect(await difference(early, late)).toBeLessThan(6);
    const upsideDown = await sharp(early).rotate(180).toBuffer();
    expect(await difference(upsideDown, late)).toBeGreaterThan(15);
    expect((await store.get(id))!.warnings).toEqual([]);
  });

  it('flags damage in the primary image once the background check finds it', async () => {
    const root = await tempDir('embedded-damage');
    const store = new LibraryStore(join(root, 'workspace'));
    const cache = join(root, 'cache');
    const sound = await cameraJpeg(await samplePhoto(), { width: 1800, height: 1200, tint: 3 });
    // Overwrite a run of the primary's scan data (same length, so the MPF offsets hold)
    // until the scan check reports a bad code; the appended preview stays whole.
    const primaryEnd = sound.length - embeddedPreviews(sound)[0]!.bytes.length;
    let bytes: Buffer | null = null;
    for (let seed = 1; seed < 40 && !bytes; seed++) {
      const b = Buffer.from(sound);
      const at = Math.floor(primaryEnd * (0.3 + seed * 0.01));
      for (let i = 0; i < 48; i++) b[at + i] = (seed * 37 + i * 101) % 255;
      if (jpegScanDamage(b.subarray(0, primaryEnd))) bytes = b;
    }
    expect(bytes).not.toBeNull();
    const r = await ingest(store, cache, { name: 'damaged.jpg', sourcePath: 'damaged.jpg', bytes: bytes! });
    expect(r.status).toBe('added');
    const id = r.status === 'added' ? r.photo.id : '';
    expect(existsSync(previewPath(cache, id, 'thumb'))).toBe(true);
    await backgroundSettled();
    expect((await store.get(id))!.warnings.some((w) => w.startsWith(DAMAGED_PREFIX))).toBe(true);
  });
});
