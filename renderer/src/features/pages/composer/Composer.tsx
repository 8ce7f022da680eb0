import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StorySummary } from '../../../../../shared/contract/contract';
import type { SerializedEditorState } from '../../../../../shared/document/lexical-state';
import type { Block, Edition, Page, PageSize, Story } from '../../../../../shared/document/schema';
import { clampBlock } from '../../../../../shared/layout/geometry';
import { call, mediaUrl } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { StoryEditor } from '../../../editor/StoryEditor';
import { Stage } from './Stage';
import { Inspector } from './Inspector';
import { PageSetup } from './PageSetup';
import { ComposerToolbar } from './ComposerToolbar';
import { useFlow } from './use-flow';
import { jumpsOf } from '../layout/flow-page';
import { useHistory } from './use-history';
import { PhotoStrip } from '../strip/PhotoStrip';
import { useLibraryPhotos } from '../strip/use-library';
import { usePhotoPlacement } from '../strip/use-place-photo';
import { PlacementContext } from '../strip/placement-context';
import { DropGhost } from '../strip/DropGhost';
import { useFigureLibrary } from '../strip/figure-library';
import { PhotoLibraryContext } from '../../../editor/nodes/photo-library-context';

// The page composer: one page of the edition on its grid, blocks moved and resized with
// the mouse or the keys, the inspector for the selection, live copyfit on every story
// frame, and the selected frame's story editable beside the page (InCopy's galley).

const SAVE_MS = 400;

interface Props {
  editionRef: string;
  edition: Edition;
  page: Page;
  /** All pages of the edition, in order: threads may start on another page. */
  allPages: Page[];
  onEdition(e: Edition): void;
  onPageSaved(p: Page): void;
  onError(e: unknown): void;
}

export function Composer({ editionRef, edition, page: loaded, allPages, onEdition, onPageSaved, onError }: Props) {
  const { t } = useI18n();
  const hist = useHistory<Page>(loaded);
  const page = hist.present;
  const [selected, setSelected] = useState<string | null>(null);
  const [lang, setLang] = useState<'zh' | 'en'>('zh');
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [shownZoom, setShownZoom] = useState(1);
  const [stories, setStories] = useState<Record<string, Story>>({});
  const [summaries, setSummaries] = useState<StorySummary[]>([]);
  const [saveState, setSaveState] = useState<'saved' | 'dirty' | 'saving'>('saved');
  const [editing, setEditing] = useState(false);
  const sheetRef = useRef<HTMLDivElement>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<Page | null>(null);

  useEffect(() => { hist.reset(loaded); setSelected(null); }, [loaded.id]);
  useEffect(() => { call('story:list', { edition: editionRef }).then(setSummaries, onError); }, [editionRef, onError]);

  const storyIds = useMemo(() => [...new Set(page.blocks.flatMap((b) => (b.storyId ? [b.storyId] : [])))].sort().join(','), [page]);
  useEffect(() => {
    const ids = storyIds ? storyIds.split(',') : [];
    const missing = ids.filter((id) => !stories[id]);
    if (missing.length === 0) return;
    Promise.all(missing.map((id) => call('story:get', { edition: editionRef, storyId: id }))).then(
      (list) => setStories((s) => ({ ...s, ...Object.fromEntries(list.map((x) => [x.id, x])) })),
      onError,
    );
  }, [storyIds, editionRef, onError]);

  const photoUrl = useCallback((id: string) => mediaUrl(editionRef, id, 'preview'), [editionRef]);
  // Pages whose frames share a story with this page: their frames are set first, hidden.
  const shadows = useRef<Map<string, HTMLDivElement>>(new Map());
  const threadPages = useMemo(() => {
    const ids = new Set(storyIds ? storyIds.split(',') : []);
    return allPages
      .map((p) => (p.id === page.id ? page : p))
      .filter((p) => p.id === page.id || p.blocks.some((b) => b.kind === 'story' && b.storyId && ids.has(b.storyId)));
  }, [allPages, page, storyIds]);
  const shadowPages = threadPages.filter((p) => p.id !== page.id);
  const jumps = useMemo(() => jumpsOf(threadPages), [threadPages]);
  const { report } = useFlow(sheetRef, shadows, page, threadPages, edition, stories, lang, shownZoom, photoUrl);

  const flush = useCallback(async () => {
    if (saveTimer.current) { clearTimeout(saveTimer.current); saveTimer.current = null; }
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    setSaveState('saving');
    try {
      await call('page:put', { edition: editionRef, page: p });
      onPageSaved(p);
      setSaveState(pending.current ? 'dirty' : 'saved');
    } catch (e) {
      pending.current = pending.current ?? p;
      setSaveState('dirty');
      onError(e);
    }
  }, [editionRef, onError, onPageSaved]);
  useEffect(() => () => { void flush(); }, [flush]);

  const change = useCallback((p: Page, commit = true) => {
    hist.set(p, commit);
    if (!commit) return;
    pending.current = p;
    setSaveState('dirty');
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void flush(), SAVE_MS);
  }, [hist, flush]);
  const undo = () => { const p = hist.undo(); if (p) { pending.current = p; void flush(); } };
  const redo = () => { const p = hist.redo(); if (p) { pending.current = p; void flush(); } };

  const block = page.blocks.find((b) => b.id === selected) ?? null;
  const setBlock = (b: Block) => change({ ...page, blocks: page.blocks.map((x) => (x.id === b.id ? b : x)) });
  const remove = (id: string) => { change({ ...page, blocks: page.blocks.filter((b) => b.id !== id) }); setSelected(null); };
  const newId = (kind: string) => {
    let n = page.blocks.length + 1;
    while (page.blocks.some((b) => b.id === `${page.id}-${kind}-${n}`)) n++;
    return `${page.id}-${kind}-${n}`;
  };
  const add = (kind: Block['kind']) => {
    const b = clampBlock(page.grid, edition.pageSize, {
      id: newId(kind), kind, col: 0, span: kind === 'story' ? 4 : 2, yMm: 0, hMm: kind === 'rule' ? 2 : kind === 'story' ? 120 : 40, lang: 'zh' as const,
      ...(kind === 'headline' || kind === 'deck' || kind === 'kicker' || kind === 'label' || kind === 'caption' ? { text: t(`block.${kind}` as never) } : {}),
    });
    change({ ...page, blocks: [...page.blocks, b] });
    setSelected(b.id);
  };
  const threadNext = () => {
    if (!block?.storyId) return;
    const frames = page.blocks.filter((b) => b.kind === 'story' && b.storyId === block.storyId);
    const maxThread = Math.max(...frames.map((b, i) => b.thread ?? i));
    const below = clampBlock(page.grid, edition.pageSize, { ...block, id: newId('story'), yMm: block.yMm + block.hMm + 4, hMm: Math.min(block.hMm, 80), thread: maxThread + 1 });
    const withThreads = page.blocks.map((b) => (b.kind === 'story' && b.storyId === block.storyId && b.thread === undefined ? { ...b, thread: frames.indexOf(b) } : b));
    change({ ...page, blocks: [...withThreads, below] });
    setSelected(below.id);
  };
  const setSize = async (s: PageSize) => {
    try {
      await call('edition:page-size', { edition: editionRef, pageSize: s });
      onEdition({ ...edition, pageSize: s });
    } catch (e) { onError(e); }
  };

  const saveStory = useCallback(async (l: 'zh' | 'en', state: SerializedEditorState) => {
    if (!block?.storyId) throw new Error('no story');
    const id = block.storyId;
    const { updatedAt } = await call('story:save-version', { edition: editionRef, storyId: id, lang: l, state });
    return updatedAt;
  }, [block?.storyId, editionRef]);
  const live = useCallback((state: SerializedEditorState) => {
    const id = block?.storyId;
    if (!id) return;
    setStories((s) => (s[id] ? { ...s, [id]: { ...s[id]!, [lang]: state } } : s));
  }, [block?.storyId, lang]);
  const story = block?.storyId ? stories[block.storyId] : undefined;
  // Library photos to the page (issue 10 item 4): the strip, drops on the paper, the inspector's picker.
  const library = useLibraryPhotos(onError);
  const placing = usePhotoPlacement({ editionRef, edition, page, change, onEdition, onSelect: setSelected, onError });
  // A new frame from the strip's button takes the keys, so the arrows move it into place.
  const focusStage = () => sheetRef.current?.closest<HTMLElement>('.compose-stage')?.focus({ preventScroll: true });
  const figureLibrary = useFigureLibrary(library.photos, library.upsert, onError, placing.toEdition);
  const stripPages = useMemo(() => allPages.map((p) => (p.id === page.id ? page : p)), [allPages, page]);
  const placement = useMemo(() => ({ editionRef, library: library.photos, placeInto: placing.placeInto, refresh: placing.refresh }), [editionRef, library.photos, placing.placeInto, placing.refresh]);

  return (
    <div className="composer" data-save-state={saveState}>
      <ComposerToolbar
        editionRef={editionRef} edition={edition} page={page} lang={lang} zoom={zoom} shownZoom={shownZoom} report={report} saveState={saveState}
        stories={summaries} onLang={setLang} onZoom={setZoom} onAdd={add} onUndo={undo} onRedo={redo} onError={onError}
      />
      <PlacementContext.Provider value={placement}>
      <div className="composer-body">
        <PhotoStrip photos={library.photos} edition={edition} pages={stripPages} frame={block?.kind === 'photo' ? block : null} onReload={() => void library.reload()}
          onPlaceInFrame={(f, id) => void placing.placeInto(f, id)} onPlaceNew={(id) => void placing.placeNew(id).then(focusStage)} />
        <Stage
          edition={edition} page={page} lang={lang} zoom={zoom} selected={selected} report={report} sheetRef={sheetRef} photoUrl={photoUrl}
          shadowPages={shadowPages} shadowRefs={shadows} jumps={jumps}
          onZoom={setShownZoom} onSelect={(id) => { setSelected(id); if (!id) setEditing(false); }} onChange={change} onDelete={remove} onUndo={undo} onRedo={redo}
          dropProps={placing.dropProps}
        >
          {placing.ghost && <DropGhost page={page} edition={edition} frame={placing.ghost} />}
        </Stage>
        <aside className="composer-side">
          {block
            ? <Inspector edition={edition} page={page} block={block} stories={summaries} onChange={setBlock} onDelete={() => remove(block.id)} onThreadNext={threadNext} />
            : <PageSetup edition={edition} page={page} onGrid={(grid) => change({ ...page, grid })} onSize={(s) => void setSize(s)} />}
          {block?.kind === 'story' && story && (
            <div className="composer-copy">
              <button type="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing} data-action="edit-copy">{t('compose.editCopy')}</button>
              {editing && (
                <PhotoLibraryContext.Provider value={figureLibrary}>
                  <StoryEditor key={`${story.id}:${lang}`} edition={editionRef} story={story} lang={lang} onSave={saveStory} onError={onError} onLive={live} />
                </PhotoLibraryContext.Provider>
              )}
            </div>
          )}
        </aside>
      </div>
      </PlacementContext.Provider>
    </div>
  );
}
