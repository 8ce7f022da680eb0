import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES, expandCodes, expandCodesAtCaret, withDefaultEnglish } from '../../shared/photo/code-replace';
import { decodeCodeFile, formatPmCodes, parsePmCodes } from '../../shared/photo/pm-codes';
import { applyTemplateDetailed, expandTemplateParts, TEMPLATE_VARIABLES, type CaptionTemplate } from '../../shared/photo/template';
import { joinText } from '../../shared/photo/join-text';
import { PhotoMeta } from '../../shared/document/schema';
import { Settings } from '../../shared/settings/schema';

const meta = PhotoMeta.parse({ caption: { zh: '代表走访王陶镇。', en: 'Delegates visit Wangtao.' }, creator: '张三', location: { city: '沁源县' } });
const tech = { captureDate: null, make: '', model: '' };

describe('templates: modes and missing variables', () => {
  const tpl: CaptionTemplate = {
    id: 't', name: 't',
    fields: { 'caption.zh': '（{city}{date:yyyy年M月d日} {creator} 摄）', 'caption.en': '{date:MMMM d, yyyy}, {city}. Photo by {creator}', keywords: '两会、{city}' },
    modes: { 'caption.zh': 'append', 'caption.en': 'prepend', keywords: 'append' },
  };

  it('a photo without a date gets no made-up date: {date} is reported missing for each field', () => {
    const r = applyTemplateDetailed(meta, tpl, ['caption.zh', 'caption.en'], { tech, fileName: 'a.jpg' });
    expect(r.missing).toEqual([{ field: 'caption.zh', variables: ['date'] }, { field: 'caption.en', variables: ['date'] }]);
    expect(r.meta.caption.zh).toBe('代表走访王陶镇。（沁源县 张三 摄）');
    expect(r.meta.caption.zh).not.toMatch(/\d{4}年/);
  });

  it('append keeps the existing caption before, prepend after, with the spacing of each script', () => {
    const dated = { ...meta, dateCreated: '2026-02-26' };
    const r = applyTemplateDetailed(dated, tpl, ['caption.zh', 'caption.en', 'keywords'], { tech, fileName: 'a.jpg' });
    expect(r.missing).toEqual([]);
    expect(r.meta.caption.zh).toBe('代表走访王陶镇。（沁源县2026年2月26日 张三 摄）');
    expect(r.meta.caption.en).toBe('February 26, 2026, 沁源县. Photo by 张三 Delegates visit Wangtao.');
    expect(r.meta.keywords).toEqual(['两会', '沁源县']);
    const replaced = applyTemplateDetailed(dated, { ...tpl, modes: {} }, ['caption.en'], { tech, fileName: 'a.jpg' });
    expect(replaced.meta.caption.en).toBe('February 26, 2026, 沁源县. Photo by 张三');
  });

  it('the capture date stands in for an empty 拍摄日期; {caption} and {captionEn} are the photo\'s own', () => {
    const t: CaptionTemplate = { id: 'c', name: 'c', fields: { 'caption.en': '{captionEn} ({date:MMMM d, yyyy}) {caption}', headline: '{caption}' } };
    const r = applyTemplateDetailed(meta, t, ['caption.en', 'headline'], { tech: { ...tech, captureDate: '2025-05-04T08:00:00' }, fileName: 'a.jpg' });
    expect(r.meta.caption.en).toBe('Delegates visit Wangtao. (May 4, 2025) 代表走访王陶镇。');
    expect(r.meta.headline).toBe('代表走访王陶镇。');
  });

  it('marks missing parts for the preview and keeps unknown names as typed', () => {
    const parts = expandTemplateParts('{sublocation}·{city} {nope}', { meta, tech, fileName: 'a.jpg' });
    expect(parts[0]).toEqual({ missing: 'sublocation' });
    expect(parts.map((p) => ('text' in p ? p.text : `<${p.missing}>`)).join('')).toBe('<sublocation>·沁源县 {nope}');
    expect(TEMPLATE_VARIABLES).toEqual(expect.arrayContaining(['caption', 'captionEn', 'headline', 'copyright', 'keywords', 'date', 'filename', 'camera']));
  });

  it('joins Chinese without a space and Latin with one', () => {
    expect(joinText('说明。', '（张三 摄）')).toBe('说明。（张三 摄）');
    expect(joinText('Caption.', 'Photo by X')).toBe('Caption. Photo by X');
    expect(joinText('张三', 'Delegates')).toBe('张三 Delegates');
    expect(joinText('', 'x')).toBe('x');
  });

  it('templates with modes validate in settings', () => {
    const s = Settings.parse({ captionTemplates: [tpl] });
    expect(s.captionTemplates[0]!.modes?.['caption.zh']).toBe('append');
  });
});

describe('code replacements by the field\'s language', () => {
  it('=qy= is 沁源县 in Chinese and Qinyuan County in English', () => {
    expect(expandCodes('=qy=王陶镇', DEFAULT_CODES, 'zh')).toBe('沁源县王陶镇');
    expect(expandCodes('Wangtao, =qy=', DEFAULT_CODES, 'en')).toBe('Wangtao, Qinyuan County');
    expect(expandCodesAtCaret('In =qy= now', 7, DEFAULT_CODES, 'en')).toEqual({ text: 'In Qinyuan County now', caret: 17 });
  });
  it('a code without English stays as typed in an English field', () => {
    const table = [{ code: 'wt', text: '王陶镇' }];
    expect(expandCodes('=wt=', table, 'en')).toBe('=wt=');
    expect(expandCodes('=wt=', table, 'zh')).toBe('王陶镇');
  });
  it('settings saved before codes had English get the default English back', () => {
    const old = [{ code: 'qy', text: '沁源县' }, { code: 'wt', text: '王陶镇' }, { code: 'cz', text: '长治' }];
    expect(withDefaultEnglish(old)).toEqual([{ code: 'qy', text: '沁源县', en: 'Qinyuan County' }, { code: 'wt', text: '王陶镇' }, { code: 'cz', text: '长治' }]);
    expect(Settings.parse({ codeReplacements: old }).codeReplacements[0]!.en).toBe('Qinyuan County');
  });
});

describe('Photo Mechanic code replacement file', () => {
  const pmFile = '\uFEFFqy\t沁源县\tQinyuan County\r\nwt\t王陶镇\r\n\r\n=rmt=\t沁源县融媒体中心\tQinyuan County Media Center\textra\r\nbad code\tx\r\nqy\tduplicate\r\nempty\r\n';
  it('reads code TAB first TAB second as Chinese and English, and says what it skipped', () => {
    const r = parsePmCodes(pmFile);
    expect(r.codes).toEqual([
      { code: 'qy', text: '沁源县', en: 'Qinyuan County' },
      { code: 'wt', text: '王陶镇' },
      { code: 'rmt', text: '沁源县融媒体中心', en: 'Qinyuan County Media Center' },
    ]);
    expect(r.skipped.map((s) => [s.line, s.reason])).toEqual([[5, 'code'], [6, 'duplicate'], [7, 'empty']]);
  });
  it('round-trips the table through the file', () => {
    const text = formatPmCodes(DEFAULT_CODES);
    expect(text.split('\r\n')[0]).toBe('qy\t沁源县\tQinyuan County');
    expect(parsePmCodes(text).codes).toEqual(DEFAULT_CODES);
    const bytes = new TextEncoder().encode(text);
    expect(parsePmCodes(decodeCodeFile(bytes)).codes).toEqual(DEFAULT_CODES);
  });
  it('reads UTF-16 (as PM on Windows saves) and GB 18030 files', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('qy\t沁源县\tQinyuan County\r\n', 'utf16le')]);
    expect(parsePmCodes(decodeCodeFile(le)).codes).toEqual([{ code: 'qy', text: '沁源县', en: 'Qinyuan County' }]);
    // 沁源县 in GB 18030 / GBK.
    const gbk = Buffer.concat([Buffer.from('qy\t'), Buffer.from([0xc7, 0xdf, 0xd4, 0xb4, 0xcf, 0xd8]), Buffer.from('\r\n')]);
    expect(parsePmCodes(decodeCodeFile(gbk)).codes).toEqual([{ code: 'qy', text: '沁源县' }]);
  });
});
