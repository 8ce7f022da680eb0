// Code replacements as Photo Mechanic has them: a short code between = signs expands to
// the text it stands for (=qy= → 沁源县) as the photographer types.

export interface CodeReplacement {
  code: string;
  text: string;
}

const CODE = /=([A-Za-z0-9_]{1,24})=/g;

export function expandCodes(text: string, table: CodeReplacement[]): string {
  if (table.length === 0 || !text.includes('=')) return text;
  const map = new Map(table.map((r) => [r.code.toLowerCase(), r.text]));
  return text.replace(CODE, (whole, code: string) => map.get(code.toLowerCase()) ?? whole);
}

/**
 * Expands codes in a field being edited and moves the caret with the text: a caret after
 * an expanded code ends up after its expansion.
 */
export function expandCodesAtCaret(text: string, caret: number, table: CodeReplacement[]): { text: string; caret: number } {
  const before = expandCodes(text.slice(0, caret), table);
  const after = expandCodes(text.slice(caret), table);
  const whole = expandCodes(text, table);
  // A code spanning the caret (rare: caret moved inside "=q|y=") expands as a whole.
  if (before + after !== whole) return { text: whole, caret: whole.length - (text.length - caret) };
  return { text: whole, caret: before.length };
}

export const DEFAULT_CODES: CodeReplacement[] = [
  { code: 'qy', text: '沁源县' },
  { code: 'rmt', text: '沁源县融媒体中心' },
  { code: 'cz', text: '长治市' },
  { code: 'lh', text: '两会' },
];
