// JPEG at the marker-segment level (ITU-T T.81 Annex B). Only segments before the first SOS
// are parsed; from SOS on, the bytes are the entropy-coded image and are copied verbatim.

export const XMP_NS_HEADER = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const XMP_EXT_HEADER = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
const EXIF_HEADER = Buffer.from('Exif\0', 'latin1');
export const PHOTOSHOP_HEADER = Buffer.from('Photoshop 3.0\0', 'latin1');

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP13 = 0xed;
/** A segment's length field counts itself: at most 65535 − 2 bytes of payload. */
const MAX_PAYLOAD = 0xffff - 2;
/** XMP Spec Part 3 §1.1.3: standard XMP in one APP1, so at most 65504 bytes of packet. */
export const MAX_STANDARD_XMP = MAX_PAYLOAD - XMP_NS_HEADER.length;

export interface JpegSegment {
  marker: number;
  /** Offset of the segment's first byte (its fill bytes, if any, included). */
  start: number;
  payloadStart: number;
  end: number;
}

export interface JpegLayout {
  segments: JpegSegment[];
  /** Offset of the SOS marker: everything from here to the end of the file is kept verbatim. */
  sosStart: number;
}

export class JpegStructureError extends Error {}

export function isJpeg(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === 0xff && buf[1] === SOI && buf[2] === 0xff;
}

/**
 * Walks the header segments. Throws JpegStructureError when the file is not a whole JPEG
 * header; with `lenient`, a file cut off before SOS gives the segments it has (for reading).
 */
export function parseJpeg(buf: Buffer, lenient = false): JpegLayout {
  if (!isJpeg(buf)) throw new JpegStructureError('not a JPEG (no SOI marker)');
  const segments: JpegSegment[] = [];
  let pos = 2;
  while (pos < buf.length) {
    const start = pos;
    if (buf[pos] !== 0xff) throw new JpegStructureError(`no marker at byte ${pos}`);
    while (buf[pos] === 0xff) pos++; // B.1.1.2: any number of 0xFF fill bytes may precede a marker
    if (pos >= buf.length) break;
    const marker = buf[pos++]!;
    if (marker === SOS) return { segments, sosStart: start };
    if (marker === EOI) throw new JpegStructureError('EOI before any image data (no SOS)');
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      segments.push({ marker, start, payloadStart: pos, end: pos }); // stand-alone markers carry no length
      continue;
    }
    if (pos + 2 > buf.length) break;
    const len = buf.readUInt16BE(pos);
    if (len < 2) throw new JpegStructureError(`segment 0xFF${marker.toString(16)} at byte ${start} has length ${len}`);
    const end = pos + len;
    if (end > buf.length) break;
    segments.push({ marker, start, payloadStart: pos + 2, end });
    pos = end;
  }
  if (lenient) return { segments, sosStart: buf.length };
  throw new JpegStructureError('the file ends before the image data (no SOS marker: truncated?)');
}

const payload = (buf: Buffer, s: JpegSegment) => buf.subarray(s.payloadStart, s.end);
const startsWith = (b: Buffer, h: Buffer) => b.length >= h.length && b.subarray(0, h.length).equals(h);

export const isStandardXmp = (buf: Buffer, s: JpegSegment) => s.marker === APP1 && startsWith(payload(buf, s), XMP_NS_HEADER);
export const isExtendedXmp = (buf: Buffer, s: JpegSegment) => s.marker === APP1 && startsWith(payload(buf, s), XMP_EXT_HEADER);
export const isExif = (buf: Buffer, s: JpegSegment) => s.marker === APP1 && startsWith(payload(buf, s), EXIF_HEADER);
export const isPhotoshop = (buf: Buffer, s: JpegSegment) => s.marker === APP13 && startsWith(payload(buf, s), PHOTOSHOP_HEADER);

export interface JpegMetadata {
  xmp: Buffer[];
  /** TIFF structure of the first Exif APP1 (without the "Exif\0\0" header). */
  exif: Buffer | null;
  /** Photoshop image resources, concatenated across APP13 segments (Photoshop splits large ones). */
  irb: Buffer | null;
}

export function jpegMetadata(buf: Buffer, layout: JpegLayout): JpegMetadata {
  const out: JpegMetadata = { xmp: [], exif: null, irb: null };
  const irbParts: Buffer[] = [];
  for (const s of layout.segments) {
    if (isStandardXmp(buf, s)) out.xmp.push(payload(buf, s).subarray(XMP_NS_HEADER.length));
    else if (isExif(buf, s) && !out.exif) out.exif = payload(buf, s).subarray(6);
    else if (isPhotoshop(buf, s)) irbParts.push(payload(buf, s).subarray(PHOTOSHOP_HEADER.length));
  }
  if (irbParts.length) out.irb = Buffer.concat(irbParts);
  return out;
}

function segment(marker: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  if (body.length > MAX_PAYLOAD) throw new JpegStructureError(`segment 0xFF${marker.toString(16)} would be ${body.length} bytes (max ${MAX_PAYLOAD})`);
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

function photoshopSegments(irb: Buffer): Buffer[] {
  const room = MAX_PAYLOAD - PHOTOSHOP_HEADER.length;
  const out: Buffer[] = [];
  for (let i = 0; i < irb.length || i === 0; i += room) out.push(segment(APP13, PHOTOSHOP_HEADER, irb.subarray(i, i + room)));
  return out;
}

/**
 * Rebuilds the header with one new standard-XMP APP1 and, when `irb` is given, the Photoshop
 * APP13 replaced in place. Every other segment keeps its bytes and order, and everything from
 * SOS on is copied unchanged, so the compressed image cannot change.
 */
export function rebuildJpeg(buf: Buffer, layout: JpegLayout, xmpPacket: Buffer, irb: Buffer | null): Buffer {
  if (xmpPacket.length > MAX_STANDARD_XMP) {
    throw new JpegStructureError(`the XMP packet is ${xmpPacket.length} bytes; one APP1 holds at most ${MAX_STANDARD_XMP}`);
  }
  // Every standard-XMP copy goes, wherever it was (DSCN0010.jpg has one after SOF and DHT).
  const kept = layout.segments.filter((s) => !isStandardXmp(buf, s));
  let photoshopDone = false;
  const bytes = kept.map((s) => {
    if (!irb || !isPhotoshop(buf, s)) return [buf.subarray(s.start, s.end)];
    if (photoshopDone) return [];
    photoshopDone = true;
    return photoshopSegments(irb);
  });
  // XMP Spec Part 3 §1.1.3 and MWG 2.0: the XMP APP1 follows the JFIF APP0 and Exif APP1 at the head.
  let at = 0;
  while (at < kept.length && (kept[at]!.marker === APP0 || isExif(buf, kept[at]!))) at++;
  bytes.splice(at, 0, [segment(APP1, XMP_NS_HEADER, xmpPacket)]);
  return Buffer.concat([Buffer.from([0xff, SOI]), ...bytes.flat(), buf.subarray(layout.sosStart)]);
}
