import { describe, expect, it } from 'vitest';
import { FORMAT, paragraph, rootState, textNode } from '../../shared/document/lexical-state';
import { PAGE_PRESETS, SCHEMA_VERSION, type Edition, type Page, type Photo, type Story } from '../../shared/document/schema';
import { captionsCsv } from '../../shared/export/captions-csv';
import { webArticleHtml, type WebArticleInput } from '../../shared/export/html';
import { credits, element, figure, leadIn } from '../../shared/story/node-types';
import { linkNode } from '../../shared/story/source-blocks';
import { parseCsv } from './export-support';

// The web article is pure: page, stories and resized images in, one HTML string out.
// Checked for what an editor pasting it into WeChat relies on: lang, reading order,
// figcaptions, inline images, nothing executable, everything escaped.

const PNG = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==';

const photo = (id: string, zh: string, en: string, credit = ''): Photo => ({
  id,
  asset: { file: `assets/${id}.jpg`, sha256: 'b'.repeat(64), width: 4000, height: 3000, bytes: 1 },
  meta: { caption: { zh, en }, headline: '', creator: '李四', credit, source: '', copyright: '', dateCreated: '', location: { city: '', sublocation: '' }, keywords: [] },
});

const edition: Edition = {
  schemaVersion: SCHEMA_VERSION, id: 'demo', title: '特刊', paper: '长治日报', paperEn: 'CHANGZHI RIBAO', issueDate: '2026-02-26',
  pageSize: PAGE_PRESETS.broadsheet, pages: ['p1'],
  photos: [photo('ph-a', '好乐草莓', 'Haole strawberries', '新华社'), photo('ph-b', '香菇产业', ''), photo('ph-c', '<b>景风村</b>', 'Solar & "power"')],
};

const page: Page = {
  id: 'p1', name: '一版', number: 1, grid: { columns: 8, gutterMm: 4, margins: { top: 18, right: 15, bottom: 18, left: 15 } },
  blocks: [
    // Deliberately out of order in the array: reading order comes from the geometry.
    { id: 'cr', kind: 'credits', col: 5, span: 3, yMm: 480, hMm: 30, lang: 'zh', credits: [{ role: '策划', roleEn: 'Planning', names: ['冯波'] }] },
    { id: 'ph1', kind: 'photo', col: 0, span: 2, yMm: 400, hMm: 46, lang: 'zh', photoId: 'ph-a' },
    { id: 'ph2', kind: 'photo', col: 2, span: 2, yMm: 400, hMm: 46, lang: 'zh', photoId: 'ph-b' },
    { id: 'ph3', kind: 'photo', col: 4, span: 2, yMm: 400, hMm: 46, lang: 'zh', photoId: 'ph-c' },
    { id: 'hl', kind: 'headline', col: 0, span: 8, yMm: 30, hMm: 26, lang: 'zh', text: '谋好篇 布好局', textEn: 'A good plan' },
    { id: 'ms', kind: 'masthead', col: 0, span: 8, yMm: 0, hMm: 28, lang: 'both', text: '长治日报', textEn: 'CHANGZHI RIBAO' },
    { id: 'dk', kind: 'deck', col: 0, span: 8, yMm: 58, hMm: 14, lang: 'zh', text: '以实干作答 <script>alert(1)</script>' },
    { id: 'st', kind: 'story', col: 0, span: 8, yMm: 74, hMm: 300, lang: 'zh', storyId: 's1' },
    { id: 'rule', kind: 'rule', col: 0, span: 8, yMm: 399, hMm: 1, lang: 'zh' },
  ],
};

const zhState = rootState([
  element('section-heading', [textNode('推动转型升级')], { level: 1 }),
  paragraph([leadIn('传统产业守正延伸。'), textNode('加快推动'), textNode('PM', 0), textNode('2.5', FORMAT.subscript), textNode(' & <tags>')]),
  figure('ph-a', { zh: '好乐草莓（稿内）', en: 'Strawberries (story)' }, '新华社'),
  paragraph([linkNode('javascript:alert(1)', [textNode('坏链接')]), linkNode('https://example.com/?a=1&b=2', [textNode('好链接')])]),
  credits([{ role: '文字', roleEn: 'Text', names: ['冯波', '贾志敏'] }]),
]);

const story = (en: Story['en']): Story => ({ id: 's1', title: '谋好篇', zh: zhState, en, updatedAt: '2026-02-26T00:00:00Z' });

const input = (lang: 'zh' | 'en', en: Story['en'] = null): WebArticleInput => ({
  lang, edition, page, stories: { s1: story(en) },
  images: { 'ph-a': { src: PNG, width: 1080, height: 810 }, 'ph-b': { src: PNG, width: 1080, height: 720 }, 'ph-c': { src: 'javascript:alert(1)', width: 1, height: 1 } },
});

describe('web article HTML', () => {
  const html = webArticleHtml(input('zh'));

  it('is a whole document in Chinese with inline style and no script anywhere', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/(src|href)="(?!data:image\/|https:\/\/example\.com)/);
  });

  it('escapes copy and attributes', () => {
    expect(html).toContain('以实干作答 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(' &amp; &lt;tags&gt;');
    expect(html).toContain('&lt;b&gt;景风村&lt;/b&gt;');
    expect(html).toContain('href="https://example.com/?a=1&amp;b=2"');
    expect(html).toContain('坏链接'); // the text stays, the link does not
  });

  it('keeps reading order: masthead, headline, deck, story, photos, credits; rules are left out', () => {
    const order = ['class="masthead"', '<h1>谋好篇 布好局</h1>', 'class="deck"', '<h2>推动转型升级</h2>', '香菇产业', 'class="credits">策划 / 冯波'];
    const at = order.map((s) => html.indexOf(s));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('renders section heads, bold lead-ins, sub/superscript and story credits', () => {
    expect(html).toContain('<p><strong class="lead-in">传统产业守正延伸。</strong>加快推动PM<sub>2.5</sub>');
    expect(html).toContain('<p class="credits">文字 / 冯波 贾志敏</p>');
  });

  it('shows photos as figures with inline images and figcaptions, each photo once', () => {
    expect(html.match(/<figure>/g)).toHaveLength(3);
    // ph-a comes from the story's figure (its own caption), not again from the photo block.
    expect(html).toContain(`<figure><img src="${PNG}" width="1080" height="810" alt="好乐草莓（稿内）"><figcaption>好乐草莓（稿内） <span class="credit">新华社</span></figcaption></figure>`);
    expect(html).not.toContain('>好乐草莓<');
    expect(html).toContain('<figcaption>香菇产业 <span class="credit">李四</span></figcaption>');
    // An image that is not a data: URI is dropped; its caption stays.
    expect(html).toContain('<figure><figcaption>&lt;b&gt;景风村&lt;/b&gt; <span class="credit">李四</span></figcaption></figure>');
  });

  it('in English: English texts, and Chinese fallbacks marked lang="zh-CN"', () => {
    const en = webArticleHtml(input('en'));
    expect(en).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(en).toContain('<p class="masthead">CHANGZHI RIBAO · 2026-02-26</p>');
    expect(en).toContain('<h1>A good plan</h1>');
    expect(en).toContain('<title>A good plan</title>');
    expect(en).toContain('<p class="deck" lang="zh-CN">'); // no English deck
    expect(en).toContain('<div class="story" lang="zh-CN">'); // no English version of the story
    expect(en).toContain('<figcaption lang="zh-CN">香菇产业'); // no English caption
    expect(en).toContain('<figcaption>Solar &amp; &quot;power&quot;');
    expect(en).toContain('<p class="credits">Planning / 冯波</p>');
  });

  it('uses the English version of a story when there is one', () => {
    const enState = rootState([paragraph([leadIn('Traditional industry.'), textNode(' Coal mines.')]), figure('ph-a', { zh: '草莓', en: 'Strawberries' }, 'Xinhua')]);
    const en = webArticleHtml(input('en', enState));
    expect(en).toContain('<div class="story">\n<p><strong class="lead-in">Traditional industry.</strong> Coal mines.</p>');
    expect(en).toContain('<figcaption>Strawberries <span class="credit">Xinhua</span></figcaption>');
    expect(en).not.toContain('传统产业');
  });
});

describe('captions.csv', () => {
  it('is UTF-8 with a BOM, CRLF, quoted where needed, formulas defused', () => {
    const csv = captionsCsv([
      { file: 'photos/a.jpg', page: '1;2', captionZh: '沁源县，"城"一角', captionEn: 'Line one\nline two', creator: '张三', credit: '=HYPERLINK("x")' },
      { file: 'photos/b.jpg', page: '', captionZh: '-破折号开头', captionEn: '', creator: '', credit: '' },
    ]);
    expect(csv.startsWith('\ufefffile,page,caption_zh,caption_en,creator,credit\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([
      ['file', 'page', 'caption_zh', 'caption_en', 'creator', 'credit'],
      ['photos/a.jpg', '1;2', '沁源县，"城"一角', 'Line one\nline two', '张三', `'=HYPERLINK("x")`],
      ['photos/b.jpg', '', '-破折号开头', '', '', ''],
    ]);
  });
});
