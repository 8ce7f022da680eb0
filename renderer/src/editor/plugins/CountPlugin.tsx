import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import { useEffect, useState } from 'react';
import { countCopy, type CopyCount } from '../../../../shared/story/count';
import { useI18n } from '../../i18n';

// Live counts as a newsroom counts: 字 (Han), punctuation apart, Latin words; for the whole
// version and for the selection.
export function CountPlugin({ lang }: { lang: 'zh' | 'en' }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [all, setAll] = useState<CopyCount | null>(null);
  const [sel, setSel] = useState<CopyCount | null>(null);
  useEffect(() => editor.registerUpdateListener(({ editorState }) => {
    editorState.read(() => {
      setAll(countCopy($getRoot().getTextContent()));
      const s = $getSelection();
      const text = $isRangeSelection(s) && !s.isCollapsed() ? s.getTextContent() : '';
      setSel(text ? countCopy(text) : null);
    });
  }), [editor]);
  useEffect(() => { editor.getEditorState().read(() => setAll(countCopy($getRoot().getTextContent()))); }, [editor]);
  if (!all) return null;
  const fmt = (c: CopyCount) => (lang === 'zh' ? t('count.zh', { han: c.han, punct: c.punct, words: c.words }) : t('count.en', { words: c.words }));
  return (
    <span className="char-count" data-count-han={all.han} data-count-punct={all.punct} data-count-words={all.words}>
      {fmt(all)}{sel && <span className="sel-count"> · {t('count.selection')} {fmt(sel)}</span>}
    </span>
  );
}
