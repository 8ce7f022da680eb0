// Code replacements as Photo Mechanic has them: a short code between = signs expands to
// the text it stands for as the photographer types. Each code has a Chinese and an English
// expansion (=qy= → 沁源县 / Qinyuan County); a field expands with its own language's.

export interface CodeReplacement {
  code: string;
  /** The Chinese expansion, also used by fields without a language (creator, city, …). */
  text: string;
  /** The English expansion; '' or missing: the code stays as typed in English fields. */
  en?: string | undefined;
}

export type CodeLang = 'zh' | 'en';

export const CODE_PATTERN = /^[A-Za-z0-9_]{1,24}$/;
const CODE = /=([A-Za-z0-9_]{1,24})=/g;

/** The expansion of one entry in a field's language; null when it has none there. */
export function expansionFor(r: CodeReplacement, lang: CodeLang): string | null {
  if (lang === 'en') return r.en?.trim() ? r.en : null;
  return r.text;
}

/**
 * Expands every known code. An English field uses the English expansions only: a Chinese
 * one in an English caption is the mistake this prevents, and a code left standing shows
 * the photographer that its English is missing.
 */
export function expandCodes(text: string, table: CodeReplacement[], lang: CodeLang = 'zh'): string {
  if (table.length === 0 || !text.includes('=')) return text;
  const map = new Map<string, string>();
  for (const r of table) {
    const v = expansionFor(r, lang);
    if (v !== null && !map.has(r.code.toLowerCase())) map.set(r.code.toLowerCase(), v);
  }
  return text.replace(CODE, (whole, code: string) => map.get(code.toLowerCase()) ?? whole);
}

/**
 * Expands codes in a field being edited and moves the caret with the text: a caret after
 * an expanded code ends up after its expansion.
 */
export function expandCodesAtCaret(text: string, caret: number, table: CodeReplacement[], lang: CodeLang = 'zh'): { text: string; caret: number } {
  const before = expandCodes(text.slice(0, caret), table, lang);
  const after = expandCodes(text.slice(caret), table, lang);
  const whole = expandCodes(text, table, lang);
  // A code spanning the caret (rare: caret moved inside "=q|y=") expands as a whole.
  if (before + after !== whole) return { text: whole, caret: whole.length - (text.length - caret) };
  return { text: whole, caret: before.length };
}

export const DEFAULT_CODES: CodeReplacement[] = [
  { code: 'qy', text: '沁源县', en: 'Qinyuan County' },
  { code: 'rmt', text: '沁源县融媒体中心', en: 'Qinyuan County Media Center' },
  { code: 'cz', text: '长治市', en: 'Changzhi' },
  { code: 'lh', text: '两会', en: 'the two sessions' },
];

/**
 * Tables saved before codes had an English side get the English of the default codes they
 * still carry unchanged (same code, same Chinese), so =qy= works in English captions at once.
 */
export function withDefaultEnglish(table: CodeReplacement[]): CodeReplacement[] {
  return table.map((r) => {
    if (r.en !== undefined) return r;
    const d = DEFAULT_CODES.find((x) => x.code === r.code && x.text === r.text);
    return d ? { ...r, en: d.en } : r;
  });
}
