import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Block, Edition, Page, Photo } from '../../../../../shared/document/schema';
import { columnAt, snapY } from '../../../../../shared/layout/geometry';
import { newPhotoFrame } from './new-frame';
import { call } from '../../../api/client';
import { activeDragShape, carriesLibraryPhoto, libraryPhotoOf } from './drag-data';

// Library photo → page: the photo is first added to the edition (edition:place-photo copies
// it into assets/ with its caption), then the page changes through the composer's one
// change(), so Ctrl+Z takes the placement back like any other edit. The edition keeps the
// copy after an undo, as InDesign keeps a link: placing it again costs nothing.

interface Args {
  editionRef: string;
  edition: Edition;
  page: Page;
  change(p: Page): void;
  onEdition(e: Edition): void;
  onSelect(blockId: string): void;
  onError(e: unknown): void;
}

/** A frame given a new photo starts centred and uncropped: the old focus and zoom were for another picture. */
function withPhoto(b: Block, photoId: string): Block {
  const next: Block = { ...b, photoId };
  delete next.focus;
  delete next.zoom;
  return next;
}

export function usePhotoPlacement(args: Args) {
  const latest = useRef(args);
  latest.current = args;

  // The edition the app loaded at start does not know photos placed since (the composer is
  // mounted afresh for every visit to 版面): take the photo list from disk once more.
  useEffect(() => {
    let live = true;
    call('edition:open', { edition: args.editionRef }).then((fresh) => {
      const ed = latest.current.edition;
      if (live && JSON.stringify(fresh.photos) !== JSON.stringify(ed.photos)) latest.current.onEdition({ ...ed, photos: fresh.photos });
    }, (e: unknown) => latest.current.onError(e));
    return () => { live = false; };
  }, [args.editionRef]);

  /**
   * Adds the library photo to the edition (or finds it there) and returns the edition's photo.
   * A function instead of an id brings the photo in its own way (from another edition, issue 16).
   */
  const toEdition = useCallback(async (source: string | (() => Promise<Photo>)): Promise<Photo> => {
    const photo = typeof source === 'string' ? (await call('edition:place-photo', { edition: latest.current.editionRef, libraryId: source })).photo : await source();
    const ed = latest.current.edition;
    const photos = ed.photos.some((p) => p.id === photo.id) ? ed.photos.map((p) => (p.id === photo.id ? photo : p)) : [...ed.photos, photo];
    latest.current.onEdition({ ...ed, photos });
    return photo;
  }, []);

  const placeInto = useCallback(async (blockId: string, libraryId: string) => {
    try {
      const photo = await toEdition(libraryId);
      const { page, change, onSelect } = latest.current;
      const b = page.blocks.find((x) => x.id === blockId);
      if (!b || b.kind !== 'photo') return;
      change({ ...page, blocks: page.blocks.map((x) => (x.id === blockId ? withPhoto(x, photo.id) : x)) });
      onSelect(blockId);
    } catch (e) { latest.current.onError(e); }
  }, [toEdition]);

  /** A new frame at a grid position, or at the top of the first column. */
  const placeNew = useCallback(async (libraryId: string | (() => Promise<Photo>), at: { col: number; yMm: number } = { col: 0, yMm: 0 }) => {
    try {
      const photo = await toEdition(libraryId);
      const { page, edition, change, onSelect } = latest.current;
      let n = page.blocks.length + 1;
      while (page.blocks.some((b) => b.id === `${page.id}-photo-${n}`)) n++;
      const shape = { id: photo.id, width: photo.asset.width, height: photo.asset.height, captioned: !!(photo.meta.caption.zh || photo.meta.caption.en) };
      const b = newPhotoFrame(page, edition, shape, `${page.id}-photo-${n}`, at);
      change({ ...page, blocks: [...page.blocks, b] });
      onSelect(b.id);
    } catch (e) { latest.current.onError(e); }
  }, [toEdition]);

  // The outline of the frame a drop on empty page would make, while the drag is over it.
  const [ghost, setGhost] = useState<Block | null>(null);

  // Drops on the paper: onto a photo frame fills it; anywhere else makes a new frame whose
  // top-left corner snaps to the column and baseline under the pointer (InDesign's place gun).
  const dropProps = useMemo(() => {
    let marked: HTMLElement | null = null;
    const mark = (el: HTMLElement | null) => {
      if (marked === el) return;
      if (marked) delete marked.dataset['dropTarget'];
      marked = el;
      if (el) el.dataset['dropTarget'] = 'true';
    };
    const frameAt = (e: DragEvent): HTMLElement | null => {
      const el = (e.target as Element).closest<HTMLElement>('.sheet > [data-block-kind="photo"]');
      const id = el?.dataset['blockId'];
      return id && latest.current.page.blocks.some((b) => b.id === id) ? el : null;
    };
    /** The grid cell under the pointer: column by x, baseline (or millimetre) by y. */
    const cellAt = (e: DragEvent<HTMLElement>) => {
      const { page, edition } = latest.current;
      const r = e.currentTarget.getBoundingClientRect();
      const xMm = ((e.clientX - r.left) / r.width) * edition.pageSize.widthMm;
      const yMm = ((e.clientY - r.top) / r.height) * edition.pageSize.heightMm - page.grid.margins.top;
      return { col: columnAt(page.grid, edition.pageSize.widthMm, xMm), yMm: snapY(page.grid, Math.max(0, yMm)) };
    };
    const showGhost = (e: DragEvent<HTMLElement> | null) => {
      const shape = e && activeDragShape();
      if (!e || !shape) { setGhost(null); return; }
      const { page, edition } = latest.current;
      const next = newPhotoFrame(page, edition, { id: '', ...shape }, 'drop-ghost', cellAt(e));
      setGhost((g) => (g && g.col === next.col && g.yMm === next.yMm && g.hMm === next.hMm && g.span === next.span ? g : next));
    };
    return {
      onDragOver: (e: DragEvent<HTMLElement>) => {
        if (!carriesLibraryPhoto(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        const frame = frameAt(e);
        mark(frame);
        showGhost(frame ? null : e);
      },
      onDragLeave: (e: DragEvent<HTMLElement>) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) { mark(null); showGhost(null); }
      },
      onDrop: (e: DragEvent<HTMLElement>) => {
        const libraryId = libraryPhotoOf(e);
        mark(null);
        showGhost(null);
        if (!libraryId) return;
        e.preventDefault();
        // The keys follow the drop to the page: arrows nudge the frame, Ctrl+Z takes it back.
        e.currentTarget.closest<HTMLElement>('.compose-stage')?.focus({ preventScroll: true });
        const frame = frameAt(e);
        if (frame) { void placeInto(frame.dataset['blockId']!, libraryId); return; }
        void placeNew(libraryId, cellAt(e));
      },
    };
  }, [placeInto, placeNew]);

  const refresh = useCallback(async (libraryId: string) => {
    try { await toEdition(libraryId); } catch (e) { latest.current.onError(e); }
  }, [toEdition]);

  return { toEdition, placeInto, placeNew, refresh, dropProps, ghost };
}
