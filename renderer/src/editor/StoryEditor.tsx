import { useCallback, useEffect, useRef, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $getRoot, type EditorState } from 'lexical';
import type { Story } from '../../../shared/document/schema';
import { stateText, type SerializedEditorState } from '../../../shared/document/lexical-state';
import { useI18n } from '../i18n';
import { storyTheme } from './theme';

// Autosave this long after the last change; issue 4 asks for within 2 s.
const AUTOSAVE_MS = 1200;

type SaveState = { kind: 'saved'; at: string } | { kind: 'dirty' } | { kind: 'saving' };

interface Props {
  story: Story;
  lang: 'zh' | 'en';
  onSave(next: Story): Promise<string>;
  onError(e: unknown): void;
}

export function StoryEditor({ story, lang, onSave, onError }: Props) {
  const { t } = useI18n();
  const [status, setStatus] = useState<SaveState>({ kind: 'saved', at: story.updatedAt });
  const [chars, setChars] = useState(() => stateText(story[lang]).replace(/\s/g, '').length);
  const latest = useRef<EditorState | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const storyRef = useRef(story);
  storyRef.current = story;

  const flush = useCallback(async () => {
    if (timer.current) { clearTimeout(timer.current); timer.current = null; }
    const state = latest.current;
    if (!state) return;
    latest.current = null;
    setStatus({ kind: 'saving' });
    try {
      const json = state.toJSON() as unknown as SerializedEditorState;
      const at = await onSave({ ...storyRef.current, [lang]: json });
      setStatus(latest.current ? { kind: 'dirty' } : { kind: 'saved', at });
    } catch (e) {
      latest.current = latest.current ?? state;
      setStatus({ kind: 'dirty' });
      onError(e);
    }
  }, [lang, onSave, onError]);

  const onChange = useCallback((state: EditorState) => {
    state.read(() => setChars($getRoot().getTextContent().replace(/\s/g, '').length));
    latest.current = state;
    setStatus({ kind: 'dirty' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  }, [flush]);

  // Ctrl/Cmd-S saves at once; leaving the story saves what is pending.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') { e.preventDefault(); void flush(); }
    };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); void flush(); };
  }, [flush]);

  const initial = story[lang];
  const config = {
    namespace: `story-${story.id}-${lang}`,
    theme: storyTheme,
    nodes: [HeadingNode, QuoteNode],
    editorState: initial ? JSON.stringify(initial) : null,
    onError: (e: Error) => onError(e),
  };

  const label = status.kind === 'saving' ? t('stories.saving') : status.kind === 'dirty' ? t('stories.dirty')
    : t('stories.savedAt', { time: new Date(status.at).toLocaleTimeString() });

  return (
    <div className="story-editor" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div className="editor-bar">
        <button onClick={() => void flush()} disabled={status.kind !== 'dirty'}>{t('stories.save')}</button>
        <span className={`save-status ${status.kind}`} data-save-status={status.kind}>{label}</span>
        <span className="char-count">{t('stories.count', { n: chars })}</span>
      </div>
      {!initial && <p className="hint">{t('stories.enEmpty')}</p>}
      <LexicalComposer initialConfig={config}>
        <div className="editor-frame">
          <RichTextPlugin
            contentEditable={<ContentEditable className="editor-content" aria-label={story.title} />}
            placeholder={<div className="editor-placeholder">{t('stories.placeholder')}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <OnChangePlugin onChange={onChange} ignoreSelectionChange />
      </LexicalComposer>
    </div>
  );
}
