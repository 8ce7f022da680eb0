import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Edition, Page, Story } from '../../../../../shared/document/schema';
import type { PageReport } from '../../../../../shared/layout/report';
import { flowThreads, pageReport } from '../layout/flow-page';
import { fontsLinked } from '../../../fonts';

// Reflows the page's stories after every render that changed the page, its copy, the
// language or the zoom, in the same frame (a layout effect), so the copyfit on screen is
// never a frame behind the keystroke or the drag. A thread that starts on an earlier page
// is set through that page's frames first (they are laid out, hidden, under this page:
// `shadows`), so this page's frames start where the copy really left off there. Font
// slices that arrive later trigger one more pass. The zoom does not: it is a CSS transform
// over the true-size page (Stage.tsx), which changes how big the lines are drawn, not where
// they break, so a zoom change (the fit zoom as the desk opens, the zoom menu, a resized
// window) sets no copy again. The pass reads the scale the sheet is drawn at from the DOM
// (drawnScale), since its measures (getBoundingClientRect) come scaled.
export function useFlow(
  sheet: RefObject<HTMLDivElement | null>,
  shadows: RefObject<Map<string, HTMLDivElement>>,
  page: Page | null,
  /** The pages whose frames share a story with this one, this one included, in edition order. */
  threadPages: Page[],
  edition: Edition,
  stories: Record<string, Story>,
  lang: 'zh' | 'en',
  photoUrl: (id: string) => string,
): { report: PageReport | null } {
  const [report, setReport] = useState<PageReport | null>(null);
  const [fontTick, setFontTick] = useState(0);
  const key = useRef('');

  useEffect(() => {
    const bump = () => setFontTick((n) => n + 1);
    document.fonts.addEventListener('loadingdone', bump);
    void fontsLinked.then(bump);
    return () => document.fonts.removeEventListener('loadingdone', bump);
  }, []);

  useLayoutEffect(() => {
    const el = sheet.current;
    if (!el || !page) return;
    const sheets = new Map(shadows.current);
    sheets.set(page.id, el);
    const only = new Set(page.blocks.flatMap((b) => (b.kind === 'story' && b.storyId ? [b.storyId] : [])));
    const frames = flowThreads(sheets, threadPages, stories, lang, { photoUrl }, drawnScale(el), only).get(page.id) ?? [];
    const r = pageReport(el, page, edition, stories, lang, frames);
    const k = JSON.stringify(r);
    if (k !== key.current) { key.current = k; setReport(r); }
    el.dataset['flowedAt'] = String(Math.round(performance.now()));
  }, [sheet, shadows, page, threadPages, edition, stories, lang, photoUrl, fontTick]);

  return { report };
}

/** The scale the stage's transform draws `sheet` at (1 outside a scaled stage). */
function drawnScale(sheet: HTMLElement): number {
  const scaled = sheet.closest<HTMLElement>('.compose-scale');
  if (!scaled) return 1;
  const t = getComputedStyle(scaled).transform;
  const a = t && t !== 'none' ? new DOMMatrixReadOnly(t).a : 1;
  return a > 0 ? a : 1;
}
