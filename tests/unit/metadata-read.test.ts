import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import { FileMeta } from '../../shared/photo/file-meta';
import { readFileMeta } from '../../electron/services/metadata';
import { copyFixtures, exiftool, runExiftool, SKIP_REASON, type Tags } from './metadata-support';

// Reading: the caption fields reconciled per MWG (ExifTool's -mwg output is the referee),
// technical facts, and graceful handling of damaged metadata.

const FILES = [
  'PhotoMechanic.jpg', 'IPTC.jpg', 'MWG.jpg', 'BlueSquare.jpg', '33-type_error.jpg', 'canon_hdr_NO.jpg', 'long_description.jpg',
  'no_exif.jpg', 'iphone_hdr_NO.jpg', 'HMD_Nokia_8.3_5G.jpg', '67-0_length_string.jpg', 'DSCN0010.jpg', 'PNG.png',
  'DudleyLeavittUtah.tiff', 'corrupted.jpg', 'Panasonic_DMC-FZ30.jpg', '30-type_error.jpg', '45-gps_ifd.jpg', 'Canon_40D.jpg',
  'Sony_DSLR-A200.jpg', ...Array.from({ length: 9 }, (_, i) => `Landscape_${i}.jpg`),
];

describe.skipIf(!!SKIP_REASON)('readFileMeta', () => {
  let fx: ReturnType<typeof copyFixtures>;
  const meta: Record<string, FileMeta> = {};
  let mwg: Record<string, Tags>;
  beforeAll(async () => {
    fx = copyFixtures(FILES);
    for (const f of FILES) meta[f] = await readFileMeta(fx.path(f));
    mwg = exiftool(FILES.map(fx.path), ['-mwg:all', '-n', '-GPSLatitude', '-GPSLongitude', '-GPSAltitude']);
  });
  const ref = (f: string) => mwg[fx.path(f)]!;
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

  it('returns values that satisfy the FileMeta schema for every fixture', () => {
    for (const f of FILES) expect(() => FileMeta.parse(meta[f]), f).not.toThrow();
  });

  it('agrees with ExifTool -mwg on description, creator, copyright, keywords and city', () => {
    for (const f of FILES) {
      const m = meta[f]!.caption;
      const r = ref(f);
      const description = String(r['Description'] ?? '').trim();
      const shown = m.caption.en || m.caption.zh;
      // The desk drops whitespace-only values and camera default texts ("OLYMPUS DIGITAL CAMERA").
      if (description && !/^(OLYMPUS DIGITAL CAMERA|SONY DSC)$/.test(description)) expect(shown, `${f} description`).toBe(description);
      else expect(shown, `${f} description`).toBe('');
      expect(m.creator, `${f} creator`).toBe(list(r['Creator']).join('; ').trim());
      expect(m.copyright, `${f} copyright`).toBe(String(r['Copyright'] ?? '').trim());
      expect(m.keywords, `${f} keywords`).toEqual(list(r['Keywords']));
      expect(m.location.city, `${f} city`).toBe(String(r['City'] ?? ''));
      expect(m.location.sublocation, `${f} location`).toBe(String(r['Location'] ?? ''));
    }
  });

  it('reads the full Photo Mechanic newsroom set', () => {
    expect(meta['PhotoMechanic.jpg']!.caption).toEqual({
      caption: { zh: '', en: 'Caption' }, headline: 'Headline', creator: 'Photographer', credit: 'Credit', source: 'Source',
      copyright: 'Copyright', dateCreated: '2006-10-29', location: { city: 'kingston', sublocation: '' },
      keywords: ['Keywords', 'one', 'three', 'two'],
    });
  });

  it('reads legacy IPTC-only files (IPTC.jpg, stale IPTCDigest)', () => {
    expect(meta['IPTC.jpg']!.caption).toEqual({
      caption: { zh: '', en: 'A witty caption' }, headline: 'No headline', creator: 'Phil Harvey', credit: 'My Credit',
      source: "I'm the source", copyright: 'Copyright 2004 Phil Harvey', dateCreated: '2004-02-26',
      location: { city: 'Kingston', sublocation: '' }, keywords: ['ExifTool', 'Test', 'IPTC'],
    });
  });

  it('lets the RIGHT- values of MWG.jpg win', () => {
    const m = meta['MWG.jpg']!.caption;
    expect(JSON.stringify(m)).not.toContain('WRONG');
    expect(m.caption.en).toBe('RIGHT-EXIF-Description');
    expect(m.creator).toBe('RIGHT1of2-EXIF-Creator; RIGHT2of2-EXIF-Creator');
    expect(m.copyright).toBe('RIGHT-XMP-Copyright');
    expect(m.keywords).toEqual(['RIGHT1of2-XMP-Keywords', 'RIGHT2of2-XMP-Keywords']);
    expect(m.location).toEqual({ city: 'RIGHT-XMP-City', sublocation: 'RIGHT-IPTC-Location' });
    expect(meta['MWG.jpg']!.tech.orientation).toBe(6);
  });

  it('reads captions kept in EXIF, XMP and IPTC, and ignores blank ones', () => {
    expect(meta['BlueSquare.jpg']!.caption.keywords).toEqual(['XMP', 'Blue Square', 'test file', 'Photoshop', '.jpg']);
    expect(meta['33-type_error.jpg']!.caption.caption).toEqual({ zh: '', en: 'El cielo sobre Berlin (Heaven above Berlin)' });
    expect(meta['33-type_error.jpg']!.caption.creator).toBe('Pilar Flores');
    expect(meta['canon_hdr_NO.jpg']!.caption.caption).toEqual({ zh: '', en: '' }); // 31 spaces are not a caption
    const long = meta['long_description.jpg']!.caption;
    expect(long.headline).toBe('Enduring Freedom'); // trailing newline trimmed
    expect(long.caption.en).toMatch(/^Operation Mountain Viper .*\(Released\)$/);
    expect(long.location.city).toBe('KANDAHAR ARMY AIRFIELD');
    expect(meta['no_exif.jpg']!.caption.caption.en).toBe('Der Goalie bin ig'); // UTF-8 IPTC
    expect(meta['corrupted.jpg']!.caption.caption).toEqual({ zh: '', en: '' }); // "OLYMPUS DIGITAL CAMERA"
    expect(meta['PNG.png']!.caption.creator).toBe('Phil Harvey'); // iTXt XMP after IDAT
    expect(meta['DudleyLeavittUtah.tiff']!.caption.creator).toBe('Russell Leavitt');
  });

  it('applies EXIF orientation to the displayed size (Landscape_0..8)', () => {
    for (let i = 0; i <= 8; i++) {
      const t = meta[`Landscape_${i}.jpg`]!.tech;
      expect(t.orientation, `Landscape_${i}`).toBe(i === 0 ? 1 : i);
      expect([t.width, t.height], `Landscape_${i}`).toEqual([1800, 1200]);
    }
    expect(meta['canon_hdr_NO.jpg']!.tech).toMatchObject({ orientation: 6, width: 1536, height: 2048 });
    // IFD0 says 1, the thumbnail's IFD1 says 8: the image's own IFD0 counts.
    expect(meta['Panasonic_DMC-FZ30.jpg']!.tech).toMatchObject({ orientation: 1, width: 100, height: 75, make: 'Panasonic' });
  });

  it('reads GPS as signed decimal degrees, or null when there is none', () => {
    for (const f of ['iphone_hdr_NO.jpg', 'HMD_Nokia_8.3_5G.jpg', '67-0_length_string.jpg', 'DSCN0010.jpg']) {
      const g = meta[f]!.tech.gps!;
      const r = ref(f);
      expect(g, f).not.toBeNull();
      expect(g.lat, f).toBeCloseTo(r['GPSLatitude'] as number, 6);
      expect(g.lon, f).toBeCloseTo(r['GPSLongitude'] as number, 6);
      if (r['GPSAltitude'] === undefined) expect(g.alt, f).toBeNull();
      else expect(g.alt!, f).toBeCloseTo(r['GPSAltitude'] as number, 3);
    }
    expect(meta['iphone_hdr_NO.jpg']!.tech.gps!.lon).toBeLessThan(0); // 3.72 W
    for (const f of ['Canon_40D.jpg', '45-gps_ifd.jpg', 'canon_hdr_NO.jpg', 'PNG.png']) expect(meta[f]!.tech.gps, f).toBeNull();
  });

  it('reads camera, lens and exposure', () => {
    expect(meta['iphone_hdr_NO.jpg']!.tech).toMatchObject({
      make: 'Apple', model: 'iPhone 6', lens: 'iPhone 6 back camera 4.15mm f/2.2', iso: 32, fNumber: 2.2, exposureTime: 0.025,
      focalLength: 4.15, captureDate: '2015-04-10T20:12:23.016', format: 'jpeg',
    });
    expect(meta['PNG.png']!.tech).toMatchObject({ format: 'png', width: 16, height: 16, captureDate: null, iso: null });
    expect(meta['DudleyLeavittUtah.tiff']!.tech).toMatchObject({ format: 'tiff', width: 196, height: 257 });
  });

  it('reads what it can from damaged metadata and says what it could not', () => {
    expect(meta['30-type_error.jpg']!.caption.copyright).toBe('Francisco Gonzalez');
    expect(meta['30-type_error.jpg']!.warnings.join('\n')).toMatch(/Exif directory pointer/);
    expect(meta['45-gps_ifd.jpg']!.warnings.join('\n')).toMatch(/GPS directory/);
    expect(meta['67-0_length_string.jpg']!.tech).toMatchObject({ make: 'samsung', model: 'SM-G930F' });
    expect(meta['corrupted.jpg']!.tech).toMatchObject({ make: 'OLYMPUS IMAGING CORP.', width: 3648, height: 2736, iso: 80 });
  });

  it('reads a caption written by ExifTool, Chinese intact', async () => {
    const f = copyFixtures(['Canon_40D.jpg', 'Landscape_1.jpg', 'olympus-d320l.jpg']);
    runExiftool(
      ['-XMP-dc:Description-zh-CN=沁源县城全景', '-XMP-dc:Description-en=A view of Qinyuan county town', '-IPTC:CodedCharacterSet=UTF8',
        '-IPTC:Caption-Abstract=沁源县城全景', '-IPTC:By-line=李四', f.path('Canon_40D.jpg')],
      // IPTC alone, UTF-8 declared in 1:90.
      ['-IPTC:CodedCharacterSet=UTF8', '-IPTC:Caption-Abstract=太岳山下 沁河之源', '-IPTC:Keywords=沁源', f.path('Landscape_1.jpg')],
      // IPTC without 1:90 in Latin-1, the IIM default.
      ['-charset', 'iptc=Latin', '-IPTC:Caption-Abstract=Café Zürich', f.path('olympus-d320l.jpg')],
    );
    const m = await readFileMeta(f.path('Canon_40D.jpg'));
    expect(m.caption.caption).toEqual({ zh: '沁源县城全景', en: 'A view of Qinyuan county town' });
    expect(m.caption.creator).toBe('李四');
    expect((await readFileMeta(f.path('Landscape_1.jpg'))).caption).toMatchObject({ caption: { zh: '太岳山下 沁河之源', en: '' }, keywords: ['沁源'] });
    expect((await readFileMeta(f.path('olympus-d320l.jpg'))).caption.caption).toEqual({ zh: '', en: 'Café Zürich' });
  });

  it('prefers IIM edited by an IIM-only tool after the XMP (IPTCDigest no longer matches)', async () => {
    const f = copyFixtures(['BlueSquare.jpg']);
    const p = f.path('BlueSquare.jpg');
    const buf = readFileSync(p);
    const keyword = Buffer.from('\x1c\x02\x19\x00\x09test file', 'latin1'); // IIM 2:25 Keywords, 9 bytes
    const at = buf.indexOf(keyword);
    expect(at).toBeGreaterThan(0);
    Buffer.from('TEST FILE', 'latin1').copy(buf, at + 5); // same length: the IIM stays well-formed
    writeFileSync(p, buf);
    const keywords = ['XMP', 'Blue Square', 'TEST FILE', 'Photoshop', '.jpg'];
    expect((await readFileMeta(p)).caption.keywords).toEqual(keywords);
    expect(exiftool([p], ['-mwg:Keywords'])[p]!['Keywords']).toEqual(keywords);
  });

  it('refuses a file that is not an image', async () => {
    const p = join(fx.dir, 'notes.jpg');
    writeFileSync(p, '这不是图片 / not a picture\n');
    const err = await readFileMeta(p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNSUPPORTED_FORMAT');
  });
});
