import { walkTree, type VocabNode } from './vocabulary';

// Keyword completion for the caption panel: typing 党 offers 党参 under 产业. Ranked as a
// photographer expects from Photo Mechanic's keyword field: the label starting with what was
// typed, then containing it, then the English label or a synonym matching; shallower and
// shorter first within a rank. Categories are offered too (picking one applies its parents).

export interface Completion {
  node: VocabNode;
  /** Root first, the node last. */
  path: VocabNode[];
  /** What matched: the label, the English label or a synonym. */
  via: 'label' | 'en' | 'synonym';
}

export function completeKeyword(roots: VocabNode[], typed: string, limit = 12): Completion[] {
  const q = typed.trim().toLowerCase();
  if (!q) return [];
  const scored: { c: Completion; rank: number; depth: number; len: number }[] = [];
  for (const { node, parents } of walkTree(roots)) {
    const label = node.label.toLowerCase();
    const en = node.en.toLowerCase();
    let rank = -1;
    let via: Completion['via'] = 'label';
    if (label.startsWith(q)) rank = 0;
    else if (label.includes(q)) rank = 1;
    else if (en && en.startsWith(q)) { rank = 2; via = 'en'; }
    else if (en && en.includes(q)) { rank = 3; via = 'en'; }
    else if (node.synonyms?.some((s) => s.toLowerCase().includes(q))) { rank = 4; via = 'synonym'; }
    if (rank < 0) continue;
    scored.push({ c: { node, path: [...parents, node], via }, rank, depth: parents.length, len: node.label.length });
  }
  scored.sort((a, b) => a.rank - b.rank || a.depth - b.depth || a.len - b.len || a.c.node.label.localeCompare(b.c.node.label, 'zh-CN'));
  return scored.slice(0, limit).map((s) => s.c);
}

/** The keyword being typed in a comma/；-separated field: the text after the last separator. */
export function currentToken(field: string): { before: string; token: string } {
  const m = /^(.*[,，;；、]\s*)?([^,，;；、]*)$/su.exec(field);
  return { before: m?.[1] ?? '', token: m?.[2] ?? field };
}
