// Perceptual hash for near-duplicates (issue 16, item 3): a 64-bit difference hash (dHash),
// 16 hex digits. Two photos are the same frame when their hashes differ in at most
// SAME_FRAME_DISTANCE bits. Measured on the camera fixtures (tests/unit/dhash.test.ts): a
// resized, recompressed (quality 30) or PNG re-export of a frame lands at 0–4, the EXIF-rotated
// copies of one frame at 0–2; the same scene framed 10 % to the side at 11–22, different photos
// at 14 and more. 8 sits between, with room on both sides.

export const SAME_FRAME_DISTANCE = 8;

export const DHASH = /^[0-9a-f]{16}$/u;

const POP = Array.from({ length: 16 }, (_, i) => ((i >> 3) & 1) + ((i >> 2) & 1) + ((i >> 1) & 1) + (i & 1));

/** Hamming distance between two 16-hex-digit hashes (bits that differ, 0–64). */
export function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i++) d += POP[parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16)]!;
  return d;
}
