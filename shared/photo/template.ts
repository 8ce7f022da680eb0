import type { PhotoMeta } from '../document/schema';
import type { TechMeta } from './file-meta';

// Caption templates with variables, e.g. "{city}{date:yyyy年M月d日} {creator} 摄" and
// "{date:MMMM d, yyyy}, {city}. Photo by {creator}". Applied field by field: only the
// fields the user ticked change.

export const TEMPLATE_FIELDS = [
  'caption.zh', 'caption.en', 'headline', 'creator', 'credit', 'source', 'copyright', 'dateCreated', 'location.city', 'location.sublocation', 'keywords',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export interface CaptionTemplate {
  id: string;
  name: string;
  /** Field → template text; keywords are separated by commas or 、. */
  fields: Partial<Record<TemplateField, string>>;
}

export interface TemplateContext {
  meta: PhotoMeta;
  tech: Pick<TechMeta, 'captureDate' | 'make' | 'model'>;
  fileName: string;
  /** Used when the photo has no capture date. */
  today: string;
}

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

export function expandTemplate(tpl: string, ctx: TemplateContext): string {
  const date = ctx.meta.dateCreated || ctx.tech.captureDate || ctx.today;
  return tpl.replace(/\{(\w+)(?::([^}]*))?\}/g, (whole, name: string, arg?: string) => {
    switch (name) {
      case 'date': return formatDate(date, arg ?? 'yyyy-MM-dd');
      case 'city': return ctx.meta.location.city;
      case 'sublocation': return ctx.meta.location.sublocation;
      case 'creator': return ctx.meta.creator;
      case 'credit': return ctx.meta.credit;
      case 'source': return ctx.meta.source;
      case 'headline': return ctx.meta.headline;
      case 'caption': return ctx.meta.caption.zh;
      case 'captionEn': return ctx.meta.caption.en;
      case 'filename': return ctx.fileName;
      case 'camera': return [ctx.tech.make, ctx.tech.model].filter(Boolean).join(' ');
      default: return whole;
    }
  });
}

function setField(meta: PhotoMeta, field: TemplateField, value: string): PhotoMeta {
  switch (field) {
    case 'caption.zh': return { ...meta, caption: { ...meta.caption, zh: value } };
    case 'caption.en': return { ...meta, caption: { ...meta.caption, en: value } };
    case 'location.city': return { ...meta, location: { ...meta.location, city: value } };
    case 'location.sublocation': return { ...meta, location: { ...meta.location, sublocation: value } };
    case 'keywords': return { ...meta, keywords: value.split(/[,，、;；]/).map((k) => k.trim()).filter(Boolean) };
    default: return { ...meta, [field]: value };
  }
}

/**
 * Applies the ticked fields of a template to one photo's caption. Variables see the
 * photo's values after the plain fields are set, so "{city}" in a caption uses the city
 * the same template just filled in.
 */
export function applyTemplate(meta: PhotoMeta, tpl: CaptionTemplate, ticked: readonly TemplateField[], ctx: Omit<TemplateContext, 'meta'>): PhotoMeta {
  const order = [...ticked].sort((a, b) => Number(a.startsWith('caption')) - Number(b.startsWith('caption')));
  let next = meta;
  for (const field of order) {
    const text = tpl.fields[field];
    if (text === undefined) continue;
    next = setField(next, field, expandTemplate(text, { ...ctx, meta: next }).trim());
  }
  return next;
}
