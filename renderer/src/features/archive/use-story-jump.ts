import { useEffect, type RefObject } from 'react';
import { doneDeskIntent, useDeskIntent } from './desk-intent';
import { scrollIntoViewSettled } from '../../editor/scroll-settled';

// A story result opened from the archive (issue 16): the story desk selects the story and the
// language of the matched paragraph, then scrolls that paragraph into view and marks it
// (data-archive-hit, a yellow wash that fades), as InCopy's find result does.

const FLASH_MS = 4000;

/** The top-level element of the paragraph the catalogue numbered `para` (1-based, empty blocks not counted). */
function paragraphElement(root: HTMLElement, para: number, snippet: string): HTMLElement | null {
  const blocks = [...root.children].filter((el): el is HTMLElement => el instanceof HTMLElement && (el.textContent ?? '').trim() !== '');
  const byIndex = blocks[para - 1] ?? null;
  // The catalogue counts what it reads as text; a block it reads differently (a figure) can
  // shift the count: then the snippet's own words find the paragraph.
  const probe = snippet.replace(/^…|…$/g, '').slice(0, 24);
  if (byIndex && (!probe || (byIndex.textContent ?? '').includes(probe))) return byIndex;
  return blocks.find((el) => probe && (el.textContent ?? '').includes(probe)) ?? byIndex;
}

export function useStoryJump(editionRef: string, openStory: (id: string, lang: 'zh' | 'en') => void, loadedStoryId: string | null, columns: RefObject<HTMLElement | null>): void {
  const jump = useDeskIntent('story');
  const wanted = jump && jump.edition === editionRef ? jump : null;
  useEffect(() => {
    if (wanted) openStory(wanted.storyId, wanted.lang);
  }, [wanted, openStory]);

  useEffect(() => {
    if (!wanted || loadedStoryId !== wanted.storyId) return;
    let frame = 0;
    const started = performance.now();
    // The editor fills its DOM a frame or two after the story arrives: look until it is there.
    const look = () => {
      const root = columns.current?.querySelector<HTMLElement>(`.story-editor[data-lang="${wanted.lang}"] .editor-content`);
      const el = root && (wanted.para > 0 ? paragraphElement(root, wanted.para, wanted.snippet) : null);
      if (root && (el || wanted.para === 0)) {
        doneDeskIntent(wanted.seq);
        if (!el) return;
        scrollIntoViewSettled(el);
        el.dataset['archiveHit'] = 'true';
        // Left to run after a cleanup: the mark fades even when the desk moves on.
        window.setTimeout(() => { delete el.dataset['archiveHit']; }, FLASH_MS);
        return;
      }
      if (performance.now() - started < 5000) frame = requestAnimationFrame(look);
      else doneDeskIntent(wanted.seq);
    };
    frame = requestAnimationFrame(look);
    return () => { cancelAnimationFrame(frame); };
  }, [wanted, loadedStoryId, columns]);
}
