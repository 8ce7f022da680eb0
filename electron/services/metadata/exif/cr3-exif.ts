import { cr3Tiffs, isCr3 } from '../../raw/cr3-boxes';
import { readExif, type ExifFacts } from './exif-read';

// Canon CR3 keeps its EXIF in two TIFF structures inside moov (cr3-boxes.ts): CMT1 is IFD0
// (make, model, orientation, artist), CMT2 is the Exif IFD written as the IFD0 of a TIFF
// of its own (date, exposure, lens). The same reader as every other file reads both: CMT2
// gets a one-entry IFD0 appended whose ExifIFD pointer (0x8769) names its own first IFD, so
// its offsets, which count from its own header, stay as they are.

function asExifIfd(cmt2: Uint8Array): Buffer | null {
  if (cmt2.length < 8) return null;
  const little = cmt2[0] === 0x49;
  const src = Buffer.from(cmt2);
  const first = little ? src.readUInt32LE(4) : src.readUInt32BE(4);
  const at = (src.length + 1) & ~1; // IFDs start on a word boundary (TIFF 6.0 §2)
  const out = Buffer.alloc(at + 18);
  src.copy(out);
  const u16 = (v: number, o: number) => (little ? out.writeUInt16LE(v, o) : out.writeUInt16BE(v, o));
  const u32 = (v: number, o: number) => (little ? out.writeUInt32LE(v, o) : out.writeUInt32BE(v, o));
  u32(at, 4);
  u16(1, at);
  u16(0x8769, at + 2);
  u16(4, at + 4); // LONG
  u32(1, at + 6);
  u32(first, at + 10);
  u32(0, at + 14);
  return out;
}

/** EXIF facts of a CR3 (CMT1's IFD0 with CMT2's Exif IFD), or null when it is not one. */
export async function cr3Exif(file: Buffer, warnings: string[]): Promise<ExifFacts | null> {
  if (!isCr3(file)) return null;
  const { cmt1, cmt2 } = cr3Tiffs(file);
  const ifd0 = cmt1 ? await readExif(Buffer.from(cmt1), warnings) : null;
  const exifTiff = cmt2 ? asExifIfd(cmt2) : null;
  const exif = exifTiff ? await readExif(exifTiff, warnings) : null;
  if (!ifd0 && !exif) return null;
  const pick = <K extends keyof ExifFacts>(k: K): ExifFacts[K] => {
    const a = ifd0?.[k];
    return (a !== null && a !== undefined && a !== '' ? a : exif?.[k]) as ExifFacts[K];
  };
  return Object.fromEntries((Object.keys(ifd0 ?? exif!) as (keyof ExifFacts)[]).map((k) => [k, pick(k)])) as unknown as ExifFacts;
}
