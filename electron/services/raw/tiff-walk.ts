// A bounds-checked walk over the IFDs of a TIFF-based camera raw (CR2, NEF, ARW, DNG and
// the other TIFF 6.0 relatives): IFD0 and its chain, every SubIFD (tag 330, TIFF
// Technical Note 1), the Exif IFD, and the IFDs inside a Nikon maker note. Only offsets and
// counts are read; a bad offset ends that branch, never the walk, and never throws.

export interface TiffReader {
  little: boolean;
  u16(o: number): number | null;
  u32(o: number): number | null;
}

export function tiffReader(t: Uint8Array): TiffReader | null {
  if (t.length < 8) return null;
  const little = t[0] === 0x49 && t[1] === 0x49;
  if (!little && !(t[0] === 0x4d && t[1] === 0x4d)) return null;
  const view = new DataView(t.buffer, t.byteOffset, t.byteLength);
  return {
    little,
    u16: (o) => (Number.isInteger(o) && o >= 0 && o + 2 <= t.length ? view.getUint16(o, little) : null),
    u32: (o) => (Number.isInteger(o) && o >= 0 && o + 4 <= t.length ? view.getUint32(o, little) : null),
  };
}

export interface Ifd {
  /** Where the IFD was found, for naming (IFD0, IFD1, SubIFD, PreviewIFD, …). */
  path: string;
  /** The TIFF structure the IFD's offsets count from: its start inside the file. */
  base: number;
  /** tag → values (SHORT, LONG or IFD entries only; at most 64 values kept). */
  values: Map<number, number[]>;
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
const MAX_ENTRIES = 1000;
const MAX_IFDS = 64;

export const TAG = {
  newSubFileType: 0x00fe,
  width: 0x0100,
  height: 0x0101,
  compression: 0x0103,
  stripOffsets: 0x0111,
  orientation: 0x0112,
  stripByteCounts: 0x0117,
  subIfds: 0x014a,
  jpegOffset: 0x0201,
  jpegLength: 0x0202,
  exifIfd: 0x8769,
  pixelX: 0xa002,
  pixelY: 0xa003,
  makerNote: 0x927c,
  nikonPreviewIfd: 0x0011,
} as const;

/** Reads the IFD at `at` (relative to the reader's buffer); null when it does not fit. */
function readIfd(r: TiffReader, t: Uint8Array, at: number): { values: Map<number, number[]>; raw: Map<number, { off: number; count: number; type: number }>; next: number | null } | null {
  const n = r.u16(at);
  if (n === null || n === 0 || n > MAX_ENTRIES || at + 2 + n * 12 + 4 > t.length) return null;
  const values = new Map<number, number[]>();
  const raw = new Map<number, { off: number; count: number; type: number }>();
  for (let i = 0; i < n; i++) {
    const e = at + 2 + i * 12;
    const tag = r.u16(e)!;
    const type = r.u16(e + 2)!;
    const count = r.u32(e + 4)!;
    const size = (TYPE_SIZE[type] ?? 0) * count;
    if (size === 0) continue;
    const off = size <= 4 ? e + 8 : r.u32(e + 8)!;
    if (off + size > t.length) continue; // this entry's data lies outside: skipped
    raw.set(tag, { off, count, type });
    if (type !== 3 && type !== 4 && type !== 13) continue;
    const vals: number[] = [];
    for (let k = 0; k < Math.min(count, 64); k++) vals.push(type === 3 ? r.u16(off + k * 2)! : r.u32(off + k * 4)!);
    values.set(tag, vals);
  }
  return { values, raw, next: r.u32(at + 2 + n * 12) };
}

/**
 * Every IFD of the TIFF structure at `base` in `file`, depth first. `seen` guards against
 * IFDs that point back at each other (a loop in a damaged file would walk forever).
 */
export function walkTiff(file: Uint8Array, base = 0): Ifd[] {
  const out: Ifd[] = [];
  const t = file.subarray(base);
  const r = tiffReader(t);
  if (!r || r.u16(2) !== 42) return out;
  const seen = new Set<number>();
  const visit = (at: number | null, path: string, depth: number): void => {
    if (at === null || at < 8 || seen.has(at) || out.length >= MAX_IFDS || depth > 4) return;
    seen.add(at);
    const ifd = readIfd(r, t, at);
    if (!ifd) return;
    out.push({ path, base, values: ifd.values });
    (ifd.values.get(TAG.subIfds) ?? []).forEach((o, i) => visit(o, `${path}/SubIFD${i}`, depth + 1));
    const exif = ifd.values.get(TAG.exifIfd)?.[0];
    if (exif !== undefined) visit(exif, `${path}/ExifIFD`, depth + 1);
    const mn = ifd.raw.get(TAG.makerNote);
    if (mn && base === 0) out.push(...nikonMakerNote(file, mn.off, mn.count));
  };
  // IFD0 and the IFDs chained after it (CR2 keeps four: preview, thumbnail, RGB, raw).
  let at = r.u32(4);
  for (let i = 0; i < 8 && at; i++) {
    const before = out.length;
    visit(at, `IFD${i}`, 0);
    if (out.length === before) break;
    const n = r.u16(at);
    at = n === null ? null : r.u32(at + 2 + n * 12);
  }
  return out;
}

/**
 * A Nikon type-3 maker note ("Nikon\0", version, then a TIFF header of its own whose
 * offsets count from it): its PreviewIFD (tag 0x0011) holds the NEF's preview JPEG.
 */
function nikonMakerNote(file: Uint8Array, off: number, count: number): Ifd[] {
  // subarray, not a Buffer over file.buffer: an offset past the file reads nothing (the bytes
  // may sit in a larger reused buffer, library/byte-pool.ts, whose tail is another file's).
  const head = Buffer.from(file.subarray(off, off + Math.min(count, 6))).toString('latin1');
  if (head !== 'Nikon\0' || count < 18) return [];
  const base = off + 10;
  const t = file.subarray(base);
  const r = tiffReader(t);
  const first = r?.u16(2) === 42 ? r.u32(4) : null;
  if (!r || !first) return [];
  const prev = readIfd(r, t, first)?.values.get(TAG.nikonPreviewIfd)?.[0];
  const p = prev ? readIfd(r, t, prev) : null;
  return p ? [{ path: 'MakerNote/PreviewIFD', base, values: p.values }] : [];
}
