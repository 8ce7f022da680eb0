import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { startHost, tempDataDir, type RunningHost } from '../support/host';
import { ensureNodeBuild } from './node-build';

// The browser host keeps the archive catalogue in a process of its own (archive-rpc/
// node-fork.ts), as the Electron window does: its re-reads of a whole edition after each
// save no longer hold the host's requests. A host killed outright leaves no catalogue behind.

/** Pids whose parent is `ppid` and whose command line mentions `needle` (Linux /proc). */
function childrenOf(ppid: number, needle: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === ppid && readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(needle)) out.push(Number(d));
    } catch { /* gone meanwhile */ }
  }
  return out;
}

async function until<T>(probe: () => T | undefined, ms: number): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let host: RunningHost | undefined;
afterAll(async () => { await host?.stop('SIGKILL'); });

it('the host runs the catalogue in a child process, which ends when the host is killed', async () => {
  ensureNodeBuild();
  host = await startHost(tempDataDir());
  const pid = host.child.pid!;
  const [catalog] = await until(() => { const c = childrenOf(pid, 'archive-utility.mjs'); return c.length ? c : undefined; }, 20_000);
  expect(readFileSync(`/proc/${catalog}/cmdline`, 'utf8')).toContain('--any-sqlite');
  await host.stop('SIGKILL');
  host = undefined;
  await until(() => (existsSync(`/proc/${catalog}`) && !readFileSync(`/proc/${catalog}/stat`, 'utf8').includes(') Z') ? undefined : true), 20_000);
});
