import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode, $createHeadingNode } from '@lexical/rich-text';
import { countCopy } from '../../shared/story/count';
import { blockText, parseSeedMarkdown } from '../../shared/document/seed-markdown';
import { BlockCounts } from '../../renderer/src/editor/incremental/block-counts';

// The editor's counts kept per block (issue 15) equal a count of the whole text after every
// kind of edit: typing, Enter, merging, deleting, lists, undo to an earlier state.

const seed = parseSeedMarkdown(readFileSync(join(__dirname, '../../resources/sample/seeds/2026-qinyuan-lianghui.md'), 'utf8')).map(blockText).filter(Boolean);
const EXTRA = ['PM2.5 与 COVID-19 的 Qinyuan’s 3.5% “引号”……', 'Mixed — words, 12,345 and 第一'];

/** A tiny deterministic generator, so a failure repeats. */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function setup(): { editor: LexicalEditor; counts: BlockCounts } {
  const editor = createHeadlessEditor({ namespace: 't', nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode], onError: (e) => { throw e; } });
  editor.update(() => {
    const root = $getRoot();
    root.append($createHeadingNode('h1').append($createTextNode('两会特刊 Special')));
    for (const t of [...seed, ...EXTRA]) root.append($createParagraphNode().append($createTextNode(t)));
    root.append($createListNode('bullet').append($createListItemNode().append($createTextNode('列表一 item')), $createListItemNode().append($createTextNode('二'))));
  }, { discrete: true });
  const counts = new BlockCounts();
  counts.recount(editor.getEditorState());
  editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => counts.update(editorState, dirtyElements, dirtyLeaves, tags));
  return { editor, counts };
}

const whole = (editor: LexicalEditor) => editor.getEditorState().read(() => countCopy($getRoot().getTextContent()));

describe('BlockCounts', () => {
  it('per-block sums equal the whole-text count of the seed story', () => {
    const { editor, counts } = setup();
    expect(counts.total).toEqual(whole(editor));
    expect(counts.total.han).toBeGreaterThan(1000);
  });

  it('follows 300 random edits and undos exactly', () => {
    const { editor, counts } = setup();
    const rand = rng(7);
    const states = [editor.getEditorState()];
    for (let i = 0; i < 300; i++) {
      const op = Math.floor(rand() * 7);
      if (op === 6) {
        // Undo as the history plugin does it: a whole earlier state, tagged historic.
        editor.setEditorState(states[Math.floor(rand() * states.length)]!, { tag: 'historic' });
      } else {
        editor.update(() => {
          const blocks = $getRoot().getChildren();
          const b = blocks[Math.floor(rand() * blocks.length)]!;
          const text = $isElementNode(b) ? b.getAllTextNodes()[0] : undefined;
          if (op === 0 && text && $isTextNode(text)) text.setTextContent(`${text.getTextContent()}字,word.`); // typing
          else if (op === 1 && $isElementNode(b)) b.insertAfter($createParagraphNode().append($createTextNode('新段落 new 3.14'))); // Enter
          else if (op === 2 && blocks.length > 3) b.remove(); // delete a block
          else if (op === 3 && $isElementNode(b) && $isElementNode(b.getNextSibling())) { // merge with the next
            const next = b.getNextSibling()!;
            if ($isElementNode(next) && next.getType() === 'paragraph') { b.append(...next.getChildren()); next.remove(); }
          } else if (op === 4 && text && $isTextNode(text)) text.setTextContent(text.getTextContent().slice(0, Math.floor(text.getTextContentSize() / 2))); // cut
          else if (op === 5) $getRoot().append($createListNode('number').append($createListItemNode().append($createTextNode('条目 PM2.5'))));
        }, { discrete: true });
      }
      states.push(editor.getEditorState());
      expect(counts.total, `after edit ${i} (op ${op})`).toEqual(whole(editor));
    }
  });
});
