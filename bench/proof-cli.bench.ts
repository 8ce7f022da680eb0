import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

// The proof command's whole process (issue 15, item 3): `edition-desk proof` on a seed
// page, start to exit, against `node -e 0` on the same Node in the same run. The
// reference is the floor every Node CLI pays (the runtime's own start-up); the ratio is
// what our loading, tables and rules add on top. Runs alternate, medians of ROUNDS each.
// bin/edition-desk.cjs (package.json's bin) runs `proof` on a .md file from the text-only
// CommonJS bundle through a V8 code cache (electron/cli/compile-cache.ts), made by the
// warm-up run as a user's first run makes it, and a page this size without V8's optimizing
// compiler (electron/cli/short-run.ts).

// 21 pairs: on this 2-core VM a run of either command swings by ±25 ms from one second to
// the next (page faults on fresh memory are costly here), and 11 pairs left the medians'
// ratio moving by ±0.1 between runs of the same code.
const ROUNDS = 21;

function wall(args: string[]): number {
  const t = performance.now();
  try {
    execFileSync(process.execPath, args, { stdio: 'ignore' });
  } catch (e) {
    // proof exits 1 when a finding is at error level: that is a finished run.
    if ((e as { status?: number }).status !== 1) throw e;
  }
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const benchmarks = [
  {
    name: 'proof-cli-start',
    why: 'node -e 0 is the runtime\'s own start on the same Node, which every Node CLI pays; ours adds loading the proof bundle and proofreading one page.',
    unit: 'ms',
    reference: 'node -e 0 (the runtime alone), same Node, alternating',
    target: { kind: 'max', value: 250, ratioMax: 1.5 },
    async run({ root }: { root: string }) {
      const cli = join(root, 'bin', 'edition-desk.cjs');
      if (!existsSync(join(root, 'out', 'cli', 'index.mjs'))) throw new Error('proof-cli-start: run "npm run build" first');
      const seed = join(root, 'resources', 'sample', 'seeds', '2026-qinyuan-lianghui.md');
      wall([cli, 'proof', seed]); // a first run fills the page cache and the code cache
      const ours: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        ours.push(wall([cli, 'proof', seed]));
        bare.push(wall(['-e', '0']));
      }
      return { value: median(ours), reference: median(bare), note: `${process.version}, the 2026 seed page (${ROUNDS} runs each, medians; load average ${loadavg()[0]!.toFixed(1)})` };
    },
  },
];
