import type { SerializedEditorState, SerializedNode } from '../document/lexical-state';
import { countCopy, type CopyCount } from './count';

// The text of a stored story as the editor counts it (Lexical's getTextContent): figures
// count nothing (their caption belongs to the photo), a credits block counts its lines
// "策划 / 冯波". The story list and the editor then show the same 字 for the same copy.

function nodeCopy(node: SerializedNode): string {
  if (node.type === 'figure') return '';
  if (node.type === 'credits') {
    const credits = Array.isArray(node['credits']) ? (node['credits'] as unknown[]) : [];
    return credits.map((c) => {
      const r = (c ?? {}) as { role?: unknown; names?: unknown };
      const names = Array.isArray(r.names) ? r.names.filter((n): n is string => typeof n === 'string') : [];
      return `${typeof r.role === 'string' ? r.role : ''} / ${names.join(' ')}`;
    }).join('\n');
  }
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'linebreak') return '\n';
  return (node.children ?? []).map(nodeCopy).join('');
}

/** The story version's text, block by block, as the editor's counter sees it. */
export function editorText(state: SerializedEditorState | null | undefined): string {
  if (!state) return '';
  return state.root.children.map(nodeCopy).join('\n\n');
}

export function countStory(state: SerializedEditorState | null | undefined): CopyCount {
  return countCopy(editorText(state));
}
