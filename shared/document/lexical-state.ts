import { z } from 'zod';
import type { SerializedNode } from './lexical-nodes';

export type { SerializedEditorState, SerializedNode } from './lexical-nodes';
export { FORMAT, heading, lineBreak, nodeText, paragraph, rootState, stateText, textNode } from './lexical-nodes';

// The serialized Lexical editor state as it is stored on disk. Lexical's own importJSON
// checks node types when an editor loads it; here we check only the shape every state
// has, so a hand-edited or truncated file is refused at the boundary instead of crashing
// an editor later. Node-level validation belongs to each node's importJSON (issue 4).
export const SerializedNodeSchema: z.ZodType<SerializedNode> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1).max(64),
      version: z.number().int(),
      children: z.array(SerializedNodeSchema).optional(),
      text: z.string().optional(),
    })
    .passthrough(),
) as z.ZodType<SerializedNode>;

export const EditorStateSchema = z.object({
  root: z
    .object({
      type: z.literal('root'),
      version: z.number().int(),
      children: z.array(SerializedNodeSchema),
    })
    .passthrough(),
});

