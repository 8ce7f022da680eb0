// What the press PDF needs to know of an ICC profile before it is used (ICC.1:2010 §7.2
// header, §7.3 tag table): its class and colour space, so that only a CMYK output profile
// is taken, and its description for the OutputIntent. Pure: bytes in, facts out.

export interface IccFacts {
  /** Profile/device class: 'prtr' (output), 'mntr', 'scnr', 'link', … */
  deviceClass: string;
  /** Data colour space: 'CMYK', 'RGB ', 'GRAY', … */
  colorSpace: string;
  version: string;
  description: string;
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

/** Null when the bytes are not an ICC profile at all (too short, no 'acsp' signature, sizes that do not add up). */
export function readIccHeader(b: Uint8Array): IccFacts | null {
  if (b.length < 132 || ascii(b, 36, 4) !== 'acsp') return null;
  const size = u32(b, 0);
  if (size > b.length || size < 132) return null;
  const count = u32(b, 128);
  let description = '';
  for (let i = 0; i < Math.min(count, 200); i++) {
    const at = 132 + i * 12;
    if (at + 12 > b.length) break;
    if (ascii(b, at, 4) !== 'desc') continue;
    const off = u32(b, at + 4);
    const len = u32(b, at + 8);
    if (off + len > b.length || len < 12) break;
    const type = ascii(b, off, 4);
    if (type === 'desc') {
      const n = u32(b, off + 8);
      description = ascii(b, off + 12, Math.max(0, Math.min(n, len - 12))).replace(/\0+$/, '');
    } else if (type === 'mluc') {
      const recOff = u32(b, off + 20);
      const recLen = u32(b, off + 16 + 4);
      const start = off + recOff;
      const chars: number[] = [];
      for (let j = 0; j + 1 < recLen && start + j + 1 < off + len; j += 2) chars.push((b[start + j]! << 8) | b[start + j + 1]!);
      description = String.fromCharCode(...chars).replace(/\0+$/, '');
    }
    break;
  }
  return { deviceClass: ascii(b, 12, 4), colorSpace: ascii(b, 16, 4), version: `${b[8]}.${(b[9]! >> 4) & 0xf}`, description: description.trim() };
}

/** The press PDF takes output (printer) profiles whose data is CMYK; nothing else. */
export const isCmykOutput = (f: IccFacts): boolean => f.deviceClass === 'prtr' && f.colorSpace === 'CMYK';
