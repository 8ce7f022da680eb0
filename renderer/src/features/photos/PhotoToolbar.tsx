import { useEffect, useRef } from 'react';
import type { PhotoFilter, SortKey } from '../../../../shared/photo/filter-sort';
import { COLOR_LABELS, type ColorLabel } from '../../../../shared/photo/library';
import { useI18n } from '../../i18n';

interface Props {
  filter: PhotoFilter;
  onFilter(f: PhotoFilter): void;
  sort: { key: SortKey; dir: 'asc' | 'desc' };
  onSort(s: { key: SortKey; dir: 'asc' | 'desc' }): void;
  total: number;
  /** Photos on the desk while the library is still loading; null once all are. */
  loaded?: number | null;
  shown: number;
  selected: number;
  onImport(files: File[], folder: boolean): void;
  onExport(): void;
  onCodes(): void;
  onVocab(): void;
}

export function PhotoToolbar({ filter, onFilter, sort, onSort, total, loaded = null, shown, selected, onImport, onExport, onCodes, onVocab }: Props) {
  const { t } = useI18n();
  const folderInput = useRef<HTMLInputElement>(null);
  // webkitdirectory is not in React's attribute list; set it on the element itself.
  useEffect(() => { folderInput.current?.setAttribute('webkitdirectory', ''); }, []);
  const pick = (folder: boolean) => (e: React.ChangeEvent<HTMLInputElement>) => {
    onImport([...(e.target.files ?? [])], folder);
    e.target.value = '';
  };
  return (
    <div className="photo-toolbar">
      <label className="button primary">{t('photos.importFiles')}
        <input type="file" name="import-files" multiple accept="image/*,.tif,.tiff,.heic,.heif,.avif,.cr2,.cr3,.nef,.arw,.dng,.xmp" hidden onChange={pick(false)} />
      </label>
      <label className="button">{t('photos.importFolder')}
        <input type="file" name="import-folder" ref={folderInput} hidden onChange={pick(true)} />
      </label>
      <input className="search" type="search" name="filter-text" placeholder={t('photos.search')} value={filter.text}
        onChange={(e) => onFilter({ ...filter, text: e.target.value })} />
      <select name="filter-rating" value={filter.minRating} onChange={(e) => onFilter({ ...filter, minRating: Number(e.target.value) })} aria-label={t('photos.minRating')}>
        {[0, 1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n === 0 ? t('photos.anyRating') : `≥ ${'★'.repeat(n)}`}</option>)}
      </select>
      <select name="filter-label" value={filter.label} onChange={(e) => onFilter({ ...filter, label: e.target.value as ColorLabel | 'any' })} aria-label={t('photos.label')}>
        <option value="any">{t('photos.anyLabel')}</option>
        {COLOR_LABELS.map((l) => <option key={l} value={l}>{t(`label.${l}`)}</option>)}
      </select>
      <select name="filter-captioned" value={filter.captioned} onChange={(e) => onFilter({ ...filter, captioned: e.target.value as PhotoFilter['captioned'] })} aria-label={t('photos.captionedFilter')}>
        <option value="any">{t('photos.captionAny')}</option>
        <option value="yes">{t('photos.captionYes')}</option>
        <option value="no">{t('photos.captionNo')}</option>
      </select>
      <select name="sort" value={`${sort.key}:${sort.dir}`} onChange={(e) => { const [key, dir] = e.target.value.split(':'); onSort({ key: key as SortKey, dir: dir as 'asc' | 'desc' }); }} aria-label={t('photos.sort')}>
        <option value="captureDate:asc">{t('sort.captureDate')} ↑</option>
        <option value="captureDate:desc">{t('sort.captureDate')} ↓</option>
        <option value="fileName:asc">{t('sort.fileName')} ↑</option>
        <option value="rating:desc">{t('sort.rating')} ↓</option>
        <option value="importedAt:desc">{t('sort.importedAt')} ↓</option>
      </select>
      <span className="count">{t('photos.counts', { shown, total, selected })}{loaded !== null && loaded < total ? t('photos.countsLoading', { loaded, total }) : ''}</span>
      <button onClick={onCodes}>{t('codes.title')}</button>
      <button onClick={onVocab}>{t('vocab.open')}</button>
      <button onClick={onExport} disabled={selected === 0}>{t('export.title')}</button>
    </div>
  );
}
