import sharp from 'sharp';
import type { Edition } from '../../../shared/document/schema';
import type { WebImage } from '../../../shared/export/html';
import { readFileInside } from '../safe-path';
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
    // Refuses a path that leaves the edition or passes a symbolic link (safe-path.ts).
    const bytes = await readFileInside(dir, p.asset.file);
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: longEdge, height: longEdge, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    out[id] = { src: `data:image/jpeg;base64,${data.toString('base64')}`, width: info.width, height: info.height };
  }
  return out;
}
