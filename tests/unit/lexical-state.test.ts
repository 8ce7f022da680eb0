import { beforeAll, describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { STORY_NODES } from '../../renderer/src/editor/nodes';
import { $getRoot } from 'lexical';
import { buildSample } from '../../electron/services/sample';
import type { Story } from '../../shared/document/schema';
import { EditorStateSchema, stateText, type SerializedEditorState, type SerializedNode } from '../../shared/document/lexical-state';
import { RESOURCES, squash } from './helpers';

// The states the seed importer writes must load in a real Lexical editor with the nodes
// the story editor registers, and come back out unchanged in text and marks.

let stories: Story[];
beforeAll(async () => {
  stories = (await buildSample(RESOURCES)).bundle.stories;
});

function newEditor() {
  const errors: Error[] = [];
  const editor = createHeadlessEditor({
    namespace: 'unit',
    // The editor's own node classes: what loads here loads in the story editor.
    nodes: STORY_NODES,
    onError: (e) => { errors.push(e); },
  });
  return { editor, errors };
}

/** text, format and heading tags of a state, in document order. */
function marks(node: SerializedNode): string[] {
  const own = node.type === 'text' ? [`${node.text}|${node.format}`] : node.type === 'heading' ? [`<${node.tag}>`] : [];
  return [...own, ...(node.children ?? []).flatMap(marks)];
}

describe('serialized story states in a headless Lexical editor', () => {
  it('load and round-trip through toJSON() with text and marks intact', () => {
    expect(stories).toHaveLength(2);
    for (const s of stories) {
      const state = s.zh!;
      const { editor, errors } = newEditor();
      editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
      expect(errors).toEqual([]);
      const out = editor.getEditorState().toJSON() as unknown as SerializedEditorState;
      expect(EditorStateSchema.safeParse(out).success).toBe(true);
      expect(stateText(out), s.id).toBe(stateText(state));
      expect(out.root.children.map((n) => n.type)).toEqual(state.root.children.map((n) => n.type));
      expect(marks(out.root)).toEqual(marks(state.root));

      // The editor's own view of the text agrees.
      const plain = editor.getEditorState().read(() => $getRoot().getTextContent());
      expect(squash(plain)).toBe(squash(stateText(state)));
      expect(editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(state.root.children.length);
      // A second round trip is a fixed point.
      const { editor: again } = newEditor();
      again.setEditorState(again.parseEditorState(out as never));
      expect(again.getEditorState().toJSON()).toEqual(out);
    }
  });

  it('accepts the parsed object form as well as the JSON string', () => {
    const { editor, errors } = newEditor();
    editor.setEditorState(editor.parseEditorState(stories[0]!.zh as never));
    expect(errors).toEqual([]);
    expect(stateText(editor.getEditorState().toJSON() as unknown as SerializedEditorState)).toBe(stateText(stories[0]!.zh));
  });
});
