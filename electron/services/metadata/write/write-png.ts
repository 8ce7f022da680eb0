import { parsePng, pngMetadata, rebuildPng } from '../containers/png';
import { parseWebp, rebuildWebp, webpMetadata } from '../containers/webp';
import { mergeXmp } from '../xmp/xmp-write';
import { exifDigestOf, type WriteInput } from './caption-input';

// PNG and WebP carry no IPTC-IIM; XMP alone holds the caption fields.

export async function writePng(buf: Buffer, input: WriteInput): Promise<Buffer> {
  const chunks = parsePng(buf);
  const m = pngMetadata(buf, chunks);
  const packet = mergeXmp(m.xmp[0] ?? null, { ...input, exifDigest: await exifDigestOf(m.exif) }, { embedded: true });
  return rebuildPng(buf, chunks, packet);
}

export async function writeWebp(buf: Buffer, input: WriteInput): Promise<Buffer> {
  const chunks = parseWebp(buf);
  const m = webpMetadata(buf, chunks);
  const packet = mergeXmp(m.xmp[0] ?? null, { ...input, exifDigest: await exifDigestOf(m.exif) }, { embedded: true });
  return rebuildWebp(buf, chunks, packet);
}
