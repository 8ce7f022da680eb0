import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type MutableRefObject } from 'react';
import { isDamaged } from '../../../../shared/photo/damage';
import type { LibraryPhoto } from '../../../../shared/photo/library';
import { isCaptioned } from '../../../../shared/photo/library';
import { libraryUrl } from '../../api/client';
import { useI18n } from '../../i18n';

// A virtualised contact sheet: only the rows in view (plus a little overscan) exist in
// the DOM, so 10,000 photos scroll like 100. Cells have a fixed size, so the position
// of any photo is arithmetic, not measurement.

export const CELL_W = 196;
export const CELL_H = 236;
const OVERSCAN_ROWS = 3;

interface Props {
  photos: LibraryPhoto[];
  /** Photos drawn from their thumbnail whose copy and record are still being committed. */
  committing?: ReadonlySet<string>;
  selected: Set<string>;
  focus: number;
  onCellClick(index: number, e: MouseEvent): void;
  onKey(e: KeyboardEvent, columns: number): void;
  /** The sheet element, for the desk to give it the keys back (Escape in a caption field). */
  sheetRef?: MutableRefObject<HTMLDivElement | null>;
}

const Cell = memo(function Cell({ p, index, selected, focused, committing, onClick }: {
  p: LibraryPhoto; index: number; selected: boolean; focused: boolean; committing: boolean; onClick(i: number, e: MouseEvent): void;
}) {
  const { t } = useI18n();
  return (
    <div
      className={`cell${selected ? ' selected' : ''}${focused ? ' focused' : ''}${committing ? ' committing' : ''} label-${p.label}`}
      data-photo-id={p.id}
      data-committing={committing ? 'true' : undefined}
      data-index={index}
      role="gridcell"
      aria-selected={selected}
      onMouseDown={(e) => onClick(index, e)}
    >
      <div className="cell-img">
        <img src={libraryUrl(p.id, 'thumb')} alt="" loading="lazy" decoding="async" draggable={false} />
      </div>
      <div className="cell-meta">
        <span className="stars" aria-label={t('photos.rating', { n: p.rating })}>{'★'.repeat(p.rating)}<span className="dim">{'★'.repeat(5 - p.rating)}</span></span>
        {committing && <span className="committing-mark" role="img" aria-label={t('ingest.committing')} title={t('ingest.committing')}>⋯</span>}
        {isDamaged(p) && <span className="damaged" role="img" aria-label={t('photos.damaged')} title={t('photos.damaged')}>⚠</span>}
        {!isCaptioned(p) && <span className="uncaptioned" title={t('photos.noCaption')}>∅</span>}
      </div>
      <div className="cell-name" title={p.fileName}>{p.fileName}</div>
      <div className="cell-caption" lang="zh-CN">{p.meta.caption.zh || p.meta.caption.en}</div>
    </div>
  );
});

const NONE: ReadonlySet<string> = new Set();

export function ContactSheet({ photos, committing = NONE, selected, focus, onCellClick, onKey, sheetRef }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement | null>(null);
  const [size, setSize] = useState({ w: 800, h: 600 });
  const [scrollTop, setScrollTop] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    setSize({ w: el.clientWidth, h: el.clientHeight });
    return () => ro.disconnect();
  }, []);

  const columns = Math.max(1, Math.floor(size.w / CELL_W));
  const rows = Math.ceil(photos.length / columns);
  const first = Math.max(0, Math.floor(scrollTop / CELL_H) - OVERSCAN_ROWS);
  const last = Math.min(rows - 1, Math.ceil((scrollTop + size.h) / CELL_H) + OVERSCAN_ROWS);

  // Keep the focused photo in view when the keyboard moves it.
  useEffect(() => {
    const el = ref.current;
    if (!el || focus < 0) return;
    const top = Math.floor(focus / columns) * CELL_H;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + CELL_H > el.scrollTop + el.clientHeight) el.scrollTop = top + CELL_H - el.clientHeight;
  }, [focus, columns]);

  const cells = [];
  for (let r = first; r <= last; r++) {
    for (let c = 0; c < columns; c++) {
      const i = r * columns + c;
      const p = photos[i];
      if (!p) break;
      cells.push(
        <div key={p.id} className="cell-slot" style={{ transform: `translate(${c * CELL_W}px, ${r * CELL_H}px)` }}>
          <Cell p={p} index={i} selected={selected.has(p.id)} focused={i === focus} committing={committing.has(p.id)} onClick={onCellClick} />
        </div>,
      );
    }
  }

  return (
    <div
      className="contact-sheet"
      ref={(el) => { ref.current = el; if (sheetRef) sheetRef.current = el; }}
      tabIndex={0}
      role="grid"
      aria-label={t('pd.sheet')}
      aria-rowcount={rows}
      data-columns={columns}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={(e) => onKey(e, columns)}
    >
      <div className="sheet-canvas" style={{ height: rows * CELL_H }}>{cells}</div>
    </div>
  );
}
