import { Converter } from 'opencc-js/t2cn';
import { isHan } from '../chars';
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

const TRADITIONAL_IN_GB2312 = new Set(['後']);

let gb2312: Set<string> | null = null;
let toSimplified: ((s: string) => string) | null = null;

/** GB 2312's Han characters: rows 16–87 decoded once through the platform's GBK decoder. */
function gb2312Han(): Set<string> {
  if (gb2312) return gb2312;
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) bytes.push(hi, lo);
  // TextDecoder is in every runtime we run in (Node, Chromium) but not in shared/'s lib.
  const TD = (globalThis as unknown as { TextDecoder: new (label: string) => { decode(b: Uint8Array): string } }).TextDecoder;
  gb2312 = new Set(new TD('gbk').decode(new Uint8Array(bytes)));
  return gb2312;
}

export function simplifiedOf(ch: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(ch);
}

/** True when `ch` is a traditional-only character in simplified copy. */
export function isTraditionalOnly(ch: string): boolean {
  if (!isHan(ch)) return false;
  if (gb2312Han().has(ch) && !TRADITIONAL_IN_GB2312.has(ch)) return false;
  return simplifiedOf(ch) !== ch;
}

const traditional: SegmentRule = (seg, ctx) => {
  const set = gb2312Han();
  const t = seg.text;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x3400 || (set.has(ch) && !TRADITIONAL_IN_GB2312.has(ch))) continue;
    if (code >= 0xd800 && code <= 0xdbff) { i++; continue; } // astral Han: rare names, not t→s
    if (!isHan(ch)) continue;
    const s = simplifiedOf(ch);
    if (s !== ch) ctx.emit(TRADITIONAL, i, i + 1, s, { fix: s });
  }
};

export const traditionalRules: SegmentRule[] = [traditional];
export const traditionalDefs = [TRADITIONAL];
