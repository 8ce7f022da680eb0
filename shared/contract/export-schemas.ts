import { z } from 'zod';
import { Id } from '../document/ids';
import { PREFLIGHT_IDS } from '../layout/preflight';
import { PressFormat } from './press-schemas';

// Inputs and outputs of the export channels (export:preflight, export:run), kept apart
// from contract.ts so the export's shape reads in one place.

const PageIds = z.array(Id).max(500);

export const ExportFormats = z
  .object({
    /** Print PDF; bleed and crop marks are drawn by the print route. */
    pdf: z.object({ bleedMm: z.number().min(0).max(20).default(0), marks: z.boolean().default(false) }).strict().optional(),
    /** One image per page; 300 dpi keeps a broadsheet page under 30 megapixels. */
    png: z.object({
      dpi: z.number().int().min(36).max(300).default(150),
      format: z.enum(['png', 'jpeg']).default('png'),
      quality: z.number().int().min(30).max(100).default(88),
    }).strict().optional(),
    html: z.literal(true).optional(),
    package: z.literal(true).optional(),
    /** Press PDF (付印 PDF, issue 13): CMYK PDF/X through Ghostscript. */
    press: PressFormat.optional(),
  })
  .strict()
  .refine((f) => f.pdf || f.png || f.html || f.package || f.press, { message: 'choose at least one format' });
export type ExportFormats = z.output<typeof ExportFormats>;

export const PreflightFindingSchema = z.object({
  id: z.enum(PREFLIGHT_IDS),
  severity: z.enum(['error', 'warning']),
  pageId: z.string().optional(),
  blockId: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
export type PreflightFindingData = z.infer<typeof PreflightFindingSchema>;

export const ExportFile = z.object({
  /** Workspace-relative, with "/" (e.g. "x.edition/exports/20260226-101500/x.pdf"). */
  path: z.string(),
  kind: z.enum(['pdf', 'png', 'jpeg', 'html', 'zip', 'press']),
  bytes: z.number().int().nonnegative(),
  pageId: z.string().optional(),
});
export type ExportFile = z.infer<typeof ExportFile>;

export const ExportResultSchema = z.object({
  /** The export's folder, workspace-relative. */
  folder: z.string(),
  files: z.array(ExportFile),
  findings: z.array(PreflightFindingSchema),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

export { PageIds as ExportPageIds };
