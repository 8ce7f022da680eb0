import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useEffect, useState } from 'react';
import { countCopy, type CopyCount } from '../../../../shared/story/count';
import { BlockCounts } from '../incremental/block-counts';
import { useI18n } from '../../i18n';
import { afterNextPaint } from '../after-next-paint';

// Live counts as a newsroom counts: 字 (Han), punctuation apart, Latin words; for the whole
// version and for the selection.
const SELECTION_DELAY_MS = 60;

export function CountPlugin({ lang }: { lang: 'zh' | 'en' }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [all, setAll] = useState<CopyCount | null>(null);
  const [sel, setSel] = useState<CopyCount | null>(null);
  useEffect(() => {
    // The whole version, kept per block: a keystroke recounts its own block only (issue 15),
    // so the count follows the typing at once at any story length.
    const counts = new BlockCounts();
    setAll(counts.recount(editor.getEditorState()));
    // The selection's count waits for the selection to settle (a drag selects many times).
    let timer: ReturnType<typeof setTimeout> | null = null;
    // The new total is shown once a frame, after the frame that draws the keystroke: its
    // re-render (React's commit, 1–2 ms a key at 200k) then no longer delays the character.
    let showing: (() => void) | null = null;
    const off = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
      if ((dirtyElements.size > 0 || dirtyLeaves.size > 0) && counts.update(editorState, dirtyElements, dirtyLeaves, tags) && !showing) {
        showing = afterNextPaint(() => { showing = null; setAll(counts.total); });
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => editorState.read(() => {
        const s = $getSelection();
        const text = $isRangeSelection(s) && !s.isCollapsed() ? s.getTextContent() : '';
        setSel(text ? countCopy(text) : null);
      }), SELECTION_DELAY_MS);
    });
    return () => { off(); if (timer) clearTimeout(timer); showing?.(); };
  }, [editor]);
  if (!all) return null;
  const fmt = (c: CopyCount) => (lang === 'zh' ? t('count.zh', { han: c.han, punct: c.punct, words: c.words }) : t('count.en', { words: c.words }));
  return (
    <span className="char-count" data-count-han={all.han} data-count-punct={all.punct} data-count-words={all.words}>
      {fmt(all)}{sel && <span className="sel-count"> · {t('count.selection')} {fmt(sel)}</span>}
    </span>
  );
}
