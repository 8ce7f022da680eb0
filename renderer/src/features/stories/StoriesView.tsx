import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StorySummary } from '../../../../shared/contract/contract';
import type { Story } from '../../../../shared/document/schema';
import type { SerializedEditorState } from '../../../../shared/document/lexical-state';
import type { LibraryPhoto } from '../../../../shared/photo/library';
import { storyOfDocId } from '../../../../shared/proof/edition';
import type { Finding } from '../../../../shared/proof/types';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { StoryEditor } from '../../editor/StoryEditor';
import { PhotoLibraryContext, type PhotoLibraryApi } from '../../editor/nodes/photo-library-context';
import { skeletonOf } from './skeleton';
import { ExportCopyMenu, ImportCopyButton } from './CopyTransfer';
import { StoryListItem } from './StoryListItem';
import { StoryActions } from './StoryActions';
import { PromptDialog } from '../../app/dialogs';
import { TrashDialog } from '../editions/TrashDialog';
import { rememberItem, rememberedItem } from '../../polish/last-place';
import { usePairRows } from '../../polish/pair-rows';
import { useStoryJump } from '../archive/use-story-jump';
import { StoryOriginLine } from '../archive/StoryOriginLine';

type View = 'zh' | 'en' | 'pair';

export function StoriesView({ editionRef, onError }: { editionRef: string; onError(e: unknown): void }) {
  const { t } = useI18n();
  const [list, setList] = useState<StorySummary[]>([]);
  const [storyId, setStoryId] = useState<string | null>(null);
  const [story, setStory] = useState<Story | null>(null);
  const [view, setView] = useState<View>('zh');
  const [photos, setPhotos] = useState<Map<string, LibraryPhoto>>(new Map());
  const [zhIds, setZhIds] = useState<Set<string> | null>(null);
  const [enIds, setEnIds] = useState<Set<string> | null>(null);
  // A finding of the edition's proofreading list in another story (or language): the
  // story opens and that version's editor selects it once it has proofread its copy.
  const [proofJump, setProofJump] = useState<Finding | null>(null);
  const [asking, setAsking] = useState<'new' | 'trash' | null>(null);

  const refresh = useCallback(() => call('story:list', { edition: editionRef }).then(setList, onError), [editionRef, onError]);
  useEffect(() => { void refresh(); }, [refresh]);
  // After a reload, the story the user had open (issue 17); from then on, whatever is open.
  const restored = useRef(false);
  // 对照: each pair of blocks as one row across the two versions (issue 17).
  const columns = useRef<HTMLDivElement>(null);
  usePairRows(columns, view === 'pair' && !!story?.en);
  useEffect(() => {
    if (restored.current || list.length === 0) return;
    restored.current = true;
    const was = rememberedItem('stories', editionRef);
    if (was && list.some((s) => s.id === was)) setStoryId((cur) => cur ?? was);
  }, [list, editionRef]);
  useEffect(() => { if (restored.current) rememberItem('stories', editionRef, storyId); }, [editionRef, storyId]);
  useEffect(() => { call('library:list', {}).then((l) => setPhotos(new Map(l.map((p) => [p.id, p]))), onError); }, [onError]);
  useEffect(() => {
    setStory(null);
    if (!storyId) return;
    call('story:get', { edition: editionRef, storyId }).then(setStory, onError);
  }, [storyId, editionRef, onError]);

  const save = useCallback(async (lang: 'zh' | 'en', state: SerializedEditorState) => {
    if (!story) throw new Error('no story');
    const { updatedAt } = await call('story:save-version', { edition: editionRef, storyId: story.id, lang, state });
    // Keep the parent's copy current, so a view switch that remounts an editor shows this save.
    setStory((s) => (s && s.id === story.id ? { ...s, [lang]: state, updatedAt } : s));
    void refresh();
    return updatedAt;
  }, [editionRef, story, refresh]);

  const library: PhotoLibraryApi = useMemo(() => ({
    photos,
    updateCaption: async (id, caption) => {
      const p = photos.get(id);
      if (!p) return;
      try {
        const next = await call('library:caption', { id, meta: { ...p.meta, caption } });
        setPhotos((m) => new Map(m).set(id, next));
      } catch (e) { onError(e); }
    },
    place: (id) => call('edition:place-photo', { edition: editionRef, libraryId: id }).then(() => {}, onError),
  }), [photos, onError, editionRef]);

  const startEnglish = async () => {
    if (!story?.zh) return;
    const state = skeletonOf(story.zh);
    try {
      const { updatedAt } = await call('story:save-version', { edition: editionRef, storyId: story.id, lang: 'en', state });
      setStory({ ...story, en: state, updatedAt });
    } catch (e) { onError(e); }
  };

  const pick = (id: string) => { setProofJump(null); setStoryId(id); };
  // A story result of the archive search (issue 16): open it in the matched language.
  const openFromArchive = useCallback((id: string, lang: 'zh' | 'en') => {
    setProofJump(null);
    setStoryId(id);
    setView((v) => (v === 'pair' ? v : lang));
    void refresh();
  }, [refresh]);
  useStoryJump(editionRef, openFromArchive, story?.id ?? null, columns);
  const createStory = async (title: string) => {
    setAsking(null);
    try {
      const r = await call('story:create', { edition: editionRef, title });
      await refresh();
      pick(r.storyId);
    } catch (e) { onError(e); }
  };
  const titleCount = useMemo(() => {
    const m = new Map<string, number>();
    for (const s of list) m.set(s.title, (m.get(s.title) ?? 0) + 1);
    return m;
  }, [list]);
  const summary = list.find((s) => s.id === story?.id) ?? null;
  // A rename shows in the editor's heading at once, without reloading the open story.
  const shownTitle = summary?.title ?? story?.title ?? '';
  const openFinding = useCallback((f: Finding) => {
    const at = storyOfDocId(f.docId);
    if (!at) return;
    setProofJump({ ...f }); // a new object: the same finding asked for again jumps again
    setStoryId(at.storyId);
    setView((v) => (v === 'pair' || v === at.lang ? v : at.lang));
  }, []);
  const jumpFor = (lang: 'zh' | 'en') => (proofJump && storyOfDocId(proofJump.docId)?.lang === lang ? proofJump : null);

  const onZhIds = useCallback((ids: string[]) => setZhIds(new Set(ids)), []);
  const onEnIds = useCallback((ids: string[]) => setEnIds(new Set(ids)), []);

  return (
    <PhotoLibraryContext.Provider value={library}>
      <section className="stories">
        <aside className="sidebar">
          <h2>{t('stories.list')}</h2>
          <div className="story-tools">
            <button type="button" onClick={() => setAsking('new')}>{t('stories.new')}</button>
            <ImportCopyButton edition={editionRef} onError={onError} onListChanged={() => void refresh()} onImported={(id) => { void refresh(); pick(id); }} />
            <button type="button" onClick={() => setAsking('trash')}>{t('trash.title')}</button>
          </div>
          <ul className="story-list">
            {list.map((s) => (
              <StoryListItem key={s.id} story={s} active={s.id === storyId} sameTitle={(titleCount.get(s.title) ?? 0) > 1} onPick={() => pick(s.id)} />
            ))}
          </ul>
          {asking === 'new' && (
            <PromptDialog label={t('stories.new')} field={t('stories.field.title')} okLabel={t('stories.create')}
              onClose={() => setAsking(null)} onOk={(title) => void createStory(title)} />
          )}
          {asking === 'trash' && (
            <TrashDialog edition={editionRef} onClose={() => setAsking(null)} onError={onError} onRestored={() => void refresh()} />
          )}
        </aside>
        <div className="story-pane">
          {!story ? <p className="empty">{t('stories.pick')}</p> : (
            <>
              <div className="story-head">
                <h2 className="story-heading">{shownTitle}</h2>
                <div className="seg" role="tablist">
                  {(['zh', 'en', 'pair'] as const).map((v) => (
                    <button key={v} role="tab" aria-selected={view === v} className={view === v ? 'active' : ''} onClick={() => setView(v)} name={`view-${v}`}>
                      {t(`stories.view.${v}`)}
                    </button>
                  ))}
                </div>
                {!story.en && story.zh && <button onClick={() => void startEnglish()} name="start-english">{t('stories.startEnglish')}</button>}
                <ExportCopyMenu edition={editionRef} storyId={story.id} lang={view === 'en' ? 'en' : 'zh'} onError={onError} />
              </div>
              {story.origin && <StoryOriginLine origin={story.origin} />}
              {summary && (
                <StoryActions edition={editionRef} story={summary} onError={onError}
                  onChanged={() => void refresh()}
                  onDuplicated={(id) => { void refresh(); pick(id); }}
                  onDeleted={() => { setStoryId(null); void refresh(); }} />
              )}
              <div className={`story-columns view-${view}`} ref={columns}>
                {(view === 'zh' || view === 'pair') && (
                  <StoryEditor key={`${story.id}:zh`} edition={editionRef} story={story} lang="zh" onSave={save} onError={onError}
                    onIds={onZhIds} otherIds={view === 'pair' && story.en ? enIds : null} onOpenFinding={openFinding} proofJump={jumpFor('zh')} />
                )}
                {(view === 'en' || view === 'pair') && (story.en || view === 'en') && (
                  <StoryEditor key={`${story.id}:en:${story.en ? 'has' : 'none'}`} edition={editionRef} story={story} lang="en" onSave={save} onError={onError}
                    onIds={onEnIds} otherIds={view === 'pair' ? zhIds : null} onOpenFinding={openFinding} proofJump={jumpFor('en')} />
                )}
              </div>
            </>
          )}
        </div>
      </section>
    </PhotoLibraryContext.Provider>
  );
}
