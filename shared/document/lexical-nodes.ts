// The serialized Lexical state's types and plain builders, without the zod schemas of
// lexical-state.ts: code that only builds or reads states (importers, text export, the
// proof CLI) loads no validator at start-up (issue 15: zod's schemas cost the CLI ~90 ms).
export interface SerializedNode {
  type: string;
  version: number;
  children?: SerializedNode[];
  text?: string;
  format?: number | string;
  tag?: string;
  [key: string]: unknown;
}

export type SerializedEditorState = { root: SerializedNode & { type: 'root'; children: SerializedNode[] } };

// Lexical text format bits (lexical/LexicalConstants): kept here so shared code can
// build and read states without importing the DOM-bound lexical package.
export const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64 } as const;

export function textNode(text: string, format = 0): SerializedNode {
  return { type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 };
}
export function lineBreak(): SerializedNode {
  return { type: 'linebreak', version: 1 };
}
export function paragraph(children: SerializedNode[]): SerializedNode {
  return { type: 'paragraph', version: 1, children, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '' };
}
export function heading(tag: 'h1' | 'h2' | 'h3' | 'h4', children: SerializedNode[]): SerializedNode {
  return { type: 'heading', version: 1, tag, children, direction: 'ltr', format: '', indent: 0 };
}
export function rootState(children: SerializedNode[]): SerializedEditorState {
  return { root: { type: 'root', version: 1, children, direction: 'ltr', format: '', indent: 0 } };
}

/** Plain text of one block-level node: text runs joined, line breaks as "\n". */
export function nodeText(node: SerializedNode): string {
  // Any text-like node (text, lead-in, …) carries its text directly.
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'linebreak') return '\n';
  return (node.children ?? []).map(nodeText).join('');
}

/** Text of a whole state, one line per top-level block. */
export function stateText(state: SerializedEditorState | null | undefined): string {
  if (!state) return '';
  return state.root.children.map(nodeText).join('\n');
}
