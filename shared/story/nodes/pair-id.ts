import { $getState, createState, type LexicalNode } from 'lexical';

// Every top-level block carries a pair id linking the Chinese paragraph to its English
// translation (Lexical NodeState, stored under "$" in the JSON). Shared so main's headless
// editor reads and writes the same state the renderer's editor does.
export const pairIdState = createState('pairId', { parse: (v: unknown) => (typeof v === 'string' ? v : '') });

export function $getPairId(node: LexicalNode): string {
  return $getState(node, pairIdState);
}
