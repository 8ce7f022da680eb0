import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startInProcessHost, type InProcessHost } from '../../electron/host/in-process';
import { writeSampleEdition } from '../../electron/services/sample';
import type { Workspace } from '../../electron/services/workspace';
import { REPO_ROOT, RESOURCES } from './helpers';

// Helpers of the export tests (export-*.test.ts): a workspace with the sample edition,
// the browser host's server in this process, and referees that do not share the code
// under test (a CSV reader, a subsequence check).

export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
export const PRINT_ROUTE_BUILT = existsSync(join(RENDERER_DIR, 'print.html')) && existsSync(join(RENDERER_DIR, 'fonts', 'coverage.json'));
export const PRINT_ROUTE_SKIP = 'SKIPPED: out/renderer/print.html or its fonts are not built (run npm run build)';

export type TestHost = InProcessHost & { workspace: Workspace };

/** `base`/workspace/sample.edition plus a host serving it, exporting through Chromium. */
export async function startExportHost(base: string): Promise<TestHost> {
  const root = join(base, 'workspace');
  await mkdir(root, { recursive: true });
  await writeSampleEdition(RESOURCES, join(root, 'sample.edition'));
  const host = await startInProcessHost({ workspaceRoot: root, scratch: base, rendererDir: RENDERER_DIR, defaultEdition: 'sample.edition' });
  return { ...host, workspace: host.services.workspace };
}

/** RFC 4180, read independently of the writer. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/**
 * Null when every character of `want` occurs in `got` in order; otherwise where the first
 * one that does not, with context on both sides.
 */
export function firstMissingInOrder(want: string, got: string): string | null {
  let at = 0;
  for (let k = 0; k < want.length; k++) {
    const j = got.indexOf(want[k]!, at);
    if (j < 0) {
      return `character ${k + 1}/${want.length} "${want[k]}" not found in order: seed …${want.slice(Math.max(0, k - 20), k)}[${want[k]}]${want.slice(k + 1, k + 20)}…; ` +
        `PDF text after the last match: …${got.slice(Math.max(0, at - 20), at)}|${got.slice(at, at + 40)}…`;
    }
    at = j + 1;
  }
  return null;
}
