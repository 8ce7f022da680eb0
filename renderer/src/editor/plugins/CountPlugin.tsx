import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import { useEffect, useState } from 'react';
import { countCopy, type CopyCount } from '../../../../shared/story/count';
import { useI18n } from '../../i18n';

// Live counts as a newsroom counts: 字 (Han), punctuation apart, Latin words; for the whole
// version and for the selection.
const COUNT_DELAY_MS = 60;

export function CountPlugin({ lang }: { lang: 'zh' | 'en' }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [all, setAll] = useState<CopyCount | null>(null);
  const [sel, setSel] = useState<CopyCount | null>(null);
  // Counted a moment after typing stops, not on every keystroke: a 50,000-character story
  // takes milliseconds to count, which belongs after the character is on screen.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = editor.registerUpdateListener(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => editor.getEditorState().read(() => {
        setAll(countCopy($getRoot().getTextContent()));
        const s = $getSelection();
        const text = $isRangeSelection(s) && !s.isCollapsed() ? s.getTextContent() : '';
        setSel(text ? countCopy(text) : null);
      }), COUNT_DELAY_MS);
    });
    return () => { off(); if (timer) clearTimeout(timer); };
  }, [editor]);
  useEffect(() => { editor.getEditorState().read(() => setAll(countCopy($getRoot().getTextContent()))); }, [editor]);
  if (!all) return null;
  const fmt = (c: CopyCount) => (lang === 'zh' ? t('count.zh', { han: c.han, punct: c.punct, words: c.words }) : t('count.en', { words: c.words }));
  return (
    <span className="char-count" data-count-han={all.han} data-count-punct={all.punct} data-count-words={all.words}>
      {fmt(all)}{sel && <span className="sel-count"> · {t('count.selection')} {fmt(sel)}</span>}
    </span>
  );
}
