import { join } from 'node:path';
import sharp from 'sharp';
import type { Edition } from '../../../shared/document/schema';
import type { WebImage } from '../../../shared/export/html';
import { isInside } from '../workspace';
import { MAX_PIXELS } from '../library/previews';

// Photos for the web article: resized to a long edge that a phone screen and a WeChat
// editor take without recompressing, sRGB JPEG, inlined as data: URIs. Metadata is not
// kept (the HTML carries the caption; a web copy needs no GPS or camera serials).

export const WEB_LONG_EDGE = 1080;

export async function webImages(dir: string, edition: Edition, photoIds: Iterable<string>, longEdge = WEB_LONG_EDGE): Promise<Record<string, WebImage>> {
  const out: Record<string, WebImage> = {};
  for (const id of new Set(photoIds)) {
    // Story figures name library photos: the edition's copy of one answers for it (media.ts does the same).
    const p = edition.photos.find((ph) => ph.id === id) ?? edition.photos.find((ph) => ph.libraryId === id);
    if (!p) continue;
    const file = join(dir, p.asset.file);
    if (!isInside(dir, file)) continue;
    const { data, info } = await sharp(file, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: longEdge, height: longEdge, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    out[id] = { src: `data:image/jpeg;base64,${data.toString('base64')}`, width: info.width, height: info.height };
  }
  return out;
}
