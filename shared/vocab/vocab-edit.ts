import { cloneJson, newNodeId, pathTo, type VocabNode, type Vocabulary } from './vocabulary';

// Edits of the vocabulary tree, pure: each returns a new tree (the store writes it). Deleting
// hands back the removed branch and where it was, so the store can put it in the workspace
// trash and a restore can put it back in its place.

export type VocabEdit =
  | { op: 'add'; parentId: string | null; label: string; en: string; category?: boolean }
  | { op: 'rename'; id: string; label: string; en: string }
  | { op: 'move'; id: string; parentId: string | null; index?: number };

export class VocabEditError extends Error {
  constructor(readonly reason: 'not-found' | 'duplicate' | 'cycle', detail: string) {
    super(detail);
  }
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function childrenOf(v: Vocabulary, parentId: string | null): VocabNode[] {
  if (parentId === null) return v.roots;
  const path = pathTo(v.roots, parentId);
  if (!path) throw new VocabEditError('not-found', parentId);
  return path[path.length - 1]!.children;
}

function clone(v: Vocabulary): Vocabulary {
  return cloneJson(v);
}

/** Two siblings with one label would be one keyword twice in the same place (PM merges them). */
function refuseSibling(siblings: VocabNode[], label: string, except?: string): void {
  const clash = siblings.find((s) => s.id !== except && same(s.label, label));
  if (clash) throw new VocabEditError('duplicate', label);
}

export function applyEdit(v: Vocabulary, edit: VocabEdit): { vocabulary: Vocabulary; id: string } {
  const next = clone(v);
  switch (edit.op) {
    case 'add': {
      const siblings = childrenOf(next, edit.parentId);
      refuseSibling(siblings, edit.label);
      const node: VocabNode = { id: newNodeId(), label: edit.label.trim(), en: edit.en.trim(), children: [] };
      if (edit.category) node.category = true;
      siblings.push(node);
      return { vocabulary: next, id: node.id };
    }
    case 'rename': {
      const path = pathTo(next.roots, edit.id);
      if (!path) throw new VocabEditError('not-found', edit.id);
      const node = path[path.length - 1]!;
      const siblings = path.length > 1 ? path[path.length - 2]!.children : next.roots;
      refuseSibling(siblings, edit.label, node.id);
      node.label = edit.label.trim();
      node.en = edit.en.trim();
      return { vocabulary: next, id: node.id };
    }
    case 'move': {
      const path = pathTo(next.roots, edit.id);
      if (!path) throw new VocabEditError('not-found', edit.id);
      const node = path[path.length - 1]!;
      if (edit.parentId !== null && (edit.parentId === node.id || pathTo(node.children, edit.parentId))) {
        throw new VocabEditError('cycle', `${node.label} cannot go under itself`);
      }
      const from = path.length > 1 ? path[path.length - 2]!.children : next.roots;
      const to = childrenOf(next, edit.parentId);
      refuseSibling(to, node.label, node.id);
      from.splice(from.indexOf(node), 1);
      const at = edit.index === undefined ? to.length : Math.max(0, Math.min(edit.index, to.length));
      to.splice(at, 0, node);
      return { vocabulary: next, id: node.id };
    }
  }
}

export interface RemovedBranch {
  node: VocabNode;
  /** Labels of the parents, root first: where a restore puts it back (ids may change by then). */
  parentPath: string[];
  parentId: string | null;
  index: number;
}

export function removeNode(v: Vocabulary, id: string): { vocabulary: Vocabulary; removed: RemovedBranch } {
  const next = clone(v);
  const path = pathTo(next.roots, id);
  if (!path) throw new VocabEditError('not-found', id);
  const node = path[path.length - 1]!;
  const parents = path.slice(0, -1);
  const siblings = parents.length ? parents[parents.length - 1]!.children : next.roots;
  const index = siblings.indexOf(node);
  siblings.splice(index, 1);
  return {
    vocabulary: next,
    removed: { node, parentPath: parents.map((p) => p.label), parentId: parents.length ? parents[parents.length - 1]!.id : null, index },
  };
}

/**
 * Puts a deleted branch back: under its old parent (by id, else by the label path, made
 * again where missing) at its old index; a sibling that took its label meanwhile is merged
 * into rather than doubled.
 */
export function restoreBranch(v: Vocabulary, b: RemovedBranch): Vocabulary {
  const next = clone(v);
  let siblings: VocabNode[];
  const byId = b.parentId ? pathTo(next.roots, b.parentId) : null;
  if (b.parentId === null) siblings = next.roots;
  else if (byId) siblings = byId[byId.length - 1]!.children;
  else {
    siblings = next.roots;
    for (const label of b.parentPath) {
      let p = siblings.find((s) => same(s.label, label));
      if (!p) { p = { id: newNodeId(), label, en: '', children: [] }; siblings.push(p); }
      siblings = p.children;
    }
  }
  mergeInto(siblings, b.node, b.index);
  return next;
}

function mergeInto(siblings: VocabNode[], node: VocabNode, index: number): void {
  const twin = siblings.find((s) => same(s.label, node.label));
  if (!twin) {
    // The branch's ids left the tree with it and ids are random, so they come back unclashed.
    siblings.splice(Math.min(index, siblings.length), 0, node);
    return;
  }
  twin.en ||= node.en;
  for (const c of node.children) mergeInto(twin.children, c, twin.children.length);
}
