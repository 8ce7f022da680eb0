import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isTextInput, tierForProof } from './short-run';

// What bin/edition-desk.cjs loads before the proof bundle (issue 15): the code-cache loader,
// which bundle runs and V8's tiers for the run, one small CommonJS file (out/cli/proof-launch.cjs).
export { requireCached } from './compile-cache';

/** The proof bundles in out/cli: everything, and the text files' (scripts/build.mjs). */
export const PROOF_BUNDLE = 'proof.cjs';
export const PROOF_TEXT_BUNDLE = 'proof-text.cjs';

/**
 * The bundle for `proof args` in `dir` (a .md/.txt file: the text-only one, without the
 * .docx and edition readers) and its code cache variant, with V8's tiers set for the run;
 * null when that bundle is not built (the bin then runs the full CLI).
 */
export function proofBundle(args: readonly string[], dir: string): { bundle: string; variant: string } | null {
  const bundle = join(dir, isTextInput(args) ? PROOF_TEXT_BUNDLE : PROOF_BUNDLE);
  if (!existsSync(bundle)) return null;
  return { bundle, variant: tierForProof(args) };
}
