import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileMeta, writeCaptionMeta } from '../../electron/services/metadata';
import { copyFixtures, decode, EXPECTED_XMP, exiftool, frameBytes, isXmpSegment, jpegSegments, META, pick, SKIP_REASON, type Tags } from './metadata-support';

// Writing JPEG: ExifTool must read every field back with Chinese intact, IPTC (where the
// file had it) in UTF-8 with a current IPTCDigest, and EXIF and the image data unchanged.

const WITH_IPTC = ['PhotoMechanic.jpg', 'IPTC.jpg', 'BlueSquare.jpg', 'no_exif.jpg'];
const WITHOUT_IPTC = ['DSCN0010.jpg', 'Canon_40D.jpg'];
const FILES = [...WITH_IPTC, ...WITHOUT_IPTC];
const FIELDS = ['-validate', '-XMP-dc:all', '-XMP-photoshop:all', '-XMP-iptcCore:all', '-XMP-photomech:all', '-IPTC:all', '-Photoshop:all', '-File:CurrentIPTCDigest', '-Warning'];

describe.skipIf(!!SKIP_REASON)('writeCaptionMeta on JPEG', () => {
  let fx: ReturnType<typeof copyFixtures>;
  const before: Record<string, { bytes: Buffer; pixels: Buffer }> = {};
  let exifBefore: Record<string, Tags>;
  let tagsBefore: Record<string, Tags>;
  let after: Record<string, Tags>;
  let exifAfter: Record<string, Tags>;
  const paths = () => FILES.map(fx.path);

  beforeAll(async () => {
    fx = copyFixtures(FILES);
    for (const f of FILES) before[f] = { bytes: readFileSync(fx.path(f)), pixels: await decode(fx.path(f)) };
    // One ExifTool run before and one after: EXIF:all separated out by its group names.
    const exifGroups = /^(IFD0|IFD1|ExifIFD|GPS|InteropIFD|SubIFD|MakerNotes|Canon|Nikon|Olympus|Sony|Panasonic|Apple|Samsung)/;
    tagsBefore = exiftool(paths(), ['-G1', '-a', '-struct', ...FIELDS, '-EXIF:all']);
    exifBefore = Object.fromEntries(Object.entries(tagsBefore).map(([k, t]) => [k, pick(t, exifGroups)]));
    for (const f of FILES) expect(await writeCaptionMeta(fx.path(f), META)).toMatchObject({ sidecar: null, meta: META });
    after = exiftool(paths(), ['-G1', '-a', '-struct', ...FIELDS, '-EXIF:all']);
    exifAfter = Object.fromEntries(Object.entries(after).map(([k, t]) => [k, pick(t, exifGroups)]));
  });

  it('writes every field to XMP, Chinese intact', () => {
    for (const f of FILES) {
      const t = after[fx.path(f)]!;
      expect(t, f).toMatchObject(EXPECTED_XMP);
      expect(String(t['ExifTool:Warning'] ?? ''), f).not.toMatch(/IPTCDigest|XMP|not current/i);
      // ExifTool -validate finds no more than before (the fixtures' own flaws; IPTC.jpg's stale digest is fixed).
      const count = (v: unknown) => (v === 'OK' ? 0 : parseInt(String(v), 10));
      expect(count(t['ExifTool:Validate']), f).toBeLessThanOrEqual(count(tagsBefore[fx.path(f)]!['ExifTool:Validate']));
    }
  });

  it('rewrites existing IPTC-IIM in UTF-8 with a current IPTCDigest, and adds none elsewhere', () => {
    for (const f of WITH_IPTC) {
      const t = after[fx.path(f)]!;
      expect(t, f).toMatchObject({
        'IPTC:CodedCharacterSet': 'UTF8',
        'IPTC:Caption-Abstract': META.caption.zh,
        'IPTC:Headline': META.headline,
        'IPTC:By-line': '张三',
        'IPTC:Credit': META.credit,
        // IIM 4.2 allows 32 bytes for Source: cut at a character boundary (XMP has it whole).
        'IPTC:Source': '沁源县融媒体中心摄影',
        'IPTC:CopyrightNotice': META.copyright,
        'IPTC:City': '沁源县',
        'IPTC:Sub-location': '县会议中心',
        'IPTC:Keywords': ['两会', '沁源'],
        'IPTC:DateCreated': '2026:02:26',
      });
      expect(t['IPTC:ApplicationRecordVersion'], f).toBeDefined();
      expect(t['Photoshop:IPTCDigest'], f).toBe(t['File:CurrentIPTCDigest']);
    }
    for (const f of WITHOUT_IPTC) expect(Object.keys(after[fx.path(f)]!).filter((k) => k.startsWith('IPTC:')), f).toEqual([]);
  });

  it('keeps the metadata it does not manage', () => {
    const pm = after[fx.path('PhotoMechanic.jpg')]!;
    expect(pm).toMatchObject({
      'XMP-photoshop:Instructions': 'Special ins', 'XMP-photoshop:TransmissionReference': 'Trans ref', 'XMP-dc:Title': 'Object Name',
      'XMP-photoshop:SupplementalCategories': ['Supp Cat 1', 'Supp Cat 2'], 'XMP-photomech:Prefs': 'Tagged:0, ColorClass:0, Rating:0, FrameNum:-00001',
      'IPTC:SpecialInstructions': 'Special ins', 'IPTC:ObjectName': 'Object Name', 'IPTC:Prefs': 'Tagged:0, ColorClass:0, Rating:0, FrameNum:-00001',
    });
    expect(after[fx.path('IPTC.jpg')]).toMatchObject({ 'IPTC:Writer-Editor': 'I wrote it', 'IPTC:OriginalTransmissionReference': 'What is a transmission reference' });
    // Every other Photoshop resource (thumbnail, slices, URL …) survives the APP13 rewrite.
    for (const f of WITH_IPTC) {
      const keys = (t: Tags) => Object.keys(pick(t, /^Photoshop:/)).filter((k) => k !== 'Photoshop:IPTCDigest').sort();
      expect(keys(after[fx.path(f)]!), f).toEqual(keys(tagsBefore[fx.path(f)]!));
    }
    expect(after[fx.path('BlueSquare.jpg')]).toMatchObject({ 'XMP-dc:Title': 'Blue Square Test File - .jpg' });
  });

  it('leaves EXIF exactly as it was', () => {
    for (const f of FILES) {
      const strip = (t: Tags) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== 'SourceFile'));
      expect(strip(exifAfter[fx.path(f)]!), f).toEqual(strip(exifBefore[fx.path(f)]!));
      if (f !== 'IPTC.jpg' && f !== 'PhotoMechanic.jpg') expect(Object.keys(exifAfter[fx.path(f)]!).length, f).toBeGreaterThan(3);
    }
  });

  it('keeps the compressed image byte for byte and decodes to the same pixels', async () => {
    for (const f of FILES) {
      const now = readFileSync(fx.path(f));
      expect(frameBytes(now).equals(frameBytes(before[f]!.bytes)), f).toBe(true);
      expect((await decode(fx.path(f))).equals(before[f]!.pixels), f).toBe(true);
      const oldHead = jpegSegments(before[f]!.bytes).segments.filter((s) => !isXmpSegment(before[f]!.bytes, s) && s.marker !== 0xed);
      const newHead = jpegSegments(now).segments.filter((s) => !isXmpSegment(now, s) && s.marker !== 0xed);
      expect(newHead.map((s) => now.subarray(s.start, s.end).toString('hex')), f)
        .toEqual(oldHead.map((s) => before[f]!.bytes.subarray(s.start, s.end).toString('hex')));
    }
    // DSCN0010.jpg had its XMP after SOF and DHT: exactly one XMP remains, at the head.
    const d = readFileSync(fx.path('DSCN0010.jpg'));
    const { segments } = jpegSegments(d);
    const xmp = segments.filter((s) => isXmpSegment(d, s));
    expect(xmp).toHaveLength(1);
    expect(segments.indexOf(xmp[0]!)).toBeLessThan(segments.findIndex((s) => s.marker === 0xc0));
    expect(segments[segments.indexOf(xmp[0]!) - 1]!.marker).toBe(0xe1); // right after the Exif APP1
  });

  it('reads back what it wrote, and a second write changes nothing', async () => {
    for (const f of FILES) {
      expect((await readFileMeta(fx.path(f))).caption, f).toEqual(META);
      const once = readFileSync(fx.path(f));
      await writeCaptionMeta(fx.path(f), META);
      expect(readFileSync(fx.path(f)).equals(once), f).toBe(true);
    }
  });
});
