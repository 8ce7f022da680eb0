import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileMeta, writeCaptionMeta } from '../../electron/services/metadata';
import { fotoStationIim } from '../../electron/services/metadata/containers/fotostation';
import { extractEmbedded } from '../../electron/services/metadata/embedded';
import { readXmp } from '../../electron/services/metadata/xmp/xmp-read';
import type { PhotoMeta } from '../../shared/document/schema';
import { REPO_ROOT } from '../support/shared-fixtures';
import { exiftool, HAVE_EXIFTOOL, type Tags } from './metadata-support';

// The external corpus (tests/corpus/photos, sources in tests/corpus/SOURCES.md): files
// written by Photoshop, Photo Mechanic, Lightroom-era XMP, FotoStation, the IPTC Photo
// Metadata reference image and ExifTool's own UTF-16 XMP tests. ExifTool is the referee:
// its MWG composite tags (-use MWG) for the fields MWG defines, and for the rest the
// same rule MWG applies (XMP over IIM unless the stored IPTCDigest no longer matches).

const DIR = join(REPO_ROOT, 'tests', 'corpus', 'photos');
const FILES = readdirSync(DIR).filter((f) => /\.(jpe?g|png|tiff?)$/iu.test(f)).sort();
const SKIP = HAVE_EXIFTOOL ? null : 'SKIPPED: exiftool is not installed (apt-get install libimage-exiftool-perl)';
if (SKIP) console.warn(`corpus-metadata: ${SKIP}`);

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());
const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(str) : [str(v)]);
/** ExifTool's "2021:10:20 21:01:01+00:00" → the XMP form the desk stores. */
const xmpDate = (v: unknown): string => str(v).replace(/^(\d{4}):(\d{2}):(\d{2})/u, '$1-$2-$3').replace(' ', 'T');

/** What the desk must read, as ExifTool reads the file. */
function expected(t: Tags): PhotoMeta {
  const iimWins = !!t['Photoshop:IPTCDigest'] && t['Photoshop:IPTCDigest'] !== t['File:CurrentIPTCDigest'];
  const pick = (xmp: string, iim: string) => {
    const x = str(t[xmp]);
    const i = t[iim] === undefined ? null : str(t[iim]);
    return i !== null && (iimWins || !x) ? i : x;
  };
  // FotoStation's trailer IIM (ExifTool's IPTC2 group, which MWG leaves out) is read by the
  // desk when the file has no IIM or XMP of its own: a FotoStation user's caption is a caption.
  const caption = str(t['MWG:Description']) || str(t['IPTC2:Caption-Abstract']);
  const isZh = /\p{Script=Han}/u.test(caption);
  return {
    caption: { zh: isZh ? caption : '', en: isZh ? '' : caption },
    headline: pick('XMP-photoshop:Headline', 'IPTC:Headline'),
    // MWG splits a "; "-separated EXIF Artist into a list; the desk keeps one credit line.
    creator: list(t['MWG:Creator']).join('; '),
    credit: pick('XMP-photoshop:Credit', 'IPTC:Credit'),
    source: pick('XMP-photoshop:Source', 'IPTC:Source'),
    copyright: str(t['MWG:Copyright']),
    dateCreated: dateCreated(t, iimWins),
    // Not MWG:City / MWG:Location: ExifTool's MWG module prefers the IPTC Extension's
    // "location shown" lists there (MWG 2.0); the desk's city is City (Core), the field
    // Photo Mechanic and Photoshop fill, photoshop:City / IIM 2:90.
    location: { city: pick('XMP-photoshop:City', 'IPTC:City'), sublocation: pick('XMP-iptcCore:Location', 'IPTC:Sub-location') },
    keywords: list(t['MWG:Keywords']),
  };
}

/** XMP's date, or IIM's date and time (2:55 + 2:60) where IIM wins, else the capture time to the second. */
function dateCreated(t: Tags, iimWins: boolean): string {
  const iim = t['IPTC:DateCreated'] === undefined ? '' : xmpDate(t['IPTC:DateCreated']) + (t['IPTC:TimeCreated'] ? `T${str(t['IPTC:TimeCreated'])}` : '');
  const xmp = xmpDate(t['XMP-photoshop:DateCreated']);
  const capture = xmpDate(t['ExifIFD:DateTimeOriginal']).replace(/(T\d{2}:\d{2}:\d{2})\.\d+/u, '$1');
  return (iim && (iimWins || !xmp) ? iim : xmp) || capture;
}

const REFEREE_ARGS = [
  '-use', 'MWG', '-G1', '-MWG:Description', '-MWG:Creator', '-MWG:Copyright', '-MWG:Keywords',
  '-XMP-photoshop:Headline', '-IPTC:Headline', '-XMP-photoshop:Credit', '-IPTC:Credit', '-XMP-photoshop:Source', '-IPTC:Source',
  '-XMP-photoshop:DateCreated', '-IPTC:DateCreated', '-IPTC:TimeCreated', '-ExifIFD:DateTimeOriginal', '-XMP-photoshop:City', '-IPTC:City',
  '-XMP-iptcCore:Location', '-IPTC:Sub-location', '-Photoshop:IPTCDigest', '-File:CurrentIPTCDigest',
];

describe.skipIf(!!SKIP)('the photo corpus against exiftool', () => {
  it(`${FILES.length} files: every caption field reads as exiftool reads it`, async () => {
    expect(FILES.length).toBeGreaterThanOrEqual(15);
    const paths = FILES.map((f) => join(DIR, f));
    const ref = exiftool(paths, REFEREE_ARGS);
    // ExifTool's MWG mode ignores "non-standard IPTC" (the FotoStation trailer): asked apart.
    const trailer = exiftool(paths, ['-G1', '-IPTC2:Caption-Abstract']);
    for (const p of paths) Object.assign(ref[p]!, trailer[p]);
    const diffs: string[] = [];
    for (const f of FILES) {
      const ours = (await readFileMeta(join(DIR, f))).caption;
      const want = expected(ref[join(DIR, f)]!);
      for (const k of Object.keys(want) as (keyof PhotoMeta)[]) {
        if (JSON.stringify(ours[k]) !== JSON.stringify(want[k])) diffs.push(`${f} ${k}: ours ${JSON.stringify(ours[k])}, exiftool ${JSON.stringify(want[k])}`);
      }
    }
    console.log(`photo corpus: ${FILES.length} files × 10 fields, ${diffs.length} differ from exiftool${diffs.length ? `\n${diffs.join('\n')}` : ''}`);
    expect(diffs).toEqual([]);
  });

  it('the IPTC reference image: every field the desk reads, from XMP and from IIM alike', async () => {
    const file = join(DIR, 'IPTC-PhotometadataRef-Std2021.1.jpg');
    const m = (await readFileMeta(file)).caption;
    const t = exiftool([file], ['-G1', '-XMP-dc:all', '-XMP-photoshop:all', '-XMP-iptcCore:all', '-IPTC:all'])[file]!;
    expect(m.caption.en).toBe(t['XMP-dc:Description']);
    expect(m.caption.en).toBe(t['IPTC:Caption-Abstract']);
    expect([m.headline, m.headline]).toEqual([t['XMP-photoshop:Headline'], t['IPTC:Headline']]);
    expect([m.creator, m.creator]).toEqual([t['XMP-dc:Creator'], t['IPTC:By-line']]);
    expect([m.credit, m.credit]).toEqual([t['XMP-photoshop:Credit'], t['IPTC:Credit']]);
    expect([m.source, m.source]).toEqual([t['XMP-photoshop:Source'], t['IPTC:Source']]);
    expect([m.copyright, m.copyright]).toEqual([t['XMP-dc:Rights'], t['IPTC:CopyrightNotice']]);
    expect([m.location.city, m.location.city]).toEqual([t['XMP-photoshop:City'], t['IPTC:City']]);
    expect([m.location.sublocation, m.location.sublocation]).toEqual([t['XMP-iptcCore:Location'], t['IPTC:Sub-location']]);
    expect([m.keywords, m.keywords]).toEqual([t['XMP-dc:Subject'], t['IPTC:Keywords']]);
    expect(m.dateCreated).toBe(xmpDate(t['XMP-photoshop:DateCreated']));
    expect(m.dateCreated.slice(0, 10)).toBe(xmpDate(t['IPTC:DateCreated']));
  });

  it('ExifTool\'s UTF-16 XMP test images: the packet reads, and after a caption write exiftool reads UTF-8 XMP with every other XMP value kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edition-desk-corpus-'));
    for (const name of ['exiftool-XMP.jpg', 'exiftool-ExifTool.jpg']) {
      const file = join(dir, name);
      copyFileSync(join(DIR, name), file);
      const warnings: string[] = [];
      const xmp = readXmp((await extractEmbedded(readFileSync(file), warnings)).xmp!, warnings)!;
      const before = exiftool([file], ['-G1', '-XMP:all'])[file]!;
      expect(xmp.fields.caption.en).toBe(before['XMP-dc:Description']);
      expect(xmp.fields.city).toBe(before['XMP-photoshop:City']);
      expect(warnings).toEqual([]);

      const m = await readFileMeta(file);
      await writeCaptionMeta(file, { ...m.caption, caption: { zh: '沁源县党参育苗基地', en: 'Codonopsis seedlings' } });
      const after = exiftool([file], ['-G1', '-XMP:all'])[file]!;
      expect(after['XMP-dc:Description']).toBe('沁源县党参育苗基地');
      expect(after['XMP-dc:Description-en']).toBe('Codonopsis seedlings');
      // The desk writes its whole record (as read, where IIM won) to the caption fields; every other XMP value stays.
      expect(list(after['XMP-dc:Subject'])).toEqual(m.caption.keywords);
      const DESK = /^XMP-(dc:(Description|Subject|Creator|Rights)|photoshop:(Headline|Credit|Source|City|DateCreated)|iptcCore:Location|x:XMPToolkit|xmp:MetadataDate|editiondesk)/u;
      const untouched = (t: Tags) => Object.fromEntries(Object.entries(t).filter(([k]) => k.startsWith('XMP-') && !DESK.test(k)));
      expect(Object.keys(untouched(before)).length).toBeGreaterThan(5);
      expect(untouched(after)).toEqual(untouched(before));
      expect((await readFileMeta(file)).caption.caption).toEqual({ zh: '沁源县党参育苗基地', en: 'Codonopsis seedlings' });
    }
  });

  it('FotoStation\'s trailer IIM: read while the file has nothing else; after a desk write the file\'s own XMP speaks, a cleared field stays clear', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edition-desk-corpus-'));
    const file = join(dir, 'fotostation.jpg');
    copyFileSync(join(DIR, 'exiftool-FotoStation.jpg'), file);
    const m = await readFileMeta(file);
    expect(m.caption.caption.en).toBe('Caption *** Local Caption *** Local Caption');
    await writeCaptionMeta(file, { ...m.caption, caption: { zh: '', en: '' }, headline: '王陶镇' });
    const after = (await readFileMeta(file)).caption;
    expect([after.caption, after.headline]).toEqual([{ zh: '', en: '' }, '王陶镇']);
    expect(exiftool([file], ['-G1', '-XMP-photoshop:Headline'])[file]!['XMP-photoshop:Headline']).toBe('王陶镇');
  });

  it('a trailer that only looks like FotoStation\'s (bad sizes, a long chain) is no IIM', () => {
    const footer = (tag: number, size: number) => { const b = Buffer.alloc(10); b.writeUInt16BE(tag, 0); b.writeUInt32BE(size, 2); b.writeUInt32BE(0xa1b2c3d4, 6); return b; };
    const jpeg = readFileSync(join(DIR, 'exiftool-Writer.jpg'));
    expect(fotoStationIim(Buffer.concat([jpeg, footer(1, 5)]))).toBeNull();
    expect(fotoStationIim(Buffer.concat([jpeg, footer(1, 1 << 30)]))).toBeNull();
    expect(fotoStationIim(Buffer.concat([jpeg, ...Array.from({ length: 9 }, () => footer(2, 10))]))).toBeNull();
    expect(fotoStationIim(Buffer.concat([jpeg, Buffer.from([0x1c, 2, 120, 0, 2, 0x41, 0x42]), footer(1, 17), footer(2, 10)]))?.toString('latin1')).toBe('\x1c\x02\x78\x00\x02AB');
  });
});
