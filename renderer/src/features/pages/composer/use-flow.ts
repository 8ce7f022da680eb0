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
// slices that arrive later trigger one more pass.
export function useFlow(
  sheet: RefObject<HTMLDivElement | null>,
  shadows: RefObject<Map<string, HTMLDivElement>>,
  page: Page | null,
  /** The pages whose frames share a story with this one, this one included, in edition order. */
  threadPages: Page[],
  edition: Edition,
  stories: Record<string, Story>,
  lang: 'zh' | 'en',
  zoom: number,
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
    const frames = flowThreads(sheets, threadPages, stories, lang, { photoUrl }, zoom, only).get(page.id) ?? [];
    const r = pageReport(el, page, edition, stories, lang, frames);
    const k = JSON.stringify(r);
    if (k !== key.current) { key.current = k; setReport(r); }
    el.dataset['flowedAt'] = String(Math.round(performance.now()));
  }, [sheet, shadows, page, threadPages, edition, stories, lang, zoom, photoUrl, fontTick]);

  return { report };
}
