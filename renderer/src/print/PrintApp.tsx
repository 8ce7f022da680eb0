import { useEffect, useRef, useState } from 'react';
import type { Edition, Page, Story } from '../../../shared/document/schema';
import { pdfTitle } from '../../../shared/export/file-names';
import { parsePrintQuery, type PrintReport } from '../../../shared/layout/report';
import { call, mediaUrl } from '../api/client';
import { PageCanvas } from '../features/pages/layout/PageCanvas';
import { drawnChars, flowThreads, jumpsOf, pageReport } from '../features/pages/layout/flow-page';
import { settleLayout } from '../features/pages/layout/settle';
import './print.css';

declare global {
  interface Window { __editionDeskPrint?: PrintReport }
}

interface Loaded {
  edition: Edition;
  /** The pages asked for. */
  pages: Page[];
  /** Pages not asked for whose frames carry a thread of a page asked for: set first, never printed. */
  shadows: Page[];
  /** Both, in edition order: the order threads run in. */
  ordered: Page[];
  stories: Record<string, Story>;
}

const MARK_SLUG_MM = 8;

export function PrintApp() {
  const req = parsePrintQuery(location.search);
  const [data, setData] = useState<Loaded | null>(null);
  const sheets = useRef<Map<string, HTMLDivElement>>(new Map());
  const root = document.documentElement;

  useEffect(() => {
    (async () => {
      const edition = await call('edition:open', { edition: req.edition });
      const all = await call('page:list', { edition: req.edition });
      const pages = req.pages.length ? req.pages.map((id) => all.find((p) => p.id === id)).filter((p): p is Page => !!p) : all;
      if (pages.length === 0) throw new Error('no such pages');
      const ids = [...new Set(pages.flatMap((p) => p.blocks.flatMap((b) => (b.storyId ? [b.storyId] : []))))];
      const stories = await Promise.all(ids.map((storyId) => call('story:get', { edition: req.edition, storyId })));
      const asked = new Set(pages.map((p) => p.id));
      // Frames of the same stories, and from-story blocks (their parts are left out of the frames).
      const shadows = all.filter((p) => !asked.has(p.id) && p.blocks.some((b) => (b.kind === 'story' || b.fromStory) && b.storyId && ids.includes(b.storyId)));
      const ordered = all.filter((p) => asked.has(p.id) || shadows.includes(p));
      setData({ edition, pages, shadows, ordered, stories: Object.fromEntries(stories.map((s) => [s.id, s])) });
    })().catch((e: unknown) => {
      root.dataset['printError'] = e instanceof Error ? e.message : String(e);
      root.dataset['printReady'] = 'error';
    });
  }, []);

  const outer = req.bleedMm + (req.marks ? MARK_SLUG_MM : 0);

  useEffect(() => {
    if (!data) return;
    // Chromium prints the document's title as the PDF's Title (the engines set it again, with Author and Creator).
    document.title = pdfTitle(data.edition, data.pages.map((p) => p.number), req.lang);
    const { widthMm, heightMm } = data.edition.pageSize;
    // @page through CSSOM: the CSP allows no inline <style>, and the size is the edition's.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page { size: ${widthMm + 2 * outer}mm ${heightMm + 2 * outer}mm; margin: 0 }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const opts = { photoUrl: (id: string) => mediaUrl(req.edition, id, 'original') };
    settleLayout(() => {
      // Only the threads of the pages asked for; a shadow page's other stories are not set.
      const frames = flowThreads(sheets.current, data.ordered, data.stories, req.lang, opts, 1, new Set(Object.keys(data.stories)));
      return data.pages.map((p) => pageReport(sheets.current.get(p.id)!, p, data.edition, data.stories, req.lang, frames.get(p.id) ?? []));
    })
      .then((pages) => {
        window.__editionDeskPrint = {
          pageSizeMm: { width: widthMm, height: heightMm }, bleedMm: req.bleedMm, lang: req.lang, pages,
          chars: drawnChars(data.pages.map((p) => sheets.current.get(p.id)!)),
        };
        root.dataset['printReady'] = 'ok';
      })
      .catch((e: unknown) => {
        root.dataset['printError'] = e instanceof Error ? e.message : String(e);
        root.dataset['printReady'] = 'error';
      });
  }, [data]);

  if (!data) return null;
  const jumps = jumpsOf(data.ordered);
  const { widthMm, heightMm } = data.edition.pageSize;
  return (
    <>
      {data.pages.map((p) => (
        <section key={p.id} className="print-page" data-page-id={p.id} style={{ width: `${widthMm + 2 * outer}mm`, height: `${heightMm + 2 * outer}mm` }}>
          <div style={{ position: 'absolute', left: `${outer}mm`, top: `${outer}mm` }}>
            <PageCanvas
              ref={(el) => { if (el) sheets.current.set(p.id, el); }}
              edition={data.edition}
              page={p}
              lang={req.lang}
              photoUrl={(id) => mediaUrl(req.edition, id, 'original')}
              jumps={jumps}
              stories={data.stories}
            />
          </div>
          {req.marks && <CropMarks w={widthMm} h={heightMm} outer={outer} bleed={req.bleedMm} />}
        </section>
      ))}
      <div className="print-shadows" aria-hidden="true">
        {data.shadows.map((p) => (
          <PageCanvas key={p.id} ref={(el) => { if (el) sheets.current.set(p.id, el); }} edition={data.edition} page={p} lang={req.lang}
            photoUrl={(id) => mediaUrl(req.edition, id, 'preview')} jumps={jumps} stories={data.stories} />
        ))}
      </div>
    </>
  );
}

/** Crop marks at the trim corners, in the slug outside the bleed. */
function CropMarks({ w, h, outer, bleed }: { w: number; h: number; outer: number; bleed: number }) {
  const len = MARK_SLUG_MM - 1;
  const t = 0.25;
  const lines: Array<{ x: number; y: number; w: number; h: number }> = [];
  for (const x of [outer, outer + w]) for (const top of [true, false]) {
    const y0 = top ? outer - bleed - len - 0.5 : outer + h + bleed + 0.5;
    lines.push({ x: x - t / 2, y: y0, w: t, h: len });
  }
  for (const y of [outer, outer + h]) for (const left of [true, false]) {
    const x0 = left ? outer - bleed - len - 0.5 : outer + w + bleed + 0.5;
    lines.push({ x: x0, y: y - t / 2, w: len, h: t });
  }
  return (
    <>
      {lines.map((l, i) => (
        <i key={i} className="crop" style={{ left: `${l.x}mm`, top: `${l.y}mm`, width: `${l.w}mm`, height: `${l.h}mm` }} />
      ))}
    </>
  );
}
