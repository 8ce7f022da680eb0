// Builds the CLI's table-mapping addon (electron/cli/native/csc-map.c, issue 15) into
// out/cli/csc-map.node with the machine's C compiler and Node's own headers. Node-API only,
// so no node-gyp and no linking against Node (its symbols resolve when Node loads the file).
// Optional: without a compiler, headers or POSIX mmap (Windows), the CLI reads the table as
// before, so a failure here is a note, not a failed build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where node_api.h is: next to this Node (a Debian or tarball install), or npm's nodedir. */
function nodeHeaders() {
  const candidates = [join(dirname(process.execPath), '..', 'include', 'node')];
  if (process.env.npm_config_nodedir) candidates.push(join(process.env.npm_config_nodedir, 'include', 'node'));
  return candidates.find((d) => existsSync(join(d, 'node_api.h'))) ?? null;
}

export function buildCscMapAddon(root) {
  if (process.platform === 'win32') return 'not on Windows (no mmap); the CLI reads the table';
  const headers = nodeHeaders();
  if (!headers) return "no node_api.h next to this Node; the CLI reads the table";
  const out = join(root, 'out', 'cli', 'csc-map.node');
  mkdirSync(dirname(out), { recursive: true });
  const cc = process.env.CC || 'cc';
  try {
    execFileSync(cc, ['-O2', '-shared', '-fPIC', '-Wall', '-I', headers, '-o', out, join(root, 'electron', 'cli', 'native', 'csc-map.c'), ...(process.platform === 'darwin' ? ['-undefined', 'dynamic_lookup'] : [])], { stdio: ['ignore', 'ignore', 'pipe'] });
    return null;
  } catch (e) {
    return `${cc} failed (${String(e.stderr ?? e.message).trim().split('\n')[0]}); the CLI reads the table`;
  }
}
