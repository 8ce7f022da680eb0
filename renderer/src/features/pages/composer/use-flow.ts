import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Edition, Page, Story } from '../../../../../shared/document/schema';
import type { PageReport } from '../../../../../shared/layout/report';
import { flowPage } from '../layout/flow-page';
import { fontsLinked } from '../../../fonts';

// Reflows the page's stories after every render that changed the page, its copy, the
// language or the zoom, in the same frame (a layout effect), so the copyfit on screen is
// never a frame behind the keystroke or the drag. Font slices that arrive later trigger
// one more pass. `lastMs` is how long the last reflow took, for the bench and the UI.
export function useFlow(
  sheet: RefObject<HTMLDivElement | null>,
  page: Page | null,
  edition: Edition,
  stories: Record<string, Story>,
  lang: 'zh' | 'en',
  zoom: number,
  photoUrl: (id: string) => string,
): { report: PageReport | null; lastMs: number } {
  const [report, setReport] = useState<PageReport | null>(null);
  const [fontTick, setFontTick] = useState(0);
  const lastMs = useRef(0);
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
    const t0 = performance.now();
    const r = flowPage(el, page, edition, stories, lang, { photoUrl }, zoom);
    lastMs.current = performance.now() - t0;
    const k = JSON.stringify(r);
    if (k !== key.current) { key.current = k; setReport(r); }
    el.dataset['flowedAt'] = String(Math.round(performance.now()));
  }, [sheet, page, edition, stories, lang, zoom, photoUrl, fontTick]);

  return { report, lastMs: lastMs.current };
}
