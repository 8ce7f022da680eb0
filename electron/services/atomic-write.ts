import { open, rename, unlink, mkdir } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The temp files writeFileAtomic makes (`.NAME.<12 hex>.tmp`): the start-up sweep finds crash leftovers by it. */
export const ATOMIC_TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** A temp path beside `target` named as ATOMIC_TEMP_NAME expects. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

// temp file in the same folder + fsync + rename + fsync of the folder: after a crash the
// target holds either the old bytes or the new ones, never a torn mix.
/** `mode` (default 0o666 less umask) is set on the temp file, so the target never exists with wider rights. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const tmp = tempPathFor(target);
  const fh = await open(tmp, 'wx', mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fh.close();
  try {
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try { await fh.sync(); } finally { await fh.close(); }
}

export function writeJsonAtomic(target: string, value: unknown): Promise<void> {
  return writeFileAtomic(target, JSON.stringify(value, null, 2) + '\n');
}
