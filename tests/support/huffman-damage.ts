import sharp from 'sharp';
import { jpegScanDamage } from '../../electron/services/library/jpeg-scan-check';

/**
 * A copy of a sound baseline JPEG with a run of its scan data overwritten so that it holds
 * a Huffman code no table has, which sharp's strict decode (libjpeg-turbo 3's fast path)
 * passes silently and only the desk's scan check finds (issue 11, item 8; issue 15). Seeded:
 * the same input gives the same file.
 */
export async function huffmanDamaged(sound: Buffer): Promise<Buffer> {
  for (let seed = 1; seed < 80; seed++) {
    const b = Buffer.from(sound);
    const at = Math.floor(b.length * (0.3 + seed * 0.007));
    for (let i = 0; i < 24; i++) b[at + i] = (seed * 53 + i * 97) % 255;
    if (!jpegScanDamage(b)) continue;
    if (await sharp(b, { failOn: 'warning' }).resize(400).raw().toBuffer().then(() => true, () => false)) return b;
  }
  throw new Error('no seeded mutation of this JPEG gives a bad code the strict decode passes');
}
