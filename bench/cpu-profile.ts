import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A summary of a Chrome DevTools Protocol CPU profile (Profiler.stop), for the editor
// latency bench's EDITOR_BENCH_PROFILE runs: the functions with the most self time, and the
// inclusive time of the app's own listeners, so a slow keystroke names its cost. The whole
// profile is written beside it (out/bench/*.cpuprofile) to open in DevTools.

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
export interface CpuProfile { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[]; startTime: number; endTime: number }

const frameName = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;

/** Top self-time and inclusive-time functions, as lines of text (ms over the whole profile). */
export function summarizeProfile(profile: CpuProfile, label: string, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let sampled = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the delta to the next sample.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const id = samples[i]!;
    const name = frameName(byId.get(id)!.callFrame);
    self.set(name, (self.get(name) ?? 0) + ms);
    sampled += ms;
    // Each function on the stack once per sample (recursion counted once).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = frameName(byId.get(at)!.callFrame);
      if (seen.has(f)) continue;
      seen.add(f);
      total.set(f, (total.get(f) ?? 0) + ms);
    }
  }
  const rows = (m: Map<string, number>, keep: (name: string) => boolean) => [...m].filter(([n]) => keep(n)).sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([n, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${(100 * ms / sampled).toFixed(1).padStart(5)} %  ${n}`);
  const idle = new Set(['(idle) :0', '(program) :0', '(garbage collector) :0']);
  const dir = join(process.cwd(), 'out', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${label}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return [
    `${label}: ${sampled.toFixed(0)} ms sampled (${file})`,
    'self time:', ...rows(self, () => true),
    'inclusive, the app bundle (ours + the bundled Lexical and React):', ...rows(total, (n) => !idle.has(n) && !n.startsWith('(')),
  ].join('\n');
}
