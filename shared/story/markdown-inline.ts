import { FORMAT, lineBreak, textNode, type SerializedNode } from '../document/lexical-nodes';
import { isSafeUrl, linkNode, mergeRuns } from './source-blocks';

// Inline Markdown of the copy desk: **bold**, *italic*, <sub>/<sup>, [text](url),
// <https://…>, <br>, and backslash escapes (CommonMark 2.4: any ASCII punctuation).
// HARD_BREAK marks a hard line break left by the block parser (two trailing spaces).
// Anything else is literal text: an unmatched "**" or "[" stays as typed.

export const HARD_BREAK = '\u2028';
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

// Linear in its input (issue 11, item 6: 100,000 "[" took 14–23 s): every "find the
// closer" question is answered from tables built once per call (bracket pairs by a stack,
// the end of each run of "*"), a failed search is remembered (no closer after j means none
// after any later j either), the case-folded text is made once, and the anchored patterns
// run sticky at i instead of on a copy of the rest of the string. Nesting of bold, italic,
// sub/sup and link labels is followed MAX_NESTING deep; deeper markup stays literal text.

const MAX_NESTING = 24;

class Scanner {
  private runEndAt: Int32Array | null = null;
  private pairs: Int32Array | null = null;
  private lower: string | null = null;
  private boldFailFrom = Infinity;
  private italicFailFrom = Infinity;
  private readonly tagFailFrom = new Map<string, number>();

  constructor(private readonly s: string) {}

  /** End of the run of the character at j (one past its last repeat). */
  runEnd(j: number): number {
    if (!this.runEndAt) {
      const s = this.s;
      const t = new Int32Array(s.length + 1);
      t[s.length] = s.length;
      for (let k = s.length - 1; k >= 0; k--) t[k] = s[k] === s[k + 1] ? t[k + 1]! : k + 1;
      this.runEndAt = t;
    }
    return this.runEndAt[j]!;
  }

  /** Index of the closing "**" for an opening before `from`, or -1. A run of 3+ closes at its end (***x***). */
  closeBold(from: number): number {
    if (from >= this.boldFailFrom) return -1;
    const s = this.s;
    for (let j = from; j < s.length; j++) {
      if (s[j] === '\\') { j++; continue; }
      if (s[j] === '*' && s[j + 1] === '*') return this.runEnd(j) - 2;
    }
    this.boldFailFrom = from;
    return -1;
  }

  /** Index of the closing single "*" for an italic opened at from-1, skipping "**" pairs. */
  closeItalic(from: number): number {
    if (from >= this.italicFailFrom) return -1;
    const s = this.s;
    for (let j = from; j < s.length; j++) {
      if (s[j] === '\\') { j++; continue; }
      if (s[j] === '*') {
        const end = this.runEnd(j);
        if (end - j === 1) return j;
        if (end - j === 3) return end - 1; // ** closes inside, * closes us: **b***
        j = end - 1;
      }
    }
    this.italicFailFrom = from;
    return -1;
  }

  /** Index after the "]" matching the "[" at i (brackets may nest), or -1. */
  closeBracket(i: number): number {
    if (!this.pairs) {
      const s = this.s;
      const t = new Int32Array(s.length).fill(-1);
      const open: number[] = [];
      for (let j = 0; j < s.length; j++) {
        if (s[j] === '\\') { j++; continue; }
        if (s[j] === '[') open.push(j);
        else if (s[j] === ']' && open.length) t[open.pop()!] = j + 1;
      }
      this.pairs = t;
    }
    return this.pairs[i]!;
  }

  /** Index of "</name>" at or after `from`, case-insensitively, or -1. */
  closeTag(name: string, from: number): number {
    if (from >= (this.tagFailFrom.get(name) ?? Infinity)) return -1;
    this.lower ??= this.s.toLowerCase();
    const at = this.lower.indexOf(`</${name}>`, from);
    if (at < 0) this.tagFailFrom.set(name, from);
    return at;
  }
}

// A destination may hold balanced parentheses, one level deep (Wikipedia's a_(b)).
const LINK_DEST = /\(\s*<?((?:[^\s<>()]|\([^\s<>()]*\))*)>?(?:\s+"(?:[^"\\]|\\.)*")?\s*\)/y;
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^\s<>]+)>/iy;
const BR = /<br\s*\/?>/iy;
const TAG = /<(sub|sup)>/iy;

/** A sticky pattern matched at exactly index i. */
function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

export function parseInline(s: string, format = 0, depth = 0): SerializedNode[] {
  const out: SerializedNode[] = [];
  const scan = new Scanner(s);
  const nested = depth < MAX_NESTING;
  let buf = '';
  const flush = () => {
    if (buf) out.push(textNode(buf, format));
    buf = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length && ASCII_PUNCT.test(s[i + 1]!)) {
      buf += s[i + 1];
      i += 2;
      continue;
    }
    if (ch === HARD_BREAK) {
      flush();
      out.push(lineBreak());
      i++;
      continue;
    }
    if (ch === '*' && nested) {
      const double = s[i + 1] === '*';
      const close = double ? scan.closeBold(i + 2) : scan.closeItalic(i + 1);
      const inner = close > 0 ? s.slice(i + (double ? 2 : 1), close) : '';
      if (inner.trim() !== '') {
        flush();
        out.push(...parseInline(inner, format | (double ? FORMAT.bold : FORMAT.italic), depth + 1));
        i = close + (double ? 2 : 1);
        continue;
      }
    }
    if (ch === '<') {
      const br = at(BR, s, i);
      const tag = nested ? at(TAG, s, i) : null;
      const auto = at(AUTOLINK, s, i);
      if (br) {
        flush();
        out.push(lineBreak());
        i += br[0].length;
        continue;
      }
      if (tag) {
        const name = tag[1]!.toLowerCase();
        const close = scan.closeTag(name, i + tag[0].length);
        if (close > 0) {
          flush();
          out.push(...parseInline(s.slice(i + tag[0].length, close), format | (name === 'sub' ? FORMAT.subscript : FORMAT.superscript), depth + 1));
          i = close + name.length + 3;
          continue;
        }
      }
      if (auto) {
        flush();
        out.push(linkNode(auto[1]!, [textNode(auto[1]!, format)]));
        i += auto[0].length;
        continue;
      }
    }
    if (ch === '[' && nested) {
      const end = scan.closeBracket(i);
      const dest = end > 0 ? at(LINK_DEST, s, end) : null;
      if (dest) {
        flush();
        const label = parseInline(s.slice(i + 1, end - 1), format, depth + 1);
        const url = dest[1]!;
        if (isSafeUrl(url)) out.push(linkNode(url, label));
        else out.push(...label); // javascript: and friends: keep the words, drop the link
        i = end + dest[0].length;
        continue;
      }
    }
    buf += ch;
    i++;
  }
  flush();
  return mergeRuns(out);
}
