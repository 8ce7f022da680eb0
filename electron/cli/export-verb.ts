import { copyFile, mkdir, mkdtemp, readdir, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ExportFormats } from '../../shared/contract/export-schemas';
import { ExportFormats as ExportFormatsSchema } from '../../shared/contract/export-schemas';
import { Id } from '../../shared/document/ids';
import { runExport, runPreflight } from '../services/export/export-job';
import { startInProcessHost } from '../host/in-process';
import { EDITION_SUFFIX } from '../services/workspace';
import { ExportUsageError } from './export-usage';

// `edition-desk export`: the export without the GUI. It starts the browser host's server
// in this process on 127.0.0.1:0 (workspace = the edition's parent folder, settings and
// caches in a temp folder), drives Chromium against its print route, and copies the
// written files to where the options say.

export { EXPORT_HELP, ExportUsageError } from './export-usage';

interface Parsed {
  editionDir: string;
  lang: 'zh' | 'en';
  pages: string[];
  formats: ExportFormats;
  out: { pdf?: string; images?: string; html?: string; package?: string; press?: string };
  profile?: string;
  strict: boolean;
}

function parse(args: string[]): Parsed {
  let r;
  try {
    r = parseArgs({
      args,
      allowPositionals: true,
      options: {
        pdf: { type: 'string' }, png: { type: 'string' }, jpeg: { type: 'string' }, dpi: { type: 'string' }, quality: { type: 'string' },
        html: { type: 'string' }, package: { type: 'string' }, lang: { type: 'string' }, pages: { type: 'string' },
        bleed: { type: 'string' }, marks: { type: 'boolean' }, strict: { type: 'boolean' },
        press: { type: 'string' }, pdfx: { type: 'string' }, 'ink-limit': { type: 'string' }, profile: { type: 'string' }, lpi: { type: 'string' },
      },
    });
  } catch (e) {
    throw new ExportUsageError(`${(e as Error).message}; see edition-desk --help`);
  }
  const v = r.values;
  if (r.positionals.length !== 1) throw new ExportUsageError('export needs one edition folder: edition-desk export DIR.edition --pdf out.pdf');
  const editionDir = resolve(r.positionals[0]!);
  if (!editionDir.endsWith(EDITION_SUFFIX)) throw new ExportUsageError(`${r.positionals[0]} is not a NAME${EDITION_SUFFIX} folder`);
  const lang = v.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new ExportUsageError('--lang is zh or en');
  if (v.png !== undefined && v.jpeg !== undefined) throw new ExportUsageError('--png and --jpeg: choose one');
  const pages = (v.pages ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const p of pages) if (!Id.safeParse(p).success) throw new ExportUsageError(`"${p}" is not a page id`);
  const num = (name: string, s: string | undefined) => {
    if (s === undefined) return undefined;
    const n = Number(s);
    if (!Number.isFinite(n)) throw new ExportUsageError(`--${name} needs a number`);
    return n;
  };
  const bleed = num('bleed', v.bleed);
  const dpi = num('dpi', v.dpi);
  const quality = num('quality', v.quality);
  const images = v.png ?? v.jpeg;
  const raw = {
    ...(v.pdf !== undefined || bleed !== undefined || v.marks ? { pdf: { bleedMm: bleed ?? 0, marks: v.marks ?? false } } : {}),
    ...(images !== undefined ? { png: { dpi: dpi ?? 150, format: v.jpeg !== undefined ? 'jpeg' : 'png', ...(quality !== undefined ? { quality } : {}) } } : {}),
    ...(v.html !== undefined ? { html: true } : {}),
    ...(v.package !== undefined ? { package: true } : {}),
    ...(v.press !== undefined ? { press: pressFormat(v, bleed, num) } : {}),
  };
  if (v.press === undefined && (v.pdfx !== undefined || v['ink-limit'] !== undefined || v.profile !== undefined || v.lpi !== undefined)) {
    throw new ExportUsageError('--pdfx, --ink-limit, --profile and --lpi go with --press OUT.pdf');
  }
  if (raw.pdf && v.pdf === undefined && v.press === undefined) throw new ExportUsageError('--bleed and --marks go with --pdf OUT.pdf');
  if (raw.pdf && v.pdf === undefined) delete raw.pdf;
  const checked = ExportFormatsSchema.safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ExportUsageError(issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : 'choose at least one of --pdf, --png, --jpeg, --html, --package');
  }
  return {
    editionDir, lang, pages, formats: checked.data, strict: v.strict ?? false,
    out: { pdf: v.pdf, images, html: v.html, package: v.package, press: v.press },
    ...(v.profile !== undefined ? { profile: resolve(v.profile) } : {}),
  };
}

/** --press with its options; the bleed is --bleed when given, else 3 mm (a press wants bleed). */
function pressFormat(v: Record<string, string | boolean | undefined>, bleed: number | undefined, num: (name: string, s: string | undefined) => number | undefined) {
  const pdfx = (v['pdfx'] as string | undefined) ?? '4';
  if (pdfx !== '4' && pdfx !== '1a') throw new ExportUsageError('--pdfx is 4 or 1a');
  const inkLimit = num('ink-limit', v['ink-limit'] as string | undefined);
  const lpi = num('lpi', v['lpi'] as string | undefined);
  return {
    pdfx, bleedMm: bleed ?? 3,
    ...(inkLimit !== undefined ? { inkLimit } : {}),
    ...(lpi !== undefined ? { maxPpi: Math.round(lpi * 1.5) } : {}),
  };
}

/** `cliDir` is the folder of the CLI's entry (out/cli); the built renderer sits beside it. */
export async function exportVerb(args: string[], ui: 'zh-CN' | 'en', cliDir: string): Promise<void> {
  const p = parse(args);
  const scratch = await mkdtemp(join(tmpdir(), 'edition-desk-cli-'));
  // Not this module's own folder: the build splits the verb into out/cli/chunks/.
  const here = cliDir;
  const host = await startInProcessHost({ workspaceRoot: dirname(p.editionDir), scratch, rendererDir: join(here, '..', 'renderer'), defaultEdition: basename(p.editionDir) });
  const ref = basename(p.editionDir);
  try {
    if (p.strict) {
      const found = await runPreflight(host.services, { edition: ref, pages: p.pages, lang: p.lang });
      found.forEach((f) => console.error(`preflight ${f.severity}: ${f.message[ui]}`));
      const errors = found.filter((f) => f.severity === 'error').length;
      if (errors > 0) throw new Error(`preflight found ${errors} error(s); nothing written (--strict)`);
    }
    const result = await runExport(host.services, { edition: ref, pages: p.pages, lang: p.lang, formats: p.formats, ...(p.profile ? { pressProfile: p.profile } : {}) });
    if (!p.strict) result.findings.forEach((f) => console.error(`preflight ${f.severity}: ${f.message[ui]}`));
    const folder = join(host.services.workspace.root, result.folder);
    for (const f of result.files) {
      const from = join(host.services.workspace.root, f.path);
      const target = f.kind === 'press' ? p.out.press : f.kind === 'pdf' ? p.out.pdf : f.kind === 'zip' ? p.out.package : f.kind === 'html' ? p.out.html && join(p.out.html, basename(from)) : p.out.images && join(p.out.images, basename(from));
      if (!target) continue;
      const abs = resolve(target);
      await mkdir(dirname(abs), { recursive: true });
      await copyFile(from, abs);
      console.log(`${abs}\t${f.bytes}`);
    }
    // The command's files go where the options say; the edition keeps no copy of them.
    await rm(folder, { recursive: true, force: true });
    const exportsDir = dirname(folder);
    if ((await readdir(exportsDir)).length === 0) await rmdir(exportsDir).catch(() => {});
  } finally {
    await host.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}
