// A summary of a Chromium trace (EDITOR_BENCH_TRACE=1 in the editor latency bench): where
// the renderer's main thread spent the measured keystrokes outside JavaScript (style,
// layout, paint, ResizeObserver, highlights), which a CPU profile shows only as "(program)".

interface TraceEvent { name: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } }

export function summarizeTrace(json: string, label: string, top = 20): string {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const by = new Map<string, { ms: number; n: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const s = by.get(e.name) ?? { ms: 0, n: 0 };
    s.ms += e.dur / 1000;
    s.n += 1;
    by.set(e.name, s);
  }
  const rows = [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)
    .map(([name, s]) => `  ${s.ms.toFixed(1).padStart(8)} ms  ${String(s.n).padStart(6)}×  ${name}`);
  return [`${label}: renderer main thread, trace events (nested events counted in their parents too)`, ...rows].join('\n');
}
