import { useCallback, useEffect, useRef, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { FigureEditionContext } from './nodes/figure-edition';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import type { EditorState } from 'lexical';
import type { Story } from '../../../shared/document/schema';
import type { SerializedEditorState } from '../../../shared/document/lexical-state';
import type { Finding } from '../../../shared/proof/types';
import { useI18n } from '../i18n';
import { storyTheme } from './theme';
import './blocks-at-size.css';
import { STORY_NODES } from './nodes';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { CountPlugin } from './plugins/CountPlugin';
import { PairIdPlugin } from './plugins/PairIdPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { FigureSyncPlugin } from './plugins/FigureSyncPlugin';
import { STORY_MARKDOWN } from './plugins/markdown-transformers';
import { ProofPlugin } from './plugins/ProofPlugin';
import { LivePlugin } from './plugins/LivePlugin';
import { useStoryCollab, type StoryCollab } from '../collab/use-story-collab';

// Autosave this long after the last change (issue 4 asks for within 2 s).
export const AUTOSAVE_MS = 1200;
const SAFE_LINK = /^(https?:|mailto:)/i;

type SaveState = { kind: 'saved'; at: string } | { kind: 'dirty' } | { kind: 'saving' };

interface Props {
  /** The edition the story belongs to: turns on proofreading (its ignores live there). */
  edition?: string;
  story: Story;
  lang: 'zh' | 'en';
  onSave(lang: 'zh' | 'en', state: SerializedEditorState): Promise<string>;
  onError(e: unknown): void;
  onIds?: (ids: string[]) => void;
  otherIds?: Set<string> | null;
  /** Opens another story at a finding of the edition's proofreading list. */
  onOpenFinding?: (f: Finding) => void;
  /** A finding of the edition list to select once the copy is proofread. */
  proofJump?: Finding | null;
  /** Every change, once a frame after it is drawn (the page composer reflows the copy for a live copyfit). */
  onLive?: (state: SerializedEditorState) => void;
}

/**
 * A story of a shared edition (issue 12) is edited through the shared document: no seed from
 * the local file (main seeded the document at publish), collaboration undo instead of the
 * history plugin, named cursors, and no autosave (main writes the files). Solo: as before.
 * The key remounts the editor when the mode changes (LexicalComposer reads its config once).
 */
export function StoryEditor(props: Props) {
  const collab = useStoryCollab(props.story.id, props.lang);
  return <StoryEditorIn key={collab ? `${collab.id}:${collab.writable ? 'rw' : 'ro'}` : 'solo'} {...props} collab={collab} />;
}

function StoryEditorIn({ edition, story, lang, onSave, onError, onIds, otherIds, onLive, onOpenFinding, proofJump, collab }: Props & { collab: StoryCollab | null }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<SaveState>({ kind: 'saved', at: story.updatedAt });
  const latest = useRef<EditorState | null>(null);
  // Other desks' named cursors are drawn in the editor's own frame (not on document.body),
  // so they scroll with the copy and belong to this editor.
  const cursors = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const flush = useCallback(async () => {
    if (timer.current) { clearTimeout(timer.current); timer.current = null; }
    const state = latest.current;
    if (!state) return;
    latest.current = null;
    setStatus({ kind: 'saving' });
    try {
      const at = await onSave(lang, state.toJSON() as unknown as SerializedEditorState);
      setStatus(latest.current ? { kind: 'dirty' } : { kind: 'saved', at });
    } catch (e) {
      latest.current = latest.current ?? state;
      setStatus({ kind: 'dirty' });
      onError(e);
    }
  }, [lang, onSave, onError]);

  // OnChangePlugin already skips selection-only updates and the initial load (history-merge).
  const onChange = useCallback((state: EditorState) => {
    if (collab) return;
    latest.current = state;
    // The same state object while already dirty: React then skips re-rendering the editor's
    // whole plugin tree, which it did on every keystroke (issue 15).
    setStatus((s) => (s.kind === 'dirty' ? s : { kind: 'dirty' }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  }, [flush, collab]);

  // Ctrl/Cmd-S saves at once; leaving the story saves what is pending.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') { e.preventDefault(); void flush(); }
    };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); void flush(); };
  }, [flush]);

  // Made once: LexicalComposer reads its config only when it mounts, and the initial state
  // serialized on every render cost a whole story's JSON.stringify per keystroke (issue 15:
  // 27 ms a keystroke at 200k characters).
  const [config] = useState(() => {
    const initial = story[lang];
    return {
      namespace: `story-${story.id}-${lang}`,
      theme: storyTheme,
      nodes: STORY_NODES,
      // A shared document is the state: Lexical requires null here for the CollaborationPlugin.
      editorState: collab ? null : initial ? JSON.stringify(initial) : null,
      editable: collab ? collab.writable : true,
      onError: (e: Error) => onErrorRef.current(e),
    };
  });
  const label = status.kind === 'saving' ? t('stories.saving') : status.kind === 'dirty' ? t('stories.dirty')
    : t('stories.savedAt', { time: new Date(status.at).toLocaleTimeString() });

  const editor = (
      <LexicalComposer initialConfig={config}>
        <ToolbarPlugin />
        <div className="editor-bar">
          {collab ? <span className="story-live" data-save-status="live">{t('collabui.story.live')}</span> : <>
            <button type="button" onClick={() => void flush()} disabled={status.kind !== 'dirty'}>{t('stories.save')}</button>
            <span className={`save-status ${status.kind}`} data-save-status={status.kind}>{label}</span>
          </>}
          <CountPlugin lang={lang} />
        </div>
        <div className="editor-frame">
          <RichTextPlugin
            contentEditable={<ContentEditable className="editor-content" aria-label={`${story.title} (${lang})`} />}
            placeholder={<div className="editor-placeholder">{t('stories.placeholder')}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
          {collab && <div className="collab-cursors" ref={cursors} data-collab-cursors="" />}
        </div>
        {edition !== undefined && <ProofPlugin edition={edition} storyId={story.id} lang={lang} onOpenFinding={onOpenFinding} jumpTo={proofJump} />}
        {collab
          ? <CollaborationPlugin id={collab.id} providerFactory={collab.providerFactory} shouldBootstrap={false} username={collab.username} cursorColor={collab.color} cursorsContainerRef={cursors} />
          : <HistoryPlugin />}
        <ListPlugin />
        <LinkPlugin validateUrl={(u) => SAFE_LINK.test(u)} />
        <MarkdownShortcutPlugin transformers={STORY_MARKDOWN} />
        <PastePlugin />
        <PairIdPlugin onIds={onIds} otherIds={otherIds} />
        <FigureSyncPlugin />
        <OnChangePlugin onChange={onChange} ignoreSelectionChange />
        {onLive && <LivePlugin onLive={onLive} />}
      </LexicalComposer>
  );
  return (
    <div className="story-editor" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-lang={lang} data-editor-story={story.id} data-collab={collab ? 'shared' : 'solo'}
      onFocus={collab?.presence ? () => collab.presence!.where({ storyId: story.id, lang }) : undefined}>
      <FigureEditionContext.Provider value={edition ?? null}>
        {collab ? <LexicalCollaboration>{editor}</LexicalCollaboration> : editor}
      </FigureEditionContext.Provider>
    </div>
  );
}
