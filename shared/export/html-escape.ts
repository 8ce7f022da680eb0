// HTML text and attribute escaping for the exports: everything that is copy goes through here.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** BCP 47 tag of a copy language, as the lang attribute wants it. */
export const langTag = (lang: 'zh' | 'en'): string => (lang === 'zh' ? 'zh-CN' : 'en');
