import { useEffect, useState } from 'react';
import type { Edition, Page, Story } from '../../../../shared/document/schema';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { PagePreview } from './PagePreview';

// Issue 2's page workspace: the edition's pages and a true-to-proportion preview of each.
// Moving blocks, copyfit and export arrive with the page composer (issue 5).
export function PagesView({ editionRef, edition, onError }: { editionRef: string; edition: Edition; onError(e: unknown): void }) {
  const { t } = useI18n();
  const [pages, setPages] = useState<Page[]>([]);
  const [pageId, setPageId] = useState<string | null>(null);
  const [stories, setStories] = useState<Record<string, Story>>({});

  useEffect(() => {
    call('page:list', { edition: editionRef }).then((list) => {
      setPages(list);
      setPageId((cur) => (cur && list.some((p) => p.id === cur) ? cur : list[0]?.id ?? null));
    }, onError);
  }, [editionRef, onError]);

  const page = pages.find((p) => p.id === pageId) ?? null;
  useEffect(() => {
    if (!page) return;
    const ids = [...new Set(page.blocks.flatMap((b) => (b.storyId ? [b.storyId] : [])))];
    Promise.all(ids.map((id) => call('story:get', { edition: editionRef, storyId: id }))).then(
      (list) => setStories(Object.fromEntries(list.map((s) => [s.id, s]))),
      onError,
    );
  }, [page, editionRef, onError]);

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
      </aside>
      <div className="page-stage">
        {page && (
          <>
            <p className="page-meta">
              {t('pages.size', { w: edition.pageSize.widthMm, h: edition.pageSize.heightMm, c: page.grid.columns })}
            </p>
            <PagePreview editionRef={editionRef} edition={edition} page={page} stories={stories} />
          </>
        )}
      </div>
    </section>
  );
}
