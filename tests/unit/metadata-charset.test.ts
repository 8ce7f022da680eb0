import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileMeta } from '../../electron/services/metadata';
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
