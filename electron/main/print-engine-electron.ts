import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { appError } from '../../shared/contract/messages';
import { APP_ORIGIN, isAppPage } from './app-url';
import { printQuery, type PrintReport, type PrintRequest } from '../../shared/layout/report';
import { setPdfInfo, type PdfInfo } from '../services/export/pdf-info';
import { uncoverImages } from '../services/export/uncover-images';
import { DEFAULT_READY_TIMEOUT_MS, pixelsFor, type OpenOptions, type PageImage, type PageImageOptions, type PdfOptions, type PrintEngine, type PrintJob } from '../services/export/print-engine';

// The desktop app's print engine: a hidden BrowserWindow loads the print route from the
// app's own files (app://desk/print.html beside index.html, the same preload and sandbox as the main
// window), waits for data-print-ready, and prints with Chromium's own printToPDF. No
// second browser is needed on a desk that runs the Electron app.
//
// NOTE: typechecked only. This machine has no Electron binary, so it has never run; the
// Chromium engine (electron/services/export/chromium-engine.ts) is the one the tests drive.

export class ElectronPrintEngine implements PrintEngine {
  private readonly windows = new Set<BrowserWindow>();

  constructor(private readonly paths: { preload: string }) {}

  /**
   * For the IPC sender check: a call from the main frame of one of our print windows
   * while it shows print.html (its query string is the print request).
   */
  isOwnSender(event: IpcMainInvokeEvent): boolean {
    const frame = event.senderFrame;
    const win = [...this.windows].find((w) => !w.isDestroyed() && w.webContents === event.sender);
    if (!win || !frame || frame.parent !== null) return false;
    return isAppPage(frame.url, 'print.html');
  }

  async open(req: PrintRequest, opts: OpenOptions = {}): Promise<PrintJob> {
    const win = new BrowserWindow({
      show: false,
      width: 1280,
      height: 900,
      webPreferences: { preload: this.paths.preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
    });
    this.windows.add(win);
    win.on('closed', () => this.windows.delete(win));
    const job = new ElectronJob(win, opts.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
    try {
      await job.reload(req);
      return job;
    } catch (e) {
      await job.close();
      throw e;
    }
  }

  async close(): Promise<void> {
    for (const w of this.windows) if (!w.isDestroyed()) w.destroy();
    this.windows.clear();
  }
}

class ElectronJob implements PrintJob {
  private current: PrintReport | null = null;

  constructor(private readonly win: BrowserWindow, private readonly timeoutMs: number) {}

  get report(): PrintReport {
    if (!this.current) throw appError('PRINT_FAILED', 'print route not loaded');
    return this.current;
  }

  async reload(req: PrintRequest): Promise<void> {
    const search = printQuery(req).slice('print.html?'.length);
    await this.win.loadURL(`${APP_ORIGIN}/print.html?${search}`);
    const wc = this.win.webContents;
    const until = Date.now() + this.timeoutMs;
    for (;;) {
      const state = (await wc.executeJavaScript('document.documentElement.dataset.printReady ?? ""')) as string;
      if (state === 'ok') break;
      if (state === 'error') throw appError('PRINT_FAILED', String(await wc.executeJavaScript('document.documentElement.dataset.printError ?? ""')));
      if (Date.now() > until) throw appError('PRINT_FAILED', `print route not ready after ${this.timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const json = (await wc.executeJavaScript('document.fonts.ready.then(() => JSON.stringify(window.__editionDeskPrint ?? null))')) as string;
    const report = JSON.parse(json) as PrintReport | null;
    if (!report || !Array.isArray(report.pages)) throw appError('PRINT_FAILED', 'print route gave no report');
    this.current = report;
  }

  async pdf(info: PdfInfo, opts: PdfOptions = {}): Promise<Uint8Array> {
    // The same fast path for cropped photos as the Chromium engine (see uncover-images.ts).
    await this.win.webContents.executeJavaScript(`(${uncoverImages.toString()})()`);
    const buf = await this.win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, ...(opts.pageRanges ? { pageRanges: opts.pageRanges } : {}) });
    // Electron's Creator is its user agent, as Chromium's: the same Info as the other engine.
    return setPdfInfo(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), info);
  }

  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return (await this.win.webContents.executeJavaScript(`(${fn.toString()})(${JSON.stringify(arg)})`)) as R;
  }

  async images(opts: PageImageOptions): Promise<PageImage[]> {
    const wc = this.win.webContents;
    const { width, height } = this.report.pageSizeMm;
    const bleed = this.report.bleedMm;
    const target = { width: pixelsFor(width + 2 * bleed, opts.dpi), height: pixelsFor(height + 2 * bleed, opts.dpi) };
    const cssW = Math.ceil(((width + 2 * bleed) / 25.4) * 96);
    const cssH = Math.ceil(((height + 2 * bleed) / 25.4) * 96);
    // Zoomed to dpi/96 and the window sized to one zoomed page, so capturePage rasterises
    // at the resolution asked for; the last pixel of rounding is taken by resize().
    wc.setZoomFactor(opts.dpi / 96);
    this.win.setContentSize(Math.ceil(cssW * (opts.dpi / 96)), Math.ceil(cssH * (opts.dpi / 96)));
    const count = (await wc.executeJavaScript("document.querySelectorAll('.print-page').length")) as number;
    const out: PageImage[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const box = (await wc.executeJavaScript(`(() => {
          const all = Array.from(document.querySelectorAll('.print-page'));
          all.forEach((el, j) => { el.style.display = j === ${i} ? '' : 'none'; });
          window.scrollTo(0, 0);
          const r = all[${i}].getBoundingClientRect();
          return { id: all[${i}].dataset.pageId || String(${i + 1}), x: r.left, y: r.top, width: r.width, height: r.height };
        })()`)) as { id: string; x: number; y: number; width: number; height: number };
        const z = opts.dpi / 96;
        const shot = await wc.capturePage({ x: Math.floor(box.x * z), y: Math.floor(box.y * z), width: Math.ceil(box.width * z), height: Math.ceil(box.height * z) });
        const exact = shot.resize({ width: target.width, height: target.height, quality: 'best' });
        const buf = opts.format === 'jpeg' ? exact.toJPEG(opts.quality ?? 88) : exact.toPNG();
        out.push({ pageId: box.id, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), ...target });
      }
    } finally {
      await wc.executeJavaScript("document.querySelectorAll('.print-page').forEach((el) => { el.style.display = ''; })");
      wc.setZoomFactor(1);
    }
    return out;
  }

  async close(): Promise<void> {
    if (!this.win.isDestroyed()) this.win.destroy();
  }
}
