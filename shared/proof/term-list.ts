import type { HouseTerm } from './types';

// The house term list as the desk edits it (settings dialog) and as a file for the CLI's
// `proof --terms FILE`. Limits match settings' HouseTerm schema, so a list that passes
// here is one `settings:set` accepts.

export const TERM_LIMITS = { terms: 2000, variants: 50, accepted: 20, length: 200 } as const;

export type TermProblem =
  | { code: 'preferred-empty'; row: number }
  | { code: 'variants-empty'; row: number }
  | { code: 'too-long'; row: number; text: string }
  | { code: 'too-many'; row: number }
  | { code: 'same-as-preferred'; row: number; text: string }
  | { code: 'duplicate'; row: number; text: string; other: number }
  | { code: 'too-many-terms'; row: number };

/** Problems of a term list, rows 1-based; [] when it can be saved. */
export function termProblems(terms: readonly HouseTerm[]): TermProblem[] {
  const out: TermProblem[] = [];
  if (terms.length > TERM_LIMITS.terms) out.push({ code: 'too-many-terms', row: TERM_LIMITS.terms + 1 });
  const preferredAt = new Map<string, number>();
  terms.forEach((t, i) => {
    const row = i + 1;
    const accepted = t.accepted ?? [];
    if (!t.preferred) out.push({ code: 'preferred-empty', row });
    if (t.variants.length === 0) out.push({ code: 'variants-empty', row });
    if (t.variants.length > TERM_LIMITS.variants || accepted.length > TERM_LIMITS.accepted) out.push({ code: 'too-many', row });
    for (const s of [t.preferred, ...t.variants, ...accepted]) {
      if (s.length > TERM_LIMITS.length) out.push({ code: 'too-long', row, text: s.slice(0, 20) + '…' });
    }
    // A variant equal to the preferred form sits inside it and would never be flagged.
    for (const v of t.variants) if (v === t.preferred) out.push({ code: 'same-as-preferred', row, text: v });
    const other = preferredAt.get(t.preferred);
    if (t.preferred && other !== undefined) out.push({ code: 'duplicate', row, text: t.preferred, other });
    else if (t.preferred) preferredAt.set(t.preferred, row);
  });
  return out;
}

/** One form per line (the dialog's variant boxes): trimmed, blank lines dropped, kept in order. */
export function splitForms(text: string): string[] {
  const seen = new Set<string>();
  return text.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== '' && !seen.has(s) && (seen.add(s), true));
}

const LIST_SEP = /\s*[,，]\s*/;

/**
 * A terms file: JSON (an array of {preferred, variants, accepted?}, or a settings.json with
 * a proofTerms array), or text with one term a line:
 *
 *     # comment
 *     《政府工作报告》 = 政府工作报告 | 〈政府工作报告〉
 *     沁源县融媒体中心 = 沁源县融媒中心, 沁源融媒体中心
 *
 * preferred form = variants to flag (comma-separated, ASCII or full-width), optionally
 * `| forms also accepted`. Quotation marks are kept exactly; a form containing a comma,
 * "=" or "|" needs the JSON form. Throws Error with the line at fault.
 */
export function parseTermsFile(src: string): HouseTerm[] {
  const text = src.replace(/^\uFEFF/, '');
  const terms = /^\s*[[{]/.test(text) ? termsFromJson(text) : termsFromText(text);
  const problems = termProblems(terms);
  if (problems.length) throw new Error(`term ${problems[0]!.row}: ${problems[0]!.code}${'text' in problems[0]! ? ` (${problems[0]!.text})` : ''}`);
  return terms;
}

function termsFromText(text: string): HouseTerm[] {
  const out: HouseTerm[] = [];
  text.split(/\r?\n/).forEach((raw, n) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`line ${n + 1}: expected "preferred = variant, variant"`);
    const [variants, accepted] = line.slice(eq + 1).split('|', 2) as [string, string | undefined];
    const list = (s: string) => s.split(LIST_SEP).map((x) => x.trim()).filter(Boolean);
    const term: HouseTerm = { preferred: line.slice(0, eq).trim(), variants: list(variants) };
    if (accepted !== undefined && list(accepted).length) term.accepted = list(accepted);
    out.push(term);
  });
  return out;
}

function termsFromJson(text: string): HouseTerm[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { proofTerms?: unknown }).proofTerms;
  if (!Array.isArray(list)) throw new Error('JSON terms are an array of {preferred, variants}, or an object with proofTerms');
  return list.map((item: unknown, i) => {
    const t = item as Partial<Record<keyof HouseTerm, unknown>>;
    const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
    if (typeof t?.preferred !== 'string' || !strings(t.variants) || (t.accepted !== undefined && !strings(t.accepted))) {
      throw new Error(`term ${i + 1}: needs "preferred" (text) and "variants" (list of text)`);
    }
    const term: HouseTerm = { preferred: t.preferred, variants: t.variants as string[] };
    if (t.accepted !== undefined) term.accepted = t.accepted as string[];
    return term;
  });
}
