import type { Block, Edition, Page } from '../../../../../shared/document/schema';
import { clampBlock, columnWidthMm, snapY, vStep } from '../../../../../shared/layout/geometry';

// The frame a photo dropped on empty page gets (pure, so the unit tests check its numbers,
// and the drop preview draws exactly the frame the drop will make).

/** Room under the photo for a two-line caption (9 pt LXGW WenKai at 1.35, plus the 1.5 mm gap). */
const CAPTION_MM = 10;

export interface FramePhoto { id: string; width: number; height: number; captioned: boolean }

/** A new photo frame at a grid position: three eighths of the columns wide, as tall as the photo's proportions ask. */
export function newPhotoFrame(page: Page, edition: Pick<Edition, 'pageSize'>, photo: FramePhoto, id: string, at: { col: number; yMm: number }): Block {
  const { grid } = page;
  const span = Math.max(1, Math.min(grid.columns, Math.round((grid.columns * 3) / 8)));
  const widthMm = span * columnWidthMm(grid, edition.pageSize.widthMm) + (span - 1) * grid.gutterMm;
  const hMm = Math.max(vStep(grid), snapY(grid, (widthMm * photo.height) / Math.max(1, photo.width) + (photo.captioned ? CAPTION_MM : 0)));
  return clampBlock(grid, edition.pageSize, { id, kind: 'photo', col: at.col, span, yMm: at.yMm, hMm, lang: 'zh', ...(photo.id ? { photoId: photo.id } : {}) });
}
