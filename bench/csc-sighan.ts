// SIGHAN-15 scoring (issue 14) shared by the proof-csc-sighan15 benchmark and the TRAIN
// tuning script: sentence-level detection and correction as the bake-off counts them. A
// sentence is detected when the flagged positions are exactly its error positions, and
// corrected when, besides, every suggested character is the right one.

export interface SighanItem {
  original_text: string;
  correct_text: string;
}

/** Positions flagged in one sentence, with the suggested character where there is one. */
export type Flags = { at: number; fix?: string }[];

export interface SighanScore {
  sentences: number;
  withErrors: number;
  flagged: number;
  detectP: number;
  detectR: number;
  correctP: number;
  correctR: number;
  /** Findings in sentences without errors, per 100 such sentences. */
  falsePer100: number;
}

export const errorPositions = (d: SighanItem): number[] =>
  [...d.original_text].flatMap((c, i) => (c !== d.correct_text[i] ? [i] : []));

export function scoreSighan(items: readonly SighanItem[], flagsOf: (d: SighanItem, index: number) => Flags): SighanScore {
  let withErrors = 0, flagged = 0, detected = 0, corrected = 0, correctSentences = 0, falseFindings = 0;
  items.forEach((d, n) => {
    const wrong = errorPositions(d);
    const flags = flagsOf(d, n);
    const at = [...new Set(flags.map((f) => f.at))];
    if (wrong.length) withErrors++;
    else { correctSentences++; falseFindings += at.length; }
    if (!at.length) return;
    flagged++;
    if (!wrong.length || at.length !== wrong.length || !at.every((i) => wrong.includes(i))) return;
    detected++;
    if (flags.every((f) => f.fix === d.correct_text[f.at])) corrected++;
  });
  const div = (a: number, b: number) => (b ? a / b : 0);
  return {
    sentences: items.length, withErrors, flagged,
    detectP: div(detected, flagged), detectR: div(detected, withErrors),
    correctP: div(corrected, flagged), correctR: div(corrected, withErrors),
    falsePer100: div(100 * falseFindings, correctSentences),
  };
}

/**
 * SIGHAN-2013 and CLP-2014's sentences as items (resources/csc/sighan1314.tsv: the corrected
 * text, a tab, the errors as offset:written pairs, UTF-16 offsets, a tab, the set). The build reads the same
 * file with scripts/csc-model.mjs readSighan1314 (plain JS, which the build cannot take from here).
 */
export function parseSighan1314(text: string): (SighanItem & { set: string })[] {
  const out: (SighanItem & { set: string })[] = [];
  for (const line of text.split('\n')) {
    const [c, edits = '', set = ''] = line.split('\t');
    if (!c) continue;
    const o = c.split('');
    for (const e of edits.split(',').filter(Boolean)) { const k = e.indexOf(':'); o[Number(e.slice(0, k))] = e.slice(k + 1); }
    out.push({ original_text: o.join(''), correct_text: c, set });
  }
  return out;
}
