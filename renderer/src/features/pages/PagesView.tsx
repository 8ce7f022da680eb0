import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Edition, Page } from '../../../../shared/document/schema';
import type { FrameRef } from '../../../../shared/layout/threads';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { Composer } from './composer/Composer';
import { PageList } from './PageList';
import { rememberItem, rememberedItem } from '../../polish/last-place';
import { usePageJump } from '../archive/use-desk-jumps';

// The pages workspace: the edition's pages down the side (add, duplicate, delete to the
// trash, reorder by dragging or with 上移/下移), the composer for the chosen one. Page
// numbers are the order: the service renumbers on every read, so the list reloads after
// each change. The loaded thread cursor lives here, so it survives a switch of page.
export function PagesView({ editionRef, edition: initial, onError }: { editionRef: string; edition: Edition; onError(e: unknown): void }) {
  const { t } = useI18n();
  const [edition, setEdition] = useState(initial);
  const [pages, setPages] = useState<Page[]>([]);
  const [pageId, setPageId] = useState<string | null>(null);
  const [threading, setThreading] = useState<FrameRef | null>(null);
  useEffect(() => setEdition(initial), [initial]);

  const load = useCallback(() => call('page:list', { edition: editionRef }).then((list) => {
    setPages(list);
    // First load after a reload: the page the user was on (issue 17).
    const was = rememberedItem('pages', editionRef);
    setPageId((cur) => (cur && list.some((p) => p.id === cur) ? cur : was && list.some((p) => p.id === was) ? was : list[0]?.id ?? null));
  }, onError), [editionRef, onError]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { if (pageId) rememberItem('pages', editionRef, pageId); }, [editionRef, pageId]);

  const reloadAll = async (select?: string) => {
    setEdition(await call('edition:open', { edition: editionRef }));
    await load();
    if (select) setPageId(select);
  };
  const guard = (f: () => Promise<void>) => async () => { try { await f(); } catch (e) { onError(e); } };

  const newPage = (template: 'front' | 'feature' | 'photo') => guard(async () => {
    const page = await call('page:create', { edition: editionRef, template, name: t(`compose.template.${template}`) });
    await reloadAll(page.id);
  })();
  const duplicate = (p: Page) => guard(async () => {
    const copy = await call('page:duplicate', { edition: editionRef, pageId: p.id, name: t('pages.copyName', { name: p.name }) });
    await reloadAll(copy.id);
  })();
  const remove = (p: Page) => guard(async () => {
    if (!window.confirm(t('pages.deleteConfirm', { name: p.name }))) return;
    if (threading?.pageId === p.id) setThreading(null);
    await call('page:delete', { edition: editionRef, pageId: p.id });
    await reloadAll();
  })();
  // Reorders go to main one after another, in the order made: two quick 上移/下移 presses
  // must not reach the service crossed, and only the last one's answer replaces the list
  // (an earlier answer would flip the rows back under the user).
  const reorders = useRef<Promise<void>>(Promise.resolve());
  const reorderSeq = useRef(0);
  const reorder = (order: string[]) => {
    // Shown at once; the service's answer (and the renumbered pages) follow.
    setPages((list) => order.map((id, i) => ({ ...list.find((p) => p.id === id)!, number: i + 1 })));
    const seq = ++reorderSeq.current;
    reorders.current = reorders.current.then(guard(async () => {
      const next = await call('page:reorder', { edition: editionRef, order });
      if (seq !== reorderSeq.current) return;
      setEdition(next);
      await load();
    }));
  };

  const onPageSaved = useCallback((p: Page) => setPages((list) => list.map((x) => (x.id === p.id ? p : x))), []);
  const onOtherPages = useCallback((changed: Page[]) => {
    setPages((list) => list.map((x) => changed.find((c) => c.id === x.id) ?? x));
    call('page:put-many', { edition: editionRef, pages: changed }).then(
      (back) => setPages((list) => list.map((x) => (changed.some((c) => c.id === x.id) ? back.find((b) => b.id === x.id) ?? x : x))),
      onError,
    );
  }, [editionRef, onError]);
  const page = pages.find((p) => p.id === pageId) ?? null;
  // A page result of the archive search (issue 16).
  const pageIds = useMemo(() => pages.map((p) => p.id), [pages]);
  usePageJump(editionRef, pageIds, setPageId);

  return (
    <section className="pages">
      <aside className="sidebar">
        <h2>{t('pages.list')}</h2>
        <PageList pages={pages} current={pageId} onSelect={setPageId} onReorder={(o) => void reorder(o)} onDuplicate={(p) => void duplicate(p)} onDelete={(p) => void remove(p)} />
        <select name="new-page" value="" onChange={(e) => { if (e.target.value) void newPage(e.target.value as 'front'); }}>
          <option value="">{t('compose.newPage')}</option>
          {(['front', 'feature', 'photo'] as const).map((k) => <option key={k} value={k}>{t(`compose.template.${k}`)}</option>)}
        </select>
        <p className="page-hint">{t('pages.moveHint')}</p>
        <p className="page-meta">{t('pages.size', { w: edition.pageSize.widthMm, h: edition.pageSize.heightMm, c: page?.grid.columns ?? 0 })}</p>
      </aside>
      {page && (
        <Composer key={page.id} editionRef={editionRef} edition={edition} page={page} allPages={pages} onEdition={setEdition}
          onPageSaved={onPageSaved} onOtherPages={onOtherPages} threading={threading} onThreading={setThreading} onError={onError} />
      )}
    </section>
  );
}
