import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { appError } from '../../../shared/contract/messages';
import { INKS, PressFormat, type SeparationsResult } from '../../../shared/contract/press-schemas';
import { layoutAuthor, pdfTitle } from '../../../shared/export/file-names';
import { readEdition, readPages } from '../edition-store';
import type { ExportServices } from './export-job';
import { APP_VERSION } from '../version';
import { pressFromJob } from './press-export';
import { readPressFile } from './press-settings';
import { runTool } from './press-tools';

// The separations preview of the export dialog (issue 13, item 3), as designers check in
// Acrobat's output preview: the page's press PDF, made exactly as the export makes it,
// rendered by Ghostscript's tiffsep into one plate per ink, and the highest total ink
// found at one point. tiffsep is the same separation a RIP makes; nothing is simulated.

const PLATE_FILE: Record<(typeof INKS)[number], string> = { C: 'Cyan', M: 'Magenta', Y: 'Yellow', K: 'Black' };

export interface Plates {
  width: number;
  height: number;
  plates: { ink: (typeof INKS)[number]; png: Uint8Array; coverage: number }[];
  /** Highest C+M+Y+K at one pixel, %. */
  maxCoverage: number;
}

/** tiffsep of the first page of `pdf` (inside its TrimBox) at `dpi`, read back with sharp. */
export async function separate(pdf: Uint8Array, dpi: number): Promise<Plates> {
  const work = await mkdtemp(join(tmpdir(), 'edition-desk-sep-'));
  try {
    await writeFile(join(work, 'in.pdf'), pdf);
    await runTool('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=tiffsep', `-r${dpi}`, '-dUseTrimBox', '-dFirstPage=1', '-dLastPage=1', `-sOutputFile=${join(work, 'sep.tif')}`, join(work, 'in.pdf')]);
    const raw = await Promise.all(INKS.map(async (ink) => {
      // tiffsep plates: one band, 255 where no ink, 0 at 100 %.
      const { data, info } = await sharp(join(work, `sep(${PLATE_FILE[ink]}).tif`)).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
      return { ink, data, info };
    }));
    const n = raw[0]!.data.length;
    let max = 0;
    const sums = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      let t = 0;
      for (let k = 0; k < 4; k++) {
        const v = 255 - raw[k]!.data[i]!;
        t += v;
        sums[k]! += v;
      }
      if (t > max) max = t;
    }
    const plates = await Promise.all(raw.map(async (r, k) => ({
      ink: r.ink,
      png: new Uint8Array(await sharp(r.data, { raw: { width: r.info.width, height: r.info.height, channels: 1 } }).png().toBuffer()),
      coverage: Math.round((sums[k]! / (n * 255)) * 1000) / 10,
    })));
    return { width: raw[0]!.info.width, height: raw[0]!.info.height, plates, maxCoverage: Math.round((max / 255) * 1000) / 10 };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export const PREVIEW_DPI = 40;

export async function pressSeparations(svc: ExportServices, req: { edition: string; pageId: string; lang: 'zh' | 'en' }): Promise<SeparationsResult> {
  if (!svc.engine) throw appError('CHROMIUM_MISSING', 'no print engine in this host');
  const dir = await svc.workspace.resolveEdition(req.edition);
  const edition = await readEdition(dir);
  if (!edition.pages.includes(req.pageId)) throw appError('NOT_FOUND', `page ${req.pageId}`);
  const page = (await readPages(dir, edition)).find((p) => p.id === req.pageId)!;
  const s = await readPressFile(dir);
  const format = PressFormat.parse({ pdfx: s.pdfx, inkLimit: s.inkLimit, bleedMm: s.bleedMm, maxPpi: Math.round(s.screenLpi * 1.5) });
  const request = { edition: req.edition, pages: [req.pageId], lang: req.lang, bleedMm: format.bleedMm, marks: false };
  const job = await svc.engine.open(request);
  try {
    const info = { title: pdfTitle(edition, [page.number], req.lang), author: layoutAuthor([page]), creator: `Edition Desk ${APP_VERSION}` };
    const { pdf, profileName } = await pressFromJob({ workspace: svc.workspace, rendererDir: svc.rendererDir, editionDir: dir, edition, job, loaded: request, format, info });
    const sep = await separate(pdf, PREVIEW_DPI);
    return {
      pageId: req.pageId, width: sep.width, height: sep.height, inkLimit: format.inkLimit, maxCoverage: sep.maxCoverage, profile: profileName,
      plates: sep.plates.map((p) => ({ ink: p.ink, coverage: p.coverage, png: `data:image/png;base64,${Buffer.from(p.png).toString('base64')}` })),
    };
  } finally {
    await job.close();
  }
}
