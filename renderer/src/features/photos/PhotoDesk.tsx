import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { PhotoMeta } from '../../../../shared/document/schema';
import type { Settings } from '../../../../shared/settings/schema';
import type { ColorLabel, LibraryPhoto } from '../../../../shared/photo/library';
import type { PhotoMarks } from '../../../../shared/photo/marks';
import { filterPhotos, sortPhotos, NO_FILTER, type PhotoFilter, type SortKey } from '../../../../shared/photo/filter-sort';
import { ApiError, call, libraryUrl } from '../../api/client';
import { useI18n } from '../../i18n';
import { ContactSheet } from './ContactSheet';
import { CaptionPanel } from './CaptionPanel';
import { BatchPanel } from './BatchPanel';
import { ExportDialog } from './ExportDialog';
import { CodesDialog } from './CodesDialog';
import { VocabPanel } from '../vocab/VocabPanel';
import { EMPTY_VOCABULARY, type Vocabulary } from '../../../../shared/vocab/vocabulary';
import { PhotoToolbar } from './PhotoToolbar';
import { IngestBar } from './IngestBar';
import { clickSelect, EMPTY_SELECTION, moveFocus, type Selection } from './selection';
import { backgroundWarnings, imageFiles, startIngest, type IngestProgress } from './ingest-queue';
import { rawSidecars } from './raw-sidecars';
import { rememberItem, rememberedItem } from '../../polish/last-place';
import { jobProgress, newJobId } from '../../polish/jobs';
import { ProvenancePanel } from '../archive/ProvenancePanel';
import { usePhotoJump } from '../archive/use-desk-jumps';
import { onLibraryUpdated } from './library-events';

// The photographer's desk: ingest, contact sheet, caption panel. Ratings and labels take
// Photo Mechanic's keys: 1–5 stars (0 clears), 6–9 colour labels, Space for the loupe.
const LABEL_KEYS: Record<string, ColorLabel> = { '6': 'red', '7': 'yellow', '8': 'green', '9': 'blue' };
/** Photos per library:mark call (each is written into its file). */
const MARK_CHUNK = 50;
/** The whole library, PAGE photos a call (library:page), so the host serves thumbnails between them. */
async function wholeLibrary(): Promise<LibraryPhoto[]> {
  const out: LibraryPhoto[] = [];
  for (let total = Infinity; out.length < total;) {
    const page = await call('library:page', { offset: out.length, limit: PAGE });
    total = page.total;
    out.push(...page.photos);
    if (page.photos.length === 0) break;
  }
  return out;
}
const PAGE = 1000;
/** Photos in the first page: more than a large screen shows of the sheet at its smallest cells. */
const FIRST_PAGE = 300;

export function PhotoDesk({ onError, onOpenPage }: { onError(e: unknown): void; onOpenPage?(edition: string, pageId: string): void }) {
  const { t, lang } = useI18n();
  const sheetRef = useRef<HTMLDivElement | null>(null);
  const deskRef = useRef<HTMLElement | null>(null);
  const markQueue = useRef<Promise<void>>(Promise.resolve());
  const [photos, setPhotos] = useState<Map<string, LibraryPhoto>>(new Map());
  const [settings, setSettings] = useState<Settings | null>(null);
  const [filter, setFilter] = useState<PhotoFilter>(NO_FILTER);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'captureDate', dir: 'asc' });
  const [sel, setSel] = useState<Selection>(EMPTY_SELECTION);
  const [loupe, setLoupe] = useState(false);
  const [dialog, setDialog] = useState<'export' | 'codes' | 'vocab' | null>(null);
  const [vocabulary, setVocabulary] = useState<Vocabulary>(EMPTY_VOCABULARY);
  const [includeParents, setIncludeParents] = useState(true);
  const [progress, setProgress] = useState<IngestProgress | null>(null);
  /** Photos on the sheet whose copy and record are still being committed. */
  const [committing, setCommitting] = useState<ReadonlySet<string>>(new Set());
  const cancelRef = useRef<(() => void) | null>(null);

  // How many photos the library holds while only the first page is here; null once all are.
  const [pending, setPending] = useState<number | null>(null);
  useEffect(() => {
    // On a large library the first screen comes from the first page in the sheet's opening
    // order, while the whole list (9 MB of JSON for 10,000 photos) follows (issue 15).
    let whole = false;
    call('library:first-page', { limit: FIRST_PAGE, sort: 'captureDate', dir: 'asc' }).then((first) => {
      if (whole) return;
      setPhotos(new Map(first.photos.map((p) => [p.id, p])));
      setPending(first.total);
    }, () => { /* the pages below answer anyway */ });
    call('settings:get', {}).then(setSettings, onError);
    wholeLibrary().then((list) => {
      whole = true;
      // A photo ingested meanwhile stays, whether or not the pages were read before it.
      setPhotos((m) => { const n = new Map(list.map((p) => [p.id, p])); for (const [id, p] of m) if (!n.has(id)) n.set(id, p); return n; });
      setPending(null);
    }, onError);
    // The keyword vocabulary (issue 16): a broken keywords.json leaves completion empty, the panel says why.
    call('vocab:get', {}).then((v) => setVocabulary(v.vocabulary), () => {});
  }, [onError]);

  const upsert = useCallback((list: LibraryPhoto[]) => {
    setPhotos((m) => { const n = new Map(m); for (const p of list) n.set(p.id, p); return n; });
  }, []);

  useEffect(() => onLibraryUpdated(upsert), [upsert]);

  const visible = useMemo(() => sortPhotos(filterPhotos([...photos.values()], filter), sort.key, sort.dir), [photos, filter, sort]);
  const order = useMemo(() => visible.map((p) => p.id), [visible]);
  const selected = useMemo(() => visible.filter((p) => sel.ids.has(p.id)), [visible, sel.ids]);
  const focused = sel.focus >= 0 ? visible[sel.focus] : undefined;
  // After a reload, the photo the user was on (issue 17); from then on, whichever has the focus.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || visible.length === 0 || pending !== null) return;
    restored.current = true;
    const i = visible.findIndex((p) => p.id === rememberedItem('photos', ''));
    if (i >= 0) setSel((s) => (s.focus >= 0 ? s : { ids: new Set([visible[i]!.id]), focus: i, anchor: i }));
  }, [visible, pending]);
  useEffect(() => { if (restored.current && focused) rememberItem('photos', '', focused.id); }, [focused]);
  // A photo result of the archive search (issue 16): selected, in view, its caption panel open.
  const selectById = useCallback((id: string) => {
    const i = order.indexOf(id);
    if (i < 0) return false;
    restored.current = true;
    setSel({ ids: new Set([id]), focus: i, anchor: i });
    return true;
  }, [order]);
  const showAll = useCallback(() => setFilter(NO_FILTER), []);
  usePhotoJump(order, selectById, showAll);
  // A caption put back from the history remounts the caption panel with it.
  const [reverts, setReverts] = useState(0);

  const mark = (marks: PhotoMarks) => {
    const ids = selected.length > 0 ? selected.map((p) => p.id) : focused ? [focused.id] : [];
    if (ids.length === 0) return;
    // Shown at once: writing the marks into hundreds of files takes a while (≈0.1 s per 8 MB
    // JPEG here), and the sheet must not wait for it. The records main returns replace these.
    const change = { ...(marks.rating !== undefined ? { rating: marks.rating } : {}), ...(marks.label !== undefined ? { label: marks.label } : {}) };
    setPhotos((m) => {
      const n = new Map(m);
      for (const id of ids) { const p = n.get(id); if (p) n.set(id, { ...p, ...change }); }
      return n;
    });
    // In chunks, one command after another: a caption saved meanwhile is not queued behind
    // thousands of file writes, and two quick presses land in the order they were made.
    markQueue.current = markQueue.current.then(async () => {
      for (let i = 0; i < ids.length; i += MARK_CHUNK) upsert(await call('library:mark', { ids: ids.slice(i, i + MARK_CHUNK), ...marks }));
    }).catch((e: unknown) => {
      onError(e);
      call('library:list', {}).then((list) => setPhotos(new Map(list.map((p) => [p.id, p]))), onError);
    });
  };

  const onKey = (e: KeyboardEvent, columns: number) => {
    const k = e.key;
    const mod = e.ctrlKey || e.metaKey;
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns, ArrowDown: columns, Home: -1e9, End: 1e9 };
    if (k in moves) { e.preventDefault(); setSel((s) => moveFocus(s, order, moves[k]!, e.shiftKey)); return; }
    if (mod && k.toLowerCase() === 'a') { e.preventDefault(); setSel({ ids: new Set(order), focus: Math.max(0, sel.focus), anchor: 0 }); return; }
    if (mod) return;
    if (k === ' ') { e.preventDefault(); setLoupe((v) => !v); return; }
    // Enter goes to the focused photo's caption, Escape there comes back: the keyboard loop.
    if (k === 'Enter' && focused && sel.ids.size <= 1) {
      e.preventDefault();
      deskRef.current?.querySelector<HTMLTextAreaElement>('.caption-panel textarea[name="caption-zh"]')?.focus();
      return;
    }
    if (k === 'Escape') {
      // Photo Mechanic: Escape closes the loupe, then drops a multi-selection to the focused photo.
      if (loupe) setLoupe(false);
      else if (sel.ids.size > 1 && focused) setSel({ ids: new Set([focused.id]), focus: sel.focus, anchor: sel.focus });
      return;
    }
    if (/^[0-5]$/.test(k)) { e.preventDefault(); mark({ rating: Number(k) }); return; }
    if (k in LABEL_KEYS) {
      e.preventDefault();
      const label = LABEL_KEYS[k]!;
      // Pressing a label key on photos that all have it clears it, as in Photo Mechanic.
      mark({ label: selected.length > 0 && selected.every((p) => p.label === label) ? 'none' : label });
    }
  };

  const onCellClick = useCallback((index: number, e: MouseEvent) => {
    setSel((s) => clickSelect(s, order, index, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
  }, [order]);

  const ingestFiles = (files: File[], folder: boolean) => {
    // A raw's NAME.xmp goes with its raw, not in the list of photos (raw-sidecars.ts).
    const sidecars = rawSidecars(files);
    const paired = new Set(sidecars.values());
    const list = imageFiles(files, folder).filter((f) => !paired.has(f));
    if (list.length === 0) return;
    // The top bar, the window title and the taskbar follow the ingest from any desk (issue 17).
    const jobId = newJobId('ingest');
    const added: string[] = [];
    const job = startIngest(list, (p) => {
      setProgress(p);
      jobProgress(jobId, 'ingest', p.done, p.total, p.finishedAt !== null || p.cancelled);
    }, (r, shownId) => {
      if (r.status === 'added') added.push(r.photo.id);
      if (r.status !== 'failed') upsert([r.photo]);
      // A shown photo whose commit failed leaves the sheet; its message is in the ingest bar.
      else if (shownId) setPhotos((m) => { const n = new Map(m); n.delete(shownId); return n; });
      if (shownId) setCommitting((c) => { const n = new Set(c); n.delete(shownId); return n; });
    }, (photo) => {
      // Drawn from its thumbnail while its copy and record are committed (issue 15).
      setCommitting((c) => new Set(c).add(photo.id));
      upsert([photo]);
    }, sidecars);
    cancelRef.current = job.cancel;
    // What the background finds after the batch (the scan check's damage flag) reaches the sheet.
    void job.done.then(() => backgroundWarnings(added)).then((found) => {
      if (found.size === 0) return;
      setPhotos((m) => {
        const n = new Map(m);
        for (const [id, warnings] of found) { const p = n.get(id); if (p) n.set(id, { ...p, warnings }); }
        return n;
      });
    }, onError);
  };

  const saveCaption = useCallback(async (id: string, meta: PhotoMeta, opts?: { keepalive?: boolean }): Promise<string | null> => {
    try {
      upsert([await call('library:caption', { id, meta }, opts)]);
      return null;
    } catch (e) {
      onError(e);
      return e instanceof ApiError ? e.data.message[lang] : String(e);
    }
  }, [upsert, onError, lang]);
  const focusSheet = useCallback(() => sheetRef.current?.focus(), []);
  /** A near-duplicate picked in 相似照片: select it, showing every photo again if the filter hid it. */
  const openPhoto = (id: string) => {
    let i = order.indexOf(id);
    if (i < 0) {
      setFilter(NO_FILTER);
      i = sortPhotos([...photos.values()], sort.key, sort.dir).findIndex((p) => p.id === id);
    }
    if (i >= 0) setSel({ ids: new Set([id]), focus: i, anchor: i });
  };
  const applyBatch = async (items: { id: string; meta: PhotoMeta }[]) => {
    try {
      const r = await call('library:caption-many', { items });
      upsert(r.photos);
      if (r.failed.length > 0) onError(new Error(r.failed.map((f) => `${f.id}: ${f.error.message.en}`).join('; ')));
    } catch (e) { onError(e); }
  };
  const saveSettings = async (patch: Partial<Settings>) => {
    try { setSettings(await call('settings:set', patch)); } catch (e) { onError(e); }
  };

  return (
    <section className="photo-desk" ref={deskRef} data-loaded={pending === null ? 'all' : 'first-page'}>
      <PhotoToolbar
        filter={filter} onFilter={setFilter} sort={sort} onSort={setSort}
        total={pending ?? photos.size} loaded={pending === null ? null : photos.size} shown={visible.length} selected={selected.length}
        onImport={ingestFiles}
        onExport={() => setDialog('export')} onCodes={() => setDialog('codes')} onVocab={() => setDialog('vocab')}
      />
      {progress && <IngestBar progress={progress} onCancel={() => cancelRef.current?.()} onClose={() => setProgress(null)} />}
      <div className="desk-body">
        {photos.size === 0 ? <p className="empty">{t('photos.emptyLibrary')}</p> : (
          <ContactSheet photos={visible} committing={committing} selected={sel.ids} focus={sel.focus} onCellClick={onCellClick} onKey={onKey} sheetRef={sheetRef} />
        )}
        <aside className="side-panel">
          {settings && selected.length > 1 ? (
            <BatchPanel photos={selected} settings={settings} onApply={applyBatch} onMark={mark} onLeave={focusSheet}
              onSaveTemplates={(list) => saveSettings({ captionTemplates: list as Settings['captionTemplates'] })} />
          ) : settings && focused ? (
            <>
              <CaptionPanel key={`${focused.id}:${reverts}`} photo={focused} codes={settings.codeReplacements} onSave={saveCaption} onLeave={focusSheet} onMark={mark}
                vocabulary={vocabulary} includeParents={includeParents} onIncludeParents={setIncludeParents} onOpenPhoto={openPhoto} />
              <ProvenancePanel photo={focused} onError={onError} onOpenPage={onOpenPage}
                onReverted={(p) => { upsert([p]); setReverts((n) => n + 1); }} />
            </>
          ) : <p className="hint pad">{t('photos.pickOne')}</p>}
        </aside>
      </div>
      {loupe && focused && (
        <div className="loupe" role="dialog" aria-label={focused.fileName} onClick={() => setLoupe(false)}>
          <img src={libraryUrl(focused.id, 'preview')} alt={focused.meta.caption.zh} />
          <p>{focused.meta.caption.zh} {focused.meta.caption.en}</p>
        </div>
      )}
      {dialog === 'export' && settings && (
        <ExportDialog ids={(selected.length > 0 ? selected : focused ? [focused] : []).map((p) => p.id)} settings={settings}
          onClose={() => setDialog(null)} onError={onError} />
      )}
      {dialog === 'vocab' && <VocabPanel onClose={() => setDialog(null)} onChanged={setVocabulary} />}
      {dialog === 'codes' && settings && (
        <CodesDialog codes={settings.codeReplacements} onSave={(c) => saveSettings({ codeReplacements: c })} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}
