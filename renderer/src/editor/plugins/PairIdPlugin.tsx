import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef, useState } from 'react';
import { registerPairIds } from '../nodes/pair-id';
import { STORY_NODES } from '../nodes';
import { PairMarks } from '../incremental/pair-marks';

// Keeps a pair id on every block, reports the version's ids upward, and marks the blocks
// whose id the other version lacks (a paragraph without its translation). Block by block
// as the copy changes (incremental/pair-marks.ts), so a keystroke costs the same in a story
// of 50 blocks or 5,000.
export function PairIdPlugin({ onIds, otherIds }: { onIds?: (ids: string[]) => void; otherIds?: Set<string> | null }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerPairIds(editor, STORY_NODES), [editor]);
  const report = useRef(onIds);
  report.current = onIds;
  const [marks] = useState(() => new PairMarks(editor, (ids) => report.current?.(ids)));
  useEffect(() => {
    marks.markAll(editor.getEditorState());
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) marks.update(editorState, dirtyElements, dirtyLeaves, tags);
    });
  }, [editor, marks]);
  useEffect(() => { marks.setOther(otherIds ?? null); }, [marks, otherIds]);
  return null;
}
