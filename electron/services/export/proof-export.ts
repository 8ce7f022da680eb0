import { mkdir, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { appError } from '../../../shared/contract/messages';
import type { Edition } from '../../../shared/document/schema';
import { pdfTitle } from '../../../shared/export/file-names';
import { proofFolderName, roundLabel, type ProofManifest, type ProofPageEntry, type ProofRoundSummary } from '../../../shared/proof-rounds/rounds';
import { writeFileAtomic } from '../atomic-write';
import { readEdition, readPages } from '../edition-store';
import { APP_VERSION } from '../version';
import { exportStamp, type ExportServices } from './export-job';
import { decorateProof, pageTexts } from './proof-page';
import { listProofRounds, PROOFS_DIR } from './proof-store';

// 签样: a proof PDF per page for sign-off, with a slug line outside the trim (edition,
// 第 N 版, round, time, who exported) and an optional faint 样, kept with its round in
// <edition>/proofs/. The pages are laid out once by the print route with crop marks (its
// 8 mm mark slug is where the slug line goes), then printed a page at a time from the
// same tab. The text of each page as laid out is kept in the manifest for the text diff.

export interface ProofRequest {
  edition: string;
  pages?: string[] | undefined;
  lang: 'zh' | 'en';
  /** 1 = 一校; absent = one after the edition's highest round so far. */
  round?: number | undefined;
  watermark: boolean;
  /** Who exported; absent = the signed-in desk user, else the system user. */
  by?: string | undefined;
}

/** The slug's time: local, to the minute, as a proof stamp reads (2026-12-01 10:30). */
export function slugTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function slugLine(edition: Edition, number: number, round: number, at: Date, by: string, lang: 'zh' | 'en'): string {
  if (lang === 'en') return `${edition.title} · Page ${number} · ${roundLabel(round, 'en')} · ${slugTime(at)} · exported by ${by}`;
  // Fields apart by an ideographic space (U+3000), as a running head is set.
  return [edition.title, `第${number}版`, roundLabel(round, 'zh'), slugTime(at), `导出：${by}`].join('\u3000');
}

function systemUser(): string {
  try { return userInfo().username; } catch { return ''; }
}

const MARK_SLUG_MM = 8;

export async function runProofExport(svc: ExportServices, req: ProofRequest): Promise<ProofRoundSummary> {
  if (!svc.engine) throw appError('CHROMIUM_MISSING', 'no print engine in this host');
  const dir = await svc.workspace.resolveEdition(req.edition);
  const edition = await readEdition(dir);
  const all = await readPages(dir, edition);
  const wanted = req.pages && req.pages.length > 0 ? req.pages : null;
  const missing = (wanted ?? []).filter((id) => !edition.pages.includes(id));
  if (missing.length > 0) throw appError('NOT_FOUND', `pages: ${missing.join(', ')}`);
  const pages = wanted ? all.filter((p) => wanted.includes(p.id)) : all;
  const previous = await listProofRounds(svc.workspace, dir);
  const round = req.round ?? Math.min(99, (previous[0]?.round ?? 0) + 1);
  const by = (req.by ?? '').trim() || systemUser() || '—';
  const at = new Date();

  const proofsDir = join(dir, PROOFS_DIR);
  const staging = join(proofsDir, `.partial-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { recursive: true });
  try {
    const job = await svc.engine.open({ edition: req.edition, pages: pages.map((p) => p.id), lang: req.lang, bleedMm: 0, marks: true });
    const entries: ProofPageEntry[] = [];
    const pageSizeMm = job.report.pageSizeMm;
    try {
      const order = job.report.pages;
      const numberOf = new Map(pages.map((p) => [p.id, p.number]));
      const { width, height } = job.report.pageSizeMm;
      await job.evaluate(decorateProof, {
        slugs: order.map((p) => slugLine(edition, numberOf.get(p.id) ?? p.number, round, at, by, req.lang)),
        watermark: req.watermark, outerMm: MARK_SLUG_MM, widthMm: width, heightMm: height,
      });
      const texts = new Map((await job.evaluate(pageTexts, null)).map((t) => [t.pageId, t.passages]));
      for (const [i, p] of order.entries()) {
        const number = numberOf.get(p.id) ?? p.number;
        const label = roundLabel(round, req.lang);
        const name = req.lang === 'en' ? `page${String(number).padStart(2, '0')}-proof${round}.pdf` : `第${String(number).padStart(2, '0')}版-${label}.pdf`;
        const title = `${pdfTitle(edition, [number], req.lang)} ${label}`;
        const pdf = await job.pdf({ title, author: by, creator: `Edition Desk ${APP_VERSION}` }, { pageRanges: String(i + 1) });
        await writeFileAtomic(join(staging, name), pdf);
        entries.push({ pageId: p.id, number, pdf: name, passages: texts.get(p.id) ?? [] });
      }
    } finally {
      await job.close();
    }
    const manifest: ProofManifest = {
      version: 1, round, exportedAt: at.toISOString(), by, lang: req.lang, watermark: req.watermark,
      pageSizeMm,
      slugMm: MARK_SLUG_MM, pages: entries,
    };
    await writeFileAtomic(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const stamp = exportStamp(at);
    let folder = proofFolderName(round, stamp);
    for (let n = 2; previous.some((r) => r.folder === folder); n++) folder = `${proofFolderName(round, stamp)}-${n}`;
    await rename(staging, join(proofsDir, folder));
    const listed = (await listProofRounds(svc.workspace, dir)).find((r) => r.folder === folder);
    if (!listed) throw appError('IO_ERROR', `proofs/${folder}`);
    return listed;
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}
