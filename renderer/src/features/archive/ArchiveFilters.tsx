import type { ArchiveStatus } from '../../../../shared/contract/find-schemas';
import { COLOR_LABELS } from '../../../../shared/photo/marks';
import { useI18n } from '../../i18n';

// The search box's filters (issue 16): kind, date range, edition, photographer, label,
// language, placed, rating. Placed, rating and label are photo facts: choosing one leaves
// only photos. Dates are issue dates for editions, pages and stories, capture dates for photos.

export const KINDS = ['photo', 'story', 'page', 'edition'] as const;
export type Kind = (typeof KINDS)[number];

export interface Filters {
  kind: Kind | '';
  from: string;
  to: string;
  editionId: string;
  creator: string;
  label: string;
  lang: '' | 'zh' | 'en';
  placed: '' | 'yes' | 'no';
  ratingMin: number;
}

export const NO_FILTERS: Filters = { kind: '', from: '', to: '', editionId: '', creator: '', label: '', lang: '', placed: '', ratingMin: 0 };

export function ArchiveFilters({ value, onChange, status }: { value: Filters; onChange(f: Filters): void; status: ArchiveStatus | null }) {
  const { t } = useI18n();
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => onChange({ ...value, [k]: v });
  const changed = JSON.stringify(value) !== JSON.stringify(NO_FILTERS);
  return (
    <div className="archive-filters">
      <select value={value.kind} aria-label={t('archive.kind')} onChange={(e) => set('kind', e.target.value as Kind | '')}>
        <option value="">{t('archive.kind.all')}</option>
        {KINDS.map((k) => <option key={k} value={k}>{t(`archive.kind.${k}`)}</option>)}
      </select>
      <label className="archive-date">{t('find.filter.from')}
        <input type="date" value={value.from} aria-label={t('find.filter.from')} onChange={(e) => set('from', e.target.value)} /></label>
      <label className="archive-date">{t('find.filter.to')}
        <input type="date" value={value.to} aria-label={t('find.filter.to')} onChange={(e) => set('to', e.target.value)} /></label>
      <select value={value.editionId} aria-label={t('find.filter.edition')} onChange={(e) => set('editionId', e.target.value)}>
        <option value="">{t('find.filter.edition.any')}</option>
        {status?.editions.map((ed) => <option key={ed.id} value={ed.id}>{ed.title}{ed.issueDate ? ` (${ed.issueDate})` : ''}</option>)}
      </select>
      <input type="text" list="archive-creators" value={value.creator} maxLength={100} placeholder={t('find.filter.creator')}
        aria-label={t('find.filter.creator')} onChange={(e) => set('creator', e.target.value)} />
      <datalist id="archive-creators">{status?.creators.map((c) => <option key={c} value={c} />)}</datalist>
      <select value={value.label} aria-label={t('find.filter.label')} onChange={(e) => set('label', e.target.value)}>
        <option value="">{t('find.filter.label.any')}</option>
        {COLOR_LABELS.filter((l) => l !== 'none').map((l) => <option key={l} value={l}>{t(`find.label.${l}`)}</option>)}
      </select>
      <select value={value.lang} aria-label={t('find.filter.lang')} onChange={(e) => set('lang', e.target.value as Filters['lang'])}>
        <option value="">{t('find.filter.lang.any')}</option>
        <option value="zh">{t('find.filter.lang.zh')}</option>
        <option value="en">{t('find.filter.lang.en')}</option>
      </select>
      <select value={value.placed} aria-label={t('archive.placed')} onChange={(e) => set('placed', e.target.value as Filters['placed'])}>
        <option value="">{t('archive.placed.any')}</option>
        <option value="yes">{t('archive.placed.yes')}</option>
        <option value="no">{t('archive.placed.no')}</option>
      </select>
      <select value={value.ratingMin} aria-label={t('archive.rating')} onChange={(e) => set('ratingMin', Number(e.target.value))}>
        {[0, 1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n ? '★'.repeat(n) + (n < 5 ? '+' : '') : t('archive.rating.any')}</option>)}
      </select>
      {changed && <button type="button" onClick={() => onChange(NO_FILTERS)}>{t('find.filter.clear')}</button>}
    </div>
  );
}

/** The filters as the archive:search input. */
export function filterInput(f: Filters) {
  return {
    kind: f.kind || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    editionId: f.editionId || undefined,
    creator: f.creator.trim() || undefined,
    label: f.label || undefined,
    lang: f.lang || undefined,
    placed: f.placed ? f.placed === 'yes' : undefined,
    ratingMin: f.ratingMin || undefined,
  };
}
