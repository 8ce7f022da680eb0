import type { PhotoMeta } from '../document/schema';
import type { TechMeta } from './file-meta';
import { joinText } from './join-text';

// Caption templates with variables, e.g. "{city}{date:yyyy年M月d日} {creator} 摄" and
// "{date:MMMM d, yyyy}, {city}. Photo by {creator}". Applied field by field: only the
// fields the user ticked change, each by its mode (replace, append, prepend), as in Photo
// Mechanic's IPTC stationery pad. A variable the photo has no value for is reported as
// missing, never made up: a photo without a capture date does not get today's date.

export const TEMPLATE_FIELDS = [
  'caption.zh', 'caption.en', 'headline', 'creator', 'credit', 'source', 'copyright', 'dateCreated', 'location.city', 'location.sublocation', 'keywords',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const TEMPLATE_MODES = ['replace', 'append', 'prepend'] as const;
export type TemplateMode = (typeof TEMPLATE_MODES)[number];

export interface CaptionTemplate {
  id: string;
  name: string;
  /** Field → template text; keywords are separated by commas or 、. */
  fields: Partial<Record<TemplateField, string>>;
  /** Field → mode; a field without one is replaced. */
  modes?: Partial<Record<TemplateField, TemplateMode>> | undefined;
}

export interface TemplateContext {
  meta: PhotoMeta;
  tech: Pick<TechMeta, 'captureDate' | 'make' | 'model'>;
  fileName: string;
}

/** Every variable a template may use, in the order the panel lists them. */
export const TEMPLATE_VARIABLES = [
  'caption', 'captionEn', 'headline', 'creator', 'credit', 'source', 'copyright', 'city', 'sublocation', 'keywords',
  'date', 'date:yyyy年M月d日', 'date:MMMM d, yyyy', 'filename', 'camera',
] as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Formats an ISO date (yyyy-mm-dd…) with tokens yyyy, MM, M, dd, d, MMMM. */
export function formatDate(iso: string, pattern: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return '';
  const [y, mo, d] = [m[1]!, Number(m[2]), Number(m[3])];
  return pattern.replace(/yyyy|MMMM|MM|M|dd|d/g, (tok) => {
    switch (tok) {
      case 'yyyy': return y;
      case 'MMMM': return MONTHS[mo - 1] ?? '';
      case 'MM': return String(mo).padStart(2, '0');
      case 'M': return String(mo);
      case 'dd': return String(d).padStart(2, '0');
      default: return String(d);
    }
  });
}

/** A template expanded: literal text and the variables that had no value, in order. */
export type TemplatePart = { text: string } | { missing: string };

function variable(name: string, arg: string | undefined, ctx: TemplateContext): string | undefined {
  const m = ctx.meta;
  switch (name) {
    // 拍摄日期 as the panel shows it, else the camera's capture time; nothing else.
    case 'date': return formatDate(m.dateCreated || ctx.tech.captureDate || '', arg ?? 'yyyy-MM-dd');
    case 'city': return m.location.city;
    case 'sublocation': return m.location.sublocation;
    case 'creator': return m.creator;
    case 'credit': return m.credit;
    case 'source': return m.source;
    case 'copyright': return m.copyright;
    case 'headline': return m.headline;
    case 'keywords': return m.keywords.join('、');
    case 'caption': return m.caption.zh;
    case 'captionEn': return m.caption.en;
    case 'filename': return ctx.fileName;
    case 'camera': return [ctx.tech.make, ctx.tech.model].filter(Boolean).join(' ');
    default: return undefined;
  }
}

export function expandTemplateParts(tpl: string, ctx: TemplateContext): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of tpl.matchAll(/\{(\w+)(?::([^}]*))?\}/g)) {
    if (m.index > last) parts.push({ text: tpl.slice(last, m.index) });
    const value = variable(m[1]!, m[2], ctx);
    // An unknown name stays as typed, so a typo is visible in the preview and the result.
    if (value === undefined) parts.push({ text: m[0] });
    else if (value.trim() === '') parts.push({ missing: m[1]! });
    else parts.push({ text: value });
    last = m.index + m[0].length;
  }
  if (last < tpl.length) parts.push({ text: tpl.slice(last) });
  return parts;
}

/** The expanded text, missing variables left empty. */
export function expandTemplate(tpl: string, ctx: TemplateContext): string {
  return expandTemplateParts(tpl, ctx).map((p) => ('text' in p ? p.text : '')).join('');
}

function getField(meta: PhotoMeta, field: TemplateField): string {
  switch (field) {
    case 'caption.zh': return meta.caption.zh;
    case 'caption.en': return meta.caption.en;
    case 'location.city': return meta.location.city;
    case 'location.sublocation': return meta.location.sublocation;
    case 'keywords': return meta.keywords.join(', ');
    default: return meta[field];
  }
}

const splitKeywords = (v: string) => v.split(/[,，、;；]/).map((k) => k.trim()).filter(Boolean);

function setField(meta: PhotoMeta, field: TemplateField, value: string): PhotoMeta {
  switch (field) {
    case 'caption.zh': return { ...meta, caption: { ...meta.caption, zh: value } };
    case 'caption.en': return { ...meta, caption: { ...meta.caption, en: value } };
    case 'location.city': return { ...meta, location: { ...meta.location, city: value } };
    case 'location.sublocation': return { ...meta, location: { ...meta.location, sublocation: value } };
    case 'keywords': return { ...meta, keywords: [...new Set(splitKeywords(value))] };
    default: return { ...meta, [field]: value };
  }
}

function combine(field: TemplateField, old: string, added: string, mode: TemplateMode): string {
  if (mode === 'replace' || !added) return mode === 'replace' ? added : old;
  if (field === 'keywords') return mode === 'append' ? `${old}, ${added}` : `${added}, ${old}`;
  return mode === 'append' ? joinText(old, added) : joinText(added, old);
}

export interface TemplateResult {
  meta: PhotoMeta;
  /** Variables with no value for this photo, by field (e.g. caption.zh → ['date']). */
  missing: { field: TemplateField; variables: string[] }[];
}

/**
 * Applies the ticked fields of a template to one photo's caption, each by its mode.
 * Variables see the photo's values after the plain fields are set, so "{city}" in a caption
 * uses the city the same template just filled in; "{caption}" is the caption before.
 */
export function applyTemplateDetailed(meta: PhotoMeta, tpl: CaptionTemplate, ticked: readonly TemplateField[], ctx: Omit<TemplateContext, 'meta'>): TemplateResult {
  const order = [...ticked].sort((a, b) => Number(a.startsWith('caption')) - Number(b.startsWith('caption')));
  let next = meta;
  const missing: TemplateResult['missing'] = [];
  for (const field of order) {
    const text = tpl.fields[field];
    if (text === undefined) continue;
    // {caption}/{captionEn} mean the photo's own caption, not one this template just wrote.
    const parts = expandTemplateParts(text, { ...ctx, meta: { ...next, caption: meta.caption } });
    const gaps = parts.flatMap((p) => ('missing' in p ? [p.missing] : []));
    if (gaps.length) missing.push({ field, variables: [...new Set(gaps)] });
    const value = parts.map((p) => ('text' in p ? p.text : '')).join('').replace(/[ \t]{2,}/g, ' ').trim();
    next = setField(next, field, combine(field, getField(next, field), value, tpl.modes?.[field] ?? 'replace'));
  }
  return { meta: next, missing };
}

export function applyTemplate(meta: PhotoMeta, tpl: CaptionTemplate, ticked: readonly TemplateField[], ctx: Omit<TemplateContext, 'meta'>): PhotoMeta {
  return applyTemplateDetailed(meta, tpl, ticked, ctx).meta;
}
