import { useMemo, useState, type DragEvent } from 'react';
import { filterPhotos, NO_FILTER, sortPhotos, type PhotoFilter, type SortKey } from '../../../../../shared/photo/filter-sort';
import { COLOR_LABELS, isCaptioned, type ColorLabel, type LibraryPhoto } from '../../../../../shared/photo/library';
import { libraryUrl } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { ThumbGrid, type ThumbItem } from './ThumbGrid';
import { setLibraryPhotoDrag } from './drag-data';

// The library as a searchable grid of thumbnails: the contact sheet's own filter and sort
// (shared/photo/filter-sort.ts), so a photo found on the desk is found here the same way.
// Used by the composer's photo strip and by the story editor's 插图 picker.

export type SortChoice = { key: SortKey; dir: 'asc' | 'desc' };
/** The contact sheet's default order and choices (PhotoToolbar.tsx). */
export const DEFAULT_SORT: SortChoice = { key: 'captureDate', dir: 'asc' };
const SORTS: SortChoice[] = [
  { key: 'captureDate', dir: 'asc' }, { key: 'captureDate', dir: 'desc' }, { key: 'fileName', dir: 'asc' },
  { key: 'rating', dir: 'desc' }, { key: 'importedAt', dir: 'desc' },
];

export function toThumb(p: LibraryPhoto): ThumbItem {
  return { id: p.id, src: libraryUrl(p.id, 'thumb'), title: p.meta.caption.zh || p.meta.caption.en || p.meta.headline, name: p.fileName, rating: p.rating, label: p.label };
}

interface Props {
  photos: LibraryPhoto[];
  selected: string | null;
  /** The grid's accessible name. */
  label: string;
  onSelect(id: string): void;
  onActivate?(id: string): void;
  /** A click chooses at once (pickers); otherwise it selects and Enter chooses. */
  activateOnClick?: boolean;
  /** Marks per library id (PhotoStrip: the pages a photo is on). */
  badges?: ReadonlyMap<string, string>;
  /** Thumbnails can be dragged onto the page. */
  draggable?: boolean;
  autoFocusSearch?: boolean;
}

export function LibraryBrowser({ photos, selected, label, onSelect, onActivate, activateOnClick, badges, draggable, autoFocusSearch }: Props) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<PhotoFilter>(NO_FILTER);
  const [sort, setSort] = useState<SortChoice>(DEFAULT_SORT);
  const items = useMemo(() => sortPhotos(filterPhotos(photos, filter), sort.key, sort.dir).map((p) => {
    const badge = badges?.get(p.id);
    return badge ? { ...toThumb(p), badge } : toThumb(p);
  }), [photos, filter, sort, badges]);
  const byId = useMemo(() => new Map(photos.map((p) => [p.id, p])), [photos]);
  const onDragStart = (e: DragEvent, item: ThumbItem) => {
    const p = byId.get(item.id);
    setLibraryPhotoDrag(e, item.id, item.title || item.name, { width: p?.tech.width || 4, height: p?.tech.height || 3, captioned: !!p && isCaptioned(p) });
  };

  return (
    <div className="library-browser">
      <div className="lb-filters">
        <input type="search" name="strip-search" className="lb-search" value={filter.text} autoFocus={autoFocusSearch}
          placeholder={t('photos.search')} aria-label={t('strip.search')}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
        <select name="strip-rating" value={filter.minRating} aria-label={t('photos.minRating')}
          onChange={(e) => setFilter({ ...filter, minRating: Number(e.target.value) })}>
          {[0, 1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n === 0 ? t('photos.anyRating') : `≥ ${'★'.repeat(n)}`}</option>)}
        </select>
        <select name="strip-label" value={filter.label} aria-label={t('photos.label')}
          onChange={(e) => setFilter({ ...filter, label: e.target.value as ColorLabel | 'any' })}>
          <option value="any">{t('photos.anyLabel')}</option>
          {COLOR_LABELS.map((l) => <option key={l} value={l}>{t(`label.${l}`)}</option>)}
        </select>
        <select name="strip-sort" value={`${sort.key}:${sort.dir}`} aria-label={t('photos.sort')}
          onChange={(e) => { const [key, dir] = e.target.value.split(':'); setSort({ key: key as SortKey, dir: dir as 'asc' | 'desc' }); }}>
          {SORTS.map((s) => <option key={`${s.key}:${s.dir}`} value={`${s.key}:${s.dir}`}>{t(`sort.${s.key}`)} {s.dir === 'asc' ? '↑' : '↓'}</option>)}
        </select>
      </div>
      <p className="lb-count" aria-live="polite">{t('strip.count', { shown: items.length, total: photos.length })}</p>
      {photos.length === 0
        ? <p className="lb-empty">{t('strip.empty')}</p>
        : <ThumbGrid items={items} selected={selected} label={label} onSelect={onSelect} activateOnClick={!!activateOnClick} {...(onActivate ? { onActivate } : {})} {...(draggable ? { onDragStart } : {})} />}
    </div>
  );
}

/** The library as a picker: arrows move, a click or Enter chooses. */
export function PickLibrary({ photos, label, onPick, autoFocusSearch }: { photos: LibraryPhoto[]; label: string; onPick(id: string): void; autoFocusSearch?: boolean }) {
  const [sel, setSel] = useState<string | null>(null);
  return <LibraryBrowser photos={photos} selected={sel} label={label} onSelect={setSel} onActivate={onPick} activateOnClick autoFocusSearch={!!autoFocusSearch} />;
}
