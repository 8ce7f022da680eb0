import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../atomic-write';
import { previewPending } from './preview-background';

// Thumbnails and screen previews, made once per photo and cached by the photo's id (its
// original content hash), so rewriting captions into the file does not invalidate them.

export const PREVIEW_SIZES = { thumb: 400, preview: 1600 } as const;
export type PreviewSize = keyof typeof PREVIEW_SIZES;

/** Decoding refuses images over this many pixels (a 30000×30000 PNG is 900 MP). */
export const MAX_PIXELS = 250_000_000;

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
export async function makePreviews(input: Buffer | string, cacheDir: string, id: string): Promise<{ damaged: string | null }> {
  let pixels: Pixels;
  let damaged: string | null = null;
  try {
    pixels = await pixelsOf(input, 'warning');
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/pixel limit/i.test(msg)) throw e;
    pixels = await pixelsOf(input, 'truncated');
    damaged = msg.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' · ');
  }
  const raw = { raw: { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels } };
  const [preview, thumb] = await Promise.all([
    sharp(pixels.data, raw).jpeg({ quality: 80 }).toBuffer(),
    sharp(pixels.data, raw).resize(THUMB_BOX).jpeg({ quality: 78 }).toBuffer(),
  ]);
  await Promise.all([
    writeFileAtomic(previewPath(cacheDir, id, 'preview'), preview),
    writeFileAtomic(previewPath(cacheDir, id, 'thumb'), thumb),
  ]);
  return { damaged };
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
 * EXIF Orientation 1–8 as sharp operations (checked against sharp's own auto-rotation on
 * Landscape_1..8): an embedded preview is stored as the sensor saw it, like the primary
 * image, but often without the EXIF that says how to turn it.
 */
function orient(img: sharp.Sharp, orientation: number): sharp.Sharp {
  switch (orientation) {
    case 2: return img.flop();
    case 3: return img.rotate(180);
    case 4: return img.flip();
    case 5: return img.rotate(270).flop();
    case 6: return img.rotate(90);
    case 7: return img.rotate(90).flop();
    case 8: return img.rotate(270);
    default: return img.rotate(0);
  }
}

/**
 * The contact-sheet thumbnail from a camera's embedded preview (Photo Mechanic's way): a
 * 1–2 MP JPEG decoded with shrink-on-load, turned by the primary image's orientation.
 * The full preview follows from the primary image (makePreviews), which replaces it.
 */
export async function makeThumbFromEmbedded(jpeg: Buffer, orientation: number, cacheDir: string, id: string): Promise<void> {
  const thumb = await orient(sharp(jpeg, { limitInputPixels: MAX_PIXELS, failOn: 'truncated' }), orientation)
    .resize(THUMB_BOX)
    .toColourspace('srgb')
    .jpeg({ quality: 78 })
    .toBuffer();
  await writeFileAtomic(previewPath(cacheDir, id, 'thumb'), thumb);
}

/** A cached preview, remade from the library file when the cache was cleared. */
export async function readPreview(cacheDir: string, id: string, size: PreviewSize, source: string): Promise<Buffer> {
  const p = previewPath(cacheDir, id, size);
  // The loupe's preview of a photo whose thumbnail came from its embedded preview is
  // waited for while the background makes it; a thumbnail is never held back.
  if (size === 'preview') await previewPending(id);
  if (!(await stat(p).then(() => true, () => false))) await makePreviews(source, cacheDir, id);
  return readFile(p);
}
