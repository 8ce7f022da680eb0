import sharp from 'sharp';
import { parseIrb, RES_IPTC, RES_IPTC_DIGEST } from './iptc/irb';
import { isJpeg, jpegMetadata, parseJpeg } from './containers/jpeg';
import { isPng, parsePng, pngMetadata } from './containers/png';
import { isTiff, parseTiff, tiffMetadata } from './containers/tiff';
import { isWebp, parseWebp, webpMetadata } from './containers/webp';
import { decodeXmpBytes } from './xmp/xmp-encoding';
import { fotoStationIim } from './containers/fotostation';

// Finds the raw metadata blocks in a file: the XMP packet, the IPTC-IIM block with the
// Photoshop IPTCDigest beside it, and the EXIF TIFF structure. Our own container walkers
// are used for the formats the desk writes, so what is read is exactly what will be
// rewritten (sharp does not see PNG text chunks after IDAT, for one); sharp covers the rest.

export type Container = 'jpeg' | 'png' | 'webp' | 'tiff' | 'other';

export interface Embedded {
  container: Container;
  xmp: string | null;
  iim: Buffer | null;
  /** IPTCDigest (Photoshop resource 0x0425) as stored, or null. */
  storedDigest: Buffer | null;
  exif: Buffer | null;
}

export function sniff(buf: Buffer): Container {
  if (isJpeg(buf)) return 'jpeg';
  if (isPng(buf)) return 'png';
  if (isWebp(buf)) return 'webp';
  if (isTiff(buf)) return 'tiff';
  return 'other';
}

const stripExifHeader = (b: Buffer) => (b.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? b.subarray(6) : b);

function fromIrb(irb: Buffer | null, warnings: string[]): { iim: Buffer | null; storedDigest: Buffer | null } {
  if (!irb) return { iim: null, storedDigest: null };
  const res = parseIrb(irb, warnings);
  const iim = res.find((r) => r.signature === '8BIM' && r.id === RES_IPTC)?.data ?? null;
  const digest = res.find((r) => r.signature === '8BIM' && r.id === RES_IPTC_DIGEST)?.data ?? null;
  return { iim, storedDigest: digest && digest.length === 16 ? digest : null };
}

function firstXmp(packets: string[], warnings: string[]): string | null {
  if (packets.length > 1) warnings.push(`${packets.length} XMP packets in the file; the first was read`);
  return packets[0] ?? null;
}

export async function extractEmbedded(buf: Buffer, warnings: string[]): Promise<Embedded> {
  const container = sniff(buf);
  try {
    switch (container) {
      case 'jpeg': {
        const layout = parseJpeg(buf, true);
        if (layout.sosStart === buf.length) warnings.push('JPEG: the file ends before the image data (truncated?)');
        const m = jpegMetadata(buf, layout);
        const irb = fromIrb(m.irb, warnings);
        // FotoStation's trailer IIM counts only in a file with no IIM and no XMP of its own:
        // once the desk has written a caption (XMP), the stale trailer must not speak for a
        // field the user emptied.
        const trailer = !irb.iim && m.xmp.length === 0 ? fotoStationIim(buf) : null;
        return { container, xmp: firstXmp(m.xmp.map((b) => decodeXmpBytes(b)), warnings), exif: m.exif, ...(trailer ? { iim: trailer, storedDigest: null } : irb) };
      }
      case 'png': {
        const m = pngMetadata(buf, parsePng(buf));
        return { container, xmp: firstXmp(m.xmp, warnings), exif: m.exif, iim: null, storedDigest: null };
      }
      case 'webp': {
        const m = webpMetadata(buf, parseWebp(buf));
        return { container, xmp: firstXmp(m.xmp, warnings), exif: m.exif, iim: null, storedDigest: null };
      }
      case 'tiff': {
        const m = tiffMetadata(buf, parseTiff(buf));
        const irb = fromIrb(m.irb, warnings);
        return { container, xmp: firstXmp(m.xmp, warnings), exif: buf, iim: m.iim ?? irb.iim, storedDigest: irb.storedDigest };
      }
      default:
        break;
    }
  } catch (e) {
    warnings.push(`${container.toUpperCase()} structure: ${(e as Error).message}; metadata read through libvips instead`);
  }
  return viaSharp(container, buf, warnings);
}

async function viaSharp(container: Container, buf: Buffer, warnings: string[]): Promise<Embedded> {
  let m: sharp.Metadata;
  try {
    m = await sharp(buf, { limitInputPixels: false }).metadata();
  } catch {
    return { container, xmp: null, exif: null, iim: null, storedDigest: null };
  }
  let iim: Buffer | null = null;
  let storedDigest: Buffer | null = null;
  if (m.iptc) {
    // libvips hands over the APP13 payload ("Photoshop 3.0\0" + resources) for JPEG.
    const irb = m.iptc.subarray(0, 14).toString('latin1') === 'Photoshop 3.0\0' ? m.iptc.subarray(14) : null;
    if (irb) ({ iim, storedDigest } = fromIrb(irb, warnings));
    else iim = m.iptc;
  }
  return { container, xmp: m.xmp ? decodeXmpBytes(m.xmp) : null, exif: m.exif ? stripExifHeader(m.exif) : null, iim, storedDigest };
}
