import { mkdir, readFile, realpath, rename, rm, rmdir, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { appError } from '../../../shared/contract/messages';
import type { ExportFile, ExportFormats, ExportResult, PreflightFindingData } from '../../../shared/contract/export-schemas';
import type { Edition, Page, Story } from '../../../shared/document/schema';
import { exportNames, layoutAuthor, pdfTitle } from '../../../shared/export/file-names';
import { webArticleHtml } from '../../../shared/export/html';
import { preflight, type GlyphCoverage } from '../../../shared/layout/preflight';
import { preflightText } from '../../../shared/layout/preflight-messages';
import type { PrintReport, PrintRequest } from '../../../shared/layout/report';
import { writeFileAtomic } from '../atomic-write';
import { APP_VERSION } from '../version';
import { readEdition, readPages, readStory } from '../edition-store';
import type { Workspace } from '../workspace';
import { writeHandoffPackage } from './handoff-package';
import type { PdfInfo } from './pdf-info';
import { type PageImage, type PrintEngine, type PrintJob } from './print-engine';
import { webImages } from './web-images';
import { pressFromJob, pressName } from './press-export';

// export:preflight and export:run. The pages are rendered once by the print route in a
// browser engine (PDF and images from the same tab); the files are written into a hidden
// staging folder inside <edition>/exports/ and renamed to exports/<yyyymmdd-hhmmss>/ only
// when all of them are complete, so a folder with that name is never half written.

export interface ExportServices {
  workspace: Workspace;
  /** Null where no engine is available (then PDF, images and preflight fail with CHROMIUM_MISSING). */
  engine: PrintEngine | null;
  /** The built renderer: its fonts/coverage.json lists what the bundled fonts cover. */
  rendererDir: string;
  /** Open proofreading findings of an edition, when the proofreader is there (issue 6). */
  openProofFindings?: (editionDir: string) => Promise<number | undefined>;
}

export interface ExportRequest {
  edition: string;
  pages?: string[] | undefined;
  lang: 'zh' | 'en';
  formats: ExportFormats;
  /** The CLI's --profile: a CMYK output profile for the press PDF instead of the edition's. */
  pressProfile?: string;
}

const coverageCache = new Map<string, Promise<GlyphCoverage>>();

function loadCoverage(rendererDir: string): Promise<GlyphCoverage> {
  let c = coverageCache.get(rendererDir);
  if (!c) {
    c = readFile(join(rendererDir, 'fonts', 'coverage.json'), 'utf8').then((t) => JSON.parse(t) as GlyphCoverage, (e: Error) => {
      coverageCache.delete(rendererDir);
      throw appError('PRINT_FAILED', `fonts/coverage.json: ${e.message} (run npm run build)`);
    });
    coverageCache.set(rendererDir, c);
  }
  return c;
}

interface Loaded {
  dir: string;
  edition: Edition;
  /** The pages asked for, in edition order. */
  pages: Page[];
}

async function load(ws: Workspace, ref: string, pageIds: string[] | undefined): Promise<Loaded> {
  const dir = await ws.resolveEdition(ref);
  const edition = await readEdition(dir);
  const all = await readPages(dir, edition);
  const wanted = pageIds && pageIds.length > 0 ? pageIds : null;
  if (wanted) {
    const missing = wanted.filter((id) => !edition.pages.includes(id));
    if (missing.length > 0) throw appError('NOT_FOUND', `pages: ${missing.join(', ')}`);
  }
  return { dir, edition, pages: wanted ? all.filter((p) => wanted.includes(p.id)) : all };
}

/**
 * The proofreader's count, started while the pages render (it reads every story); a
 * proofreader that fails leaves the count out rather than failing the export.
 */
function proofCount(svc: ExportServices, l: Loaded): Promise<number | undefined> {
  return svc.openProofFindings ? svc.openProofFindings(l.dir).catch(() => undefined) : Promise.resolve(undefined);
}

async function findings(svc: ExportServices, l: Loaded, report: PrintReport, proof: Promise<number | undefined>): Promise<PreflightFindingData[]> {
  const coverage = await loadCoverage(svc.rendererDir);
  const openProofFindings = await proof;
  return preflight({ edition: l.edition, pages: l.pages, report, coverage, ...(openProofFindings !== undefined ? { openProofFindings } : {}) })
    .map((f) => ({ ...f, message: preflightText(f) }));
}

function engineOf(svc: ExportServices): PrintEngine {
  if (!svc.engine) throw appError('CHROMIUM_MISSING', 'no print engine in this host');
  return svc.engine;
}

export async function runPreflight(svc: ExportServices, req: { edition: string; pages?: string[] | undefined; lang: 'zh' | 'en' }): Promise<PreflightFindingData[]> {
  const l = await load(svc.workspace, req.edition, req.pages);
  const proof = proofCount(svc, l);
  const job = await engineOf(svc).open({ edition: req.edition, pages: l.pages.map((p) => p.id), lang: req.lang, bleedMm: 0, marks: false });
  try {
    return await findings(svc, l, job.report, proof);
  } finally {
    await job.close();
  }
}

/** yyyymmdd-hhmmss in local time: the desk reads the folder names. */
export function exportStamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

const exists = (p: string) => stat(p).then(() => true, () => false);

export async function runExport(svc: ExportServices, req: ExportRequest): Promise<ExportResult> {
  const l = await load(svc.workspace, req.edition, req.pages);
  const { formats } = req;
  const wantsPdf = formats.pdf ?? (formats.package ? { bleedMm: 0, marks: false } : undefined);
  const wantsImages = formats.png ?? (formats.package ? { dpi: 150, format: 'png' as const, quality: 88 } : undefined);
  const numbers = l.pages.map((p) => p.number);
  const names = exportNames(l.edition, numbers, req.lang);
  const info: PdfInfo = { title: pdfTitle(l.edition, numbers, req.lang), author: layoutAuthor(l.pages), creator: `Edition Desk ${APP_VERSION}` };
  const exportsDir = join(l.dir, 'exports');
  const staging = join(exportsDir, `.partial-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { recursive: true });
  const written: { name: string; kind: ExportFile['kind']; pageId?: string }[] = [];
  const put = async (name: string, kind: ExportFile['kind'], bytes: Uint8Array | string, pageId?: string) => {
    await writeFileAtomic(join(staging, name), bytes);
    written.push({ name, kind, ...(pageId ? { pageId } : {}) });
  };

  let found: PreflightFindingData[] = [];
  try {
    let pdf: Uint8Array | null = null;
    let images: PageImage[] = [];
    let press: Uint8Array | null = null;
    if (wantsPdf || wantsImages || formats.press) {
      const proof = proofCount(svc, l);
      const request: PrintRequest = {
        edition: req.edition, pages: l.pages.map((p) => p.id), lang: req.lang, bleedMm: wantsPdf?.bleedMm ?? 0, marks: wantsPdf?.marks ?? false,
      };
      const job: PrintJob = await engineOf(svc).open(request);
      try {
        found = await findings(svc, l, job.report, proof);
        if (wantsPdf) pdf = await job.pdf(info);
        if (wantsImages) {
          // Images for screens: the trimmed page, without bleed or marks.
          if (request.bleedMm !== 0 || request.marks) await job.reload({ ...request, bleedMm: 0, marks: false });
          images = await job.images({ dpi: wantsImages.dpi, format: wantsImages.format, quality: wantsImages.quality });
        }
        if (formats.press) {
          const loaded = wantsImages ? { ...request, bleedMm: 0, marks: false } : request;
          press = (await pressFromJob({ workspace: svc.workspace, rendererDir: svc.rendererDir, editionDir: l.dir, edition: l.edition, job, loaded, format: formats.press, info, profileOverride: req.pressProfile })).pdf;
        }
      } finally {
        await job.close();
      }
    }
    const numberOf = new Map(l.pages.map((p) => [p.id, p.number]));
    const imageNames = images.map((img, i) => {
      const ext = wantsImages?.format === 'jpeg' ? 'jpg' : 'png';
      return { ...img, name: names.page(numberOf.get(img.pageId) ?? i + 1, ext) };
    });
    if (pdf && formats.pdf) await put(names.pdf, 'pdf', pdf);
    if (press) await put(pressName(names.pdf, req.lang), 'press', press);
    if (formats.png) for (const img of imageNames) await put(img.name, formats.png.format === 'jpeg' ? 'jpeg' : 'png', img.bytes, img.pageId);

    const stories = await storiesOf(l);
    if (formats.html) {
      const photoIds = l.pages.flatMap((p) => p.blocks.map((b) => b.photoId).filter((x): x is string => !!x));
      for (const s of stories.values()) for (const n of [...(s.zh?.root.children ?? []), ...(s.en?.root.children ?? [])]) if (n.type === 'figure' && typeof n['photoId'] === 'string') photoIds.push(n['photoId']);
      const images64 = await webImages(l.dir, l.edition, photoIds);
      for (const page of l.pages) {
        const html = webArticleHtml({ lang: req.lang, edition: l.edition, page, stories: Object.fromEntries(stories), images: images64 });
        await put(names.page(page.number, 'html'), 'html', html, page.id);
      }
    }
    if (formats.package) {
      const name = names.zip;
      await writeHandoffPackage(join(staging, name), {
        dir: l.dir, edition: l.edition, pages: l.pages, stories: [...stories.values()],
        pdf: pdf ? { name: names.pdf, bytes: pdf } : null,
        images: imageNames.map((i) => ({ name: i.name, bytes: i.bytes })),
      });
      written.push({ name, kind: 'zip' });
    }

    const stamp = exportStamp();
    let final = join(exportsDir, stamp);
    for (let n = 2; await exists(final); n++) final = join(exportsDir, `${stamp}-${n}`);
    await rename(staging, final);
    const root = await realpath(svc.workspace.root);
    const rel = (p: string) => relative(root, p).split(sep).join('/');
    const files: ExportFile[] = [];
    for (const w of written) {
      const p = join(final, w.name);
      files.push({ path: rel(p), kind: w.kind, bytes: (await stat(p)).size, ...(w.pageId ? { pageId: w.pageId } : {}) });
    }
    return { folder: rel(final), files, findings: found };
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    // A failed first export leaves no empty exports/ behind (rmdir refuses a non-empty one).
    await rmdir(exportsDir).catch(() => {});
    throw e;
  }
}

/** The stories placed on the pages, each once. */
async function storiesOf(l: Loaded): Promise<Map<string, Story>> {
  const out = new Map<string, Story>();
  for (const page of l.pages) {
    for (const b of page.blocks) {
      // Story frames, and blocks that show a story's kicker/headline/deck (issue 10).
      if ((b.kind !== 'story' && !b.fromStory) || !b.storyId || out.has(b.storyId)) continue;
      out.set(b.storyId, await readStory(l.dir, b.storyId));
    }
  }
  return out;
}
