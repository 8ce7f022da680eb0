import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { appError } from '../../../shared/contract/messages';
import { PROOF_FOLDER, ProofManifest, roundLabel, type ProofRoundSummary } from '../../../shared/proof-rounds/rounds';
import { isInside, type Workspace } from '../workspace';

// The proof rounds kept in <edition>/proofs/: one folder per proof export
// (r01-20261201-103000), a PDF per page and manifest.json. Reading follows the project's
// rules for files from disk: every folder resolved with realpath and checked to stay in
// the edition, a manifest that does not parse is skipped in the list (and named when asked
// for), never repaired or overwritten.

export const PROOFS_DIR = 'proofs';

/** The real path of one proof folder of an edition; nothing but r…-stamp folders resolves. */
export async function proofFolderPath(editionDir: string, folder: string): Promise<string> {
  if (!PROOF_FOLDER.test(folder)) throw appError('NOT_FOUND', `proofs/${folder}`);
  let real: string;
  try {
    real = await realpath(join(editionDir, PROOFS_DIR, folder));
  } catch {
    throw appError('NOT_FOUND', `proofs/${folder}`);
  }
  if (!isInside(join(await realpath(editionDir), PROOFS_DIR), real)) throw appError('PATH_OUTSIDE_WORKSPACE', `proofs/${folder}`);
  return real;
}

export async function readProofManifest(editionDir: string, folder: string): Promise<{ dir: string; manifest: ProofManifest }> {
  const dir = await proofFolderPath(editionDir, folder);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch (e) {
    throw appError('NOT_FOUND', `proofs/${folder}/manifest.json: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = ProofManifest.safeParse(raw);
  if (!parsed.success) throw appError('NOT_FOUND', `proofs/${folder}/manifest.json: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return { dir, manifest: parsed.data };
}

/** Every readable proof round of an edition, newest first (highest round, then latest). */
export async function listProofRounds(ws: Workspace, editionDir: string): Promise<ProofRoundSummary[]> {
  const names = await readdir(join(editionDir, PROOFS_DIR)).catch(() => [] as string[]);
  const root = await realpath(ws.root);
  const out: ProofRoundSummary[] = [];
  for (const folder of names.filter((n) => PROOF_FOLDER.test(n))) {
    const read = await readProofManifest(editionDir, folder).catch(() => null);
    if (!read) continue;
    const { dir, manifest: m } = read;
    const pages = [];
    for (const p of m.pages) {
      const file = join(dir, p.pdf);
      const bytes = await stat(file).then((s) => s.size, () => -1);
      if (bytes < 0 || !isInside(dir, file)) continue;
      pages.push({ pageId: p.pageId, number: p.number, path: relative(root, file).split(sep).join('/'), bytes });
    }
    out.push({
      folder, round: m.round, label: { zh: roundLabel(m.round, 'zh'), en: roundLabel(m.round, 'en') },
      exportedAt: m.exportedAt, by: m.by, lang: m.lang, watermark: m.watermark, pages,
    });
  }
  return out.sort((a, b) => b.round - a.round || b.folder.localeCompare(a.folder));
}
