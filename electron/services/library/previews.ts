import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import sharp from 'sharp';
import { previewPending } from './preview-background';
import { decodableFile } from '../raw/decodable';
import { uprightJpeg } from '../raw/upright-jpeg';
import { THUMB_PX } from '../../../shared/layout/photo-size';

// Thumbnails and screen previews, made once per photo and cached by the photo's id (its
// original content hash), so rewriting captions into the file does not invalidate them.

export const PREVIEW_SIZES = { thumb: THUMB_PX, preview: 1600 } as const;
export type PreviewSize = keyof typeof PREVIEW_SIZES;

/** Decoding refuses images over this many pixels (a 30000×30000 PNG is 900 MP). */
export const MAX_PIXELS = 250_000_000;

/**
 * A cache file written whole under a temp name and renamed into place, without the fsyncs
 * of writeFileAtomic (issue 15: two of the four per ingested photo): a preview can be made
 * again from the library file. What a power cut can leave is an empty or torn file (the
 * rename reached the disk, not all the data), which readPreview sees (wholeJpeg) and makes again.
 */
async function writeCacheFile(target: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  // Named as atomic-write's temp files, so the start-up sweep knows a crash's leftovers.
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

export function previewPath(cacheDir: string, id: string, size: PreviewSize): string {
  return join(cacheDir, 'library', `${id}-${size}.jpg`);
}

/**
 * Makes both sizes from one decode (issue 15): the image is decoded once, with
 * shrink-on-load (libjpeg's DCT scaling, so a 6000 px JPEG is decoded at 3000 px) and
 * EXIF orientation applied, to 1600 px sRGB pixels in memory; the preview is encoded from
 * those pixels and the thumbnail resized from the same pixels, not from a re-decoded JPEG.
 *
 * The decode is strict first (failOn 'warning', what `vips copy FILE[fail]` checks): even
 * at reduced scale libjpeg entropy-decodes every block, so corrupt scan data, TIFF tile
 * errors and PNG CRC errors are seen in this one pass (issue 11, item 8). A file that fails
 * strictly but decodes leniently (failOn 'truncated') still gets its previews, and the
 * reason comes back so ingest can flag the photo; a file that fails both throws.
 */
export async function makePreviews(input: Buffer | string, cacheDir: string, id: string): Promise<{ damaged: string | null; thumb: Buffer }> {
  const { value: pixels, damaged } = await strictThenLenient((failOn) => pixelsOf(input, failOn));
  const raw = { raw: { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels } };
  const [preview, thumb] = await Promise.all([
    sharp(pixels.data, raw).jpeg({ quality: 80 }).toBuffer(),
    sharp(pixels.data, raw).resize(THUMB_BOX).jpeg({ quality: 78 }).toBuffer(),
  ]);
  await Promise.all([
    writeCacheFile(previewPath(cacheDir, id, 'preview'), preview),
    writeCacheFile(previewPath(cacheDir, id, 'thumb'), thumb),
  ]);
  return { damaged, thumb };
}

/**
 * The thumbnail alone, from one decode straight to its size (shrink-on-load takes a 6000 px
 * JPEG to 750 px as it decodes), strict first as makePreviews: for a photo whose 1600 px
 * preview the background makes (raw-ingest.ts), so the sheet does not wait for it.
 */
export async function makeThumb(input: Buffer, cacheDir: string, id: string): Promise<{ damaged: string | null; thumb: Buffer }> {
  const { value: thumb, damaged } = await strictThenLenient((failOn) => sharp(input, { limitInputPixels: MAX_PIXELS, failOn })
    .rotate().resize(THUMB_BOX).toColourspace('srgb').jpeg({ quality: 78 }).toBuffer());
  await writeCacheFile(previewPath(cacheDir, id, 'thumb'), thumb);
  return { damaged, thumb };
}

/**
 * `decode` strictly, and leniently when that fails: the value, and the strict failure's
 * first lines as the damage found (null when strict passed). Over the pixel limit throws.
 */
async function strictThenLenient<T>(decode: (failOn: 'warning' | 'truncated') => Promise<T>): Promise<{ value: T; damaged: string | null }> {
  try {
    return { value: await decode('warning'), damaged: null };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/pixel limit/i.test(msg)) throw e;
    const value = await decode('truncated');
    return { value, damaged: msg.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' · ') };
  }
}

const THUMB_BOX = { width: PREVIEW_SIZES.thumb, height: PREVIEW_SIZES.thumb, fit: 'inside', withoutEnlargement: true } as const;

type Pixels = { data: Buffer; info: sharp.OutputInfo };

function pixelsOf(input: Buffer | string, failOn: 'warning' | 'truncated'): Promise<Pixels> {
  return sharp(input, { limitInputPixels: MAX_PIXELS, failOn })
    .rotate()
    .resize({ width: PREVIEW_SIZES.preview, height: PREVIEW_SIZES.preview, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
}

/**
 * The contact-sheet thumbnail straight from a camera's embedded preview, as Photo
 * Mechanic shows it: the preview's own bytes, no decode, with its EXIF replaced by one
 * that carries the primary image's orientation (the preview is stored as the sensor saw
 * it, and the browser turns an image by its EXIF). The background's makePreviews later
 * replaces it with a 400 px thumbnail of the primary image.
 */
export async function thumbFromEmbedded(jpeg: Buffer, orientation: number, cacheDir: string, id: string): Promise<Buffer> {
  // A preview cut short in the file would be taken for a torn cache file and remade on every read.
  if (!wholeJpeg(jpeg)) throw new Error('embedded preview does not end in EOI');
  const thumb = uprightJpeg(jpeg, orientation);
  await writeCacheFile(previewPath(cacheDir, id, 'thumb'), thumb);
  return thumb;
}

/**
 * Whether a cached JPEG is whole: SOI at the start and EOI at the end (trailing zero bytes
 * allowed, as some encoders pad). A power cut after the rename but before the data can
 * leave a file cut short or ending in zeros; 0xFFD9 occurs in a JPEG's scan data only as
 * its end (every 0xFF there is followed by 0x00 or a restart marker), so a torn file fails.
 */
export function wholeJpeg(b: Uint8Array): boolean {
  let end = b.length;
  while (end > 0 && b[end - 1] === 0) end--;
  return end >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[end - 2] === 0xff && b[end - 1] === 0xd9;
}

/** The thumbnail of a photo not yet recorded (its library copy not yet in place to remake it from). */
export async function readShowingThumb(cacheDir: string, id: string): Promise<Buffer> {
  const b = await readFile(previewPath(cacheDir, id, 'thumb'));
  if (!wholeJpeg(b)) throw new Error(`thumbnail of ${id} is not whole`);
  return b;
}

/** A cached preview, remade from the library file when the cache was cleared. */
export async function readPreview(cacheDir: string, id: string, size: PreviewSize, source: string): Promise<Buffer> {
  const p = previewPath(cacheDir, id, size);
  // The loupe's preview of a photo whose thumbnail came from its embedded preview is
  // waited for while the background makes it; a thumbnail is never held back.
  if (size === 'preview') await previewPending(id);
  // Missing (cache cleared), empty or torn (a power cut before the data reached the disk): made again.
  const cached = await readFile(p).catch(() => null);
  if (cached && wholeJpeg(cached)) return cached;
  const made = await makePreviews(await decodableFile(source), cacheDir, id);
  return size === 'thumb' ? made.thumb : readFile(p);
}
