import { useMemo, useState } from 'react';
import type { Block, Edition } from '../../../../../shared/document/schema';
import { mediaUrl } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { Row } from '../composer/fields';
import { PickLibrary } from './LibraryBrowser';
import { ThumbGrid, type ThumbItem } from './ThumbGrid';
import { usePlacement } from './placement-context';

// The photo frame's photo in the inspector: the edition's own photos and the whole library,
// as a list (keyboard, screen readers) and as thumbnails. A library photo is added to the
// edition on the way in (edition:place-photo), so every choice ends as an edition photo id.

interface Props {
  edition: Edition;
  block: Block;
  /** An edition photo id, or undefined for none. */
  onPick(photoId: string | undefined): void;
}

const LIB = 'lib:';
const LIST_MAX = 300;

export function FramePhotoPicker({ edition, block, onPick }: Props) {
  const { t } = useI18n();
  const placement = usePlacement();
  const [open, setOpen] = useState(false);
  const [source, setSource] = useState<'edition' | 'library'>('edition');
  const [edSel, setEdSel] = useState<string | null>(null);
  const inEdition = useMemo(() => new Set(edition.photos.flatMap((p) => (p.libraryId ? [p.libraryId] : []))), [edition.photos]);
  // The list holds the newest imports only: with ten thousand photos a <select> is no way to
  // find one (and the inspector re-renders while a frame is dragged); the thumbnails search all.
  const libraryOptions = useMemo(() => {
    const rest = (placement?.library ?? []).filter((p) => !inEdition.has(p.id));
    const newest = [...rest].sort((a, b) => b.importedAt.localeCompare(a.importedAt)).slice(0, LIST_MAX);
    return { more: rest.length - newest.length, options: newest.map((p) => <option key={p.id} value={`${LIB}${p.id}`}>{p.meta.caption.zh || p.meta.caption.en || p.fileName}</option>) };
  }, [placement?.library, inEdition]);
  const editionOptions = useMemo(() => edition.photos.map((ph) => <option key={ph.id} value={ph.id}>{ph.meta.caption.zh || ph.asset.file}</option>), [edition.photos]);
  // A link gone stale: the photographer changed the caption on the desk after this copy was made.
  const placed = edition.photos.find((p) => p.id === block.photoId);
  const source0 = placed?.libraryId ? placement?.library.find((p) => p.id === placed.libraryId) : undefined;
  const stale = !!(placed && source0 && JSON.stringify(source0.meta) !== JSON.stringify(placed.meta));
  const editionItems: ThumbItem[] = useMemo(() => (placement ? edition.photos.map((p) => ({
    id: p.id, src: mediaUrl(placement.editionRef, p.id, 'thumb'), title: p.meta.caption.zh || p.meta.caption.en, name: p.asset.file.slice('assets/'.length),
  })) : []), [edition.photos, placement]);
  const current = editionItems.find((p) => p.id === block.photoId);

  const choose = (value: string) => {
    if (value.startsWith(LIB)) void placement?.placeInto(block.id, value.slice(LIB.length));
    else onPick(value || undefined);
  };

  return (
    <div className="frame-photo">
      <Row label={t('compose.photo')}>
        <select name="photoId" value={block.photoId ?? ''} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('compose.noPhoto')}</option>
          <optgroup label={t('strip.editionPhotos')}>{editionOptions}</optgroup>
          {libraryOptions.options.length > 0 && (
            <optgroup label={t('strip.libraryPhotos')}>
              {libraryOptions.options}
              {libraryOptions.more > 0 && <option disabled value="">{t('strip.listMore', { n: libraryOptions.more })}</option>}
            </optgroup>
          )}
        </select>
      </Row>
      <div className="frame-photo-current">
        {current ? <img src={current.src} alt={current.title || current.name} /> : <span className="frame-photo-none">{t('compose.noPhoto')}</span>}
        <button type="button" name="choose-photo" aria-expanded={open} onClick={() => setOpen((v) => !v)}>{t('strip.choosePhoto')}</button>
      </div>
      {stale && placed?.libraryId && (
        <p className="frame-photo-stale" role="status">
          {t('strip.stale')}
          <button type="button" name="update-photo" onClick={() => void placement?.refresh(placed.libraryId!)}>{t('strip.update')}</button>
        </p>
      )}
      {open && placement && (
        <div className="frame-photo-picker">
          <div className="seg" role="group" aria-label={t('strip.source')}>
            <button type="button" aria-pressed={source === 'edition'} onClick={() => setSource('edition')}>{t('strip.editionPhotos')}</button>
            <button type="button" aria-pressed={source === 'library'} onClick={() => setSource('library')}>{t('strip.libraryPhotos')}</button>
          </div>
          {source === 'edition'
            ? <ThumbGrid items={editionItems} selected={edSel ?? block.photoId ?? null} label={t('strip.editionPhotos')} onSelect={setEdSel} onActivate={(id) => onPick(id)} activateOnClick className="picker-grid" />
            : <PickLibrary photos={placement.library} label={t('strip.libraryPhotos')} onPick={(id) => void placement.placeInto(block.id, id)} />}
        </div>
      )}
    </div>
  );
}
