import { hasHan, indexChars, queryWords } from './segment';

// A user's query → FTS5 MATCH expressions, one per term (what the user separated with
// spaces). All terms must match the item, not one row: a story whose Chinese paragraph says
// 党参 and whose English one says seedlings matches 党参 seedlings (search.ts). A term matches when its words are words of the row (head or body
// column), or, for Chinese, when its characters appear in a row in that order (the chars
// column, a phrase): so 参育 finds 沁源党参育苗 by substring, while bm25's column weights
// rank rows where the words are words far above such chance substrings.

/** bm25 weights of head, body and chars: a title word counts double, a substring a tenth. */
export const WEIGHTS = [20, 10, 1] as const;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export interface ParsedQuery {
  /** One MATCH expression per term: an item must match each, in any of its rows. */
  clauses: string[];
  /** The words and character runs to highlight in the original text. */
  marks: string[];
}

export function parseQuery(input: string): ParsedQuery | null {
  const clauses: string[] = [];
  const marks: string[] = [];
  for (const term of input.normalize('NFKC').split(/\s+/u)) {
    if (!term) continue;
    const words = queryWords(term);
    const parts: string[] = [];
    if (words.length) parts.push(`{head body} : (${words.map(quote).join(' AND ')})`);
    if (hasHan(term)) {
      // Latin letters and digits of a mixed term (党参2026) must still match as words.
      const latin = words.filter((w) => !hasHan(w));
      const chars = `chars : ${quote(indexChars(term))}`;
      parts.push(latin.length ? `(${chars} AND {head body} : (${latin.map(quote).join(' AND ')}))` : chars);
    }
    if (!parts.length) continue;
    clauses.push(parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0]!);
    marks.push(...(hasHan(term) ? [term.replace(/[^\p{L}\p{N}]/gu, '')] : words));
  }
  if (!clauses.length) return null;
  return { clauses, marks: [...new Set(marks.filter(Boolean))] };
}
