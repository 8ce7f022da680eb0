import { cloneJson, MAX_DEPTH, MAX_KEYWORDS, newNodeId, type VocabNode, type Vocabulary } from './vocabulary';

// Photo Mechanic's structured keyword file (the Structured Keywords panel's Load / Merge /
// Save; Lightroom's keyword export is the same shape): plain text, one keyword a line, each
// level of the tree one more leading TAB. Markers, as Camera Bits and the Controlled
// Vocabulary Keyword Catalog document them:
//   [word]  a category: a branch of the tree that is never applied to a photo;
//   {word}  a synonym of the keyword it is indented under, applied along with it;
//   ~word   PM's tilde marker: read and written back as it was, not interpreted here.
//
// English labels: PM has one label a line, so the English label travels as the keyword's
// first synonym, `{Codonopsis}` under 党参. Read back, a keyword whose label has Han
// characters and whose first synonym has none takes that synonym as its English label. A PM
// user who loads our file gets the same tree, with the English words as synonyms (applied
// with the Chinese keyword when PM's synonyms are on).
//
// Normalisation (what a round trip import → export does not keep): a BOM, blank lines,
// trailing spaces, CR LF vs LF (we write CR LF, as PM on Windows does), synonym lines moved
// before the children they were mixed with, and a line indented more than one level below
// the previous one, which is taken one level below it.

export interface PmKeywordImport {
  vocabulary: Vocabulary;
  /** Lines that were changed or not taken, 1-based. */
  notes: { line: number; text: string; reason: 'indent' | 'synonym-at-top' | 'duplicate' | 'bad-label' | 'too-deep' }[];
}

/** Lines a file may have (keywords and synonyms), checked before any parsing: budgets at the door. */
export const MAX_PM_LINES = MAX_KEYWORDS * 3;

export class PmKeywordsTooLarge extends Error {}

const HAN = /\p{Script=Han}/u;

function parseLine(body: string): { label: string; kind: 'keyword' | 'category' | 'synonym'; tilde: boolean } {
  let s = body.trim();
  let tilde = false;
  if (s.startsWith('~')) { tilde = true; s = s.slice(1).trim(); }
  if (s.startsWith('[') && s.endsWith(']')) return { label: s.slice(1, -1).trim(), kind: 'category', tilde };
  if (s.startsWith('{') && s.endsWith('}')) return { label: s.slice(1, -1).trim(), kind: 'synonym', tilde };
  return { label: s, kind: 'keyword', tilde };
}

export function parsePmKeywords(text: string): PmKeywordImport {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  if (lines.length > MAX_PM_LINES) throw new PmKeywordsTooLarge(`${lines.length} lines; at most ${MAX_PM_LINES}`);
  const roots: VocabNode[] = [];
  const notes: PmKeywordImport['notes'] = [];
  // stack[d] = the last node read at depth d
  const stack: VocabNode[] = [];
  // Each parent's children by label, so a repeated sibling is found without a scan.
  const byLabel = new Map<VocabNode[], Map<string, VocabNode>>();
  const childMap = (siblings: VocabNode[]) => {
    let m = byLabel.get(siblings);
    if (!m) { m = new Map(); byLabel.set(siblings, m); }
    return m;
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+$/u, '');
    if (!line.trim()) return;
    let depth = /^\t*/u.exec(line)![0].length;
    const { label, kind, tilde } = parseLine(line.slice(depth));
    if (!label || label.length > 100 || label.includes('|')) { notes.push({ line: i + 1, text: raw, reason: 'bad-label' }); return; }
    if (depth > stack.length) { notes.push({ line: i + 1, text: raw, reason: 'indent' }); depth = stack.length; }
    if (depth >= MAX_DEPTH && kind !== 'synonym') { notes.push({ line: i + 1, text: raw, reason: 'too-deep' }); return; }
    if (kind === 'synonym') {
      const owner = stack[depth - 1];
      if (!owner) { notes.push({ line: i + 1, text: raw, reason: 'synonym-at-top' }); return; }
      (owner.synonyms ??= []).push(label);
      return;
    }
    const siblings = depth === 0 ? roots : stack[depth - 1]!.children;
    const twin = childMap(siblings).get(label);
    if (twin) {
      // PM merges a repeated branch; so do we, and its children go on under the first one.
      notes.push({ line: i + 1, text: raw, reason: 'duplicate' });
      stack.length = depth;
      stack[depth] = twin;
      return;
    }
    const node: VocabNode = { id: newNodeId(), label, en: '', children: [] };
    if (kind === 'category') node.category = true;
    if (tilde) node.tilde = true;
    siblings.push(node);
    childMap(siblings).set(label, node);
    stack.length = depth;
    stack[depth] = node;
  });
  liftEnglish(roots);
  return { vocabulary: { version: 1, roots }, notes };
}

/** The first synonym of a Chinese keyword, when it has no Han character, is its English label. */
function liftEnglish(nodes: VocabNode[]): void {
  for (const n of nodes) {
    const first = n.synonyms?.[0];
    if (first !== undefined && HAN.test(n.label) && !HAN.test(first)) {
      n.en = first;
      n.synonyms = n.synonyms!.slice(1);
    }
    if (n.synonyms && !n.synonyms.length) delete n.synonyms;
    liftEnglish(n.children);
  }
}

export function formatPmKeywords(v: Vocabulary): string {
  const out: string[] = [];
  const walk = (nodes: VocabNode[], depth: number) => {
    const tabs = '\t'.repeat(depth);
    for (const n of nodes) {
      const word = n.category ? `[${n.label}]` : n.label;
      out.push(`${tabs}${n.tilde ? '~' : ''}${word}`);
      const synonyms = [...(n.en && HAN.test(n.label) ? [n.en] : []), ...(n.synonyms ?? [])];
      for (const s of synonyms) out.push(`${tabs}\t{${s}}`);
      walk(n.children, depth + 1);
    }
  };
  walk(v.roots, 0);
  return out.length ? `${out.join('\r\n')}\r\n` : '';
}

/**
 * Merges an imported tree into the current one (PM's Merge): a keyword already in the same
 * place keeps its id and takes an English label it lacked; new ones are added at the end.
 */
export function mergeVocabulary(into: Vocabulary, from: Vocabulary): Vocabulary {
  const next = cloneJson(into);
  const merge = (target: VocabNode[], source: VocabNode[]) => {
    for (const s of source) {
      const t = target.find((x) => x.label === s.label);
      if (!t) { target.push(cloneJson(s)); continue; }
      t.en ||= s.en;
      if (s.synonyms?.length) t.synonyms = [...new Set([...(t.synonyms ?? []), ...s.synonyms])];
      merge(t.children, s.children);
    }
  };
  merge(next.roots, from.roots);
  return next;
}
