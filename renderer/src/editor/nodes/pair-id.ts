import { $getRoot, $getState, $setState, RootNode, type LexicalEditor } from 'lexical';
import { $getPairId, pairIdState } from '../../../../shared/story/nodes/pair-id';

// Every top-level block carries a pair id linking the Chinese paragraph to its English
// translation. A root transform gives new blocks (Enter, paste) an id of their own and
// re-ids a copy (a split paragraph inherits its state), within the same update.
// The state itself is shared with main's headless editor (shared/story/nodes/pair-id.ts).
export { $getPairId, pairIdState };

export function newPairId(): string {
  return `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
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
