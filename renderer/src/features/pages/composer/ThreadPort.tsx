import { useState } from 'react';
import type { Block } from '../../../../../shared/document/schema';
import { useI18n } from '../../../i18n';
import './threads.css';

// InDesign's threading on a story frame: the out-port (a small square at the frame's
// bottom-right) and the frame's place in its thread ("2/3"). Click an empty port to load
// the cursor, then click the next frame (on this page or, after switching, another page);
// a port that already has a next frame offers 断开续排 / Unthread instead. Drawn at screen
// size whatever the zoom (scale 1/zoom), never printed (the composer's overlay only).

export interface ThreadUi {
  place(b: Block): { index: number; count: number } | null;
  hasNext(b: Block): boolean;
  /** The frame the loaded cursor threads from, when it is on this page. */
  source: string | null;
  /** A loaded cursor is waiting for the next frame (from this page or another). */
  active: boolean;
  onPort(b: Block): void;
  onUnthread(b: Block): void;
  onCancel(): void;
}

export function ThreadOverlay({ b, zoom, ui }: { b: Block; zoom: number; ui: ThreadUi }) {
  const { t } = useI18n();
  const [menu, setMenu] = useState(false);
  if (b.kind !== 'story') return null;
  const place = ui.place(b);
  const label = place ? t('compose.threadOf', { i: place.index, n: place.count }) : '';
  const stop = (e: React.PointerEvent | React.MouseEvent) => e.stopPropagation();
  const s = 1 / zoom;
  const click = () => {
    if (place && ui.hasNext(b)) setMenu((v) => !v);
    else if (place) ui.onPort(b);
  };
  return (
    <>
      {place && (
        <span className="thread-place" data-thread-place={label} style={{ transform: `scale(${s})` }}>{label}</span>
      )}
      <button
        type="button"
        className={`thread-port${place && ui.hasNext(b) ? ' linked' : ''}${ui.source === b.id ? ' loaded' : ''}`}
        data-port={b.id}
        aria-label={place ? t('compose.port', { place: label }) : t('compose.portEmpty')}
        aria-haspopup={place && ui.hasNext(b) ? 'menu' : undefined}
        aria-expanded={menu || undefined}
        disabled={!place}
        style={{ transform: `scale(${s})`, bottom: `${16 * s}px` }}
        onPointerDown={stop}
        onClick={(e) => { stop(e); click(); }}
      />
      {menu && (
        <div className="thread-menu" role="menu" style={{ transform: `scale(${s})` }} onPointerDown={stop}
          onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Escape') setMenu(false); }}>
          <button type="button" role="menuitem" onClick={(e) => { stop(e); setMenu(false); ui.onUnthread(b); }}>{t('compose.unthread')}</button>
          <button type="button" role="menuitem" onClick={(e) => { stop(e); setMenu(false); ui.onPort(b); }}>{t('compose.threadTo')}</button>
          <button type="button" role="menuitem" onClick={(e) => { stop(e); setMenu(false); }}>{t('compose.cancel')}</button>
        </div>
      )}
    </>
  );
}

/** The loaded cursor's bar above the page: what to do next, and a way out. */
export function ThreadingBar({ onCancel }: { onCancel(): void }) {
  const { t } = useI18n();
  return (
    <div className="threading-bar" role="status">
      <span>{t('compose.threading')}</span>
      <button type="button" onClick={onCancel}>{t('compose.cancel')}</button>
    </div>
  );
}
