import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect } from 'react';
import { $getPairId, registerPairIds } from '../nodes/pair-id';

// Keeps a pair id on every block, reports the version's ids upward, and marks the blocks
// whose id the other version lacks (a paragraph without its translation).
export function PairIdPlugin({ onIds, otherIds }: { onIds?: (ids: string[]) => void; otherIds?: Set<string> | null }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerPairIds(editor), [editor]);
  useEffect(() => {
    const mark = () => editor.getEditorState().read(() => {
      const ids: string[] = [];
      for (const block of $getRoot().getChildren()) {
        const id = $getPairId(block);
        const hasText = block.getTextContent().trim() !== '' || block.getType() === 'figure' || block.getType() === 'credits';
        // Only blocks with copy count as a translation: an empty English twin is still missing.
        if (hasText) ids.push(id);
        const el = editor.getElementByKey(block.getKey());
        if (!el) continue;
        el.dataset['pairId'] = id;
        if (otherIds && hasText && !otherIds.has(id)) el.dataset['unpaired'] = 'true';
        else delete el.dataset['unpaired'];
        // An empty twin of a block the other version has: the slot waiting for its translation.
        if (otherIds && !hasText && otherIds.has(id)) el.dataset['todo'] = 'true';
        else delete el.dataset['todo'];
      }
      onIds?.(ids);
    });
    mark();
    // Marked after typing pauses: it reads every block, which a keystroke need not wait for.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = editor.registerUpdateListener(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(mark, 80);
    });
    return () => { off(); if (timer) clearTimeout(timer); };
  }, [editor, onIds, otherIds]);
  return null;
}
