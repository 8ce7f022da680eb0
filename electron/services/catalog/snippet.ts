// A result's snippet: the part of the row's own text around the first match, with the
// matched spans marked, computed on the text as written (the index holds cut words, which
// would show Chinese with spaces). English marks match by prefix so a stemmed hit (grow →
// growing) is marked too.

export interface Snippet {
  text: string;
  /** [start, end) UTF-16 offsets in `text`, sorted, not overlapping. */
  marks: [number, number][];
}

const WINDOW = 120;

function stemPrefix(word: string): string {
  // Porter's stems are prefixes of the word in the common cases (grow/growing, seedl/seedlings).
  return /^[a-z]+$/i.test(word) && word.length > 4 ? word.slice(0, Math.max(4, word.length - 3)) : word;
}

function findSpans(text: string, terms: string[]): [number, number][] {
  const lower = text.toLowerCase();
  const spans: [number, number][] = [];
  for (const t of terms) {
    const needle = stemPrefix(t.toLowerCase());
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      let end = at + needle.length;
      if (/[a-z]/.test(needle)) while (end < lower.length && /[a-z]/.test(lower[end]!)) end++;
      spans.push([at, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  return spans.filter((m, i) => i === 0 || m[0] >= spans[i - 1]![1]);
}

export function makeSnippet(text: string, terms: string[]): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = findSpans(flat, terms)[0]?.[0] ?? 0;
  const start = Math.max(0, first - WINDOW / 4);
  const end = Math.min(flat.length, start + WINDOW);
  const shown = (start > 0 ? '…' : '') + flat.slice(start, end) + (end < flat.length ? '…' : '');
  return { text: shown, marks: findSpans(shown, terms) };
}
