import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../atomic-write';

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
 * Makes both sizes from one decode: the preview with shrink-on-load and EXIF orientation
 * applied, then the thumbnail from the preview (cheap: a 1600 px image, not 24 MP).
 *
 * The decode is strict first (failOn 'warning', what `vips copy FILE[fail]` checks): even
 * at reduced scale libjpeg entropy-decodes every block, so corrupt scan data, TIFF tile
 * errors and PNG CRC errors are seen in this one pass (issue 11, item 8). A file that fails
 * strictly but decodes leniently (failOn 'truncated') still gets its previews, and the
 * reason comes back so ingest can flag the photo; a file that fails both throws.
 */
export async function makePreviews(input: Buffer | string, cacheDir: string, id: string): Promise<{ damaged: string | null }> {
  let preview: Buffer;
  let damaged: string | null = null;
  try {
    preview = await previewOf(input, 'warning');
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/pixel limit/i.test(msg)) throw e;
    preview = await previewOf(input, 'truncated');
    damaged = msg.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' · ');
  }
  const thumb = await sharp(preview)
    .resize({ width: PREVIEW_SIZES.thumb, height: PREVIEW_SIZES.thumb, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 78 })
    .toBuffer();
  await Promise.all([
    writeFileAtomic(previewPath(cacheDir, id, 'preview'), preview),
    writeFileAtomic(previewPath(cacheDir, id, 'thumb'), thumb),
  ]);
  return { damaged };
}

function previewOf(input: Buffer | string, failOn: 'warning' | 'truncated'): Promise<Buffer> {
  return sharp(input, { limitInputPixels: MAX_PIXELS, failOn })
    .rotate()
    .resize({ width: PREVIEW_SIZES.preview, height: PREVIEW_SIZES.preview, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A cached preview, remade from the library file when the cache was cleared. */
export async function readPreview(cacheDir: string, id: string, size: PreviewSize, source: string): Promise<Buffer> {
  const p = previewPath(cacheDir, id, size);
  if (!(await stat(p).then(() => true, () => false))) await makePreviews(source, cacheDir, id);
  return readFile(p);
}
