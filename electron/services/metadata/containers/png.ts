import { crc32, inflateSync } from 'node:zlib';

// PNG chunks (PNG 3rd ed. §5.3). XMP lives in an iTXt chunk with the keyword
// "XML:com.adobe.xmp" (XMP Spec Part 3 §1.1.5); EXIF in eXIf (PNG 3rd ed. §11.3.6).

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const XMP_KEYWORD = 'XML:com.adobe.xmp';

export interface PngChunk {
  type: string;
  start: number;
  dataStart: number;
  dataEnd: number;
  /** After the CRC. */
  end: number;
}

export class PngStructureError extends Error {}

export function isPng(buf: Uint8Array): boolean {
  return buf.length >= 8 && Buffer.from(buf.subarray(0, 8)).equals(SIGNATURE);
}

export function parsePng(buf: Buffer): PngChunk[] {
  if (!isPng(buf)) throw new PngStructureError('not a PNG (bad signature)');
  const chunks: PngChunk[] = [];
  let pos = 8;
  while (pos + 12 <= buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + len;
    if (end > buf.length) throw new PngStructureError(`chunk ${type} at byte ${pos} runs past the end of the file`);
    chunks.push({ type, start: pos, dataStart: pos + 8, dataEnd: pos + 8 + len, end });
    pos = end;
    if (type === 'IEND') break;
  }
  if (!chunks.length || chunks[0]!.type !== 'IHDR') throw new PngStructureError('no IHDR chunk');
  if (!chunks.some((c) => c.type === 'IDAT')) throw new PngStructureError('no IDAT chunk (truncated?)');
  return chunks;
}

const data = (buf: Buffer, c: PngChunk) => buf.subarray(c.dataStart, c.dataEnd);

/** The XMP text of an iTXt chunk, or null when the chunk holds something else. */
function itxtXmp(d: Buffer): string | null {
  const kwEnd = d.indexOf(0);
  if (kwEnd < 0 || d.toString('latin1', 0, kwEnd) !== XMP_KEYWORD) return null;
  const compressed = d[kwEnd + 1] === 1;
  const langEnd = d.indexOf(0, kwEnd + 3);
  const transEnd = langEnd < 0 ? -1 : d.indexOf(0, langEnd + 1);
  if (transEnd < 0) return null;
  const text = d.subarray(transEnd + 1);
  return (compressed ? inflateSync(text) : text).toString('utf8');
}

export function isXmpChunk(buf: Buffer, c: PngChunk): boolean {
  if (c.type !== 'iTXt') return false;
  const d = data(buf, c);
  const kwEnd = d.indexOf(0);
  return kwEnd > 0 && d.toString('latin1', 0, kwEnd) === XMP_KEYWORD;
}

export function pngMetadata(buf: Buffer, chunks: PngChunk[]): { xmp: string[]; exif: Buffer | null } {
  const xmp: string[] = [];
  let exif: Buffer | null = null;
  for (const c of chunks) {
    if (c.type === 'iTXt') {
      const x = itxtXmp(data(buf, c));
      if (x !== null) xmp.push(x);
    } else if (c.type === 'eXIf' && !exif) {
      const d = data(buf, c);
      // Some writers keep the JPEG "Exif\0\0" prefix, which eXIf does not have.
      exif = d.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? d.subarray(6) : d;
    }
  }
  return { xmp, exif };
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0);
  return Buffer.concat([head, body, crc]);
}

/**
 * Replaces every XMP iTXt chunk with one uncompressed chunk placed before the first IDAT
 * (XMP Spec Part 3 §1.1.5 asks for it before the image data, where all readers look).
 * IDAT and every other chunk are copied byte for byte.
 */
export function rebuildPng(buf: Buffer, chunks: PngChunk[], xmpPacket: Buffer): Buffer {
  const itxt = chunk('iTXt', Buffer.concat([Buffer.from(`${XMP_KEYWORD}\0\0\0\0\0`, 'latin1'), xmpPacket]));
  const parts: Buffer[] = [SIGNATURE];
  let placed = false;
  for (const c of chunks) {
    if (isXmpChunk(buf, c)) continue;
    if (c.type === 'IDAT' && !placed) {
      parts.push(itxt);
      placed = true;
    }
    parts.push(buf.subarray(c.start, c.end));
  }
  const last = chunks[chunks.length - 1]!;
  parts.push(buf.subarray(last.end)); // anything after IEND stays where it was
  return Buffer.concat(parts);
}
