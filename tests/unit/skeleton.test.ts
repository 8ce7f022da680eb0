import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot } from 'lexical';
import { STORY_NODES } from '../../renderer/src/editor/nodes';
import { skeletonOf } from '../../renderer/src/features/stories/skeleton';
import { buildSample } from '../../electron/services/sample';
import { RESOURCES } from './helpers';
import { pairIdOf } from '../../shared/story/node-types';

// "Start English from the Chinese structure": every block comes over, empty, with its pair id.
describe('English skeleton', () => {
  it('keeps every block and pair id of the Chinese version, with no text', async () => {
    const { bundle } = await buildSample(RESOURCES);
    const zh = bundle.stories.find((s) => s.id === 'story-2025')!.zh!;
    const en = skeletonOf(zh);
    expect(en.root.children.map(pairIdOf)).toEqual(zh.root.children.map(pairIdOf));
    const editor = createHeadlessEditor({ nodes: STORY_NODES, onError: (e) => { throw e; } });
    editor.setEditorState(editor.parseEditorState(en));
    const blocks = editor.getEditorState().read(() => $getRoot().getChildren().map((n) => [n.getType(), n.getTextContent()]));
    expect(blocks).toHaveLength(zh.root.children.length);
    expect(blocks.every(([, text]) => text === '')).toBe(true);
  });
});
