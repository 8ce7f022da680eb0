// XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Anything else (C0 controls, U+FFFE/U+FFFF, a lone surrogate) makes an XMP packet that
// expat and Adobe's readers reject, and IPTC-IIM would hold what XMP cannot: so caption
// text is checked once, before either writer runs, and refused as a whole (issue 11,
// item 4). Record and file then always agree: neither is written.

export interface BadChar {
  /** Dotted path of the field, e.g. "caption.zh" or "keywords.2". */
  field: string;
  /** UTF-16 index in that field's text. */
  index: number;
  /** "U+0001", "U+FFFE", "U+D800 (lone surrogate)". */
  codePoint: string;
}

function hex(n: number): string {
  return `U+${n.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character of `text` that XML 1.0 does not allow, or null. */
export function firstNonXmlChar(text: string): { index: number; codePoint: string } | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
      return { index: i, codePoint: `${hex(c)} (lone surrogate)` };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { index: i, codePoint: `${hex(c)} (lone surrogate)` };
    if (c === 0x9 || c === 0xa || c === 0xd) continue;
    if (c < 0x20 || c === 0xfffe || c === 0xffff) return { index: i, codePoint: hex(c) };
  }
  return null;
}

/** Every string inside `value` (objects and arrays walked), checked; the first bad one. */
export function findNonXmlChar(value: unknown, field = ''): BadChar | null {
  if (typeof value === 'string') {
    const bad = firstNonXmlChar(value);
    return bad ? { field, ...bad } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = findNonXmlChar(value[i], field ? `${field}.${i}` : String(i));
      if (r) return r;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const r = findNonXmlChar(v, field ? `${field}.${k}` : k);
      if (r) return r;
    }
  }
  return null;
}
