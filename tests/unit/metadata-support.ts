import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { PhotoMeta } from '../../shared/document/schema';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';

// Shared by the metadata-*.test.ts files: fixture copies, ExifTool as the independent
// referee, and a JPEG/PNG walker of the tests' own (not the library's) to compare bytes.

export const PHOTOS = SHARED_FIXTURES ? join(SHARED_FIXTURES, 'photos') : null;
export const HAVE_EXIFTOOL = spawnSync('exiftool', ['-ver']).status === 0;
export const SKIP_REASON = !PHOTOS ? SHARED_FIXTURES_SKIP : !HAVE_EXIFTOOL ? 'SKIPPED: exiftool is not installed (apt-get install libimage-exiftool-perl)' : null;
if (SKIP_REASON) console.warn(`metadata tests: ${SKIP_REASON}`);

/** Copies fixtures into a fresh temp folder (writable, whatever the fixture's mode). */
export function copyFixtures(names: readonly string[]): { dir: string; path: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'edition-desk-meta-'));
  for (const n of names) {
    copyFileSync(join(PHOTOS!, n), join(dir, n));
    chmodSync(join(dir, n), 0o644);
  }
  return { dir, path: (name) => join(dir, name) };
}

export type Tags = Record<string, unknown>;

/** One ExifTool run over many files (Perl starts once): tags per file path. */
export function exiftool(files: readonly string[], args: readonly string[]): Record<string, Tags> {
  const out = execFileSync('exiftool', ['-j', '-charset', 'utf8', ...args, ...files], { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
  const rows = JSON.parse(out) as Tags[];
  return Object.fromEntries(rows.map((r) => [r['SourceFile'] as string, r]));
}

/** Writes with ExifTool; several commands share one Perl start-up through -execute. */
export function runExiftool(...commands: (readonly string[])[]): void {
  const args = commands.flatMap((c, i) => (i ? ['-execute', ...c] : [...c]));
  execFileSync('exiftool', [...args, '-common_args', '-q', '-overwrite_original'], { stdio: ['ignore', 'pipe', 'pipe'] });
}

export const META: PhotoMeta = {
  caption: {
    zh: '沁源县两会开幕，代表们步入会场。“民生”是今年的关键词。',
    en: 'Delegates walk into the hall as the Qinyuan county sessions open; "livelihood" & <welfare> are this year\'s keywords.',
  },
  headline: '沁源县两会隆重开幕',
  creator: '张三',
  credit: '沁源县融媒体中心',
  source: '沁源县融媒体中心摄影部',
  copyright: '© 2026 沁源县融媒体中心',
  dateCreated: '2026-02-26',
  location: { city: '沁源县', sublocation: '县会议中心' },
  keywords: ['两会', '沁源'],
};

/** What exiftool must read back after META is written: every field, Chinese intact. */
export const EXPECTED_XMP: Tags = {
  'XMP-dc:Description': META.caption.zh,
  'XMP-dc:Description-zh-CN': META.caption.zh,
  'XMP-dc:Description-en': META.caption.en,
  'XMP-photoshop:Headline': META.headline,
  'XMP-dc:Creator': ['张三'],
  'XMP-photoshop:Credit': '沁源县融媒体中心',
  'XMP-photoshop:Source': META.source,
  'XMP-dc:Rights': META.copyright,
  'XMP-photoshop:City': '沁源县',
  'XMP-iptcCore:Location': META.location.sublocation,
  'XMP-dc:Subject': ['两会', '沁源'],
  'XMP-photoshop:DateCreated': '2026:02:26',
};

export interface Segment {
  marker: number;
  start: number;
  end: number;
}

const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';

/** Header segments up to SOS, and the SOS offset. */
export function jpegSegments(buf: Buffer): { segments: Segment[]; sos: number } {
  const segments: Segment[] = [];
  let p = 2;
  for (;;) {
    if (buf[p] !== 0xff) throw new Error(`no marker at ${p}`);
    while (buf[p] === 0xff) p++;
    const marker = buf[p]!;
    if (marker === 0xda) return { segments, sos: p - 1 };
    const len = buf.readUInt16BE(p + 1);
    segments.push({ marker, start: p - 1, end: p + 1 + len });
    p += 1 + len;
  }
}

export function isXmpSegment(buf: Buffer, s: Segment): boolean {
  return s.marker === 0xe1 && buf.toString('latin1', s.start + 4, s.start + 4 + XMP_HEADER.length) === XMP_HEADER;
}

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** Bytes from the first SOF to the end of the file, leaving out standard-XMP APP1 segments. */
export function frameBytes(buf: Buffer): Buffer {
  const { segments, sos } = jpegSegments(buf);
  const sof = segments.findIndex((s) => isSof(s.marker));
  const parts = segments.slice(sof).filter((s) => !isXmpSegment(buf, s)).map((s) => buf.subarray(s.start, s.end));
  return Buffer.concat([...parts, buf.subarray(sos)]);
}

export function pngChunks(buf: Buffer): { type: string; bytes: Buffer; data: Buffer }[] {
  const out = [];
  let p = 8;
  while (p < buf.length) {
    const len = buf.readUInt32BE(p);
    const type = buf.toString('latin1', p + 4, p + 8);
    out.push({ type, bytes: buf.subarray(p, p + 12 + len), data: buf.subarray(p + 8, p + 8 + len) });
    p += 12 + len;
  }
  return out;
}

export async function decode(file: string): Promise<Buffer> {
  return sharp(readFileSync(file)).raw().toBuffer();
}

/** The tags of one ExifTool group family, e.g. everything "EXIF"-ish for the before/after check. */
export function pick(tags: Tags, prefix: RegExp): Tags {
  return Object.fromEntries(Object.entries(tags).filter(([k]) => prefix.test(k)));
}
