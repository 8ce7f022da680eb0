import type { ProofChange, ProofPassage } from './rounds';

// The text diff between two proof rounds of a page: which passages were inserted, deleted
// or changed, as an editor marks a proof. Passages (paragraphs of blocks) are matched
// first, by a longest common subsequence over their texts; a deleted run beside an
// inserted one in the same block is one replacement, narrowed to the characters that
// differ (common prefix and suffix cut), so a changed word reads as that word.

const CONTEXT = 12;

/** Longest common subsequence of two string arrays, as index pairs. O(n·m); pages have hundreds of passages. */
function lcs(a: string[], b: string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const dp = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = a[i] === b[j] ? dp[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(dp[(i + 1) * (m + 1) + j]!, dp[i * (m + 1) + j + 1]!);
    }
  }
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push([i, j]); i++; j++; } else if (dp[(i + 1) * (m + 1) + j]! >= dp[i * (m + 1) + j + 1]!) i++; else j++;
  }
  return out;
}

/** Code points, so a character outside the BMP is never cut in half. */
const chars = (s: string) => Array.from(s);

function narrowed(blockId: string, oldText: string, newText: string): ProofChange {
  const a = chars(oldText);
  const b = chars(newText);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const deleted = a.slice(p, a.length - s).join('');
  const inserted = b.slice(p, b.length - s).join('');
  return {
    kind: deleted && inserted ? 'replace' : deleted ? 'delete' : 'insert',
    blockId, deleted, inserted,
    before: b.slice(Math.max(0, p - CONTEXT), p).join(''),
    after: b.slice(b.length - s, b.length - s + CONTEXT).join(''),
  };
}

export function diffPassages(from: ProofPassage[], to: ProofPassage[]): ProofChange[] {
  const key = (p: ProofPassage) => `${p.blockId}\u0000${p.text}`;
  const pairs = lcs(from.map(key), to.map(key));
  const out: ProofChange[] = [];
  let i = 0;
  let j = 0;
  const gap = (iEnd: number, jEnd: number) => {
    const dels = from.slice(i, iEnd);
    const ins = to.slice(j, jEnd);
    // Pair a deleted and an inserted passage of the same block, in order: an edit inside a paragraph.
    while (dels.length || ins.length) {
      const d = dels[0];
      const k = d ? ins.findIndex((x) => x.blockId === d.blockId) : -1;
      if (d && k >= 0) {
        for (const x of ins.splice(0, k)) out.push({ kind: 'insert', blockId: x.blockId, deleted: '', inserted: x.text, before: '', after: '' });
        const x = ins.shift()!;
        dels.shift();
        out.push(narrowed(d.blockId, d.text, x.text));
      } else if (d) {
        dels.shift();
        out.push({ kind: 'delete', blockId: d.blockId, deleted: d.text, inserted: '', before: '', after: '' });
      } else {
        const x = ins.shift()!;
        out.push({ kind: 'insert', blockId: x.blockId, deleted: '', inserted: x.text, before: '', after: '' });
      }
    }
  };
  for (const [pi, pj] of pairs) {
    gap(pi, pj);
    i = pi + 1;
    j = pj + 1;
  }
  gap(from.length, to.length);
  // A passage moved within its block can pair with an identical one: nothing to mark.
  return out.filter((c) => c.deleted !== '' || c.inserted !== '');
}
