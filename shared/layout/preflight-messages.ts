import type { LocalizedText } from '../contract/errors';
import type { PreflightFinding, PreflightId } from './preflight';

// What the preflight says, in both UI languages. Templates name their parameters in
// braces ({over}); fill() leaves a brace it has no value for as it is, so a missing
// parameter shows up in review instead of as "undefined".

const TEMPLATES: Record<PreflightId, LocalizedText> = {
  overset: {
    'zh-CN': '第 {page} 版：稿件超出文本框，超 {over} 字 / {lines} 行。',
    en: 'Page {page}: the story is overset by {over} characters / {lines} lines.',
  },
  underset: {
    'zh-CN': '第 {page} 版：稿件差 {lines} 行，文本框底部留白（超过 {limit} 行）。',
    en: 'Page {page}: the story is {lines} lines short, leaving white at the foot of its frame (more than {limit}).',
  },
  placeholder: {
    'zh-CN': '第 {page} 版：{kind}仍是模板占位文字「{text}」。',
    en: 'Page {page}: the {kind} still shows the template\'s placeholder "{text}".',
  },
  'photo-empty': {
    'zh-CN': '第 {page} 版：图片框没有图片，印出来是空框。',
    en: 'Page {page}: a photo frame has no photo and would print empty.',
  },
  'credits-empty': {
    'zh-CN': '第 {page} 版：署名框是空的（策划、文字、图片、版式）。',
    en: 'Page {page}: the credits block is empty (planning, text, photos, layout).',
  },
  'low-ppi': {
    'zh-CN': '第 {page} 版：图片「{photo}」有效分辨率仅 {ppi} ppi（印刷需 200 ppi 以上）。',
    en: 'Page {page}: photo "{photo}" has only {ppi} effective ppi at its placed size (print needs 200).',
  },
  'no-caption': {
    'zh-CN': '第 {page} 版：图片「{photo}」没有{lang}图片说明。',
    en: 'Page {page}: photo "{photo}" has no {lang} caption.',
  },
  'no-credit': {
    'zh-CN': '第 {page} 版：图片「{photo}」没有署名（作者或来源）。',
    en: 'Page {page}: photo "{photo}" has no credit (creator or credit line).',
  },
  'empty-frame': {
    'zh-CN': '第 {page} 版：{kind}框是空的。',
    en: 'Page {page}: a {kind} frame is empty.',
  },
  'missing-glyph': {
    'zh-CN': '内置字体缺少 {count} 个字符：{chars}',
    en: 'The bundled fonts lack {count} characters: {chars}',
  },
  untranslated: {
    'zh-CN': '第 {page} 版英文版：{kind}框没有英文，仍显示中文。',
    en: 'Page {page}, English version: a {kind} frame has no English and shows the Chinese.',
  },
  'proof-open': {
    'zh-CN': '还有 {count} 条校对意见未处理。',
    en: '{count} proofreading findings are still open.',
  },
};

const KIND_NAMES: Record<string, LocalizedText> = {
  story: { 'zh-CN': '正文', en: 'story' },
  photo: { 'zh-CN': '图片', en: 'photo' },
  headline: { 'zh-CN': '标题', en: 'headline' },
  deck: { 'zh-CN': '副题', en: 'deck' },
  kicker: { 'zh-CN': '眉题', en: 'kicker' },
  caption: { 'zh-CN': '图片说明', en: 'caption' },
  credits: { 'zh-CN': '署名', en: 'credits' },
  label: { 'zh-CN': '标签', en: 'label' },
  masthead: { 'zh-CN': '报头', en: 'masthead' },
  footer: { 'zh-CN': '页脚', en: 'footer' },
};

const LANG_NAMES: Record<string, LocalizedText> = {
  zh: { 'zh-CN': '中文', en: 'Chinese' },
  en: { 'zh-CN': '英文', en: 'English' },
};

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m));
}

/** The finding as a sentence in the UI language. */
export function preflightMessage(f: PreflightFinding, ui: keyof LocalizedText): string {
  const params: Record<string, string | number> = { ...f.params };
  if (typeof params['kind'] === 'string') params['kind'] = KIND_NAMES[params['kind']]?.[ui] ?? params['kind'];
  if (typeof params['lang'] === 'string') params['lang'] = LANG_NAMES[params['lang']]?.[ui] ?? params['lang'];
  return fill(TEMPLATES[f.id][ui], params);
}

export function preflightText(f: PreflightFinding): LocalizedText {
  return { 'zh-CN': preflightMessage(f, 'zh-CN'), en: preflightMessage(f, 'en') };
}
