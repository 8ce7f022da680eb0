// Baseline TIFF 6.0 IFD0 (TIFF 6.0 §2). XMP is tag 700 (XMP Spec Part 3 §1.1.6), IPTC-IIM
// tag 33723 and Photoshop image resources tag 34377 (Photoshop File Formats, "TIFF tags").

import { decodeXmpBytes } from '../xmp/xmp-encoding';

export const TAG_XMP = 700;
export const TAG_IPTC = 33723;
export const TAG_PHOTOSHOP = 34377;

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
export const TYPE_BYTE = 1;
export const TYPE_LONG = 4;
export const TYPE_UNDEFINED = 7;

export class TiffStructureError extends Error {}

export interface IfdEntry {
  tag: number;
  type: number;
  count: number;
  /** The 12 raw bytes of the entry, copied as they are when the entry is kept. */
  raw: Buffer;
}

export interface TiffLayout {
  little: boolean;
  ifd0Offset: number;
  entries: IfdEntry[];
  nextIfd: number;
}

export function isTiff(buf: Uint8Array): boolean {
  if (buf.length < 8) return false;
  const ii = buf[0] === 0x49 && buf[1] === 0x49 && buf[2] === 42 && buf[3] === 0;
  const mm = buf[0] === 0x4d && buf[1] === 0x4d && buf[2] === 0 && buf[3] === 42;
  return ii || mm;
}

export function parseTiff(buf: Buffer): TiffLayout {
  if (!isTiff(buf)) throw new TiffStructureError('not a classic TIFF (BigTIFF and others are not written in place)');
  const little = buf[0] === 0x49;
  const u16 = (o: number) => (little ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (little ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const ifd0Offset = u32(4);
  if (ifd0Offset < 8 || ifd0Offset + 2 > buf.length) throw new TiffStructureError(`IFD0 offset ${ifd0Offset} is outside the file`);
  const n = u16(ifd0Offset);
  const endOfEntries = ifd0Offset + 2 + n * 12;
  if (endOfEntries + 4 > buf.length) throw new TiffStructureError('IFD0 runs past the end of the file');
  const entries: IfdEntry[] = [];
  for (let i = 0; i < n; i++) {
    const o = ifd0Offset + 2 + i * 12;
    entries.push({ tag: u16(o), type: u16(o + 2), count: u32(o + 4), raw: buf.subarray(o, o + 12) });
  }
  return { little, ifd0Offset, entries, nextIfd: u32(endOfEntries) };
}

/** The value bytes of an IFD0 entry, or null when they lie outside the file. */
export function entryData(buf: Buffer, layout: TiffLayout, e: IfdEntry): Buffer | null {
  const size = (TYPE_SIZE[e.type] ?? 1) * e.count;
  if (size <= 4) return e.raw.subarray(8, 8 + size);
  const off = layout.little ? e.raw.readUInt32LE(8) : e.raw.readUInt32BE(8);
  return off + size <= buf.length ? buf.subarray(off, off + size) : null;
}

export function tiffMetadata(buf: Buffer, layout: TiffLayout): { xmp: string[]; iim: Buffer | null; irb: Buffer | null } {
  const get = (tag: number) => {
    const e = layout.entries.find((x) => x.tag === tag);
    return e ? entryData(buf, layout, e) : null;
  };
  const x = get(TAG_XMP);
  return { xmp: x ? [decodeXmpBytes(x)] : [], iim: get(TAG_IPTC), irb: get(TAG_PHOTOSHOP) };
}

export interface NewEntry {
  tag: number;
  type: number;
  data: Buffer;
}

/**
 * Writes a new IFD0 at the end of the file with `changes` merged in, and points the header
 * at it. The old IFD0 stays behind as unreferenced bytes; every other entry keeps its raw
 * 12 bytes, so offsets into the strips, the EXIF IFD and the next IFD stay valid and no
 * image byte moves.
 */
export function appendIfd0(buf: Buffer, layout: TiffLayout, changes: NewEntry[]): Buffer {
  const { little } = layout;
  const w16 = (b: Buffer, v: number, o: number) => (little ? b.writeUInt16LE(v, o) : b.writeUInt16BE(v, o));
  const w32 = (b: Buffer, v: number, o: number) => (little ? b.writeUInt32LE(v, o) : b.writeUInt32BE(v, o));
  const replaced = new Set(changes.map((c) => c.tag));
  const parts: Buffer[] = [buf];
  let pos = buf.length;
  const align = () => {
    if (pos & 1) { parts.push(Buffer.alloc(1)); pos++; } // TIFF 6.0 §2: offsets are word-aligned
  };
  align();
  const fresh: IfdEntry[] = changes.map((c) => {
    const raw = Buffer.alloc(12);
    w16(raw, c.tag, 0);
    w16(raw, c.type, 2);
    const count = c.data.length / (TYPE_SIZE[c.type] ?? 1);
    w32(raw, count, 4);
    if (c.data.length <= 4) c.data.copy(raw, 8);
    else {
      w32(raw, pos, 8);
      parts.push(c.data);
      pos += c.data.length;
      align();
    }
    return { tag: c.tag, type: c.type, count, raw };
  });
  // TIFF 6.0 §2: "The entries in an IFD must be sorted in ascending order by Tag."
  const entries = [...layout.entries.filter((e) => !replaced.has(e.tag)), ...fresh].sort((a, b) => a.tag - b.tag);
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  w16(ifd, entries.length, 0);
  entries.forEach((e, i) => e.raw.copy(ifd, 2 + i * 12));
  w32(ifd, layout.nextIfd, 2 + entries.length * 12);
  const ifdOffset = pos;
  parts.push(ifd);
  if (ifdOffset + ifd.length > 0xffffffff) throw new TiffStructureError('the file would pass the 4 GB limit of classic TIFF');
  const out = Buffer.concat(parts);
  w32(out, ifdOffset, 4);
  return out;
}
