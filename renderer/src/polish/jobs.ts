import { useSyncExternalStore } from 'react';

// Long jobs (photo ingest, copy import, export) as one small store outside React
// (issue 17): the desk that started a job may be left, its progress still shows in the
// top bar, the window title and the desktop app's taskbar button (JobProgress.tsx).

// 'index': the archive catalogue rebuilt from the files on start (issue 16).
export type JobKind = 'ingest' | 'import' | 'export' | 'index';

export interface Job {
  id: string;
  kind: JobKind;
  done: number;
  /** 0 when the job cannot count its steps (an export is one call): shown without a fraction. */
  total: number;
}

let jobs: readonly Job[] = [];
const listeners = new Set<() => void>();
const emit = () => { for (const l of listeners) l(); };

/** Reports a job's progress; `finished` takes it off the list. */
export function jobProgress(id: string, kind: JobKind, done: number, total: number, finished = false): void {
  const rest = jobs.filter((j) => j.id !== id);
  jobs = finished ? rest : [...rest, { id, kind, done, total }];
  emit();
}

let seq = 0;
/** A new job id, unique in this window. */
export function newJobId(kind: JobKind): string { return `${kind}-${++seq}`; }

export function useJobs(): readonly Job[] {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => jobs);
}

/** The fraction all countable jobs have done together, or null when none counts. */
export function overallFraction(list: readonly Job[]): number | null {
  const counted = list.filter((j) => j.total > 0);
  if (counted.length === 0) return list.length > 0 ? 0 : null;
  const total = counted.reduce((s, j) => s + j.total, 0);
  return Math.min(1, counted.reduce((s, j) => s + j.done, 0) / total);
}

/** Runs one call that cannot count its steps (an export) as a job: shown while it runs. */
export async function trackJob<T>(kind: JobKind, run: () => Promise<T>): Promise<T> {
  const id = newJobId(kind);
  jobProgress(id, kind, 0, 0);
  try { return await run(); } finally { jobProgress(id, kind, 0, 0, true); }
}
