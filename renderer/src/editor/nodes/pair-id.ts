import { $getNodeByKey, $getRoot, $getState, $isElementNode, $isRootNode, $setState, ParagraphNode, type Klass, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { $getPairId, pairIdState } from '../../../../shared/story/nodes/pair-id';

// Every top-level block carries a pair id linking the Chinese paragraph to its English
// translation. New blocks (Enter, paste) get an id of their own and a copy (a split
// paragraph inherits its state) is re-id'd, within the same update. The state itself is
// shared with main's headless editor (shared/story/nodes/pair-id.ts).
//
// Issue 15: the check runs per block, from a transform on each block class, which Lexical
// calls only for blocks created or changed in the update; a root transform (called on
// every update) read the id of every block of the story on every keystroke. An index of
// id → block, checked against the state before it is trusted, says whether an id is taken:
// the block that already held it keeps it, the newcomer gets a fresh one.
export { $getPairId, pairIdState };

export function newPairId(): string {
  return `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

export function registerPairIds(editor: LexicalEditor, blockClasses: readonly Klass<LexicalNode>[]): () => void {
  const owner = new Map<string, NodeKey>();
  const holds = (key: NodeKey, id: string): boolean => {
    const node = $getNodeByKey(key);
    const parent = node?.getParent();
    return !!node && !!parent && $isRootNode(parent) && $getState(node, pairIdState) === id;
  };
  const $check = (block: LexicalNode) => {
    const parent = block.getParent();
    if (!parent || !$isRootNode(parent)) return;
    const key = block.getKey();
    const id = $getState(block, pairIdState);
    const held = id ? owner.get(id) : undefined;
    if (id && (held === undefined || held === key || !holds(held, id))) { owner.set(id, key); return; }
    // Enter at the start of a paragraph leaves the old block empty and moves the copy into a
    // new block after it: the copy takes the id (and so keeps its translation), and the
    // blank line before it becomes the newcomer.
    const prev = block.getPreviousSibling();
    const prevId = prev ? $getState(prev, pairIdState) : '';
    if (prev && prevId && (id === '' || id === prevId) && $isElementNode(prev) && prev.isEmpty()
      && block.getTextContent().trim() !== '' && (owner.get(prevId) ?? prev.getKey()) === prev.getKey()) {
      $setState(block, pairIdState, prevId);
      owner.set(prevId, key);
      const blank = newPairId();
      $setState(prev, pairIdState, blank);
      owner.set(blank, prev.getKey());
      return;
    }
    const fresh = newPairId();
    $setState(block, pairIdState, fresh);
    owner.set(fresh, key);
  };
  const offs = [...new Set([ParagraphNode, ...blockClasses])].map((klass) => editor.registerNodeTransform(klass, $check));
  // Once, over the whole story as loaded: blocks saved without an id, or with a repeated one.
  editor.update(() => { for (const block of $getRoot().getChildren()) $check(block); }, { tag: 'history-merge' });
  return () => offs.forEach((off) => off());
}
