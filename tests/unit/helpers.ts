import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { expect } from 'vitest';
import { AppError, type ErrorCode, type Result } from '../../shared/contract/errors';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const RESOURCES = join(REPO_ROOT, 'resources');
export const SEEDS_DIR = join(RESOURCES, 'sample', 'seeds');

const made: string[] = [];

/** A fresh temp folder, removed by cleanupTemp() (call it in afterAll). */
export async function tempDir(tag = 'unit'): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), `edition-desk-${tag}-`));
  made.push(d);
  return d;
}

export async function cleanupTemp(): Promise<void> {
  // Retried: work a test leaves running in the background (a raw's preview made behind the
  // batch) may still write into its folder while it is removed (ENOTEMPTY once in CI).
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })));
}

// Content hashes keyed by the file's identity and change time: any write to a file moves
// its ctime, so an unchanged key means unchanged bytes and the big photos are hashed once.
const hashCache = new Map<string, string>();

async function fileHash(p: string): Promise<string> {
  const st = await stat(p, { bigint: true });
  const key = `${p}\0${st.ino}\0${st.size}\0${st.mtimeNs}\0${st.ctimeNs}`;
  let h = hashCache.get(key);
  if (!h) {
    h = createHash('sha256').update(await readFile(p)).digest('hex');
    hashCache.set(key, h);
  }
  return h;
}

/** Every entry under `dir` (symlinks not followed) with a hash of its bytes or link target. */
export async function treeHash(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(dir, p);
      if (e.isSymbolicLink()) out[rel] = `link:${await readlink(p)}`;
      else if (e.isDirectory()) { out[`${rel}/`] = 'dir'; await walk(p); }
      else out[rel] = await fileHash(p);
    }
  };
  await walk(dir);
  return out;
}

/** Awaits `p` and checks it rejects with an AppError of `code`. */
export async function expectAppError(p: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e, `expected AppError ${code}, got a value`).not.toBeNull();
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

export function expectFail(r: Result<unknown>, ...codes: ErrorCode[]): void {
  expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(false);
  if (!r.ok) expect(codes).toContain(r.error.code);
}

export function expectOk<T = unknown>(r: Result<unknown>): T {
  expect(r.ok, r.ok ? '' : JSON.stringify(r.error)).toBe(true);
  return (r as { ok: true; value: T }).value;
}

/** Text with all whitespace (including line separators) removed. */
export const squash = (s: string) => s.replace(/\s/g, '');
