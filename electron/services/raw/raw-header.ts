import { extname } from 'node:path';
import type sharp from 'sharp';
import { rawPreview, type RawPreview } from './raw-preview';

// What stands for libvips' header of a camera raw: the embedded JPEG's size (what the desk
// shows, places and prints) and the raw's own extension as its format. libvips would read
// a CR2 or NEF as a TIFF and report the size of its IFD0 (a 1536 px preview, or a 160 px
// thumbnail), which is neither the photo nor what we draw.

export function rawHeader(preview: RawPreview, file: string): sharp.Metadata {
  const format = extname(file).slice(1).toLowerCase();
  return { format, width: preview.width, height: preview.height } as unknown as sharp.Metadata;
}

/** The header of a raw file's bytes, or null when it carries no drawable preview. */
export function rawHeaderOf(bytes: Buffer, file: string): sharp.Metadata | null {
  const p = rawPreview(bytes);
  return p ? rawHeader(p, file) : null;
}
