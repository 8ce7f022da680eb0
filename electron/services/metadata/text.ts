// Text rules shared by every metadata source (XMP, IPTC-IIM, EXIF).

/** Han, kana and hangul: the scripts that go to the Chinese caption slot. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function hasCjk(s: string): boolean {
  return CJK.test(s);
}

/**
 * A field value as the desk shows it: trailing newlines and padding removed, and a value
 * of only whitespace or NULs is no value at all. Cameras pad EXIF strings with spaces
 * (canon_hdr_NO.jpg: ImageDescription and Caption-Abstract of 31 spaces) and ExifTool's
 * MWG module also treats /^ *$/ as "not set" (Image::ExifTool::MWG, Description RawConv).
 */
export function clean(s: string | null | undefined): string {
  if (typeof s !== 'string') return '';
  return stripTrailingNuls(s).trim();
}

/** C writers leave NUL terminators and NUL padding behind their strings and packets. */
export function stripTrailingNuls(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0) end--;
  return s.slice(0, end);
}

/** The desk has two caption slots; one string goes to the slot its script belongs to. */
export function captionFromSingle(s: string): { zh: string; en: string } {
  const v = clean(s);
  if (!v) return { zh: '', en: '' };
  return hasCjk(v) ? { zh: v, en: '' } : { zh: '', en: v };
}

// MWG 2.0 §5.2 "Creator": several names in one string are separated by "; ", the form
// EXIF Artist uses; XMP dc:creator and IIM 2:80 hold one name per item.
export function joinNames(names: readonly string[]): string {
  return names.map(clean).filter(Boolean).join('; ');
}

export function splitNames(s: string): string[] {
  return clean(s).split(/;\s*/u).map(clean).filter(Boolean);
}

export function cleanList(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values.map(clean)) if (v && !out.includes(v)) out.push(v);
  return out;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 decode, or null when the bytes are not UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Truncates to at most maxBytes of UTF-8 without cutting a character in half. */
export function truncateUtf8(s: string, maxBytes: number): Buffer {
  const b = Buffer.from(s, 'utf8');
  if (b.length <= maxBytes) return b;
  let end = maxBytes;
  while (end > 0 && (b[end]! & 0xc0) === 0x80) end--; // back up to a lead byte
  return b.subarray(0, end);
}
