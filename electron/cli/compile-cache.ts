import { isAscii } from 'node:buffer';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

// A V8 code cache for one CommonJS bundle (issue 15, item 3), what v8-compile-cache does
// and what Node ≥ 22.1 offers as module.enableCompileCache: Node 20 compiles every module
// afresh on each start, and for a short command like `proof` that compile was most of the
// run. The bundle is compiled with the code V8 produced last time (cachedData: no parse,
// no lazy recompiles of functions that ran), and after a run whose cache was missing or
// rejected the code now compiled is written back for the next start.
//
// The cache is keyed by the bundle's size and mtime and Node's version and lives in the
// user's cache folder (XDG_CACHE_HOME, else ~/.cache); V8 itself also refuses cached data
// made from other source or by another V8 (cachedDataRejected), and a cache that cannot
// be read or written only costs the speed, never the run.

/** CommonJS's module wrapper, as Node's own; a bundle may be written inside it already (scripts/build.mjs's WRAPPER). */
export const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
export const WRAPPER_TAIL = '\n})';

/** This build's caches start with `key`; `variant` names V8 flags the run set (V8 refuses a cache made under other flags). */
function cacheFile(bundle: string, variant: string): { file: string; key: string } {
  const st = statSync(bundle);
  const base = process.env['XDG_CACHE_HOME'] || join(home(), '.cache');
  const key = `${basename(bundle)}-${st.size}-${Math.floor(st.mtimeMs)}-${process.version}-${process.arch}`;
  return { file: join(base, 'edition-desk', `${key}${variant ? `-${variant}` : ''}.v8cache`), key };
}

// Node's os module (its binding and module) is loaded only where HOME is unset, which is
// what os.homedir() reads first anyway: one less module in `proof`'s start (issue 15).
function home(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only here (this file runs as CommonJS, out/cli/proof-launch.cjs)
  return process.env['HOME'] || (require('node:os') as typeof import('node:os')).homedir();
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file: string, bundleName: string, key: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    // The caches of earlier builds of this bundle are never read again (this build's other variant is).
    for (const old of readdirSync(dirname(file))) {
      if (old.startsWith(`${bundleName}-`) && old.endsWith('.v8cache') && !old.startsWith(`${key}-`) && !old.startsWith(`${key}.`)) rmSync(join(dirname(file), old), { force: true });
    }
  } catch {
    // A read-only home: the next start compiles again.
  }
}

/** Loads `bundle` (CommonJS) through the code cache and returns its exports; `variant`: see cacheFile. */
export function requireCached<T>(bundle: string, variant = ''): { exports: T; saveCache: () => void } {
  // An ASCII bundle (scripts/build.mjs writes the proof bundle so) becomes a one-byte string
  // without decoding: 1 ms for the megabyte where UTF-8 took 4–6 (issue 15).
  const bytes = readFileSync(bundle);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const { file, key } = cacheFile(bundle, variant);
  const cachedData = readCache(file);
  // The proof bundles are written wrapped (scripts/build.mjs): compiled as read, without a
  // second copy of their ~350 KB made by the concatenation, which cost a scavenge (issue 15).
  const wrapped = source.startsWith(WRAPPER_HEAD) ? source : `${WRAPPER_HEAD}${source}${WRAPPER_TAIL}`;
  const script = new Script(wrapped, { filename: bundle, cachedData });
  // The bundle requires Node's built-in modules and, for a traditional character, opencc-js
  // (scripts/build.mjs), which a require from out/cli resolves as one from the bundle would:
  // this file's own (it runs as CommonJS, beside the bundle), not
  // module.createRequire(bundle), whose node:module loads four of Node's internal modules
  // (the ES module loader, source maps), ~0.5 ms of `proof`'s start (issue 15).
  const mod = { exports: {} as T };
  (script.runInThisContext() as (e: unknown, r: NodeRequire, m: unknown, f: string, d: string) => void)(
    mod.exports, require, mod, bundle, dirname(bundle));
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  // After the run: the cache then holds the functions that ran, compiled, not only the top level.
  return { exports: mod.exports, saveCache: () => { if (fresh) writeCache(file, basename(bundle), key, script.createCachedData()); } };
}
