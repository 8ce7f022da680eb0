import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

// Where the Electron tier finds its binary, or why there is none (require('electron') throws
// without one), and the child's environment: shared by every spec of the tier.

export const REPO = resolve(import.meta.dirname, '..', '..');
export const MAIN = join(REPO, 'out', 'main', 'index.mjs');

export function findElectron(): { path: string } | { missing: string } {
  let path: unknown;
  try {
    path = createRequire(join(REPO, 'package.json'))('electron');
  } catch {
    return { missing: 'node_modules/electron has no binary (offline install, ELECTRON_SKIP_BINARY_DOWNLOAD=1); reinstall with ELECTRON_MIRROR set to run this tier' };
  }
  if (typeof path !== 'string' || !existsSync(path)) return { missing: `no file at ${String(path)}` };
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return { missing: 'binary present, but no display (run under xvfb-run)' };
  }
  return { path };
}

export function childEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  return { ...env, EDITION_DESK_HOME: home };
}

/** The binary for this spec, or a skip that says why (the list reporter prints no skip reasons). */
export function electronOrSkip(): string | null {
  const electronBinary = findElectron();
  if ('missing' in electronBinary) {
    const reason = `Electron binary not installed: ${electronBinary.missing}`;
    console.log(`skip: ${reason}`);
    test.skip(true, reason);
    return null;
  }
  expect(existsSync(MAIN), `${MAIN} missing: run "node scripts/build.mjs" first`).toBe(true);
  return electronBinary.path;
}
