import { execFile } from 'node:child_process';
import { appError } from '../../../shared/contract/messages';

// The press PDF's outside engines, all Debian packages that .ci/run installs: Ghostscript
// (colour conversion, PDF/X, separations), qpdf (the content edit of press-content.ts) and
// ArgyllCMS colprof (a default profile for another ink limit). Run as child processes with
// argument arrays (no shell), a time limit, and their stderr kept for the error's detail.

export type PressTool = 'gs' | 'qpdf' | 'colprof';

const TIMEOUT_MS = 10 * 60_000;

export function runTool(tool: PressTool, args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { cwd: opts.cwd, timeout: opts.timeoutMs ?? TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) return resolve({ stdout, stderr });
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return reject(appError('PRESS_ENGINE_MISSING', tool));
      // qpdf exits 3 for warnings it recovered from; the output is written.
      if (tool === 'qpdf' && (err as { code?: unknown }).code === 3) return resolve({ stdout, stderr });
      // Ghostscript names the error on its first lines ("Error: /undefined in …"), the stacks follow.
      const lines = `${stderr}\n${stdout}`.trim().split('\n').filter((l) => l.trim());
      const named = lines.filter((l) => /error/i.test(l)).slice(0, 3);
      const tail = (named.length ? named : lines.slice(-4)).join(' | ');
      reject(appError('PRESS_FAILED', `${tool}: ${tail || err.message}`));
    });
  });
}
