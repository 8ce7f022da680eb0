// A second look at a baseline JPEG's entropy-coded data (issue 11, item 8). The
// libjpeg-turbo 3 inside sharp decodes a corrupt Huffman code silently (its fast path
// zero-fills), where libjpeg-turbo 2.1 (Debian's `vips`, many readers) reports "Corrupt
// JPEG data: bad Huffman code"; such a photo would otherwise go into the library unflagged.
// This walks every block of the first scan with the file's own Huffman tables, as the
// decoder does, and reports the first code no table holds, a marker inside the data, or a
// missing restart marker. No pixels are made: only the bit stream is read.
// Progressive and arithmetic-coded files are not checked (null: nothing found).

interface Table { maxcode: Int32Array; valptr: Int32Array; mincode: Int32Array; values: Uint8Array; fast: Int32Array }

function buildTable(counts: Uint8Array, values: Uint8Array): Table {
  const maxcode = new Int32Array(18).fill(-1);
  const valptr = new Int32Array(17);
  const mincode = new Int32Array(17);
  const fast = new Int32Array(256).fill(-1); // (length << 8) | symbol for codes of ≤ 8 bits
  let code = 0;
  let k = 0;
  for (let l = 1; l <= 16; l++) {
    const n = counts[l - 1]!;
    if (n) {
      valptr[l] = k;
      mincode[l] = code;
      for (let i = 0; i < n; i++, code++, k++) {
        if (l <= 8) {
          const shift = 8 - l;
          for (let j = code << shift; j < (code + 1) << shift; j++) fast[j] = (l << 8) | values[k]!;
        }
      }
      maxcode[l] = code - 1;
    }
    code <<= 1;
  }
  maxcode[17] = 0x7fffffff;
  return { maxcode, valptr, mincode, values, fast };
}

class Damage extends Error {}

class BitReader {
  private acc = 0;
  private bits = 0;
  /** Zero bits appended after a marker ended the data (the decoder does the same). */
  private padBits = 0;
  /** The marker that ended the data, or -1. */
  marker = -1;
  /** True once a read went past the data into that padding: the data ended early. */
  overrun = false;

  constructor(private readonly b: Uint8Array, public pos: number) {}

  private fill(): void {
    while (this.bits <= 24) {
      let byte = 0;
      if (this.marker < 0 && this.pos < this.b.length) {
        byte = this.b[this.pos]!;
        if (byte === 0xff) {
          const next = this.b[this.pos + 1] ?? 0xd9;
          if (next === 0x00) this.pos += 2;
          else { this.marker = next; this.pos += 2; byte = 0; this.padBits += 8; }
        } else this.pos++;
      } else {
        if (this.marker < 0) this.marker = 0xd9; // the file simply ends
        this.padBits += 8;
      }
      this.acc = ((this.acc << 8) | byte) >>> 0;
      this.bits += 8;
    }
  }

  peek8(): number {
    this.fill();
    return (this.acc >>> (this.bits - 8)) & 0xff;
  }

  get(n: number): number {
    if (n === 0) return 0;
    this.fill();
    this.bits -= n;
    if (this.bits < this.padBits) this.overrun = true;
    return (this.acc >>> this.bits) & ((1 << n) - 1);
  }

  /** At a restart boundary: what is left of the data is the last byte's padding, then FF Dn. */
  restart(expect: number): void {
    this.fill();
    if (this.marker < 0 || this.bits - this.padBits >= 8) throw new Damage(`extraneous bytes before marker (RST${expect} expected)`);
    if (this.marker !== 0xd0 + expect) throw new Damage(`found marker 0x${this.marker.toString(16)} instead of RST${expect}`);
    this.acc = 0;
    this.bits = 0;
    this.padBits = 0;
    this.marker = -1;
  }
}

function decode(r: BitReader, t: Table): number {
  const f = t.fast[r.peek8()]!;
  if (f >= 0) {
    r.get(f >> 8);
    return f & 0xff;
  }
  let code = r.get(1);
  let l = 1;
  while (code > t.maxcode[l]!) {
    code = (code << 1) | r.get(1);
    if (++l > 16) throw new Damage('bad Huffman code');
  }
  return t.values[t.valptr[l]! + code - t.mincode[l]!]!;
}

/** Null when the first scan of a baseline JPEG decodes cleanly (or is not checked); else what is wrong. */
export function jpegScanDamage(b: Uint8Array): string | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  const dc = new Map<number, Table>();
  const ac = new Map<number, Table>();
  let frame: { w: number; h: number; comps: { id: number; h: number; v: number }[] } | null = null;
  let restartInterval = 0;
  let pos = 2;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) return null; // not a marker where one must be: left to the decoder
    const m = b[pos + 1]!;
    if (m === 0xff) { pos++; continue; }
    const len = (b[pos + 2]! << 8) | b[pos + 3]!;
    const seg = b.subarray(pos + 4, pos + 2 + len);
    if (m === 0xc4) {
      for (let i = 0; i + 17 <= seg.length;) {
        const tc = seg[i]! >> 4;
        const th = seg[i]! & 15;
        const counts = seg.subarray(i + 1, i + 17);
        const n = counts.reduce((s, c) => s + c, 0);
        const table = buildTable(counts, seg.subarray(i + 17, i + 17 + n));
        (tc === 0 ? dc : ac).set(th, table);
        i += 17 + n;
      }
    } else if (m === 0xc0 || m === 0xc1) {
      const nf = seg[5]!;
      const comps = Array.from({ length: nf }, (_, i) => ({ id: seg[6 + i * 3]!, h: seg[7 + i * 3]! >> 4, v: seg[7 + i * 3]! & 15 }));
      frame = { h: (seg[1]! << 8) | seg[2]!, w: (seg[3]! << 8) | seg[4]!, comps };
    } else if ((m >= 0xc2 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc)) {
      return null; // progressive, lossless or arithmetic: not checked here
    } else if (m === 0xdd) {
      restartInterval = (seg[0]! << 8) | seg[1]!;
    } else if (m === 0xda) {
      if (!frame || frame.comps.some((c) => c.h < 1 || c.v < 1)) return null;
      return checkScan(b, pos + 2 + len, seg, frame, dc, ac, restartInterval);
    } else if (m === 0xd9) return null;
    pos += 2 + len;
  }
  return null;
}

function checkScan(b: Uint8Array, start: number, sos: Uint8Array, frame: { w: number; h: number; comps: { id: number; h: number; v: number }[] },
  dc: Map<number, Table>, ac: Map<number, Table>, restartInterval: number): string | null {
  const ns = sos[0]!;
  const hmax = Math.max(...frame.comps.map((c) => c.h));
  const vmax = Math.max(...frame.comps.map((c) => c.v));
  const scan = Array.from({ length: ns }, (_, i) => {
    const comp = frame.comps.find((c) => c.id === sos[1 + i * 2]);
    return comp ? { comp, dc: dc.get(sos[2 + i * 2]! >> 4), ac: ac.get(sos[2 + i * 2]! & 15) } : null;
  });
  if (scan.some((s) => !s || !s.dc || !s.ac) || frame.w === 0 || frame.h === 0) return null;
  // A single-component scan of a multi-component frame is not interleaved: its own block grid.
  const single = ns === 1;
  const c0 = scan[0]!.comp;
  const mcusX = single ? Math.ceil(Math.ceil((frame.w * c0.h) / hmax) / 8) : Math.ceil(frame.w / (8 * hmax));
  const mcusY = single ? Math.ceil(Math.ceil((frame.h * c0.v) / vmax) / 8) : Math.ceil(frame.h / (8 * vmax));
  const units = scan.map((s) => ({ dc: s!.dc!, ac: s!.ac!, blocks: single ? 1 : s!.comp.h * s!.comp.v }));
  const r = new BitReader(b, start);
  const total = mcusX * mcusY;
  try {
    for (let mcu = 0, rst = 0; mcu < total; mcu++) {
      if (restartInterval && mcu > 0 && mcu % restartInterval === 0) {
        r.restart(rst);
        rst = (rst + 1) & 7;
      }
      for (const u of units) {
        for (let blk = 0; blk < u.blocks; blk++) {
          const s = decode(r, u.dc);
          if (s > 16) throw new Damage('bad DC coefficient size');
          r.get(s);
          for (let k = 1; k < 64;) {
            const rs = decode(r, u.ac);
            const size = rs & 15;
            if (size === 0) {
              if (rs >> 4 === 15) { k += 16; continue; }
              break;
            }
            k += (rs >> 4) + 1;
            r.get(size);
          }
          if (r.overrun) throw new Damage('premature end of data segment');
        }
      }
    }
  } catch (e) {
    if (e instanceof Damage) return `Corrupt JPEG data: ${e.message}`;
    throw e;
  }
  return null;
}
