import { realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { appError } from '../../../shared/contract/messages';
import type { ProofDiffResult } from '../../../shared/proof-rounds/rounds';
import { diffPassages } from '../../../shared/proof-rounds/text-diff';
import { writeFileAtomic } from '../atomic-write';
import type { Workspace } from '../workspace';
import { pictureDiff } from './proof-picture-diff';
import { readProofManifest } from './proof-store';

// Comparing two proof rounds of one page: the text diff from the texts kept in the
// manifests, the picture diff from the two PDFs. The outlined render is written beside
// the later proof (diff-<earlier folder>-<page>.png), so the comparison can be handed on.

export interface ProofDiffRequest {
  edition: string;
  from: string;
  to: string;
  pageId: string;
}

export async function diffProofRounds(ws: Workspace, req: ProofDiffRequest): Promise<ProofDiffResult> {
  const dir = await ws.resolveEdition(req.edition);
  const a = await readProofManifest(dir, req.from);
  const b = await readProofManifest(dir, req.to);
  const pa = a.manifest.pages.find((p) => p.pageId === req.pageId);
  const pb = b.manifest.pages.find((p) => p.pageId === req.pageId);
  if (!pa || !pb) throw appError('NOT_FOUND', `page ${req.pageId} in proofs/${pa ? req.to : req.from}`);
  const changes = diffPassages(pa.passages, pb.passages);
  const size = b.manifest.pageSizeMm;
  const pic = await pictureDiff({
    fromPdf: join(a.dir, pa.pdf), toPdf: join(b.dir, pb.pdf), slugMm: b.manifest.slugMm, widthMm: size.width, heightMm: size.height,
  });
  const file = join(b.dir, `diff-${req.from}-${String(pb.number).padStart(2, '0')}.png`);
  await writeFileAtomic(file, pic.png);
  const root = await realpath(ws.root);
  return {
    pageId: req.pageId, number: pb.number, changes, regions: pic.regions, changedFraction: pic.changedFraction,
    png: new Uint8Array(pic.png), path: relative(root, file).split(sep).join('/'),
  };
}
