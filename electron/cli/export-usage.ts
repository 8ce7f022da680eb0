// The export verb's help and usage error, apart from the verb itself: the CLI loads the
// verb (playwright-core, the in-process host, sharp) only when `export` is run, so
// `proof`, `story` and `--help` start without it.

export const EXPORT_HELP = `  edition-desk export DIR [--pdf OUT.pdf] [--png OUTDIR | --jpeg OUTDIR] [--dpi 150]
                         [--html OUTDIR] [--package OUT.zip] [--lang zh|en] [--pages ID,ID]
                         [--bleed MM] [--marks] [--strict]
                         [--press OUT.pdf [--pdfx 4|1a] [--ink-limit 240] [--profile FILE.icc] [--lpi 200]]
                              export the pages of edition DIR (a NAME.edition folder): print
                              PDF, page images, web HTML, handoff zip; prints the preflight
                              findings (stderr) and the files written (stdout); --strict
                              stops before writing when the preflight finds an error;
                              --press writes the CMYK press PDF (付印 PDF): PDF/X-4 or X-1a,
                              K-only black text, ink limit %, the printer's profile (default
                              FOGRA29 uncoated at 240 %), photos at most 1.5 × lpi (300 ppi)`;

export class ExportUsageError extends Error {}
