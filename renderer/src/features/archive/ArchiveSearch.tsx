import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ArchiveHit } from '../../../../shared/contract/archive-schemas';
import { ApiError, call } from '../../api/client';
import { Modal } from '../../app/dialogs';
import { useI18n } from '../../i18n';
import { ArchiveFilters, filterInput, KINDS, NO_FILTERS, type Filters } from './ArchiveFilters';
import { ArchiveHitRow, actionsOf, type HitAction } from './ArchiveHitRow';
import { useArchiveStatus } from './use-archive-status';
import './archive.css';

// The archive search box (资料库检索, issue 16): one query over every edition's stories,
// pages and photos and the photo library, results grouped by kind, best first within each,
// with the matched words marked and where each photo was placed. Opened with Ctrl+K.
// ↑/↓ move through the results, Enter opens one in its desk (the app does the opening).

export function ArchiveSearch({ onClose, onAct, currentEditionId }: {
  onClose(): void; onAct(hit: ArchiveHit, action: HitAction): void; currentEditionId: string | null;
}) {
  const { t, lang } = useI18n();
  const status = useArchiveStatus();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [result, setResult] = useState<{ hits: ArchiveHit[]; ready: boolean } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // The active result by its item, not its place: the catalogue can answer the same query
  // again while the user walks the list (a search made while it was building runs again once
  // it is ready), and Enter must open what is highlighted, not whatever moved into its row.
  const [activeItem, setActiveItem] = useState<string | null>(null);

  useEffect(() => {
    if (!query.trim()) { setResult(null); return; }
    // A short pause after the last keystroke: one search per word typed, not per character.
    const timer = setTimeout(() => {
      call('archive:search', { query, ...filterInput(filters), limit: 60 })
        .then((r) => { setResult(r); setFailed(null); })
        .catch((e: unknown) => setFailed(e instanceof ApiError ? e.data.message[lang] : String(e)));
    }, 150);
    return () => clearTimeout(timer);
    // status.ready: a search made while the catalogue was building runs again once it is ready.
  }, [query, filters, lang, status?.ready]);
  // A new question starts at the top of its answers.
  useEffect(() => setActiveItem(null), [query, filters]);

  const groups = KINDS.map((k) => ({ k, hits: result?.hits.filter((h) => h.kind === k) ?? [] })).filter((g) => g.hits.length);
  // The keyboard walks the results in the order shown: group by group.
  const flat = groups.flatMap((g) => g.hits);
  const active = Math.max(0, flat.findIndex((h) => h.item === activeItem));
  const onKey = (e: KeyboardEvent) => {
    if (!flat.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActiveItem(flat[Math.min(flat.length - 1, Math.max(0, active + (e.key === 'ArrowDown' ? 1 : -1)))]!.item);
    } else if (e.key === 'Enter' && flat[active]) {
      e.preventDefault();
      // Shift+Enter: the result's own action here (置入当前版面 a photo, 复制到本期 a story).
      const own = actionsOf(flat[active], currentEditionId).find((a) => a !== 'open');
      onAct(flat[active], e.shiftKey && own ? own : 'open');
    }
  };
  const building = status && !status.ready;
  return (
    <Modal label={t('archive.title')} onClose={onClose} className="archive-search">
      <div className="archive-bar" onKeyDown={onKey}>
        <input type="search" autoFocus value={query} maxLength={200} aria-label={t('archive.query')} placeholder={t('archive.placeholder')}
          onChange={(e) => setQuery(e.target.value)} />
        <button type="button" onClick={onClose}>{t('app.dismiss')}</button>
      </div>
      <ArchiveFilters value={filters} onChange={setFilters} status={status} />
      {building && (
        <div className="archive-progress" role="status" aria-label={t('find.rebuild.label')}>
          {status.total > 0 ? t('find.rebuild.progress', { done: status.done, total: status.total }) : t('archive.building')}
          <progress max={Math.max(1, status.total)} value={status.done} />
        </div>
      )}
      {status?.ready && status.rebuilt && <p className="archive-note" role="status">{t('find.rebuild.done', { n: status.editions.length })}</p>}
      <div className="archive-results" role="region" aria-label={t('archive.results')} aria-live="polite" onKeyDown={onKey}>
        {failed && <p className="archive-status">{failed}</p>}
        {result && !result.ready && <p className="archive-status">{t('archive.building')}</p>}
        {result?.ready && result.hits.length === 0 && <p className="archive-status">{t('archive.none')}</p>}
        {groups.map((g) => (
          <section key={g.k} aria-label={t(`archive.kind.${g.k}`)}>
            <h4>{t(`archive.kind.${g.k}`)} <span>{g.hits.length}</span></h4>
            <ul>{g.hits.map((h) => {
              const i = flat.indexOf(h);
              return <ArchiveHitRow key={h.item} hit={h} active={i === active} currentEditionId={currentEditionId}
                onHover={() => setActiveItem(h.item)} onAct={(a) => onAct(h, a)} />;
            })}</ul>
          </section>
        ))}
      </div>
      {flat.length > 0 && <p className="archive-keys">{t('find.keys')}</p>}
    </Modal>
  );
}

/** Ctrl+K (⌘K) opens the search, except inside the story editor, where it makes a link. */
export function useArchiveKey(open: () => void): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'k' || e.defaultPrevented) return;
      if ((e.target as HTMLElement | null)?.isContentEditable) return;
      e.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}
