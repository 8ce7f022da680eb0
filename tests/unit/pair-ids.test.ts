import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $isElementNode, $setSelection, $setState, type LexicalEditor, type TextNode } from 'lexical';
import { HeadingNode, QuoteNode, $createHeadingNode } from '@lexical/rich-text';
import { $getPairId, pairIdState, registerPairIds } from '../../renderer/src/editor/nodes/pair-id';

// Pair ids checked per changed block (issue 15) keep the promise of the whole-story check:
// every top-level block has an id, no two share one, and a block keeps its id through
// typing, splitting and pasting, while the newcomer (a split-off half, a pasted copy) gets
// a fresh one.

function editorWith(ids: (string | null)[]): LexicalEditor {
  const editor = createHeadlessEditor({ namespace: 't', nodes: [HeadingNode, QuoteNode], onError: (e) => { throw e; } });
  editor.update(() => {
    ids.forEach((id, i) => {
      const p = i === 0 ? $createHeadingNode('h1') : $createParagraphNode();
      p.append($createTextNode(`第${i}段文字内容`));
      if (id) $setState(p, pairIdState, id);
      $getRoot().append(p);
    });
  }, { discrete: true });
  registerPairIds(editor, [HeadingNode, QuoteNode]);
  editor.update(() => {}, { discrete: true });
  return editor;
}

const ids = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getChildren().map((b) => $getPairId(b)));
const unique = (list: string[]) => list.every((id) => id !== '') && new Set(list).size === list.length;

describe('registerPairIds', () => {
  it('gives blocks saved without an id or with a repeated one their own, the first holder keeping it', () => {
    const editor = editorWith(['b0', null, 'b2', 'b2', 'b4']);
    const after = ids(editor);
    expect(unique(after)).toBe(true);
    expect(after[0]).toBe('b0');
    expect(after[2]).toBe('b2');
    expect(after[3]).not.toBe('b2');
    expect(after[4]).toBe('b4');
  });

  it('keeps ids through typing, and re-ids the half split off by Enter (middle, start, end), the copy keeping its own', () => {
    const editor = editorWith(['b0', 'b1', 'b2', 'b3']);
    editor.update(() => {
      const t = ($getRoot().getChildAtIndex(1) as unknown as { getFirstChild(): TextNode }).getFirstChild();
      t.setTextContent(`${t.getTextContent()}字`);
    }, { discrete: true });
    expect(ids(editor)).toEqual(['b0', 'b1', 'b2', 'b3']);
    for (const at of ['middle', 'start', 'end'] as const) {
      editor.update(() => {
        // The block holding b2, wherever the last split left it.
        const block = $getRoot().getChildren().find((b) => $getPairId(b) === 'b2')!;
        const t = $isElementNode(block) ? block.getFirstChild() as TextNode : null;
        const off = at === 'start' ? 0 : at === 'end' ? t!.getTextContentSize() : 2;
        const sel = $createRangeSelection();
        sel.anchor.set(t!.getKey(), off, 'text');
        sel.focus.set(t!.getKey(), off, 'text');
        $setSelection(sel);
        sel.insertParagraph();
      }, { discrete: true });
      const now = ids(editor);
      expect(unique(now), `after Enter at the ${at}`).toBe(true);
      expect(now.slice(0, 2)).toEqual(['b0', 'b1']);
      // The copy keeps its id (and so its translation), also when Enter opened a blank line before it.
      const holder = editor.getEditorState().read(() => $getRoot().getChildren().find((b) => $getPairId(b) === 'b2')?.getTextContent() ?? '');
      expect(holder, `after Enter at the ${at}`).not.toBe('');
    }
  });

  it('re-ids a pasted copy of a block, and lets a block take an id whose holder was deleted', () => {
    const editor = editorWith(['b0', 'b1', 'b2']);
    editor.update(() => {
      const copy = $createParagraphNode().append($createTextNode('粘贴的段落'));
      $setState(copy, pairIdState, 'b1');
      $getRoot().append(copy);
    }, { discrete: true });
    const after = ids(editor);
    expect(after.slice(0, 3)).toEqual(['b0', 'b1', 'b2']);
    expect(unique(after)).toBe(true);
    editor.update(() => { $getRoot().getChildAtIndex(2)!.remove(); }, { discrete: true });
    editor.update(() => {
      const back = $createParagraphNode().append($createTextNode('恢复的段落'));
      $setState(back, pairIdState, 'b2');
      $getRoot().append(back);
    }, { discrete: true });
    expect(ids(editor)).toContain('b2');
    expect(unique(ids(editor))).toBe(true);
  });
});
