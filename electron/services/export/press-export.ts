import { PressFormat } from '../../../shared/contract/press-schemas';
import type { Edition } from '../../../shared/document/schema';
import type { PrintRequest } from '../../../shared/layout/report';
import type { Workspace } from '../workspace';
import type { PdfInfo } from './pdf-info';
import { makePressPdf } from './press-pdf';
import { pressProfileFor } from './press-settings';
import type { PrintJob } from './print-engine';

// The export job's press step (export-job.ts calls this once the other formats of the
// same print tab are done): the pages again with the press bleed and no marks, then
// makePressPdf with the edition's profile (or the CLI's --profile).

export interface PressStep {
  workspace: Workspace;
  rendererDir: string;
  editionDir: string;
  edition: Edition;
  job: PrintJob;
  /** The request the tab is loaded with now. */
  loaded: PrintRequest;
  format: PressFormat;
  info: PdfInfo;
  profileOverride?: string | undefined;
}

export async function pressFromJob(step: PressStep): Promise<{ pdf: Uint8Array; profileName: string }> {
  // Defaults filled here too: services called without the contract (CLI, bench) get the same format.
  const s = { ...step, format: PressFormat.parse(step.format) };
  const profile = await pressProfileFor(s.workspace, s.rendererDir, s.editionDir, s.format.inkLimit, s.profileOverride);
  if (s.loaded.bleedMm !== s.format.bleedMm || s.loaded.marks) await s.job.reload({ ...s.loaded, bleedMm: s.format.bleedMm, marks: false });
  const rgb = await s.job.pdf(s.info);
  const out = await makePressPdf({
    rgbPdf: rgb, format: s.format, profile, info: s.info,
    trimMm: { width: s.edition.pageSize.widthMm, height: s.edition.pageSize.heightMm },
  });
  return { pdf: out.pdf, profileName: profile.facts.description };
}

/** "20260226-第01-02版.pdf" → "20260226-第01-02版-付印.pdf" (or -press in English). */
export const pressName = (pdfName: string, lang: 'zh' | 'en'): string => pdfName.replace(/\.pdf$/i, lang === 'zh' ? '-付印.pdf' : '-press.pdf');
