import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawContainer, rawPreview, rawPreviews } from '../../electron/services/raw/raw-preview';
import { jpegFrame } from '../../electron/services/raw/jpeg-frame';

// Issue 15, item 1 (raw): the JPEG a camera embeds in its raw file, found by offsets alone.
// Referee: exiftool's own extraction of the same tag, byte for byte (tests/corpus/raw/SOURCES.md
// says where each sample comes from and what it carries).

const DIR = join(__dirname, '..', 'corpus', 'raw');
const read = (f: string) => readFileSync(join(DIR, f));
const exiftoolBytes = (f: string, tag: string) => execFileSync('exiftool', ['-b', `-${tag}`, join(DIR, f)], { maxBuffer: 64 << 20 });

// file, the tag exiftool calls the one we pick, its size, the raw's orientation
const SAMPLES: [string, string, number, number, number][] = [
  ['canon-eos-350d.cr2', 'PreviewImage', 1536, 1024, 1],
  ['nikon-d70.nef', 'JpgFromRaw', 1600, 1064, 6],
  ['sony-zv-e10.arw', 'PreviewImage', 1616, 1080, 6],
  ['canon-eos-6d.dng', 'SubIFD1:PreviewImage', 1024, 683, 1],
];

describe('raw previews', () => {
  it.each(SAMPLES)('%s: the largest embedded JPEG is exiftool\'s %s, byte for byte', (file, tag, w, h, orientation) => {
    const p = rawPreview(read(file));
    expect(p).not.toBeNull();
    expect({ width: p!.width, height: p!.height, orientation: p!.orientation }).toEqual({ width: w, height: h, orientation });
    expect(Buffer.compare(p!.bytes, exiftoolBytes(file, tag))).toBe(0);
  });

  it('NEF: the smaller PreviewIFD JPEG in the maker note is found too, and loses to JpgFromRaw', () => {
    const all = rawPreviews(read('nikon-d70.nef'));
    const prev = all.find((p) => p.source === 'MakerNote/PreviewIFD');
    expect(prev && Buffer.compare(prev.bytes, exiftoolBytes('nikon-d70.nef', 'PreviewImage'))).toBe(0);
    expect(rawPreview(read('nikon-d70.nef'))!.source).toMatch(/SubIFD/);
  });

  it('CR3: the PRVW JPEG is exiftool\'s PreviewImage up to its declared length (exiftool adds the box\'s zero padding)', () => {
    const p = rawPreview(read('canon-eos-r6.cr3'));
    expect(p).not.toBeNull();
    expect([p!.width, p!.height, p!.orientation]).toEqual([1620, 1080, 1]);
    const ref = exiftoolBytes('canon-eos-r6.cr3', 'PreviewImage');
    expect(Buffer.compare(p!.bytes, ref.subarray(0, p!.bytes.length))).toBe(0);
    expect(p!.bytes.subarray(-2).toString('hex')).toBe('ffd9');
    expect([...ref.subarray(p!.bytes.length)].every((b) => b === 0)).toBe(true);
  });

  it('a raw whose previews are placeholders or lie past its end gives null', () => {
    // exiftool's 350D sample: a 26-byte stand-in where the JPEG was.
    expect(rawPreview(read('no-preview-canon-eos-350d.cr2'))).toBeNull();
    // exiv2's iPhone DNG, cut at 64 KB: IFD0 points at a 5 MB preview beyond the end.
    expect(rawPreview(read('truncated-iphone-12-pro.dng'))).toBeNull();
    expect(rawContainer(read('truncated-iphone-12-pro.dng'))).toBe('tiff');
  });

  it('truncated copies give null or a preview wholly inside the buffer, never a throw', () => {
    for (const [file] of [...SAMPLES, ['canon-eos-r6.cr3']] as [string][]) {
      const whole = read(file);
      const best = rawPreview(whole)!;
      const end = best.bytes.byteOffset - whole.byteOffset + best.bytes.length;
      for (const cut of [0, 3, 8, 16, 200, 4096, end - 1, Math.floor(whole.length / 2)]) {
        if (cut < 0 || cut > whole.length) continue;
        // A copy exactly as long as the cut, so a read past it would be a read past the buffer.
        const part = Buffer.from(whole.subarray(0, cut));
        const p = rawPreview(part);
        if (p) expect(p.bytes.byteOffset - part.byteOffset + p.bytes.length).toBeLessThanOrEqual(part.length);
        if (cut === end - 1) expect(p === null || p.bytes.length < best.bytes.length).toBe(true);
      }
    }
  });

  it('a corrupted IFD offset gives null, never a throw', () => {
    for (const [file] of SAMPLES) {
      const bad = Buffer.from(read(file));
      const le = bad[0] === 0x49;
      // IFD0's offset pointed past the end, then at the header itself, then at an odd byte.
      for (const off of [bad.length + 100, 0xffffffff, 0, 1, bad.length - 2]) {
        if (le) bad.writeUInt32LE(off >>> 0, 4); else bad.writeUInt32BE(off >>> 0, 4);
        expect(rawPreview(bad)).toBeNull();
      }
    }
  });

  it('every byte of a preview\'s offset field flipped: no throw, no view outside the file', () => {
    const whole = read('sony-zv-e10.arw');
    const p = rawPreview(whole)!;
    const start = p.bytes.byteOffset - whole.byteOffset;
    // Find IFD0's JPEGInterchangeFormat value (the preview's start) and scramble it.
    const at = whole.indexOf(Buffer.from([start & 0xff, (start >> 8) & 0xff, (start >> 16) & 0xff, start >>> 24]));
    expect(at).toBeGreaterThan(0);
    for (const v of [0xfffffff0, whole.length - 3, 7]) {
      const bad = Buffer.from(whole);
      bad.writeUInt32LE(v, at);
      const q = rawPreview(bad);
      expect(q === null || q.bytes.byteOffset - bad.byteOffset + q.bytes.length <= bad.length).toBe(true);
      expect(q?.bytes.length).not.toBe(p.bytes.length);
    }
  });

  it('2,000 seeded corruptions of the structures (not the image data): never a throw, never a view outside the file', () => {
    let seed = 15;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (const [file] of [...SAMPLES, ['canon-eos-r6.cr3']] as [string][]) {
      const whole = read(file);
      const best = rawPreview(whole)!;
      // The structures live before the preview (IFDs, boxes); its own bytes are the image.
      const head = Math.max(64, best.bytes.byteOffset - whole.byteOffset);
      const bad = Buffer.from(whole);
      for (let n = 0; n < 400; n++) {
        // Up to four bytes changed, then put back (one copy per file, not per try).
        const hit: number[] = [];
        for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) hit.push(Math.floor(rand() * head));
        for (const i of hit) bad[i] = Math.floor(rand() * 256);
        const p = rawPreview(bad);
        for (const i of hit) bad[i] = whole[i]!;
        if (p) {
          expect(p.bytes.byteOffset - bad.byteOffset).toBeGreaterThanOrEqual(0);
          expect(p.bytes.byteOffset - bad.byteOffset + p.bytes.length).toBeLessThanOrEqual(bad.length);
        }
      }
    }
  });

  it('a CR3 whose PRVW box claims more than it holds gives null', () => {
    const whole = Buffer.from(read('canon-eos-r6.cr3'));
    const at = whole.indexOf('PRVW');
    whole.writeUInt32BE(0x7fffffff, at + 4 + 12); // the JPEG length field
    expect(rawPreview(whole)).toBeNull();
  });

  it('jpegFrame refuses the lossless frame a raw keeps its sensor data in', () => {
    const sof3 = Buffer.from('ffd8ffc3000b080010001001011100ffd9', 'hex');
    expect(jpegFrame(sof3)).toBeNull();
    const sof0 = Buffer.from('ffd8ffc0000b080010002001011100ffd9', 'hex');
    expect(jpegFrame(sof0)).toEqual({ width: 32, height: 16 });
  });
});
