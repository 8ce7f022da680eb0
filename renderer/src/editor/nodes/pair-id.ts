import { $getRoot, $getState, $setState, createState, RootNode, type LexicalEditor, type LexicalNode } from 'lexical';

// Every top-level block carries a pair id linking the Chinese paragraph to its English
// translation. A root transform gives new blocks (Enter, paste) an id of their own and
// re-ids a copy (a split paragraph inherits its state), within the same update.
export const pairIdState = createState('pairId', { parse: (v: unknown) => (typeof v === 'string' ? v : '') });

export function newPairId(): string {
  return `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

export function $getPairId(node: LexicalNode): string {
  return $getState(node, pairIdState);
}

export function registerPairIds(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(RootNode, () => {
    const seen = new Set<string>();
    for (const block of $getRoot().getChildren()) {
      const id = $getState(block, pairIdState);
      if (!id || seen.has(id)) {
        const fresh = newPairId();
        $setState(block, pairIdState, fresh);
        seen.add(fresh);
      } else seen.add(id);
    }
  });
}
