import { $exportNodeJSON, $getRoot, $isElementNode, type EditorState, type LexicalNode, type NodeKey } from 'lexical';
import type { SerializedEditorState } from '../../../../shared/document/lexical-state';
import { dirtyBlocks } from './dirty-blocks';

// The story's JSON kept per top-level block for the composer's live copyfit (issue 15,
// item 3): `editorState.toJSON()` walked every node of the story on each keystroke
// (a 500,000-character story is 3,800 blocks); here a keystroke re-exports the block it
// changed and reuses the others' JSON. The result equals `toJSON()` (tests/unit/live-json.test.ts).

type SerializedNode = Record<string, unknown> & { children?: SerializedNode[] };

/** One node and its descendants, as `editorState.toJSON()` writes them (Lexical's own walk, from its public parts). */
function $exportTree(node: LexicalNode): SerializedNode {
  const json = $exportNodeJSON(node) as SerializedNode;
  if ($isElementNode(node)) {
    const children = json.children ?? (json.children = []);
    for (const child of node.getChildren()) children.push($exportTree(child));
  }
  return json;
}

export class LiveJson {
  private readonly blocks = new Map<NodeKey, SerializedNode>();

  /** Every block of `state` exported afresh. */
  all(state: EditorState): SerializedEditorState {
    this.blocks.clear();
    return this.json(state);
  }

  /** Forgets the blocks an update touched (cheap: call it on every update, `json` when the JSON is wanted). */
  forget(state: EditorState, dirtyElements: ReadonlyMap<NodeKey, boolean>, dirtyLeaves: ReadonlySet<NodeKey>, tags: ReadonlySet<string>): void {
    const dirty = dirtyBlocks(state, dirtyElements, dirtyLeaves, tags);
    if (dirty.full) { this.blocks.clear(); return; }
    for (const key of dirty.gone) this.blocks.delete(key);
    for (const key of dirty.changed) this.blocks.delete(key);
  }

  /** Follows one update: re-exports the blocks it touched, reuses the rest. */
  update(state: EditorState, dirtyElements: ReadonlyMap<NodeKey, boolean>, dirtyLeaves: ReadonlySet<NodeKey>, tags: ReadonlySet<string>): SerializedEditorState {
    this.forget(state, dirtyElements, dirtyLeaves, tags);
    return this.json(state);
  }

  /**
   * The state's JSON: the root's own fields fresh (its direction or format may change)
   * around the blocks' JSON, re-exported for blocks forgotten since the last call.
   */
  json(state: EditorState): SerializedEditorState {
    return state.read(() => {
      const root = $getRoot();
      const json = $exportNodeJSON(root) as SerializedNode;
      const seen = new Set<NodeKey>();
      json.children = root.getChildren().map((block) => {
        const key = block.getKey();
        seen.add(key);
        let b = this.blocks.get(key);
        if (!b) { b = $exportTree(block); this.blocks.set(key, b); }
        return b;
      });
      // Blocks that left the root without being named (a move into a list is named; kept tidy anyway).
      if (seen.size !== this.blocks.size) for (const key of this.blocks.keys()) if (!seen.has(key)) this.blocks.delete(key);
      return { root: json } as unknown as SerializedEditorState;
    });
  }
}
