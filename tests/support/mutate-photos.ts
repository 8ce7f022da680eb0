import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './hostile-docx';

// Damaged photos made at test time from the shared camera fixtures (issue 11, item 8 and
// the fuzz suite): bit flips and overwritten runs in the scan data, truncations, a JPEG
// frame header that claims 16000×15000, garbage inserted, headers cut short. Seeded: the
// same seed gives the same files, so a failure reproduces by its name.

export interface MutatedPhoto {
  name: string;
  bytes: Buffer;
  how: string;
}

const IMAGE = /\.(jpe?g|png|tiff?)$/i;

/** Offset of the first SOF0–SOF3 marker's height field in a JPEG, or -1. */
function sofOffset(b: Buffer): number {
  for (let i = 2; i + 9 < b.length;) {
    if (b[i] !== 0xff) return -1;
    const m = b[i + 1]!;
    if (m >= 0xc0 && m <= 0xc3) return i + 5;
    if (m === 0xda) return -1;
    i += 2 + b.readUInt16BE(i + 2);
  }
  return -1;
}

export function mutatedPhotos(dir: string, count = 300, seed = 8): MutatedPhoto[] {
  const bases = readdirSync(dir).filter((n) => IMAGE.test(n)).sort().map((n) => ({ n, b: readFileSync(join(dir, n)) }));
  const rand = rng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const out: MutatedPhoto[] = [];
  for (let k = 0; out.length < count; k++) {
    const { n, b } = bases[k % bases.length]!;
    const bytes = Buffer.from(b);
    // Past the headers (metadata lives in the first part): mostly the pixel data.
    const body = (from = 0.3) => Math.floor(bytes.length * from) + int(Math.floor(bytes.length * (1 - from)) - 2);
    let how: string;
    switch (int(7)) {
      case 0: {
        const flips = 1 + int(24);
        for (let f = 0; f < flips; f++) { const i = body(); bytes[i] = bytes[i]! ^ (1 << int(8)); }
        how = `flip${flips}`;
        break;
      }
      case 1: {
        const at = body();
        bytes.fill(int(2) ? 0 : 0xff, at, Math.min(bytes.length - 2, at + 64 + int(4096)));
        how = `run@${at}`;
        break;
      }
      case 2: {
        const cut = body(0.1);
        out.push({ name: `${out.length}-cut${cut}-${n}`, bytes: bytes.subarray(0, cut), how: `truncated at ${cut}` });
        continue;
      }
      case 3: {
        const sof = sofOffset(bytes);
        if (sof < 0) { const i = body(); bytes[i] = bytes[i]! ^ 0x10; how = 'flip1'; break; }
        bytes.writeUInt16BE(15000, sof);
        bytes.writeUInt16BE(16000, sof + 2);
        how = 'sof-16000x15000';
        break;
      }
      case 4: {
        const at = body();
        const junk = Buffer.from(Array.from({ length: 16 + int(512) }, () => int(256)));
        out.push({ name: `${out.length}-insert-${n}`, bytes: Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]), how: `insert@${at}` });
        continue;
      }
      case 5: {
        const cut = Math.min(bytes.length, 64 + int(2048));
        out.push({ name: `${out.length}-head-${n}`, bytes: bytes.subarray(0, cut), how: `header only (${cut} bytes)` });
        continue;
      }
      default: {
        const at = body(0.5);
        bytes.copy(bytes, at, body(0.3), body(0.3) + 256 + int(2048));
        how = `shuffled@${at}`;
      }
    }
    out.push({ name: `${out.length}-${how}-${n}`, bytes, how });
  }
  return out;
}
