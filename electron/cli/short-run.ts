import { statSync } from 'node:fs';

// `edition-desk proof` on one page runs for about a tenth of a second, too short for V8's
// optimizing compiler to pay back: it compiles the detector's hot loops on a second thread
// while the page is still being read, and the process exits before the optimized code has
// saved what compiling it cost. Measured on this 2-core machine (issue 15, CPU / wall median
// per run, whole process): the 2026 seed page 207 / 219 ms with it, 148 / 165 ms without;
// 10,000 characters of SIGHAN copy 370 / 403 against 238 / 252; 30,000: 521 / 557 against
// 474 / 488; 100,000: 1,006 / 1,003 against 1,414 / 1,478. So a single text file (.md,
// .txt) under SHORT_RUN_BYTES (about 40,000 Chinese characters) runs on V8's interpreter and
// baseline compiler only (--no-opt); an edition folder, a .docx (zipped: its size says little
// about its length) or a larger file keeps the optimizing compiler.
// The output is the same either way: only how V8 runs the same code differs.

/** Input size (bytes) under which a proof run is short. */
export const SHORT_RUN_BYTES = 128 * 1024;

/** The input file of `proof [options] FILE`: the one argument that is no option or option value. */
function inputOf(args: readonly string[]): string | null {
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (/^--[a-z]+=/.test(a)) continue;
    if (a.startsWith('--')) { i++; continue; }
    pos.push(a);
  }
  return pos.length === 1 ? pos[0]! : null;
}

/** The size of the one regular .md/.txt file `proof` with these arguments reads, or -1. */
function textInputSize(args: readonly string[]): number {
  const file = inputOf(args);
  if (file === null || !/\.(md|markdown|txt|text)$/i.test(file)) return -1;
  try {
    const st = statSync(file);
    return st.isFile() ? st.size : -1;
  } catch {
    return -1; // the verb reports the missing file itself
  }
}

/** Whether `proof` with these arguments reads one regular text file (.md, .txt): no .docx, no edition folder. */
export function isTextInput(args: readonly string[]): boolean {
  return textInputSize(args) >= 0;
}

/** Whether `proof` with these arguments reads one text file under SHORT_RUN_BYTES. */
export function isShortRun(args: readonly string[]): boolean {
  const size = textInputSize(args);
  return size >= 0 && size < SHORT_RUN_BYTES;
}

/**
 * Sets a V8 flag as node:v8's setFlagsFromString does, through the binding that function
 * wraps: loading node:v8 loads Node's stream modules too (its heap snapshot streams), ~2 ms
 * of a proof run's CPU, where the binding costs 0.3 (issue 15). process.binding is
 * deprecated, so its warning is held back for the call; where a Node has no such binding
 * any more, node:v8 does it.
 */
function setV8Flag(flag: string): void {
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    const binding = (process as unknown as { binding?: (name: string) => { setFlagsFromString?: (f: string) => void } }).binding?.('v8');
    if (typeof binding?.setFlagsFromString === 'function') return binding.setFlagsFromString(flag);
  } catch {
    // no such binding: below
  } finally {
    process.noDeprecation = quiet;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only here, where the binding is gone (this file is bundled as CommonJS)
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(flag);
}

/**
 * Sets V8's tiers for a proof run before its bundle loads: without the optimizing compiler
 * for a short run. Returns the code cache's variant for these flags ('' or 'short').
 */
export function tierForProof(args: readonly string[]): string {
  if (!isShortRun(args)) return '';
  setV8Flag('--no-opt');
  return 'short';
}
