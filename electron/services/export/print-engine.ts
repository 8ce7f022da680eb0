import type { PrintReport, PrintRequest } from '../../../shared/layout/report';
import type { PdfInfo } from './pdf-info';

// How the export services reach a rendering of the pages: the print route
// (renderer/print.html) laid out by a browser engine. The browser host and the CLI use
// Chromium through playwright-core (chromium-engine.ts); the desktop app uses a hidden
// BrowserWindow (electron/main/print-engine-electron.ts). Both wait for the page to say
// it is laid out with its fonts (data-print-ready) before anything is read or printed.

export interface PageImageOptions {
  dpi: number;
  format: 'png' | 'jpeg';
  /** JPEG quality 1–100 (ignored for PNG). */
  quality?: number;
}

export interface PageImage {
  pageId: string;
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** One print route loaded and ready: read its report, print it, or photograph its pages. */
export interface PrintJob {
  readonly report: PrintReport;
  /**
   * The document as PDF, one PDF page per page, at the route's own @page size, with
   * `info` as its Title, Author and Creator (pdf-info.ts; every engine applies it).
   */
  pdf(info: PdfInfo, opts?: PdfOptions): Promise<Uint8Array>;
  /**
   * Runs a self-contained function (no imports, no closures: its source is sent) in the
   * print route's page and returns its JSON-able result (the proof slug and page text,
   * proof-page.ts).
   */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** One image per `.print-page`, in document order. */
  images(opts: PageImageOptions): Promise<PageImage[]>;
  /** Loads the route again with other parameters (bleed, marks, language) in the same tab. */
  reload(req: PrintRequest): Promise<void>;
  close(): Promise<void>;
}

export interface PdfOptions {
  /** Only these pages of the route, 1-based, as "2" or "1-3" (a proof PDF per page). */
  pageRanges?: string;
}

export interface OpenOptions {
  /** How long to wait for data-print-ready. Default 60 s. */
  timeoutMs?: number;
}

export interface PrintEngine {
  open(req: PrintRequest, opts?: OpenOptions): Promise<PrintJob>;
  /** Ends the engine's browser (if it has one of its own). */
  close(): Promise<void>;
}

/** The image size a page of `mm` gets at `dpi`. */
export const pixelsFor = (mm: number, dpi: number): number => Math.round((mm / 25.4) * dpi);

export const DEFAULT_READY_TIMEOUT_MS = 60_000;
