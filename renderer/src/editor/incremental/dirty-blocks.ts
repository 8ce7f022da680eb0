import { $getNodeByKey, $isRootNode, type EditorState, type NodeKey } from 'lexical';

// Which top-level blocks an update touched (issue 15): the listeners that keep per-block
// results (counts, pair marks) redo those blocks only, instead of walking a story of
// thousands of blocks after every keystroke. Lexical marks every ancestor of a changed
// node dirty, so a keystroke deep in a list still names its top-level list here.

export interface DirtyBlocks {
  /** Redo everything: a whole state was set (undo/redo, a collaborator's change, a reload). */
  full: boolean;
  /** Top-level blocks, attached, that changed or are new. */
  changed: NodeKey[];
  /** Keys that are no longer top-level blocks (removed, or moved inside another block). */
  gone: NodeKey[];
}

/** Tags of updates that replace the state wholesale: their dirty sets do not name the blocks. */
const WHOLE_STATE_TAGS = ['historic', 'collaboration'];

export function dirtyBlocks(state: EditorState, dirtyElements: ReadonlyMap<NodeKey, boolean>, dirtyLeaves: ReadonlySet<NodeKey>, tags: ReadonlySet<string>): DirtyBlocks {
  // setEditorState marks only the root dirty and reconciles the whole tree.
  const rootOnly = dirtyLeaves.size === 0 && dirtyElements.size === 1 && dirtyElements.has('root');
  if (rootOnly || WHOLE_STATE_TAGS.some((t) => tags.has(t))) return { full: true, changed: [], gone: [] };
  const changed: NodeKey[] = [];
  const gone: NodeKey[] = [];
  state.read(() => {
    const visit = (key: NodeKey) => {
      if (key === 'root') return;
      const node = $getNodeByKey(key);
      if (!node) { gone.push(key); return; }
      const parent = node.getParent();
      if (parent && $isRootNode(parent)) changed.push(key);
      else gone.push(key); // detached, or nested: a consumer drops it if it held it as a block
    };
    for (const key of dirtyElements.keys()) visit(key);
    // A top-level decorator (figure, credits) is a leaf: its changes are in dirtyLeaves.
    for (const key of dirtyLeaves) visit(key);
  });
  return { full: false, changed, gone };
}
