// The 错别字 detector's tables (issue 14): word log-probabilities from jieba's frequency
// dictionary and character confusion sets by sound and shape, as scripts/csc-model.mjs
// writes them. Pure: main reads the file, the editor gets the same text over
// proof:csc-model, and both parse it here once.

export interface CscModel {
  /** ln P(word) for every kept word of 1–4 characters. */
  logp: Map<string, number>;
  /** ln of the dictionary's total count: ln P + logTotal is ln(frequency). */
  logTotal: number;
  /** ln P of a character the dictionary does not know as a word. */
  unknown: number;
  /** Words that are person names or places (jieba nr/ns): never "corrected". */
  names: Set<string>;
  /** Each common character's confusables (same or near sound, similar shape). */
  confusables: Map<string, string>;
  /** Longest word in characters. */
  maxLen: number;
  /** How often SIGHAN-15 TRAIN shows character X written for Y, keyed X+Y. */
  pairs: Map<string, number>;
  /** Character bigram counts of TRAIN's corrected text (context across word boundaries). */
  bigrams: Map<string, number>;
  /** How often TRAIN shows each character written in place of another. */
  prone: Map<string, number>;
  /** Proper prefixes (2+ characters) of longer words that are not words themselves. */
  prefixes: Set<string>;
  /** For each character, the characters that follow it / precede it in a two-character word. */
  follows: Map<string, Set<string>>;
  precedes: Map<string, Set<string>>;
}

export function parseCscModel(text: string): CscModel {
  const lines = text.split('\n');
  const head = /^#csc-model 1 total=(\d+)/.exec(lines[0] ?? '');
  if (!head) throw new Error('not a csc model');
  const logTotal = Math.log(Number(head[1]));
  const logp = new Map<string, number>();
  const names = new Set<string>();
  const confusables = new Map<string, string>();
  const pairs = new Map<string, number>();
  const bigrams = new Map<string, number>();
  let section = '';
  let maxLen = 1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length === 1) { section = line; continue; }
    if (!line) continue;
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    if (section === 'W') {
      const tab2 = line.indexOf('\t', tab + 1);
      const freq = Number(tab2 < 0 ? line.slice(tab + 1) : line.slice(tab + 1, tab2));
      logp.set(key, Math.log(freq) - logTotal);
      if (tab2 > 0) names.add(key);
      if (key.length > maxLen) maxLen = key.length;
    } else if (section === 'C') {
      confusables.set(key, line.slice(tab + 1));
    } else if (section === 'P') {
      pairs.set(key, Number(line.slice(tab + 1)));
    } else if (section === 'B') {
      bigrams.set(key, Number(line.slice(tab + 1)));
    }
  }
  // An unseen character costs a little more than the rarest kept word.
  const follows = new Map<string, Set<string>>();
  const precedes = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    const set = m.get(k);
    if (set) set.add(v); else m.set(k, new Set(v));
  };
  const prefixes = new Set<string>();
  for (const w of logp.keys()) {
    for (let k = 2; k < w.length; k++) if (!logp.has(w.slice(0, k))) prefixes.add(w.slice(0, k));
    if (w.length !== 2) continue;
    add(follows, w[0]!, w[1]!);
    add(precedes, w[1]!, w[0]!);
  }
  return { logp, logTotal, unknown: Math.log(0.5) - logTotal, names, confusables, maxLen, pairs, bigrams, prone: proneCounts(pairs), follows, precedes, prefixes };
}

function proneCounts(pairs: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [p, n] of pairs) out.set(p[0]!, (out.get(p[0]!) ?? 0) + n);
  return out;
}
