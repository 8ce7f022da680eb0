import { Converter } from 'opencc-js/t2cn';
import { isHan } from '../chars';
import { VARIANT_STANDARD } from '../data/variants';
import { defineRule, type SegmentRule } from '../types';

// Traditional characters in simplified copy (繁简混用), found with OpenCC's t→cn table.
// A character OpenCC would convert is not always wrong: 著 (著名), 乾 (乾坤), 於 (surname),
// 夥 are also standard simplified characters. Those are all in GB 2312, the simplified
// national set, so a character is flagged only when OpenCC changes it AND GB 2312 lacks
// it. GB 2312 does hold a few traditional forms outright (後); those are listed.

export const TRADITIONAL = defineRule(
  'char.traditional', 'warning', '通用规范汉字表 (2013); GB 2312',
  '简体稿中出现繁体字“{text}”，应为“{fix}”', 'Traditional character "{text}" in simplified copy; use "{fix}"',
);

export const VARIANT = defineRule(
  'char.variant', 'warning', '第一批异体字整理表 (1955); 通用规范汉字表 (2013)',
  '简体稿中出现异体字“{text}”，规范字为“{fix}”', 'Variant form "{text}" in simplified copy; the standard character is "{fix}"',
);

const TRADITIONAL_IN_GB2312 = new Set(['後']);

let gb2312: Uint8Array | null = null;
let toSimplified: ((s: string) => string) | null = null;

/**
 * GB 2312's Han characters, rows 16–87 decoded once through the platform's GBK decoder, as
 * a flag per UTF-16 code: the rule reads every character's code, and a lookup by code costs
 * no string per character (issue 15).
 */
function gb2312Han(): Uint8Array {
  if (gb2312) return gb2312;
  const bytes = new Uint8Array(2 * 72 * 94);
  let n = 0;
  for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) { bytes[n++] = hi; bytes[n++] = lo; }
  // TextDecoder is in every runtime we run in (Node, Chromium) but not in shared/'s lib.
  const TD = (globalThis as unknown as { TextDecoder: new (label: string) => { decode(b: Uint8Array): string } }).TextDecoder;
  const han = new TD('gbk').decode(bytes);
  gb2312 = new Uint8Array(0x10000);
  for (let i = 0; i < han.length; i++) gb2312[han.charCodeAt(i)] = 1;
  for (const ch of TRADITIONAL_IN_GB2312) gb2312[ch.charCodeAt(0)] = 0;
  return gb2312;
}

export function simplifiedOf(ch: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(ch);
}

/** True when `ch` is a traditional-only character in simplified copy. */
export function isTraditionalOnly(ch: string): boolean {
  if (!isHan(ch)) return false;
  if (ch.length === 1 && gb2312Han()[ch.charCodeAt(0)]) return false;
  return simplifiedOf(ch) !== ch;
}

const traditional: SegmentRule = (seg, ctx) => {
  const simplified = gb2312Han();
  const t = seg.text;
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    if (code < 0x3400 || simplified[code]) continue;
    if (code >= 0xd800 && code <= 0xdbff) { i++; continue; } // astral Han: rare names, not t→s
    const standard = VARIANT_STANDARD.get(code);
    if (standard) { ctx.emit(VARIANT, i, i + 1, standard, { fix: standard }); continue; }
    const ch = t[i]!;
    if (!isHan(ch)) continue;
    const s = simplifiedOf(ch);
    if (s !== ch) ctx.emit(TRADITIONAL, i, i + 1, s, { fix: s });
  }
};

export const traditionalRules: SegmentRule[] = [traditional];
export const traditionalDefs = [TRADITIONAL, VARIANT];
