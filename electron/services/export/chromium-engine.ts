import { existsSync } from 'node:fs';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appError } from '../../../shared/contract/messages';
import { AppError } from '../../../shared/contract/errors';
import { printQuery, type PrintReport, type PrintRequest } from '../../../shared/layout/report';
import { setPdfInfo, type PdfInfo } from './pdf-info';
import { uncoverImages } from './uncover-images';
import { DEFAULT_READY_TIMEOUT_MS, pixelsFor, type OpenOptions, type PageImage, type PageImageOptions, type PdfOptions, type PrintEngine, type PrintJob } from './print-engine';

// The print engine of the browser host and the CLI: Chromium driven by playwright-core
// against the host's own print route on 127.0.0.1. One browser is launched on first use
// and kept for later jobs (launching costs about a second); jobs share one context and
// reuse its tab (warmTab), with the host's token in the print route's URL and one tab used
// for both the PDF and the page images.

/** Where to look for a Chromium when EDITION_DESK_CHROMIUM does not say. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Flags that keep the browser off any network but loopback and quiet in a desk's background. */
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const wanted = env['EDITION_DESK_CHROMIUM'];
  if (wanted) {
    if (!existsSync(wanted)) throw appError('CHROMIUM_MISSING', `EDITION_DESK_CHROMIUM=${wanted} does not exist`);
    return wanted;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw appError('CHROMIUM_MISSING', `none of ${CANDIDATES.slice(0, 3).join(', ')}; set EDITION_DESK_CHROMIUM`);
  return found;
}

export interface ChromiumEngineOptions {
  /** The host's origin (http://127.0.0.1:PORT); may be given later with setTarget(). */
  origin?: string;
  token?: string;
  executablePath?: string;
  /** Close the browser after this long without a job (default 5 min; 0 = keep). */
  idleCloseMs?: number;
}

export class ChromiumPrintEngine implements PrintEngine {
  private origin: string | undefined;
  private token: string | undefined;
  private browser: Promise<Browser> | null = null;
  private jobs = 0;
  private context: Promise<BrowserContext> | null = null;
  private contextOf: Browser | null = null;
  private idle: Page[] = [];
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: ChromiumEngineOptions = {}) {
    this.origin = opts.origin;
    this.token = opts.token;
  }

  /** The host listens before it knows its port; it tells the engine here. */
  setTarget(origin: string, token: string): void {
    this.origin = origin;
    this.token = token;
  }

  /** Starts the browser now (a warm-up, so the first export does not pay for the launch). */
  async warm(): Promise<void> {
    await this.launch();
  }

  /** The engine's own browser, started if needed (the export benchmarks print their static-HTML reference in it). */
  browserInUse(): Promise<Browser> {
    return this.launch();
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const executablePath = this.opts.executablePath ?? findChromium();
      // playwright-core is loaded on the first export, not at start: parsing its bundles was
      // about a third of the host's and the CLI's start-up CPU, paid by every launch that
      // never exports.
      const p = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true })).catch((e: unknown) => {
        this.browser = null;
        throw appError('CHROMIUM_MISSING', `${executablePath}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      });
      this.browser = p;
      void p.then((b) => b.on('disconnected', () => { if (this.browser === p) this.browser = null; }), () => {});
    }
    return this.browser;
  }

  async open(req: PrintRequest, opts: OpenOptions = {}): Promise<PrintJob> {
    const origin = this.origin;
    const token = this.token;
    if (!origin || !token) throw appError('PRINT_FAILED', 'print engine has no host to print from');
    if (this.idleTimer) { clearTimeout(this.idleTimer); this.idleTimer = null; }
    this.jobs++;
    let page: Page | null = null;
    try {
      const tab = await this.warmTab();
      page = tab.page;
      const job = new ChromiumJob(origin, token, tab.context, tab.page, opts.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS, (reusable) => this.release(tab, reusable));
      await job.reload(req);
      return job;
    } catch (e) {
      await page?.close().catch(() => {});
      this.jobDone();
      throw e;
    }
  }

  /**
   * A print tab: the one a finished job left, else a new one in the engine's print
   * context. Jobs reuse the context and its tab (issue 13, export speed): the host serves
   * the font slices as cacheable, so a warm tab has the ~100 faces a page needs already
   * fetched and decoded, and the print route is ready in about a quarter of the time.
   * Each job still loads the route afresh, so nothing of an earlier export's pages stays.
   */
  private async warmTab(): Promise<{ context: BrowserContext; page: Page }> {
    const browser = await this.launch();
    if (!this.context || this.contextOf !== browser) {
      this.context = browser.newContext({ viewport: { width: 1280, height: 900 } });
      this.contextOf = browser;
      this.idle = [];
    }
    const context = await this.context;
    const page = this.idle.pop() ?? (await context.newPage());
    return { context, page };
  }

  private release(tab: { context: BrowserContext; page: Page }, reusable: boolean): void {
    if (reusable && !tab.page.isClosed() && this.context && this.idle.length < 1) {
      this.idle.push(tab.page);
    } else {
      void tab.page.close().catch(() => {});
    }
    this.jobDone();
  }

  private jobDone(): void {
    this.jobs = Math.max(0, this.jobs - 1);
    const idle = this.opts.idleCloseMs ?? 5 * 60_000;
    if (this.jobs === 0 && idle > 0 && this.browser) {
      this.idleTimer = setTimeout(() => void this.close(), idle);
      this.idleTimer.unref();
    }
  }

  async close(): Promise<void> {
    if (this.idleTimer) { clearTimeout(this.idleTimer); this.idleTimer = null; }
    const b = this.browser;
    this.browser = null;
    this.context = null;
    this.contextOf = null;
    this.idle = [];
    if (b) await (await b.catch(() => null))?.close().catch(() => {});
  }
}

class ChromiumJob implements PrintJob {
  private current: PrintReport | null = null;
  private closed = false;

  constructor(
    private readonly origin: string,
    private readonly token: string,
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly timeoutMs: number,
    /** Gives the tab back to the engine: reusable when every step of this job succeeded. */
    private readonly onClose: (reusable: boolean) => void,
  ) {}

  private failed = false;

  get report(): PrintReport {
    if (!this.current) throw appError('PRINT_FAILED', 'print route not loaded');
    return this.current;
  }

  async reload(req: PrintRequest): Promise<void> {
    // The token rides in the URL as in the printed EDITION_DESK_URL; the print route keeps
    // it in its tab's sessionStorage like the app does (electron/host/gate.ts).
    const url = `${this.origin}/${printQuery(req)}`;
    this.failed = true; // until the route says it is ready
    const res = await this.page.goto(`${url}&token=${encodeURIComponent(this.token)}`, { waitUntil: 'domcontentloaded', timeout: this.timeoutMs }).catch((e: unknown) => {
      throw appError('PRINT_FAILED', `${url}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    });
    if (!res || !res.ok()) {
      throw appError('PRINT_FAILED', `${url}: HTTP ${res?.status() ?? '—'}${res?.status() === 404 ? ' (print.html not built? run npm run build)' : ''}`);
    }
    this.current = await waitForPrintReady(this.page, this.timeoutMs);
    this.failed = false;
  }

  async pdf(info: PdfInfo, opts: PdfOptions = {}): Promise<Uint8Array> {
    this.failed = true;
    await this.page.evaluate(uncoverImages);
    const buf = await this.page.pdf({ preferCSSPageSize: true, printBackground: true, ...(opts.pageRanges ? { pageRanges: opts.pageRanges } : {}) });
    this.failed = false;
    return setPdfInfo(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), info);
  }

  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return (await this.page.evaluate(fn as (arg: A) => Promise<R>, arg as never)) as R;
  }

  async images(opts: PageImageOptions): Promise<PageImage[]> {
    // The pages as they print: print media, no preview gaps or shadows of the screen style.
    this.failed = true;
    await this.page.emulateMedia({ media: 'print' });
    try {
      const { width, height } = this.report.pageSizeMm;
      const bleed = this.report.bleedMm;
      // A viewport a little larger than one page.
      await this.page.setViewportSize({ width: Math.ceil(((width + 2 * bleed) / 25.4) * 96) + 32, height: Math.ceil(((height + 2 * bleed) / 25.4) * 96) + 32 });
      const out: PageImage[] = [];
      const count = await this.page.locator('.print-page').count();
      for (let i = 0; i < count; i++) {
        // One page shown at a time, at the top left, so a capture a little past its edge
        // meets white, never the next page.
        const box = await this.page.evaluate((index) => {
          const all = Array.from(document.querySelectorAll<HTMLElement>('.print-page'));
          all.forEach((el, j) => { el.style.display = j === index ? '' : 'none'; });
          window.scrollTo(0, 0);
          const r = all[index]!.getBoundingClientRect();
          return { id: all[index]!.dataset['pageId'] ?? String(index + 1), x: r.left, y: r.top, width: r.width, height: r.height };
        }, i);
        const scale = opts.dpi / 96;
        const target = { width: pixelsFor(width + 2 * bleed, opts.dpi), height: pixelsFor(height + 2 * bleed, opts.dpi) };
        // Rasterised at dpi/96 by the capture itself (sharp text, not an upscaled screen).
        // round(mm / 25.4 × dpi) pixels are wanted; Chromium's scaled capture can come out
        // a few pixels short of its clip, so a little more is taken, over white, and the
        // exact size cut from it.
        const cdp = await this.context.newCDPSession(this.page);
        const shot = await cdp.send('Page.captureScreenshot', {
          format: 'png',
          // lossless, cut and encoded below; Chromium's fastest PNG setting, since sharp
          // encodes the file that is kept (the sample's two pages at 150 dpi: ~1 s less, the
          // same bytes out)
          clip: { x: box.x, y: box.y, width: (target.width + 4) / scale, height: (target.height + 4) / scale, scale },
          captureBeyondViewport: true, fromSurface: true, optimizeForSpeed: true,
        });
        await cdp.detach();
        const cut = sharp(await atLeast(Buffer.from(shot.data, 'base64'), target)).extract({ left: 0, top: 0, ...target });
        const buf = opts.format === 'jpeg'
          ? await cut.jpeg({ quality: opts.quality ?? 88, chromaSubsampling: '4:4:4' }).withMetadata({ density: opts.dpi }).toBuffer()
          : await cut.png({ compressionLevel: 6 }).withMetadata({ density: opts.dpi }).toBuffer();
        out.push({ pageId: box.id, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), ...target });
      }
      await this.page.evaluate(() => document.querySelectorAll<HTMLElement>('.print-page').forEach((el) => { el.style.display = ''; }));
      this.failed = false;
      return out;
    } finally {
      await this.page.emulateMedia({ media: null });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // The tab goes back to the engine for the next job, with its fonts; a tab whose job
    // failed anywhere is closed instead. The screen viewport is put back (images() sets its
    // own), and the pages are left for about:blank, so their decoded photos do not stay in
    // memory while the desk waits; the font slices stay in the context's cache (measured: the
    // next export is as fast either way).
    const reusable = !this.failed && (await this.page.setViewportSize({ width: 1280, height: 900 }).then(() => true, () => false))
      && (await this.page.goto('about:blank').then(() => true, () => false));
    this.onClose(reusable);
  }
}

/** Waits for data-print-ready and the fonts, then reads the report the route left. */
async function waitForPrintReady(page: Page, timeoutMs: number): Promise<PrintReport> {
  try {
    await page.waitForFunction(() => document.documentElement.dataset['printReady'] !== undefined, null, { timeout: timeoutMs, polling: 50 });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw appError('PRINT_FAILED', `print route not ready after ${timeoutMs} ms`);
  }
  const state = await page.evaluate(async () => {
    await document.fonts.ready;
    const d = document.documentElement.dataset;
    return { ready: d['printReady'], error: d['printError'] ?? '', report: (window as unknown as { __editionDeskPrint?: unknown }).__editionDeskPrint };
  });
  if (state.ready !== 'ok') throw appError('PRINT_FAILED', state.error || `print route says ${state.ready}`);
  return checkReport(state.report);
}

export function checkReport(x: unknown): PrintReport {
  const r = x as PrintReport | undefined;
  if (!r || typeof r !== 'object' || !Array.isArray(r.pages) || typeof r.chars !== 'string' || !r.pageSizeMm) {
    throw appError('PRINT_FAILED', 'print route gave no report');
  }
  return r;
}

/** The capture, widened with white where it came out smaller than `size`. */
async function atLeast(png: Buffer, size: { width: number; height: number }): Promise<Buffer> {
  const w = png.readUInt32BE(16);
  const h = png.readUInt32BE(20);
  if (w >= size.width && h >= size.height) return png;
  return sharp(png)
    .extend({ right: Math.max(0, size.width - w), bottom: Math.max(0, size.height - h), background: '#ffffff' })
    .png({ compressionLevel: 0 })
    .toBuffer();
}
