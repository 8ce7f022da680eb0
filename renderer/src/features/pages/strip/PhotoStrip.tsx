import { useMemo, useState } from 'react';
import type { Block, Edition, Page } from '../../../../../shared/document/schema';
import type { LibraryPhoto } from '../../../../../shared/photo/library';
import { useI18n } from '../../../i18n';
import { LibraryBrowser } from './LibraryBrowser';
import { placedPages } from './placed';
import { photosInUse, type Peer } from '../../../collab/presence';

// The photo strip beside the page: the workspace library as thumbnails, searched and
// filtered as on the contact sheet. A photo is dragged onto a photo frame (or onto empty
// page for a new frame); without a mouse, select it and press "放入所选图框", or Enter.

interface Props {
  photos: LibraryPhoto[];
  edition: Edition;
  /** Every page of the edition as the composer has it now (for the "on page N" marks). */
  pages: Page[];
  /** The composer's selected block when it is a photo frame. */
  frame: Block | null;
  onPlaceInFrame(frameId: string, libraryId: string): void;
  onPlaceNew(libraryId: string): void;
  onReload(): void;
  /** Other desks on a shared edition (issue 12): photos on a page someone has open are marked. */
  peers?: Peer[];
}

export function PhotoStrip({ photos, edition, pages, frame, onPlaceInFrame, onPlaceNew, onReload, peers }: Props) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<string | null>(null);
  const [open, setOpen] = useState(true);
  const chosen = selected && photos.some((p) => p.id === selected) ? selected : null;
  const placed = useMemo(() => placedPages(edition, pages, photos), [edition, pages, photos]);
  const inUse = useMemo(() => (peers?.length
    ? photosInUse(peers, new Map(pages.map((pg) => [pg.id, [...placedPages(edition, [pg], photos).keys()]])))
    : null), [peers, pages, edition, photos]);
  const badges = useMemo(() => new Map([...placed].map(([id, nums]) => {
    const on = t('strip.placed', { pages: nums.join(t('strip.pageSep')) });
    const who = inUse?.get(id);
    return [id, who ? `${on} · ${t('collabui.presence.photo', { names: who.map((u) => u.name).join('、') })}` : on];
  })), [placed, inUse, t]);
  // Photos not yet on any page: what is left to use.
  const [unplacedOnly, setUnplacedOnly] = useState(false);
  const shown = useMemo(() => (unplacedOnly ? photos.filter((p) => !placed.has(p.id)) : photos), [photos, placed, unplacedOnly]);
  const activate = (id: string) => { if (frame) onPlaceInFrame(frame.id, id); else onPlaceNew(id); };

  return (
    <section className={`photo-strip${open ? '' : ' collapsed'}`} aria-label={t('strip.title')}>
      <header className="strip-head">
        <button type="button" name="strip-toggle" className="strip-toggle" aria-expanded={open} onClick={() => setOpen((v) => !v)}
          aria-label={open ? t('strip.collapse') : t('strip.expand')} title={open ? t('strip.collapse') : t('strip.expand')}>{open ? '⟨' : '⟩'}</button>
        {open && <h3>{t('strip.title')}</h3>}
        {open && <button type="button" name="strip-reload" onClick={onReload} aria-label={t('strip.reload')} title={t('strip.reload')}>↻</button>}
      </header>
      {open && (
        <>
          <label className="strip-unplaced">
            <input type="checkbox" name="strip-unplaced" checked={unplacedOnly} onChange={(e) => setUnplacedOnly(e.target.checked)} />
            {t('strip.unplacedOnly')}
          </label>
          <LibraryBrowser photos={shown} selected={chosen} label={t('strip.grid')} onSelect={setSelected} onActivate={activate} badges={badges} draggable />
          <div className="strip-actions">
            <button type="button" name="place-in-frame" disabled={!chosen || !frame} onClick={() => chosen && frame && onPlaceInFrame(frame.id, chosen)}>{t('strip.placeInFrame')}</button>
            <button type="button" name="place-new-frame" disabled={!chosen} onClick={() => chosen && onPlaceNew(chosen)}>{t('strip.placeNew')}</button>
          </div>
          <p className="strip-hint">{t('strip.hint')}</p>
        </>
      )}
    </section>
  );
}
