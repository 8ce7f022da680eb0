import { useCallback, useEffect, useState } from 'react';
import type { Edition, Page } from '../../../../shared/document/schema';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { Composer } from './composer/Composer';

// The pages workspace: the edition's pages down the side, the composer for the chosen one.
export function PagesView({ editionRef, edition: initial, onError }: { editionRef: string; edition: Edition; onError(e: unknown): void }) {
  const { t } = useI18n();
  const [edition, setEdition] = useState(initial);
  const [pages, setPages] = useState<Page[]>([]);
  const [pageId, setPageId] = useState<string | null>(null);
  useEffect(() => setEdition(initial), [initial]);

  const load = useCallback(() => call('page:list', { edition: editionRef }).then((list) => {
    setPages(list);
    setPageId((cur) => (cur && list.some((p) => p.id === cur) ? cur : list[0]?.id ?? null));
  }, onError), [editionRef, onError]);
  useEffect(() => { void load(); }, [load]);

  const newPage = async (template: 'front' | 'feature' | 'photo') => {
    try {
      const page = await call('page:create', { edition: editionRef, template, name: t(`compose.template.${template}`) });
      setEdition(await call('edition:open', { edition: editionRef }));
      setPages((list) => [...list, page]);
      setPageId(page.id);
    } catch (e) { onError(e); }
  };
  const onPageSaved = useCallback((p: Page) => setPages((list) => list.map((x) => (x.id === p.id ? p : x))), []);
  const page = pages.find((p) => p.id === pageId) ?? null;

  return (
    <section className="pages">
      <aside className="sidebar">
        <h2>{t('pages.list')}</h2>
        <ol className="page-list">
          {pages.map((p) => (
            <li key={p.id}>
              <button className={p.id === pageId ? 'active' : ''} onClick={() => setPageId(p.id)} data-page-id={p.id}>
                <span className="page-no">{t('pages.number', { n: p.number })}</span>
                <span className="page-name">{p.name}</span>
              </button>
            </li>
          ))}
        </ol>
        <select name="new-page" value="" onChange={(e) => { if (e.target.value) void newPage(e.target.value as 'front'); }}>
          <option value="">{t('compose.newPage')}</option>
          {(['front', 'feature', 'photo'] as const).map((k) => <option key={k} value={k}>{t(`compose.template.${k}`)}</option>)}
        </select>
        <p className="page-meta">{t('pages.size', { w: edition.pageSize.widthMm, h: edition.pageSize.heightMm, c: page?.grid.columns ?? 0 })}</p>
      </aside>
      {page && <Composer key={page.id} editionRef={editionRef} edition={edition} page={page} allPages={pages} onEdition={setEdition} onPageSaved={onPageSaved} onError={onError} />}
    </section>
  );
}
