import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { STORY_NODES } from '../../renderer/src/editor/nodes';
import { readDocx } from '../../electron/services/copy/docx-read';
import type { SerializedEditorState } from '../../shared/document/lexical-state';
import { importMarkdown } from '../../shared/story/markdown-import';
import { exportText } from '../../shared/story/text-export';
import { SEED_2025, SEED_2026, counter, everyNodeState, readSeed, runs, typeTree } from './copy-support';
import { handMadeDocx } from './copy-docx-fixture';

// What the importers write must load in the story editor's own node classes and come
// back out of it with the same node types, text and marks (and the same pair ids).

function throughEditor(state: SerializedEditorState): SerializedEditorState {
  const errors: Error[] = [];
  const editor = createHeadlessEditor({ namespace: 'copy', nodes: STORY_NODES, onError: (e) => { errors.push(e); } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
  expect(errors).toEqual([]);
  return editor.getEditorState().toJSON() as unknown as SerializedEditorState;
}

const pairIds = (s: SerializedEditorState) => s.root.children.map((n) => (n['$'] as { pairId?: string } | undefined)?.pairId);

describe('imported states in a headless editor with the story nodes', () => {
  const cases: [string, () => SerializedEditorState][] = [
    [SEED_2026, () => importMarkdown(readSeed(SEED_2026), counter()).state],
    [SEED_2025, () => importMarkdown(readSeed(SEED_2025), counter()).state],
    ['hand-made docx', () => readDocx(handMadeDocx(), counter()).state],
    ['every node type', () => everyNodeState()],
  ];
  it.each(cases)('%s loads and comes back unchanged in types, text, marks and pair ids', (_, make) => {
    const state = make();
    const out = throughEditor(state);
    expect(typeTree(out.root.children)).toEqual(typeTree(state.root.children));
    expect(exportText(out)).toBe(exportText(state));
    expect(runs(out)).toEqual(runs(state));
    expect(pairIds(out)).toEqual(pairIds(state));
  });
});
