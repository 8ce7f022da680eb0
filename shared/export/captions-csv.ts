// captions.csv of the handoff package: one row per photo file in the package, for the
// desk that receives the pages (RFC 4180 quoting, CRLF, UTF-8 with a BOM so Excel and WPS
// open the Chinese as Chinese).

export interface CaptionRow {
  file: string;
  /** Page numbers the photo is placed on, e.g. "1" or "1;2"; empty when unplaced. */
  page: string;
  captionZh: string;
  captionEn: string;
  creator: string;
  credit: string;
}

export const CAPTIONS_CSV_HEADER = ['file', 'page', 'caption_zh', 'caption_en', 'creator', 'credit'] as const;

function cell(v: string): string {
  // A cell a spreadsheet would run as a formula is quoted as text (OWASP CSV injection);
  // a leading "-" is left alone, captions may start with a dash.
  const safe = /^[=+@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function captionsCsv(rows: readonly CaptionRow[]): string {
  const lines = [CAPTIONS_CSV_HEADER.join(',')];
  for (const r of rows) lines.push([r.file, r.page, r.captionZh, r.captionEn, r.creator, r.credit].map(cell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
