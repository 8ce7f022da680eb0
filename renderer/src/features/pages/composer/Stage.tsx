import { useCallback, useLayoutEffect, useRef, useState, type DOMAttributes, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { Block, Edition, Page, Story } from '../../../../../shared/document/schema';
import { columnsForDelta, columnWidthMm, moveBlock, resizeBlock, vStep } from '../../../../../shared/layout/geometry';
import type { PageReport } from '../../../../../shared/layout/report';
import { PageCanvas } from '../layout/PageCanvas';
import type { Jump } from '../layout/flow-page';
import { CopyfitBadge } from './CopyfitBadge';
import { ThreadOverlay, type ThreadUi } from './ThreadPort';
import { storyDropHandlers, type StoryDropAt } from './story-drop';
import { emptyFrameKey, readingOrder, stepBlock } from '../../../polish/block-nav';
import { headContext, shownText } from '../layout/block-text';
import { useI18n } from '../../../i18n';
import { usePhotoSrc } from './use-photo-src';
import type { ShownSize } from '../../../../../shared/layout/photo-size';

// The page on screen: the true-size canvas under a zoom transform, with selection,
// mouse drags (move from the body, resize from the corner handle) and InDesign's keys.
// x snaps to whole columns, y to the baseline grid or whole millimetres.

const PX_PER_MM = 96 / 25.4;

interface Props {
  edition: Edition;
  page: Page;
  lang: 'zh' | 'en';
  zoom: number | 'fit';
  selected: string | null;
  report: PageReport | null;
  sheetRef: React.RefObject<HTMLDivElement | null>;
  /** Other pages a thread on this page runs through: laid out hidden under it (use-flow.ts). */
  shadowPages: Page[];
  shadowRefs: React.RefObject<Map<string, HTMLDivElement>>;
  jumps: ReadonlyMap<string, Jump>;
  photoUrl(id: string): string;
  /** A photo's rendition by name: photo blocks take the thumbnail while it has the pixels their size at this zoom needs. */
  photoSized?(id: string, size: ShownSize): string;
  onZoom(z: number): void;
  onSelect(id: string | null): void;
  /** `commit: false` while a drag is under way. */
  onChange(page: Page, commit: boolean): void;
  onDelete(id: string): void;
  onUndo(): void;
  onRedo(): void;
  /** Stories of from-story blocks. */
  stories?: Readonly<Record<string, Story>>;
  /** Out-ports and thread places on story frames; a click on a frame while the cursor is loaded threads it. */
  threadUi?: ThreadUi;
  onThreadTarget?(b: Block): void;
  /** A story dragged from the side panel onto a frame or onto empty page. */
  onDropStory?(storyId: string, at: StoryDropAt): void;
  /** Drag-and-drop onto the paper (library photos from the strip: strip/use-place-photo.ts). */
  dropProps?: DOMAttributes<HTMLDivElement>;
  /** Drawn over the page in page millimetres, like the grid guides (the drop preview). */
  children?: ReactNode;
  /** Enter on a selected block (issue 17): edit it beside the page. */
  onEdit?(b: Block): void;
}

interface Drag { id: string; mode: 'move' | 'resize' | 'pan'; x: number; y: number; orig: Block; moved: boolean; boxPx?: { w: number; h: number } }

export function Stage(p: Props) {
  const { edition, page, zoom: z0 } = p;
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const [fitZoom, setFitZoom] = useState(0.4);
  const zoom = z0 === 'fit' ? fitZoom : z0;
  const box = { widthMm: edition.pageSize.widthMm, heightMm: edition.pageSize.heightMm };

  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const fit = () => setFitZoom(Math.max(0.15, Math.min(2, (el.clientWidth - 40) / (box.widthMm * PX_PER_MM))));
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
  }, [box.widthMm]);
  useLayoutEffect(() => { p.onZoom(zoom); }, [zoom]);
  const photoSrc = usePhotoSrc(p.photoSized, zoom);

  const replace = useCallback((b: Block) => page.blocks.map((x) => (x.id === b.id ? b : x)), [page]);

  const onPointerDown = (e: PointerEvent, b: Block, mode: Drag['mode']) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    if (p.threadUi?.active && b.kind === 'story' && p.onThreadTarget) { p.onThreadTarget(b); return; }
    p.onSelect(b.id);
    host.current?.focus({ preventScroll: true });
    // Alt-drag inside a photo frame moves the photo, not the frame (InDesign's content grabber).
    const pan = mode === 'move' && e.altKey && b.kind === 'photo';
    const ph = pan ? (e.currentTarget as HTMLElement).querySelector('.ph-box')?.getBoundingClientRect() : undefined;
    drag.current = { id: b.id, mode: pan ? 'pan' : mode, x: e.clientX, y: e.clientY, orig: b, moved: false, ...(ph ? { boxPx: { w: ph.width, h: ph.height } } : {}) };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    if (d.mode === 'pan') {
      const clamp = (v: number) => Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000;
      const w = d.boxPx?.w || 1, h = d.boxPx?.h || 1;
      const focus = { x: clamp((d.orig.focus?.x ?? 0.5) - (e.clientX - d.x) / w), y: clamp((d.orig.focus?.y ?? 0.5) - (e.clientY - d.y) / h) };
      d.moved = true;
      p.onChange({ ...page, blocks: replace({ ...d.orig, focus }) }, false);
      return;
    }
    const dxMm = (e.clientX - d.x) / (zoom * PX_PER_MM);
    const dyMm = (e.clientY - d.y) / (zoom * PX_PER_MM);
    const dCol = columnsForDelta(page.grid, box.widthMm, dxMm);
    const next = d.mode === 'move' ? moveBlock(page.grid, box, d.orig, dCol, dyMm) : resizeBlock(page.grid, box, d.orig, dCol, dyMm);
    const cur = page.blocks.find((b) => b.id === d.id);
    if (cur && (cur.col !== next.col || cur.span !== next.span || cur.yMm !== next.yMm || cur.hMm !== next.hMm)) {
      d.moved = true;
      p.onChange({ ...page, blocks: replace(next) }, false);
    }
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d?.moved) p.onChange(page, true);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z') { e.preventDefault(); if (e.shiftKey) p.onRedo(); else p.onUndo(); return; }
    if (mod && e.key.toLowerCase() === 'y') { e.preventDefault(); p.onRedo(); return; }
    if (e.key === 'Escape' && p.threadUi?.active) { p.threadUi.onCancel(); return; }
    // Tab / Shift+Tab: the blocks in reading order (issue 17); past the last one, focus leaves the page.
    if (e.key === 'Tab' && !mod && !e.altKey) {
      const next = stepBlock(page.blocks, p.selected, e.shiftKey ? -1 : 1);
      if (!next) { p.onSelect(null); return; }
      e.preventDefault();
      p.onSelect(next.id);
      host.current?.querySelector(`.compose-scale > .sheet [data-block-id="${CSS.escape(next.id)}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return;
    }
    const b = page.blocks.find((x) => x.id === p.selected);
    if (!b) return;
    if (e.key === 'Enter' && !mod && p.onEdit) { e.preventDefault(); p.onEdit(b); return; }
    if (e.key === 'Escape') { p.onSelect(null); return; }
    if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); p.onDelete(b.id); return; }
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const a = arrows[e.key];
    if (!a) return;
    e.preventDefault();
    const step = vStep(page.grid) * (e.shiftKey ? 10 : 1);
    const cols = e.shiftKey ? 2 : 1;
    const next = e.altKey ? resizeBlock(page.grid, box, b, a[0] * cols, a[1] * step) : moveBlock(page.grid, box, b, a[0] * cols, a[1] * step);
    p.onChange({ ...page, blocks: replace(next) }, true);
  };

  const fits = new Map((p.report?.frames ?? []).map((f) => [f.blockId, f]));
  const overlay = (b: Block): ReactNode => (
    <>
      {fits.get(b.id) && <CopyfitBadge fit={fits.get(b.id)!} />}
      {/* 上接第 N 版 is said once, by the frame's own jump line (issue 17), not by a badge too. */}
      {p.threadUi && <ThreadOverlay b={b} zoom={zoom} ui={p.threadUi} />}
      {b.id === p.selected && (
        <span className="resize-handle" data-handle="resize" onPointerDown={(e) => onPointerDown(e, b, 'resize')} style={{ transform: `scale(${1 / zoom})` }} />
      )}
    </>
  );
  const blockProps = (b: Block): Record<string, unknown> => ({
    'data-selected': b.id === p.selected ? 'true' : undefined,
    // An empty frame says what it is for, in the composer only (polish.css; issue 17).
    'data-empty-label': emptyFrameKey(b) ? t(`frame.empty.${emptyFrameKey(b)!}`) : undefined,
    onPointerDown: (e: PointerEvent) => onPointerDown(e, b, 'move'),
  });

  // What a screen reader says when the selection moves: the block's place, kind and words.
  const announce = (blocks: Block[], id: string | null): string => {
    const order = readingOrder(blocks);
    const i = order.findIndex((x) => x.id === id);
    if (i < 0) return t('nav.none');
    const b = order[i]!;
    const words = shownText(b, p.lang, { heads: headContext(edition, page), ...(p.stories ? { stories: p.stories } : {}) });
    const text = (words.zh ?? words.en ?? '').trim().slice(0, 40);
    return t('nav.selected', { n: i + 1, total: order.length, kind: t(`block.${b.kind}` as never), text: text ? `「${text}」` : '' });
  };
  const w = box.widthMm * PX_PER_MM * zoom, h = box.heightMm * PX_PER_MM * zoom;
  return (
    <div
      className={`compose-stage${p.threadUi?.active ? ' threading' : ''}`}
      ref={host}
      {...(p.onDropStory ? storyDropHandlers(() => p.sheetRef.current, box.widthMm, p.onDropStory) : {})}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerDown={() => p.onSelect(null)}
      data-zoom={zoom.toFixed(3)}
      aria-label={t('help.desk.pages')}
      aria-describedby="stage-selection"
    >
      <p id="stage-selection" className="sr-only" aria-live="polite" data-selection-announce="">{announce(page.blocks, p.selected)}</p>
      <div className="compose-paper" style={{ width: w, height: h }} {...p.dropProps}>
        <div className="compose-scale" style={{ transform: `scale(${zoom})` }}>
          <PageCanvas ref={p.sheetRef} edition={edition} page={page} lang={p.lang} photoUrl={p.photoUrl} {...(photoSrc ? { photoSrc } : {})} overlay={overlay} blockProps={blockProps} jumps={p.jumps} {...(p.stories ? { stories: p.stories } : {})} />
          <GridGuides page={page} widthMm={box.widthMm} heightMm={box.heightMm} />
          {p.children}
          <div className="flow-shadows" aria-hidden="true">
            {p.shadowPages.map((sp) => (
              <PageCanvas key={sp.id} edition={edition} page={sp} lang={p.lang} photoUrl={p.photoUrl} {...(photoSrc ? { photoSrc } : {})} jumps={p.jumps} {...(p.stories ? { stories: p.stories } : {})}
                ref={(el) => { if (el) p.shadowRefs.current.set(sp.id, el); else p.shadowRefs.current.delete(sp.id); }} />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

/** Column guides over the type area, drawn outside the sheet so they never print. */
function GridGuides({ page, widthMm, heightMm }: { page: Page; widthMm: number; heightMm: number }) {
  const { columns, gutterMm, margins } = page.grid;
  const colW = columnWidthMm(page.grid, widthMm);
  const base = page.grid.baselineMm;
  return (
    <div className="grid-guides" aria-hidden="true" style={{ width: `${widthMm}mm`, height: `${heightMm}mm` }}>
      {base && (
        <b className="baseline-guides" style={{
          left: `${margins.left}mm`, top: `${margins.top}mm`, width: `${widthMm - margins.left - margins.right}mm`, height: `${heightMm - margins.top - margins.bottom}mm`,
          backgroundImage: `repeating-linear-gradient(to bottom, transparent 0, transparent calc(${base}mm - 1px), rgba(0, 160, 200, 0.25) calc(${base}mm - 1px), rgba(0, 160, 200, 0.25) ${base}mm)`,
        }} />
      )}
      {Array.from({ length: columns }, (_, i) => (
        <i key={i} style={{ left: `${margins.left + i * (colW + gutterMm)}mm`, top: `${margins.top}mm`, width: `${colW}mm`, height: `${heightMm - margins.top - margins.bottom}mm` }} />
      ))}
    </div>
  );
}
