import type { Finding, Severity } from './types';

// Ignored findings are remembered per edition by key (proof-ignores.json in the edition
// folder, channel proof:ignores:*). Export preflight counts what is left open.

export interface OpenCounts {
  error: number;
  warning: number;
  info: number;
  total: number;
}

export function openFindings(findings: readonly Finding[], ignored: Iterable<string>): Finding[] {
  const set = ignored instanceof Set ? (ignored as Set<string>) : new Set(ignored);
  return findings.filter((f) => !set.has(f.key));
}

/** Open (not ignored) findings by severity; preflight shows these. */
export function countOpenFindings(findings: readonly Finding[], ignored: Iterable<string> = []): OpenCounts {
  const counts: OpenCounts = { error: 0, warning: 0, info: 0, total: 0 };
  for (const f of openFindings(findings, ignored)) {
    counts[f.severity satisfies Severity]++;
    counts.total++;
  }
  return counts;
}
