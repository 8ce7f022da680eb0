import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileMeta, writeCaptionMeta } from '../../electron/services/metadata';
import { decodeIimText, iimLegacyCharsetFor, setIimLegacyCharset } from '../../electron/services/metadata/iptc/iim';
import { copyFixtures, exiftool, runExiftool, SKIP_REASON } from './metadata-support';

// IPTC-IIM text with no 1:90 that is not UTF-8 (issue 14): Chinese Windows software writes
// GBK, old Mac software Mac Roman. The fixtures are made by ExifTool, the referee, with
// `-charset iptc=…`, which writes those bytes and no CodedCharacterSet.

afterEach(() => setIimLegacyCharset('gb18030'));

describe('decodeIimText without 1:90', () => {
  it('takes valid UTF-8 first, then the legacy charset, and never returns C1 control characters', () => {
    expect(decodeIimText(Buffer.from('沁源县', 'utf8'), false)).toBe('沁源县');
    expect(decodeIimText(Buffer.from('c7dfd4b4cfd8', 'hex'), false, 'gb18030')).toBe('沁源县');
    // Mac Roman "José": 0x8E is é there, Ž in Windows-1252 (as exiftool shows it), a control character in Latin-1.
    const jose = Buffer.from([0x4a, 0x6f, 0x73, 0x8e]);
    expect(decodeIimText(jose, false, 'macintosh')).toBe('José');
    expect(decodeIimText(jose, false, 'gb18030')).toBe('JosŽ');
    expect(decodeIimText(jose, false, 'windows-1252')).toBe('JosŽ');
    for (let b = 0x80; b <= 0xff; b++) expect(decodeIimText(Buffer.from([0x41, b]), false, 'windows-1252')).not.toMatch(/[\u0080-\u009f]/);
  });
  it('auto follows the UI language', () => {
    expect(iimLegacyCharsetFor('auto', 'zh-CN')).toBe('gb18030');
    expect(iimLegacyCharsetFor('auto', 'en')).toBe('windows-1252');
    expect(iimLegacyCharsetFor('big5', 'en')).toBe('big5');
  });
});

describe.skipIf(!!SKIP_REASON)('IIM written by other software, read back', () => {
  it('GBK without 1:90 reads as Chinese', async () => {
    const fx = copyFixtures(['Landscape_4.jpg']);
    const file = fx.path('Landscape_4.jpg');
    // Debian's ExifTool 12.57 has no cp936 charset, so the GBK bytes are given here (Python's
    // gbk codec) and ExifTool writes them as they are (`-TAG<=FILE`, input and IIM both
    // "UTF8": no conversion, and no CodedCharacterSet is written).
    const gbk = { caption: 'c7dfd4b4cfd8cdf5ccd5d5f2b5b3b2ced3fdc3e7bbf9b5d8', city: 'c7dfd4b4', byline: 'cdf5ccce' };
    for (const [k, hex] of Object.entries(gbk)) writeFileSync(join(fx.dir, `${k}.bin`), Buffer.from(hex, 'hex'));
    runExiftool(['-IPTC:all=', '-XMP:all=', file], ['-charset', 'iptc=UTF8', `-IPTC:Caption-Abstract<=${join(fx.dir, 'caption.bin')}`, `-IPTC:City<=${join(fx.dir, 'city.bin')}`, `-IPTC:By-line<=${join(fx.dir, 'byline.bin')}`, file]);
    const ref = exiftool([file], ['-IPTC:CodedCharacterSet', '-IPTC:City', '-b'])[file]!;
    expect(ref['CodedCharacterSet']).toBeUndefined();
    expect(ref['City']).toBeDefined();
    const m = (await readFileMeta(file)).caption;
    expect([m.caption.zh, m.location.city, m.creator]).toEqual(['沁源县王陶镇党参育苗基地', '沁源', '王涛']);
  });
  it('Mac Roman without 1:90: José on a desk set to Mac Roman, JosŽ (as exiftool) otherwise, never a control character', async () => {
    const fx = copyFixtures(['Landscape_5.jpg']);
    const file = fx.path('Landscape_5.jpg');
    runExiftool(['-IPTC:all=', '-XMP:all=', file], ['-charset', 'iptc=MacRoman', '-IPTC:By-line=José', file]);
    expect((await readFileMeta(file)).caption.creator).toBe('JosŽ');
    setIimLegacyCharset('macintosh');
    expect((await readFileMeta(file)).caption.creator).toBe('José');
  });
});

describe.skipIf(!!SKIP_REASON)('XMP packets in UTF-16 and UTF-32', () => {
  const packet = (desc: string) => `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${desc}</rdf:li></rdf:Alt></dc:description><photoshop:City>沁源</photoshop:City></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const utf32 = (s: string, little: boolean) => {
    const cps = [...s].map((c) => c.codePointAt(0)!);
    const b = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => (little ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
    return b;
  };
  const encodings: [string, (s: string) => Buffer][] = [
    ['UTF-16LE with BOM', (s) => Buffer.from(`\ufeff${s}`, 'utf16le')],
    ['UTF-16BE without BOM', (s) => Buffer.from(s, 'utf16le').swap16()],
    ['UTF-32BE with BOM', (s) => utf32(`\ufeff${s}`, false)],
  ];
  for (const [label, encode] of encodings) {
    it(`reads a ${label} packet, and a caption written over it comes back in UTF-8 that exiftool reads`, async () => {
      const fx = copyFixtures(['Landscape_6.jpg']);
      const file = fx.path('Landscape_6.jpg');
      runExiftool(['-all=', file]);
      const jpeg = readFileSync(file);
      const body = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), encode(packet('党参育苗基地'))]);
      const seg = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
      writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), seg, jpeg.subarray(2)]));
      // The referee reads the hand-made packet as we do.
      expect(exiftool([file], ['-XMP-dc:Description'])[file]!['Description']).toBe('党参育苗基地');
      const m = await readFileMeta(file);
      expect([m.caption.caption.zh || m.caption.caption.en, m.caption.location.city, m.warnings]).toEqual(['党参育苗基地', '沁源', []]);

      await writeCaptionMeta(file, { ...m.caption, caption: { zh: '沁源县党参育苗基地', en: 'Codonopsis seedlings' } });
      const t = exiftool([file], ['-XMP-dc:Description-zh-CN', '-XMP-photoshop:City'])[file]!;
      expect([t['Description-zh-CN'], t['City']]).toEqual(['沁源县党参育苗基地', '沁源']);
      const xmp = jpegSegmentsXmp(readFileSync(file));
      expect(xmp.subarray(0, 9).toString('utf8')).toBe('<?xpacket');
    });
  }
});

/** The XMP packet of a JPEG (its first APP1 with the XMP namespace), as bytes. */
function jpegSegmentsXmp(buf: Buffer): Buffer {
  const ns = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
  for (let p = 2; p + 4 < buf.length && buf[p] === 0xff;) {
    const len = buf.readUInt16BE(p + 2);
    const body = buf.subarray(p + 4, p + 2 + len);
    if (buf[p + 1] === 0xe1 && body.subarray(0, ns.length).equals(ns)) return body.subarray(ns.length);
    p += 2 + len;
  }
  throw new Error('no XMP segment');
}
