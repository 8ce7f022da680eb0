// The size of an embedded JPEG from its frame header, read without decoding: markers are
// walked from SOI to the first SOF (ITU-T T.81 §B.2), every length checked against the
// buffer. Only the frames a browser and libjpeg draw count (SOF0 baseline, SOF1 extended,
// SOF2 progressive): the lossless SOF3 a CR2 or DNG holds its sensor data in is not a
// preview, though it sits in the same kind of strip.

export interface JpegFrame {
  width: number;
  height: number;
}

const DRAWABLE_SOF = new Set([0xc0, 0xc1, 0xc2]);

export function jpegFrame(b: Uint8Array): JpegFrame | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let pos = 2;
  // A header is a few dozen segments; 512 is far past any camera's.
  for (let n = 0; n < 512 && pos + 4 <= b.length; n++) {
    if (b[pos] !== 0xff) return null;
    const marker = b[pos + 1]!;
    if (marker === 0xff) { pos++; continue; } // fill byte (T.81 §B.1.1.2)
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { pos += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) return null; // image data before any frame header
    const len = (b[pos + 2]! << 8) | b[pos + 3]!;
    if (len < 2 || pos + 2 + len > b.length) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (!DRAWABLE_SOF.has(marker) || len < 7) return null;
      const height = (b[pos + 5]! << 8) | b[pos + 6]!;
      const width = (b[pos + 7]! << 8) | b[pos + 8]!;
      return width > 0 && height > 0 ? { width, height } : null;
    }
    pos += 2 + len;
  }
  return null;
}
