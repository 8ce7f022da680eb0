import { z } from 'zod';

// The workspace's controlled keyword vocabulary (issue 16, item 4): a tree such as
// 地点 / 人物 / 产业 / 活动, each keyword with the label written into photos and an English
// label. <workspace>/keywords.json is the truth; Photo Mechanic's structured keyword text
// file goes in and out through pm-keywords.ts.

/** A keyword label: one line, no TAB, no `|` (the lr:hierarchicalSubject separator). */
export const KeywordLabel = z.string().trim().min(1).max(100).refine((s) => !/[\t\r\n|]/u.test(s), {
  message: 'a keyword is one line without TAB or |',
});
const EnLabel = z.string().trim().max(100).refine((s) => !/[\t\r\n|{}[\]]/u.test(s), {
  message: 'an English label is one line without TAB, |, braces or brackets',
});

export const NodeId = z.string().regex(/^k[a-z0-9]{1,40}$/u);

export interface VocabNode {
  id: string;
  /** The keyword as written into dc:subject / IPTC 2:25 (the paper's language). */
  label: string;
  /** English label: shown in the English UI and found by completion; '' when none. */
  en: string;
  /** Photo Mechanic's [category]: a branch of the tree, never written into a photo. */
  category?: boolean;
  /** Photo Mechanic's ~ marker, kept as read (see pm-keywords.ts). */
  tilde?: boolean;
  /** Photo Mechanic's {synonym} lines: other words for this keyword. */
  synonyms?: string[];
  children: VocabNode[];
}

export const VocabNodeSchema: z.ZodType<VocabNode> = z.lazy(() => z.object({
  id: NodeId,
  label: KeywordLabel,
  en: EnLabel,
  category: z.boolean().optional(),
  tilde: z.boolean().optional(),
  synonyms: z.array(KeywordLabel).max(50).optional(),
  children: z.array(VocabNodeSchema).max(5000),
}));

/** Budget for the whole tree, checked before it is stored (STYLE.md: budgets at the door). */
export const MAX_KEYWORDS = 20_000;
export const MAX_DEPTH = 12;

export const Vocabulary = z.object({
  version: z.literal(1),
  roots: z.array(VocabNodeSchema).max(5000),
}).superRefine((v, ctx) => {
  let n = 0;
  const ids = new Set<string>();
  const walk = (nodes: VocabNode[], depth: number) => {
    if (depth > MAX_DEPTH && nodes.length) ctx.addIssue({ code: 'custom', message: `deeper than ${MAX_DEPTH} levels` });
    for (const node of nodes) {
      n++;
      if (ids.has(node.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${node.id}` });
      ids.add(node.id);
      if (depth <= MAX_DEPTH) walk(node.children, depth + 1);
    }
  };
  walk(v.roots, 1);
  if (n > MAX_KEYWORDS) ctx.addIssue({ code: 'custom', message: `more than ${MAX_KEYWORDS} keywords` });
});
export type Vocabulary = z.infer<typeof Vocabulary>;

export const EMPTY_VOCABULARY: Vocabulary = { version: 1, roots: [] };

/** A new node id: time + random, unique within a tree for any practical edit rate. */
export function newNodeId(): string {
  let r = '';
  for (let i = 0; i < 8; i++) r += Math.floor(Math.random() * 36).toString(36);
  return `k${Date.now().toString(36)}${r}`;
}

/** The chain root … node for an id, or null. */
export function pathTo(roots: VocabNode[], id: string): VocabNode[] | null {
  for (const node of roots) {
    if (node.id === id) return [node];
    const below = pathTo(node.children, id);
    if (below) return [node, ...below];
  }
  return null;
}

/** Depth-first, parents before children, with each node's chain of ancestors. */
export function* walkTree(roots: VocabNode[], parents: VocabNode[] = []): Generator<{ node: VocabNode; parents: VocabNode[] }> {
  for (const node of roots) {
    yield { node, parents };
    yield* walkTree(node.children, [...parents, node]);
  }
}

export function countKeywords(roots: VocabNode[]): number {
  let n = 0;
  for (const _ of walkTree(roots)) n++;
  return n;
}

/**
 * What picking a keyword writes into a photo: the keyword and its {synonyms} (the Controlled
 * Vocabulary catalogue's rule, which PM follows: a synonym is applied whenever its keyword
 * is), and with "包括上级" (PM's "apply parents") every parent that is not a [category], with
 * theirs; plus the lr:hierarchicalSubject path (Lightroom's `parent|child`, every level,
 * categories included, which is what the path means). The English label is shown and found
 * by completion but not written: the file's keywords stay in the paper's language.
 */
export function keywordsFor(path: VocabNode[], includeParents: boolean): { flat: string[]; hierarchical: string } {
  const leaf = path[path.length - 1]!;
  const applied = [...(includeParents ? path.slice(0, -1) : []), leaf].filter((n) => !n.category);
  const flat = [...new Set(applied.flatMap((n) => [n.label, ...(n.synonyms ?? [])]))];
  return { flat, hierarchical: path.map((n) => n.label).join('|') };
}

/** A deep copy (shared/ has neither the DOM's nor Node's structuredClone; the tree is plain JSON). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
