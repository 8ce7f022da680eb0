import type { DragEvent } from 'react';
import { STORY_DRAG_TYPE } from './side/StoryPanel';

// Dropping a story from the side panel onto the page: onto a story frame puts the story
// there; onto empty page makes a frame at that point (the composer snaps it to the grid).
// Positions are measured on the sheet's own box, which the zoom transform scales.

export type StoryDropAt = { blockId: string } | { xMm: number; yMm: number };

const hasStory = (e: DragEvent) => Array.from(e.dataTransfer.types).includes(STORY_DRAG_TYPE);

function frameAt(e: DragEvent, sheet: HTMLElement | null): HTMLElement | null {
  const el = (e.target as HTMLElement | null)?.closest<HTMLElement>('[data-block-id]');
  return el && sheet?.contains(el) ? el : null;
}

export function storyDropHandlers(sheet: () => HTMLElement | null, widthMm: number, onDrop: (storyId: string, at: StoryDropAt) => void) {
  let marked: HTMLElement | null = null;
  const mark = (el: HTMLElement | null) => {
    if (marked === el) return;
    marked?.classList.remove('drop-target');
    marked = el;
    el?.classList.add('drop-target');
  };
  return {
    onDragOver(e: DragEvent) {
      if (!hasStory(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      const f = frameAt(e, sheet());
      mark(f?.dataset['blockKind'] === 'story' ? f : null);
    },
    onDragLeave() { mark(null); },
    onDrop(e: DragEvent) {
      if (!hasStory(e)) return;
      e.preventDefault();
      mark(null);
      const id = e.dataTransfer.getData(STORY_DRAG_TYPE);
      const s = sheet();
      if (!id || !s) return;
      const f = frameAt(e, s);
      if (f?.dataset['blockKind'] === 'story') { onDrop(id, { blockId: f.dataset['blockId']! }); return; }
      const r = s.getBoundingClientRect();
      const mmPerPx = widthMm / r.width;
      onDrop(id, { xMm: (e.clientX - r.left) * mmPerPx, yMm: (e.clientY - r.top) * mmPerPx });
    },
  };
}
