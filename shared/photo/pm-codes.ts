import { CODE_PATTERN, type CodeReplacement } from './code-replace';

// Photo Mechanic's code replacement file: plain text, one code a line, the code and its
// expansion separated by a TAB, no = signs (they are PM's delimiter, set in its preferences).
// PM keeps several expansions of one code as further TAB-separated columns (code TAB exp1
// TAB exp2 …, picked with =code#2=); the desk reads the first as Chinese and the second as
// English, and writes its table the same way, so a PM user's file goes both ways.

export interface PmImport {
  codes: CodeReplacement[];
  /** Lines that were not taken, 1-based, with why. */
  skipped: { line: number; text: string; reason: 'code' | 'empty' | 'duplicate' }[];
}

export function parsePmCodes(text: string): PmImport {
  const codes: CodeReplacement[] = [];
  const skipped: PmImport['skipped'] = [];
  const seen = new Set<string>();
  text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u).forEach((raw, i) => {
    if (!raw.trim()) return;
    const cols = raw.split('\t');
    const code = cols[0]!.trim().replace(/^=(.*)=$/u, '$1');
    const zh = (cols[1] ?? '').trim();
    const en = (cols[2] ?? '').trim();
    if (!CODE_PATTERN.test(code)) { skipped.push({ line: i + 1, text: raw, reason: 'code' }); return; }
    if (!zh && !en) { skipped.push({ line: i + 1, text: raw, reason: 'empty' }); return; }
    if (seen.has(code.toLowerCase())) { skipped.push({ line: i + 1, text: raw, reason: 'duplicate' }); return; }
    seen.add(code.toLowerCase());
    codes.push(en ? { code, text: zh, en } : { code, text: zh });
  });
  return { codes, skipped };
}

/** TAB-separated, CRLF line ends (PM on Windows writes them; PM on macOS reads them). */
export function formatPmCodes(table: CodeReplacement[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/gu, ' ').trim();
  return table.map((r) => [r.code, clean(r.text), ...(r.en?.trim() ? [clean(r.en)] : [])].join('\t')).join('\r\n') + '\r\n';
}

/**
 * A code file's bytes as text: UTF-8 (with or without BOM) and UTF-16 with BOM, as PM writes
 * them; anything that is not valid UTF-8 is read as GB 18030, the encoding of Chinese
 * Windows' text files.
 */
export function decodeCodeFile(bytes: Uint8Array): string {
  const TD = (globalThis as unknown as { TextDecoder: new (label: string, o?: { fatal: boolean }) => { decode(b: Uint8Array): string } }).TextDecoder;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TD('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TD('utf-16be').decode(bytes.subarray(2));
  try {
    return new TD('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TD('gb18030').decode(bytes);
  }
}
