import { FORMAT, lineBreak, textNode, type SerializedNode } from '../document/lexical-state';
import { isSafeUrl, linkNode, mergeRuns } from './source-blocks';

// Inline Markdown of the copy desk: **bold**, *italic*, <sub>/<sup>, [text](url),
// <https://…>, <br>, and backslash escapes (CommonMark 2.4: any ASCII punctuation).
// HARD_BREAK marks a hard line break left by the block parser (two trailing spaces).
// Anything else is literal text: an unmatched "**" or "[" stays as typed.

export const HARD_BREAK = '\u2028';
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/** End of a run of `ch` starting at i. */
function runEnd(s: string, i: number, ch: string): number {
  let j = i;
  while (s[j] === ch) j++;
  return j;
}

/** Index of the closing "**" for an opening at i, or -1. A run of 3+ closes at its end (***x***). */
function closeBold(s: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') { j++; continue; }
    if (s[j] === '*' && s[j + 1] === '*') return runEnd(s, j, '*') - 2;
  }
  return -1;
}

/** Index of the closing single "*" for an italic opened at i-1, skipping "**" pairs. */
function closeItalic(s: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') { j++; continue; }
    if (s[j] === '*') {
      const end = runEnd(s, j, '*');
      if (end - j === 1) return j;
      if (end - j === 3) return end - 1; // ** closes inside, * closes us: **b***
      j = end - 1;
    }
  }
  return -1;
}

/** Index after the "]" matching the "[" at i (brackets may nest), or -1. */
function closeBracket(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\') { j++; continue; }
    if (s[j] === '[') depth++;
    else if (s[j] === ']' && --depth === 0) return j + 1;
  }
  return -1;
}

// A destination may hold balanced parentheses, one level deep (Wikipedia's a_(b)).
const LINK_DEST = /^\(\s*<?((?:[^\s<>()]|\([^\s<>()]*\))*)>?(?:\s+"(?:[^"\\]|\\.)*")?\s*\)/;
const AUTOLINK = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i;
const BR = /^<br\s*\/?>/i;
const TAG = /^<(sub|sup)>/i;

export function parseInline(s: string, format = 0): SerializedNode[] {
  const out: SerializedNode[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push(textNode(buf, format));
    buf = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    const rest = s.slice(i);
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
    if (ch === '*') {
      const double = s[i + 1] === '*';
      const close = double ? closeBold(s, i + 2) : closeItalic(s, i + 1);
      const inner = close > 0 ? s.slice(i + (double ? 2 : 1), close) : '';
      if (inner.trim() !== '') {
        flush();
        out.push(...parseInline(inner, format | (double ? FORMAT.bold : FORMAT.italic)));
        i = close + (double ? 2 : 1);
        continue;
      }
    }
    if (ch === '<') {
      const br = BR.exec(rest);
      const tag = TAG.exec(rest);
      const auto = AUTOLINK.exec(rest);
      if (br) {
        flush();
        out.push(lineBreak());
        i += br[0].length;
        continue;
      }
      if (tag) {
        const name = tag[1]!.toLowerCase();
        const close = s.toLowerCase().indexOf(`</${name}>`, i + tag[0].length);
        if (close > 0) {
          flush();
          out.push(...parseInline(s.slice(i + tag[0].length, close), format | (name === 'sub' ? FORMAT.subscript : FORMAT.superscript)));
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
    if (ch === '[') {
      const end = closeBracket(s, i);
      const dest = end > 0 ? LINK_DEST.exec(s.slice(end)) : null;
      if (dest) {
        flush();
        const label = parseInline(s.slice(i + 1, end - 1), format);
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
