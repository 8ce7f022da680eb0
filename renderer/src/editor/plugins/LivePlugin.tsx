import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import type { SerializedEditorState } from '../../../../shared/document/lexical-state';
import { LiveJson } from '../incremental/live-json';
import { afterNextPaint } from '../after-next-paint';

// The copy as it is typed, for the page composer's live copyfit (issue 15, item 3). Each
// update only forgets the blocks it touched; the JSON is put together (changed blocks
// re-exported, the others reused) once per frame, after the frame that shows the
// keystroke, so neither the export nor the composer's reflow delays the character.

export function LivePlugin({ onLive }: { onLive: (state: SerializedEditorState) => void }) {
  const [editor] = useLexicalComposerContext();
  const onLiveRef = useRef(onLive);
  onLiveRef.current = onLive;
  useEffect(() => {
    const live = new LiveJson();
    live.all(editor.getEditorState());
    let cancel: (() => void) | null = null;
    const off = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      // As OnChangePlugin: no selection-only updates, not the initial load (history-merge).
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      live.forget(editorState, dirtyElements, dirtyLeaves, tags);
      if (tags.has('history-merge') || prevEditorState.isEmpty()) return;
      if (cancel) return; // this frame's delivery already waits: it reads the latest state
      cancel = afterNextPaint(() => {
        cancel = null;
        onLiveRef.current(live.json(editor.getEditorState()));
      });
    });
    // Closing the editor within the frame still hands over the last keystroke.
    return () => {
      off();
      if (cancel) { cancel(); onLiveRef.current(live.json(editor.getEditorState())); }
    };
  }, [editor]);
  return null;
}
