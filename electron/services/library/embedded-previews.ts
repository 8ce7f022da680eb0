import { isJpeg, parseJpeg } from '../metadata/containers/jpeg';

// The JPEG previews a camera puts inside its files, found as Photo Mechanic finds them, so
// the contact sheet gets a thumbnail from a 1–2 MP preview instead of a 24 MP decode
// (issue 15, item 1): the images of the CIPA DC-007 Multi-Picture Format index (APP2
// "MPF", where Canon, Nikon, Sony, Fujifilm and phones keep a 1,620–1,920 px preview), and
// the EXIF IFD1 thumbnail (JPEGInterchangeFormat, CIPA DC-008 §4.5.8; usually 160 px, so
// rarely large enough). Only offsets and lengths are read; nothing is decoded here.

export interface EmbeddedPreview {
  /** A view into the file's bytes (no copy). */
  bytes: Buffer;
  width: number;
  height: number;
  source: 'mpf' | 'exif-thumbnail';
}

const MPF_HEADER = Buffer.from('MPF\0', 'latin1');
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const APP1 = 0xe1;
const APP2 = 0xe2;

/** A TIFF structure's reader (II or MM), bounds-checked: a bad offset gives null, never a throw. */
function tiffReader(t: Buffer): { u16: (o: number) => number | null; u32: (o: number) => number | null } | null {
  if (t.length < 8) return null;
  const le = t[0] === 0x49 && t[1] === 0x49;
  if (!le && !(t[0] === 0x4d && t[1] === 0x4d)) return null;
  return {
    u16: (o) => (o >= 0 && o + 2 <= t.length ? (le ? t.readUInt16LE(o) : t.readUInt16BE(o)) : null),
    u32: (o) => (o >= 0 && o + 4 <= t.length ? (le ? t.readUInt32LE(o) : t.readUInt32BE(o)) : null),
  };
}

/** The entries of the IFD at `at`: tag → the value field's offset in `t`, at most 200 read. */
function ifdEntries(r: NonNullable<ReturnType<typeof tiffReader>>, at: number): Map<number, number> | null {
  const n = r.u16(at);
  if (n === null || n > 200) return null;
  const tags = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const e = at + 2 + i * 12;
    const tag = r.u16(e);
    if (tag === null) return null;
    tags.set(tag, e + 8);
  }
  return tags;
}

/** Width and height from an embedded JPEG's SOF, or null when it is not a whole JPEG header. */
function jpegSize(b: Buffer): { width: number; height: number } | null {
  if (!isJpeg(b)) return null;
  try {
    for (const s of parseJpeg(b).segments) {
      if (s.marker >= 0xc0 && s.marker <= 0xcf && s.marker !== 0xc4 && s.marker !== 0xc8 && s.marker !== 0xcc && s.end - s.payloadStart >= 5) {
        const height = b.readUInt16BE(s.payloadStart + 1);
        const width = b.readUInt16BE(s.payloadStart + 3);
        return width > 0 && height > 0 ? { width, height } : null;
      }
    }
  } catch {
    return null;
  }
  return null;
}

/** Where an embedded JPEG lies in its file: found from the file's header segments alone. */
export interface PreviewSpan {
  start: number;
  length: number;
  source: EmbeddedPreview['source'];
}

function span(fileLength: number, start: number, length: number, source: PreviewSpan['source']): PreviewSpan | null {
  return start <= 0 || length < 4 || start + length > fileLength ? null : { start, length, source };
}

/** MPF (CIPA DC-007 §5.2): MP Index IFD tag 0xB002 lists 16-byte MP entries; offsets count from the MPF header's TIFF start. */
function mpfSpans(head: Buffer, tiffStart: number, tiffEnd: number, fileLength: number): PreviewSpan[] {
  const t = head.subarray(tiffStart, tiffEnd);
  const r = tiffReader(t);
  const ifd = r?.u32(4);
  if (!r || ifd == null) return [];
  const tags = ifdEntries(r, ifd);
  const entry = tags?.get(0xb002);
  if (entry === undefined) return [];
  const count = r.u32(entry - 4);
  const at = r.u32(entry);
  if (count === null || at === null || count % 16 !== 0 || count > 16 * 64) return [];
  const out: PreviewSpan[] = [];
  // The first entry is the primary image itself (offset 0).
  for (let i = 1; i < count / 16; i++) {
    const size = r.u32(at + i * 16 + 4);
    const offset = r.u32(at + i * 16 + 8);
    if (size === null || offset === null || offset === 0) continue;
    const s = span(fileLength, tiffStart + offset, size, 'mpf');
    if (s) out.push(s);
  }
  return out;
}

/** EXIF IFD1: JPEGInterchangeFormat (0x0201) and its length (0x0202), inside the APP1 segment. */
function exifThumbnailSpan(head: Buffer, tiffStart: number, tiffEnd: number): PreviewSpan | null {
  const t = head.subarray(tiffStart, tiffEnd);
  const r = tiffReader(t);
  const ifd0 = r?.u32(4);
  if (!r || ifd0 == null) return null;
  const n0 = r.u16(ifd0);
  const ifd1 = n0 === null ? null : r.u32(ifd0 + 2 + n0 * 12);
  if (!ifd1) return null;
  const tags = ifdEntries(r, ifd1);
  const off = tags?.get(0x0201);
  const len = tags?.get(0x0202);
  if (off === undefined || len === undefined) return null;
  const start = r.u32(off);
  const length = r.u32(len);
  if (start === null || length === null || start + length > t.length) return null;
  return span(tiffEnd, tiffStart + start, length, 'exif-thumbnail');
}

/**
 * Where the embedded JPEG previews of a JPEG file lie, in file order, from its first bytes
 * (`head`, which must hold the header segments: MPF offsets point past them, to the end of
 * the file) and the file's length; [] for other formats or on any damage. Nothing is
 * checked beyond the offsets: previewAt does that with the bytes.
 */
export function previewSpans(head: Buffer, fileLength: number): PreviewSpan[] {
  if (!isJpeg(head)) return [];
  let segments;
  try {
    segments = parseJpeg(head, true).segments;
  } catch {
    return [];
  }
  const out: PreviewSpan[] = [];
  for (const s of segments) {
    const tag = head.subarray(s.payloadStart, s.payloadStart + 6);
    if (s.marker === APP1 && tag.equals(EXIF_HEADER)) {
      const p = exifThumbnailSpan(head, s.payloadStart + 6, s.end);
      if (p) out.push(p);
    } else if (s.marker === APP2 && tag.subarray(0, 4).equals(MPF_HEADER)) {
      out.push(...mpfSpans(head, s.payloadStart + 4, s.end, fileLength));
    }
  }
  return out;
}

/** The preview whose span's bytes these are, with its size from its own SOF; null when they are not a JPEG header. */
export function previewAt(bytes: Buffer, source: PreviewSpan['source']): EmbeddedPreview | null {
  const size = jpegSize(bytes);
  return size ? { bytes, ...size, source } : null;
}

/** Every embedded JPEG preview of a JPEG file, in file order; [] for other formats or on any damage. */
export function embeddedPreviews(file: Buffer): EmbeddedPreview[] {
  return previewSpans(file, file.length)
    .map((s) => previewAt(file.subarray(s.start, s.start + s.length), s.source))
    .filter((p): p is EmbeddedPreview => p !== null);
}

/**
 * The smallest embedded preview with at least `minLong` pixels on its long edge and the
 * primary image's shape (within 1 %, so a 16:9 preview letterboxed from a 3:2 frame is
 * never shown for it). Null when there is none.
 */
export function previewFor(file: Buffer, primary: { width: number; height: number }, minLong: number): EmbeddedPreview | null {
  return fittingPreview(embeddedPreviews(file), primary, minLong);
}

/** previewFor's choice among previews already found. */
export function fittingPreview(found: EmbeddedPreview[], primary: { width: number; height: number }, minLong: number): EmbeddedPreview | null {
  if (!primary.width || !primary.height) return null;
  const aspect = primary.width / primary.height;
  const fits = found
    .filter((p) => Math.max(p.width, p.height) >= minLong)
    .filter((p) => Math.abs(p.width / p.height - aspect) / aspect < 0.01)
    .sort((a, b) => a.width * a.height - b.width * b.height);
  return fits[0] ?? null;
}
