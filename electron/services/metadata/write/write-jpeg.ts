import { jpegMetadata, MAX_STANDARD_XMP, parseJpeg, rebuildJpeg } from '../containers/jpeg';
import { rewriteIrb } from '../iptc/iptc-rewrite';
import { mergeXmp } from '../xmp/xmp-write';
import { exifDigestOf, type WriteInput } from './caption-input';
import { decodeXmpBytes } from '../xmp/xmp-encoding';

// JPEG: one new XMP APP1 at the head, the Photoshop APP13 rewritten when it holds IIM, and
// nothing else touched — EXIF, ICC, Adobe APP14, the frame and the scans keep their bytes.

export async function writeJpeg(buf: Buffer, input: WriteInput): Promise<Buffer> {
  const layout = parseJpeg(buf);
  const m = jpegMetadata(buf, layout);
  const existing = (m.xmp[0] ? decodeXmpBytes(m.xmp[0]) : null);
  const packet = mergeXmp(existing, { ...input, exifDigest: await exifDigestOf(m.exif) }, { embedded: true, maxBytes: MAX_STANDARD_XMP });
  const irb = m.irb ? rewriteIrb(m.irb, input)?.irb ?? null : null;
  return rebuildJpeg(buf, layout, packet, irb);
}
