import type { SerializedEditorState, SerializedNode } from '../../../../shared/document/lexical-state';

// Starts the English version from the Chinese one's structure: the same blocks with the
// same pair ids, empty, so each English paragraph is born paired. Figures and credits keep
// their data (captions are already bilingual).
export function skeletonOf(state: SerializedEditorState): SerializedEditorState {
  const empty = (n: SerializedNode): SerializedNode => {
    if (n.type === 'figure' || n.type === 'credits') return n;
    if (n.type === 'list') return { ...n, children: (n.children ?? []).map(empty) };
    return Array.isArray(n.children) ? { ...n, children: [] } : n;
  };
  return { root: { ...state.root, children: state.root.children.map(empty) } };
}
