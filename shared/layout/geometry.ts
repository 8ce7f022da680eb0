import type { Block, Grid, Page } from '../document/schema';

// Where blocks sit on the page and how they move: x and width snap to grid columns,
// y and height to the baseline grid (or whole millimetres), and a block never leaves the
// type area. Pure, so the composer, the print route and the tests agree to the 0.01 mm.

export interface RectMm { left: number; top: number; width: number; height: number }

export function columnWidthMm(grid: Grid, pageWidthMm: number): number {
  const { columns, gutterMm, margins } = grid;
  return (pageWidthMm - margins.left - margins.right - gutterMm * (columns - 1)) / columns;
}

export function contentHeightMm(grid: Grid, pageHeightMm: number): number {
  return pageHeightMm - grid.margins.top - grid.margins.bottom;
}

/** Where a block sits on the page, in millimetres from the trimmed page's top-left corner. */
export function blockRectMm(page: Pick<Page, 'grid'>, pageWidthMm: number, b: Pick<Block, 'col' | 'span' | 'yMm' | 'hMm'>): RectMm {
  const { gutterMm, margins } = page.grid;
  const colW = columnWidthMm(page.grid, pageWidthMm);
  return {
    left: margins.left + b.col * (colW + gutterMm),
    top: margins.top + b.yMm,
    width: b.span * colW + (b.span - 1) * gutterMm,
    height: b.hMm,
  };
}

/** The vertical step: the baseline grid when the page has one, else 1 mm. */
export function vStep(grid: Grid): number {
  return grid.baselineMm ?? 1;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

export function snapY(grid: Grid, yMm: number): number {
  const s = vStep(grid);
  return round2(Math.round(yMm / s) * s);
}

export interface PageBox { widthMm: number; heightMm: number }

/** Keeps a block inside the type area: columns within the grid, y and height within the content height. */
export function clampBlock<B extends Pick<Block, 'col' | 'span' | 'yMm' | 'hMm'>>(grid: Grid, page: PageBox, b: B): B {
  const maxH = contentHeightMm(grid, page.heightMm);
  const span = Math.max(1, Math.min(grid.columns, b.span));
  const col = Math.max(0, Math.min(grid.columns - span, b.col));
  const hMm = round2(Math.max(vStep(grid), Math.min(maxH, b.hMm)));
  const yMm = round2(Math.max(0, Math.min(maxH - hMm, b.yMm)));
  return { ...b, col, span, yMm, hMm };
}

/** Moves by whole columns and by millimetres (snapped), clamped to the type area. */
export function moveBlock<B extends Pick<Block, 'col' | 'span' | 'yMm' | 'hMm'>>(grid: Grid, page: PageBox, b: B, dCol: number, dYmm: number): B {
  return clampBlock(grid, page, { ...b, col: b.col + dCol, yMm: snapY(grid, b.yMm + dYmm) });
}

/** Resizes from the bottom-right corner by whole columns and snapped millimetres. */
export function resizeBlock<B extends Pick<Block, 'col' | 'span' | 'yMm' | 'hMm'>>(grid: Grid, page: PageBox, b: B, dSpan: number, dHmm: number): B {
  const span = Math.max(1, Math.min(grid.columns - b.col, b.span + dSpan));
  return clampBlock(grid, page, { ...b, span, hMm: Math.max(vStep(grid), snapY(grid, b.hMm + dHmm)) });
}

/** The column a page x position (mm) falls in, for mouse drags. */
export function columnAt(grid: Grid, pageWidthMm: number, xMm: number): number {
  const pitch = columnWidthMm(grid, pageWidthMm) + grid.gutterMm;
  return Math.max(0, Math.min(grid.columns - 1, Math.floor((xMm - grid.margins.left + grid.gutterMm / 2) / pitch)));
}

/** Pixel drag → whole columns, for a given column pitch in mm. */
export function columnsForDelta(grid: Grid, pageWidthMm: number, dxMm: number): number {
  return Math.round(dxMm / (columnWidthMm(grid, pageWidthMm) + grid.gutterMm));
}
