import type { Block, Edition, Page } from '../../../../../shared/document/schema';
import { blockRectMm } from '../../../../../shared/layout/geometry';

/** Where a photo dragged over empty page will land: the new frame's outline, drawn in page millimetres. */
export function DropGhost({ page, edition, frame }: { page: Page; edition: Edition; frame: Block }) {
  const r = blockRectMm(page, edition.pageSize.widthMm, frame);
  return (
    <div className="drop-ghost" data-drop-ghost="" data-col={frame.col} data-y-mm={frame.yMm} aria-hidden="true"
      style={{ left: `${r.left}mm`, top: `${r.top}mm`, width: `${r.width}mm`, height: `${r.height}mm` }} />
  );
}
