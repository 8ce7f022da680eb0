import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

// Per-file wall time of the unit tier, as a fork spends it: from the moment the file is
// queued to a fork to its end, so imports, beforeAll/afterAll hooks and child processes
// count (vitest's JSON report times only the tests themselves: a file whose minute goes
// into its beforeAll shows there as a few seconds). Written by `npm test` to
// test-results/unit-files.json; `tests/unit/durations.json` (what the sequencer orders
// by) is refreshed from it with `node scripts/unit-durations.mjs`.

interface Row { file: string; queued: number; start: number; end: number; wallMs: number; collectMs: number; setupMs: number; testsMs: number; pid?: number }

export default class FileTimingReporter implements Reporter {
  private readonly out: string;
  private readonly root = process.cwd();
  private readonly queued = new Map<string, number>();
  private readonly started = new Map<string, number>();
  private readonly rows: Row[] = [];
  private t0 = Date.now();

  constructor(options: { outputFile?: string } = {}) {
    this.out = options.outputFile ?? 'test-results/unit-files.json';
  }

  onInit(): void {
    this.t0 = Date.now();
  }

  onTestModuleQueued(m: TestModule): void {
    this.queued.set(m.moduleId, Date.now());
  }

  onTestModuleStart(m: TestModule): void {
    this.started.set(m.moduleId, Date.now());
  }

  onTestModuleEnd(m: TestModule): void {
    const end = Date.now();
    const queued = this.queued.get(m.moduleId) ?? this.started.get(m.moduleId) ?? end;
    const d = m.diagnostic();
    this.rows.push({
      file: relative(this.root, m.moduleId),
      queued: queued - this.t0,
      start: (this.started.get(m.moduleId) ?? queued) - this.t0,
      end: end - this.t0,
      wallMs: end - queued,
      collectMs: Math.round(d.collectDuration),
      setupMs: Math.round(d.setupDuration),
      testsMs: Math.round(d.duration),
    });
  }

  onTestRunEnd(): void {
    this.rows.sort((a, b) => b.wallMs - a.wallMs);
    mkdirSync(dirname(this.out), { recursive: true });
    writeFileSync(this.out, `${JSON.stringify({ wallMs: Date.now() - this.t0, files: this.rows }, null, 1)}\n`);
  }
}
