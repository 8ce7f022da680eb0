// Dates in the three syntaxes the caption fields travel in:
//   XMP photoshop:DateCreated — ISO 8601 subset of the XMP spec (Part 1 §8.2.1.1, "Date"):
//                               YYYY[-MM[-DD[Thh:mm[:ss[.s+]][TZD]]]]
//   IPTC-IIM 2:55 / 2:60      — CCYYMMDD and HHMMSS±HHMM (IIM 4.2, §1.5.5 and §1.5.6)
//   EXIF DateTimeOriginal     — "YYYY:MM:DD HH:MM:SS", local time (CIPA DC-008 §4.6.5)

const XMP_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/u;

const pad = (n: number | string, w = 2) => String(n).padStart(w, '0');

/**
 * Turns what an editor typed into an XMP date, or null when it is not a date. Accepts the
 * XMP form and the everyday ones: 2026-2-26, 2026/02/26, 2026.2.26, 2026年2月26日,
 * 2026:02:26 (EXIF style), each optionally followed by a time.
 */
export function normalizeDate(input: string): string | null {
  const s = input.trim();
  if (!s) return '';
  if (XMP_DATE.test(s) && validParts(s)) return s;
  const m = /^(\d{4})\s*[-/.:年]\s*(\d{1,2})(?:\s*[-/.:月]\s*(\d{1,2})\s*日?)?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?)?$/u.exec(s);
  if (!m) return null;
  const [, y, mo, d, hh, mm, ss, tz] = m;
  let out = `${y}-${pad(mo!)}`;
  if (d) out += `-${pad(d)}`;
  if (hh) {
    if (!d) return null;
    out += `T${pad(hh)}:${mm}${ss ? `:${ss}` : ''}`;
    if (tz) out += tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.slice(-2)}`;
  }
  return validParts(out) ? out : null;
}

function validParts(iso: string): boolean {
  const m = XMP_DATE.exec(iso);
  if (!m) return false;
  const [, , mo, d, hh, mi, ss] = m;
  if (mo && (+mo < 1 || +mo > 12)) return false;
  if (d && (+d < 1 || +d > 31)) return false;
  if (hh && (+hh > 23 || +mi! > 59)) return false;
  if (ss && +ss > 60) return false;
  return true;
}

/** IIM 2:55 (+ 2:60) → XMP date. Returns '' for an unreadable date. */
export function iimToIsoDate(date: string, time: string | undefined): string {
  const d = /^(\d{4})(\d{2})(\d{2})$/u.exec(date.trim());
  if (!d) return '';
  // IIM allows 00 for an unknown month or day (IIM 4.2 §1.5.5); XMP drops the part instead.
  let out = d[1]!;
  if (d[2] !== '00') out += `-${d[2]}`;
  if (d[2] !== '00' && d[3] !== '00') out += `-${d[3]}`;
  const t = time ? /^(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?$/u.exec(time.trim()) : null;
  if (t && out.length === 10) out += `T${t[1]}:${t[2]}:${t[3]}${t[4] ? `${t[4]}${t[5]}:${t[6]}` : ''}`;
  return validParts(out) ? out : '';
}

/** XMP date → IIM 2:55 and, when the time carries its zone, 2:60 (IIM needs ±HHMM). */
export function isoToIim(iso: string): { date: string; time: string | null } | null {
  const m = XMP_DATE.exec(iso);
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, , tz] = m;
  const date = `${y}${mo ?? '00'}${d ?? '00'}`;
  if (!hh || !tz) return { date, time: null };
  const zone = tz === 'Z' ? '+0000' : tz.replace(':', '');
  return { date, time: `${hh}${mi}${ss ?? '00'}${zone}` };
}

/** EXIF "YYYY:MM:DD HH:MM:SS" (+ SubSecTimeOriginal, OffsetTimeOriginal) → ISO local time. */
export function exifDateToIso(value: unknown, subSec?: unknown, offset?: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/u.exec(value.trim());
  if (!m || m[1] === '0000' || m[2] === '00') return null;
  let out = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  const sub = typeof subSec === 'string' || typeof subSec === 'number' ? String(subSec).trim() : '';
  if (/^\d+$/u.test(sub)) out += `.${sub}`;
  const off = typeof offset === 'string' ? offset.trim() : '';
  if (/^[+-]\d{2}:\d{2}$/u.test(off)) out += off;
  return validParts(out) ? out : null;
}
