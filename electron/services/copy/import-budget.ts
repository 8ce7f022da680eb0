import { appError } from '../../../shared/contract/messages';

// The limits of a copy import, stated once for the whole input (issue 11, items 5–7;
// STYLE.md "budgets at the door") and checked before the work they guard, not after it:
//
// - bytes inflated from a .docx, summed over every part read (a zip of forty 60 MB
//   customXml parts used to be inflated part by part, 2.6 GB, for nothing);
// - blocks and characters per story: a newspaper story is a few thousand characters and
//   a few dozen paragraphs, a long feature ten times that; these limits are a hundred
//   times the longest story in a special edition and still keep an import under a second;
// - element nesting in any XML part: real documents nest a dozen deep; the reader walks
//   the tree recursively, so a hostile depth is refused up front with a clear error
//   instead of overflowing the stack.

export const BUDGET = {
  /** Inflated bytes across all parts of one .docx. */
  inflatedBytes: 64 * 1024 * 1024,
  /** Blocks (paragraphs, headings, list items…) in one imported story. */
  blocks: 20_000,
  /** Characters of text in one imported story. */
  chars: 2_000_000,
  /** Element depth in one XML part. */
  xmlDepth: 256,
} as const;

export function tooLarge(what: string): Error {
  return appError('IMPORT_TOO_LARGE', what);
}

/**
 * The deepest element nesting of an XML text, by a linear scan of its tags (comments,
 * CDATA, processing instructions and quoted attribute values skipped). Stops and throws
 * IMPORT_TOO_DEEP as soon as `limit` is passed, before any DOM is built.
 */
export function checkXmlDepth(xml: string, part: string, limit: number = BUDGET.xmlDepth): void {
  let depth = 0;
  let i = xml.indexOf('<');
  while (i !== -1 && i < xml.length) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      const close = xml.startsWith('<!--', i) ? xml.indexOf('-->', i + 4) : xml.startsWith('<![CDATA[', i) ? xml.indexOf(']]>', i + 9) : xml.indexOf('>', i + 2);
      if (close === -1) return; // not well-formed: the parser says so
      i = xml.indexOf('<', close + 1);
      continue;
    }
    if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', i + 2);
      if (close === -1) return;
      i = xml.indexOf('<', close + 2);
      continue;
    }
    // Find the tag's end, skipping '>' inside quoted attribute values.
    let j = i + 1;
    let quote = 0;
    for (; j < xml.length; j++) {
      const c = xml.charCodeAt(j);
      if (quote) { if (c === quote) quote = 0; }
      else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e /* > */) break;
    }
    if (j >= xml.length) return;
    if (next === 0x2f /* / */) depth--;
    else if (xml.charCodeAt(j - 1) !== 0x2f) {
      depth++;
      if (depth > limit) throw appError('IMPORT_TOO_DEEP', `${part}: elements nested more than ${limit} deep`);
    }
    i = xml.indexOf('<', j + 1);
  }
}

/** Throws IMPORT_TOO_LARGE when a story's blocks or characters pass the budget. */
export function checkStorySize(blocks: number, chars: number, source: string): void {
  if (blocks > BUDGET.blocks) throw tooLarge(`${source}: ${blocks} blocks (at most ${BUDGET.blocks} per story)`);
  if (chars > BUDGET.chars) throw tooLarge(`${source}: ${chars} characters (at most ${BUDGET.chars} per story)`);
}
