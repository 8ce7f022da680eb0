import { describe, expect, it } from 'vitest';
import { iimToIsoDate, isoToIim, normalizeDate } from '../../electron/services/metadata/date';
import { parseIim, serializeIim } from '../../electron/services/metadata/iptc/iim';
import { readIimFields } from '../../electron/services/metadata/iptc/iim-fields';
import { clean, truncateUtf8 } from '../../electron/services/metadata/text';
import { readXmp } from '../../electron/services/metadata/xmp/xmp-read';

// The small rules underneath, on literal inputs.

const packet = (description: string) =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
   <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt>${description}</rdf:Alt></dc:description></rdf:Description>
   </rdf:RDF></x:xmpmeta>`;
const li = (lang: string, v: string) => `<rdf:li xml:lang="${lang}">${v}</rdf:li>`;

describe('caption languages from dc:description', () => {
  const read = (items: string) => readXmp(packet(items), [])!.fields.caption;
  it('puts a lone x-default in the slot of its script', () => {
    expect(read(li('x-default', 'Caption only'))).toEqual({ zh: '', en: 'Caption only' });
    expect(read(li('x-default', '沁源县城'))).toEqual({ zh: '沁源县城', en: '' });
  });
  it('prefers explicit zh-CN and en items', () => {
    expect(read(li('x-default', '默认') + li('zh-CN', '中文') + li('en-GB', 'English'))).toEqual({ zh: '中文', en: 'English' });
    expect(read(li('x-default', 'Default') + li('zh-CN', '中文'))).toEqual({ zh: '中文', en: 'Default' });
  });
  it('falls back to other languages by script', () => {
    expect(read(li('de', 'Der Goalie bin ig') + li('ja', '写真'))).toEqual({ zh: '写真', en: 'Der Goalie bin ig' });
  });
  it('decodes entities and character references', () => {
    expect(read(li('x-default', 'Fish &amp; chips &#x6C81;&#28304; &lt;b&gt;'))).toEqual({ zh: 'Fish & chips 沁源 <b>', en: '' });
  });
});

describe('dates', () => {
  it('normalises what editors type', () => {
    expect(normalizeDate('2026-02-26')).toBe('2026-02-26');
    expect(normalizeDate('2026-2-6')).toBe('2026-02-06');
    expect(normalizeDate('2026/02/26 09:30')).toBe('2026-02-26T09:30');
    expect(normalizeDate('2026年2月26日')).toBe('2026-02-26');
    expect(normalizeDate('2026:02:26 09:30:15+0800')).toBe('2026-02-26T09:30:15+08:00');
    expect(normalizeDate('2026-02-26T09:30:00.5Z')).toBe('2026-02-26T09:30:00.5Z');
    expect(normalizeDate('')).toBe('');
    expect(normalizeDate('2026-13-01')).toBeNull();
    expect(normalizeDate('next Tuesday')).toBeNull();
  });
  it('converts between IIM and XMP', () => {
    expect(iimToIsoDate('20061029', '062751-0500')).toBe('2006-10-29T06:27:51-05:00');
    expect(iimToIsoDate('20040200', undefined)).toBe('2004-02');
    expect(isoToIim('2026-02-26T09:30:00+08:00')).toEqual({ date: '20260226', time: '093000+0800' });
    expect(isoToIim('2026-02-26T09:30')).toEqual({ date: '20260226', time: null });
  });
});

describe('IPTC-IIM', () => {
  it('reads extended-length datasets and honours 1:90', () => {
    const caption = Buffer.from('沁'.repeat(12000), 'utf8'); // 36 000 bytes: needs the extended length form
    const iim = serializeIim([
      { record: 1, dataset: 90, value: Buffer.from([0x1b, 0x25, 0x47]) },
      { record: 2, dataset: 120, value: caption },
      { record: 2, dataset: 25, value: Buffer.from('两会') },
      { record: 2, dataset: 25, value: Buffer.from('沁源') },
    ]);
    const warnings: string[] = [];
    const f = readIimFields(parseIim(iim, warnings));
    expect(warnings).toEqual([]);
    expect(f.caption.zh).toHaveLength(12000);
    expect(f.keywords).toEqual(['两会', '沁源']);
  });
  it('reads Latin-1 without 1:90, and notes damage', () => {
    const warnings: string[] = [];
    const iim = Buffer.concat([serializeIim([{ record: 2, dataset: 120, value: Buffer.from('Café', 'latin1') }]), Buffer.from([0x1c, 2, 5, 0, 50, 65])]);
    expect(readIimFields(parseIim(iim, warnings)).caption.en).toBe('Café');
    expect(warnings.join()).toMatch(/truncated/);
  });
  it('cuts UTF-8 at character boundaries and treats blank as empty', () => {
    expect(truncateUtf8('沁源县融媒体中心摄影部', 32).toString('utf8')).toBe('沁源县融媒体中心摄影');
    expect(clean(' '.repeat(31))).toBe('');
    expect(clean('Headline\n')).toBe('Headline');
  });
});
