// Canon CR3 is ISO-BMFF (ISO/IEC 14496-12): a list of boxes, each a 32-bit size (or 1 and
// a 64-bit size after the type) and a four-letter type. Canon keeps its parts in uuid
// boxes: the 1620 px preview in the top-level uuid eaf42b5e-…, the EXIF-style TIFF
// structures (CMT1: IFD0, CMT2: Exif IFD) in moov's uuid 85c0b687-…. Layouts as ExifTool
// (QuickTime.pm, Canon.pm) and exiv2 (bmffimage.cpp) read them. Bounds-checked: a box
// that claims more than its parent holds ends the walk at that level.

export interface Box {
  type: string;
  /** Offsets in the file: the box's content (after size, type and, for uuid, the 16-byte id). */
  start: number;
  end: number;
  uuid: string | null;
}

export const PREVIEW_UUID = 'eaf42b5e1c984b88b9fbb7dc406e4d16';
export const CANON_META_UUID = '85c0b687820f11e08111f4ce462b6a48';

export function boxes(file: Uint8Array, from: number, to: number): Box[] {
  const out: Box[] = [];
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let pos = from;
  while (pos + 8 <= to && out.length < 1000) {
    let size = view.getUint32(pos);
    const type = String.fromCharCode(file[pos + 4]!, file[pos + 5]!, file[pos + 6]!, file[pos + 7]!);
    let head = 8;
    if (size === 1) {
      if (pos + 16 > to) break;
      const big = view.getBigUint64(pos + 8);
      if (big > BigInt(to - pos)) break;
      size = Number(big);
      head = 16;
    } else if (size === 0) {
      size = to - pos; // to the end of the parent (§4.2)
    }
    if (size < head || pos + size > to) break;
    let uuid: string | null = null;
    if (type === 'uuid') {
      if (size < head + 16) break;
      uuid = Buffer.from(file.buffer, file.byteOffset + pos + head, 16).toString('hex');
      head += 16;
    }
    out.push({ type, start: pos + head, end: pos + size, uuid });
    pos += size;
  }
  return out;
}

export function isCr3(file: Uint8Array): boolean {
  if (file.length < 12) return false;
  const b = Buffer.from(file.buffer, file.byteOffset, 12);
  return b.toString('latin1', 4, 8) === 'ftyp' && b.toString('latin1', 8, 12) === 'crx ';
}

/** The PRVW JPEG: 8 bytes after the uuid (version, count), then the PRVW box. */
export function cr3Preview(file: Uint8Array): { start: number; length: number } | null {
  const top = boxes(file, 0, file.length);
  const box = top.find((b) => b.type === 'uuid' && b.uuid === PREVIEW_UUID);
  if (!box) return null;
  const prvw = boxes(file, box.start + 8, box.end).find((b) => b.type === 'PRVW');
  if (!prvw || prvw.start + 16 > prvw.end) return null;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  // PRVW: u32 0, u16 1, u16 width, u16 height, u16 1, u32 JPEG length, then the JPEG.
  const length = view.getUint32(prvw.start + 12);
  const start = prvw.start + 16;
  return length > 0 && start + length <= prvw.end ? { start, length } : null;
}

/** The TIFF structures CMT1 (IFD0) and CMT2 (Exif IFD) of moov's Canon uuid box. */
export function cr3Tiffs(file: Uint8Array): { cmt1: Uint8Array | null; cmt2: Uint8Array | null } {
  const moov = boxes(file, 0, file.length).find((b) => b.type === 'moov');
  const meta = moov ? boxes(file, moov.start, moov.end).find((b) => b.type === 'uuid' && b.uuid === CANON_META_UUID) : undefined;
  const inner = meta ? boxes(file, meta.start, meta.end) : [];
  const part = (t: string) => {
    const b = inner.find((x) => x.type === t);
    return b ? file.subarray(b.start, b.end) : null;
  };
  return { cmt1: part('CMT1'), cmt2: part('CMT2') };
}
