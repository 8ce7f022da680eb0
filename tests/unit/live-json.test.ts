import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode, $createHeadingNode } from '@lexical/rich-text';
import { blockText, parseSeedMarkdown } from '../../shared/document/seed-markdown';
import { LiveJson } from '../../renderer/src/editor/incremental/live-json';
import type { SerializedEditorState } from '../../shared/document/lexical-state';

// The composer's live copy (issue 15, item 3) is kept per block: after every kind of edit
// it must equal the whole state's toJSON(), which the page's copyfit and autosave read.

const seed = parseSeedMarkdown(readFileSync(join(__dirname, '../../resources/sample/seeds/2026-qinyuan-lianghui.md'), 'utf8')).map(blockText).filter(Boolean);

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function setup(): { editor: LexicalEditor; live: { json: SerializedEditorState | null } } {
  const editor = createHeadlessEditor({ namespace: 't', nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode], onError: (e) => { throw e; } });
  editor.update(() => {
    const root = $getRoot();
    root.append($createHeadingNode('h1').append($createTextNode('两会特刊 Special')));
    for (const t of seed) root.append($createParagraphNode().append($createTextNode(t)));
    root.append($createListNode('bullet').append($createListItemNode().append($createTextNode('列表一 item')), $createListItemNode().append($createTextNode('二'))));
  }, { discrete: true });
  const lj = new LiveJson();
  const live = { json: lj.all(editor.getEditorState()) as SerializedEditorState | null };
  editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => { live.json = lj.update(editorState, dirtyElements, dirtyLeaves, tags); });
  return { editor, live };
}

const whole = (editor: LexicalEditor) => JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as unknown;
const plain = (j: unknown) => JSON.parse(JSON.stringify(j)) as unknown;

describe('LiveJson', () => {
  it('equals toJSON() of the seed story', () => {
    const { editor, live } = setup();
    expect(plain(live.json)).toEqual(whole(editor));
  });

  it('follows 200 random edits, format changes, list edits and undos exactly', () => {
    const { editor, live } = setup();
    const rand = rng(11);
    const states = [editor.getEditorState()];
    for (let i = 0; i < 200; i++) {
      const op = Math.floor(rand() * 8);
      if (op === 7) {
        editor.setEditorState(states[Math.floor(rand() * states.length)]!, { tag: 'historic' });
      } else {
        editor.update(() => {
          const blocks = $getRoot().getChildren();
          const b = blocks[Math.floor(rand() * blocks.length)]!;
          const texts = $isElementNode(b) ? b.getAllTextNodes() : [];
          const text = texts[Math.floor(rand() * texts.length)];
          if (op === 0 && text && $isTextNode(text)) text.setTextContent(`${text.getTextContent()}字`); // typing
          else if (op === 1 && $isElementNode(b)) b.insertAfter($createParagraphNode().append($createTextNode('新段落 new'))); // Enter
          else if (op === 2 && blocks.length > 3) b.remove();
          else if (op === 3 && $isElementNode(b)) { // merge with the next
            const next = b.getNextSibling();
            if ($isElementNode(next) && next.getType() === 'paragraph') { b.append(...next.getChildren()); next.remove(); }
          } else if (op === 4 && text && $isTextNode(text)) text.toggleFormat('bold'); // lead-in
          else if (op === 5) $getRoot().append($createListNode('number').append($createListItemNode().append($createTextNode('条目'))));
          else if (op === 6 && $isElementNode(b)) b.setFormat('center');
        }, { discrete: true });
      }
      states.push(editor.getEditorState());
      expect(plain(live.json), `after edit ${i} (op ${op})`).toEqual(whole(editor));
    }
  });
});
