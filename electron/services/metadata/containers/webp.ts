// WebP RIFF container (Google, "WebP Container Specification", and RFC 9649 §2.7). Metadata
// needs the extended format: a VP8X chunk whose flags announce EXIF and XMP chunks.

import { decodeXmpBytes } from '../xmp/xmp-encoding';

export interface RiffChunk {
  fourcc: string;
  start: number;
  dataStart: number;
  size: number;
  /** After the pad byte. */
  end: number;
}

export class WebpStructureError extends Error {}

const FLAG_ICC = 0x20;
const FLAG_ALPHA = 0x10;
const FLAG_EXIF = 0x08;
const FLAG_XMP = 0x04;

export function isWebp(buf: Uint8Array): boolean {
  const b = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.length, 12));
  return b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';
}

export function parseWebp(buf: Buffer): RiffChunk[] {
  if (!isWebp(buf)) throw new WebpStructureError('not a WebP (no RIFF/WEBP header)');
  const chunks: RiffChunk[] = [];
  const riffEnd = Math.min(buf.length, 8 + buf.readUInt32LE(4));
  let pos = 12;
  while (pos + 8 <= riffEnd) {
    const size = buf.readUInt32LE(pos + 4);
    const end = pos + 8 + size + (size & 1);
    if (pos + 8 + size > buf.length) throw new WebpStructureError(`chunk at byte ${pos} runs past the end of the file`);
    chunks.push({ fourcc: buf.toString('latin1', pos, pos + 4), start: pos, dataStart: pos + 8, size, end: Math.min(end, buf.length) });
    pos = end;
  }
  if (!chunks.some((c) => c.fourcc === 'VP8 ' || c.fourcc === 'VP8L' || c.fourcc === 'ANMF')) {
    throw new WebpStructureError('no image data chunk (VP8, VP8L or ANMF)');
  }
  return chunks;
}

const data = (buf: Buffer, c: RiffChunk) => buf.subarray(c.dataStart, c.dataStart + c.size);

export function webpMetadata(buf: Buffer, chunks: RiffChunk[]): { xmp: string[]; exif: Buffer | null } {
  const xmp = chunks.filter((c) => c.fourcc === 'XMP ').map((c) => decodeXmpBytes(data(buf, c)));
  const e = chunks.find((c) => c.fourcc === 'EXIF');
  let exif = e ? data(buf, e) : null;
  if (exif && exif.subarray(0, 6).toString('latin1') === 'Exif\0\0') exif = exif.subarray(6);
  return { xmp, exif };
}

function riffChunk(fourcc: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, body.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** Canvas size and alpha of a simple (VP8 or VP8L) file, read from the bitstream header. */
function simpleCanvas(buf: Buffer, c: RiffChunk): { width: number; height: number; alpha: boolean } {
  const d = data(buf, c);
  if (c.fourcc === 'VP8 ') {
    // RFC 6386 §9.1: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
    if (d.length < 10 || d[3] !== 0x9d || d[4] !== 0x01 || d[5] !== 0x2a) throw new WebpStructureError('bad VP8 frame header');
    return { width: d.readUInt16LE(6) & 0x3fff, height: d.readUInt16LE(8) & 0x3fff, alpha: false };
  }
  // WebP Lossless Bitstream §3: signature 0x2F, 14 bits width−1, 14 bits height−1, 1 bit alpha.
  if (d.length < 5 || d[0] !== 0x2f) throw new WebpStructureError('bad VP8L header');
  const bits = d.readUInt32LE(1);
  return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, alpha: ((bits >>> 28) & 1) === 1 };
}

function vp8x(flags: number, width: number, height: number): Buffer {
  const body = Buffer.alloc(10);
  body[0] = flags;
  body.writeUIntLE(width - 1, 4, 3);
  body.writeUIntLE(height - 1, 7, 3);
  return riffChunk('VP8X', body);
}

/**
 * Replaces the XMP chunk (or adds one after the image and EXIF chunks, the order the
 * container spec lists) and sets the VP8X XMP flag; a simple VP8/VP8L file is first turned
 * into the extended format. The image chunks are copied byte for byte.
 */
export function rebuildWebp(buf: Buffer, chunks: RiffChunk[], xmpPacket: Buffer): Buffer {
  const kept = chunks.filter((c) => c.fourcc !== 'XMP ');
  const parts: Buffer[] = kept.map((c) => buf.subarray(c.start, c.end));
  const header = kept[0]!;
  if (header.fourcc === 'VP8X') {
    const body = Buffer.from(data(buf, header));
    body[0] = body[0]! | FLAG_XMP;
    parts[0] = riffChunk('VP8X', body);
  } else {
    const image = kept.find((c) => c.fourcc === 'VP8 ' || c.fourcc === 'VP8L');
    if (!image) throw new WebpStructureError('a simple WebP without VP8/VP8L data');
    const { width, height, alpha } = simpleCanvas(buf, image);
    let flags = FLAG_XMP | (alpha ? FLAG_ALPHA : 0);
    if (kept.some((c) => c.fourcc === 'EXIF')) flags |= FLAG_EXIF;
    if (kept.some((c) => c.fourcc === 'ICCP')) flags |= FLAG_ICC;
    parts.unshift(vp8x(flags, width, height));
  }
  const order = ['VP8X', 'ICCP', 'ANIM', 'ALPH', 'VP8 ', 'VP8L', 'ANMF', 'EXIF'];
  let at = parts.length;
  const offset = parts.length - kept.length; // 1 when a VP8X was added in front
  for (let i = kept.length - 1; i >= 0; i--) {
    if (order.includes(kept[i]!.fourcc)) { at = i + 1 + offset; break; }
  }
  parts.splice(at, 0, riffChunk('XMP ', xmpPacket));
  const body = Buffer.concat(parts);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length + 4, 4);
  riff.write('WEBP', 8, 'latin1');
  return Buffer.concat([riff, body]);
}
