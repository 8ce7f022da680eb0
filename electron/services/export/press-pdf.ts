import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PressFormat } from '../../../shared/contract/press-schemas';
import type { PdfInfo } from './pdf-info';
import { gsPress, pageBoxes } from './press-gs';
import { neutralsToGray } from './press-neutral';
import type { ResolvedProfile } from './press-profile';

// The press PDF (付印 PDF, issue 13) from the RGB print PDF Chromium made with bleed:
// neutral colours to DeviceGray with 100 K overprinting (press-neutral.ts), then
// Ghostscript's conversion to the output profile as PDF/X (press-gs.ts). Everything runs in
// a scratch folder that is removed afterwards.

export const MM = 72 / 25.4;

export interface PressJob {
  rgbPdf: Uint8Array;
  format: PressFormat;
  trimMm: { width: number; height: number };
  profile: ResolvedProfile;
  info: PdfInfo;
}

export interface PressOutput {
  pdf: Uint8Array;
  neutrals: number;
}

export async function makePressPdf(job: PressJob): Promise<PressOutput> {
  const work = await mkdtemp(join(tmpdir(), 'edition-desk-press-'));
  try {
    const rgb = join(work, 'rgb.pdf');
    const grey = join(work, 'grey.pdf');
    const out = join(work, 'press.pdf');
    await writeFile(rgb, job.rgbPdf);
    const trim = { width: job.trimMm.width * MM, height: job.trimMm.height * MM };
    const report = await neutralsToGray(rgb, grey, work, (media) => pageBoxes(media, trim, job.format.bleedMm * MM));
    await gsPress(grey, out, work, {
      pdfx: job.format.pdfx,
      profilePath: job.profile.path,
      profileName: job.profile.facts.description || 'CMYK',
      maxPpi: job.format.maxPpi,
      info: job.info,
    });
    return { pdf: new Uint8Array(await readFile(out)), neutrals: report.neutrals };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
