import { describe, expect, it } from 'vitest';
import { expandCodes, expandCodesAtCaret, DEFAULT_CODES } from '../../shared/photo/code-replace';
import { applyTemplate, expandTemplate, formatDate, type CaptionTemplate } from '../../shared/photo/template';
import { filterPhotos, sortPhotos, NO_FILTER } from '../../shared/photo/filter-sort';
import { PhotoMeta } from '../../shared/document/schema';
import type { LibraryPhoto } from '../../shared/photo/library';
import { Settings, DEFAULT_TEMPLATES } from '../../shared/settings/schema';

const emptyMeta = PhotoMeta.parse({ caption: { zh: '', en: '' } });
const tech = { captureDate: '2026-02-26T09:30:00', make: 'Canon', model: 'EOS R6' };

describe('code replacements', () => {
  it('expands known codes anywhere, case-insensitively, and leaves unknown ones', () => {
    expect(expandCodes('=qy=王陶镇', DEFAULT_CODES)).toBe('沁源县王陶镇');
    expect(expandCodes('图/=RMT= =zz=', DEFAULT_CODES)).toBe('图/沁源县融媒体中心 =zz=');
    expect(expandCodes('a = b = c', DEFAULT_CODES)).toBe('a = b = c');
  });
  it('keeps the caret after the expansion', () => {
    const r = expandCodesAtCaret('记者=qy=|后', 6, DEFAULT_CODES);
    expect(r.text).toBe('记者沁源县|后');
    expect(r.text.slice(0, r.caret)).toBe('记者沁源县');
  });
});

describe('caption templates', () => {
  it('formats dates the Chinese and the English way', () => {
    expect(formatDate('2026-02-06', 'yyyy年M月d日')).toBe('2026年2月6日');
    expect(formatDate('2026-02-06T10:00', 'MMMM d, yyyy')).toBe('February 6, 2026');
    expect(formatDate('not a date', 'yyyy')).toBe('');
  });
  it('expands variables from the photo, keeping unknown ones visible', () => {
    const meta = { ...emptyMeta, creator: '张三', location: { city: '沁源县', sublocation: '' } };
    expect(expandTemplate('{city}{date:yyyy年M月d日} {creator} 摄', { meta, tech, fileName: 'a.jpg' }))
      .toBe('沁源县2026年2月26日 张三 摄');
    expect(expandTemplate('{nope} {camera}', { meta, tech, fileName: 'a.jpg' })).toBe('{nope} Canon EOS R6');
  });
  it('changes only ticked fields, and variables see fields set by the same template', () => {
    const tpl: CaptionTemplate = DEFAULT_TEMPLATES[0]!;
    const meta = { ...emptyMeta, creator: '李四', headline: '原标题', caption: { zh: '原说明', en: 'old' } };
    const out = applyTemplate(meta, tpl, ['caption.zh', 'location.city'], { tech, fileName: 'a.jpg' });
    expect(out.caption.zh).toBe('沁源县2026年2月26日 李四 摄');
    expect(out.caption.en).toBe('old');
    expect(out.headline).toBe('原标题');
    expect(out.credit).toBe('');
    expect(out.location.city).toBe('沁源县');
  });
  it('splits keywords on Chinese and Latin separators', () => {
    const tpl: CaptionTemplate = { id: 'k', name: 'k', fields: { keywords: '两会、沁源, 特刊；' } };
    expect(applyTemplate(emptyMeta, tpl, ['keywords'], { tech, fileName: 'a' }).keywords).toEqual(['两会', '沁源', '特刊']);
  });
  it('default settings carry the templates and codes and validate', () => {
    const s = Settings.parse({});
    expect(s.captionTemplates[0]!.fields['caption.zh']).toContain('{creator} 摄');
    expect(s.codeReplacements.find((c) => c.code === 'qy')?.text).toBe('沁源县');
  });
});

function photo(i: number, over: Partial<LibraryPhoto> = {}): LibraryPhoto {
  return {
    id: `ph-${i}`, sha256: 'a'.repeat(64), originalSha256: 'a'.repeat(64), fileName: `IMG_${i}.jpg`, sourcePath: `IMG_${i}.jpg`,
    file: `library/files/ph-${i}.jpg`, sidecar: null, bytes: 1, importedAt: '2026-02-26T00:00:00Z', rating: 0, label: 'none',
    meta: emptyMeta, tech: { width: 1, height: 1, format: 'jpeg', orientation: 1, captureDate: null, make: '', model: '', lens: '', iso: null, fNumber: null, exposureTime: null, focalLength: null, gps: null },
    warnings: [], ...over,
  };
}

describe('contact sheet filter and sort', () => {
  const list = [
    photo(10, { rating: 3, label: 'red', meta: { ...emptyMeta, caption: { zh: '好乐草莓大棚', en: 'Strawberry greenhouse' }, keywords: ['农业'] } }),
    photo(2, { rating: 5, tech: { ...photo(0).tech, captureDate: '2026-02-01T08:00:00' } }),
    photo(1, { rating: 1, tech: { ...photo(0).tech, captureDate: '2026-01-01T08:00:00' } }),
  ];
  it('filters by text in captions, keywords and file names, by rating, label and captioned state', () => {
    expect(filterPhotos(list, { ...NO_FILTER, text: '草莓' }).map((p) => p.id)).toEqual(['ph-10']);
    expect(filterPhotos(list, { ...NO_FILTER, text: 'STRAWBERRY 农业' }).map((p) => p.id)).toEqual(['ph-10']);
    expect(filterPhotos(list, { ...NO_FILTER, text: 'img_2' }).map((p) => p.id)).toEqual(['ph-2']);
    expect(filterPhotos(list, { ...NO_FILTER, minRating: 3 }).map((p) => p.id)).toEqual(['ph-10', 'ph-2']);
    expect(filterPhotos(list, { ...NO_FILTER, label: 'red' }).map((p) => p.id)).toEqual(['ph-10']);
    expect(filterPhotos(list, { ...NO_FILTER, captioned: 'no' }).map((p) => p.id)).toEqual(['ph-2', 'ph-1']);
  });
  it('sorts by capture time with undated photos last, by name numerically, by rating', () => {
    expect(sortPhotos(list, 'captureDate').map((p) => p.id)).toEqual(['ph-1', 'ph-2', 'ph-10']);
    expect(sortPhotos(list, 'captureDate', 'desc').map((p) => p.id)).toEqual(['ph-2', 'ph-1', 'ph-10']);
    expect(sortPhotos(list, 'fileName').map((p) => p.id)).toEqual(['ph-1', 'ph-2', 'ph-10']);
    expect(sortPhotos(list, 'rating', 'desc').map((p) => p.id)).toEqual(['ph-2', 'ph-10', 'ph-1']);
  });
});
