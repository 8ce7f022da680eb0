import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StorySummary } from '../../../../../shared/contract/contract';
import type { SerializedEditorState } from '../../../../../shared/document/lexical-state';
import type { Block, Edition, Page, PageSize, Story } from '../../../../../shared/document/schema';
import { clampBlock } from '../../../../../shared/layout/geometry';
import { ApiError, call, mediaUrl } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { StoryEditor } from '../../../editor/StoryEditor';
import { Stage } from './Stage';
import { Inspector } from './Inspector';
import { PageSetup } from './PageSetup';
import { ComposerToolbar } from './ComposerToolbar';
import { useFlow } from './use-flow';
import { jumpsOf } from '../layout/flow-page';
import { useHistory } from './use-history';
import type { FrameRef } from '../../../../../shared/layout/threads';
import { useThreads } from './use-threads';
import { ThreadingBar } from './ThreadPort';
import { SidePanel } from './side/SidePanel';
import { StoryPanel } from './side/StoryPanel';
import { PhotoStrip } from '../strip/PhotoStrip';
import { useLibraryPhotos } from '../strip/use-library';
import { usePhotoPlacement } from '../strip/use-place-photo';
import { usePlaceFromArchive } from '../../archive/use-desk-jumps';
import { PlacementContext } from '../strip/placement-context';
import { DropGhost } from '../strip/DropGhost';
import { useFigureLibrary } from '../strip/figure-library';
import { PhotoLibraryContext } from '../../../editor/nodes/photo-library-context';
import { useSharedPage } from '../../../collab/use-shared-page';
import { useCollab } from '../../../collab/collab-context';
import { usePeers } from '../../../collab/presence-hub';
import { SignOffBar } from '../../../collab/SignOffBar';
import { PresenceFrames } from '../../../collab/PresenceFrames';
import { HouseStyleFields } from '../../../polish/HouseStyleFields';
import type { ShownSize } from '../../../../../shared/layout/photo-size';
import { focusWhenThere } from '../../../polish/focus-when-there';

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
  /** Other pages a thread edit changed: saved together by the pages view. */
  onOtherPages(pages: Page[]): void;
  /** The loaded thread cursor (InDesign): lives above the composer, so it survives a page switch. */
  threading: FrameRef | null;
  onThreading(r: FrameRef | null): void;
  onError(e: unknown): void;
}

export function Composer({ editionRef, edition, page: loaded, allPages, onEdition, onPageSaved, onOtherPages, threading, onThreading, onError }: Props) {
  const { t } = useI18n();
  const hist = useHistory<Page>(loaded);
  // The page's number follows the edition's order (a reorder renumbers it; running heads follow).
  const number = Math.max(1, allPages.findIndex((p) => p.id === loaded.id) + 1);
  const page = useMemo(() => (hist.present.number === number ? hist.present : { ...hist.present, number }), [hist.present, number]);
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
  const inflight = useRef(0);

  useEffect(() => { hist.reset(loaded); setSelected(null); }, [loaded.id]);
  // A shared edition (issue 12): the page lives in its Yjs document; edits go in as the
  // fields that changed since the page this desk last had (docBase), changes from other
  // desks come back as whole pages.
  const docBase = useRef<Page>(loaded);
  const shared = useSharedPage(loaded.id, (p) => { docBase.current = p; hist.replace(p); onPageSaved(p); });
  const { presence } = useCollab();
  const peers = usePeers(shared ? presence : null);
  const isShared = shared !== null;
  useEffect(() => {
    if (!isShared || !presence) return;
    presence.where({ pageId: loaded.id, blockId: selected });
    // Leaving the page (another page, another tab): no longer "on page N".
    return () => presence.where(null);
  }, [isShared, presence, loaded.id, selected]);
  useEffect(() => { call('story:list', { edition: editionRef }).then(setSummaries, onError); }, [editionRef, onError]);

  const storyIds = useMemo(() => [...new Set(page.blocks.flatMap((b) => (b.storyId ? [b.storyId] : [])))].sort().join(','), [page]);
  useEffect(() => {
    const ids = storyIds ? storyIds.split(',') : [];
    const missing = ids.filter((id) => !stories[id]);
    if (missing.length === 0) return;
    // A story in the trash leaves its frames empty until it is restored, without an error.
    const get = (id: string) => call('story:get', { edition: editionRef, storyId: id })
      .catch((e: unknown) => { if (e instanceof ApiError && e.data.code === 'NOT_FOUND') return null; throw e; });
    Promise.all(missing.map(get)).then(
      (list) => setStories((s) => ({ ...s, ...Object.fromEntries(list.flatMap((x) => (x ? [[x.id, x]] : []))) })),
      onError,
    );
  }, [storyIds, editionRef, onError]);

  const photoUrl = useCallback((id: string) => mediaUrl(editionRef, id, 'preview'), [editionRef]);
  const photoSized = useCallback((id: string, size: ShownSize) => mediaUrl(editionRef, id, size), [editionRef]);
  // Pages whose frames share a story with this page: their frames are set first, hidden.
  const shadows = useRef<Map<string, HTMLDivElement>>(new Map());
  const threadPages = useMemo(() => {
    const ids = new Set(storyIds ? storyIds.split(',') : []);
    return allPages
      .map((p) => (p.id === page.id ? page : p))
      .filter((p) => p.id === page.id || p.blocks.some((b) => (b.kind === 'story' || b.fromStory) && b.storyId && ids.has(b.storyId)));
  }, [allPages, page, storyIds]);
  const shadowPages = threadPages.filter((p) => p.id !== page.id);
  const jumps = useMemo(() => jumpsOf(threadPages), [threadPages]);
  const { report } = useFlow(sheetRef, shadows, page, threadPages, edition, stories, lang, photoUrl);

  const flush = useCallback(async () => {
    if (saveTimer.current) { clearTimeout(saveTimer.current); saveTimer.current = null; }
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    inflight.current += 1;
    setSaveState('saving');
    try {
      await call('page:put', { edition: editionRef, page: p });
      inflight.current -= 1;
      // "Saved" only when no later save is still on its way (two quick undos are two puts).
      if (pending.current) setSaveState('dirty');
      else if (inflight.current === 0) { onPageSaved(p); setSaveState('saved'); }
    } catch (e) {
      inflight.current -= 1;
      pending.current = pending.current ?? p;
      setSaveState('dirty');
      onError(e);
    }
  }, [editionRef, onError, onPageSaved]);
  useEffect(() => () => { void flush(); }, [flush]);

  const toDoc = useCallback((p: Page) => {
    if (!shared) return false;
    docBase.current = shared.binding.commit(docBase.current, p);
    onPageSaved(p);
    return true;
  }, [shared, onPageSaved]);
  const change = useCallback((p: Page, commit = true) => {
    if (shared?.locked) return;
    hist.set(p, commit);
    if (!commit) return;
    if (toDoc(p)) return;
    // The pages view knows the latest page at once (thread edits across pages read it).
    onPageSaved(p);
    pending.current = p;
    setSaveState('dirty');
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void flush(), SAVE_MS);
  }, [hist, flush, onPageSaved, shared?.locked, toDoc]);
  const undo = () => { if (shared?.locked) return; const p = hist.undo(); if (p && !toDoc(p)) { pending.current = p; void flush(); } };
  const redo = () => { if (shared?.locked) return; const p = hist.redo(); if (p && !toDoc(p)) { pending.current = p; void flush(); } };

  const block = page.blocks.find((b) => b.id === selected) ?? null;
  const setBlock = (b: Block) => change({ ...page, blocks: page.blocks.map((x) => (x.id === b.id ? b : x)) });
  const remove = (id: string) => { change({ ...page, blocks: page.blocks.filter((b) => b.id !== id) }); setSelected(null); };
  const newId = (kind: string) => {
    let n = page.blocks.length + 1;
    while (page.blocks.some((b) => b.id === `${page.id}-${kind}-${n}`)) n++;
    // On a shared page two desks adding a block at once would both pick the same free number
    // and one block would overwrite the other in the page's Y.Map: shared ids carry a random tail.
    return shared ? `${page.id}-${kind}-${n}-${crypto.randomUUID().slice(0, 8)}` : `${page.id}-${kind}-${n}`;
  };
  const add = (kind: Block['kind']) => {
    const b = clampBlock(page.grid, edition.pageSize, {
      id: newId(kind), kind, col: 0, span: kind === 'story' ? 4 : 2, yMm: 0, hMm: kind === 'rule' ? 2 : kind === 'story' ? 120 : 40, lang: 'zh' as const,
      ...(kind === 'headline' || kind === 'deck' || kind === 'kicker' || kind === 'label' || kind === 'caption' ? { text: t(`block.${kind}` as never) } : {}),
    });
    change({ ...page, blocks: [...page.blocks, b] });
    setSelected(b.id);
  };
  const threads = useThreads({
    editionRef, edition, page, allPages, stories, setStories, change, onOtherPages, threading, onThreading, newId, select: setSelected, onError,
  });
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
  usePlaceFromArchive(editionRef, placing.placeNew);
  // A new frame from the strip's button takes the keys, so the arrows move it into place.
  const focusStage = () => sheetRef.current?.closest<HTMLElement>('.compose-stage')?.focus({ preventScroll: true });
  // Enter on a selected block (issue 17): a story frame opens its copy beside the page, any
  // other block its first field in the inspector; Escape there comes back (composer-side).
  const editBlock = (b: Block) => {
    if (b.kind === 'story' && b.storyId) setEditing(true);
    focusWhenThere(() => document.querySelector<HTMLElement>(b.kind === 'story' && b.storyId
      ? '.composer-copy [contenteditable="true"]'
      : '.composer-side .inspector textarea, .composer-side .inspector input, .composer-side .inspector select'));
  };
  const figureLibrary = useFigureLibrary(library.photos, library.upsert, onError, placing.toEdition);
  const stripPages = useMemo(() => allPages.map((p) => (p.id === page.id ? page : p)), [allPages, page]);
  const placement = useMemo(() => ({ editionRef, library: library.photos, placeInto: placing.placeInto, refresh: placing.refresh }), [editionRef, library.photos, placing.placeInto, placing.refresh]);

  return (
    <div className={`composer${shared?.signed && shared.role !== 'chief' ? ' signed-locked' : ''}`} data-save-state={saveState} data-shared={shared ? (shared.synced ? 'synced' : 'syncing') : undefined}>
      <ComposerToolbar
        editionRef={editionRef} edition={edition} page={page} lang={lang} zoom={zoom} shownZoom={shownZoom} report={report} saveState={saveState}
        stories={summaries} onLang={setLang} onZoom={setZoom} onAdd={add} onUndo={undo} onRedo={redo} onError={onError}
      />
      {shared && <SignOffBar editionRef={editionRef} pageId={page.id} shared={shared} onError={onError} />}
      {threading && <ThreadingBar onCancel={() => onThreading(null)} />}
      <PlacementContext.Provider value={placement}>
      <div className="composer-body with-side">
        <SidePanel
          stories={<StoryPanel stories={summaries} pages={threads.pages} canPlace={block?.kind === 'story'} onPlace={(id) => { if (block?.kind === 'story') void threads.placeIn(block.id, id); }} />}
          photos={<PhotoStrip photos={library.photos} edition={edition} pages={stripPages} frame={block?.kind === 'photo' ? block : null} onReload={() => void library.reload()} peers={peers}
            onPlaceInFrame={(f, id) => void placing.placeInto(f, id)} onPlaceNew={(id) => void placing.placeNew(id).then(focusStage)} />}
        />
        <Stage
          edition={edition} page={page} lang={lang} zoom={zoom} selected={selected} report={report} sheetRef={sheetRef} photoUrl={photoUrl} photoSized={photoSized}
          shadowPages={shadowPages} shadowRefs={shadows} jumps={jumps} stories={stories}
          threadUi={threads.threadUi} onThreadTarget={threads.onTarget} onDropStory={(id, at) => void threads.dropStory(id, at)}
          onZoom={setShownZoom} onSelect={(id) => { setSelected(id); if (!id) setEditing(false); }} onChange={change} onDelete={remove} onUndo={undo} onRedo={redo}
          dropProps={placing.dropProps} onEdit={editBlock}
        >
          {placing.ghost && <DropGhost page={page} edition={edition} frame={placing.ghost} />}
          {peers.length > 0 && <PresenceFrames page={page} edition={edition} peers={peers} />}
        </Stage>
        <aside className="composer-side" onKeyDownCapture={(e) => { if (e.key === 'Escape' && !e.defaultPrevented) focusStage(); }}>
          {block
            ? <Inspector edition={edition} page={page} block={block} stories={summaries} onChange={setBlock} onDelete={() => remove(block.id)}
                onThreadNext={() => threads.threadIntoNew(block)} onStory={(id) => void threads.placeIn(block.id, id)}
                place={threads.placeOf(block)} onPlace={(n) => threads.moveTo(block, n)}
                linkTargets={block.kind === 'story' ? threads.linkTargets(block) : []} onLinkTo={(to) => threads.linkTo(block, to)} />
            : <>
                <PageSetup edition={edition} page={page} onGrid={(grid) => change({ ...page, grid })} onSize={(s) => void setSize(s)} />
                <HouseStyleFields editionRef={editionRef} edition={edition} onEdition={onEdition} onError={onError} />
              </>}
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
