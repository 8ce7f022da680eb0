import { useEffect, useState } from 'react';
import type { ArchiveHit } from '../../../../shared/contract/archive-schemas';
import { ApiError, call, libraryUrl } from '../../api/client';
import { Modal } from '../../app/dialogs';
import { useI18n } from '../../i18n';
import './archive.css';

// The archive search box (资料库检索, issue 16): one query over every edition's stories,
// pages and photos and the photo library, results grouped by kind, best first within each,
// with the matched words marked and where each photo was placed. Opened with Ctrl+K.

const KINDS = ['photo', 'story', 'page', 'edition'] as const;
type Kind = (typeof KINDS)[number];

function Marked({ text, marks }: ArchiveHit['snippet']) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  marks.forEach(([a, b], i) => {
    parts.push(text.slice(at, a), <mark key={i}>{text.slice(a, b)}</mark>);
    at = b;
  });
  parts.push(text.slice(at));
  return <span className="archive-snippet">{parts}</span>;
}

function Hit({ hit }: { hit: ArchiveHit }) {
  const { t } = useI18n();
  const placed = hit.placements.filter((p) => p.pageNumber !== null).map((p) => t('archive.placedOn', { edition: p.editionTitle, page: p.pageNumber! }));
  return (
    <li className="archive-hit" data-item={hit.item}>
      {hit.item.startsWith('photo:lib:') && <img src={libraryUrl(hit.ref, 'thumb')} alt="" loading="lazy" />}
      <div>
        <strong>{hit.title}</strong>
        <span className="archive-meta">{[hit.editionTitle, hit.date.slice(0, 10), ...placed].filter(Boolean).join(' · ')}</span>
        <Marked {...hit.snippet} />
      </div>
    </li>
  );
}

export function ArchiveSearch({ onClose }: { onClose(): void }) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [placed, setPlaced] = useState<'' | 'yes' | 'no'>('');
  const [ratingMin, setRatingMin] = useState(0);
  const [kind, setKind] = useState<Kind | ''>('');
  const [result, setResult] = useState<{ hits: ArchiveHit[]; ready: boolean } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!query.trim()) { setResult(null); return; }
    // A short pause after the last keystroke: one search per word typed, not per character.
    const timer = setTimeout(() => {
      call('archive:search', { query, kind: kind || undefined, placed: placed ? placed === 'yes' : undefined, ratingMin: ratingMin || undefined, limit: 60 })
        .then((r) => { setResult(r); setFailed(null); })
        .catch((e: unknown) => setFailed(e instanceof ApiError ? e.data.message[lang] : String(e)));
    }, 150);
    return () => clearTimeout(timer);
  }, [query, kind, placed, ratingMin, lang]);

  const groups = KINDS.map((k) => ({ k, hits: result?.hits.filter((h) => h.kind === k) ?? [] })).filter((g) => g.hits.length);
  return (
    <Modal label={t('archive.title')} onClose={onClose} className="archive-search">
      <div className="archive-bar">
        <input type="search" autoFocus value={query} maxLength={200} aria-label={t('archive.query')} placeholder={t('archive.placeholder')}
          onChange={(e) => setQuery(e.target.value)} />
        <select value={kind} aria-label={t('archive.kind')} onChange={(e) => setKind(e.target.value as Kind | '')}>
          <option value="">{t('archive.kind.all')}</option>
          {KINDS.map((k) => <option key={k} value={k}>{t(`archive.kind.${k}`)}</option>)}
        </select>
        {/* Placed and rating are photo facts: choosing one leaves only photos. */}
        <select value={placed} aria-label={t('archive.placed')} onChange={(e) => setPlaced(e.target.value as '' | 'yes' | 'no')}>
          <option value="">{t('archive.placed.any')}</option>
          <option value="yes">{t('archive.placed.yes')}</option>
          <option value="no">{t('archive.placed.no')}</option>
        </select>
        <select value={ratingMin} aria-label={t('archive.rating')} onChange={(e) => setRatingMin(Number(e.target.value))}>
          {[0, 1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n ? '★'.repeat(n) + (n < 5 ? '+' : '') : t('archive.rating.any')}</option>)}
        </select>
        <button type="button" onClick={onClose}>{t('app.dismiss')}</button>
      </div>
      <div className="archive-results" role="region" aria-label={t('archive.results')} aria-live="polite">
        {failed && <p className="archive-status">{failed}</p>}
        {result && !result.ready && <p className="archive-status">{t('archive.building')}</p>}
        {result?.ready && result.hits.length === 0 && <p className="archive-status">{t('archive.none')}</p>}
        {groups.map((g) => (
          <section key={g.k} aria-label={t(`archive.kind.${g.k}`)}>
            <h4>{t(`archive.kind.${g.k}`)} <span>{g.hits.length}</span></h4>
            <ul>{g.hits.map((h) => <Hit key={h.item} hit={h} />)}</ul>
          </section>
        ))}
      </div>
    </Modal>
  );
}

/** Ctrl+K (⌘K) opens the search, except inside the story editor, where it makes a link. */
export function useArchiveKey(open: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'k' || e.defaultPrevented) return;
      if ((e.target as HTMLElement | null)?.isContentEditable) return;
      e.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}
