import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { ColorLabel } from '../../../../../shared/photo/library';
import './strip.css';

// A small virtualised grid of photo thumbnails, shared by the composer's photo strip, the
// photo frame's picker in the inspector and the story editor's 插图 picker. Cells have a
// fixed size, so only the rows in view exist in the DOM however big the library is (the
// contact sheet's arithmetic, at strip size). One listbox: arrows move, Enter places.

export interface ThumbItem {
  id: string;
  /** Thumbnail URL, always built by the helpers in renderer/src/api (never by hand). */
  src: string;
  /** Caption (or headline); the file name stands in when there is none. */
  title: string;
  name: string;
  rating?: number;
  label?: ColorLabel;
  /** A short mark in the corner, e.g. the pages the photo is already on. */
  badge?: string;
}

interface Props {
  items: ThumbItem[];
  selected: string | null;
  /** The listbox's accessible name. */
  label: string;
  onSelect(id: string): void;
  /** Enter or a double click (a single click too with activateOnClick). */
  onActivate?(id: string): void;
  /** Pickers: a click chooses at once; arrows still only move the selection. */
  activateOnClick?: boolean;
  /** Makes the cells draggable and fills the drag's data. */
  onDragStart?(e: DragEvent, item: ThumbItem): void;
  cellW?: number;
  cellH?: number;
  className?: string;
}

const OVERSCAN = 2;

const Cell = memo(function Cell({ item, selected, domId, draggable, onSelect, onActivate, onDragStart }: {
  item: ThumbItem; selected: boolean; domId: string; draggable: boolean;
  onSelect(id: string): void; onActivate?: ((id: string) => void) | undefined; onDragStart?: ((e: DragEvent, item: ThumbItem) => void) | undefined;
}) {
  return (
    <div
      id={domId}
      role="option"
      aria-selected={selected}
      aria-label={item.title || item.name}
      title={item.title ? `${item.title}\n${item.name}` : item.name}
      className={`thumb${selected ? ' selected' : ''}${item.label && item.label !== 'none' ? ` label-${item.label}` : ''}`}
      data-photo-id={item.id}
      draggable={draggable}
      onDragStart={onDragStart ? (e) => onDragStart(e, item) : undefined}
      onClick={() => onSelect(item.id)}
      onDoubleClick={onActivate ? () => onActivate(item.id) : undefined}
    >
      <div className="thumb-img">
        <img src={item.src} alt="" loading="lazy" decoding="async" draggable={false} />
        {item.badge && <span className="thumb-badge">{item.badge}</span>}
      </div>
      <div className="thumb-text" lang="zh-CN">
        {item.rating ? <span className="thumb-stars" aria-hidden="true">{'★'.repeat(item.rating)}</span> : null}
        {item.title || <span className="thumb-name">{item.name}</span>}
      </div>
    </div>
  );
});

export function ThumbGrid({ items, selected, label, onSelect, onActivate, activateOnClick, onDragStart, cellW = 108, cellH = 124, className }: Props) {
  const clicked = useCallback((id: string) => { onSelect(id); if (activateOnClick) onActivate?.(id); }, [onSelect, onActivate, activateOnClick]);
  const ref = useRef<HTMLDivElement>(null);
  const base = useId();
  const [size, setSize] = useState({ w: 220, h: 400 });
  const [scrollTop, setScrollTop] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize({ w: el.clientWidth, h: el.clientHeight });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, []);

  const columns = Math.max(1, Math.floor(size.w / cellW));
  const rows = Math.ceil(items.length / columns);
  const index = selected ? items.findIndex((p) => p.id === selected) : -1;
  const first = Math.max(0, Math.floor(scrollTop / cellH) - OVERSCAN);
  const last = Math.min(rows - 1, Math.ceil((scrollTop + size.h) / cellH) + OVERSCAN);
  const domId = (id: string) => `${base}-${id}`;

  // The keyboard's photo stays in view.
  useEffect(() => {
    const el = ref.current;
    if (!el || index < 0) return;
    const top = Math.floor(index / columns) * cellH;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + cellH > el.scrollTop + el.clientHeight) el.scrollTop = top + cellH - el.clientHeight;
  }, [index, columns, cellH]);

  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns, ArrowDown: columns, Home: -1e9, End: 1e9 };
    if (e.key in moves && items.length > 0) {
      e.preventDefault();
      const next = Math.max(0, Math.min(items.length - 1, (index < 0 ? 0 : index + moves[e.key]!)));
      onSelect(items[next]!.id);
    } else if (e.key === 'Enter' && selected && onActivate) {
      e.preventDefault();
      onActivate(selected);
    }
  };

  const cells = [];
  for (let r = first; r <= last; r++) {
    for (let c = 0; c < columns; c++) {
      const item = items[r * columns + c];
      if (!item) break;
      cells.push(
        <div key={item.id} className="thumb-slot" style={{ width: cellW, height: cellH, transform: `translate(${c * cellW}px, ${r * cellH}px)` }}>
          <Cell item={item} selected={item.id === selected} domId={domId(item.id)} draggable={!!onDragStart}
            onSelect={clicked} onActivate={activateOnClick ? undefined : onActivate} onDragStart={onDragStart} />
        </div>,
      );
    }
  }

  return (
    <div
      ref={ref}
      className={`thumb-grid${className ? ` ${className}` : ''}`}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selected && index >= 0 ? domId(selected) : undefined}
      data-count={items.length}
      onKeyDown={onKey}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div className="thumb-canvas" style={{ height: rows * cellH }}>{cells}</div>
    </div>
  );
}
