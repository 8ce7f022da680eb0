import { cr3Preview, cr3Tiffs, isCr3 } from './cr3-boxes';
import { jpegFrame } from './jpeg-frame';
import { TAG, tiffReader, walkTiff, type Ifd } from './tiff-walk';

// The JPEG a camera embeds in its raw file, found as Photo Mechanic finds it, so a raw is
// on the contact sheet without demosaicing a single pixel (issue 15, item 1). Where each
// maker keeps it:
//   CR2  IFD0: a strip with Compression 6 (old-style JPEG), the full-size JPEG
//   NEF  SubIFD with JPEGInterchangeFormat (JpgFromRaw), and the maker note's PreviewIFD
//   ARW  IFD0's JPEGInterchangeFormat (PreviewImage), sometimes a JpgFromRaw SubIFD
//   DNG  SubIFDs with NewSubFileType 1 and Compression 7 or 34892 (DNG 1.4 §"Previews")
//   CR3  the PRVW box in the preview uuid box (1620 px)
// Nothing is decoded: offsets and lengths are read, and a candidate counts only when its
// frame header says it is a drawable JPEG. Every offset is checked against the buffer; a
// damaged file gives null, never a throw and never a read outside it.

export interface RawPreview {
  /** A view into the file's bytes (no copy). */
  bytes: Buffer;
  width: number;
  height: number;
  /** EXIF Orientation of the raw (IFD0 0x0112): the preview is stored as the sensor saw it. */
  orientation: number;
  /** Where it was found, e.g. "IFD0", "IFD0/SubIFD0", "MakerNote/PreviewIFD", "CR3 PRVW". */
  source: string;
}

export type RawContainer = 'tiff' | 'cr3';

/** TIFF-structured (II*\0 / MM\0*, CR2 included) or Canon's ISO-BMFF CR3; null otherwise. */
export function rawContainer(file: Uint8Array): RawContainer | null {
  if (isCr3(file)) return 'cr3';
  const r = tiffReader(file);
  return r && r.u16(2) === 42 ? 'tiff' : null;
}

const JPEG_COMPRESSION = new Set([6, 7, 34892]);

interface Span { start: number; length: number; source: string }

function spansOf(ifd: Ifd): Span[] {
  const v = (tag: number) => ifd.values.get(tag);
  const out: Span[] = [];
  const off = v(TAG.jpegOffset)?.[0];
  const len = v(TAG.jpegLength)?.[0];
  if (off !== undefined && len !== undefined) out.push({ start: ifd.base + off, length: len, source: ifd.path });
  const compression = v(TAG.compression)?.[0];
  const strips = v(TAG.stripOffsets);
  const counts = v(TAG.stripByteCounts);
  // A preview is one strip; a raw's sensor data in many strips is never one.
  if (compression !== undefined && JPEG_COMPRESSION.has(compression) && strips?.length === 1 && counts?.length === 1) {
    out.push({ start: ifd.base + strips[0]!, length: counts[0]!, source: ifd.path });
  }
  return out;
}

function candidate(file: Buffer, s: Span, orientation: number): RawPreview | null {
  if (!Number.isSafeInteger(s.start) || !Number.isSafeInteger(s.length) || s.start <= 0 || s.length < 4 || s.start + s.length > file.length) return null;
  const bytes = file.subarray(s.start, s.start + s.length);
  const frame = jpegFrame(bytes);
  return frame ? { bytes, ...frame, orientation, source: s.source } : null;
}

const validOrientation = (o: number | undefined) => (o !== undefined && o >= 1 && o <= 8 ? o : 1);

/**
 * The sensor's long side where the file says it: the Exif IFD's PixelX/YDimension, or an
 * IFD with NewSubFileType 0 (the main image) that is not an old-style JPEG (Compression 6
 * is only ever a preview or CR2's small RGB image). 0 when the file does not say.
 */
function sensorLong(ifds: Ifd[]): number {
  let long = 0;
  for (const ifd of ifds) {
    const v = (tag: number) => ifd.values.get(tag)?.[0] ?? 0;
    if (ifd.path.endsWith('ExifIFD')) long = Math.max(long, v(TAG.pixelX), v(TAG.pixelY));
    else if (v(TAG.newSubFileType) === 0 && v(TAG.compression) !== 6) long = Math.max(long, v(TAG.width), v(TAG.height));
  }
  return long;
}

/** Every drawable JPEG the raw file embeds, in the order the walk finds them. */
export function rawPreviews(file: Buffer, ifds?: Ifd[]): RawPreview[] {
  const kind = rawContainer(file);
  if (kind === 'cr3') {
    const { cmt1 } = cr3Tiffs(file);
    const ifd0 = cmt1 ? walkTiff(cmt1)[0] : undefined;
    const orientation = validOrientation(ifd0?.values.get(TAG.orientation)?.[0]);
    const prvw = cr3Preview(file);
    const p = prvw ? candidate(file, { ...prvw, source: 'CR3 PRVW' }, orientation) : null;
    return p ? [p] : [];
  }
  if (kind !== 'tiff') return [];
  ifds ??= walkTiff(file);
  const orientation = validOrientation(ifds.find((i) => i.path === 'IFD0')?.values.get(TAG.orientation)?.[0]);
  const seen = new Set<number>();
  const out: RawPreview[] = [];
  for (const ifd of ifds) {
    for (const s of spansOf(ifd)) {
      if (seen.has(s.start)) continue;
      seen.add(s.start);
      const p = candidate(file, s, orientation);
      if (p) out.push(p);
    }
  }
  return out;
}

/**
 * The largest embedded JPEG no larger than the sensor (a preview claiming more pixels than
 * the camera has is not one), or null when the raw carries none that can be drawn.
 */
export function rawPreview(file: Buffer): RawPreview | null {
  const ifds = rawContainer(file) === 'tiff' ? walkTiff(file) : [];
  const all = rawPreviews(file, ifds);
  const limit = sensorLong(ifds);
  const fits = all.filter((p) => limit === 0 || Math.max(p.width, p.height) <= limit);
  return fits.sort((a, b) => b.width * b.height - a.width * a.height)[0] ?? null;
}
