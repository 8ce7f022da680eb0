import { readFile, realpath } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { appError } from '../../../shared/contract/messages';
import { PROOF_FOLDER } from '../../../shared/proof-rounds/rounds';
import { isInside, type Workspace } from '../workspace';

// Downloading a written export: the browser host's GET /export-file/<workspace-relative
// path>. Only <edition>/exports/<stamp>/<file> is served, resolved with realpath and
// contained in the edition folder, so neither ".." nor a symlink leads anywhere else.

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg', '.html': 'text/html; charset=utf-8', '.zip': 'application/zip',
};
const STAMP = /^\d{8}-\d{6}(-\d+)?$/;
const NAME = /^[^./\\][^/\\]*$/;

export interface ExportDownload {
  body: Buffer;
  mime: string;
  fileName: string;
}

/** Segments of "<edition ref…>/exports/<stamp>/<name>", each already URL-decoded. */
export async function readExportFile(ws: Workspace, segments: string[]): Promise<ExportDownload> {
  const real = await resolveExportFile(ws, segments);
  const fileName = segments[segments.length - 1]!;
  return { body: await readFile(real), mime: MIME[extname(fileName).toLowerCase()] ?? 'application/octet-stream', fileName };
}

/** The real path of a written export file, given as workspace-relative segments; nothing else resolves. */
export async function resolveExportFile(ws: Workspace, segments: string[]): Promise<string> {
  const n = segments.length;
  // exports/<stamp>/<name>, or a proof round's proofs/<r01-stamp>/<name> (issue 13).
  const kind = segments[n - 3] === 'proofs' ? 'proofs' : 'exports';
  const folderOk = segments[n - 3] === 'exports' ? STAMP.test(segments[n - 2] ?? '') : segments[n - 3] === 'proofs' && PROOF_FOLDER.test(segments[n - 2] ?? '');
  if (n < 4 || !folderOk || !NAME.test(segments[n - 1]!)) {
    throw appError('NOT_FOUND', segments.join('/'));
  }
  const dir = await ws.resolveEdition(segments.slice(0, n - 3).join('/'));
  const fileName = segments[n - 1]!;
  let real: string;
  try {
    real = await realpath(join(dir, kind, segments[n - 2]!, fileName));
  } catch {
    throw appError('NOT_FOUND', segments.join('/'));
  }
  if (!isInside(join(dir, kind), real)) throw appError('PATH_OUTSIDE_WORKSPACE', segments.join('/'));
  return real;
}

/** Content-Disposition that keeps a Chinese file name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
