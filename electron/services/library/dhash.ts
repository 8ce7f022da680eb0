import sharp from 'sharp';

// The dHash of an image (shared/photo/dhash.ts): shrunk to 9×8 grey, each bit says whether a
// pixel is brighter than its right-hand neighbour. Computed from the 400 px thumbnail ingest
// has just made (EXIF orientation applied), so it costs a small JPEG decode, not the
// camera file's; a rotated-in-camera copy and its upright export hash alike.

/**
 * Below this spread of grey (0–255) across the 9×8 pixels an image is flat (a blank frame, a
 * 8×8 test file, a photo of the night sky): every flat image would hash to 0000…, the same
 * as every other, so it gets no hash and is never called a near-duplicate.
 */
const MIN_SPREAD = 6;

export async function dhashOf(image: Buffer | string): Promise<string | null> {
  const { data } = await sharp(image, { failOn: 'none' })
    .rotate() // an embedded-preview thumbnail carries its orientation in EXIF (previews.ts)
    .greyscale()
    .resize(9, 8, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let lo = 255;
  let hi = 0;
  for (const v of data) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (hi - lo < MIN_SPREAD) return null;
  let hex = '';
  for (let row = 0; row < 8; row++) {
    let nibbleHi = 0;
    let nibbleLo = 0;
    for (let col = 0; col < 8; col++) {
      const bit = data[row * 9 + col]! > data[row * 9 + col + 1]! ? 1 : 0;
      if (col < 4) nibbleHi = (nibbleHi << 1) | bit;
      else nibbleLo = (nibbleLo << 1) | bit;
    }
    hex += nibbleHi.toString(16) + nibbleLo.toString(16);
  }
  return hex;
}
