import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..');
const MAIN = join(REPO, 'out', 'main', 'index.mjs');

/** The Electron binary, or why there is none: require('electron') throws without one. */
function findElectron(): { path: string } | { missing: string } {
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

function childEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  return { ...env, EDITION_DESK_HOME: home };
}

test('opens the sample edition in a sandboxed window', async () => {
  const electronBinary = findElectron();
  if ('missing' in electronBinary) {
    const reason = `Electron binary not installed: ${electronBinary.missing}`;
    console.log(`skip: ${reason}`); // the list reporter does not print skip reasons
    test.skip(true, reason);
    return;
  }
  expect(existsSync(MAIN), `${MAIN} missing: run "node scripts/build.mjs" first`).toBe(true);

  const home = mkdtempSync(join(tmpdir(), 'edition-desk-electron-'));
  const app = await electron.launch({ executablePath: electronBinary.path, args: [MAIN], cwd: REPO, env: childEnv(home) });
  try {
    // The user-data folder (settings, workspace, single-instance lock) follows EDITION_DESK_HOME.
    expect(await app.evaluate(({ app: a }) => a.getPath('userData'))).toBe(home);

    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/特刊编辑台/);
    // The Pages workspace opens the sample edition's 2026 page by default.
    await expect(page.getByText('谋好篇 布好局 履职尽责为人民').first()).toBeVisible();

    // contextIsolation + sandbox: no Node in the page, only the bridge from the preload.
    const globals = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return { require: typeof g['require'], process: typeof g['process'], bridge: typeof g['editionDesk'] };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object' });
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
